package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBuildCorpusShapes(t *testing.T) {
	from := filepath.Join("..", "..", "testdata")
	const size = 256 << 10
	tests := []struct {
		shape   string
		exts    []string // the only extensions allowed
		oneFile bool
	}{
		{"small", nil, false},
		{"html", []string{".html", ".htm"}, false},
		{"big", []string{".txt"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.shape, func(t *testing.T) {
			dir := t.TempDir()
			files, written, err := BuildCorpus(tc.shape, from, dir, size, 1)
			if err != nil {
				t.Fatal(err)
			}
			if written < size {
				t.Errorf("wrote %d bytes, want at least %d", written, size)
			}
			if tc.oneFile != (files == 1) {
				t.Errorf("%d files", files)
			}
			var seen int
			var total int64
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				seen++
				data, _ := os.ReadFile(p)
				total += int64(len(data))
				ext := filepath.Ext(p)
				if tc.exts != nil && !strings.Contains(strings.Join(tc.exts, " "), ext) {
					t.Errorf("%s: extension %s in a %s corpus", p, ext, tc.shape)
				}
				if tc.shape == "big" && !utf8.Valid(data) {
					t.Errorf("%s: not UTF-8", p)
				}
				return nil
			})
			if seen != files || total != written {
				t.Errorf("found %d files, %d bytes; reported %d, %d", seen, total, files, written)
			}
		})
	}
	if _, _, err := BuildCorpus("huge", from, t.TempDir(), size, 1); err == nil || !strings.Contains(err.Error(), "small, html, big") {
		t.Errorf("unknown shape: err = %v", err)
	}
}
