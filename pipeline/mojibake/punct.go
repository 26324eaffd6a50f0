package mojibake

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Punctuation context for inferred characters. The character model scores
// punctuation by class alone, so a lost 。 at a line end ties with 、 and
// a lost ” with “. Two facts of Chinese text tell them apart, and neither
// needs the neighbours' words: brackets and quotes come in pairs (a closer
// follows its opener on the line), and a line ends a sentence or a
// heading, never inside a list or before what an opener opens.

// pairOf maps each closing bracket or quote to its opener.
var pairOf = map[rune]rune{
	'”': '“', '’': '‘', '）': '（', '》': '《', '」': '「', '』': '『',
	'】': '【', '〕': '〔', '〉': '〈', '］': '［', '｝': '｛', '〗': '〖', '〙': '〘', '〛': '〚',
	')': '(',
}

// opens reports an opening bracket or quote.
func opens(r rune) bool {
	switch r {
	case '“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '［', '｛', '〖', '〘', '〚':
		return true
	}
	return false
}

// Log odds, in nats, added to a candidate choice by punctuation context.
// Set by hand, like the model's class scores, then checked on the tuning
// half of the realistic benchmark: a closer with its opener open on the
// line gains closerOpen; a closer with none, an opener at a line end, or
// a mark that continues a sentence (、，；) at a line end pays
// punctMisplaced; a full stop, question or exclamation mark at a line end
// gains lineEnder. closerOpen is above the GBK inference margin: where
// the model scores a closer and other marks alike (before ASCII), the open
// bracket alone decides (3.0 left them U+FFFD; at 4.5 the tuning half
// inferred 79 more characters of UTF-8 read as GBK, as precisely), and a
// closer that lost two bytes needs no more than that lead (emit).
const (
	closerOpen     = 4.5
	punctMisplaced = -8.0
	lineEnder      = 5.0
)

// closesOpen reports whether r closes a bracket or quote left open in
// prefix.
func closesOpen(r rune, prefix []rune) bool {
	op, ok := pairOf[r]
	if !ok {
		return false
	}
	depth := 0
	for _, c := range prefix {
		switch {
		case c == op:
			depth++
		case c == r && depth > 0:
			depth--
		}
	}
	return depth > 0
}

// lostOpener reports whether the text before a closer may open with its
// opener op, lost: where a title or quotation in brackets stands, at the
// line's start or after a colon (题目:《寒食》), the line has a U+FFFD that
// is unknown or could be op. prefix is the line before the run as found,
// rs the run so far and cands the candidates at its lost positions.
func lostOpener(op rune, prefix, rs []rune, cands [][]rune) bool {
	opensAt := func(before []rune) bool {
		for i := len(before) - 1; i >= 0; i-- {
			switch c := before[i]; {
			case c == ' ' || c == '\t' || c == '　':
				continue
			case c == ':' || c == '：':
				return true
			default:
				return false
			}
		}
		return true
	}
	for i, r := range prefix {
		if r == utf8.RuneError && opensAt(prefix[:i]) {
			return true
		}
	}
	for k, r := range rs {
		if r == utf8.RuneError && (cands[k] == nil || slices.Contains(cands[k], op)) {
			if opensAt(append(append([]rune(nil), prefix...), rs[:k]...)) {
				return true
			}
		}
	}
	return false
}

// punctContext returns the log odds punctuation context adds to candidate
// r, given the line before it (prefix, in order) and whether the line
// ends right after it.
func punctContext(r rune, prefix []rune, lineEnd bool) float64 {
	if _, ok := pairOf[r]; ok {
		if closesOpen(r, prefix) {
			if lineEnd {
				// The line ends with the bracket open: closing it ends
				// the line as well as a full stop would (《寒食》).
				return closerOpen + lineEnder
			}
			return closerOpen
		}
		return punctMisplaced
	}
	if !lineEnd {
		return 0
	}
	if opens(r) {
		return punctMisplaced
	}
	switch r {
	case '。', '？', '！', '?', '!':
		return lineEnder
	case '　', '、', '，', '；', '〃', '〄', '々', '〆', '〒', '〓', '〜', '〝', '〠', '‘', '‚', '‛', '„', '‟', '＂', '＃', '＄', '％', '＆', '＇', '＊', '＋', '－', '／', '＜', '＝', '＞', '＠', '＼', '＾', '＿', '｀', '｜', '～':
		return punctMisplaced
	}
	return 0
}

// Numbers. The character model knows no digit, so after "9" or "364.5" it
// ranks a lost character by its frequency alone, and 公里 loses to 八里.
// What follows a number in Chinese text is a small closed set: units,
// measure words, date parts and 余/多; a candidate of the set gains
// afterNumber there.
const afterNumber = 3.0

// repeatedUnit is what a follower gains more when it followed a number
// earlier on the line: enough to settle 从7天减为5天 against 5多 or 5处,
// which are followers too.
const repeatedUnit = 6.0

// notAfterNumber is what another Han character loses after a number. Of
// the Han characters after a digit in the odd-numbered realdev passages,
// 86% are followers, whose share of the model's character mass is 7.8%:
// log odds of +2.4 for a follower and -1.9 for any other, a spread of 4.3
// nats, of which afterNumber gives 3.
const notAfterNumber = 1.3

// betweenNumbers are the Han characters that stand between two numbers:
// multipliers (26億5,636萬), date parts (2022年4月) and ranges (1至8月).
// Of the Han characters between digits in the odd-numbered realdev
// passages, 21 of 22 are these, whose share of the model's character mass
// is 1.7%: with one count of smoothing each way, log odds of +4.0 for
// them and -2.5 for any other Han character, in place of those after a
// number.
const (
	betweenNumbers = "万萬亿億千百年月至点點比到"
	inBetween      = 4.0
	notInBetween   = 2.5
)

// countMeasures are the measure words of counts, which alone of the
// number followers stand between two numbers, where the count goes on to
// a second figure (改造22条150公里, 新建3座1200米): 3度1200米 and
// 12多35公里 are no text. measureBetween is what they gain there.
const (
	countMeasures  = "个個条條座处處项項件家户戶辆輛台臺所批次名只隻张張套架艘列趟段栋棟间間份种種类類"
	measureBetween = afterNumber
)

// multiplierRank orders the multipliers (百 < 千 < 万 < 亿), 0 for any
// other character: 5万2000 is a number, 5万2000万 is not (it was 5个2000万).
func multiplierRank(r rune) int {
	return strings.IndexRune("百千万亿", foldMultiplier(r)) + 1
}

func foldMultiplier(r rune) rune {
	switch r {
	case '萬':
		return '万'
	case '億':
		return '亿'
	}
	return r
}

// nextMultiplier returns the character after the number that after
// starts with, when it is a known (not lost) one, else 0.
func nextMultiplier(after []slot) rune {
	for _, s := range after {
		if digit(s.r) || s.r == '.' || s.r == ',' {
			continue
		}
		if s.r == '\uFFFD' {
			return 0
		}
		return s.r
	}
	return 0
}

// numberFollowers are the characters that follow a number (both scripts).
const numberFollowers = "年月日号時时分秒个個万萬亿億千百元角米公吨噸项項条條座家人次名位户戶辆輛件台臺批所处處倍度岁歲天周週期份种種类類篇章节節页頁段层層栋棟间間只隻张張本套架艘列班趟站里亩畝顷頃斤升余餘多至"

// numberContext returns the log odds that a number just before r adds,
// given the line before it (prefix): a follower gains afterNumber, and
// repeatedUnit more when it followed a number earlier on the line.
//
// units, when not nil, holds the followers read after a number earlier in
// the text: one of them gains pageUnit instead of nothing more.
func numberContext(r, left rune, prefix []rune, after []slot, units *unitMemory) float64 {
	if (left == ')' || left == '）') && len(prefix) > 0 && prefix[len(prefix)-1] == left {
		// "9.7萬(wàn)公里": a reading annotation between the number and
		// its unit.
		if k := annotationStart(prefix); k > 0 {
			left, prefix = prefix[k-1], prefix[:k]
		}
	}
	if left == ' ' && len(prefix) > 0 && prefix[len(prefix)-1] == ' ' {
		// "由 60 天": a space between the number and its unit
		k := len(prefix) - 1
		for k > 0 && prefix[k] == ' ' {
			k--
		}
		left, prefix = prefix[k], prefix[:k+1]
	}
	// One numeral is a number before a metric unit (约六公里, 长二公里),
	// where the words it makes (统一, 万一) seldom stand; UTF-8 公里 read
	// as GBK always loses a byte of 公.
	oneNumeral := strings.ContainsRune(chineseNumerals, left) && len(prefix) > 0 && prefix[len(prefix)-1] == left && len(after) > 0 && (after[0].r != '\uFFFD' || after[0].cands != nil) && metricNext(after[0])
	if !digit(left) && !(len(prefix) > 0 && prefix[len(prefix)-1] == left && endsNumber(prefix)) && !oneNumeral {
		return 0
	}
	if len(after) > 0 && digit(after[0].r) {
		// Between two numbers: 26億5,636萬, 2022年4月, 1至8月.
		switch {
		case strings.ContainsRune(betweenNumbers, r) && !(multiplierRank(r) > 0 && multiplierRank(r) <= multiplierRank(nextMultiplier(after))):
			return inBetween
		case strings.ContainsRune(countMeasures, r):
			// A count's measure word before a second figure (改造22条
			// 150公里, 新建3座1200米) ranks above what follows no number.
			return measureBetween
		case unicode.Is(unicode.Han, r):
			return -notInBetween
		}
		return 0
	}
	if !strings.ContainsRune(numberFollowers, r) {
		if unicode.Is(unicode.Han, r) {
			return -notAfterNumber
		}
		return 0
	}
	if r == '公' && len(after) > 0 && !metricNext(after[0]) {
		// 公 follows a number only as the first of a metric unit (公里,
		// 公顷, 公尺...: 36 of 36 in the odd realdev passages): "3876公,"
		// and "1,800萬公," were 元.
		return -notMetric
	}
	for i := 1; i < len(prefix); i++ {
		if prefix[i] == r && digit(prefix[i-1]) {
			return afterNumber + repeatedUnit
		}
	}
	if units.has(r) {
		return afterNumber + pageUnit
	}
	return afterNumber
}

// metricSeconds are the second characters of the metric units written
// with 公 (公里, 公顷, 公斤, 公尺, 公分, 公升, 公吨, 公亩, 公克, 公寸, 公厘).
const metricSeconds = "里顷頃斤尺分升吨噸亩畝克寸厘釐"

// notMetric is what 公 after a number loses when what follows is no
// metric unit's second character: with one count of smoothing, 1 in 37
// of such 公 would be, log(37).
const notMetric = 3.6

// metricNext reports whether s, the character after a 公, may be the rest
// of a metric unit (or is lost with nothing known of it).
func metricNext(s slot) bool {
	if s.r == '\uFFFD' && s.cands == nil {
		return true
	}
	for _, c := range metricSeconds {
		if s.can(c) {
			return true
		}
	}
	return false
}

// pageUnit is what a follower gains more when it followed a number
// elsewhere in the text being repaired (a page of money keeps writing 元).
// Set on the tuning half of the realistic corruption benchmark: at 4, 7
// more inferences there, all right; at 6, two wrong ones.
const pageUnit = 4.0

// unitMemory holds the followers read after a number in the text being
// repaired, in text order: only characters read from bytes that survived,
// never inferred ones.
type unitMemory struct {
	seen  []rune
	fixed bool // seen holds the whole text's: note adds nothing
}

func (u *unitMemory) reset() { u.seen, u.fixed = u.seen[:0], false }

// fix keeps what was seen for a second reading of the same text.
func (u *unitMemory) fix() { u.fixed = true }

func (u *unitMemory) has(r rune) bool { return u != nil && slices.Contains(u.seen, r) }

// note adds the followers after a number in rs, the characters of a
// repaired run (U+FFFD where lost) after the line's text prefix.
func (u *unitMemory) note(prefix, rs []rune) {
	if u == nil || u.fixed {
		return
	}
	prev := func(k int) []rune {
		// The text before rs[k]; most runs are short, so the line's
		// prefix is joined only when a follower needs it.
		if k >= 2 {
			return rs[:k]
		}
		return append(append(make([]rune, 0, len(prefix)+k), prefix...), rs[:k]...)
	}
	for k, r := range rs {
		if r == utf8.RuneError || !strings.ContainsRune(numberFollowers, r) || u.has(r) {
			continue
		}
		before := prev(k)
		n := len(before)
		if n > 1 && before[n-1] == utf8.RuneError && digit(before[n-2]) {
			// "5,636\uFFFD元": after a number and a lost multiplier
			n--
		}
		if n > 0 && (digit(before[n-1]) || endsNumber(before[:n])) {
			u.seen = append(u.seen, r)
		}
	}
}

func digit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// chineseNumerals are the characters of Chinese numerals and of the
// multipliers written after Arabic digits (3.5亿, 2000多万).
const chineseNumerals = "〇零一二三四五六七八九十百千万萬亿億两兩廿卅"

// endsNumber reports whether text ends with a number written with Chinese
// numerals: two of them ("十二", "三百"), or one after Arabic digits and
// 多/余 ("2000多万", "3.5亿"). One alone is too often a word (统一, 万一).
func endsNumber(text []rune) bool {
	n := 0
	for i := len(text) - 1; i >= 0; i-- {
		c := text[i]
		switch {
		case strings.ContainsRune(chineseNumerals, c):
			n++
		case digit(c):
			return n > 0
		case (c == '多' || c == '余' || c == '餘' || c == '.') && n > 0:
		default:
			return n >= 2
		}
	}
	return n >= 2
}

// Lengths. Before a number and a unit of length, a lost character is far
// more often the dimension the number measures (全长68.66公里, 宽12米)
// than a word the model ranks as high (全镇): such a candidate gains
// beforeLength.
const beforeLength = 3.0

// dimensions are the characters that name what a length measures.
const dimensions = "长長宽寬高深厚距程"

// suffixLen is how many characters after a repaired run lengthContext may
// read.
const suffixLen = 16

// slot is a character after a lost one: as read, or, where it is lost
// too, the candidates it has.
type slot struct {
	r     rune
	cands []rune
}

func (s slot) can(r rune) bool {
	return s.r == r || s.r == '\uFFFD' && slices.Contains(s.cands, r)
}

// afterSlots joins the rest of a run (rs, with the candidates of its lost
// characters) and the text after it.
func afterSlots(rs []rune, cands [][]rune, suffix []rune) []slot {
	out := make([]slot, 0, len(rs)+len(suffix))
	for i, r := range rs {
		out = append(out, slot{r: r, cands: cands[i]})
	}
	for _, r := range suffix {
		out = append(out, slot{r: r})
	}
	return out
}

// lengthContext returns the log odds that a following number with a unit
// of length (after, the characters after the lost one) adds to r. The
// unit may be lost too (68.66��, whose candidates hold 公 and 里) or not
// repaired yet (garbledKm: 公 as the mechanism misreads it).
func lengthContext(r rune, after []slot, garbledKm string) float64 {
	if !strings.ContainsRune(dimensions, r) {
		return 0
	}
	i := 0
	for i < len(after) && after[i].r == ' ' {
		i++
	}
	n := i
	for i < len(after) && (digit(after[i].r) || after[i].r == '.' || after[i].r == ',' || strings.ContainsRune(chineseNumerals, after[i].r)) {
		i++
	}
	if i == n {
		return 0
	}
	for i < len(after) && (after[i].r == ' ' || after[i].r == '多' || after[i].r == '余' || after[i].r == '餘') {
		i++
	}
	at := func(k int) slot {
		if i+k < len(after) {
			return after[i+k]
		}
		return slot{r: -1}
	}
	switch {
	case at(0).can('公') && at(1).can('里'), at(0).can('千') && at(1).can('米'), at(0).r == '米',
		at(0).r == 'k' && at(1).r == 'm':
		return beforeLength
	case at(0).r == '\uFFFD' && at(0).cands == nil && at(1).can('里'):
		// 公 lost in text after the run ("全� 100 �里")
		return beforeLength
	case garbledKm != "" && string(at(0).r) == garbledKm:
		return beforeLength
	}
	return 0
}

// garbled returns how the mechanism's wrong reader reads the first two
// bytes of s written in the right code ("鍏" for 公 in UTF-8 read as GBK),
// or "" when they are one character of the right code already.
func garbled(m *mechanism, s string) string {
	var b []byte
	for _, c := range s {
		var ok bool
		if b, ok = m.right.encode(b, c); !ok {
			return ""
		}
	}
	if len(b) < 2 {
		return ""
	}
	r, n, ok := m.wrong.decode(b[:2])
	if !ok || n != 2 || strings.ContainsRune(s, r) {
		return ""
	}
	return string(r)
}

// Counts and spans. Two structures of report text settle a lost character
// the model finds no better than its neighbours in the byte range: the
// measure word between a number and what it counts (20个工作日, where 20万
// and 20上 read as well to the model), and the "from" of a from-to pair
// (时间从20个工作日压减至5个, where 仅20 reads as well).
const (
	countWord = 5.0
	fromWord  = 5.0
)

// countedNouns are what 个 must stand before after a number.
var countedNouns = []string{"工作日", "月", "小时", "小時", "百分点", "百分點", "项目", "項目", "乡镇", "鄉鎮", "村", "县", "縣", "省", "城市", "环节", "環節", "部门", "部門", "窗口", "批次", "季度", "阶段", "階段", "方面"}

// fromVerbs close a from-to pair later in the clause.
var fromVerbs = []string{"至", "到", "减为", "減為", "压减", "壓減", "缩短", "縮短", "精简", "精簡", "压缩", "壓縮", "降为", "降為", "减少", "減少"}

// countContext returns the log odds a number before r and a counted noun
// after it, or a number after r and a from-to verb later in the clause,
// add to r.
func countContext(r, left rune, prefix []rune, after []slot) float64 {
	switch r {
	case '个', '個':
		if !digit(left) && !(len(prefix) > 0 && prefix[len(prefix)-1] == left && endsNumber(prefix)) {
			return 0
		}
		rest := slotText(after, 4)
		for _, n := range countedNouns {
			if strings.HasPrefix(rest, n) {
				return countWord
			}
		}
	case '从', '從', '由':
		if len(after) == 0 || !digit(after[0].r) {
			return 0
		}
		rest := slotText(after, 24)
		if k := strings.IndexAny(rest, "，,。；;"); k >= 0 {
			rest = rest[:k]
		}
		for _, v := range fromVerbs {
			if strings.Contains(rest, v) {
				return fromWord
			}
		}
	}
	return 0
}

// slotText is the text of the first n slots as read (a lost one is U+FFFD).
func slotText(after []slot, n int) string {
	var sb strings.Builder
	for _, s := range after[:min(n, len(after))] {
		sb.WriteRune(s.r)
	}
	return sb.String()
}

// annotationStart returns the index of the opening parenthesis of a
// reading annotation (letters, tone marks, spaces; no digit) that ends
// text, or -1.
func annotationStart(text []rune) int {
	letters := 0
	for k := len(text) - 2; k >= 0 && k >= len(text)-40; k-- {
		switch c := text[k]; {
		case c == '(' || c == '（':
			if letters == 0 {
				return -1
			}
			return k
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xc0 && c < 0x2e80:
			letters++
		case c == ' ' || c == '\'' || c == '-':
		default:
			return -1
		}
	}
	return -1
}

// unitGoesOn returns the characters that gain repeatedUnit after line:
// where the Han characters between its last digit and its end began a
// unit after a number earlier on the line, what came next there (20个工作日
// ... 5个工作 + 日). Two characters at least: one alone is often a measure
// word that many nouns follow (3个项目、5个部门). Nil, mostly.
func unitGoesOn(line []rune) []rune {
	n := len(line)
	k := n - 1
	for k >= 0 && n-1-k <= maxUnitPrefix && !digit(line[k]) {
		if !unicode.Is(unicode.Han, line[k]) {
			return nil
		}
		k--
	}
	if k < 0 || !digit(line[k]) || n-1-k < 2 || n-1-k > maxUnitPrefix {
		return nil
	}
	u := line[k+1:]
	var next []rune
	for i := 1; i+len(u) < k; i++ {
		if digit(line[i-1]) && slices.Equal(line[i:i+len(u)], u) && !slices.Contains(next, line[i+len(u)]) {
			next = append(next, line[i+len(u)])
		}
	}
	return next
}

// maxUnitPrefix is the most characters of a unit unitGoesOn reads before
// the one it judges (个工作 of 个工作日).
const maxUnitPrefix = 4
