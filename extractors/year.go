package extractors

import (
	"regexp"
	"strconv"
	"strings"
)

// yearMention is an explicit year in the text: "2022年" or an ISO date.
type yearMention struct {
	start, end int
	year       int
	iso        bool // 2024-12-16: a date stamp, not a statement about a period
	ranged     bool // part of "2021-2025年" or "2021年至2025年": no single year
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
	for _, m := range yearMatches(text) {
		y := parseYear(text[m[2]:m[3]])
		if y < 1950 || y > 2100 {
			continue
		}
		ys = append(ys, yearMention{start: m[0], end: m[1], year: y})
	}
	for _, m := range isoMatches(text) {
		y := parseYear(text[m[2]:m[3]])
		if y < 1950 || y > 2100 || overlapsYear(ys, m[0]) {
			continue
		}
		ys = append(ys, yearMention{start: m[0], end: m[1], year: y, iso: true})
	}
	sortYears(ys)
	// "2021-2025年" and "2021年至2025年" name a period, not a year.
	for i := range ys {
		before := strings.TrimRight(text[:ys[i].start], " ")
		for _, sep := range rangeSep {
			if strings.HasSuffix(before, string(sep)) {
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
	return ys
}

// isoPattern is a date stamp such as 2024-12-16 (a match is at most 10 bytes).
const isoPattern = `([12][0-9]{3})[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?[0-9]|3[01])`

// yearMatches returns what regexp `([12][0-9]{3}|[１２][０-９]{3})\s*年`
// FindAllStringSubmatchIndex would, without its backtracking over every byte
// of the document: each 年 fixes the only possible match ending at it (the
// whitespace before it, then four digits of one width), and matches cannot
// overlap because none holds a second 年.
func yearMatches(text string) [][4]int {
	var out [][4]int
	for off := 0; ; {
		i := strings.Index(text[off:], "年")
		if i < 0 {
			return out
		}
		nian := off + i
		off = nian + len("年")
		j := nian
		for j > 0 && isRESpace(text[j-1]) {
			j--
		}
		if j >= 4 && text[j-4] >= '1' && text[j-4] <= '2' && isASCIIDigits(text[j-3:j]) {
			out = append(out, [4]int{j - 4, off, j - 4, j})
			continue
		}
		const w = len("０")
		if j >= 4*w && (strings.HasPrefix(text[j-4*w:], "１") || strings.HasPrefix(text[j-4*w:], "２")) &&
			isFullwidthDigits(text[j-3*w:j]) {
			out = append(out, [4]int{j - 4*w, off, j - 4*w, j})
		}
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
	for off := 0; off < len(text); {
		j := strings.IndexAny(text[off:], "-/.")
		if j < 0 {
			break
		}
		p := off + j
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

// hasSince: words that put a figure in a period other than one year.
func hasSince(s string) bool {
	return strings.Contains(s, "以来") || strings.Contains(s, "年来")
}

// relYearWords are relative years, resolved against the paragraph's explicit
// year; earlier words win where two start at one place.
var relYearWords = []string{"今年", "本年度", "本年", "年内", "全年", "去年", "上年", "明年"}

// relYears finds relYearWords left to right without overlaps, as regexp
// `今年|本年度|...` FindAllStringIndex would. Each holds 年.
func relYears(s string) [][2]int {
	if !strings.Contains(s, "年") {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); {
		n := 0
		for _, w := range relYearWords {
			if strings.HasPrefix(s[i:], w) {
				n = len(w)
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, [2]int{i, i + n})
		i += n
	}
	return out
}

func overlapsYear(ys []yearMention, pos int) bool {
	for _, y := range ys {
		if pos >= y.start && pos < y.end {
			return true
		}
	}
	return false
}

func sortYears(ys []yearMention) {
	for i := 1; i < len(ys); i++ {
		for j := i; j > 0 && ys[j].start < ys[j-1].start; j-- {
			ys[j], ys[j-1] = ys[j-1], ys[j]
		}
	}
}

func parseYear(s string) int {
	var b strings.Builder
	for _, r := range s {
		d := asciiDigit(r)
		if d < 0 {
			return 0
		}
		b.WriteByte(byte('0' + d))
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
	var near *yearMention
	for i := range d.years {
		y := &d.years[i]
		if y.start >= sp.start && y.end <= pos {
			near = y
		}
	}
	if near != nil {
		if near.ranged || hasSince(d.text[near.end:pos]) {
			return 0
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

// scopeYear is the year on the nearest scope line before pos, or 0.
func (d *document) scopeYear(pos int) int {
	y := 0
	for _, s := range d.scopes {
		if s.end <= pos {
			y = s.year
			if s.ranged {
				y = 0
			}
		}
	}
	return y
}

// referenceYear is the year that 今年 means at pos: the nearest explicit year
// in the same paragraph, else the nearest earlier date stamp.
func (d *document) referenceYear(pos int) int {
	var para span
	for _, p := range d.paragraphs {
		if pos >= p.start && pos < p.end {
			para = p
		}
	}
	best, bestDist := 0, -1
	for _, y := range d.years {
		if y.ranged || y.start < para.start || y.end > para.end {
			continue
		}
		dist := y.start - pos
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = y.year, dist
		}
	}
	if best != 0 {
		return best
	}
	for _, y := range d.years {
		if y.iso && y.end <= pos {
			best = y.year
		}
	}
	return best
}
