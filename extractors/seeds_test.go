package extractors

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedsDir = "../testdata/extractors/seeds-clean"

type labelDoc struct {
	Doc     string     `json:"doc"`
	Figures []expected `json:"figures"`
}

func loadLabels(t *testing.T) []labelDoc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedsDir, "labels-clean.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []labelDoc
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

func newSet(t testing.TB) *Set {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// goldenFigure is a Figure as stored in golden files, with its span text.
type goldenFigure struct {
	Figure
	Raw string
}

// TestSeeds scores the five seeds against labels.json (raw and subject put
// through t2s) and holds the output in golden files.
func TestSeeds(t *testing.T) {
	set := newSet(t)
	sc := newScorer()
	for _, d := range loadLabels(t) {
		text, err := os.ReadFile(filepath.Join(seedsDir, d.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		figs := set.Extract(string(text))
		sc.add(d.Doc, string(text), figs, d.Figures)
		checkGolden(t, d.Doc, string(text), figs)
	}
	sc.report(t, "seeds", 0.95)
}

func checkGolden(t *testing.T, name, text string, figs []Figure) {
	t.Helper()
	g := make([]goldenFigure, 0, len(figs))
	for _, f := range figs {
		g = append(g, goldenFigure{Figure: f, Raw: text[f.Start:f.End]})
	}
	got, err := json.MarshalIndent(g, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("..", "testdata", "extractors", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extractors -run TestSeeds -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from %s (rerun with -update after checking the diff)", name, path)
	}
}
