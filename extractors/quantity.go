package extractors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// amount is a number found just before a unit.
type amount struct {
	start, end int // the numeral, offsets into the sentence
	num        Number
}

// numberBefore reads the numeral that ends at unitStart in s (spaces allowed
// between). It refuses numerals glued to Latin letters (G4222), ordinals
// (第3), ranges (30-50亿) and anything ParseNumber rejects.
func numberBefore(s string, unitStart int) (amount, bool) {
	i := unitStart
	for i > 0 {
		r, n := decodeLast(s, 0, i)
		if r == '，' && i < unitStart {
			// "２，１６０公里": a full-width comma between full-width digits
			p, _ := utf8.DecodeLastRuneInString(s[:i-n])
			f, _ := utf8.DecodeRuneInString(s[i:])
			if isFullwidthDigit(p) && isFullwidthDigit(f) {
				i -= n
				continue
			}
		}
		if !isNumeralRune(r) && !isSpace(r) {
			break
		}
		i -= n
	}
	start := i
	if lostBeforeNumeral(s, i) {
		return amount{}, false
	}
	// trim what cannot begin a numeral
	for start < unitStart {
		r, n := decodeAt(s, start)
		if asciiDigit(r) >= 0 || isChineseDigit(r) || smallUnit[r] != 0 || tensRune[r] != 0 {
			break
		}
		start += n
	}
	// a Chinese digit glued to Arabic digits belongs to a word ("统一5亿"): cut
	if j := firstArabic(s[start:unitStart]); j > 0 && !hasScaleOnly(s[start:start+j]) {
		start += j
	}
	end := unitStart
	for end > start {
		r, n := decodeLast(s, 0, end)
		if !isSpace(r) {
			break
		}
		end -= n
	}
	if start >= end {
		return amount{}, false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	if start > 0 && (prev < utf8.RuneSelf && (unicode.IsLetter(prev) || prev == '/' || prev == '.') || prev == '第' || strings.ContainsRune("-~—–～至到", prev) && endsWithNumeral(s[:start-utf8.RuneLen(prev)])) {
		return amount{}, false
	}
	n, err := ParseNumber(s[start:end])
	if err != nil {
		// "2023 100公里": a numeral after a space stands alone
		k := strings.LastIndexAny(s[start:end], " \u3000\u00a0")
		if k < 0 {
			return amount{}, false
		}
		_, size := utf8.DecodeRuneInString(s[start+k:])
		start += k + size
		if n, err = ParseNumber(s[start:end]); err != nil {
			return amount{}, false
		}
	}
	return amount{start: start, end: end, num: n}, true
}

// numberAfter reads the numeral starting at pos (after optional spaces).
func numberAfter(s string, pos int) (amount, bool) {
	for pos < len(s) {
		r, n := utf8.DecodeRuneInString(s[pos:])
		if !isSpace(r) {
			break
		}
		pos += n
	}
	end := pos
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isNumeralRune(r) && !(isSpace(r) && end > pos) {
			break
		}
		end += n
	}
	for end > pos {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !isSpace(r) && r != ',' && r != '.' {
			break
		}
		end -= n
	}
	if end <= pos {
		return amount{}, false
	}
	if r, n := utf8.DecodeRuneInString(s[end:]); r == utf8.RuneError && n > 0 && startsWithNumeralRune(s[end+n:]) {
		return amount{}, false // a lost character inside the numeral (see numberBefore)
	}
	n, err := ParseNumber(s[pos:end])
	if err != nil {
		return amount{}, false
	}
	return amount{start: pos, end: end, num: n}, true
}

// lostBeforeNumeral reports whether a character lost in decoding (U+FFFD)
// just before the numeral run s[i:] may have been part of it ("22�92萬元":
// 億 or a digit; "補助�億七千萬元": a Chinese digit, which is multi-byte
// and can be lost; an Arabic digit never is), so that its value is
// unknown. Other lost characters in the clause leave the value known but
// may hide the word that says what the number is: the pipeline marks
// such figures for review.
func lostBeforeNumeral(s string, i int) bool {
	if i == 0 {
		return false
	}
	prev, n := decodeLast(s, 0, i)
	if prev != utf8.RuneError {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[i:])
	return endsWithNumeralRune(s[:i-n]) || asciiDigit(first) < 0 && !isFullwidthDigit(first) && digitOrNumeral(first)
}

// endsWithNumeralRune and startsWithNumeralRune: s ends (begins) with a
// digit or a Chinese numeral character (not the marks a numeral may
// hold, which also end clauses: ",", "余").
func endsWithNumeralRune(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return n > 0 && digitOrNumeral(r)
}

func startsWithNumeralRune(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && digitOrNumeral(r)
}

func digitOrNumeral(r rune) bool {
	if r == '.' || r == '．' || r == ',' || r == '余' || r == '多' {
		return false
	}
	return isNumeralRune(r)
}

// endsWithNumeral: s ends with a numeral, perhaps with its unit ("30亿至50亿元",
// "10%-20%", "3天至5天"): what follows a range mark is then the range's end.
func endsWithNumeral(s string) bool {
	s = strings.TrimRight(s, " ")
	for {
		u := hasSuffixAny(s, rangeUnits)
		if u == "" {
			break
		}
		s = strings.TrimRight(s[:len(s)-len(u)], " ")
	}
	return endsWithDigit(s)
}

var rangeUnits = []string{"亿", "万", "千", "百", "元", "%", "％", "公里", "千米", "km", "天", "日", "个", "小时", "工作日", "份", "项", "件", "次", "余", "多"}

func endsWithDigit(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return asciiDigit(r) >= 0 || isChineseDigit(r)
}

// firstArabic returns the byte index of the first Arabic digit in s, or -1.
func firstArabic(s string) int {
	for i, r := range s {
		if asciiDigit(r) >= 0 {
			return i
		}
	}
	return -1
}

// hasScaleOnly: the text before the Arabic digits is only spaces (fine to keep).
func hasScaleOnly(s string) bool {
	return trimSpace(s) == ""
}

// Words between a keyword and its number. Qualifiers are recorded; fillers
// are skipped.
var (
	// A negated bound comes before the word it holds (不超过 before 超过).
	preQualifiers = []struct{ word, qual string }{
		{"不超过", QualUnder}, {"不超", QualUnder}, {"不高于", QualUnder}, {"不大于", QualUnder},
		{"不少于", QualOver}, {"不低于", QualOver},
		{"大约", QualApprox}, {"约为", QualApprox}, {"约", QualApprox}, {"将近", QualApprox}, {"接近", QualApprox}, {"近", QualApprox},
		{"超过", QualOver}, {"逾", QualOver}, {"超", QualOver}, {"多达", QualOver},
		{"不到", QualUnder}, {"不足", QualUnder}, {"最多", QualUnder}, {"至多", QualUnder}, {"突破", QualOver},
	}
	// A currency named before the number is skipped like a filler
	// (约新台币202亿元).
	fillers = []string{"达到", "达", "为", "共计", "合计", "总计", "累计", "共", "了", "额", "金额", "总额", "规模",
		"分别为", "分别", "计", "：", ":", "控制在", "有", "达到了", "高达",
		"新台币", "人民币", "台币", "港币", "澳门币"}
	postQualifiers = []struct{ word, qual string }{
		{"左右", QualApprox}, {"上下", QualApprox}, {"以上", QualOver}, {"及以上", QualOver}, {"多", QualOver},
		{"以内", QualUnder}, {"之内", QualUnder}, {"以下", QualUnder}, {"及以下", QualUnder},
	}
)

// keywordEnd walks back from the numeral start over qualifiers and fillers
// and returns where the keyword must end, with the qualifier found.
func keywordEnd(s string, numStart int) (int, string) {
	i, qual := numStart, ""
	for changed := true; changed && i > 0; {
		if !keywordTail[s[i-1]] {
			break // no space, qualifier or filler ends here
		}
		changed = false
		if t := strings.TrimRight(s[:i], " \u3000"); len(t) != i {
			i, changed = len(t), true
		}
		for _, q := range preQualifiers {
			// the last byte rules out most words before the compare
			if w := q.word; len(w) <= i && s[i-1] == w[len(w)-1] && s[i-len(w):i] == w {
				if qual == "" {
					qual = q.qual
				}
				i -= len(q.word)
				changed = true
				break
			}
		}
		if f := hasSuffixAny(s[:i], fillers); f != "" {
			i -= len(f)
			changed = true
		}
	}
	return i, qual
}

// keywordTail holds the last bytes of what keywordEnd walks back over:
// spaces (U+3000 ends in 80), qualifiers and fillers. Before most numbers
// stands a character that ends none of them.
var keywordTail = func() (t [256]bool) {
	t[' '], t["\u3000"[len("\u3000")-1]] = true, true
	for _, q := range preQualifiers {
		t[q.word[len(q.word)-1]] = true
	}
	for _, f := range fillers {
		t[f[len(f)-1]] = true
	}
	return t
}()

// postQualifier reads a qualifier right after the unit.
func postQualifier(s string, unitEnd int) string {
	rest := strings.TrimLeft(s[unitEnd:], " ")
	for _, q := range postQualifiers {
		if strings.HasPrefix(rest, q.word) {
			return q.qual
		}
	}
	return ""
}

// qualifierOf combines the qualifier sources: words before the number, 余/多
// inside it and words after the unit. Conflicting signals give "".
func qualifierOf(pre string, n Number, post string) string {
	q := pre
	if n.Over {
		if q != "" && q != QualOver {
			return ""
		}
		q = QualOver
	}
	if post != "" {
		if q != "" && q != post {
			return ""
		}
		q = post
	}
	return q
}

// maxClauseBytes bounds how far back a clause is searched, so a huge text
// without punctuation stays linear.
const maxClauseBytes = 600

// clauseStart returns the start of the clause holding pos: after the last
// ，,；;：: or the sentence start.
func clauseStart(s string, pos int) int {
	lo := 0
	if pos > maxClauseBytes {
		lo = pos - maxClauseBytes
		for lo < pos && !utf8.RuneStart(s[lo]) {
			lo++
		}
	}
	// The separator ending nearest pos, found by its last byte: no valid
	// character holds the end of another, so this is where walking back
	// character by character would stop, and the largest
	// end LastIndex would give.
	for i := pos; i > lo; i-- {
		switch s[i-1] {
		case ',', ';', ':':
			return i
		case 0x8c, 0x9b, 0x9a, 0x81, 0x9f: // ， ； ： ！ ？ end EF BC 8C, 9B, 9A, 81, 9F
			if i-3 >= lo && s[i-3] == 0xef && s[i-2] == 0xbc {
				return i
			}
		case 0x82: // 。 is E3 80 82
			if i-3 >= lo && s[i-3] == 0xe3 && s[i-2] == 0x80 {
				return i
			}
		}
	}
	return lo
}

// clauseEnd returns the end of the clause holding pos.
func clauseEnd(s string, pos int) int {
	hi := min(len(s), pos+maxClauseBytes)
	for i := pos; i < hi; {
		r, n := decodeAt(s, i)
		switch r {
		case '，', ',', '；', ';', '。', '！', '？':
			return i
		}
		i += n
	}
	if hi < len(s) {
		for hi > pos && !utf8.RuneStart(s[hi]) {
			hi--
		}
		return hi
	}
	return len(s)
}

// hasSuffixAny returns the longest of words that s ends with.
func hasSuffixAny(s string, words []string) string {
	best := ""
	for _, w := range words {
		// The last byte rules out almost every word before a full compare;
		// these lists are searched once per candidate figure.
		if len(w) > len(best) && len(w) <= len(s) && len(w) > 0 && s[len(s)-1] == w[len(w)-1] && s[len(s)-len(w):] == w {
			best = w
		}
	}
	return best
}

// suffixIndex is a word list grouped by its words' last bytes, each group
// in the list's order: longest finds what hasSuffixAny finds comparing only
// the words that end as s does (the lists searched once per candidate
// figure hold up to 80 words). It is not changed once built.
type suffixIndex [256][]string

func newSuffixIndex(words []string) *suffixIndex {
	var x suffixIndex
	for _, w := range words {
		if w != "" {
			x[w[len(w)-1]] = append(x[w[len(w)-1]], w)
		}
	}
	return &x
}

// longest is hasSuffixAny(s, words) for the words x was built from.
func (x *suffixIndex) longest(s string) string {
	if s == "" {
		return ""
	}
	best := ""
	for _, w := range x[s[len(s)-1]] {
		if len(w) > len(best) && len(w) <= len(s) && s[len(s)-len(w):] == w {
			best = w
		}
	}
	return best
}

// hasPrefixAny returns the longest of words that s starts with.
func hasPrefixAny(s string, words []string) string {
	best := ""
	for _, w := range words {
		// The last byte of w, which for a Chinese word varies far more than
		// the first, rules out most words before a full compare.
		if len(w) > len(best) && len(w) <= len(s) && len(w) > 0 && s[len(w)-1] == w[len(w)-1] && s[:len(w)] == w {
			best = w
		}
	}
	return best
}
