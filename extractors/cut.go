package extractors

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// cuts finds cuts to processing time (time_cut) and to application
// materials, steps and trips (material_cut): a percentage after a cut verb
// ("审批办理时限压减 87.5%", "提速79.6%" where a time limit is the topic), or
// a from→to pair ("办理时间由60个工作日缩减至最多5个工作日", "均由30日压缩至20日"),
// whose cut is derived. One extractor returns both kinds.
type cuts struct{}

func newCuts() *cuts { return &cuts{} }

// Kind names the first of the two kinds it finds.
func (*cuts) Kind() string { return KindTimeCut }

var (
	// pairTable judges from→to pairs; cutTable percentages, which also
	// drop near money and approval-item words
	pairTable = sync.OnceValue(func() *cueTable {
		return newCueTable(cutVerbCues, timeNounCues, matNounCues, notCutCues)
	})
	cutTable = sync.OnceValue(func() *cueTable {
		return newCueTable(cutVerbCues, timeNounCues, matNounCues, notCutCues, notPercentCutCues)
	})
)

func (c *cuts) Extract(s *Sentence) []Figure { return c.appendFigures(s, nil) }

func (c *cuts) appendFigures(s *Sentence, out []Figure) []Figure {
	t := s.Text
	n0 := len(out)
	marks := s.marks()
	// A pair read from one mark is passed over by the marks it holds.
	next := 0
	for _, i := range marks.from {
		if i < next {
			continue
		}
		if fs, end, ok := fromToAt(s, i); ok {
			out = append(out, fs...)
			next = end
		}
	}
	// A lost character before a number may have been the 由 or 从 (办理时间
	// \uFFFD20个工作日压减至5个工作日): read as a pair where a cut verb and a
	// time or material noun say what the mark would have.
	next = 0
	for _, i := range marks.lost {
		if i < next || !oneByteDigit(firstRune(t[i+len(lost):])) {
			continue
		}
		if fs, end, ok := fromToAt(s, i); ok {
			out = append(out, fs...)
			next = end
		}
	}
	var prev *Figure // the previous percentage cut, for lists ("压缩60%、75%")
	prevEnd := -1
	for _, loc := range marks.percent {
		f, ok := percentCut(s, loc[0], loc[1], prev, prevEnd)
		if !ok {
			prev = nil
			continue
		}
		out = append(out, f)
		prev = &out[len(out)-1]
		prevEnd = f.End - s.Start
	}
	for _, k := range marks.tenths {
		if !tenthsAt(t, k) {
			continue
		}
		if f, ok := percentCut(s, k, k+len("成"), nil, -1); ok {
			out = append(out, f)
		}
	}
	return append(out, beforeAfterCuts(s, out[n0:])...)
}

// tenthsAt reports a 成 at t[k:] right after one digit that follows no
// other numeral (缩短约四成, 减少7成以上): a share in tenths, which a cut
// states as a percentage does.
func tenthsAt(t string, k int) bool {
	r, n := utf8.DecodeLastRuneInString(t[:k])
	if !strings.ContainsRune(tenthDigits, r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(t[:k-n])
	return k-n == 0 || !isNumeralRune(p) // 十成, 二十成: no share in tenths
}

// tenthDigits are the digits a share in tenths is written with.
const tenthDigits = "一二两三四五六七八九123456789１２３４５６７８９"

// percentMarks finds %, ％ and 百分之 in text order.
func percentMarks(t string) [][2]int {
	// ％ ends in a byte as common as any (strings.Index does better for
	// it); 百分之 in a rare one
	if strings.IndexByte(t, '%') < 0 && !strings.Contains(t, "％") && indexByLast(t, "百分之") < 0 {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(t); {
		switch c := t[i]; {
		case c == '%':
			out = append(out, [2]int{i, i + 1})
			i++
		case c == 0xEF && strings.HasPrefix(t[i:], "％"):
			out = append(out, [2]int{i, i + len("％")})
			i += len("％")
		case c == 0xE7 && strings.HasPrefix(t[i:], "百分之"):
			out = append(out, [2]int{i, i + len("百分之")})
			i += len("百分之")
		default:
			i++
		}
	}
	return out
}

// percentCut decides a percentage. Its clause must hold a cut verb before
// the number with no negative (growth, rates, shares) nearer; the kind comes
// from the noun between verb and number ("压缩审批时间90%") or the nearest one
// before the verb in the sentence ("材料精简60%", "时限…，提速79.6%"). Nouns
// listed before 分别 pair with the percentages in order. A percentage
// joined to a previous cut by 、 continues its list ("压缩60%、75%").
func percentCut(s *Sentence, a, b int, prev *Figure, prevEnd int) (Figure, bool) {
	t := s.Text
	var am amount
	var ok bool
	unitEnd := b
	if t[a:b] == "百分之" {
		am, ok = numberAfter(t, b)
		if !ok {
			return Figure{}, false
		}
		unitEnd = am.end
		am.start = a
	} else {
		am, ok = numberBefore(t, a)
		if !ok {
			return Figure{}, false
		}
	}
	if t[a:b] == "成" {
		// 四成 is 40%: one digit, in tenths
		if am.num.Value < 1 || am.num.Value > 9 || am.num.Value != float64(int(am.num.Value)) {
			return Figure{}, false
		}
		n, err := am.num.times(10)
		if err != nil {
			return Figure{}, false
		}
		am.num = n
	}
	if am.num.Value <= 0 || am.num.Value > 100 {
		return Figure{}, false
	}
	kwEnd, preQual := keywordEnd(t, am.start)
	qual := qualifierOf(preQual, am.num, postQualifier(t, unitEnd))
	fig := Figure{
		Value:     am.num.Value,
		ValueText: am.num.Text,
		Unit:      UnitPercent,
		Qualifier: qual,
		End:       s.Start + unitEnd,
	}
	if prev != nil && prevEnd >= 0 && prevEnd <= am.start && isListJoin(t[prevEnd:am.start]) &&
		!strings.Contains(t[clauseStart(t, prevEnd):prevEnd], "分别") {
		f := fig
		f.Kind, f.Start = prev.Kind, s.Start+am.start
		f.Extractor = prev.Extractor
		f.Evidence = "list item after " + t[prev.Start-s.Start:prevEnd]
		return f, true
	}
	// the cut verb, nearest first, in the clause
	var verb *hit
	var nounAfter *hit
	drop := false
	cutTable().scanLeft(t, clauseStart(t, kwEnd), kwEnd, func(h hit) bool {
		switch h.role {
		case roleNotCut:
			drop = true
			return false
		case roleTimeNoun, roleMatNoun:
			if nounAfter == nil {
				hh := h
				nounAfter = &hh
			}
			return true
		case roleCutVerb:
			hh := h
			verb = &hh
			return false
		}
		return true
	})
	if drop || verb == nil {
		return Figure{}, false
	}
	// "压缩至50%" states what is left, not the cut
	between := t[verb.end:am.start]
	if strings.Contains(between, "至") || strings.Contains(strings.ReplaceAll(between, "达到", ""), "到") {
		return Figure{}, false
	}
	var kind, evidence string
	start := verb.start
	switch {
	case nounAfter != nil:
		if !timeNounOK(t, *nounAfter) {
			return Figure{}, false
		}
		kind = nounKind(nounAfter.role)
		evidence = "verb " + verb.word + " + noun " + nounAfter.word
	default:
		nouns := nounsBefore(t, verb.start)
		if len(nouns) == 0 {
			return Figure{}, false
		}
		n := nouns[0]
		if len(nouns) > 1 && strings.Contains(t[clauseStart(t, verb.start):verb.start], "分别") {
			// "办理时间、申请材料分别减少50%、30%": pair in order
			k := listIndex(t, verb.end, am.start)
			if k >= len(nouns) {
				return Figure{}, false
			}
			n = nouns[len(nouns)-1-k]
		}
		if !timeNounOK(t, n) {
			return Figure{}, false
		}
		kind = nounKind(n.role)
		evidence = "noun " + n.word + " + verb " + verb.word
		if n.clauses > 0 {
			evidence += " ← " + itoa(n.clauses) + " clause(s) back"
		} else {
			start = nounSpanStart(t, n)
		}
	}
	if verb.word == "提速" || verb.word == "提速率" {
		if kind != KindTimeCut {
			return Figure{}, false
		}
	}
	fig.Kind = kind
	fig.Start = s.Start + start
	fig.Extractor = kind + ".percent"
	fig.Evidence = evidence
	return fig, true
}

// nounsBefore returns the time and material nouns of the list that ends
// nearest before pos in the sentence, nearest first: the nouns of one clause
// joined by 、和及与, or the nearest noun of an earlier clause.
func nounsBefore(t string, pos int) []hit {
	var out []hit
	cutTable().scanLeft(t, 0, pos, func(h hit) bool {
		switch h.role {
		case roleTimeNoun, roleMatNoun:
			if len(out) > 0 && h.clauses != out[0].clauses {
				return false
			}
			out = append(out, h)
		case roleNotCut:
			return false
		}
		return true
	})
	return out
}

// listIndex counts the percentages between a verb and a candidate: the
// candidate's 0-based place in the list after 分别.
func listIndex(t string, from, to int) int {
	return len(percentMarks(t[from:to]))
}

func nounKind(r role) string {
	if r == roleMatNoun {
		return KindMaterialCut
	}
	return KindTimeCut
}

// fromToAt reads a from→to pair starting at the 由 or 从 at i: "由60个工作日
// 缩减至5个工作日", "由法定的932天到承诺190天", "由2个压缩为1个". The kind comes
// from the unit (a bare 个 needs a material noun in the clause); a cut verb
// or a time or material noun before 由 must show it is a cut. After 分别,
// lists of befores and afters pair in order ("分别由5个、20个工作日压缩至1个、
// 8个工作日"), one cut each.
func fromToAt(s *Sentence, i int) ([]Figure, int, bool) {
	t := s.Text
	p := i + len("由") // 由, 从 and a lost one's U+FFFD are all three bytes
	p = skipSpaces(t, p)
	for k := 0; k < 4; k++ { // "由原来的平均3次", "由以往平均约40天"
		w := hasPrefixAny(t[p:], fromWords)
		if w == "" {
			break
		}
		p = skipSpaces(t, p+len(w))
	}
	p = skipLostFiller(t, p, fromWords)
	// "由受理、审查、决定3个环节压缩为受理、决定2个环节": the list of what is
	// counted stands before each number
	listed := false
	if q := skipList(t, p, 2); q != p {
		p, listed = q, true
	}
	from, ok := numberAfter(t, p)
	if !ok {
		return nil, 0, false
	}
	fu, fuEnd := unitAt(t, from.end)
	if fu == "" {
		return nil, 0, false
	}
	froms := []amount{from}
	if !listed {
		froms, _, fu, fuEnd = amountList(t, from, fu, fuEnd)
	}
	// the gap: a cut verb and the mark of the target (至, 到, 为)
	q := skipSpaces(t, fuEnd)
	if strings.HasPrefix(t[q:], "以上") || strings.HasPrefix(t[q:], "左右") {
		q = skipSpaces(t, q+len("以上"))
	}
	verb, verbEnd := "", -1
	gapEnd := min(len(t), q+18)
	mark := ""
	for k := q; k < gapEnd; {
		if k == verbEnd && strings.HasPrefix(t[k:], lost) {
			// "精简�14份": the mark right after the verb was lost; a
			// number of the same unit must follow it (checked below).
			if m := k + len(lost); oneByteDigit(firstRune(t[skipToWords(t, m):])) {
				mark, q = lost, m
				break
			}
		}
		if m := hasPrefixAny(t[k:], toMarks); m != "" {
			mark = m
			if c, ok := cutTable().startingAt(t, k, k+len(m)); ok && c.role == roleCutVerb {
				verb = c.word
			}
			q = k + len(m)
			break
		}
		if c, ok := cutTable().startingAt(t, k, gapEnd); ok && c.role == roleCutVerb && verb == "" {
			verb = c.word
			k += len(c.word)
			verbEnd = k
			continue
		}
		r, n := utf8.DecodeRuneInString(t[k:])
		if isClauseBreak(r) || asciiDigit(r) >= 0 {
			break
		}
		k += n
	}
	if mark == "" {
		return nil, 0, false
	}
	q = skipToWords(t, q)
	if mark != lost {
		q = skipLostFiller(t, q, toWords)
	}
	if listed {
		q = skipList(t, q, 1)
	}
	to, ok := numberAfter(t, q)
	if !ok || to.num.Over {
		return nil, 0, false
	}
	tu, tuEnd := unitAt(t, to.end)
	tos, toEnds := []amount{to}, []int{tuEnd}
	if len(froms) > 1 {
		tos, toEnds, tu, tuEnd = amountList(t, to, tu, tuEnd)
	}
	if tu == "" || unitName(tu) != unitName(fu) {
		return nil, 0, false // "由3天缩短至4小时": no common unit, unsure
	}
	cs := clauseStart(t, i)
	if len(froms) != len(tos) || len(froms) > 1 && !strings.Contains(t[cs:i], "分别") {
		return nil, 0, false // befores and afters that do not pair, unsure
	}
	for k := range froms {
		if !cutOrder(froms[k].num, tos[k].num) || tos[k].num.Over {
			return nil, 0, false
		}
	}
	kind := ""
	var noun *hit
	drop := false
	pairTable().scanLeft(t, cs, i, func(h hit) bool {
		switch h.role {
		case roleNotCut:
			if permitAfter(t, h.end) {
				return true // 通行许可, 占道施工许可: a permit's name
			}
			drop = true
			return false
		case roleTimeNoun, roleMatNoun:
			if noun == nil {
				hh := h
				noun = &hh
				kind = nounKind(h.role)
			}
		}
		return true
	})
	if drop || noun != nil && !timeNounOK(t, *noun) {
		return nil, 0, false
	}
	nounWord := ""
	if noun != nil {
		nounWord = noun.word
	}
	switch {
	case containsString(timeUnits, fu):
		if kind == KindMaterialCut && !strings.Contains(nounWord, "时") {
			return nil, 0, false
		}
		kind = KindTimeCut
	case strings.Contains(t[cs:i], "事项") && noun == nil:
		return nil, 0, false // "审批事项由256项精简至128项": items, not materials
	case fu == "个" || fu == "种":
		// A bare count needs a material noun: 9种票价 are no materials.
		if kind != KindMaterialCut {
			return nil, 0, false
		}
	default:
		kind = KindMaterialCut
	}
	if verb == "" && noun == nil {
		return nil, 0, false // "由3天到5天不等": a range, not a cut
	}
	lostMark := strings.HasPrefix(t[i:], lost)
	if lostMark && (verb == "" || noun == nil || noun.end != i) {
		// The mark lost: the verb and the noun, right before it, must
		// both say it is a cut (not 由��20天 or 由二�20天).
		return nil, 0, false
	}
	end := tuEnd
	if w := hasPrefixAny(t[end:], []string{"以内", "之内"}); w != "" {
		end += len(w)
	}
	start := i
	if noun != nil {
		start = nounSpanStart(t, *noun)
	}
	var out []Figure
	for k := range froms {
		// Each pair ends at its own after (the figures of one span would
		// be taken for one).
		end := end
		if k < len(froms)-1 {
			end = toEnds[k]
		}
		n, err := percentDrop(froms[k].num, tos[k].num)
		if err != nil {
			return nil, 0, false
		}
		fv, tv := froms[k].num.Value, tos[k].num.Value
		evidence := "from→to " + froms[k].num.Text + "→" + tos[k].num.Text + " " + unitName(fu)
		if len(froms) > 1 {
			evidence += " (" + itoa(k+1) + " of " + itoa(len(froms)) + ", 分别)"
		}
		if verb != "" {
			evidence += ", verb " + verb
		}
		if noun != nil {
			evidence += ", noun " + noun.word
		}
		if lostMark {
			evidence += ", from-mark lost"
		}
		out = append(out, Figure{
			Kind:       kind,
			Value:      n.Value,
			ValueText:  n.Text,
			Unit:       UnitPercent,
			Start:      s.Start + start,
			End:        s.Start + end,
			FromValue:  &fv,
			ToValue:    &tv,
			PeriodUnit: unitName(fu),
			Extractor:  kind + ".from_to",
			Evidence:   evidence,
		})
	}
	return out, end, true
}

// permitAfter: a permit or its approval follows at p, within a few
// characters ("通行许可", "占道施工许可", "通行证办理"): the word before is
// part of the permit's name, no negative.
func permitAfter(t string, p int) bool {
	rest := t[p:min(len(t), p+6*3)]
	return containsAny(rest, []string{"许可", "通行证", "审批", "证办理"})
}

// amountList reads on from a number and its unit (first, u ending at
// uEnd) over numbers joined by 、 ("5个、20个工作日", "15天、30天"): the
// numbers, where each one's unit ends, and the unit and end of the last,
// which all take when each earlier unit begins it (个 of 个工作日). A list
// that breaks that rule is read as its first number alone.
func amountList(t string, first amount, u string, uEnd int) ([]amount, []int, string, int) {
	list, ends, units := []amount{first}, []int{uEnd}, []string{u}
	end := uEnd
	for strings.HasPrefix(t[end:], "、") {
		nx, ok := numberAfter(t, end+len("、"))
		if !ok {
			break
		}
		nu, nuEnd := unitAt(t, nx.end)
		if nu == "" {
			break
		}
		list, ends, units, end = append(list, nx), append(ends, nuEnd), append(units, nu), nuEnd
	}
	last := units[len(units)-1]
	for _, x := range units {
		if !strings.HasPrefix(last, x) {
			return list[:1], ends[:1], u, uEnd
		}
	}
	return list, ends, last, end
}

// skipToWords skips spaces and the words that may stand before the
// target number ("压缩至现在的平均2天").
func skipToWords(t string, q int) int {
	q = skipSpaces(t, q)
	for k := 0; k < 3; k++ {
		w := hasPrefixAny(t[q:], toWords)
		if w == "" {
			break
		}
		q = skipSpaces(t, q+len(w))
	}
	return q
}

// lost is U+FFFD, what a decoder leaves for bytes it could not read.
const lost = "\uFFFD"

// skipLostFiller skips, at p, characters before an Arabic number that
// hold a lost one (U+FFFD) and spell one of words where they were not
// lost: "法定\uFFFD" is 法定的, "\uFFFD\uFFFD" 目前 or 最多. The number keeps
// its value whatever the filler was (an Arabic digit is never lost, being
// one byte); anything else there leaves p as it was.
func skipLostFiller(t string, p int, words []string) int {
	end, n, holes := p, 0, 0
	for end < len(t) && n <= maxFillerRunes {
		r, size := utf8.DecodeRuneInString(t[end:])
		if r == utf8.RuneError && size == len(lost) {
			holes++
		} else if !hanRune(r) {
			break
		}
		end += size
		n++
	}
	if holes == 0 || n > maxFillerRunes || !oneByteDigit(firstRune(t[skipSpaces(t, end):])) {
		return p
	}
	for _, w := range words {
		if spellsWithLost(t[p:end], w) {
			return skipSpaces(t, end)
		}
	}
	return p
}

// maxFillerRunes is the longest filler word, in characters (改革前的).
const maxFillerRunes = 4

// spellsWithLost reports whether s is w with some characters lost.
func spellsWithLost(s, w string) bool {
	for s != "" && w != "" {
		a, n := utf8.DecodeRuneInString(s)
		b, m := utf8.DecodeRuneInString(w)
		if a != b && !(a == utf8.RuneError && n == len(lost)) {
			return false
		}
		s, w = s[n:], w[m:]
	}
	return s == "" && w == ""
}

// oneByteDigit: an ASCII digit, which a decoder never loses (a fullwidth
// one next to a lost character may have lost a digit of its number).
func oneByteDigit(r rune) bool { return r >= '0' && r <= '9' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// unitAt reads a from→to unit at p (after spaces), longest first.
func unitAt(t string, p int) (string, int) {
	p = skipSpaces(t, p)
	// Most places it is asked of start no unit: their first character
	// tells, without comparing the thirty units.
	if p >= len(t) {
		return "", p
	}
	if r, ok := decode3(t, p); !ok || unitFirsts[r/64]&(1<<(r%64)) == 0 {
		return "", p
	}
	best := ""
	for _, u := range timeUnits {
		if len(u) > len(best) && strings.HasPrefix(t[p:], u) {
			best = u
		}
	}
	for _, u := range matUnits {
		if len(u) > len(best) && strings.HasPrefix(t[p:], u) {
			best = u
		}
	}
	if best == "" {
		return "", p
	}
	return best, p + len(best)
}

// skipSpaces steps over the characters isSpace takes, by their bytes.
func skipSpaces(t string, p int) int {
	for p < len(t) {
		switch {
		case t[p] == ' ' || t[p] == '\t':
			p++
		case strings.HasPrefix(t[p:], "\u3000"):
			p += len("\u3000")
		case strings.HasPrefix(t[p:], "\u00a0"):
			p += len("\u00a0")
		default:
			return p
		}
	}
	return p
}

// unitFirsts has a bit set for the first character of each from→to unit;
// every unit begins with one of three bytes (TestUnitFirsts). It is not
// changed after init.
var unitFirsts = func() *[0x10000 / 64]uint64 {
	bits := new([0x10000 / 64]uint64)
	for _, u := range append(slices.Clone(timeUnits), matUnits...) {
		if r, ok := decode3(u, 0); ok {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	return bits
}()

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unitName drops the measure word of "个工作日" but keeps a bare "个".
func unitName(u string) string {
	if u != "个" {
		return strings.TrimPrefix(u, "个")
	}
	return u
}

// timeNounOK: a bare 时间 (时长, 用时, 周期, 期限) is a processing time only
// after an approval word in its clause ("办事等待时间" is one; "通行时间" and
// "待港时间" are not).
func timeNounOK(t string, h hit) bool {
	if h.role != roleTimeNoun || !bareTimeNouns[h.word] {
		return true
	}
	cs := clauseStart(t, h.start)
	return containsAny(t[cs:h.start], approvalWords)
}

// nounSpanStart is where a cut's span starts when its noun is at h: the
// words that join the noun ("审批办理时限", "平均办理时间"); a noun after 较 or
// 比 is the baseline of a comparison, so the clause's first noun before it
// starts the span ("承诺办理时限较法定时限压减85%").
func nounSpanStart(t string, h hit) int {
	cs := clauseStart(t, h.start)
	start := h.start
	if c := hasSuffixAny(t[cs:start], []string{"较", "比", "较法定", "比法定", "比原"}); c != "" {
		cutTable().scanLeft(t, cs, start-len(c), func(g hit) bool {
			if g.role == roleTimeNoun || g.role == roleMatNoun {
				start = g.start
				return false
			}
			return true
		})
	}
	return extendLeft(t, cs, start, cutNounPrefixes)
}

// maxListItems and maxItemRunes bound the list skipList reads.
const (
	maxListItems = 10
	maxItemRunes = 8
)

// skipList skips, from p, a list of at least min items of Chinese
// characters joined by 、 that a numeral follows at once ("受理、审查、决定3个
// 环节"; "身份证1份" is one item), and returns where the numeral starts; p
// when there is none.
func skipList(t string, p, min int) int {
	i, items := p, 0
	for items < maxListItems {
		n := 0
		for i < len(t) && n <= maxItemRunes {
			r, size := utf8.DecodeRuneInString(t[i:])
			if !hanRune(r) || isChineseDigit(r) || smallUnit[r] != 0 {
				break
			}
			i += size
			n++
		}
		if n == 0 || n > maxItemRunes {
			return p
		}
		items++
		if strings.HasPrefix(t[i:], "、") {
			i += len("、")
			continue
		}
		if items >= min && startsWithNumeralRune(t[i:]) {
			return i
		}
		return p
	}
	return p
}
