package extractors

import (
	"math/big"
	"regexp"
	"strings"
)

// cut finds cuts to processing time (time_cut) or to application materials,
// steps and trips (material_cut), as a percentage ("审批办理时限压减 87.5%")
// or as from/to values ("办理时间由60个工作日缩减至最多5个工作日").
type cut struct {
	kind     string
	nouns    []string
	prefixes []string       // words that join the noun: "审批" in "审批办理时限"
	units    []string       // units of from/to values
	fromTo   *regexp.Regexp // anchored: run only at each 由 and 从
}

var timeNouns = []string{
	"办理时限", "办理时间", "办理时长", "办理用时", "办理周期", "办结时限", "办结时间", "办件时间", "审批时限",
	"审批时间", "审批用时", "审批周期", "审批时长", "审核时间", "审核时限", "审查时限", "审查时间", "承诺时限",
	"办事时间", "办事用时", "许可时限", "发证时间", "办证时间", "出证时间", "用时", "时限",
}

var materialNouns = []string{
	"申请材料", "办理材料", "申报材料", "证明材料", "提交材料", "所需材料", "办事材料", "要件材料", "申请资料",
	"材料", "要件", "申请要件", "办事环节", "审批环节", "办理环节", "环节", "跑动次数", "跑腿次数", "到场次数",
	"办事次数", "跑动", "证明事项", "手续",
}

var cutVerbs = []string{"压减", "精简", "减少", "缩减", "压缩", "削减", "缩短", "降低", "下降", "减", "简化", "减免", "提速"}

// words between noun and verb that keep the cut ("办理时间平均压缩50%")
var cutGaps = []string{"平均", "整体", "总体", "分别", "均", "累计", "共", "同步", "大幅", "进一步", "再", "比法定时限", "较法定时限"}

// words between verb and number ("压缩比例达87.5%")
var cutRateWords = []string{"比例", "幅度", "率", "比"}

// words that show a statistic or a rate, not a cut
var notCut = []string{"同比", "环比", "增长", "增速", "效率", "破损", "事故", "成本", "费用", "能耗", "排放", "通行", "出行", "行车"}

func newCut(kind string) *cut {
	c := &cut{kind: kind}
	if kind == KindTimeCut {
		c.nouns = timeNouns
		c.prefixes = []string{"行政审批", "审批", "平均", "整体", "承诺", "全流程", "总体"}
		c.units = []string{"个工作日", "工作日", "个自然日", "自然日", "天", "日", "个小时", "小时", "分钟", "个月"}
	} else {
		c.nouns = materialNouns
		c.prefixes = []string{"审批", "申请"}
		c.units = []string{"份", "项", "个", "件", "次", "趟", "道", "个环节", "张", "类"}
	}
	num := `[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十百]+`
	units := strings.Join(sortedLongestFirst(c.units), "|")
	verbs := strings.Join(sortedLongestFirst(cutVerbs), "|")
	c.fromTo = regexp.MustCompile(`^(?:由|从)\s*(?:原来的|原先的|原来|原先|原|以往的|过去的|法定的|之前的)?\s*(` + num + `)\s*(` + units +
		`)\s*(?:` + verbs + `)\s*(?:至|到|为|成)\s*(最多|最快|最短|仅需|只需|仅|只要)?\s*(` + num + `)\s*(` + units + `)`)
	return c
}

func (c *cut) Kind() string { return c.kind }

func (c *cut) Extract(s *Sentence) []Figure {
	var out []Figure
	// A match starts with 由 or 从 and holds no other, so trying the
	// anchored pattern at each of them, left to right and skipping past a
	// match, finds what an unanchored FindAll would.
	t := s.Text
	for i := 0; i < len(t); {
		j := indexFromMark(t[i:])
		if j < 0 {
			break
		}
		i += j
		m := c.fromTo.FindStringSubmatchIndex(t[i:])
		if m == nil {
			i += len("由")
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		if f, ok := c.fromToAt(s, m); ok {
			out = append(out, f)
		}
		i = m[1]
	}
	for _, loc := range percentMarks(t) {
		if f, ok := c.percentAt(s, loc[0], loc[1]); ok {
			out = append(out, f)
		}
	}
	return out
}

// indexFromMark is the index of the first 由 or 从 in t, or -1.
func indexFromMark(t string) int {
	a, b := strings.Index(t, "由"), strings.Index(t, "从")
	if a < 0 || (b >= 0 && b < a) {
		return b
	}
	return a
}

// percentMarks finds %, ％ and 百分之 in text order, as regexp
// `[%％]|百分之` FindAllStringIndex would.
func percentMarks(t string) [][2]int {
	if strings.IndexByte(t, '%') < 0 && !strings.Contains(t, "％") && !strings.Contains(t, "百分之") {
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

// nounBefore finds this kind's noun ending at end (after gap words) and
// returns where the figure's span starts.
func (c *cut) nounBefore(t string, cs, end int) (int, bool) {
	for {
		g := hasSuffixAny(strings.TrimRight(t[cs:end], " "), cutGaps)
		if g == "" {
			break
		}
		end = len(strings.TrimRight(t[:end], " ")) - len(g)
	}
	end = len(strings.TrimRight(t[:end], " "))
	if end < cs {
		return 0, false
	}
	n := hasSuffixAny(t[cs:end], c.nouns)
	if n == "" {
		return 0, false
	}
	start := end - len(n)
	if p := hasSuffixAny(t[cs:start], c.prefixes); p != "" {
		start -= len(p)
	}
	return start, true
}

func (c *cut) percentAt(s *Sentence, a, b int) (Figure, bool) {
	t := s.Text
	var am amount
	var ok bool
	unitStart, unitEnd := a, b
	if t[a:b] == "百分之" {
		am, ok = numberAfter(t, b)
		if !ok {
			return Figure{}, false
		}
		unitEnd = am.end
		am.start = a // the keyword walk starts before 百分之
	} else {
		am, ok = numberBefore(t, unitStart)
		if !ok {
			return Figure{}, false
		}
	}
	cs := clauseStart(t, am.start)
	if containsAny(t[cs:am.start], notCut) {
		return Figure{}, false
	}
	kwEnd, preQual := keywordEnd(t, am.start)
	if kwEnd < cs {
		return Figure{}, false
	}
	if r := hasSuffixAny(t[cs:kwEnd], cutRateWords); r != "" {
		kwEnd, _ = keywordEnd(t, kwEnd-len(r))
	}
	if kwEnd < cs {
		return Figure{}, false
	}
	start := -1
	if v := hasSuffixAny(t[cs:kwEnd], cutVerbs); v != "" {
		// "审批办理时限压减 87.5%"
		if st, ok := c.nounBefore(t, cs, kwEnd-len(v)); ok {
			start = st
		}
	} else if n := hasSuffixAny(t[cs:kwEnd], c.nouns); n != "" {
		// "压缩办理时限50%"
		if v := hasSuffixAny(t[cs:kwEnd-len(n)], cutVerbs); v != "" {
			start = kwEnd - len(n) - len(v)
		}
	}
	if start < 0 {
		return Figure{}, false
	}
	if am.num.Value <= 0 || am.num.Value > 100 {
		return Figure{}, false
	}
	return Figure{
		Kind:      c.kind,
		Value:     am.num.Value,
		ValueText: am.num.Text,
		Unit:      UnitPercent,
		Qualifier: qualifierOf(preQual, am.num, postQualifier(t, unitEnd)),
		Start:     s.Start + start,
		End:       s.Start + unitEnd,
		Extractor: c.kind + ".percent",
	}, true
}

func (c *cut) fromToAt(s *Sentence, m []int) (Figure, bool) {
	t := s.Text
	from, err1 := ParseNumber(t[m[2]:m[3]])
	to, err2 := ParseNumber(t[m[8]:m[9]])
	if err1 != nil || err2 != nil || from.Over || to.Over {
		return Figure{}, false
	}
	fu, tu := unitName(t[m[4]:m[5]]), unitName(t[m[10]:m[11]])
	if fu != tu {
		return Figure{}, false // "由3天缩短至4小时": no common unit, unsure
	}
	fr, tr := from.Rat(), to.Rat()
	if fr.Sign() <= 0 || tr.Cmp(fr) >= 0 || tr.Sign() < 0 {
		return Figure{}, false
	}
	cs := clauseStart(t, m[0])
	if containsAny(t[cs:m[0]], notCut) {
		return Figure{}, false
	}
	start, ok := c.nounBefore(t, cs, m[0])
	if !ok {
		return Figure{}, false
	}
	pct := new(big.Rat).Sub(fr, tr)
	pct.Quo(pct, fr)
	pct.Mul(pct, big.NewRat(100, 1))
	n, err := roundedNumber(pct, 4)
	if err != nil {
		return Figure{}, false
	}
	fv, tv := from.Value, to.Value
	return Figure{
		Kind:       c.kind,
		Value:      n.Value,
		ValueText:  n.Text,
		Unit:       UnitPercent,
		Start:      s.Start + start,
		End:        s.Start + m[1],
		FromValue:  &fv,
		ToValue:    &tv,
		PeriodUnit: fu,
		Extractor:  c.kind + ".from_to",
	}, true
}

func sortedLongestFirst(words []string) []string {
	out := append([]string(nil), words...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	for i, w := range out {
		out[i] = regexp.QuoteMeta(w)
	}
	return out
}

// unitName drops the measure word of "个工作日" but keeps a bare "个".
func unitName(u string) string {
	if u != "个" {
		return strings.TrimPrefix(u, "个")
	}
	return u
}
