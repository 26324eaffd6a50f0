package extractors

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// yearList aligns a list of amounts with a list of years in one sentence:
// "2022年、2023年、2024年连续三年画出30亿、40亿、50亿跨步上扬曲线" in a
// sentence about investment gives three investment figures, one per year.
type yearList struct {
	amounts *regexp.Regexp
	item    *regexp.Regexp
}

const listNum = `(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十百千]+)\s*(?:余|多)?\s*(?:万亿|亿|万)(?:余|多)?元?`

func newYearList() *yearList {
	return &yearList{
		amounts: regexp.MustCompile(listNum + `(?:\s*[、和及与]\s*` + listNum + `)+`),
		item:    regexp.MustCompile(listNum),
	}
}

func (*yearList) Kind() string { return KindInvestment }

func (e *yearList) Extract(s *Sentence) []Figure {
	t := s.Text
	// the sentence must be about investment and not about granted money;
	// the list of years is looked for before the funding words, which are
	// some forty scans of the sentence and which few sentences get past
	// the list to need
	if indexByLast(t, "投资") < 0 {
		return nil
	}
	yl := yearListSpans(t)
	if len(yl) != 1 {
		return nil // none, or several lists: unsure which aligns
	}
	if fundingScanner().anyIn(t) {
		return nil
	}
	years := yearsIn(t[yl[0][0]:yl[0][1]])
	var out []Figure
	for _, al := range e.amounts.FindAllStringIndex(t, -1) {
		if al[0] < yl[0][1] {
			continue
		}
		items := e.item.FindAllStringIndex(t[al[0]:al[1]], -1)
		if len(items) != len(years) {
			continue
		}
		for i, it := range items {
			a, b := al[0]+it[0], al[0]+it[1]
			n, err := ParseNumber(strings.TrimSuffix(t[a:b], "元"))
			if err != nil {
				return nil
			}
			out = append(out, Figure{
				Kind:      KindInvestment,
				Value:     n.Value,
				ValueText: n.Text,
				Unit:      UnitCNY,
				Qualifier: qualifierOf("", n, ""),
				Start:     s.Start + a,
				End:       s.Start + b,
				Year:      years[i],
				Extractor: "investment.year_list",
			})
		}
	}
	return out
}

var yearListRe = regexp.MustCompile(`(?:[12][0-9]{3}\s*年\s*[、和及与]\s*)+[12][0-9]{3}\s*年`)

// yearListSpans is yearListRe's FindAllStringIndex. A list needs a 年
// followed by a list mark, so most sentences skip the regexp.
func yearListSpans(t string) [][2]int {
	if !hasYearListJoin(t) {
		return nil
	}
	var out [][2]int
	for _, m := range yearListRe.FindAllStringIndex(t, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// hasYearListJoin: some 年 is followed, after regexp \s, by 、和及与.
func hasYearListJoin(t string) bool {
	for off := 0; ; {
		i := indexByLast(t[off:], "年")
		if i < 0 {
			return false
		}
		j := off + i + len("年")
		off = j
		for j < len(t) && isRESpace(t[j]) {
			j++
		}
		r, _ := utf8.DecodeRuneInString(t[j:])
		switch r {
		case '、', '和', '及', '与':
			return true
		}
	}
}

var yearItemRe = regexp.MustCompile(`([12][0-9]{3})\s*年`)

func yearsIn(s string) []int {
	var ys []int
	for _, m := range yearItemRe.FindAllStringSubmatch(s, -1) {
		ys = append(ys, parseYear(m[1]))
	}
	return ys
}

// alignYearList gives each member of an amount list ("完成投资30亿元、40亿元、
// 50亿元") its year when the sentence holds one year list of the same length
// before it.
func alignYearList(s *Sentence, figs []Figure) {
	if len(figs) == 0 {
		return // most candidate sentences: spare the scan for a list
	}
	yl := yearListSpans(s.Text)
	if len(yl) != 1 {
		return
	}
	years := yearsIn(s.Text[yl[0][0]:yl[0][1]])
	for i := 0; i < len(figs); {
		j := i + 1
		for j < len(figs) && strings.HasSuffix(figs[j].Extractor, ".list") {
			j++
		}
		if j-i == len(years) && figs[i].Start-s.Start >= yl[0][1] {
			for k := i; k < j; k++ {
				figs[k].Year = years[k-i]
			}
		}
		i = j
	}
}
