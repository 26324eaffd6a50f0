package extractors

import (
	"slices"
	"strings"
	"sync"
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

// mayTellBeforeAfter is the cheap filter of a text a before/after cut may
// stand in: one table lookup per character finds the characters every
// before word holds, and only there are the words looked for. It is one
// pass: a first scan for the characters and a second that decoded every
// character and looked it up in a map were an eighth of extraction's time.
func mayTellBeforeAfter(s string) bool {
	flags := runeFlags()
	var at map[rune][]wordAt
	for i := 0; i < len(s); {
		if i = skipPlain(s, i, flags, flagBefore); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		n := 3
		// the before words' characters are all three bytes long: decode
		// those inline, anything else cannot be one
		if r3, ok := decode3(s, i); ok {
			r = r3
		} else {
			_, n = utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		if flags[r]&flagBefore != 0 {
			if at == nil {
				at = beforeWordsAt()
			}
			if beforeWordAt(s, i, at[r]) {
				return true
			}
		}
		i += n
	}
	return false
}

// beforeWordAt reports whether one of the words of ws, those holding the
// character at s[i], stands in s with that character at i.
func beforeWordAt(s string, i int, ws []wordAt) bool {
	for _, o := range ws {
		if j := i - o.off; j >= 0 && j+len(o.word) <= len(s) && s[j:j+len(o.word)] == o.word {
			return true
		}
	}
	return false
}

// wordAt is a word and the byte offset of one of its characters in it.
type wordAt struct {
	word string
	off  int
}

// beforeWordsAt indexes the before words by their flagged characters, so
// that a scan checks the words only where one of those stands.
var beforeWordsAt = sync.OnceValue(func() map[rune][]wordAt {
	flags := runeFlags()
	m := map[rune][]wordAt{}
	for _, w := range beforeWords {
		for off, r := range w {
			if r < 0x10000 && flags[r]&flagBefore != 0 {
				m[r] = append(m[r], wordAt{w, off})
			}
		}
	}
	return m
})

// beforeAfterCuts reads the before/after cuts of s, whose before or after
// may stand in the sentence before it ("此前…需要8个工作日。今年以来…压缩到3个
// 工作日以内。"); taken are the figures other rules found in s.
func beforeAfterCuts(s *Sentence, taken []Figure) []Figure {
	t, off := s.Text, 0
	if s.prev != "" {
		// the previous sentence and what lies between, as in the document
		t, off = s.doc.text[s.prevStart:s.Start+len(s.Text)], s.Start-s.prevStart
	}
	if s.tell == no || s.tell == unknown && !mayTellBeforeAfter(t) {
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
	var marks *storyMarks
	for _, u := range units {
		if len(byUnit[u]) < 2 {
			continue
		}
		if marks == nil {
			marks = findStoryMarks(t)
		}
		var before, after []quantity
		for _, q := range byUnit[u] {
			switch marks.tellsAt(t, q) {
			case -1:
				if statesCutOf(t, q) {
					continue // the base of a stated cut (较…236个工作日压减66.1%)
				}
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

// statesCutOf reports whether q's clause goes on to a percentage: the
// cut stated of q, which is that cut's base and no before of another.
func statesCutOf(t string, q quantity) bool {
	rest := t[q.unitEnd:clauseEnd(t, q.unitEnd)]
	return strings.ContainsRune(rest, '%') || strings.ContainsRune(rest, '％') || strings.Contains(rest, "百分之")
}

// continuesStory reports whether a sentence goes on with the one before
// it: it opens with a before or after word ("如今，", "今年以来，", "而在改革之前，").
func continuesStory(s string) bool {
	s = trimSpace(s)
	for _, c := range []string{"而在", "而", "但", "可"} {
		s = strings.TrimPrefix(s, c)
	}
	return hasPrefixAny(s, beforeWords) != "" || hasPrefixAny(s, afterWords) != "" || strings.HasPrefix(s, "今年")
}

// storyMarks are where the before and after words of a text end, in
// order, found once for all its quantities.
type storyMarks struct{ before, after []int }

func findStoryMarks(t string) *storyMarks {
	return &storyMarks{before: beforeScanner().ends(t), after: afterScanner().ends(t)}
}

// wordScanner finds a list of words in one pass over a text: the words
// are indexed by their first character, looked up only where a character
// of the bitset stands (a strings.Index per word was 60 passes over every
// sentence the before/after rule reads).
type wordScanner struct {
	words []string
	first map[rune][]int // indexes into words
	bits  [0x10000 / 64]uint64
	// firsts is bits as a table skipPlain reads (1 for a word's first
	// character): anyIn steps over the other characters in its loop
	firsts *[0x10000]uint8
}

func newWordScanner(words []string) *wordScanner {
	ws := &wordScanner{words: words, first: map[rune][]int{}, firsts: new([0x10000]uint8)}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 0x10000 || r < 0x1000 || r >= 0xd000 && r < 0xe000 {
			// the inline decoding below reads three-byte characters
			// with leads E1-EC and EE-EF only
			panic("wordScanner: " + w + " does not begin with a three-byte character")
		}
		ws.first[r] = append(ws.first[r], i)
		ws.bits[r/64] |= 1 << (r % 64)
		ws.firsts[r] = 1
	}
	return ws
}

var (
	beforeScanner = sync.OnceValue(func() *wordScanner { return newWordScanner(beforeWords) })
	afterScanner  = sync.OnceValue(func() *wordScanner { return newWordScanner(afterWords) })
)

// ends is wordEnds(t, ws.words): each word's occurrences left to right
// without overlaps, their ends sorted.
func (ws *wordScanner) ends(t string) []int {
	var out []int
	var next []int // per word, where its last occurrence ended
	for i := 0; i+2 < len(t); {
		// as in anyIn, skipPlain passes what the steps below would
		if i = skipPlain(t, i, ws.firsts, 1); i+2 >= len(t) {
			break
		}
		c := t[i]
		// Every word starts with a three-byte character, and no other
		// byte of valid or broken UTF-8 can be one's first.
		if c < 0xe1 || c > 0xef || c == 0xed || t[i+1]&0xc0 != 0x80 || t[i+2]&0xc0 != 0x80 {
			i++
			continue
		}
		r := rune(c&0x0f)<<12 | rune(t[i+1]&0x3f)<<6 | rune(t[i+2]&0x3f)
		if ws.bits[r/64]&(1<<(r%64)) != 0 {
			for _, k := range ws.first[r] {
				w := ws.words[k]
				if !strings.HasPrefix(t[i:], w) {
					continue
				}
				if next == nil {
					next = make([]int, len(ws.words))
				}
				if i >= next[k] {
					out = append(out, i+len(w))
					next[k] = i + len(w)
				}
			}
		}
		i += 3
	}
	slices.Sort(out)
	return out
}

// anyIn reports whether t holds one of the words: containsAny(t,
// ws.words) in one pass.
func (ws *wordScanner) anyIn(t string) bool {
	for i := 0; i+2 < len(t); {
		// skipPlain passes what the steps below pass without a look:
		// ASCII bytes and characters no word starts with
		if i = skipPlain(t, i, ws.firsts, 1); i+2 >= len(t) {
			break
		}
		r, ok := decode3(t, i)
		if !ok {
			// no word starts here, nor inside the character (a byte of
			// valid or broken UTF-8 that is no three-byte lead)
			i++
			continue
		}
		if ws.bits[r/64]&(1<<(r%64)) != 0 {
			for _, k := range ws.first[r] {
				if strings.HasPrefix(t[i:], ws.words[k]) {
					return true
				}
			}
		}
		i += 3
	}
	return false
}

// lastIn returns the index in ws.words of the word whose last occurrence
// in t starts last, the earlier word where two start together, and -1
// when none occurs: what a strings.LastIndex per word would pick.
func (ws *wordScanner) lastIn(t string) int {
	for i := len(t) - 3; i >= 0; i-- {
		r, ok := decode3(t, i)
		if !ok || ws.bits[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, k := range ws.first[r] { // in list order
			if strings.HasPrefix(t[i:], ws.words[k]) {
				return k
			}
		}
	}
	return -1
}

// lastBefore is the largest end in ends at or before pos, -1 if none.
func lastBefore(ends []int, pos int) int {
	i, _ := slices.BinarySearch(ends, pos+1)
	if i == 0 {
		return -1
	}
	return ends[i-1]
}

// tellsAt says whether the text before q last said "before" (-1) or "now"
// (1), 0 if neither; an after word right after the quantity ("2个工作日即可
// 办结") says "now" for it.
func (m *storyMarks) tellsAt(t string, q quantity) int {
	rest := strings.TrimLeft(t[q.unitEnd:clauseEnd(t, q.unitEnd)], "内以")
	if hasPrefixAny(rest, afterWords) != "" {
		return 1
	}
	b, a := lastBefore(m.before, q.start), lastBefore(m.after, q.start)
	switch {
	case b > a:
		return -1
	case a > b:
		return 1
	}
	return 0
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
	if isDifference(t, from) || isDifference(t, to) {
		// "压缩至90天，比改革前减少120天": 120 is what was cut, neither
		// the before nor the after
		return Figure{}, false
	}
	fa, ok1 := from.parse(t)
	ta, ok2 := to.parse(t)
	if !ok1 || !ok2 {
		return Figure{}, false
	}
	if !cutOrder(fa.num, ta.num) {
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
	n, err := percentDrop(fa.num, ta.num)
	if err != nil {
		return Figure{}, false
	}
	fv, tv := fa.num.Value, ta.num.Value
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
		Evidence:   "before→after " + fa.num.Text + "→" + ta.num.Text + " " + unitName(to.unit),
	}, true
}

// differenceVerbs say that the quantity after them is an amount taken off.
// (Not 少 alone: 至少 and 最少 say "at least".)
var differenceVerbs = []string{"减少", "缩短", "压缩", "压减", "缩减", "精简", "节省", "节约", "降低", "提前"}

// isDifference reports whether q is the amount a verb took off ("减少约120
// 天", "缩短了15天", "节省18个工作日"), which a before/after pair must not
// read as either end.
func isDifference(t string, q quantity) bool {
	head := strings.TrimRight(t[clauseStart(t, q.start):q.start], " ")
	for range 3 {
		trimmed := false
		for _, w := range []string{"约", "近", "了", "平均", "累计", "共", "总共", "合计", "达", "超过", "逾", "将近", "大约"} {
			if strings.HasSuffix(head, w) {
				head, trimmed = strings.TrimSuffix(head, w), true
			}
		}
		if !trimmed {
			break
		}
	}
	return hasSuffixAny(head, differenceVerbs) != ""
}

// quantity is a numeral with a from→to unit after it; the numeral is
// parsed only for the quantities a pair is made of.
type quantity struct {
	start, end int // the numeral
	unit       string
	unitEnd    int
}

// quantitiesIn lists the numerals in t[lo:hi] whose from→to unit also ends
// within it.
func quantitiesIn(t string, lo, hi int) []quantity {
	var out []quantity
	flags := runeFlags()
	// isNumeralRune with the table at hand
	numeral := func(r rune) bool { return r < 0x10000 && flags[r]&flagNumeralRune != 0 }
	for p := lo; p < hi; {
		// plain characters, most of the text, stepped over in skipPlain's
		// loop (it stops at any character it does not decode, which is
		// then read here)
		if p = skipPlain(t[:hi], p, flags, flagNumeralRune); p == hi {
			break
		}
		r, n := decodeAt(t, p)
		if !numeral(r) {
			p += n
			continue
		}
		end := p + n
		for end < hi {
			r2, n2 := decodeAt(t, end)
			if !numeral(r2) && !isSpace(r2) {
				break
			}
			end += n2
		}
		if u, ue := unitAt(t, end); u != "" && ue <= hi {
			out = append(out, quantity{p, end, u, ue})
			p = ue
			continue
		}
		p = end
	}
	return out
}

// parse reads q's numeral as numberAfter does; false if it is none or
// ends elsewhere.
func (q quantity) parse(t string) (amount, bool) {
	a, ok := numberAfter(t, q.start)
	if !ok {
		return amount{}, false
	}
	if u, ue := unitAt(t, a.end); u != q.unit || ue != q.unitEnd {
		return amount{}, false
	}
	return a, true
}

func isTaken(figs []Figure, pos int) bool {
	for _, f := range figs {
		if f.Start <= pos && pos < f.End {
			return true
		}
	}
	return false
}
