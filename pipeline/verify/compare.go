package verify

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Options control a comparison.
type Options struct {
	// Tolerance is the relative tolerance for values (0.001 = 0.1%).
	Tolerance float64
	// Text compares the clean texts too.
	Text bool
}

// Result is the outcome of comparing an output with a golden set.
type Result struct {
	Docs []DocResult // output documents, in output order
	// MissingDocs are golden keys the output lacks (sorted); ExtraDocs are
	// output keys the golden set lacks (output order).
	MissingDocs []Doc
	ExtraDocs   []Doc
	Kinds       map[string]*KindStats
}

// DocResult is the comparison of one document present on both sides.
type DocResult struct {
	Key           string
	Status        *FieldDiff // nil when equal
	Correct       int
	Missing       []Figure
	Extra         []Figure
	Changed       []Change
	Text          *TextDiff // nil when equal or not compared
	GoldenNoText  bool      // --text, but the golden file has no text
	GoldenFigures int
	OutputFigures int
}

// OK says whether the document matched.
func (d *DocResult) OK() bool {
	return d.Status == nil && len(d.Missing) == 0 && len(d.Extra) == 0 && len(d.Changed) == 0 && d.Text == nil && !d.GoldenNoText
}

// Change is a golden figure paired with an output figure that differs.
type Change struct {
	Golden, Got Figure
	Diffs       []FieldDiff
}

// FieldDiff is one field that differs.
type FieldDiff struct {
	Field, Golden, Got string
}

// KindStats counts figures of one kind.
type KindStats struct {
	Golden, Output, Correct, Changed, Missing, Extra int
}

// Precision is correct / output figures; ok is false when there are none.
func (k *KindStats) Precision() (p float64, ok bool) {
	if k.Output == 0 {
		return 0, false
	}
	return float64(k.Correct) / float64(k.Output), true
}

// Recall is correct / golden figures; ok is false when there are none.
func (k *KindStats) Recall() (r float64, ok bool) {
	if k.Golden == 0 {
		return 0, false
	}
	return float64(k.Correct) / float64(k.Golden), true
}

// OK says whether output and golden set agree completely.
func (r *Result) OK() bool {
	if len(r.MissingDocs) > 0 || len(r.ExtraDocs) > 0 {
		return false
	}
	for i := range r.Docs {
		if !r.Docs[i].OK() {
			return false
		}
	}
	return true
}

// Compare compares output documents (in output order) with a golden set.
func Compare(golden map[string]Doc, output []Doc, opt Options) *Result {
	res := &Result{Kinds: map[string]*KindStats{}}
	stats := func(kind string) *KindStats {
		s := res.Kinds[kind]
		if s == nil {
			s = &KindStats{}
			res.Kinds[kind] = s
		}
		return s
	}
	seen := map[string]bool{}
	for _, got := range output {
		seen[got.Key] = true
		for _, f := range got.Figures {
			stats(f.Kind).Output++
		}
		want, ok := golden[got.Key]
		if !ok {
			res.ExtraDocs = append(res.ExtraDocs, got)
			for _, f := range got.Figures {
				stats(f.Kind).Extra++
			}
			continue
		}
		for _, f := range want.Figures {
			stats(f.Kind).Golden++
		}
		dr := compareDoc(want, got, opt)
		for _, f := range dr.Missing {
			stats(f.Kind).Missing++
		}
		for _, f := range dr.Extra {
			stats(f.Kind).Extra++
		}
		for _, c := range dr.Changed {
			stats(c.Golden.Kind).Changed++
		}
		res.Docs = append(res.Docs, dr)
	}
	for key, want := range golden {
		if seen[key] {
			continue
		}
		res.MissingDocs = append(res.MissingDocs, want)
		for _, f := range want.Figures {
			s := stats(f.Kind)
			s.Golden++
			s.Missing++
		}
	}
	sort.Slice(res.MissingDocs, func(i, j int) bool { return res.MissingDocs[i].Key < res.MissingDocs[j].Key })
	for _, s := range res.Kinds {
		s.Correct = s.Golden - s.Missing - s.Changed
	}
	return res
}

func compareDoc(want, got Doc, opt Options) DocResult {
	dr := DocResult{Key: got.Key, GoldenFigures: len(want.Figures), OutputFigures: len(got.Figures)}
	if want.Status != got.Status {
		g := got.Status
		if got.err != "" {
			g += " (" + got.err + ")"
		}
		dr.Status = &FieldDiff{Field: "status", Golden: want.Status, Got: g}
	}
	pairG := make([]int, len(want.Figures)) // index into got, -1 unpaired
	pairO := make([]bool, len(got.Figures))
	for i := range pairG {
		pairG[i] = -1
	}
	passes := []func(w, g Figure) bool{
		func(w, g Figure) bool {
			return w.Kind == g.Kind && w.Raw == g.Raw && len(diffFields(w, g, opt.Tolerance)) == 0
		},
		func(w, g Figure) bool { return w.Kind == g.Kind && w.Raw == g.Raw },
		func(w, g Figure) bool {
			return w.Kind == g.Kind && w.Raw != "" && g.Raw != "" && (strings.Contains(w.Raw, g.Raw) || strings.Contains(g.Raw, w.Raw))
		},
	}
	for _, match := range passes {
		for i, w := range want.Figures {
			if pairG[i] >= 0 {
				continue
			}
			best := -1
			for j, g := range got.Figures {
				if pairO[j] || !match(w, g) {
					continue
				}
				if best < 0 || abs(j-i) < abs(best-i) {
					best = j
				}
			}
			if best >= 0 {
				pairG[i] = best
				pairO[best] = true
			}
		}
	}
	for i, w := range want.Figures {
		j := pairG[i]
		if j < 0 {
			dr.Missing = append(dr.Missing, w)
			continue
		}
		if d := diffFields(w, got.Figures[j], opt.Tolerance); len(d) > 0 {
			dr.Changed = append(dr.Changed, Change{Golden: w, Got: got.Figures[j], Diffs: d})
		} else {
			dr.Correct++
		}
	}
	for j, g := range got.Figures {
		if !pairO[j] {
			dr.Extra = append(dr.Extra, g)
		}
	}
	if opt.Text {
		switch {
		case want.TextLines == nil:
			dr.GoldenNoText = true
		default:
			var gl []string
			if got.TextLines != nil {
				gl = *got.TextLines
			}
			dr.Text = diffLines(*want.TextLines, gl)
		}
	}
	return dr
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// diffFields lists the compared fields that differ.
func diffFields(w, g Figure, tol float64) []FieldDiff {
	var d []FieldDiff
	str := func(field, a, b string) {
		if a != b {
			d = append(d, FieldDiff{field, strconv.Quote(a), strconv.Quote(b)})
		}
	}
	num := func(field string, a, b *float64) {
		switch {
		case a == nil && b == nil:
		case a == nil || b == nil:
			d = append(d, FieldDiff{field, fmtFloatPtr(a), fmtFloatPtr(b)})
		case !within(*a, *b, tol):
			d = append(d, FieldDiff{field, fmtFloatPtr(a), fmtFloatPtr(b)})
		}
	}
	num("value", &w.Value, &g.Value)
	if tol == 0 {
		str("value_text", w.ValueText, g.ValueText)
	}
	str("unit", w.Unit, g.Unit)
	str("qualifier", w.Qualifier, g.Qualifier)
	str("raw", w.Raw, g.Raw)
	if (w.Year == nil) != (g.Year == nil) || (w.Year != nil && *w.Year != *g.Year) {
		d = append(d, FieldDiff{"year", fmtIntPtr(w.Year), fmtIntPtr(g.Year)})
	}
	str("subject", w.Subject, g.Subject)
	num("from_value", w.FromValue, g.FromValue)
	num("to_value", w.ToValue, g.ToValue)
	str("period_unit", w.PeriodUnit, g.PeriodUnit)
	str("basis", w.Basis, g.Basis)
	return d
}

// within compares with a relative tolerance; NaN is never close.
func within(a, b, tol float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

func fmtFloatPtr(v *float64) string {
	if v == nil {
		return "none"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func fmtIntPtr(v *int32) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprint(*v)
}
