package extractors

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// BenchmarkExtractDocs is the extract stage's cost over the clean texts of
// a documents table the run command wrote (the "text" field of each row of
// documents.jsonl): for example the output of `zhextract bench --dir` over
// one of its corpus shapes. It is skipped unless ZHEXTRACT_DOCS names the
// file, as those tables are built, not kept in the repository.
//
//	ZHEXTRACT_DOCS=/tmp/b/out/documents.jsonl go test -run '^$' -bench ExtractDocs ./extractors/
func BenchmarkExtractDocs(b *testing.B) {
	path := os.Getenv("ZHEXTRACT_DOCS")
	if path == "" {
		b.Skip("ZHEXTRACT_DOCS names no documents.jsonl")
	}
	chunks := docChunks(docsTexts(b, path), 1<<20)
	s := newSet(b)
	// the word list loads outside the measure, as a batch loads it
	if err := s.Preload(); err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, c := range chunks {
		n += len(c.text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range chunks {
			s.ExtractAfter(c.text, c.before)
		}
	}
}

// docChunk is a text as the pipeline hands it to extract: a large text in
// chunks that begin at line starts, each with the Context of those before.
type docChunk struct {
	text   string
	before Context
}

// docChunks cuts the texts longer than size at the first line start after
// each size bytes.
func docChunks(texts []string, size int) []docChunk {
	var out []docChunk
	for _, t := range texts {
		var before Context
		for t != "" {
			end := len(t)
			if end > size {
				if j := strings.IndexByte(t[size:], '\n'); j >= 0 {
					end = size + j + 1
				}
			}
			out = append(out, docChunk{t[:end], before})
			before = before.Then(TailOf(t[:end]))
			t = t[end:]
		}
	}
	return out
}

// docsTexts reads the text field of every row of a documents.jsonl.
func docsTexts(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var row struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		texts = append(texts, row.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return texts
}
