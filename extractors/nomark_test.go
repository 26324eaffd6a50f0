package extractors

import "testing"

// skippedBefore reports whether extract's old first check skipped text:
// no candidate mark, no before word and no table hint in it.
func skippedBefore(text string) bool {
	return !hasCandidateMark(text) && !mayTellBeforeAfter(text) && !tableHint(text)
}

// checkNoMarkNoFigure holds Extract, which no longer searches a whole
// text for a mark before splitting it, to the old check: a text that
// check skipped gives no figure.
func checkNoMarkNoFigure(t *testing.T, set *Set, text string) bool {
	t.Helper()
	if !skippedBefore(text) {
		return false
	}
	if figs := set.Extract(text); len(figs) != 0 {
		t.Fatalf("Extract(%q) = %+v, want none (no mark, before word or table hint)", text, figs)
	}
	return true
}

func TestNoMarkNoFigure(t *testing.T) {
	set := newSet(t)
	texts := []string{"", "全县新建农村公路12条。", "此前需要8个工作日。如今3个工作日即可办结。", "过去5天\n如今2天即可办结",
		"现只需1份。", "2023年，全市完成12项工程，惠及3.5万人。", "里程\t长度\n1\t2", "一二三四五六七八九十", "\xff\xfe12个"}
	checked := 0
	for _, s := range append(texts, corpusTexts(t)...) {
		if checkNoMarkNoFigure(t, set, s) {
			checked++
		}
		// each line alone too: most lines of a text hold no mark
		for _, line := range splitLines(s) {
			if checkNoMarkNoFigure(t, set, line) {
				checked++
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d texts without a mark checked", checked)
	}
	t.Logf("%d texts without a mark checked", checked)
}

func FuzzNoMarkNoFigure(f *testing.F) {
	for _, s := range []string{"此前需要8个工作日。如今3个工作日即可办结。", "全县新建农村公路12条。", "原需3份。现只需1份。"} {
		f.Add(s)
	}
	set := newSet(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkNoMarkNoFigure(t, set, text)
	})
}

// splitLines cuts s at line breaks.
func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}
