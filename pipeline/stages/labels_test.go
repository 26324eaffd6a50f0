package stages

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

type label struct {
	Kind      string  `json:"kind"`
	Value     float64 `json:"value"`
	Qualifier string  `json:"qualifier"`
	Raw       string  `json:"raw"`
	Year      int32   `json:"year"`
	Subject   string  `json:"subject"`
	Stretch   bool    `json:"stretch"`
}

func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-3*math.Max(1, math.Abs(b))
}

// TestSeedLabels scores the whole pipeline against the development answer
// key: a figure counts as found when kind, value, qualifier and raw (the exact
// span of the seed) all agree. Precision and recall must reach 0.95 on the
// labels not marked stretch; stretch labels that are found count as correct.
func TestSeedLabels(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(seedsDir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		Doc     string  `json:"doc"`
		Figures []label `json:"figures"`
	}
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	st, err := Build(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found, labels, correct, extracted, yearOK, yearN, subjOK, subjN, stretchFound, stretchN int
	for _, d := range docs {
		_, _, figs := processSeed(t, st, filepath.Join(seedsDir, d.Doc+".txt"))
		used := make([]bool, len(figs))
		for _, l := range d.Figures {
			if l.Stretch {
				stretchN++
			} else {
				labels++
			}
			match := -1
			for i, f := range figs {
				if !used[i] && f.Kind == l.Kind && sameValue(f.Value, l.Value) && string(f.Qualifier) == l.Qualifier && f.Raw == l.Raw {
					match = i
					break
				}
			}
			if match < 0 {
				if !l.Stretch {
					t.Errorf("%s: missed %s %v %q", d.Doc, l.Kind, l.Value, l.Raw)
				}
				continue
			}
			used[match] = true
			if l.Stretch {
				stretchFound++
			} else {
				found++
			}
			f := figs[match]
			if l.Year != 0 {
				yearN++
				if f.Year != nil && *f.Year == l.Year {
					yearOK++
				} else {
					t.Logf("%s: %q year %v, want %d", d.Doc, l.Raw, deref(f.Year), l.Year)
				}
			}
			if l.Subject != "" {
				// Labels name the subject as the page writes it.
				subjN++
				if string(f.SubjectOriginalScript) == l.Subject {
					subjOK++
				} else {
					t.Logf("%s: %q subject_original_script %q, want %q", d.Doc, l.Raw, f.SubjectOriginalScript, l.Subject)
				}
			}
		}
		for i, f := range figs {
			extracted++
			if used[i] {
				correct++
			} else {
				t.Errorf("%s: extra figure %s %v %q (%s)", d.Doc, f.Kind, f.Value, f.Raw, f.Extractor)
			}
		}
	}
	precision := ratio(correct, extracted)
	recall := ratio(found, labels)
	t.Logf("labels.json: precision %.3f (%d/%d), recall %.3f (%d/%d), stretch %d/%d, year %d/%d, subject %d/%d",
		precision, correct, extracted, recall, found, labels, stretchFound, stretchN, yearOK, yearN, subjOK, subjN)
	if ratio(yearOK, yearN) < 0.9 || ratio(subjOK, subjN) < 0.9 {
		t.Errorf("year %d/%d, subject %d/%d: attribution must be right for at least 90%%", yearOK, yearN, subjOK, subjN)
	}
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: both must be at least 0.95", precision, recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func deref(p *int32) any {
	if p == nil {
		return nil
	}
	return *p
}
