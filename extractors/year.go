package extractors

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// yearMention is an explicit year in the text: "2022年" or an ISO date.
type yearMention struct {
	start, end int
	year       int
	iso        bool // 2024-12-16: a date stamp, not a statement about a period
	ranged     bool // part of "2021-2025年" or "2021年至2025年": no single year
	// Indexes into the document's year list, so that a figure's lookups
	// jump over the mentions they skip instead of visiting each one:
	// the last mention at or before this one that is not ranged, the
	// first at or after it that is not ranged, and the last date stamp at
	// or before it (-1 or len(years) when there is none).
	plainBefore, plainAfter, isoBefore int
}

var (
	// isoAtRe is an ISO date anchored at the start of its input; isoMatches
	// runs it only where a year and a separator stand.
	isoAtRe = regexp.MustCompile(`^` + isoPattern)
	// "与去年持平", "较上年增长": a comparison, not the figure's year
	comparedRe = regexp.MustCompile(`(?:与|较|比|同|于)(?:去年|上年)`)
	rangeSep   = "-—–~～至到"
)

func findYears(text string) []yearMention {
	var ys []yearMention
	matches, roc := yearMatchesROC(text)
	for _, m := range matches {
		y := parseYear(text[m[2]:m[3]])
		if y < 1950 || y > 2100 {
			continue
		}
		ys = append(ys, yearMention{start: m[0], end: m[1], year: y})
	}
	if roc {
		ys = mergeYears(ys, rocYears(text))
	}
	// Both lists are in text order and the years do not overlap, so one
	// pass checks each date stamp against the year it could fall in and
	// merges the two.
	var isos []yearMention
	k := 0
	for _, m := range isoMatches(text) {
		y := parseYear(text[m[2]:m[3]])
		if y < 1950 || y > 2100 {
			continue
		}
		for k < len(ys) && ys[k].end <= m[0] {
			k++
		}
		if k < len(ys) && ys[k].start <= m[0] {
			continue // inside a year mention
		}
		isos = append(isos, yearMention{start: m[0], end: m[1], year: y, iso: true})
	}
	ys = mergeYears(ys, isos)
	markRanges(text, ys)
	indexYears(ys)
	return ys
}

// markRanges marks the mentions that are ends of a period.
func markRanges(text string, ys []yearMention) {
	// "2021-2025年" and "2021年至2025年" name a period, not a year.
	for i := range ys {
		before := strings.TrimRight(text[:ys[i].start], " ")
		// before ends with a separator when its last character is one
		// (one decoding, not a suffix test per separator)
		if sep, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(rangeSep, sep) {
			b := strings.TrimRight(strings.TrimSuffix(before, string(sep)), " ")
			b = strings.TrimSuffix(b, "年")
			if len(b) >= 4 && parseYear(b[len(b)-4:]) >= 1950 {
				ys[i].ranged = true
				if i > 0 && ys[i-1].end >= len(b)-4 {
					ys[i-1].ranged = true
				}
			}
		}
	}
}

// indexYears fills the skip indexes of yearMention.
func indexYears(ys []yearMention) {
	plain, iso := -1, -1
	for i := range ys {
		if !ys[i].ranged {
			plain = i
		}
		if ys[i].iso {
			iso = i
		}
		ys[i].plainBefore, ys[i].isoBefore = plain, iso
	}
	plain = len(ys)
	for i := len(ys) - 1; i >= 0; i-- {
		if !ys[i].ranged {
			plain = i
		}
		ys[i].plainAfter = plain
	}
}

// scopeMentions returns the explicit years that stand on a scope line. Years
// are in text order, so each line is found and judged once, however many
// years it holds.
func scopeMentions(text string, ys []yearMention) []yearMention {
	var out []yearMention
	line, scope := span{}, false
	for _, y := range ys {
		if y.iso {
			continue
		}
		if y.start >= line.end {
			line = lineAround(text, y.start)
			scope = isScopeLine(text[line.start:line.end])
		}
		if scope {
			out = append(out, y)
		}
	}
	return out
}

// isoPattern is a date stamp such as 2024-12-16 (a match is at most 10 bytes).
const isoPattern = `([12][0-9]{3})[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?[0-9]|3[01])`

// yearMatches returns what regexp `([12][0-9]{3}|[１２][０-９]{3})\s*年`
// FindAllStringSubmatchIndex would, without its backtracking over every byte
// of the document: each 年 fixes the only possible match ending at it (the
// whitespace before it, then four digits of one width), and matches cannot
// overlap because none holds a second 年.
func yearMatches(text string) [][4]int {
	out, _ := yearMatchesROC(text)
	return out
}

// yearMatchesROC is yearMatches, and whether a 年 closes what may be a
// year of the Republic (rocYears: 民国 and two or three digits before it),
// so that findYears looks for those only then: a search of the whole text
// for 民国 cost about as much as the search for 年.
func yearMatchesROC(text string) (out [][4]int, roc bool) {
	for off := 0; ; {
		nian := indexByLast(text[off:], "年")
		if nian < 0 {
			return out, roc
		}
		nian += off
		off = nian + len("年")
		j := nian
		for j > 0 && isRESpace(text[j-1]) {
			j--
		}
		roc = roc || rocYearBefore(text, j)
		if j >= 4 && text[j-4] >= '1' && text[j-4] <= '2' && isASCIIDigits(text[j-3:j]) {
			out = append(out, [4]int{j - 4, off, j - 4, j})
			continue
		}
		const w = len("０")
		if j >= 4*w && (strings.HasPrefix(text[j-4*w:], "１") || strings.HasPrefix(text[j-4*w:], "２")) &&
			isFullwidthDigits(text[j-3*w:j]) {
			out = append(out, [4]int{j - 4*w, off, j - 4*w, j})
			continue
		}
		// 二〇二三年: four Chinese digits, the first 一 or 二 (also 3 bytes
		// each).
		if j >= 4*w && (strings.HasPrefix(text[j-4*w:], "一") || strings.HasPrefix(text[j-4*w:], "二")) &&
			chineseYearDigits(text[j-3*w:j]) && (j == 4*w || !chineseYearDigits(text[j-5*w:j-4*w])) {
			out = append(out, [4]int{j - 4*w, off, j - 4*w, j})
		}
	}
}

// rocYearBefore reports whether text[:j] ends as rocYears' match does
// before its 年: 民国, spaces, then two or three digits.
func rocYearBefore(text string, j int) bool {
	d := j
	for d > 0 && j-d <= 3 && text[d-1] >= '0' && text[d-1] <= '9' {
		d--
	}
	if j-d < 2 || j-d > 3 {
		return false
	}
	for d > 0 && isRESpace(text[d-1]) {
		d--
	}
	return strings.HasSuffix(text[:d], "民国")
}

// yearDigits are the Chinese digits a year is written in (二〇二三年).
var yearDigits = map[rune]int{'〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseYearDigits: s is only yearDigits.
func chineseYearDigits(s string) bool {
	for _, r := range s {
		if _, ok := yearDigits[r]; !ok {
			return false
		}
	}
	return s != ""
}

// rocYears returns the Republic of China years of text (民国112年 is 2023):
// start, end and year of each, in text order.
func rocYears(text string) []yearMention {
	var out []yearMention
	for off := 0; ; {
		i := indexByLast(text[off:], "民国")
		if i < 0 {
			return out
		}
		start := off + i
		p := start + len("民国")
		off = p
		for p < len(text) && isRESpace(text[p]) {
			p++
		}
		q := p
		for q < len(text) && q-p < 3 && text[q] >= '0' && text[q] <= '9' {
			q++
		}
		n := q
		for n < len(text) && isRESpace(text[n]) {
			n++
		}
		if q-p < 2 || q < len(text) && text[q] >= '0' && text[q] <= '9' || !strings.HasPrefix(text[n:], "年") {
			continue
		}
		y, _ := strconv.Atoi(text[p:q])
		out = append(out, yearMention{start: start, end: n + len("年"), year: y + 1911})
		off = n + len("年")
	}
}

// isRESpace is regexp's \s: ASCII [\t\n\f\r ].
func isRESpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isFullwidthDigits: s is only ０-９ (EF BC 90..99).
func isFullwidthDigits(s string) bool {
	if len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		if s[i] != 0xEF || s[i+1] != 0xBC || s[i+2] < 0x90 || s[i+2] > 0x99 {
			return false
		}
	}
	return true
}

// isoMatches returns what FindAllStringSubmatchIndex of isoPattern would:
// the anchored regexp runs only at a [12] followed by three digits and a
// separator, on a window as long as the longest match.
func isoMatches(text string) [][4]int {
	// Candidate starts are visited in order through their separators: start
	// i has its separator at i+4. next is where the last match ended.
	var out [][4]int
	next := 0
	seps := firstOf{words: dateSeps}
	for off := 0; off < len(text); {
		p, _ := seps.next(text, off)
		if p < 0 {
			break
		}
		off = p + 1
		i := p - 4
		if i < next {
			continue
		}
		if c := text[i]; (c != '1' && c != '2') || !isASCIIDigits(text[i+1:p]) {
			continue
		}
		m := isoAtRe.FindStringSubmatchIndex(text[i:min(len(text), i+10)])
		if m == nil {
			continue
		}
		out = append(out, [4]int{i + m[0], i + m[1], i + m[2], i + m[3]})
		next = i + m[1]
		off = max(off, next)
	}
	return out
}

// hasSince: words that put a figure in a period other than one year (以来,
// 年来). Both end in 来, found by a byte search: the text asked about runs
// from a year to a figure, often far, and is asked of every figure.
func hasSince(s string) bool {
	for off := 0; ; {
		k := indexByLast(s[off:], "来")
		if k < 0 {
			return false
		}
		at := off + k
		if at >= len("以") && (s[at-len("以"):at] == "以" || s[at-len("年"):at] == "年") {
			return true
		}
		off = at + len("来")
	}
}

// relYearWords are relative years, resolved against the paragraph's explicit
// year; earlier words win where two start at one place.
var relYearWords = []string{"今年", "本年度", "本年", "年内", "全年", "去年", "上年", "明年"}

// relYears finds relYearWords left to right without overlaps, as regexp
// `今年|本年度|...` FindAllStringIndex would. Each holds 年, first (年内) or
// second (the others): a word starts at a 年 or one character before it,
// and only there are the words compared (they were at every character a
// lead byte E4-E6 starts, most of a Chinese text).
func relYears(s string) [][2]int {
	var out [][2]int
	done := 0 // where the last word found ends: words do not overlap
	for p := 0; ; p += len("年") {
		k := indexByLast(s[p:], "年")
		if k < 0 {
			return out
		}
		p += k
		for i := p - len("年"); i <= p; i += len("年") {
			if i < done {
				continue
			}
			for _, w := range relYearWords {
				if strings.HasPrefix(s[i:], w) {
					out = append(out, [2]int{i, i + len(w)})
					done = i + len(w)
					break
				}
			}
		}
	}
}

// mergeYears merges two lists sorted by start; at equal starts a comes first.
func mergeYears(a, b []yearMention) []yearMention {
	if len(b) == 0 {
		return a
	}
	out := make([]yearMention, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if b[j].start < a[i].start {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// parseYear reads s, digits only (ASCII, fullwidth or yearDigits), as a
// number; 0 when s holds anything else or nothing. Up to 18 digits (all a
// year has) add up in an int, which cannot overflow: the string of digits
// strconv read allocated on every date of a text.
func parseYear(s string) int {
	y, n := 0, 0
	for _, r := range s {
		d := yearDigit(r)
		if d < 0 {
			return 0
		}
		y = y*10 + d
		n++
	}
	switch {
	case n == 0:
		return 0
	case n > 18:
		return parseLongYear(s)
	}
	return y
}

// yearDigit is r's value as a digit of a year, -1 for other characters.
func yearDigit(r rune) int {
	if d := asciiDigit(r); d >= 0 {
		return d
	}
	if v, ok := yearDigits[r]; ok {
		return v
	}
	return -1
}

// parseLongYear is parseYear for more digits than an int surely holds:
// strconv decides what overflows.
func parseLongYear(s string) int {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte('0' + yearDigit(r)))
	}
	y, err := strconv.Atoi(b.String())
	if err != nil {
		return 0
	}
	return y
}

// yearAt attributes a year to a figure starting at pos in sentence sp:
//  1. the nearest explicit year before it in the sentence, unless a "since"
//     (以来, 年来) stands between: the figure is then cumulative;
//  2. a relative year (今年, 年内, ...) in the sentence, resolved against the
//     nearest explicit year of the paragraph;
//  3. the year stated on the nearest preceding scope line, which also
//     resolves a relative year the paragraph cannot (a short heading
//     such as "实施时间：即日起至2022年年底").
//
// Years in earlier sentences are not carried over: reports move between
// years freely, and an unsure year is left 0.
func (d *document) yearAt(sp span, pos int) int {
	// A sentence with no end (a page that lost its full stops) is read a
	// bounded distance back, as the cue scans are, so this stays linear.
	if pos-sp.start > maxScanBytes {
		sp.start = pos - maxScanBytes
		for sp.start < pos && !utf8.RuneStart(d.text[sp.start]) {
			sp.start++
		}
	}
	var near *yearMention
	if i := lastEndingBy(d.years, pos); i >= 0 && d.years[i].start >= sp.start {
		near = &d.years[i]
	}
	if near != nil {
		if near.ranged || hasSince(d.text[near.end:pos]) {
			return 0
		}
		// 去年, 上年 or 明年 in the figure's part of the sentence (up to
		// a semicolon or colon), after the year (a dateline's: "本报讯
		// （2025年3月12日）…；去年，…197.5亿元"), says which year it is,
		// counted from the paragraph's.
		if y, ok := d.shiftedYear(max(near.end, partStart(d.text, pos)), pos); ok {
			return y
		}
		return near.year
	}
	if hasSince(d.text[sp.start:pos]) {
		return 0
	}
	locs := relYears(d.text[sp.start:pos])
	for k := len(locs) - 1; k >= 0; k-- {
		at := sp.start + locs[k][0]
		word := d.text[at : sp.start+locs[k][1]]
		shift := 0
		switch word {
		case "去年", "上年", "明年":
			// these shift the year only in their own clause, and "与去年
			// 持平" is a comparison, not the figure's year
			if clauseStart(d.text, pos) > at || comparedRe.MatchString(d.text[max(sp.start, at-len("与")):at+len(word)]) {
				continue
			}
			shift = -1
			if word == "明年" {
				shift = 1
			}
		}
		ref := d.referenceYear(at)
		if ref == 0 {
			ref = d.scopeYear(sp.start)
		}
		if ref == 0 {
			return 0
		}
		return ref + shift
	}
	return d.scopeYear(sp.start)
}

// partStart is where the part of a sentence holding pos starts: after the
// last semicolon or colon before it (commas do not end it: "去年，全市…").
func partStart(t string, pos int) int {
	lo := max(0, pos-maxClauseBytes)
	for i := pos; i > lo; {
		r, n := decodeLast(t, 0, i)
		switch r {
		case '；', ';', '：', ':', '。':
			return i
		}
		i -= n
	}
	return lo
}

// shiftedYear resolves the last 去年, 上年 or 明年 in text[a:pos] that is
// no comparison (较去年), against the reference year at it.
func (d *document) shiftedYear(a, pos int) (int, bool) {
	if a >= pos {
		return 0, false
	}
	locs := relYears(d.text[a:pos])
	for k := len(locs) - 1; k >= 0; k-- {
		at := a + locs[k][0]
		word := d.text[at : a+locs[k][1]]
		shift := 0
		switch word {
		case "去年", "上年":
			shift = -1
		case "明年":
			shift = 1
		default:
			continue
		}
		if comparedRe.MatchString(d.text[max(0, at-len("与")):at+len(word)]) || strings.HasPrefix(d.text[at+len(word):], "同期") {
			continue // 较去年, 去年同期: a comparison
		}
		if ref := d.referenceYear(at); ref != 0 {
			return ref + shift, true
		}
		return 0, true
	}
	return 0, false
}

// scopeYear is the year on the nearest scope line before pos, or 0.
func (d *document) scopeYear(pos int) int {
	i := lastEndingBy(d.scopes, pos)
	if i < 0 {
		// A scope line before the text (a chunk's context) still counts.
		if d.before.scope != nil && !d.before.scope.ranged {
			return d.before.scope.year
		}
		return 0
	}
	if d.scopes[i].ranged {
		return 0
	}
	return d.scopes[i].year
}

// lastEndingBy is the index of the last mention in ys (in text order) that
// ends at or before pos, or -1. Only mentions that start before pos can, and
// of those only the few that hold pos (a date stamp can overlap a year) end
// after it.
func lastEndingBy(ys []yearMention, pos int) int {
	i := sort.Search(len(ys), func(i int) bool { return ys[i].start >= pos }) - 1
	for i >= 0 && ys[i].end > pos {
		i--
	}
	return i
}

// referenceYear is the year that 今年 means at pos: the nearest explicit year
// in the same paragraph, else the nearest earlier date stamp.
func (d *document) referenceYear(pos int) int {
	ys := d.years
	// the last paragraph holding pos; paragraphs are in text order and do
	// not overlap
	k := sort.Search(len(d.paragraphs), func(k int) bool { return d.paragraphs[k].start > pos }) - 1
	if k < 0 || pos >= d.paragraphs[k].end {
		return d.lastISOBy(pos)
	}
	para := d.paragraphs[k]
	// The nearest year by start is the last plain one starting at or before
	// pos or the first after it; on a tie the earlier wins. Walks skip the
	// ranged mentions by index and step only over mentions that cross the
	// paragraph's end.
	first := sort.Search(len(ys), func(i int) bool { return ys[i].start > pos })
	best, bestDist := 0, -1
	for i := first - 1; i >= 0; i-- {
		if i = ys[i].plainBefore; i < 0 || ys[i].start < para.start {
			break
		}
		if ys[i].end <= para.end {
			best, bestDist = ys[i].year, pos-ys[i].start
			break
		}
	}
	for i := first; i < len(ys); i++ {
		if i = ys[i].plainAfter; i >= len(ys) || ys[i].start >= para.end {
			break
		}
		if ys[i].start >= para.start && ys[i].end <= para.end {
			if dist := ys[i].start - pos; bestDist < 0 || dist < bestDist {
				best = ys[i].year
			}
			break
		}
	}
	if best != 0 {
		return best
	}
	return d.lastISOBy(pos)
}

// lastISOBy is the year of the last date stamp ending at or before pos, or
// the last one before the text (a chunk's context), or 0.
func (d *document) lastISOBy(pos int) int {
	if y := lastISOIn(d.years, pos); y != 0 {
		return y
	}
	return d.before.iso
}

// lastISOIn is the year of the last date stamp of ys ending at or before
// pos, or 0.
func lastISOIn(ys []yearMention, pos int) int {
	i := lastEndingBy(ys, pos)
	if i < 0 {
		return 0
	}
	for j := ys[i].isoBefore; j >= 0; {
		if ys[j].end <= pos {
			return ys[j].year
		}
		if j == 0 {
			break
		}
		j = ys[j-1].isoBefore
	}
	return 0
}

// dateSeps are the separators of a date stamp.
var dateSeps = []string{"-", "/", "."}

// indexByLast is strings.Index(s, w) for a non-empty w,
// anchored on w's last byte: in Chinese text the continuation byte that
// ends a character stands far less often than its lead byte (E5 leads a
// fifth of all characters), so the byte search stops at fewer false
// candidates.
func indexByLast(s, w string) int {
	last := w[len(w)-1]
	for off := len(w) - 1; off < len(s); {
		j := strings.IndexByte(s[off:], last)
		if j < 0 {
			return -1
		}
		end := off + j + 1
		// the byte before the last first: most candidates end another
		// character, and comparing it spares a memequal call
		if (len(w) < 2 || s[end-2] == w[len(w)-2]) && s[end-len(w):end] == w {
			return end - len(w)
		}
		off = end
	}
	return -1
}
