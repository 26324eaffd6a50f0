package ingest

import (
	"path/filepath"
	"strings"
)

// sourceName is the name a path found by Walk is recorded under (source,
// and through it doc_id): cleaned, and relative to the current directory
// when it lies inside it, so that `run /abs/repo/testdata/x` and `run
// testdata/x` from /abs/repo (or the Beam pipeline given either) name a
// file alike. A path outside the current directory stays as given (cleaned):
// "../../data/x" from wherever the command happened to run says less than
// the path the user typed.
func sourceName(cwd, p string) string {
	p = filepath.Clean(p)
	if !filepath.IsAbs(p) || cwd == "" {
		return p
	}
	rel, err := filepath.Rel(cwd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}
