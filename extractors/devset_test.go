package extractors

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// devItem is one line of testdata/extractors/devset.jsonl.
type devItem struct {
	ID      string     `json:"id"`
	Text    string     `json:"text"`
	Covers  string     `json:"covers"`
	Figures []expected `json:"figures"`
}

func loadDevset(t *testing.T) []devItem {
	t.Helper()
	f, err := os.Open("../testdata/extractors/devset.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []devItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it devItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("devset line %d: %v", len(items)+1, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return items
}

// TestDevset scores the hand-written development set: every kind, qualifier,
// numeral form and negative the issue names. It reports per-kind precision
// and recall and fails below 0.95.
func TestDevset(t *testing.T) {
	items := loadDevset(t)
	if len(items) < 60 {
		t.Fatalf("devset has %d texts, want >= 60", len(items))
	}
	set := newSet(t)
	sc := newScorer()
	for _, it := range items {
		sc.add(it.ID, it.Text, set.Extract(it.Text), it.Figures)
	}
	sc.report(t, "devset", 0.95)
}
