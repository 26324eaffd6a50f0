package extractors

import "testing"

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
