package extractors

import "testing"

// probe1Floor guards testdata/extractors/probe1.jsonl, 240 texts written
// from the realdev labelling policy alone by a writer who read no rule, word
// list or other test set: sentences from other domains holding km, yuan and
// percentages (sports, weather, finance, rail, water works...), transport
// text with subtle non-figures, and positives in unusual wording. Rules were
// built only from misses of its odd-numbered items; the even-numbered half
// is held out, and its misses are not to be read while writing rules. The
// floors sit 0.03 under the score when the set was added, so they catch
// regressions; raise them as work elsewhere lifts the score.
var probe1Floor = map[string][2]float64{ // precision, recall
	"ALL": {0.95, 0.94},
}

func TestProbe1(t *testing.T) {
	n, required := scoreLabelled(t, "probe1", "../testdata/extractors/probe1.jsonl", probe1Floor)
	if n < 240 || required < 170 {
		t.Fatalf("probe1.jsonl has %d texts and %d required labels, want 240 and >= 170", n, required)
	}
}

// probe2Floor guards testdata/extractors/probe2.jsonl, 200 texts by a second
// blind writer, weighted to time and material cuts (from→to pairs in many
// shapes, cuts that are not), work-summary lists and traditional-script
// pages; odd items built from, even items held out, as for probe1.
var probe2Floor = map[string][2]float64{ // precision, recall
	"ALL": {0.95, 0.90},
}

func TestProbe2(t *testing.T) {
	n, required := scoreLabelled(t, "probe2", "../testdata/extractors/probe2.jsonl", probe2Floor)
	if n < 200 || required < 250 {
		t.Fatalf("probe2.jsonl has %d texts and %d required labels, want 200 and >= 250", n, required)
	}
}

// probe3Floor guards testdata/extractors/probe3.jsonl, 120 texts by a third
// blind writer: cuts told as a before and an after ("改革前需要20个工作日；改革
// 后，2个工作日即可办结"), look-alikes that are not cuts, and passages mixing
// both. beforeafter.go was built from its odd items; the even half is held
// out (it scored P 1.000 R 0.200 before that rule, 0.967 / 0.829 after).
var probe3Floor = map[string][2]float64{ // precision, recall
	"ALL": {0.95, 0.87},
}

func TestProbe3(t *testing.T) {
	n, required := scoreLabelled(t, "probe3", "../testdata/extractors/probe3.jsonl", probe3Floor)
	if n < 120 || required < 65 {
		t.Fatalf("probe3.jsonl has %d texts and %d required labels, want 120 and >= 65", n, required)
	}
}
