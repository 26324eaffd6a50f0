package stages

import (
	"context"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// TestLostInClause: a character lost in decoding in a figure's clause
// before its number, or in its span, marks the figure for review; one in
// another clause does not.
func TestLostInClause(t *testing.T) {
	for _, c := range []struct {
		text, span string
		want       bool
	}{
		{"设计\uFFFD度每小\uFFFD80公里，全线设服务区。", "80公里", true},
		{"该路段全长68公里，按一级公路标准建\uFFFD。", "全长68公里", false},
		{"今年\uFFFD，完成投资2,520万元。", "投资2,520万元", false},
		{"今年完成\uFFFD投资2,520万元。", "投资2,520万元", true},
		{"新建公路120\uFFFD里程公里。", "120\uFFFD里程公里", true},
	} {
		start := strings.Index(c.text, c.span)
		if got := lostInClause(c.text, start, start+len(c.span)); got != c.want {
			t.Errorf("%s [%s]: %v, want %v", c.text, c.span, got, c.want)
		}
	}
}

// TestExtractMarksLostClause runs the extract stage on a damaged clause:
// the figure it keeps says so in its evidence.
func TestExtractMarksLostClause(t *testing.T) {
	set, err := extractors.New()
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Item: ingest.Item{Format: ingest.FormatText}}
	d.SetDecoded("今年全县新建农村公路，完成\uFFFD投资2520万元。", nil)
	if err := (Extract{Set: set}).Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != 1 || !strings.HasSuffix(d.Figures[0].Evidence, "; clause lost characters (review)") {
		t.Fatalf("figures %+v, want one marked for review", d.Figures)
	}
}

// TestMarkInferredLostOnlyWithLoss holds markInferred, which searches
// clauses only in a text holding a U+FFFD, to asking lostInClause of every
// figure: a clean text's figures are never marked, a damaged one's as
// their clauses say.
func TestMarkInferredLostOnlyWithLoss(t *testing.T) {
	set, err := extractors.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"今年全县新建农村公路120公里，完成投资2520万元。",
		"今年全县新建农村公路120公里，完成\uFFFD投资2520万元。",
		"今年\uFFFD，新建农村公路120公里，完成投资2520万元。",
		"设计\uFFFD度每小\uFFFD80公里，全线新建公路68公里，总投资3亿元。",
	} {
		d := &pipeline.Document{Item: ingest.Item{Format: ingest.FormatText}}
		d.SetDecoded(text, nil)
		d.Figures = set.Extract(d.Text)
		if len(d.Figures) == 0 {
			t.Fatalf("%s: no figure", text)
		}
		want := make([]bool, len(d.Figures))
		for i, f := range d.Figures {
			want[i] = lostInClause(d.Text, f.Start, f.End)
		}
		markInferred(d)
		if len(d.Figures) != len(want) {
			t.Fatalf("%s: %d figures kept of %d", text, len(d.Figures), len(want))
		}
		for i, f := range d.Figures {
			if got := strings.HasSuffix(f.Evidence, "; clause lost characters (review)"); got != want[i] {
				t.Errorf("%s: figure %q marked %v, want %v", text, d.Text[f.Start:f.End], got, want[i])
			}
		}
	}
}
