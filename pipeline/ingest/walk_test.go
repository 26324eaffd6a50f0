package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWalk checks that every document an input names comes once, in order,
// however the inputs overlap.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "b.html", "sub/c.txt", "sub/deep/d.txt", ".hidden/e.txt", "f.png", "g", "out/h.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	j := func(ps ...string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.Join(dir, p))
		}
		return out
	}
	all := j("a.txt", "b.html", "g", "sub/c.txt", "sub/deep/d.txt")
	tests := []struct {
		name    string
		inputs  []string
		want    []string
		missing int
	}{
		{"folder", j(""), all, 0},
		{"folder twice", j("", ""), all, 0},
		{"file then its folder", j("sub/c.txt", ""), append(j("sub/c.txt"), j("a.txt", "b.html", "g", "sub/deep/d.txt")...), 0},
		{"folder then a file in it", j("", "sub/c.txt"), all, 0},
		{"folder then a subfolder", j("", "sub"), all, 0},
		{"subfolder then its parent", j("sub", ""), append(j("sub/c.txt", "sub/deep/d.txt"), j("a.txt", "b.html", "g")...), 0},
		{"a file named explicitly is read whatever its name", j("f.png"), j("f.png"), 0},
		{"glob", []string{filepath.Join(dir, "*.txt"), filepath.Join(dir, "sub", "*.txt")}, j("a.txt", "sub/c.txt"), 0},
		{"missing input", append(j("nope.txt"), j("a.txt")...), j("a.txt"), 1},
		{"glob matching nothing", []string{filepath.Join(dir, "*.csv")}, nil, 1},
		{"stdin once", []string{"-", "-"}, []string{"-"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			missing, err := Walk(tc.inputs, j("out"), func(p string) error {
				got = append(got, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
			if len(missing) != tc.missing {
				t.Errorf("missing = %v, want %d", missing, tc.missing)
			}
		})
	}
}

// TestWalkRelativeAndAbsolute: the same folder named two ways is walked once.
func TestWalkRelativeAndAbsolute(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	t.Chdir(dir)
	var got []string
	if _, err := Walk([]string{".", dir, "./a.txt"}, nil, func(p string) error {
		got = append(got, p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("got %q, want [a.txt]", got)
	}
}

// TestWalkStopsOnEmitError: an error from emit ends the walk.
func TestWalkStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	n := 0
	_, err := Walk([]string{dir}, nil, func(string) error {
		n++
		if n == 2 {
			return os.ErrClosed
		}
		return nil
	})
	if err != os.ErrClosed || n != 2 {
		t.Errorf("err %v after %d files, want ErrClosed after 2", err, n)
	}
}
