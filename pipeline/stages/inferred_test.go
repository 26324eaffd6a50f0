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
