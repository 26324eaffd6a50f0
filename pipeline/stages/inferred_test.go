package stages

import (
	"context"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// A figure whose span holds a character the mojibake stage inferred says so
// in its evidence; one beside it does not.
func TestExtractMarksInferredFigures(t *testing.T) {
	set, err := extractors.New()
	if err != nil {
		t.Fatal(err)
	}
	broken := "新建农村公路12公\uFFFD，完成投资3亿元。"
	var d pipeline.Document
	d.SetDecoded(broken, nil)
	b := textedit.NewBuilder(broken, "mojibake")
	at := strings.Index(broken, "\uFFFD")
	b.Replace(at, at+len("\uFFFD"), "里", textedit.InferredPrefix+" (score 9.1)")
	d.Rewrite(b.String(), b.Edits())
	if err := (Extract{Set: set}).Apply(context.Background(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != 2 {
		t.Fatalf("got %d figures, want 2: %+v", len(d.Figures), d.Figures)
	}
	for _, f := range d.Figures {
		marked := strings.Contains(f.Evidence, "inferred")
		if want := f.Kind == extractors.KindRoadLength; marked != want {
			t.Errorf("%s %s: evidence %q, inferred mark %v, want %v", f.Kind, f.ValueText, f.Evidence, marked, want)
		}
	}
}

// A figure whose span ends in an inferred multiplier is dropped: its value
// would rest on the guess (项目4个 inferred as 4万). A read unit after the
// multiplier (元) leaves the figure, marked for review.
func TestExtractDropsInferredMultiplier(t *testing.T) {
	set, err := extractors.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, inferred string
		want           int  // figures
		marked         bool // the figure, if any, is marked inferred
	}{
		{"今年完成公路投资3\uFFFD，同比增长。", "亿", 0, false},
		{"全年交通投资将达70\uFFFD\n", "亿", 0, false},
		{"争取中央补助资金1200\uFFFD，用于养护。", "万", 0, false},
		{"今年完成公路投资3\uFFFD元，同比增长。", "亿", 1, true},
		{"新建农村公路12公\uFFFD，完成改造。", "里", 1, true},
		{"今年完成公路投资3亿，同比增长。", "", 1, false},
	} {
		var d pipeline.Document
		d.SetDecoded(tc.text, nil)
		if tc.inferred != "" {
			b := textedit.NewBuilder(tc.text, "mojibake")
			at := strings.Index(tc.text, "\uFFFD")
			b.Replace(at, at+len("\uFFFD"), tc.inferred, textedit.InferredPrefix+" (score 5.0)")
			d.Rewrite(b.String(), b.Edits())
		}
		if err := (Extract{Set: set}).Apply(context.Background(), &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Figures) != tc.want {
			t.Errorf("%q (%s inferred): %d figures, want %d: %+v", tc.text, tc.inferred, len(d.Figures), tc.want, d.Figures)
			continue
		}
		for _, f := range d.Figures {
			if marked := strings.Contains(f.Evidence, "inferred"); marked != tc.marked {
				t.Errorf("%q: %s evidence %q, marked %v, want %v", tc.text, f.ValueText, f.Evidence, marked, tc.marked)
			}
		}
	}
}
