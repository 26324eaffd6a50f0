package cue

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// dateRE finds a calendar date with an optional time of day:
// 2024-12-16 20:10, 2024/12/16, 2024.12.16, 2024年12月16日 20:10,
// 2024-12-16T20:10:00+08:00.
var dateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?` +
		`(?:(?:\s*|T)(\d{1,2})\s*(?::|时)\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2})(?:\.\d+)?)?` +
		`(?:\s*(Z|[+-]\d\d:?\d\d))?)?`)
})

// China Standard Time, assumed when a page gives no zone.
var cst = time.FixedZone("CST", 8*3600)

// FindDate returns the first valid date in s as RFC 3339 (date-only gives
// midnight; no zone gives +08:00), its byte span in s, and ok.
func FindDate(s string) (rfc string, start, end int, ok bool) {
	re := dateRE()
	off := 0
	for off < len(s) {
		// Every date starts with a year 19xx or 20xx: most lines have none,
		// and skip the regular expression.
		if off = yearAt(s, off); off < 0 {
			return "", 0, 0, false
		}
		m := re.FindStringSubmatchIndex(s[off:])
		if m == nil {
			return "", 0, 0, false
		}
		// Offsets in s, so that dateFrom sees the digit before the match.
		for i := range m {
			if m[i] >= 0 {
				m[i] += off
			}
		}
		if out, good := dateFrom(s, m); good {
			return out, m[0], m[1], true
		}
		off = m[1]
	}
	return "", 0, 0, false
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
	if st.Runes == 0 || st.Runes > 100 || st.Stops > 0 || st.Prose() {
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
