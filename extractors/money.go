package extractors

import (
	"strings"
)

// money finds investment ("总投资约390亿元") or funding ("补助资金12.5亿元",
// "援助3万余元") amounts: a keyword of its kind right before the number.
type money struct {
	kind string
}

func newMoney(kind string) *money { return &money{kind: kind} }

func (m *money) Kind() string { return m.kind }

var investmentKeywords = []string{"投资", "总投资", "概算投资", "估算投资", "社会投资"}

// Words that join an investment keyword on its left, in this order: sectors
// ("公路水路投资"), then 完成, then adverbials ("预计年内完成投资").
var (
	investmentSectors = []string{
		"交通", "公路", "水路", "公路水路", "水运", "交通建设", "公路建设", "固定资产", "交通固定资产", "基础设施", "概算", "估算",
	}
	investmentAdverbials = []string{"预计", "计划", "累计", "全年", "年内", "当年", "已", "将", "拟", "共", "实际", "力争", "今年"}
)

// funding keywords that say by themselves that money was secured or granted
var fundingKeywords = []string{
	"资金支持", "资金补助", "补助资金", "奖补资金", "到位资金", "专项资金", "扶持资金", "奖励资金", "补贴资金",
	"补助", "补贴", "奖补", "援助", "资助", "争取资金", "争取到资金",
}

// bare 资金 is funding only next to a verb of securing or granting
var fundingVerbs = []string{"争取", "申请", "获得", "落实", "到位", "下达", "拨付", "获批", "筹集", "申请到", "获取", "安排", "支持", "补助", "奖励", "援助"}

// fund types that name the money ("中央预算内资金", "专项运输补贴")
var fundModifiers = []string{"中央预算内", "中央车购税", "中央财政", "车购税", "专项债券", "专项债", "债券", "专项", "补助", "奖补", "配套", "财政",
	"扶持", "运输", "燃油", "运营", "以奖代补", "一事一议"}

// words that make an amount a rate, not a total
var rateWords = []string{"每", "人均", "亩均", "户均", "均"}

func (m *money) Extract(s *Sentence) []Figure {
	t := s.Text
	var out []Figure
	lastEnd := -1
	for off := 0; ; {
		i := strings.Index(t[off:], "元")
		if i < 0 {
			break
		}
		unitStart := off + i
		unitEnd := unitStart + len("元")
		off = unitEnd
		if rest := t[unitEnd:]; strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "每") {
			continue
		}
		am, ok := numberBefore(t, unitStart)
		if !ok {
			continue
		}
		// "完成投资30亿元、40亿元": a list continues the previous figure
		if lastEnd >= 0 && isListJoin(t[lastEnd:am.start]) && len(out) > 0 {
			f := out[len(out)-1]
			f.Start, f.End = s.Start+am.start, s.Start+unitEnd
			f.Value, f.ValueText = am.num.Value, am.num.Text
			f.Qualifier = qualifierOf("", am.num, postQualifier(t, unitEnd))
			f.Extractor = m.kind + ".list"
			out = append(out, f)
			lastEnd = unitEnd
			continue
		}
		f, ok := m.at(s, am, unitStart, unitEnd)
		if !ok {
			lastEnd = -1
			continue
		}
		out = append(out, f)
		lastEnd = unitEnd
	}
	alignYearList(s, out)
	return out
}

func isListJoin(between string) bool {
	switch strings.TrimSpace(between) {
	case "、", "和", "及", "以及":
		return true
	}
	return false
}

// classifyMoney finds the keyword ending at kwEnd and its kind.
func classifyMoney(t string, cs, kwEnd int) (kind string, kwStart int) {
	head := t[cs:kwEnd]
	// "固定资产投资完成246.79亿元": the keyword before 完成
	if strings.HasSuffix(head, "完成") && hasSuffixAny(strings.TrimSuffix(head, "完成"), investmentKeywords) != "" {
		inv := hasSuffixAny(strings.TrimSuffix(head, "完成"), investmentKeywords)
		return KindInvestment, kwEnd - len("完成") - len(inv)
	}
	inv := hasSuffixAny(head, investmentKeywords)
	fund := hasSuffixAny(head, fundingKeywords)
	bare := ""
	if strings.HasSuffix(head, "资金") && containsAny(head, fundingVerbs) && !strings.Contains(head, "投入") {
		bare = "资金"
	}
	switch {
	case fund != "" && len(fund) >= len(inv):
		return KindFunding, kwEnd - len(fund)
	case inv != "":
		return KindInvestment, kwEnd - len(inv)
	case bare != "":
		return KindFunding, kwEnd - len(bare)
	}
	return "", -1
}

func (m *money) at(s *Sentence, am amount, unitStart, unitEnd int) (Figure, bool) {
	t := s.Text
	cs := clauseStart(t, am.start)
	kwEnd, preQual := keywordEnd(t, am.start)
	if kwEnd < cs {
		return Figure{}, false
	}
	kind, start := classifyMoney(t, cs, kwEnd)
	if kind != m.kind {
		return Figure{}, false
	}
	if containsAny(t[cs:am.start], rateWords) {
		return Figure{}, false
	}
	kw := t[start:kwEnd]
	if kind == KindInvestment {
		start = extendLeft(t, cs, start, investmentSectors)
		if strings.HasSuffix(t[cs:start], "完成") {
			start -= len("完成")
		}
		start = extendLeft(t, cs, start, investmentAdverbials)
	} else {
		// fund types name the money: extend over them
		kwStart := start
		for {
			mod := hasSuffixAny(t[cs:start], fundModifiers)
			if mod == "" || kw == "资金支持" || kw == "资金补助" {
				break
			}
			start -= len(mod)
		}
		// "争取资金补助5亿元": 争取 joins a bare 资金 keyword
		if v := hasSuffixAny(t[cs:start], []string{"争取", "争取到"}); v != "" && start == kwStart && strings.HasPrefix(kw, "资金") {
			start -= len(v)
		}
	}
	subject := ""
	if rest := t[unitEnd:]; strings.HasPrefix(rest, "的") {
		subject = s.subjectAfterDe(unitEnd + len("的"))
	}
	if subject == "" {
		subject = s.projectSubject(cs, start)
	}
	if subject == "" && strings.TrimSpace(t[cs:start]) == "" && cs > 0 {
		// "潍烟高铁招远段全长约45公里，总投资62.3亿元": the clause opens
		// with the keyword; the sentence's first clause names the project
		subject = s.projectSubject(0, clauseEnd(t, 0))
	}
	return Figure{
		Kind:      kind,
		Value:     am.num.Value,
		ValueText: am.num.Text,
		Unit:      UnitCNY,
		Qualifier: qualifierOf(preQual, am.num, postQualifier(t, unitEnd)),
		Start:     s.Start + start,
		End:       s.Start + unitEnd,
		Subject:   subject,
		Extractor: kind + ".keyword",
	}, true
}

// extendLeft moves start left over any of words, repeatedly.
func extendLeft(t string, limit, start int, words []string) int {
	for {
		w := hasSuffixAny(t[limit:start], words)
		if w == "" {
			return start
		}
		start -= len(w)
	}
}
