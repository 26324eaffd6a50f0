package extractors

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkMarks checks the one pass over a sentence against the searches it
// replaced, each kind's own, run here over the same text.
func checkMarks(t *testing.T, s string) {
	t.Helper()
	var m sentenceMarks
	// a buffer left from another sentence must not show through
	scanMarksOf("由1000公里5亿。成％\uFFFD", &m)
	scanMarksOf(s, &m)
	for _, c := range []struct {
		name      string
		got, want [][2]int
	}{
		{"length", m.length, lengthUnits(s)},
		{"money", m.money, moneyUnits(s)},
		{"money (reference)", m.money, refMoneyUnits(s)},
		{"percent", m.percent, percentMarks(s)},
		{"percent (regexp)", m.percent, pairs(refPercentRe.FindAllStringIndex(s, -1))},
		{"length (regexp)", m.length, pairs(refLengthRe.FindAllStringIndex(s, -1))},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s marks of %q = %v, want %v", c.name, s, c.got, c.want)
		}
	}
	for _, c := range []struct {
		name      string
		got, want []int
	}{
		{"from", m.from, refFromMarks(s)},
		{"lost", m.lost, refIndexAll(s, lost)},
		{"成", m.tenths, refIndexAll(s, "成")},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s marks of %q = %v, want %v", c.name, s, c.got, c.want)
		}
	}
	var tenths [][2]int
	for _, k := range m.tenths {
		if tenthsAt(s, k) {
			tenths = append(tenths, [2]int{k, k + len("成")})
		}
	}
	if want := refTenthsMarks(s); !slices.Equal(tenths, want) {
		t.Errorf("tenths of %q = %v, want %v", s, tenths, want)
	}
}

// markCases are texts the marks may be hidden in: side by side, inside
// broken characters, cut at the end, among characters that share their
// first byte.
var markCases = []string{
	"", "由", "从从由", "由由从由", "\xe7由\x94\xb1", "\xe4\xbb", "\xe7\x94",
	"5公里千米km KM Km kM k", "公里公", "公\xe9\x87", "千米千", "7\u212Am\u212AM\u212A", "\xe2\x84\xaa", "kkm",
	"1亿元、2万，3亿\n4万人民币5万 6亿亿元", "万", "亿", "万元亿", "5万。", "6亿x", "\xe4\xba\xbf\xe5\x85\x83",
	"50%％百分之百分百分之", "百分", "百分之", "\xef\xbc", "％\xef\xbc\x85",
	"\uFFFD20天\uFFFD", "\xef\xbf", "\xef\xbf\xbd\xbd",
	"四成七成十成二十成成", "成", "\xe6\x88\x90成", "4成", "５成６成",
	"办理时间由60个工作日缩减至5个工作日，从3天减至1天", "审批时限压减87.5%，材料精简四成",
	"新建农村公路120公里，完成投资18.6亿元，争取补助5000万元",
	"\xed\x9f\xbf公里\xe0\xa4\x80由\U0001F600成", "\x80\x80\xbf元",
}

func TestSentenceMarks(t *testing.T) {
	for _, s := range markCases {
		checkMarks(t, s)
	}
	for _, s := range scanCases {
		checkMarks(t, s)
	}
}

// FuzzSentenceMarks checks the one pass against each kind's own search.
//
//	go test -run '^$' -fuzz FuzzSentenceMarks ./extractors/
func FuzzSentenceMarks(f *testing.F) {
	for _, s := range markCases {
		f.Add(s)
	}
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMarks(t, s)
	})
}

// refFromMarks is where the cut extractor's search for 由 or 从 found them,
// one after another, searched as it did.
func refFromMarks(t string) []int {
	var out []int
	for i := 0; ; {
		a, b := indexByLast(t[i:], "由"), indexByLast(t[i:], "从")
		j := a
		if a < 0 || b >= 0 && b < a {
			j = b
		}
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len("由")
	}
}

// refIndexAll is every place w starts in t, found by strings.Index; w's
// occurrences never overlap.
func refIndexAll(t, w string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(t[i:], w)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(w)
	}
}

// refTenthsMarks is the search for shares in tenths the cut extractor made
// before the one pass: every 成 after one digit that follows no other
// numeral.
func refTenthsMarks(t string) [][2]int {
	var out [][2]int
	for _, k := range refIndexAll(t, "成") {
		r, n := utf8.DecodeLastRuneInString(t[:k])
		if !strings.ContainsRune(tenthDigits, r) {
			continue
		}
		if p, _ := utf8.DecodeLastRuneInString(t[:k-n]); k-n > 0 && isNumeralRune(p) {
			continue
		}
		out = append(out, [2]int{k, k + len("成")})
	}
	return out
}

// BenchmarkSentenceMarks is the one pass over the candidate sentences of
// every labelled text, against BenchmarkSentenceMarksPeer, the searches it
// replaced, over the same sentences.
func BenchmarkSentenceMarks(b *testing.B) {
	sents, n := candidateSentences(b)
	b.SetBytes(int64(n))
	var m sentenceMarks
	for b.Loop() {
		for _, s := range sents {
			scanMarksOf(s, &m)
		}
	}
}

func BenchmarkSentenceMarksPeer(b *testing.B) {
	sents, n := candidateSentences(b)
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range sents {
			_ = lengthUnits(s)
			_ = moneyUnits(s)
			_ = percentMarks(s)
			_ = refFromMarks(s)
			_ = refIndexAll(s, lost)
			_ = refTenthsMarks(s)
		}
	}
}

// candidateSentences are the sentences of the labelled texts extract hands
// the extractors (a mark and a numeral in each), and their bytes.
func candidateSentences(tb testing.TB) ([]string, int) {
	tb.Helper()
	var out []string
	n := 0
	for _, text := range corpusTexts(tb) {
		var sents []scanned
		for _, p := range splitParagraphs(text) {
			sents = scanSentences(sents[:0], text, p)
			for _, sc := range sents {
				if sc.flags&(flagMark|flagNumeral) == flagMark|flagNumeral {
					out = append(out, text[sc.start:sc.end])
					n += sc.end - sc.start
				}
			}
		}
	}
	return out, n
}

// TestDecode3 checks decode3 on every three bytes that may start a
// character, and cut short, against its definition: a lead E1-EF other
// than ED and two continuation bytes, decoded as utf8 does.
func TestDecode3(t *testing.T) {
	buf := make([]byte, 3)
	for c := 0x00; c <= 0xff; c++ {
		for b1 := 0x00; b1 <= 0xff; b1++ {
			for b2 := 0x00; b2 <= 0xff; b2++ {
				buf[0], buf[1], buf[2] = byte(c), byte(b1), byte(b2)
				s := string(buf)
				wantOK := c >= 0xe1 && c <= 0xef && c != 0xed && b1&0xc0 == 0x80 && b2&0xc0 == 0x80
				r, ok := decode3(s, 0)
				if ok != wantOK {
					t.Fatalf("decode3(%q) ok = %v, want %v", s, ok, wantOK)
				}
				if want, _ := utf8.DecodeRuneInString(s); ok && r != want {
					t.Fatalf("decode3(%q) = %U, want %U", s, r, want)
				}
				if _, ok := decode3(s[:2], 0); ok {
					t.Fatalf("decode3(%q) ok for two bytes", s[:2])
				}
				if _, ok := decode3("x"+s[:2], 1); ok {
					t.Fatalf("decode3 ok for two bytes at the end")
				}
			}
		}
	}
}

// TestBlankHelpers checks isBlank, trimSpace, trimBlankLeft, trimBlankRight,
// atLeastRunes and indexOpenBracket against the functions they stand for.
func TestBlankHelpers(t *testing.T) {
	cases := []string{"", " ", "\t\r\n\v\f ", "\u3000", "\u3000 a \u3000", "a", " a", "a ", "\u00a0", "\u0085x",
		"\u2028", "\xe3\x80", "\xe3\x80\x80\x80", "\x80\u3000", "\u3000\xe3", "中文 ", " \t中\r", "\xff ", " \xff",
		"\u3000\u3000\t\r", "\r\n", "x\u3000\u3000", "\u200b", "\ufeff", "\u3001",
		"二十个字符的一行：一二三四五六七八九十一二", "\xed\xa0\x80一二三四五六七八九十一二三四五六七八九十", "\xf0\x9f\x98\x80一二三四五六七八九十一二三四五六七八九",
		"中\u3000", "\u3000中", "中\u2028", "\u1680中文\u205f", "中\u202f", "中\u3001", "中 ", " 中", "中文\n", "\u00a0中", "中\xe3\x80",
		"改革前时限（工作日）(天)", "a(（", "（(", "\xe4\xef\xbc\x88(", "\xef\xbc", "(\xef\xbc\x88"}
	for _, s := range cases {
		checkBlank(t, s)
	}
	for _, s := range scanCases {
		checkBlank(t, s)
	}
}

func checkBlank(t *testing.T, s string) {
	t.Helper()
	if got, want := isBlank(s), strings.TrimSpace(s) == ""; got != want {
		t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
	}
	if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
		t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimBlankLeft(s), strings.TrimLeft(s, " \t\r\u3000"); got != want {
		t.Errorf("trimBlankLeft(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimBlankRight(s), strings.TrimRight(s, " \t\r\u3000"); got != want {
		t.Errorf("trimBlankRight(%q) = %q, want %q", s, got, want)
	}
	if got, want := indexOpenBracket(s), strings.IndexAny(s, "（("); got != want {
		t.Errorf("indexOpenBracket(%q) = %d, want %d", s, got, want)
	}
	for n := range 25 {
		if got, want := atLeastRunes(s, n), utf8.RuneCountInString(s) >= n; got != want {
			t.Errorf("atLeastRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	}
}

// FuzzBlankHelpers checks the helpers on any text.
func FuzzBlankHelpers(f *testing.F) {
	f.Add(" \u3000a\u3000\t")
	f.Fuzz(checkBlank)
}

// refKeywordEnd is keywordEnd as first written, without its test of the
// byte before the number.
func refKeywordEnd(s string, numStart int) (int, string) {
	i, qual := numStart, ""
	for changed := true; changed && i > 0; {
		changed = false
		if t := strings.TrimRight(s[:i], " \u3000"); len(t) != i {
			i, changed = len(t), true
		}
		for _, q := range preQualifiers {
			if strings.HasSuffix(s[:i], q.word) {
				if qual == "" {
					qual = q.qual
				}
				i -= len(q.word)
				changed = true
				break
			}
		}
		if f := refHasSuffixAny(s[:i], fillers); f != "" {
			i -= len(f)
			changed = true
		}
	}
	return i, qual
}

func checkKeywordEnd(t *testing.T, s string) {
	t.Helper()
	for pos := 0; pos <= len(s); pos++ {
		gi, gq := keywordEnd(s, pos)
		wi, wq := refKeywordEnd(s, pos)
		if gi != wi || gq != wq {
			t.Errorf("keywordEnd(%q, %d) = %d %q, want %d %q", s, pos, gi, gq, wi, wq)
		}
	}
}

func TestKeywordEnd(t *testing.T) {
	for _, s := range []string{"总投资约为 12亿元", "投资达到了\u3000约 5亿", "计划投资人民币不超过3亿元", "全长：约12公里",
		"不超过不少于约", "共计合计总计5", "额金额总额", "高达 \u3000 近\u3000 1", "约\xe3\x80 5", "\x80 2", "：:共有"} {
		checkKeywordEnd(t, s)
	}
	for _, s := range scanCases {
		checkKeywordEnd(t, s)
	}
}

func FuzzKeywordEnd(f *testing.F) {
	f.Add("总投资约为 12亿元")
	f.Fuzz(checkKeywordEnd)
}

// TestDedupeLong checks dedupeLong against dedupe's stable sorts on lists
// of figures with many equal ends and starts.
func TestDedupeLong(t *testing.T) {
	for seed := range 200 {
		checkDedupe(t, uint64(seed), 1+seed*3)
	}
}

func FuzzDedupeLong(f *testing.F) {
	f.Add(uint64(1), 100)
	f.Fuzz(func(t *testing.T, seed uint64, n int) {
		checkDedupe(t, seed, n%2000)
	})
}

func checkDedupe(t *testing.T, seed uint64, n int) {
	t.Helper()
	if n < 0 {
		n = -n
	}
	x := seed*0x9e3779b97f4a7c15 + 1
	next := func(m int) int { // xorshift: any list will do, repeatably
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(m))
	}
	figs := make([]Figure, n)
	for i := range figs {
		start := next(n/4 + 1)
		figs[i] = Figure{Start: start, End: start + next(4), ValueText: itoa(i)}
	}
	want := dedupeSorting(slices.Clone(figs))
	if got := dedupeLong(slices.Clone(figs)); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
		t.Fatalf("dedupeLong of %d figures (seed %d) = %v, want %v", n, seed, got, want)
	}
	if got := dedupe(slices.Clone(figs)); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
		t.Fatalf("dedupe of %d figures (seed %d) = %v, want %v", n, seed, got, want)
	}
}

// refSkipPlain is skipPlain's loop written with decode3.
func refSkipPlain(s string, i int, flags *[0x10000]uint8, mask uint8) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if flags[c]&mask != 0 {
				return i
			}
			i++
			continue
		}
		r, ok := decode3(s, i)
		if !ok || flags[r]&mask != 0 {
			return i
		}
		i += 3
	}
	return i
}

func checkSkipPlain(t *testing.T, s string) {
	t.Helper()
	flags := runeFlags()
	for _, mask := range []uint8{scanFlags, flagBefore, flagNumeral, 0xff, 0} {
		for i := 0; i <= len(s); i++ {
			if got, want := skipPlain(s, i, flags, mask), refSkipPlain(s, i, flags, mask); got != want {
				t.Errorf("skipPlain(%q, %d, %#x) = %d, want %d", s, i, mask, got, want)
			}
		}
	}
}

func TestSkipPlain(t *testing.T) {
	for _, s := range append(append([]string{"中文中文", "中\xed\x9f\xbf文", "中\xe0\xa4\x80", "中文\xe4\xb8", "中文\xe4", "中\xef\xbf\xbd",
		"\xe1\x80\x80\xef\xbf\xbf\xe1\xbf\x80\xe1\x80\xc0", "文公里元"}, markCases...), scanCases...) {
		checkSkipPlain(t, s)
	}
}

func FuzzSkipPlain(f *testing.F) {
	f.Add("中文\xe4\xb8公里")
	f.Fuzz(checkSkipPlain)
}

// TestSkipPlainPairs holds skipPlain's two-character steps to refSkipPlain
// on generated texts long enough to take them, from every offset: valid
// characters flagged and not, the leads E0 and ED, broken and four-byte
// characters and ASCII at every alignment; then on every corpus text.
func TestSkipPlainPairs(t *testing.T) {
	pieces := []string{"中", "文", "路", "。", "元", "公", "a", "1", " ", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
		"\xe0\x80\x80", "\xef\xbf\xbd", "\x80", "\xe4\xb8", "\xe4", "é", "😀", "\xe1\x80\x80", "\xef\xbf\xbf"}
	rng := rand.New(rand.NewPCG(20, 26))
	flags := runeFlags()
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(16); k > 0; k-- {
			// plain characters most often, as in a text
			if rng.IntN(3) > 0 {
				b.WriteString("中文")
				continue
			}
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, mask := range []uint8{scanFlags, flagBefore, 0xff, 0} {
			for i := 0; i <= len(s); i++ {
				if got, want := skipPlain(s, i, flags, mask), refSkipPlain(s, i, flags, mask); got != want {
					t.Fatalf("skipPlain(%q, %d, %#x) = %d, want %d", s, i, mask, got, want)
				}
			}
		}
	}
	codes := markRunes()
	for _, s := range corpusTexts(t) {
		for _, tc := range []struct {
			flags *[0x10000]uint8
			mask  uint8
		}{{flags, scanFlags}, {flags, flagBefore}, {codes, 0xff}} {
			for i := 0; i < len(s); {
				got, want := skipPlain(s, i, tc.flags, tc.mask), refSkipPlain(s, i, tc.flags, tc.mask)
				if got != want {
					t.Fatalf("skipPlain(text[%d:], %#x) = %d, want %d", i, tc.mask, got, want)
				}
				i = want + 1
			}
		}
	}
}

// BenchmarkSkipPlain is skipPlain as scanSentences calls it, over every
// corpus text: from each flagged character to the next.
func BenchmarkSkipPlain(b *testing.B) {
	texts := corpusTexts(b)
	flags := runeFlags()
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range texts {
			for i := 0; i < len(s); i++ {
				if i = skipPlain(s, i, flags, scanFlags); i == len(s) {
					break
				}
			}
		}
	}
}

// TestUnitFirsts holds what unitAt's shortcut assumes: every from→to unit
// begins with a character of three bytes that decode3 reads and unitFirsts
// marks.
func TestUnitFirsts(t *testing.T) {
	for _, u := range append(slices.Clone(timeUnits), matUnits...) {
		r, ok := decode3(u, 0)
		if !ok || unitFirsts[r/64]&(1<<(r%64)) == 0 {
			t.Errorf("unit %q: first character not marked", u)
		}
	}
}

// refUnitAt is unitAt without its shortcut, skipping spaces by decoding.
func refUnitAt(t string, p int) (string, int) {
	for p < len(t) {
		r, n := utf8.DecodeRuneInString(t[p:])
		if !isSpace(r) {
			break
		}
		p += n
	}
	best := ""
	for _, u := range append(slices.Clone(timeUnits), matUnits...) {
		if len(u) > len(best) && strings.HasPrefix(t[p:], u) {
			best = u
		}
	}
	if best == "" {
		return "", p
	}
	return best, p + len(best)
}

// refQuantitiesIn is quantitiesIn decoding with utf8.DecodeRuneInString
// and asking isNumeralRune, with refUnitAt.
func refQuantitiesIn(t string, lo, hi int) []quantity {
	var out []quantity
	for p := lo; p < hi; {
		r, n := utf8.DecodeRuneInString(t[p:])
		if !isNumeralRune(r) {
			p += n
			continue
		}
		end := p + n
		for end < hi {
			r2, n2 := utf8.DecodeRuneInString(t[end:])
			if !isNumeralRune(r2) && !isSpace(r2) {
				break
			}
			end += n2
		}
		if u, ue := refUnitAt(t, end); u != "" && ue <= hi {
			out = append(out, quantity{p, end, u, ue})
			p = ue
			continue
		}
		p = end
	}
	return out
}

// TestUnitAtShortcut holds unitAt and quantitiesIn to their references on
// crafted texts (spaces of each kind before a unit, units cut short, broken
// bytes) at every offset and on every corpus text.
func TestUnitAtShortcut(t *testing.T) {
	texts := []string{"由20个工作日压缩至 5个工作日", "3\u3000天", "4\u00a0小时", "5\t个环节", "6 \u3000 个", "7个工", "8\xe4\xb8", "9\xc2", "10\xe3\x80",
		"二十个自然日", "三 次、四趟", "五\xef\xbf\xbd份", "1.5个月", "2周", "", " ", "个部门", "\xe0\xa0\x80天", "一\xed\x9f\xbf个"}
	texts = append(texts, corpusTexts(t)...)
	for _, s := range texts {
		for p := 0; p <= len(s); p++ {
			gu, ge := unitAt(s, p)
			if wu, we := refUnitAt(s, p); gu != wu || ge != we {
				t.Fatalf("unitAt(%q, %d) = %q, %d; want %q, %d", s, p, gu, ge, wu, we)
			}
		}
		for lo := 0; lo < len(s) && lo < 64; lo++ {
			if got, want := quantitiesIn(s, lo, len(s)), refQuantitiesIn(s, lo, len(s)); !reflect.DeepEqual(got, want) {
				t.Fatalf("quantitiesIn(%q, %d) = %v, want %v", s, lo, got, want)
			}
		}
	}
}

// TestClauseStartBytes holds clauseStart's byte search to refClauseStart
// (a LastIndex per separator) at every position of generated texts (each separator, their
// bytes alone and cut short, characters whose bytes look like theirs,
// broken bytes) and of every corpus text.
func TestClauseStartBytes(t *testing.T) {
	pieces := []string{"中", "文", "，", ",", "；", ";", "：", ":", "。", "！", "？", "\xbc\x8c", "\x8c", "\xef\xbc", "\xe3\x80", "\x82",
		"\xef\x80\x8c", "\xe3\xbc\x82", "\xef\xbc\xbc\x8c", "、", "a", " ", "😀", "\xf0\xef\xbc\x8c"}
	rng := rand.New(rand.NewPCG(3, 296))
	texts := corpusTexts(t)
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(12); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for pos := 0; pos <= len(s); pos++ {
			if got, want := clauseStart(s, pos), refClauseStart(s, pos); got != want {
				t.Fatalf("clauseStart(%q, %d) = %d, want %d", s, pos, got, want)
			}
		}
	}
}

// refCellLine is cellLine counting with a range loop.
func refCellLine(s string) bool {
	if len(s) > 4*maxCellRunes {
		return false
	}
	n := 0
	for _, r := range trimSpace(s) {
		if n++; n > maxCellRunes || r == '。' || r == '；' || r == '！' || r == '？' {
			return false
		}
	}
	return true
}

// TestCellLineDecode holds cellLine to refCellLine, and tableTitle's count
// to utf8.RuneCountInString, on crafted lines and every line of the corpus.
func TestCellLineDecode(t *testing.T) {
	lines := []string{"", " ", "总里程（公里）", "完成。", "１２３", "\xe4\xb8\xad\xe6", "a；b", strings.Repeat("路", 24), strings.Repeat("路", 25),
		strings.Repeat("\xff", 24), strings.Repeat("\xff", 25), "表1 公路建设情况", "表", strings.Repeat("é", 16), strings.Repeat("é", 17)}
	for _, s := range corpusTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if got, want := cellLine(l), refCellLine(l); got != want {
			t.Fatalf("cellLine(%q) = %v, want %v", l, got, want)
		}
		if got, want := atLeastRunes(l, 17), utf8.RuneCountInString(l) > 16; got != want {
			t.Fatalf("atLeastRunes(%q, 17) = %v, want %v", l, got, want)
		}
	}
}

// strictSkipPlain is skipPlain as it was before it stepped over ASCII: it
// stops at every byte that begins no valid three-byte character.
func strictSkipPlain(s string, i int, flags *[0x10000]uint8, mask uint8) int {
	for i < len(s) {
		r, ok := decode3(s, i)
		if !ok || flags[r]&mask != 0 {
			return i
		}
		i += 3
	}
	return i
}

// refScanMarks is scanMarks stopping at every character markAt reads,
// ASCII bytes all among them.
func refScanMarks(s string, want uint8) uint8 {
	flags := runeFlags()
	var got uint8
	for i := 0; i < len(s); {
		if i = strictSkipPlain(s, i, flags, scanFlags); i == len(s) {
			break
		}
		f, _, n := markAt(s, i, flags)
		if got |= f; got&want == want {
			return got & want
		}
		i += n
	}
	return got & want
}

// TestScanMarksStops holds scanMarks, which steps over ASCII bytes without
// a flag, to refScanMarks for each want on the scan cases and on every
// sentence and text of the corpus.
func TestScanMarksStops(t *testing.T) {
	texts := append(append([]string{"四成", "公里", "千米", "百分之", "3成", "5km", "KM", "元", "由此", "。", "前年"}, markCases...), scanCases...)
	for _, s := range corpusTexts(t) {
		texts = append(texts, s)
		for _, sp := range splitParagraphs(s) {
			for _, sc := range scanSentences(nil, s, sp) {
				texts = append(texts, s[sc.start:sc.end])
			}
		}
	}
	wants := []uint8{flagMark, flagMark | flagNumeral, flagNumeral, flagBefore, flagStop, flagMark | flagStop}
	for _, s := range texts {
		for _, w := range wants {
			if got, want := scanMarks(s, w), refScanMarks(s, w); got != want {
				t.Fatalf("scanMarks(%q, %#x) = %#x, want %#x", s, w, got, want)
			}
		}
	}
}

// TestSkipPlainASCII holds what skipPlain's step over ASCII assumes of its
// callers: an ASCII byte the tables give no flag of the mask is one where
// markAt tells nothing of the mask (whatever follows it: 成, m, M), and
// scanMarksOf finds what each kind's search does; mayTellBeforeAfter's
// before words hold
// no ASCII. Then the scans' results, each against the former scan, on
// every corpus text and sentence.
func TestSkipPlainASCII(t *testing.T) {
	flags := runeFlags()
	for c := range byte(utf8.RuneSelf) {
		for _, next := range []string{"", "成", "m", "M", "x", "0"} {
			s := string(rune(c)) + next
			f, _, _ := markAt(s, 0, flags)
			for _, mask := range []uint8{scanFlags, flagMark | flagPrefix, flagMark | flagNumeral | flagPrefix, flagNumeral | flagPrefix} {
				if flags[c]&mask == 0 && f&mask != 0 {
					t.Errorf("%q: skipPlain steps over %q with mask %#x, markAt tells %#x", s, c, mask, f)
				}
			}
			// scanMarksOf, stepping over what markRunes leaves unmarked,
			// against each kind's own search
			checkMarks(t, s)
		}
		if flags[c]&flagBefore != 0 {
			t.Errorf("%q has flagBefore", c)
		}
	}
	for _, w := range beforeWords {
		for i := 0; i < len(w); i++ {
			if w[i] < utf8.RuneSelf {
				t.Errorf("before word %q holds ASCII", w)
			}
		}
	}
	for _, s := range corpusTexts(t) {
		for _, sp := range splitParagraphs(s) {
			if got, want := scanSentences(nil, s, sp), refScanSentences(s, sp); !reflect.DeepEqual(got, want) {
				t.Fatalf("scanSentences(%q) = %v, want %v", s[sp.start:sp.end], got, want)
			}
		}
		if got, want := mayTellBeforeAfter(s), containsAny(s, beforeWords); got != want {
			t.Fatalf("mayTellBeforeAfter(text) = %v, want %v", got, want)
		}
		if got, want := hasCandidate(s), refHasCandidate(s); got != want {
			t.Fatalf("hasCandidate(text) = %v, want %v", got, want)
		}
		checkMarks(t, s)
	}
}
