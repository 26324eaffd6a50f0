package htmltext

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
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

// BenchmarkPageLines renders the lines of whole pages before pruning, as
// decide reads them (lineWriter out of join mode: the ASCII runs and the
// lines that are one piece of a text node).
func BenchmarkPageLines(b *testing.B) {
	pages := testdataPages(b)
	x := newExtractor()
	var bodies []*html.Node
	n := 0
	for _, p := range pages {
		root, ok := x.fastParse(p)
		if !ok {
			continue
		}
		// Each page its own tree: the extractor's node store is reused.
		x.nodes = nodeStore{}
		pruneJunk(root)
		if body := firstElement(root, "body"); body != nil {
			bodies = append(bodies, body)
			n += len(p)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			s := x.lineStream(body)
			for s.step() {
			}
			s.close()
		}
	}
}

// BenchmarkScoring scores pages before and after pruning (scoreTree,
// pruneChrome's removals, rescore), as extraction does.
func BenchmarkScoring(b *testing.B) {
	pages := testdataPages(b)
	b.ReportAllocs()
	x := newExtractor()
	for b.Loop() {
		b.StopTimer()
		var bodies []*html.Node
		for _, p := range pages {
			root, err := html.Parse(strings.NewReader(p))
			if err != nil {
				b.Fatal(err)
			}
			pruneJunk(root)
			if body := firstElement(root, "body"); body != nil {
				bodies = append(bodies, body)
			}
		}
		b.StartTimer()
		for _, body := range bodies {
			x.pruneChrome(body, false)
			x.rescore()
			x.reset()
		}
	}
}
