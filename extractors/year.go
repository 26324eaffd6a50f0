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
	yearRe = regexp.MustCompile(`([12][0-9]{3}|[１２][０-９]{3})\s*年`)
	isoRe  = regexp.MustCompile(`([12][0-9]{3})[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?[0-9]|3[01])`)
	// words that put a figure in a period other than one year
	sinceRe = regexp.MustCompile(`以来|年来`)
	// relative years, resolved against the paragraph's explicit year
	relYearRe = regexp.MustCompile(`今年|本年度|本年|年内|全年|去年|上年|明年`)
	// "与去年持平", "较上年增长": a comparison, not the figure's year
	comparedRe = regexp.MustCompile(`(?:与|较|比|同|于)(?:去年|上年)`)
	rangeSep   = "-—–~～至到"
)

func findYears(text string) []yearMention {
	var ys []yearMention
	for _, m := range yearRe.FindAllStringSubmatchIndex(text, -1) {
		y := parseYear(text[m[2]:m[3]])
		if y < 1950 || y > 2100 {
			continue
		}
		ys = append(ys, yearMention{start: m[0], end: m[1], year: y})
	}
	for _, m := range isoRe.FindAllStringSubmatchIndex(text, -1) {
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
		if near.ranged || sinceRe.MatchString(d.text[near.end:pos]) {
			return 0
		}
		return near.year
	}
	if sinceRe.MatchString(d.text[sp.start:pos]) {
		return 0
	}
	locs := relYearRe.FindAllStringIndex(d.text[sp.start:pos], -1)
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
