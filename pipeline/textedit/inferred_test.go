package textedit

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The index answers exactly what SpanInferred answers, on random layers of
// random edits (some inferred) and random spans.
func TestInferredIndexMatchesSpanInferred(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		text := strings.Repeat("公里亿元审批", 1+rng.IntN(8))
		var layers [][]Edit
		for l := 0; l < 1+rng.IntN(3); l++ {
			b := NewBuilder(text, "s")
			for pos := 0; pos < len(text); {
				if rng.IntN(4) == 0 {
					end := min(len(text), pos+3*rng.IntN(3))
					reason := "other"
					if rng.IntN(3) == 0 {
						reason = InferredPrefix + " 0.9"
					}
					repl := []string{"", "里", "公里", "x"}[rng.IntN(4)]
					b.Replace(pos, end, repl, reason)
					pos = end + 3
					continue
				}
				pos += 3
			}
			text = b.String()
			layers = append(layers, b.Edits())
		}
		x := NewInferredIndex(layers)
		for q := 0; q < 40; q++ {
			a := rng.IntN(len(text) + 1)
			b := a + rng.IntN(len(text)-a+1)
			if got, want := x.Span(a, b), SpanInferred(layers, a, b); got != want {
				t.Fatalf("trial %d span [%d,%d): index %v, SpanInferred %v", trial, a, b, got, want)
			}
		}
	}
}

func TestInferredIndexNilWithoutInferred(t *testing.T) {
	b := NewBuilder("公里", "s")
	b.Replace(0, 3, "工", "other")
	if x := NewInferredIndex([][]Edit{b.Edits()}); x != nil || x.Span(0, 6) {
		t.Fatal("an index of layers without inferred edits should be nil and answer false")
	}
}
