package report_test

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// scaled repeats the sample's documents n times, with long texts.
func scaled(n int) *results.Output {
	docs, figs, edits := resultstest.Sample()
	out := &results.Output{Dir: "out", Format: "parquet"}
	for i := 0; i < n; i++ {
		for _, d := range docs {
			d.DocID = fmt.Sprintf("%s-%d", d.DocID, i)
			pad := strings.Repeat("交通运输高质量发展。\n", 200)
			d.Text += pad
			out.Documents = append(out.Documents, d)
		}
		for _, f := range figs {
			f.DocID = fmt.Sprintf("%s-%d", f.DocID, i)
			out.Figures = append(out.Figures, f)
		}
		for _, e := range edits {
			e.DocID = fmt.Sprintf("%s-%d", e.DocID, i)
			out.Edits = append(out.Edits, e)
		}
	}
	return out
}

func textBytes(docs []schema.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// BenchmarkWrite renders a report; SetBytes counts the clean text.
func BenchmarkWrite(b *testing.B) {
	out := scaled(100)
	b.SetBytes(textBytes(out.Documents))
	for b.Loop() {
		if err := report.Write(io.Discard, out, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEscapeOnly is the peer for BenchmarkWrite: escaping the same
// texts with html/template and nothing else, a floor for any HTML report.
func BenchmarkEscapeOnly(b *testing.B) {
	out := scaled(100)
	b.SetBytes(textBytes(out.Documents))
	for b.Loop() {
		for _, d := range out.Documents {
			template.HTMLEscape(io.Discard, []byte(d.Text))
		}
	}
}
