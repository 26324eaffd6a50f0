package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleRun writes the sample output as a run in format into a new folder.
func sampleRun(t testing.TB, format string) string {
	t.Helper()
	docs, figs, edits := resultstest.Sample()
	dir := t.TempDir()
	if err := resultstest.Write(dir, format, docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	return dir
}

func sampleOutput(t testing.TB, format string) *results.Output {
	t.Helper()
	out, err := results.Read(sampleRun(t, format))
	if err != nil {
		t.Fatal(err)
	}
	out.Dir = "out" // keep the page independent of the temp dir
	return out
}

func render(t testing.TB, out *results.Output) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, out, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func parse(t testing.TB, page []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestReportGolden(t *testing.T) {
	page := render(t, sampleOutput(t, "parquet"))
	golden := filepath.Join("..", "..", "testdata", "report", "sample.html")
	if *update {
		if err := os.WriteFile(golden, page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(page, want) {
		t.Errorf("report differs from %s (run with -update if intended)", golden)
	}
	// JSONL input renders the same page.
	j := render(t, sampleOutput(t, "jsonl"))
	if !bytes.Equal(bytes.Replace(j, []byte("(jsonl)"), []byte("(parquet)"), 1), page) {
		t.Error("JSONL and Parquet inputs render different pages")
	}
}

func TestReportContent(t *testing.T) {
	docs, figs, _ := resultstest.Sample()
	doc := parse(t, render(t, sampleOutput(t, "jsonl")))

	if rows := tableRows(t, doc); len(rows) != len(docs) {
		t.Errorf("documents table has %d rows, want %d", len(rows), len(docs))
	} else {
		for i, r := range rows {
			if r[2] != docs[i].Source || r[4] != docs[i].Status || r[1] != fmt.Sprintf("#doc-%d", i+1) {
				t.Errorf("row %d = %v", i, r)
			}
			if doc.Find(fmt.Sprintf("section#doc-%d", i+1)).AttrOr("data-doc", "") != docs[i].DocID {
				t.Errorf("row %d links to no section of its document", i)
			}
		}
	}
	if n := doc.Find("mark.fig:not(.cont)").Length(); n != len(figs) {
		t.Errorf("%d highlights, want %d", n, len(figs))
	}
	if n := doc.Find("sup.badge").Length(); n != len(figs) {
		t.Errorf("%d badges, want %d", n, len(figs))
	}
	// Each highlight covers exactly the figure's span of the clean text.
	for _, f := range figs {
		var text string
		for _, d := range docs {
			if d.DocID == f.DocID {
				text = d.Text[f.TextStart:f.TextEnd]
			}
		}
		found := false
		doc.Find("mark.fig:not(.cont)").Each(func(_ int, s *goquery.Selection) {
			c := s.Clone()
			c.Find("sup").Remove()
			if c.Text() == text && s.AttrOr("data-kind", "") == f.Kind {
				found = true
			}
		})
		if !found {
			t.Errorf("no %s highlight of %q", f.Kind, text)
		}
	}
	badge := doc.Find(`sup.badge[data-kind="investment"]`).First().Text()
	if badge != "investment ≈39,000,000,000 CNY" {
		t.Errorf("first investment badge = %q", badge)
	}
	if tip := doc.Find(`mark[data-kind="time_cut"]`).AttrOr("title", ""); !strings.Contains(tip, "from → to: 60 → 5 工作日") || !strings.Contains(tip, "raw: 辦理時間") {
		t.Errorf("time_cut tooltip = %q", tip)
	}
	// Edits of every stage are listed with old and new text.
	for _, stage := range []string{"chrome", "mojibake", "pinyin"} {
		if doc.Find(`tr[data-stage="`+stage+`"]`).Length() == 0 {
			t.Errorf("no %s edit shown", stage)
		}
	}
	moj := doc.Find(`tr[data-stage="mojibake"]`)
	if moj.Find(".old").Text() != "鍏姩" || moj.Find(".new").Text() != "公路" {
		t.Errorf("mojibake edit shown as %q → %q", moj.Find(".old").Text(), moj.Find(".new").Text())
	}
	if got := doc.Find(`tr[data-stage="chrome"] .old`).First().Text(); got != "首页 > 新闻中心 > 正文↵\n" {
		t.Errorf("chrome edit old = %q", got)
	}
	if doc.Find(".error").Text() != "decode: not text (binary data)" {
		t.Errorf("failed document's error not shown")
	}
	// Filter: one checkbox per kind present.
	if n := doc.Find("input.kind-filter").Length(); n != 5 {
		t.Errorf("%d kind filters, want 5", n)
	}
	// No external resources: the page must work offline.
	doc.Find("script[src], link[href], img[src], iframe").Each(func(_ int, s *goquery.Selection) {
		t.Errorf("external resource: %s", goquery.NodeName(s))
	})
}

// tableRows reads the rows of a single-file page's documents table from the
// script that feeds it.
func tableRows(t testing.TB, doc *goquery.Document) [][]any {
	t.Helper()
	var rows [][]any
	found := false
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		js := strings.TrimSpace(s.Text())
		if strings.HasPrefix(js, "zxAdd(") && strings.HasSuffix(js, ");") {
			found = true
			if err := json.Unmarshal([]byte(js[len("zxAdd("):len(js)-2]), &rows); err != nil {
				t.Fatalf("table rows: %v", err)
			}
		}
	})
	if !found {
		t.Fatal("no table rows in the page")
	}
	return rows
}

func TestReportEscapes(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	page := string(render(t, &results.Output{Dir: "out", Documents: docs, Figures: figs, Edits: edits}))
	if strings.Contains(page, "<script>alert(1)</script>") {
		t.Error("document text reached the page unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("escaped document text not found")
	}
	if strings.Contains(page, `href="http://example.com/a?x=1&y=<2>"`) {
		t.Error("URL not escaped")
	}
	// A javascript: URL must not become a live link.
	docs[0].URL = "javascript:alert(1)"
	page = string(render(t, &results.Output{Dir: "out", Documents: docs, Figures: figs, Edits: edits}))
	if strings.Contains(page, `href="javascript:`) {
		t.Error("javascript: URL became a link")
	}
}

func TestHighlightOverlaps(t *testing.T) {
	text := "甲乙丙丁戊己庚辛"
	// Byte offsets: each character is 3 bytes.
	fig := func(id string, s, e int64, kind string) schema.Figure {
		return schema.Figure{DocID: "d", FigureID: id, Kind: kind, TextStart: s * 3, TextEnd: e * 3, Raw: text[s*3 : e*3], ValueText: "1"}
	}
	tests := []struct {
		name   string
		figs   []schema.Figure
		marks  int // mark elements, continuations included
		placed int
	}{
		{"nested", []schema.Figure{fig("a", 0, 6, "investment"), fig("b", 2, 4, "funding")}, 2, 2},
		{"crossing", []schema.Figure{fig("a", 0, 4, "investment"), fig("b", 2, 6, "funding")}, 3, 2},
		{"adjacent", []schema.Figure{fig("a", 0, 2, "investment"), fig("b", 2, 4, "funding")}, 2, 2},
		{"same span", []schema.Figure{fig("a", 1, 3, "investment"), fig("b", 1, 3, "funding")}, 2, 2},
		{"out of range", []schema.Figure{fig("a", 0, 2, "investment"), {DocID: "d", FigureID: "x", Kind: "funding", TextStart: 5, TextEnd: 400}}, 1, 1},
		{"splits a character", []schema.Figure{{DocID: "d", FigureID: "x", Kind: "funding", TextStart: 1, TextEnd: 6}}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &results.Output{Dir: "out", Documents: []schema.Document{{DocID: "d", Source: "d.txt", Status: "ok", Text: text}}, Figures: tt.figs}
			doc := parse(t, render(t, out))
			if n := doc.Find("mark.fig").Length(); n != tt.marks {
				t.Errorf("%d marks, want %d", n, tt.marks)
			}
			if n := doc.Find("mark.fig:not(.cont)").Length(); n != tt.placed {
				t.Errorf("%d highlights, want %d", n, tt.placed)
			}
			// The text itself is untouched by the markup.
			c := doc.Find(".text").Clone()
			c.Find("sup").Remove()
			if c.Text() != text {
				t.Errorf("text became %q", c.Text())
			}
			if len(tt.figs) != tt.placed && doc.Find("td .status-failed").Length() != len(tt.figs)-tt.placed {
				t.Error("unplaced figure not flagged in the figures table")
			}
		})
	}
}
