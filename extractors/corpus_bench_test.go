package extractors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// corpusTexts is every text the extractor tests hold: the clean seeds and
// the sentences of the labelled sets, about as figure-dense as real reports.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	seeds, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, name := range []string{"devset.jsonl", "heldout.jsonl", "realstyle.jsonl"} {
		f, err := os.Open(filepath.Join("..", "testdata", "extractors", name))
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var row struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				tb.Fatalf("%s: %v", name, err)
			}
			texts = append(texts, row.Text)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return texts
}

// BenchmarkExtractCorpus is the warm per-byte cost over every labelled text.
//
//	go test -run '^$' -bench ExtractCorpus ./extractors/
func BenchmarkExtractCorpus(b *testing.B) {
	s := newSet(b)
	texts := corpusTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			s.Extract(t)
		}
	}
}
