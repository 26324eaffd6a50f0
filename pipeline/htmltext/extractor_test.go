package htmltext

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// TestExtractorReusesScratch: an Extractor that kept the scratch of earlier
// pages (larger, smaller, tables, feeds) extracts each page as a fresh
// extraction does, in the test pages' order and backwards.
func TestExtractorReusesScratch(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("test pages: %v (%d)", err, len(paths))
	}
	var pages []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, decodePage(t, raw))
	}
	backwards := slices.Clone(pages)
	slices.Reverse(backwards)
	for _, tc := range []struct {
		name  string
		pages []string
	}{
		{"in order", pages},
		{"backwards", backwards},
		{"each twice", append(slices.Clone(pages), pages...)},
	} {
		ex := NewExtractor()
		for i, page := range tc.pages {
			want, werr := Extract(page)
			got, gerr := ex.Extract(page)
			if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: page %d: reused scratch gives %+v (%v), want %+v (%v)", tc.name, i, got, gerr, want, werr)
			}
		}
	}
}
