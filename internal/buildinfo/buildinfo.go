// Package buildinfo reports which build of zhextract is running: the module
// version and VCS revision the Go toolchain stamped into the binary. Both
// `zhextract version` and the Parquet files' created_by use it, so a table
// can be traced to the code that wrote it.
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Info is what the binary knows about its own build.
type Info struct {
	Version  string // module version, e.g. v1.2.0 or a pseudo-version; "(devel)" when unstamped
	Revision string // VCS commit, "" when built without VCS information
	Time     string // commit time (RFC 3339), "" when unknown
	Modified bool   // the working tree had uncommitted changes
	Go       string // toolchain version
}

// Read returns the running binary's build information.
func Read() Info {
	return fromBuildInfo(debug.ReadBuildInfo())
}

func fromBuildInfo(bi *debug.BuildInfo, ok bool) Info {
	info := Info{Version: "(devel)", Go: runtime.Version()}
	if !ok || bi == nil {
		return info
	}
	if bi.Main.Version != "" {
		info.Version = bi.Main.Version
	}
	if bi.GoVersion != "" {
		info.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

// ShortRevision is the first 12 hex digits of the revision, as Go's
// pseudo-versions show it.
func (i Info) ShortRevision() string {
	if len(i.Revision) > 12 {
		return i.Revision[:12]
	}
	return i.Revision
}

// String is one line: "v0.0.0-… (revision 8891f0e4e1c2, 2026-12-06T08:55:05Z, modified, go1.26.8)".
func (i Info) String() string {
	var extra []string
	if i.Revision != "" {
		extra = append(extra, "revision "+i.ShortRevision())
	} else {
		extra = append(extra, "no VCS revision")
	}
	if i.Time != "" {
		extra = append(extra, i.Time)
	}
	if i.Modified {
		extra = append(extra, "modified")
	}
	extra = append(extra, i.Go)
	return i.Version + " (" + strings.Join(extra, ", ") + ")"
}
