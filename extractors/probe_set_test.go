package extractors

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// The probe sets are texts written from the realdev labelling policy alone
// by writers who read no rule, word list or other test set
// (testdata/extractors/README.md says what each holds). Rules may be built
// from misses of their odd-numbered items only; the even-numbered halves
// are held out, and their misses are not to be read while writing rules.
// The floors sit about 0.03 under the score when each set was added (or
// last raised), so they catch regressions; raise them as work elsewhere
// lifts the score, never lower them to let a change pass.
var probeSets = []struct {
	name        string
	floor       [2]float64 // precision, recall over all kinds
	texts, reqd int        // at least this many texts and required labels
	what        string
}{
	// other domains holding km, yuan and %, transport text with subtle
	// non-figures, positives in unusual wording: P 0.983 R 0.972 when added
	{"probe1", [2]float64{0.95, 0.94}, 240, 170, "mixed domains"},
	// cut-weighted, work summaries, traditional-script pages: P 0.984 R
	// 0.910 when added, 0.985 / 0.931 after the before/after rule
	{"probe2", [2]float64{0.95, 0.90}, 200, 250, "cuts"},
	// cuts told as a before and an after, and look-alikes: the even half
	// scored P 1.000 R 0.200 before beforeafter.go, 0.967 / 0.829 after
	{"probe3", [2]float64{0.95, 0.87}, 120, 65, "before/after cuts"},
	// short press releases, Taiwan and Hong Kong releases, approval
	// reform, tables flattened to text: P 0.994 R 0.961 when added
	// (built from its odd half the session before)
	{"probe4", [2]float64{0.96, 0.93}, 200, 170, "short releases"},
	// whole documents of 300-530 characters, PDF-style hard line
	// breaks, bylines and related-news lists, written from templates of
	// the writer's own: P 0.997 R 0.990 when added
	{"probe5", [2]float64{0.96, 0.96}, 100, 690, "documents with hard wraps"},
	// work reports, approval reform, traditional releases, scraped pages
	// and flattened tables, hard negatives: P 0.991 R 0.933 when added
	// (its odd half built from the same session: odd R 0.853 -> 0.967,
	// even 0.885 before and after, scored on the CLI's output)
	{"probe6", [2]float64{0.96, 0.90}, 160, 330, "reports, pages and tables"},
	// qualifiers and years (labelled too, see TestProbe7Fields): P 1.000
	// R 0.957 when added (its odd half built from the same session)
	{"probe7", [2]float64{0.96, 0.92}, 120, 270, "qualifiers and years"},
	// whole documents of 1,200-1,350 characters: work summaries, work
	// reports, reform summaries, PDF text with page furniture, Taiwan and
	// Hong Kong reports: P 0.984 R 0.947 when added (its odd half built
	// from the same session)
	{"probe10", [2]float64{0.95, 0.91}, 24, 450, "long documents"},
}

func TestProbeSets(t *testing.T) {
	for _, ps := range probeSets {
		t.Run(ps.name, func(t *testing.T) {
			n, required := scoreLabelled(t, ps.name, "../testdata/extractors/"+ps.name+".jsonl", map[string][2]float64{"ALL": ps.floor})
			// A truncated or emptied file would score perfectly; refuse it.
			if n < ps.texts || required < ps.reqd {
				t.Fatalf("%s.jsonl (%s) has %d texts and %d required labels, want >= %d and >= %d", ps.name, ps.what, n, required, ps.texts, ps.reqd)
			}
		})
	}
}

// TestProbe7Fields checks the two fields probe7 labels besides kind and
// value: the qualifier and the year of each figure matched to a required
// label (kind, value within 0.5%). A year the extractors leave 0 counts as
// a miss; one that differs from a stated label as wrong. The floors sit
// under the agreement when the set was added (qualifier 270 of 270, year
// 243 of 270, 3 wrong); wrong years must stay few.
func TestProbe7Fields(t *testing.T) {
	f, err := os.Open("../testdata/extractors/probe7.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t2s, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	set := newSet(t)
	var matched, qualRight, yearRight, yearWrong int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it struct {
			Text    string `json:"text"`
			Figures []struct {
				Kind      string  `json:"kind"`
				Value     float64 `json:"value"`
				Qualifier string  `json:"qualifier"`
				Year      int     `json:"year"`
				Optional  bool    `json:"optional"`
			} `json:"figures"`
		}
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		got := set.Extract(t2s.Convert(it.Text))
		used := make([]bool, len(got))
		for _, w := range it.Figures {
			if w.Optional {
				continue
			}
			for i, g := range got {
				if used[i] || g.Kind != w.Kind || math.Abs(g.Value-w.Value) > 0.005*math.Abs(w.Value) {
					continue
				}
				used[i] = true
				matched++
				if g.Qualifier == w.Qualifier {
					qualRight++
				}
				switch {
				case g.Year == w.Year:
					yearRight++
				case g.Year != 0:
					yearWrong++
				}
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("probe7: %d required figures matched; qualifier right %d, year right %d, year wrong (not 0) %d", matched, qualRight, yearRight, yearWrong)
	if matched < 240 {
		t.Fatalf("only %d figures matched: the file or the extractors lost most of it", matched)
	}
	if float64(qualRight) < 0.97*float64(matched) {
		t.Errorf("qualifier right on %d of %d, want >= 97%%", qualRight, matched)
	}
	if float64(yearRight) < 0.87*float64(matched) || float64(yearWrong) > 0.02*float64(matched) {
		t.Errorf("year right on %d of %d (want >= 87%%), wrong on %d (want <= 2%%)", yearRight, matched, yearWrong)
	}
}
