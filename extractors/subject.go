package extractors

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Words that begin the predicate after a project name at the start of a
// clause ("青兰高速前阳互通立交工程|完成投资2亿元") or after "总投资X元的"
// ("潍宿高铁青岛连接线城阳段|于10月按计划进场施工").
var predicateStarts = map[string]bool{
	"成功": true, "获批": true, "获": true, "获得": true, "完成": true, "累计": true, "计划": true, "预计": true,
	"总投资": true, "投资": true, "争取": true, "已": true, "已经": true, "共": true, "于": true, "将": true,
	"正在": true, "顺利": true, "正式": true, "全面": true, "实现": true, "列入": true, "纳入": true, "落实": true,
	"到位": true, "开工": true, "建成": true, "通车": true, "完工": true, "投入": true, "进场": true, "开通": true,
	"是": true, "为": true, "由": true, "在": true, "按": true, "按计划": true, "全长": true, "起于": true,
	"位于": true, "目前": true, "今年": true, "年内": true, "总": true, "项目总投资": true, "工程总投资": true,
	"主体": true, "全线": true, "全部": true, "共计": true, "合计": true, "获评": true, "荣获": true, "的": true,
	"被": true, "通过": true, "启动": true, "即将": true, "有望": true, "首次": true, "再次": true, "均": true,
}

// Part-of-speech tags (jieba's) that cannot open a name.
var nonNameStart = []string{"p", "c", "d", "r", "u", "f", "m", "t", "v", "zg", "y", "e", "o"}

// Words that cannot open a name even when gse tags them as nouns.
var nonNameWords = map[string]bool{
	"其中": true, "额外": true, "向上": true, "全市": true, "全省": true, "全区": true, "全县": true, "我市": true,
	"我省": true, "我区": true, "我县": true, "我局": true, "全年": true, "上级": true, "中央": true, "省级": true,
	"市级": true, "同时": true, "此外": true, "另外": true, "重点": true, "新建": true, "改造": true, "共建": true,
}

// Heads of a project name.
var projectHeads = map[string]bool{
	"工程": true, "项目": true, "段": true, "线": true, "连接线": true, "公路": true, "高速": true, "高速公路": true,
	"铁路": true, "高铁": true, "大桥": true, "桥": true, "隧道": true, "枢纽": true, "港": true, "码头": true,
	"机场": true, "站": true, "航道": true, "船": true, "快速路": true, "路": true, "立交": true, "互通": true,
	"通道": true, "大道": true, "国道": true, "省道": true, "港区": true, "客运站": true, "货运站": true,
	"服务区": true, "物流园": true, "场站": true, "船闸": true, "客滚船": true, "高架": true, "环线": true,
}

// minimalHeads are the project heads that hold no other head ("路" covers
// "公路" and "铁路"): a text without any of them names no project.
var minimalHeads = sync.OnceValue(func() []string {
	var out []string
	for h := range projectHeads {
		minimal := true
		for g := range projectHeads {
			if g != h && strings.Contains(h, g) {
				minimal = false
				break
			}
		}
		if minimal {
			out = append(out, h)
		}
	}
	sort.Strings(out)
	return out
})

// mayNameProject reports whether s holds a project head, without which
// nameFrom finds no name: it spares the segmenter most clauses.
func mayNameProject(s string) bool {
	return headScanner().anyIn(s)
}

var headScanner = sync.OnceValue(func() *wordScanner { return newWordScanner(minimalHeads()) })

// Words ending in a head character that are not project names.
var notProjectWords = map[string]bool{
	"手段": true, "阶段": true, "路线": true, "一线": true, "热线": true, "防线": true, "前线": true, "底线": true,
	"红线": true, "在线": true, "沿线": true, "全线": true, "片段": true, "时段": true, "思路": true, "道路": true,
	"线路": true, "专线": true, "生产线": true, "战线": true, "网站": true, "车站": true, "项目": true, "工程": true,
}

// generic names that say nothing about which project
var genericNames = map[string]bool{
	"项目": true, "工程": true, "该项目": true, "该工程": true, "本项目": true, "重点项目": true, "建设项目": true,
	"交通项目": true, "公路": true, "道路": true, "高速公路": true,
}

// projectSubject returns the project named at the start of the clause that
// ends at kw: "青兰高速前阳互通立交工程完成投资2亿元" gives
// "青兰高速前阳互通立交工程"; "为社区共建项目援助3万余元" gives "".
func (s *Sentence) projectSubject(cs, kw int) string {
	if kw <= cs {
		return ""
	}
	// The amounts of one sentence often ask for the same clause (its
	// first one, or one clause with two amounts): segment it once.
	for _, m := range s.subjects {
		if m.cs == cs && m.kw == kw {
			return m.name
		}
	}
	name := s.segmentSubject(cs, kw)
	s.subjects = append(s.subjects, subjectMemo{cs: cs, kw: kw, name: name})
	return name
}

// subjectMemo is one answer of projectSubject.
type subjectMemo struct {
	cs, kw int
	name   string
}

// segmentSubject is projectSubject without the memo.
func (s *Sentence) segmentSubject(cs, kw int) string {
	if !mayNameProject(s.Text[cs:kw]) {
		return ""
	}
	ws := s.words(cs, kw)
	ws = dropSpaceWords(s.Text, ws)
	if len(ws) == 0 {
		return ""
	}
	first := s.Text[ws[0].start:ws[0].end]
	if nonNameWords[first] || predicateStarts[first] || allDigits(first) ||
		hasTagPrefix(ws[0].pos, nonNameStart) && !latinOrDigitWord(first) {
		return ""
	}
	end := -1
	for i, w := range ws {
		tok := s.Text[w.start:w.end]
		if i > 0 && predicateStarts[tok] {
			break
		}
		if isPunctWord(tok) {
			return ""
		}
		end = i
	}
	return s.nameFrom(ws[:end+1])
}

// subjectAfterDe returns the name after "的" at pos: "总投资18.4亿元的潍宿高铁
// 青岛连接线城阳段于10月..." gives "潍宿高铁青岛连接线城阳段".
func (s *Sentence) subjectAfterDe(pos int) string {
	ce := clauseEnd(s.Text, pos)
	if ce <= pos || !mayNameProject(s.Text[pos:ce]) {
		return ""
	}
	ws := s.words(pos, ce)
	var keep []word
	for _, w := range ws {
		tok := s.Text[w.start:w.end]
		if trimSpace(tok) == "" {
			continue // a line broken inside the name
		}
		if predicateStarts[tok] || isPunctWord(tok) {
			break
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 || hasTagPrefix(keep[0].pos, []string{"p", "c", "d", "r", "u", "m"}) {
		return ""
	}
	return s.nameFrom(keep)
}

// nameFrom joins words into a name if it ends with a project head.
func (s *Sentence) nameFrom(ws []word) string {
	if len(ws) == 0 {
		return ""
	}
	last := s.Text[ws[len(ws)-1].start:ws[len(ws)-1].end]
	if !isProjectHead(last) {
		return ""
	}
	name := stripSpace(s.Text[ws[0].start:ws[len(ws)-1].end])
	n := utf8.RuneCountInString(name)
	if n < 3 || n > 40 || genericNames[name] || strings.ContainsAny(name, "、个“”\"") || roadType(name) != "" {
		return ""
	}
	return name
}

func isProjectHead(tok string) bool {
	if projectHeads[tok] {
		return true
	}
	if notProjectWords[tok] || utf8.RuneCountInString(tok) < 2 {
		return false
	}
	for h := range projectHeads {
		if strings.HasSuffix(tok, h) {
			return true
		}
	}
	return false
}

func dropSpaceWords(t string, ws []word) []word {
	out := ws[:0]
	for _, w := range ws {
		if trimSpace(t[w.start:w.end]) != "" {
			out = append(out, w)
		}
	}
	return out
}

func hasTagPrefix(pos string, tags []string) bool {
	for _, t := range tags {
		if strings.HasPrefix(pos, t) {
			return true
		}
	}
	return false
}

func latinOrDigitWord(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

func isPunctWord(tok string) bool {
	for _, r := range tok {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return tok != ""
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func allDigits(s string) bool {
	for _, r := range s {
		if asciiDigit(r) < 0 {
			return false
		}
	}
	return s != ""
}

// cutByWord reports whether the segmenter, over the clause around
// Text[a:b], puts a word across a or b: a cue found by substring ("新开" in
// "重新开放") that is no word of the text.
func (s *Sentence) cutByWord(a, b int) bool {
	for _, w := range s.words(clauseStart(s.Text, a), clauseEnd(s.Text, b)) {
		if w.start < a && a < w.end || w.start < b && b < w.end {
			return true
		}
	}
	return false
}
