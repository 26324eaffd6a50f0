// Package seedtest gives tests the seed documents of testdata/seeds in
// both scripts: as written (simplified) and converted to Taiwan
// traditional with OpenCC's s2tw.
package seedtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// BothScripts returns each seed's text, then its s2tw conversion, read
// from root/testdata/seeds (root: the repository's root, relative to the
// test's directory).
func BothScripts(t testing.TB, root string) []string {
	t.Helper()
	conv, err := opencc.New("s2tw")
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := filepath.Glob(filepath.Join(root, "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), conv.Convert(string(b)))
	}
	return texts
}
