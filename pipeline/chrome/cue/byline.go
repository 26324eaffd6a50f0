package cue

import (
	"strconv"
	"strings"
	"time"
)

// China Standard Time, assumed when a page gives no zone.
var cst = time.FixedZone("CST", 8*3600)

// FindDate returns the first valid date in s as RFC 3339 (date-only gives
// midnight; no zone gives +08:00), its byte span in s, and ok.
func FindDate(s string) (rfc string, start, end int, ok bool) {
	off := 0
	for off < len(s) {
		// Every date starts with a year 19xx or 20xx: the first place one
		// matches is the leftmost match.
		p := yearAt(s, off)
		if p < 0 {
			return "", 0, 0, false
		}
		m, found := dateAt(s, p)
		if !found {
			off = p + 1
			continue
		}
		if out, good := dateFrom(s, m[:]); good {
			return out, m[0], m[1], true
		}
		off = m[1]
	}
	return "", 0, 0, false
}

// dateAt matches a date with an optional time of day at i, where yearAt
// found a year, as the regular expression
//
//	((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?
//	(?:(?:\s*|T)(\d{1,2})\s*(?::|时)\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2})(?:\.\d+)?)?
//	(?:\s*(Z|[+-]\d\d:?\d\d))?)?
//
// matches there (leftmost-first; \s is [\t\n\f\r ]): 2024-12-16 20:10,
// 2024/12/16, 2024.12.16, 2024年12月16日 20:10, 2024-12-16T20:10:00+08:00.
// m holds the match and its seven groups' offsets as
// FindStringSubmatchIndex gives them (-1 for a group left out). The
// expression cost a backtracking run per dated line; no part of it needs
// to give back what it took (a digit, space or separator taken is one
// the next part cannot start with), so one pass reads it.
func dateAt(s string, i int) (m [16]int, ok bool) {
	for k := range m {
		m[k] = -1
	}
	m[0], m[2], m[3] = i, i, i+4
	j, ok := dateSep(s, reSpaces(s, i+4), "年")
	if !ok {
		return m, false
	}
	if m[4], m[5] = reDigits(s, reSpaces(s, j)); m[4] == m[5] {
		return m, false
	}
	if j, ok = dateSep(s, reSpaces(s, m[5]), "月"); !ok {
		return m, false
	}
	if m[6], m[7] = reDigits(s, reSpaces(s, j)); m[6] == m[7] {
		return m, false
	}
	m[1] = m[7]
	if k := reSpaces(s, m[1]); strings.HasPrefix(s[k:], "日") {
		m[1] = k + len("日")
	}
	timeAt(s, &m)
	return m, true
}

// timeAt matches the time group of dateAt's expression at m[1], setting
// groups 4 to 7 and m[1] when it matches; else it leaves them -1.
func timeAt(s string, m *[16]int) {
	i := m[1]
	var j int
	if k := reSpaces(s, i); k < len(s) && isDigit(s[k]) {
		j = k
	} else if i < len(s) && s[i] == 'T' {
		j = i + 1
	} else {
		return
	}
	h0, h1 := reDigits(s, j)
	if h0 == h1 {
		return
	}
	k, ok := timeSep(s, reSpaces(s, h1), "时")
	if !ok {
		return
	}
	mi0, mi1 := reDigits(s, reSpaces(s, k))
	if mi0 == mi1 {
		return
	}
	m[8], m[9], m[10], m[11] = h0, h1, mi0, mi1
	end := mi1
	// Seconds, with a fraction: (?:\s*(?::|分)\s*(\d{1,2})(?:\.\d+)?)?
	if k, ok := timeSep(s, reSpaces(s, end), "分"); ok {
		if s0, s1 := reDigits(s, reSpaces(s, k)); s0 < s1 {
			m[12], m[13] = s0, s1
			end = s1
			if end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
				for end++; end < len(s) && isDigit(s[end]); end++ {
				}
			}
		}
	}
	// The zone: (?:\s*(Z|[+-]\d\d:?\d\d))?
	k = reSpaces(s, end)
	switch {
	case k < len(s) && s[k] == 'Z':
		m[14], m[15], end = k, k+1, k+1
	case k+2 < len(s) && (s[k] == '+' || s[k] == '-') && isDigit(s[k+1]) && isDigit(s[k+2]):
		p := k + 3
		if p < len(s) && s[p] == ':' && p+2 < len(s) && isDigit(s[p+1]) && isDigit(s[p+2]) {
			m[14], m[15], end = k, p+3, p+3
		} else if p+1 < len(s) && isDigit(s[p]) && isDigit(s[p+1]) {
			m[14], m[15], end = k, p+2, p+2
		}
	}
	m[1] = end
}

// reSpaces skips the expression's \s* from i.
func reSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// reDigits reads \d{1,2} at i: its span, empty without a digit.
func reDigits(s string, i int) (int, int) {
	j := i
	for j < len(s) && j < i+2 && isDigit(s[j]) {
		j++
	}
	return i, j
}

// dateSep reads [-/.] or the character word at i.
func dateSep(s string, i int, word string) (int, bool) {
	if i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.') {
		return i + 1, true
	}
	if strings.HasPrefix(s[i:], word) {
		return i + len(word), true
	}
	return i, false
}

// timeSep reads ':' or the character word at i.
func timeSep(s string, i int, word string) (int, bool) {
	if i < len(s) && s[i] == ':' {
		return i + 1, true
	}
	if strings.HasPrefix(s[i:], word) {
		return i + len(word), true
	}
	return i, false
}

// yearAt returns the first index from i where 19xx or 20xx starts, or -1.
func yearAt(s string, i int) int {
	for ; i+3 < len(s); i++ {
		if c, d := s[i], s[i+1]; (c == '1' && d == '9' || c == '2' && d == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return i
		}
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ParseDate parses the first date in s, see FindDate.
func ParseDate(s string) (string, bool) {
	out, _, _, ok := FindDate(s)
	return out, ok
}

func dateFrom(s string, m []int) (string, bool) {
	num := func(i int) (int, bool) {
		if m[2*i] < 0 {
			return 0, false
		}
		v, err := strconv.Atoi(s[m[2*i]:m[2*i+1]])
		return v, err == nil
	}
	y, _ := num(1)
	mo, _ := num(2)
	d, _ := num(3)
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return "", false
	}
	// A digit right after the match means we matched part of a longer number.
	if m[1] < len(s) && s[m[1]] >= '0' && s[m[1]] <= '9' {
		return "", false
	}
	if m[0] > 0 && s[m[0]-1] >= '0' && s[m[0]-1] <= '9' {
		return "", false
	}
	hh, hasTime := num(4)
	mi, _ := num(5)
	ss, _ := num(6)
	if hasTime && (hh > 23 || mi > 59 || ss > 59) {
		hasTime = false
		hh, mi, ss = 0, 0, 0
	}
	loc := cst
	if hasTime && m[14] >= 0 {
		z := s[m[14]:m[15]]
		if z == "Z" {
			loc = time.UTC
		} else {
			z = strings.Replace(z, ":", "", 1)
			h, _ := strconv.Atoi(z[1:3])
			mm, _ := strconv.Atoi(z[3:5])
			off := h*3600 + mm*60
			if z[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(y, time.Month(mo), d, hh, mi, ss, 0, loc)
	if t.Day() != d { // 2024-02-30 rolls over: not a date
		return "", false
	}
	return t.Format(time.RFC3339), true
}

// Byline is what a byline line tells.
type Byline struct {
	Publisher   string
	PublishedAt string
}

var bylineLabels = []string{"来源", "稿源", "出处", "发布机构", "发布单位", "信息来源", "文章来源"}

// stopWords end a publisher name inside a byline.
var stopWords = []string{"作者", "编辑", "记者", "时间", "发布", "日期", "浏览", "点击", "阅读", "字号", "责任", "【", "[", "|", "｜", "（", "("}

// BylineShaped reports whether a line of Stats st may be a byline:
// ParseByline answers false for every other line. st may be the Stats of
// the line untrimmed (Trim removes only what Measure skips), so a caller
// that measured its lines can skip asking about most of them.
func BylineShaped(st Stats) bool {
	return st.Runes > 0 && st.Runes <= 100 && st.Stops == 0 && !st.Prose()
}

// ParseByline reads a byline such as "山东省交通运输厅 · 公众号 · 山东 · 2024-12-16 20:10",
// "2024-12-16 20:10 来源：新华社" or "齐鲁晚报·齐鲁壹点记者 刘宁". ok is false
// when the line is not a byline (too long, prose, or with neither a date nor
// a source label).
func ParseByline(line string) (Byline, bool) {
	s := Trim(line)
	if overBylineSize(s) {
		return Byline{}, false
	}
	st := Measure(s)
	if !BylineShaped(st) {
		return Byline{}, false
	}
	var b Byline
	date, ds, de, hasDate := FindDate(s)
	if hasDate {
		if opensSentence(s[de:]) || adoptionLine(s, ds, de) {
			return Byline{}, false
		}
		b.PublishedAt = date
	}
	for _, l := range bylineLabels {
		i := strings.Index(s, l)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeftFunc(s[i+len(l):], func(r rune) bool { return IsSpace(r) || r == '：' || r == ':' })
		if rest == s[i+len(l):] { // a label must be followed by a colon
			continue
		}
		b.Publisher = untilStop(rest)
		break
	}
	if b.Publisher == "" && hasDate && (strings.Contains(s, "·") || strings.Contains(s, "|")) {
		sep := "·"
		if !strings.Contains(s, sep) {
			sep = "|"
		}
		first := Trim(strings.Split(s, sep)[0])
		if _, isDate := ParseDate(first); !isDate && first != "" && RuneLen(first) <= 30 {
			b.Publisher = first
		}
	}
	if !hasDate && b.Publisher == "" {
		// "齐鲁晚报·齐鲁壹点记者 刘宁 李英豪": a reporter credit.
		if i := strings.Index(s, "记者"); i > 0 && st.Runes <= 40 {
			b.Publisher = strings.Trim(Trim(s[:i]), "·• ")
			if b.Publisher != "" {
				return b, true
			}
		}
		return Byline{}, false
	}
	if hasDate && b.Publisher == "" {
		// A date with little else: "发布时间：2024-12-16 20:10 浏览次数：12".
		rest := s[:ds] + s[de:]
		if RuneLen(rest) > 40 {
			return Byline{}, false
		}
	}
	return b, true
}

// BylineMemo keeps ParseByline's answers for the last lines it was asked
// about: htmltext reads the lines near a page's title for its byline, and
// chrome reads the same lines of the article again (a dated line costs a
// regular expression). Its answers are ParseByline's, whose strings are
// pieces of the equal line asked first. The zero value is empty; a nil
// memo parses every line. It holds the lines, so it is cleared (Reset)
// when they are done with.
type BylineMemo struct {
	entries [16]bylineEntry
	next    int // the entry written next, round the ring
}

type bylineEntry struct {
	line   string
	b      Byline
	ok, in bool
}

// Parse is ParseByline(line), remembered.
func (m *BylineMemo) Parse(line string) (Byline, bool) {
	if m == nil {
		return ParseByline(line)
	}
	for i := range m.entries {
		if e := &m.entries[i]; e.in && e.line == line {
			return e.b, e.ok
		}
	}
	b, ok := ParseByline(line)
	m.entries[m.next] = bylineEntry{line: line, b: b, ok: ok, in: true}
	m.next = (m.next + 1) % len(m.entries)
	return b, ok
}

// Reset forgets every line.
func (m *BylineMemo) Reset() { *m = BylineMemo{} }

// overBylineScan is the length up to which a line is left to Measure.
const overBylineScan = 400

// overBylineSize reports what Measure(s) would show as Runes > 100 or
// Stops > 0, reading s only until it shows: bylines are asked of article
// paragraphs (the lines under a title), which Measure read to the end.
// It answers false for lines of at most overBylineScan bytes, which are
// left to Measure: a shorter line that passed would be read twice.
func overBylineSize(s string) bool {
	if len(s) <= overBylineScan {
		return false // Measure reads a line this short about as fast
	}
	n := 0
	for _, r := range s {
		switch r {
		case '!', '?', '。', '！', '？':
			return true
		}
		if IsSpace(r) {
			continue
		}
		if n++; n > 100 {
			return true
		}
	}
	return false
}

// opensSentence reports text after a date that goes on as a sentence:
// "2023年4月28日，市交通运输局发布…" or "…日上午，记者从…获悉" is the
// article's first sentence, not a byline.
func opensSentence(rest string) bool {
	rest = strings.TrimLeftFunc(rest, IsSpace)
	// A time of day word may come before the comma (上午, 晚间).
	for i, r := range rest {
		if r == '，' || r == ',' {
			return Measure(rest[i:]).Han >= 4
		}
		if !IsHan(r) || i >= 4*3 {
			return false
		}
	}
	return false
}

// adoptionLine reports a parenthesized line that records how a text was
// adopted: "（2019年7月25日某某省人大常委会第十二次会议通过）" belongs to a
// law's text. A byline in brackets names a source with a label instead.
func adoptionLine(s string, ds, de int) bool {
	open := strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")
	closed := strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")
	if !open || !closed {
		return false
	}
	for _, l := range bylineLabels {
		if strings.Contains(s, l) {
			return false
		}
	}
	return Measure(s[:ds]).Han+Measure(s[de:]).Han >= 8
}

func untilStop(s string) string {
	end := len(s)
	for i, r := range s {
		if IsSpace(r) {
			end = i
			break
		}
	}
	// A date glued to the name by markup: "某某日报2021-11-08 09:41".
	if y := yearAt(s[:end], 0); y > 0 {
		if _, ds, _, ok := FindDate(s[y:end]); ok && ds == 0 {
			end = y
		}
	}
	for _, w := range stopWords {
		if j := strings.Index(s[:end], w); j >= 0 && j < end {
			end = j
		}
	}
	return strings.Trim(Trim(s[:end]), "·•|,，）)")
}
