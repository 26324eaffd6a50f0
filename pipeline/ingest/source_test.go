package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSourceName(t *testing.T) {
	cwd := filepath.FromSlash("/work/repo")
	for _, c := range []struct{ in, want string }{
		{"testdata/seeds/a.txt", "testdata/seeds/a.txt"},
		{"./testdata//seeds/../seeds/a.txt", "testdata/seeds/a.txt"},
		{"/work/repo/testdata/seeds/a.txt", "testdata/seeds/a.txt"},
		{"/work/repo", "."},
		{"/work/repository/a.txt", "/work/repository/a.txt"},
		{"/data/crawl/a.txt", "/data/crawl/a.txt"},
		{"../../testdata/a.txt", "../../testdata/a.txt"},
	} {
		in, want := filepath.FromSlash(c.in), filepath.FromSlash(c.want)
		if got := sourceName(cwd, in); got != want {
			t.Errorf("sourceName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWalkNamesAbsoluteAsRelative: a file given by its absolute path inside
// the current directory gets the same source (and so doc_id) as given
// relatively.
func TestWalkNamesAbsoluteAsRelative(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if _, err := Walk([]string{filepath.Join(cwd, "ingest.go"), "./source.go"}, nil, func(p string) error {
		got = append(got, p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != "ingest.go" || got[1] != "source.go" {
		t.Errorf("sources %q, want [ingest.go source.go]", got)
	}
}
