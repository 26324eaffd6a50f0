package extractors

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// realstyleItem is one line of a labelled set (testdata/extractors/
// realstyle.jsonl, heldout.jsonl): a text written blind from the labelling
// policy, with the figures the policy asks for.
type realstyleItem struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Covers  string `json:"covers"`
	Figures []struct {
		Kind     string  `json:"kind"`
		Value    float64 `json:"value"`
		Raw      string  `json:"raw"`
		Optional bool    `json:"optional"`
	} `json:"figures"`
}

// scoreLabelled scores a labelled set the way the realdev scorer (score.py)
// scores real passages: a figure matches an unused label of the same kind
// whose value is within 0.5%, required labels before optional ones;
// matching an optional label neither scores nor costs. It fails the test
// under a floor (precision, recall per kind and "ALL") and returns the
// number of texts and of required labels read, so that callers can refuse
// a truncated file (which would score perfectly).
func scoreLabelled(t *testing.T, name, path string, floors map[string][2]float64) (texts, required int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t2s, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	set := newSet(t)
	by := map[string]*tally{}
	get := func(k string) *tally {
		if by[k] == nil {
			by[k] = &tally{}
		}
		return by[k]
	}
	var problems []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it realstyleItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s line %d: %v", path, texts+1, err)
		}
		texts++
		text := t2s.Convert(it.Text)
		got := set.Extract(text)
		used := make([]bool, len(it.Figures))
		for _, g := range got {
			match := -1
			for pass := 0; pass < 2 && match < 0; pass++ { // required labels first
				for i, w := range it.Figures {
					if used[i] || w.Kind != g.Kind || w.Optional != (pass == 1) {
						continue
					}
					if math.Abs(g.Value-w.Value) <= 0.005*math.Abs(w.Value) {
						match = i
						break
					}
				}
			}
			switch {
			case match < 0:
				get(g.Kind).fp++
				problems = append(problems, fmt.Sprintf("%s: extra %s %s %q [%s] (%s)", it.ID, g.Kind, g.ValueText, text[g.Start:g.End], g.Evidence, it.Covers))
			case !it.Figures[match].Optional:
				used[match] = true
				get(g.Kind).tp++
			default:
				used[match] = true
			}
		}
		for i, w := range it.Figures {
			if !w.Optional {
				required++
			}
			if !used[i] && !w.Optional {
				get(w.Kind).fn++
				problems = append(problems, fmt.Sprintf("%s: missed %s %v %q (%s)", it.ID, w.Kind, w.Value, w.Raw, it.Covers))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	all := &tally{}
	kinds := make([]string, 0, len(by)+1)
	for k, v := range by {
		kinds = append(kinds, k)
		all.tp += v.tp
		all.fp += v.fp
		all.fn += v.fn
	}
	sort.Strings(kinds)
	by["ALL"] = all
	kinds = append(kinds, "ALL")
	for _, k := range kinds {
		v := by[k]
		p, r, f1 := v.precision(), v.recall(), 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		t.Logf("%s %-12s tp=%-4d fp=%-3d fn=%-3d precision=%.3f recall=%.3f f1=%.3f", name, k, v.tp, v.fp, v.fn, p, r, f1)
		if fl, ok := floors[k]; ok && (p < fl[0] || r < fl[1]) {
			t.Errorf("%s %s: precision %.3f recall %.3f, floor %.2f/%.2f", name, k, p, r, fl[0], fl[1])
		}
	}
	for k := range floors {
		if by[k] == nil {
			t.Errorf("%s: no figure or label of kind %s", name, k)
		}
	}
	if t.Failed() || testing.Verbose() {
		t.Log("\n" + strings.Join(problems, "\n"))
	}
	return texts, required
}
