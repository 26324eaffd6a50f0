package extractors

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// expected is one answer-key figure (labels.json and devset.jsonl share it).
type expected struct {
	Kind      string   `json:"kind"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	Raw       string   `json:"raw"`
	Year      int      `json:"year,omitempty"`
	Subject   string   `json:"subject,omitempty"`
	FromValue *float64 `json:"from_value,omitempty"`
	ToValue   *float64 `json:"to_value,omitempty"`
	Period    string   `json:"period,omitempty"`
	Stretch   bool     `json:"stretch,omitempty"`
}

// tally counts per kind: tp figures fully right, fp extracted but wrong or
// not in the key, fn in the key but not extracted right.
type tally struct{ tp, fp, fn int }

func (t tally) precision() float64 {
	if t.tp+t.fp == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fp)
}

func (t tally) recall() float64 {
	if t.tp+t.fn == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fn)
}

type scorer struct {
	byKind   map[string]*tally
	stretch  tally
	problems []string
}

func newScorer() *scorer { return &scorer{byKind: map[string]*tally{}} }

func (s *scorer) kind(k string) *tally {
	if s.byKind[k] == nil {
		s.byKind[k] = &tally{}
	}
	return s.byKind[k]
}

// diff lists the fields where got differs from want; empty means correct.
func diff(text string, got Figure, want expected) []string {
	var d []string
	raw := text[got.Start:got.End]
	if raw != want.Raw {
		d = append(d, fmt.Sprintf("raw %q want %q", raw, want.Raw))
	}
	if math.Abs(got.Value-want.Value) > 1e-9*math.Max(1, math.Abs(want.Value)) && math.Abs(got.Value-want.Value) > 5e-5 {
		d = append(d, fmt.Sprintf("value %v want %v", got.Value, want.Value))
	}
	if got.Unit != want.Unit {
		d = append(d, fmt.Sprintf("unit %q want %q", got.Unit, want.Unit))
	}
	if got.Qualifier != want.Qualifier {
		d = append(d, fmt.Sprintf("qualifier %q want %q", got.Qualifier, want.Qualifier))
	}
	if got.Year != want.Year {
		d = append(d, fmt.Sprintf("year %d want %d", got.Year, want.Year))
	}
	if got.Subject != want.Subject {
		d = append(d, fmt.Sprintf("subject %q want %q", got.Subject, want.Subject))
	}
	if want.FromValue != nil && (got.FromValue == nil || *got.FromValue != *want.FromValue) ||
		want.ToValue != nil && (got.ToValue == nil || *got.ToValue != *want.ToValue) {
		d = append(d, "from/to values differ")
	}
	if want.Period != "" && got.PeriodUnit != want.Period {
		d = append(d, fmt.Sprintf("period %q want %q", got.PeriodUnit, want.Period))
	}
	return d
}

// add scores one text. A figure is right only if every field is right; an
// extracted figure that matches a stretch answer is not held against
// precision whether or not the stretch answer is counted.
func (s *scorer) add(name, text string, got []Figure, want []expected) {
	used := make([]bool, len(want))
	for _, g := range got {
		best, bestDiff := -1, []string(nil)
		for i, w := range want {
			if used[i] || w.Kind != g.Kind {
				continue
			}
			d := diff(text, g, w)
			if best < 0 || len(d) < len(bestDiff) {
				best, bestDiff = i, d
			}
		}
		// a candidate with a different raw and value is not the same figure
		if best >= 0 && len(bestDiff) > 0 && strings.HasPrefix(bestDiff[0], "raw") && len(bestDiff) > 1 && strings.HasPrefix(bestDiff[1], "value") {
			best = -1
		}
		switch {
		case best < 0:
			s.kind(g.Kind).fp++
			s.problems = append(s.problems, fmt.Sprintf("%s: unexpected %s %q = %s (%s)", name, g.Kind, text[g.Start:g.End], g.ValueText, g.Extractor))
		case len(bestDiff) == 0:
			used[best] = true
			if want[best].Stretch {
				s.stretch.tp++
			} else {
				s.kind(g.Kind).tp++
			}
		default:
			used[best] = true
			if want[best].Stretch {
				s.stretch.fp++
			} else {
				s.kind(g.Kind).fp++
				s.kind(g.Kind).fn++
			}
			s.problems = append(s.problems, fmt.Sprintf("%s: %s %q: %s", name, g.Kind, want[best].Raw, strings.Join(bestDiff, "; ")))
		}
	}
	for i, w := range want {
		if used[i] {
			continue
		}
		if w.Stretch {
			s.stretch.fn++
		} else {
			s.kind(w.Kind).fn++
		}
		s.problems = append(s.problems, fmt.Sprintf("%s: missed %s %q", name, w.Kind, w.Raw))
	}
}

func (s *scorer) total() tally {
	var t tally
	for _, k := range s.byKind {
		t.tp += k.tp
		t.fp += k.fp
		t.fn += k.fn
	}
	return t
}

// report logs per-kind precision and recall and fails below min.
func (s *scorer) report(t *testing.T, label string, min float64) {
	t.Helper()
	kinds := make([]string, 0, len(s.byKind))
	for k := range s.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := s.byKind[k]
		t.Logf("%s %-13s tp=%-3d fp=%-3d fn=%-3d precision=%.3f recall=%.3f", label, k, c.tp, c.fp, c.fn, c.precision(), c.recall())
	}
	all := s.total()
	t.Logf("%s %-13s tp=%-3d fp=%-3d fn=%-3d precision=%.3f recall=%.3f", label, "ALL", all.tp, all.fp, all.fn, all.precision(), all.recall())
	if s.stretch.tp+s.stretch.fp+s.stretch.fn > 0 {
		t.Logf("%s stretch       tp=%-3d fp=%-3d fn=%-3d", label, s.stretch.tp, s.stretch.fp, s.stretch.fn)
	}
	for _, p := range s.problems {
		t.Log("  " + p)
	}
	if all.precision() < min || all.recall() < min {
		t.Errorf("%s: precision %.3f recall %.3f, want both >= %.2f", label, all.precision(), all.recall(), min)
	}
	for _, k := range kinds {
		if c := s.byKind[k]; c.precision() < min || c.recall() < min {
			t.Errorf("%s %s: precision %.3f recall %.3f, want both >= %.2f", label, k, c.precision(), c.recall(), min)
		}
	}
}
