package htmltext_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/htmltext"
)

// BenchmarkExtractorDir runs one Extractor over the pages in the folder
// $HTMLTEXT_BENCH_DIR (decoded as the pipeline decodes them), for profiles
// of a fixed corpus such as the one bench --shape html builds.
func BenchmarkExtractorDir(b *testing.B) {
	dir := os.Getenv("HTMLTEXT_BENCH_DIR")
	if dir == "" {
		b.Skip("HTMLTEXT_BENCH_DIR not set")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		b.Fatal(err)
	}
	dec := decode.New(nil)
	var pages []string
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		r, err := dec.Decode(data, "")
		if err != nil {
			continue
		}
		pages = append(pages, r.Text)
		n += len(data)
	}
	ex := htmltext.NewExtractor()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			if _, err := ex.Extract(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
