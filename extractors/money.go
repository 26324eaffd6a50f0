package extractors

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// money finds investment and funding amounts. Every number before 元 (or a
// bare 亿/万 closing a clause: "投入资金4016亿。") is a candidate; the
// nearest deciding cue in the sentence (cues.go) gives its kind, or drops
// it. One scan serves both kinds: the extractor returns figures of both.
type money struct{}

func newMoney() *money { return &money{} }

// Kind names the first of the two kinds it finds (investment and funding).
func (*money) Kind() string { return KindInvestment }

var moneyTable = sync.OnceValue(func() *cueTable {
	return newCueTable(fundCues, investCues, notMoneyCues, listOpenerCues)
})

// moneyUnits finds the units of money candidates: 元, and 亿 or 万 that end
// a clause without 元.
func moneyUnits(t string) [][2]int {
	var out [][2]int
	for i := 0; i < len(t); {
		// 元 starts with byte E5, 亿 and 万 with E4; any other byte starts
		// none of them (a byte inside a valid character is a continuation
		// byte, never E4 or E5, so stepping a byte at a time visits every
		// place a character-wise scan would match at, and stepping past a
		// whole character does too).
		if c := t[i]; c != 0xe4 && c != 0xe5 || i+3 > len(t) {
			i += stepPast(t, i)
			continue
		}
		// 元, 亿 and 万 are three bytes each: compare them in place
		// rather than decoding every character that shares their lead.
		switch t[i : i+3] {
		case "元":
			out = append(out, [2]int{i, i + 3})
		case "亿", "万":
			if moneyScaleEnds(t[i+3:]) {
				out = append(out, [2]int{i + 3, i + 3}) // the unit is empty: 亿 is part of the number
			}
		default:
			i += stepPast(t, i)
			continue
		}
		i += 3
	}
	return out
}

func (m *money) Extract(s *Sentence) []Figure { return m.appendFigures(s, nil) }

func (m *money) appendFigures(s *Sentence, out []Figure) []Figure {
	t := s.Text
	n0 := len(out)
	units := s.marks().money
	cands := make([]amount, len(units))
	ok := make([]bool, len(units))
	for k, u := range units {
		if hasPrefixAny(t[u[1]:], notMoneyAfter) != "" || rangeFollows(t, u[1]) {
			continue
		}
		cands[k], ok[k] = moneyNumberBefore(t, u[0])
		if ok[k] && u[0] == u[1] && !strings.ContainsAny(t[cands[k].start:u[0]], "0123456789０１２３４５６７８９") && bareChinese(t[cands[k].start:u[0]]) {
			ok[k] = false // "数亿", "千万": not an amount
		}
		if ok[k] && unitInBrackets(t, cands[k].start, u[1]) {
			ok[k] = false // "预算（百万元）": a column's unit
		}
	}
	for k, u := range units {
		if !ok[k] {
			continue
		}
		am := cands[k]
		f, good := m.at(s, am, u[0], u[1], units[k+1:], cands[k+1:], ok[k+1:])
		if good {
			out = append(out, f)
		}
	}
	alignYearList(s, out[n0:])
	return out
}

// unitInBrackets reports an amount of a bare scale word (百万元, 千万元, 千元)
// that fills a pair of brackets: the unit a table's column or a caption
// names, not an amount.
func unitInBrackets(t string, start, end int) bool {
	open := strings.HasSuffix(t[:start], "（") || strings.HasSuffix(t[:start], "(")
	closed := strings.HasPrefix(t[end:], "）") || strings.HasPrefix(t[end:], ")")
	if !open || !closed {
		return false
	}
	for _, r := range t[start:end] {
		if !strings.ContainsRune("十百千万亿元", r) {
			return false
		}
	}
	return true
}

// bareChinese: a numeral of Chinese scale words only ("亿", "万亿"),
// accepted only after 近/逾/超 ("近亿元").
func bareChinese(num string) bool {
	for _, r := range num {
		if bigUnit[r] == 0 && !isSpace(r) {
			return false
		}
	}
	return true
}

// moneyNumberBefore reads the numeral before a money unit, and a bare 亿
// after 近/逾/超/突破 ("共投入资金近亿元") as one 亿.
func moneyNumberBefore(t string, unitStart int) (amount, bool) {
	if am, ok := numberBefore(t, unitStart); ok {
		return am, true
	}
	for _, b := range []string{"亿", "万亿"} {
		if !strings.HasSuffix(t[:unitStart], b) {
			continue
		}
		start := unitStart - len(b)
		if hasSuffixAny(t[:start], []string{"近", "逾", "超", "超过", "突破", "约", "上"}) == "" {
			return amount{}, false
		}
		n, err := ParseNumber("一" + b)
		if err != nil {
			return amount{}, false
		}
		return amount{start: start, end: unitStart, num: n}, true
	}
	return amount{}, false
}

func (m *money) at(s *Sentence, am amount, unitStart, unitEnd int, nextUnits [][2]int, next []amount, nextOK []bool) (Figure, bool) {
	t := s.Text
	kwEnd, preQual := keywordEnd(t, am.start)
	d, ok := moneyEvidence(s, kwEnd, unitEnd, nextUnits, next, nextOK)
	if !ok {
		return Figure{}, false
	}
	cs := clauseStart(t, am.start)
	if d.cueStart >= 0 && d.cueStart < cs {
		// "总投资：3.6亿元": the colon ends a clause, but the head before
		// it names the amount after it; span and subject start in the
		// head's clause (the span once reached back past cs and panicked).
		cs = clauseStart(t, d.cueStart)
	}
	if containsAny(t[cs:am.start], rateWords) {
		return Figure{}, false // "人均投资约5000元", "每公里补助资金1万元"
	}
	start := am.start
	if d.cueStart >= 0 && d.cueStart < start {
		start = moneySpanStart(t, cs, d.cueStart, d.kind)
	}
	subject := ""
	if rest := t[unitEnd:]; strings.HasPrefix(rest, "的") {
		subject = s.subjectAfterDe(unitEnd + len("的"))
	}
	if subject == "" {
		subject = s.projectSubject(cs, max(cs, min(start, kwEnd)))
	}
	if subject == "" && trimSpace(t[cs:start]) == "" && cs > 0 {
		// "潍烟高铁招远段全长约45公里，总投资62.3亿元": the clause opens
		// with the keyword; the sentence's first clause names the project
		subject = s.projectSubject(0, clauseEnd(t, 0))
	}
	end := unitEnd
	if end == unitStart { // bare 亿: the span ends with the numeral
		end = am.end
	}
	return Figure{
		Kind:      d.kind,
		Value:     am.num.Value,
		ValueText: am.num.Text,
		Unit:      UnitCNY,
		Qualifier: qualifierOf(preQual, am.num, postQualifier(t, unitEnd)),
		Start:     s.Start + start,
		End:       s.Start + end,
		Subject:   subject,
		Extractor: d.kind + d.rule,
		Evidence:  d.evidence,
		Basis:     d.basis,
	}, true
}

// moneyDecision is what the cues say of one amount.
type moneyDecision struct {
	kind, basis, evidence string
	cueStart              int    // the head's start when it is in the amount's clause, else -1
	rule                  string // ".cue", or ".list" for an item of a list under its head
}

// moneyEvidence decides a money candidate whose number (with qualifiers)
// starts at numStart. The nearest deciding cue to the left in the sentence
// wins: an investment or funding head keeps it with that kind, a negative
// (income, costs, changes, rates) drops it. 资金 or 经费 alone waits for the
// verb before it (投入资金, 争取资金); 完成 is investment after an investment
// head ("投资…；X段完成3亿元") or after 建设. Undecided, a head right after a
// later amount of the same list decides ("1410万元、…，合计3388万元车购税补助资金").
func moneyEvidence(s *Sentence, numStart, unitEnd int, nextUnits [][2]int, next []amount, nextOK []bool) (moneyDecision, bool) {
	t := s.Text
	if d, ok, found := arrivedAt(s, numStart); found {
		return d, ok
	}
	d := moneyDecision{cueStart: -1, rule: ".cue"}
	verdict := 0
	items := 0 // amounts passed on the way to the head
	var aux *hit
	moneyTable().scanLeft(t, 0, numStart, func(h hit) bool {
		switch h.role {
		case roleMoneyAux:
			if aux == nil {
				hh := h
				aux = &hh
			}
			return true
		case roleListOpener:
			// "总投资…，同比增长12%，其中，高速公路76.2亿元": the items take the
			// head of the total, in this sentence or the one before
			head, ok := headBefore(t, h.start)
			where := ""
			if !ok && trimSpace(strings.Trim(t[:h.start], " \u3000\n")) == "" {
				head, ok = headBefore(s.prev, len(s.prev))
				where = " (sentence before)"
			}
			if !ok {
				return false
			}
			verdict = 1
			d.kind, d.basis = KindInvestment, head.basis
			if head.role == roleFund {
				d.kind, d.basis = KindFunding, BasisAllocated
			}
			if head.role == roleComplete {
				d.basis = completeBasis(head.word)
			}
			d.rule = ".list"
			d.evidence = "head " + head.word + where + " ← " + h.word + " list item " + itoa(countAmounts(t[h.end:numStart])+1)
			return false
		case roleInvest, roleFund:
			if modifiedHead(t, h.start) || savedHead(t, h.start) {
				verdict = -1 // "节约投资约1800万元", "节省接电投资4500万元"
				return false
			}
			verdict = 1
			d.kind = KindInvestment
			if h.role == roleFund || h.word == "投资" && grantedInvestment(t, h.start) {
				d.kind = KindFunding
			}
			d.basis = h.basis
			d.evidence = "head " + h.word
			if aux != nil && aux.clauses == h.clauses {
				d.evidence += aux.word
			}
		case roleComplete:
			if aux != nil && aux.clauses != h.clauses {
				return false
			}
			if aux != nil {
				// "计划完成建设资金16亿元"
				verdict = 1
				d.kind, d.basis = KindInvestment, completeBasis(h.word)
				d.evidence = "cue " + h.word + aux.word
				break
			}
			head, ok := "", false
			if hh, found := headBefore(t, h.start); found && hh.role != roleFund {
				head, ok = hh.word, true
			}
			if !ok && trimSpace(t[clauseStart(t, h.start):h.start]) != "" {
				// "公路水路建设投资仍是主体。全年公路完成386亿": the head is in
				// the sentence before
				if head, ok = investHeadBefore(s.prev, len(s.prev)); ok {
					head += " (sentence before)"
				}
			}
			if ok || strings.HasSuffix(strings.TrimRight(t[:h.start], "将已"), "建设") {
				verdict = 1
				d.kind = KindInvestment
				d.basis = completeBasis(h.word)
				d.evidence = "cue " + h.word
				if ok {
					d.evidence += " after head " + head
				} else {
					d.evidence += " after 建设"
				}
				break
			}
			return false
		case roleNotMoney:
			verdict = -1
			return false
		}
		if verdict == 0 {
			return true
		}
		items = countAmounts(t[h.end:numStart])
		if h.clauses > 0 {
			// a clause of its own: a list item only if it names one, or
			// the list's total (合计)
			cs := commaClauseStart(t, numStart)
			if cs > h.end && !containsAny(t[cs:unitEnd], itemNouns) {
				verdict = -1
				return false
			}
		}
		switch {
		case items > 0:
			d.evidence += " ← list item " + itoa(items+1)
			d.rule = ".list"
		case h.clauses == 0:
			d.cueStart = h.start
		default:
			d.evidence += " ← " + itoa(h.clauses) + " clause(s) back"
		}
		// "预计年内完成投资": a planning word before the head makes it planned
		if b := basisIn(t[clauseStart(t, h.start):h.start]); d.basis == "" || b == BasisPlanned && d.basis == BasisCompleted {
			d.basis = b
		}
		if d.kind == KindFunding {
			d.basis = BasisAllocated
		}
		return false
	})
	if verdict == 1 {
		return d, true
	}
	if verdict == -1 {
		return d, false
	}
	if aux != nil && aux.word == "建设资金" {
		// construction money with no verb of granting before it is spent money
		d.kind = KindInvestment
		d.evidence = "head 建设资金"
		if aux.clauses == 0 {
			d.cueStart = aux.start
		}
		d.basis = basisIn(t[clauseStart(t, aux.start):aux.start])
		return d, true
	}
	// a head right after a later amount of the same list
	prevEnd := unitEnd
	for k, u := range nextUnits {
		if u[0]-unitEnd > maxScanBytes {
			break
		}
		if !nextOK[k] || next[k].start < prevEnd {
			// not read, or a numeral that reaches back over this amount
			// ("1亿 0亿": the second read as "1亿 0"): no later amount
			continue
		}
		gap := t[prevEnd:next[k].start]
		if containsDecidingMoneyCue(gap) {
			return d, false
		}
		after := strings.TrimPrefix(t[u[1]:], "的")
		if c, ok := moneyTable().startingAt(after, 0, min(len(after), 30)); ok && (c.role == roleFund || c.role == roleInvest) {
			d.kind = KindInvestment
			if c.role == roleFund {
				d.kind, d.basis = KindFunding, BasisAllocated
			}
			d.evidence = "head " + c.word + " after list item " + itoa(k+2)
			return d, true
		}
		prevEnd = u[1]
	}
	// the head right after this amount ("4872万元车购税补助资金")
	after := strings.TrimPrefix(t[unitEnd:], "的")
	if c, ok := moneyTable().startingAt(after, 0, min(len(after), 30)); ok && (c.role == roleFund || c.role == roleInvest) {
		d.kind = KindInvestment
		if c.role == roleFund {
			d.kind, d.basis = KindFunding, BasisAllocated
		}
		d.evidence = "head " + c.word + " after the amount"
		return d, true
	}
	return d, false
}

// containsDecidingMoneyCue reports a head or a negative in the text between
// two amounts of a list (list items hold names only).
func containsDecidingMoneyCue(s string) bool {
	found := false
	moneyTable().scanLeft(s, 0, len(s), func(h hit) bool {
		if h.role != roleMoneyAux {
			found = true
			return false
		}
		return true
	})
	return found
}

// investHeadBefore finds an investment head earlier in the sentence.
func investHeadBefore(t string, pos int) (string, bool) {
	head := ""
	moneyTable().scanLeft(t, 0, pos, func(h hit) bool {
		if h.role == roleInvest {
			head = h.word
			return false
		}
		return h.role != roleFund && h.role != roleNotMoney
	})
	return head, head != ""
}

// countAmounts counts the money amounts in s (the list items between a head
// and a candidate).
func countAmounts(s string) int {
	n := 0
	for _, u := range moneyUnits(s) {
		if _, ok := moneyNumberBefore(s, u[0]); ok {
			n++
		}
	}
	return n
}

func completeBasis(w string) string {
	switch {
	case strings.HasPrefix(w, "计划"), strings.HasPrefix(w, "预计"), strings.HasPrefix(w, "力争"):
		return BasisPlanned
	}
	return BasisCompleted
}

// basisIn returns the basis stated last in s.
func basisIn(s string) string {
	// the basis word that starts last, the earlier listed at one place
	if k := basisScanner().lastIn(s); k >= 0 {
		return basisWords[k].basis
	}
	return ""
}

var basisScanner = sync.OnceValue(func() *wordScanner {
	words := make([]string, len(basisWords))
	for i, b := range basisWords {
		words[i] = b.word
	}
	return newWordScanner(words)
})

func isListJoin(between string) bool {
	switch trimSpace(between) {
	case "、", "和", "及", "以及":
		return true
	}
	return false
}

// fundingScanner finds the funding heads' words (the year-list rule skips
// sentences about granted money).
var fundingScanner = sync.OnceValue(func() *wordScanner {
	out := make([]string, 0, len(fundCues))
	for _, c := range fundCues {
		out = append(out, c.word)
	}
	return newWordScanner(out)
})

// moneySpanStart extends a head at headStart left over the words that join
// it: an investment head's sectors, 完成 and adverbials ("预计年内完成公路水路
// 投资"); a funding head's fund types ("中央车购税资金") and 争取.
func moneySpanStart(t string, cs, headStart int, kind string) int {
	start := headStart
	if kind == KindInvestment {
		// "固定资产投资完成246.79亿元": the head is the investment word before 完成
		if c, ok := moneyTable().endingAt(t, cs, start); ok && c.role == roleInvest && strings.HasPrefix(t[start:], "完成") {
			start -= len(c.word)
		}
		if c, ok := moneyTable().startingAt(t, start, len(t)); !ok || c.role != roleInvest || c.basis != BasisCompleted && c.basis != BasisPlanned {
			start = extendLeft(t, cs, start, investmentSectors)
			if strings.HasSuffix(t[cs:start], "完成") {
				start -= len("完成")
			}
		}
		return extendLeft(t, cs, start, investmentAdverbials)
	}
	kwStart := start
	start = extendLeft(t, cs, start, fundModifiers)
	if v := hasSuffixAny(t[cs:start], []string{"争取", "争取到"}); v != "" && start == kwStart && strings.HasPrefix(t[start:], "资金") {
		start -= len(v)
	}
	return start
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

// headBefore finds the nearest investment or funding head before pos,
// passing over statements about the total (同比增长, 占) between.
func headBefore(t string, pos int) (hit, bool) {
	var head hit
	found := false
	moneyTable().scanLeft(t, 0, pos, func(h hit) bool {
		switch h.role {
		case roleInvest, roleFund:
			head, found = h, true
			return false
		case roleComplete:
			if _, ok := investHeadBefore(t, h.start); ok {
				head, found = h, true
				return false
			}
		case roleMoneyAux:
			if h.word == "建设资金" {
				head, found = h, true
				head.role = roleInvest
				return false
			}
		}
		return true
	})
	return head, found
}

// modifiedHead: a head right after a word that makes the amount a saving or
// a change ("节约投资约1800万元", "减少投资", "新增投资" is kept).
func modifiedHead(t string, pos int) bool {
	return hasSuffixAny(strings.TrimRight(t[:pos], " "), []string{"节约", "节省", "减少", "压缩", "降低", "增加", "超"}) != ""
}

// Verbs that take a total to a new amount ("由45亿元调增至52.6亿元"), and
// the words that give the amount a change arrives at ("较上年增加3.1亿元，达到
// 28.7亿元").
var (
	// changedToEnds indexes changedTo
	changedToEnds = newSuffixIndex(changedTo)
	changedTo     = []string{"调增至", "调增到", "调增为", "调减至", "调减为", "调整为", "调整至", "调整到", "增加至", "增加到", "提高至", "提高到", "增至", "减至", "降至", "上调至", "下调至"}
	arrivesAt     = []string{"达到", "达", "为", "增至", "减至"}
	changeFrom    = []string{"较上年", "比上年", "较去年", "比去年", "同比"}
)

// arrivedAt decides the amount at numStart when a change brought a total
// to it: after "由A调增至" it is A's head's (A decides), after "较上年增加
// A，达到" the head before the change word's. found is false otherwise.
func arrivedAt(s *Sentence, numStart int) (d moneyDecision, ok, found bool) {
	t := s.Text
	before := strings.TrimRight(t[:numStart], " ")
	if v := changedToEnds.longest(before); v != "" {
		end := len(before) - len(v)
		am, ok := moneyAmountEndingAt(t, end)
		if !ok || hasSuffixAny(strings.TrimRight(t[:am.start], " "), []string{"由", "从"}) == "" {
			return d, false, false
		}
		d, ok = moneyEvidence(s, am.start, end, nil, nil, nil)
		d.evidence += " → changed to"
		return d, ok, true
	}
	// The word may be read already as the amount's qualifier (达到).
	v := hasPrefixAny(t[numStart:], arrivesAt)
	if v == "" {
		if v = hasSuffixAny(before, arrivesAt); v == "" {
			return d, false, false
		}
		before = before[:len(before)-len(v)]
	}
	comma := strings.TrimRight(before, " ")
	if !strings.HasSuffix(comma, "，") && !strings.HasSuffix(comma, ",") {
		return d, false, false
	}
	_, n := utf8.DecodeLastRuneInString(comma)
	end := len(comma) - n
	am, ok := moneyAmountEndingAt(t, end)
	if !ok {
		return d, false, false
	}
	cs := commaClauseStart(t, am.start)
	ch := -1
	for _, w := range changeFrom {
		if k := strings.LastIndex(t[cs:am.start], w); k >= 0 && (ch < 0 || cs+k > ch) {
			ch = cs + k
		}
	}
	if ch < 0 {
		return d, false, false
	}
	h, found := headBefore(t, ch)
	if !found || h.start < cs || h.role != roleInvest && h.role != roleFund || modifiedHead(t, h.start) {
		return d, false, true
	}
	d = moneyDecision{cueStart: -1, rule: ".cue", kind: KindInvestment, basis: h.basis, evidence: "head " + h.word + " ← " + t[ch:am.start] + "…" + v}
	if h.role == roleFund || h.word == "投资" && grantedInvestment(t, h.start) {
		d.kind, d.basis = KindFunding, BasisAllocated
	}
	return d, true, true
}

// moneyAmountEndingAt returns the amount whose money unit ends at end.
func moneyAmountEndingAt(t string, end int) (amount, bool) {
	for _, u := range moneyUnits(t[:end]) {
		if u[1] == end {
			return moneyNumberBefore(t, u[0])
		}
	}
	return amount{}, false
}

// savedHead: a saving verb a few characters before a head, in its clause
// ("为企业节省接电投资4500万元", "节约建设投资"): the amount is money saved;
// or refinancing ("再融资一般债券", "置换债券"): old debt rolled over, no
// money for projects.
func savedHead(t string, pos int) bool {
	lo := max(clauseStart(t, pos), pos-6*3)
	for _, v := range []string{"节约", "节省", "再融资", "置换"} {
		if strings.Contains(t[lo:pos], v) {
			return true
		}
	}
	return false
}

// grantedInvestment: 投资 after the budget that grants it (中央预算内投资,
// 中央投资, 省级预算内投资) is money given from above, funding.
func grantedInvestment(t string, pos int) bool {
	return hasSuffixAny(strings.TrimRight(t[:pos], " "), []string{"预算内", "中央"}) != ""
}

// rangeFollows: a range mark and a numeral after a unit ("20亿元至30亿元",
// "10%-20%"): the amount is one end of a range, unsure.
func rangeFollows(t string, pos int) bool {
	rest := strings.TrimLeft(t[pos:], " ")
	m := hasPrefixAny(rest, []string{"至", "到", "-", "—", "–", "~", "～", "－"})
	if m == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[len(m):], " "))
	return asciiDigit(r) >= 0 || isChineseDigit(r) || tensRune[r] != 0
}

// commaClauseStart is where the clause holding pos starts when only commas,
// semicolons and full stops end clauses (a parenthesis does not: "总投资
// （含征地）1亿元").
func commaClauseStart(t string, pos int) int {
	lo := max(0, pos-maxClauseBytes)
	for i := pos; i > lo; {
		r, n := decodeLast(t, 0, i)
		switch r {
		case '，', ',', '；', ';', '。', '！', '？', '、':
			return i
		}
		i -= n
	}
	return lo
}
