package extractors

import (
	"math/big"
	"strings"
	"unicode/utf8"
)

// A cut told as a before and an after ("改革前需要20个工作日；改革后，2个工作日
// 即可办结", "过去需要提交14份，现在只需3份"): two quantities of one unit in
// different clauses of a sentence, one in a clause that says "before", the
// other in one that says "now". The cut is derived as for a from→to pair.
var (
	beforeWords = []string{"改革前", "改革之前", "过去", "以前", "以往", "原来", "原先", "原本", "此前", "之前", "原有",
		"原需", "原为", "原要", "法定", "去年"}
	afterWords = []string{"改革后", "现在", "如今", "目前", "现已", "现仅", "现只", "现需", "优化后", "实施后", "推行后",
		"整合后", "简化后", "只需", "仅需", "只要", "即可", "就能", "就可", "便可", "今年以来", "今年起",
		// a cut verb and its target's mark tell the after as well
		"缩短为", "缩减为", "压缩为", "压减为", "减少为", "精简为", "简化为", "降低为", "降为", "减为",
		"缩短到", "缩减到", "压缩到", "压减到", "减少到", "精简到", "简化到", "降低到", "降到", "减到",
		"缩短至", "缩减至", "压缩至", "压减至", "减少至", "精简至", "简化至", "降低至", "降至", "减至", "缩至"}
	// nouns that make 份, 项, 个, 次 count materials, steps or trips
	beforeAfterMatNouns = []string{"材料", "资料", "表格", "环节", "程序", "要件", "证明", "跑", "往返", "部门"}
)

// mayTellBeforeAfter is a cheap filter for sentences without a candidate
// mark: every before word holds one of these characters.
func mayTellBeforeAfter(s string) bool {
	return strings.ContainsAny(s, "前去往原此")
}

// beforeAfterCuts reads the before/after cuts of s, whose before or after
// may stand in the sentence before it ("此前…需要8个工作日。今年以来…压缩到3个
// 工作日以内。"); taken are the figures other rules found in s.
func beforeAfterCuts(s *Sentence, taken []Figure) []Figure {
	t, off := s.Text, 0
	if s.prev != "" {
		// the previous sentence and what lies between, as in the document
		t, off = s.doc.text[s.prevStart:s.Start+len(s.Text)], s.Start-s.prevStart
	}
	if !mayTellBeforeAfter(t) {
		return nil
	}
	qs := quantitiesIn(t, 0, len(t))
	if len(qs) < 2 {
		return nil
	}
	byUnit := map[string][]quantity{}
	var units []string
	for _, q := range qs {
		if q.start >= off && isTaken(taken, s.Start-off+q.start) {
			continue
		}
		u := unitName(q.unit)
		if byUnit[u] == nil {
			units = append(units, u)
		}
		byUnit[u] = append(byUnit[u], q)
	}
	var out []Figure
	for _, u := range units {
		var before, after []quantity
		for _, q := range byUnit[u] {
			switch tellsAt(t, q) {
			case -1:
				before = append(before, q)
			case 1:
				after = append(after, q)
			}
		}
		if len(before) != 1 || len(after) != 1 {
			continue // none, or which pair is meant is unsure
		}
		if before[0].start < off && after[0].start < off {
			continue // the sentence before holds both: read there
		}
		if (before[0].start < off || after[0].start < off) && !continuesStory(s.Text) {
			continue // "过去，邻县…需要15个工作日。在我县，…只需1个工作日": another subject
		}
		if f, ok := beforeAfterFigure(t, s.Start-off, before[0], after[0]); ok {
			out = append(out, f)
		}
	}
	return out
}

// continuesStory reports whether a sentence goes on with the one before
// it: it opens with a before or after word ("如今，", "今年以来，", "而在改革之前，").
func continuesStory(s string) bool {
	s = strings.TrimSpace(s)
	for _, c := range []string{"而在", "而", "但", "可"} {
		s = strings.TrimPrefix(s, c)
	}
	return hasPrefixAny(s, beforeWords) != "" || hasPrefixAny(s, afterWords) != "" || strings.HasPrefix(s, "今年")
}

// tellsAt says whether the text before q last said "before" (-1) or "now"
// (1), 0 if neither; an after word right after the quantity ("2个工作日即可
// 办结") says "now" for it.
func tellsAt(t string, q quantity) int {
	rest := strings.TrimLeft(t[q.unitEnd:clauseEnd(t, q.unitEnd)], "内以")
	for _, w := range afterWords {
		if strings.HasPrefix(rest, w) {
			return 1
		}
	}
	b, a := lastEnd(t[:q.start], beforeWords), lastEnd(t[:q.start], afterWords)
	switch {
	case b > a:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// lastEnd is where the last of words in s ends, -1 if none is in s.
func lastEnd(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	return best
}

// matClause reports whether q's clause names materials, steps or trips,
// and none of the things that are counted like them but are not.
func matClause(t string, q quantity) bool {
	c := t[clauseStart(t, q.start):clauseEnd(t, q.unitEnd)]
	return containsAny(c, beforeAfterMatNouns) && !containsAny(c, []string{"事项", "窗口", "网点", "人员", "工作人员"})
}

// beforeAfterFigure derives the cut from two quantities of t, which starts
// at document offset base.
func beforeAfterFigure(t string, base int, from, to quantity) (Figure, bool) {
	if clauseStart(t, from.start) == clauseStart(t, to.start) {
		return Figure{}, false
	}
	fr, tr := from.num.Rat(), to.num.Rat()
	if fr.Sign() <= 0 || tr.Sign() < 0 || tr.Cmp(fr) >= 0 {
		return Figure{}, false
	}
	if hasPrefixAny(t[to.unitEnd:], []string{"都不", "也不", "都没", "也没", "都无需", "也无需"}) != "" {
		return Figure{}, false // "现在1趟都不用跑" is none, not one
	}
	a, b := min(from.start, to.start), max(from.unitEnd, to.unitEnd)
	kind := ""
	if containsString(timeUnits, from.unit) || containsString(timeUnits, to.unit) {
		// a processing time: an approval word or a time noun says so
		if !containsAny(t, append([]string{"办结", "办完", "办好", "拿到", "时限", "用时"}, approvalWords...)) {
			return Figure{}, false
		}
		kind = KindTimeCut
	} else {
		if !matClause(t, from) && !matClause(t, to) {
			return Figure{}, false // approval items, windows, staff: not materials
		}
		kind = KindMaterialCut
	}
	pct := new(big.Rat).Sub(fr, tr)
	pct.Quo(pct, fr)
	pct.Mul(pct, big.NewRat(100, 1))
	n, err := roundedNumber(pct, 4)
	if err != nil {
		return Figure{}, false
	}
	fv, tv := from.num.Value, to.num.Value
	return Figure{
		Kind:       kind,
		Value:      n.Value,
		ValueText:  n.Text,
		Unit:       UnitPercent,
		Start:      base + a,
		End:        base + b,
		FromValue:  &fv,
		ToValue:    &tv,
		PeriodUnit: unitName(to.unit),
		Extractor:  kind + ".before_after",
		Evidence:   "before→after " + from.num.Text + "→" + to.num.Text + " " + unitName(to.unit),
	}, true
}

// quantity is a number with a from→to unit after it.
type quantity struct {
	amount
	unit    string
	unitEnd int
}

// quantitiesIn lists the numbers in t[lo:hi] whose from→to unit also ends
// within it.
func quantitiesIn(t string, lo, hi int) []quantity {
	var out []quantity
	prevNumeral := false
	for p := lo; p < hi; {
		r, n := utf8.DecodeRuneInString(t[p:])
		isNum := isNumeralRune(r)
		if isNum && !prevNumeral {
			if a, ok := numberAfter(t, p); ok && a.end <= hi {
				if u, ue := unitAt(t, a.end); u != "" && ue <= hi {
					out = append(out, quantity{a, u, ue})
					p, prevNumeral = ue, false
					continue
				}
			}
		}
		prevNumeral = isNum
		p += n
	}
	return out
}

func isTaken(figs []Figure, pos int) bool {
	for _, f := range figs {
		if f.Start <= pos && pos < f.End {
			return true
		}
	}
	return false
}
