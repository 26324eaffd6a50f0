package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "(devel) (no VCS revision, go1.x)"},
		{"stamped", &debug.BuildInfo{
			GoVersion: "go1.x",
			Main:      debug.Module{Version: "v0.0.0-20261206085505-8891f0e4e1c2+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "8891f0e4e1c2aa00bb11cc22dd33ee44ff556677"},
				{Key: "vcs.time", Value: "2026-12-06T08:55:05Z"},
				{Key: "vcs.modified", Value: "true"},
			},
		}, true, "v0.0.0-20261206085505-8891f0e4e1c2+dirty (revision 8891f0e4e1c2, 2026-12-06T08:55:05Z, modified, go1.x)"},
		{"release, clean tree", &debug.BuildInfo{
			GoVersion: "go1.x",
			Main:      debug.Module{Version: "v1.2.0"},
			Settings:  []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}},
		}, true, "v1.2.0 (revision abc, go1.x)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := fromBuildInfo(tt.bi, tt.ok)
			if !tt.ok {
				info.Go = "go1.x" // the toolchain running the test
			}
			if got := info.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
