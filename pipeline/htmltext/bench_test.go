package htmltext

import (
	"path/filepath"
	"testing"
)

// BenchmarkExtractorCorpus runs one Extractor over the pages bench --shape
// html builds its corpus from (testdata/htmltext and the probe pages), so
// its profile has the shape of the pipeline's HTML stage.
func BenchmarkExtractorCorpus(b *testing.B) {
	pages := testdataPages(b)
	pages = append(pages, pagesAt(b, filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*.htm*"))...)
	if len(pages) < 60 {
		b.Fatalf("found %d pages, want the htmltext and htmlprobe pages", len(pages))
	}
	benchExtractor(b, pages)
}

// benchExtractor times one Extractor over pages, as the pipeline runs it
// (scratch kept from page to page).
func benchExtractor(b *testing.B, pages []string) {
	n := 0
	for _, p := range pages {
		n += len(p)
	}
	ex := NewExtractor()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			if _, err := ex.Extract(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
