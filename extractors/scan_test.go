package extractors

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The hand-written scanners replace regexps for speed; these are the
// regexps they must agree with, match for match.
var (
	refYearRe    = regexp.MustCompile(`([12][0-9]{3}|[１２][０-９]{3})\s*年`)
	refIsoRe     = regexp.MustCompile(isoPattern)
	refPercentRe = regexp.MustCompile(`[%％]|百分之`)
	refLengthRe  = regexp.MustCompile(`公里|千米|(?i:km)`)
	refRelYear   = regexp.MustCompile(`今年|本年度|本年|年内|全年|去年|上年|明年`)
	refSince     = regexp.MustCompile(`以来|年来`)
	refYearList  = regexp.MustCompile(`(?:[12][0-9]{3}\s*年\s*[、和及与]\s*)+[12][0-9]{3}\s*年`)
)

var scanCases = []string{
	// before and after words: repeated, nested (之前 in 改革之前), side by
	// side, after broken bytes and cut
	"过去过去需要", "总投资完成投资计划投资", "新建改建公路里程", "压缩至审批时限减少", "\xe5投资\xe7", "改革前改革之前，之前", "现在现已只需只要即可就能", "降低到降到减至减至缩至", "\xe5过去\xe7现在", "现\xe7\x8e在缩短为", "原来原", "今年以来今年起", "压缩4成", "00资\xe5\xae1成000000000000000000", "0成",
	"", "2022年", "2022 \t年", "12022年2023年", "２０２２年", "１２３年", "2022年、2023年和2024年",
	"2024-12-16", "2024-1-1x", "2024/13/40", "2024.1.32019-05-05", "20245-01-01", "2024-12-162025-01-01",
	"50%", "５０％", "百分之五十", "百分百分之", "%%％", "时间\uFFFD20天", "0000\xc60", "\xef\xbf\xbd5", "10km", "5KM", "3 Km", "7\u212Am", "8\u212A", "12公里千米",
	"今年内本年度去年以来上年年来明年全年", "年内年内", "今年年内全年", "年年年内", "本年度年内", "x年内", "年", "\xe4\xbb年内", "上\xe5\xb9年",
	"2022年 、2023年", "2022年\n和 2023 年",
	"甲，乙,丙；丁;戊：己:庚。辛！壬？癸", "\xef\xbc\x8c\x8c，\xbc\x8c", strings.Repeat("长句", 200) + "，尾",
	"3kM", "3Km", "五km", "kK", "千千米", "百分百分之三", "公公里一", "１元", "〇亿", "两万", "十由", "\xe5公里1",
	"\n\n", "a\n", "这是一行很长的句子，被换行打断了而且没有句号结尾的字\n下一行。\n", "ab,cdefghijklmnopqrstuvwxyz\nq",
	"由60个工作日缩减至5个工作日，从3天减至1天", "由由从",
	"新建农村公路和普通国省道120公里", "国省干线普通国省干线", "县乡道乡道", "四好农村路农村路\xe8", "普通国省道", "路道线",
	"/小时外以外", "h/h", "约近逾超过突破", "\xe8\xb7\xaf", "争取到争取",
	// project heads, basis words and 以来: nested, side by side, broken
	"民国民国", "中华民国三十年", "民\xe5\x9b\xbd国", "abab", "aab", "2024-1-1/2024.2.2-", "1999/9/9.2000-1-1",
	"青兰高速公路工程项目", "计划完成累计总投资", "年度计划", "已计划", "总概算估算", "\xe8\xae计划\xe5", "多年来以来", "\xe4\xbb以来",
	// money units: 元, and 亿 or 万 closing a clause, next to broken bytes
	"1亿元、2万，3亿\n4万人民币5万 6亿亿元", "\xe5\xe4\xb8\x87。", "万", "\xe4\xba", "\xe4\xba\xbf", "\xe5\x85元\xe5\x85", "\xe6元", "\xe6\x88公里", "\xe2km", "\xe6\x88\x90亿。",
	"句一。句二！句三？”尾", "a!b?c", "过去需要20天。现在只需3天！”此前5公里？）原来", "此。前去！年往？原来。定", "4。成", "4成。5%", "公。里公里", "前\xe5\x89。前",
	"\xe5\x89\x8d\xe5\x89。过去\xe3\x80", "改革前？”需要5km!K\nM?百分之二成",
	"\xe3\x80。\xef\xbc！\xe4\xb8\xe3\x80\x82x", "。", "！」』", "\xef\xbc\x9f\xe2\x80\x9d",
}

func checkScanners(t *testing.T, s string) {
	t.Helper()
	var wantY [][4]int
	for _, m := range refYearRe.FindAllStringSubmatchIndex(s, -1) {
		wantY = append(wantY, [4]int{m[0], m[1], m[2], m[3]})
	}
	if got := yearMatches(s); !reflect.DeepEqual(got, wantY) {
		t.Errorf("yearMatches(%q) = %v, want %v", s, got, wantY)
	}
	var wantI [][4]int
	for _, m := range refIsoRe.FindAllStringSubmatchIndex(s, -1) {
		wantI = append(wantI, [4]int{m[0], m[1], m[2], m[3]})
	}
	if got := isoMatches(s); !reflect.DeepEqual(got, wantI) {
		t.Errorf("isoMatches(%q) = %v, want %v", s, got, wantI)
	}
	if got, want := percentMarks(s), pairs(refPercentRe.FindAllStringIndex(s, -1)); !reflect.DeepEqual(got, want) {
		t.Errorf("percentMarks(%q) = %v, want %v", s, got, want)
	}
	if got, want := lengthUnits(s), pairs(refLengthRe.FindAllStringIndex(s, -1)); !reflect.DeepEqual(got, want) {
		t.Errorf("lengthUnits(%q) = %v, want %v", s, got, want)
	}
	if got, want := yearListSpans(s), pairs(refYearList.FindAllStringIndex(s, -1)); !reflect.DeepEqual(got, want) {
		t.Errorf("yearListSpans(%q) = %v, want %v", s, got, want)
	}
	if got, want := relYears(s), pairs(refRelYear.FindAllStringIndex(s, -1)); !reflect.DeepEqual(got, want) {
		t.Errorf("relYears(%q) = %v, want %v", s, got, want)
	}
	for pos := 0; pos <= len(s); pos++ {
		if got, want := clauseStart(s, pos), refClauseStart(s, pos); got != want {
			t.Errorf("clauseStart(%q, %d) = %d, want %d", s, pos, got, want)
		}
	}
	if got, want := mayTellBeforeAfter(s), containsAny(s, beforeWords); got != want {
		t.Errorf("mayTellBeforeAfter(%q) = %v, want %v", s, got, want)
	}
	for _, ct := range []*cueTable{pairTable(), cutTable(), moneyTable(), roadTable(), wayTable()} {
		for i := 0; i <= len(s); i++ {
			for lo := 0; lo <= i; lo += max(1, i/3) {
				if got, want := fmt.Sprint(ct.endingAt(s, lo, i)), fmt.Sprint(refEndingAt(ct, s, lo, i)); got != want {
					t.Errorf("endingAt(%q, %d, %d) = %s, want %s", s, lo, i, got, want)
				}
				if got, want := fmt.Sprint(ct.startingAt(s, lo, i)), fmt.Sprint(refStartingAt(ct, s, lo, i)); got != want {
					t.Errorf("startingAt(%q, %d, %d) = %s, want %s", s, lo, i, got, want)
				}
			}
		}
	}
	for _, l := range []struct {
		ws    *wordScanner
		words []string
	}{{beforeScanner(), beforeWords}, {afterScanner(), afterWords}} {
		if got, want := l.ws.ends(s), refWordEnds(s, l.words); !slices.Equal(got, want) {
			t.Errorf("wordScanner(%q).ends(%q) = %v, want %v", l.words[0], s, got, want)
		}
	}
	for _, ws := range []*wordScanner{headScanner(), basisScanner(), fundingScanner(), beforeScanner(), afterScanner()} {
		if got, want := ws.anyIn(s), containsAny(s, ws.words); got != want {
			t.Errorf("anyIn(%q) over %q... = %v, want %v", s, ws.words[0], got, want)
		}
		if got, want := ws.lastIn(s), refLastIn(s, ws.words); got != want {
			t.Errorf("lastIn(%q) over %q... = %d, want %d", s, ws.words[0], got, want)
		}
	}
	for _, w := range []string{"年", "民国", "ab", "\xbf\xbf"} {
		if got, want := indexByLast(s, w), strings.Index(s, w); got != want {
			t.Errorf("indexByLast(%q, %q) = %d, want %d", s, w, got, want)
		}
	}
	if got, want := moneyUnits(s), refMoneyUnits(s); !reflect.DeepEqual(got, want) {
		t.Errorf("moneyUnits(%q) = %v, want %v", s, got, want)
	}
	for i := 1; i <= len(s); i++ {
		for lo := 0; lo < i; lo += max(1, i/3) {
			r, n := decodeLast(s, lo, i)
			if wr, wn := utf8.DecodeLastRuneInString(s[lo:i]); r != wr || n != wn {
				t.Errorf("decodeLast(%q, %d, %d) = %q %d, want %q %d", s, lo, i, r, n, wr, wn)
			}
		}
	}
	if got, want := lastRoadType(s), lastRoadTypeReference(s); got != want {
		t.Errorf("lastRoadType(%q) = %q, want %q", s, got, want)
	}
	for pos := 0; pos <= len(s); pos++ {
		for _, words := range affixLists() {
			if got, want := hasSuffixAny(s[:pos], words), refHasSuffixAny(s[:pos], words); got != want {
				t.Errorf("hasSuffixAny(%q) = %q, want %q", s[:pos], got, want)
			}
			if got, want := hasPrefixAny(s[pos:], words), refHasPrefixAny(s[pos:], words); got != want {
				t.Errorf("hasPrefixAny(%q) = %q, want %q", s[pos:], got, want)
			}
		}
	}
	if got, want := hasCandidate(s), refHasCandidate(s); got != want {
		t.Errorf("hasCandidate(%q) = %v, want %v", s, got, want)
	}
	// extract reads a sentence's numeral from the scan for its candidate
	// when that scan finds no mark and numeral both.
	if got := scanMarks(s, flagMark|flagNumeral); got != flagMark|flagNumeral && (got&flagNumeral != 0) != refHasNumeral(s) {
		t.Errorf("scanMarks(%q, mark|numeral) = %b, want the numeral flag %v", s, got, refHasNumeral(s))
	}
	for _, p := range []span{{0, len(s)}, {len(s) / 2, len(s)}} {
		if p.start > 0 && !utf8.RuneStart(s[p.start]) {
			continue // a paragraph starts with a character
		}
		if got, want := scanSentences(nil, s, p), refScanSentences(s, p); !reflect.DeepEqual(got, want) {
			t.Errorf("scanSentences(%q, %v) = %v, want %v", s, p, got, want)
		}
	}
	if got, want := splitParagraphs(s), refSplitParagraphs(s); !reflect.DeepEqual(got, want) {
		t.Errorf("splitParagraphs(%q) = %v, want %v", s, got, want)
	}
	for n := 0; n <= 25; n++ {
		if got, want := atLeastRunes(s, n), utf8.RuneCountInString(s) >= n; got != want {
			t.Errorf("atLeastRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	}
	if got, want := splitSentences(s, span{0, len(s)}), refSplitSentences(s, span{0, len(s)}); !reflect.DeepEqual(got, want) {
		t.Errorf("splitSentences(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasSince(s), refSince.MatchString(s); got != want {
		t.Errorf("hasSince(%q) = %v, want %v", s, got, want)
	}
}

// refClauseStart is clauseStart as first written, with one LastIndex per
// separator.
func refClauseStart(s string, pos int) int {
	lo := 0
	if pos > maxClauseBytes {
		lo = pos - maxClauseBytes
		for lo < pos && !utf8.RuneStart(s[lo]) {
			lo++
		}
	}
	best := lo
	for _, sep := range []string{"，", ",", "；", ";", "：", ":", "。", "！", "？"} {
		if i := strings.LastIndex(s[lo:pos], sep); i >= 0 && lo+i+len(sep) > best {
			best = lo + i + len(sep)
		}
	}
	return best
}

var candidateMarks = []string{"公里", "千米", "km", "KM", "Km", "元", "亿", "万", "%", "％", "百分之", "由", "从", "\uFFFD"}

// tenths is the mark markAt added after hasCandidate was first written: a
// share in tenths (压缩4成). Fuzzing found the reference without it.
var tenths = regexp.MustCompile(`[1-9]成`)

// refHasCandidate is hasCandidate as first written, with the tenths mark.
func refHasCandidate(s string) bool {
	mark := tenths.MatchString(s)
	for _, m := range candidateMarks {
		if strings.Contains(s, m) {
			mark = true
			break
		}
	}
	if !mark {
		return false
	}
	for _, r := range s {
		// 亿 is a numeral by itself too ("近亿元"), as runeFlags has it.
		if asciiDigit(r) >= 0 || isChineseDigit(r) || r == '十' || r == '百' || r == '千' || r == '亿' {
			return true
		}
	}
	return false
}

// refEndingAt is endingAt looking every character up in the table's map.
func refEndingAt(t *cueTable, s string, lo, i int) (cue, bool) {
	if i <= lo {
		return cue{}, false
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	for _, c := range t.byLast[r] {
		if i-len(c.word) >= lo && s[i-len(c.word):i] == c.word {
			return c, true
		}
	}
	return cue{}, false
}

// refStartingAt is startingAt looking every character up in the map.
func refStartingAt(t *cueTable, s string, i, hi int) (cue, bool) {
	if i >= hi {
		return cue{}, false
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	for _, c := range t.byFirst[r] {
		if i+len(c.word) <= hi && s[i:i+len(c.word)] == c.word {
			return c, true
		}
	}
	return cue{}, false
}

// refWordEnds is where each word's occurrences end in t, found left to
// right without overlaps by strings.Index, sorted.
func refWordEnds(t string, words []string) []int {
	var out []int
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(t[i:], w)
			if j < 0 {
				break
			}
			out = append(out, i+j+len(w))
			i += j + len(w)
		}
	}
	slices.Sort(out)
	return out
}

// refHasNumeral reports a digit or a Chinese numeral, rune by rune.
func refHasNumeral(s string) bool {
	for _, r := range s {
		if asciiDigit(r) >= 0 || isChineseDigit(r) || r == '十' || r == '百' || r == '千' || r == '亿' || tensRune[r] != 0 {
			return true
		}
	}
	return false
}

// refSplitParagraphs is splitParagraphs as first written.
func refSplitParagraphs(text string) []span {
	var lines []span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if strings.TrimSpace(text[start:i]) != "" {
				lines = append(lines, span{start, i})
			}
			start = i + 1
		}
	}
	broken := func(line string) bool {
		line = strings.TrimRight(line, " \t\r\u3000")
		if utf8.RuneCountInString(line) < 20 || !strings.ContainsAny(line, "，,") {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(line)
		return !strings.ContainsRune("。！？!?；;：:”’」』)）", r)
	}
	var paras []span
	for i := 0; i < len(lines); i++ {
		p := lines[i]
		for i+1 < len(lines) && broken(text[p.start:p.end]) {
			i++
			p.end = lines[i].end
		}
		paras = append(paras, p)
	}
	return paras
}

func pairs(ms [][]int) [][2]int {
	var out [][2]int
	for _, m := range ms {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

func TestScannersMatchRegexps(t *testing.T) {
	for _, s := range scanCases {
		checkScanners(t, s)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScanners(t, s)
	})
}

// refScanSentences is scanSentences as the passes it replaced: the
// sentences of refSplitSentences, each with its marks, numeral and before
// word looked for on its own.
func refScanSentences(text string, p span) []scanned {
	var out []scanned
	for _, sp := range refSplitSentences(text, p) {
		sent := text[sp.start:sp.end]
		f := scanMarks(sent, flagMark) | scanMarks(sent, flagNumeral)
		if containsAny(sent, beforeWords) {
			f |= flagTell
		}
		out = append(out, scanned{sp, f})
	}
	return out
}

// splitSentences is the sentences of paragraph p as scanSentences splits
// them.
func splitSentences(text string, p span) []span {
	var out []span
	for _, sc := range scanSentences(nil, text, p) {
		out = append(out, sc.span)
	}
	return out
}

// refSplitSentences is the sentence split as first written, decoding every
// rune.
func refSplitSentences(text string, p span) []span {
	var out []span
	start := p.start
	for i := p.start; i < p.end; {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if c != '!' && c != '?' {
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			if r != '。' && r != '！' && r != '？' {
				continue
			}
		}
		for i < p.end {
			r2, n2 := utf8.DecodeRuneInString(text[i:])
			if !isClosingQuote(r2) {
				break
			}
			i += n2
		}
		out = append(out, span{start, i})
		start = i
	}
	if strings.TrimSpace(text[start:p.end]) != "" {
		out = append(out, span{start, p.end})
	}
	return out
}

// lastRoadTypeReference is lastRoadType as one LastIndex per type.
func lastRoadTypeReference(s string) string {
	best, bestEnd := "", -1
	for _, t := range roadTypes {
		i := strings.LastIndex(s, t)
		if i < 0 {
			continue
		}
		if e := i + len(t); e > bestEnd || e == bestEnd && len(t) > len(best) {
			best, bestEnd = t, e
		}
	}
	return best
}

// affixLists are word lists the extractors search by prefix and suffix,
// ASCII and Chinese, with words that are affixes of one another.
func affixLists() [][]string {
	return [][]string{roadTypes, notRoadAfter, fillers, roadVerbs, relYearWords, prefixedRoadNouns(),
		{"近", "逾", "超", "超过", "突破", "约", "上"}, {"争取", "争取到"}, {"至", "到", "-", "—", "–", "~", "～", "－"}}
}

func refHasSuffixAny(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasSuffix(s, w) {
			best = w
		}
	}
	return best
}

func refHasPrefixAny(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasPrefix(s, w) {
			best = w
		}
	}
	return best
}

// docSentences is every sentence of d, paragraph by paragraph.
func docSentences(d *document) []span {
	var out []span
	for _, p := range d.paragraphs {
		out = append(out, splitSentences(d.text, p)...)
	}
	return out
}

// refMoneyUnits is moneyUnits as first written, decoding every character
// that starts with the lead byte of 元, 亿 or 万.
func refMoneyUnits(t string) [][2]int {
	var out [][2]int
	for i := 0; i < len(t); {
		if c := t[i]; c != 0xe4 && c != 0xe5 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		switch r {
		case '元':
			out = append(out, [2]int{i, i + n})
		case '亿', '万':
			rest := t[i+n:]
			if strings.HasPrefix(rest, "元") || strings.HasPrefix(rest, "亿") {
				break
			}
			if next, _ := utf8.DecodeRuneInString(rest); rest == "" || isClauseBreak(next) || isSpace(next) ||
				next == '。' || next == '、' || next == '\n' || strings.HasPrefix(rest, "人民币") {
				out = append(out, [2]int{i + n, i + n})
			}
		}
		i += n
	}
	return out
}

// refLastIn is lastIn as one strings.LastIndex per word.
func refLastIn(s string, words []string) int {
	best, at := -1, -1
	for k, w := range words {
		if i := strings.LastIndex(s, w); i > at {
			best, at = k, i
		}
	}
	return best
}

// refBrokenLine is brokenLine as first written: the comma search before
// the last character's.
func refBrokenLine(line string) bool {
	line = strings.TrimRight(line, " \t\r\u3000")
	if utf8.RuneCountInString(line) < 20 || (!strings.Contains(line, ",") && !strings.Contains(line, "，")) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune("。！？!?；;：:”’」』)）", r)
}

// TestBrokenLineOrder holds brokenLine to refBrokenLine on crafted lines
// (each closing mark, short lines, commas of both widths, broken bytes at
// the end) and on every line of the corpus.
func TestBrokenLineOrder(t *testing.T) {
	body := "国道改造工程全面推进，完成投资十二亿元"
	lines := []string{"", body, body + "，", body + ",", strings.Repeat("路", 19) + "，", strings.Repeat("路", 20) + "，", strings.Repeat("a", 19) + ",",
		strings.Repeat("a", 20) + ",", body + "\xe3\x80", body + "\xff", body + " \u3000\t", body + "\uFFFD", strings.Repeat("é", 30) + ","}
	for _, r := range "。！？!?；;：:”’」』)）、x" {
		lines = append(lines, body+string(r), body+string(r)+" ", "全长"+string(r)+body)
	}
	for _, s := range corpusTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if got, want := brokenLine(l), refBrokenLine(l); got != want {
			t.Fatalf("brokenLine(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestDecodeAt holds decodeAt and decodeLast, which the scans call in
// place of utf8.DecodeRuneInString and utf8.DecodeLastRuneInString, to
// them for every lead byte followed by every pair of bytes of a sample
// (continuation bytes at their bounds, ASCII, leads), at each end.
func TestDecodeAt(t *testing.T) {
	var tails []byte
	for _, b := range []byte{0x00, 0x30, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xff} {
		tails = append(tails, b)
	}
	for lead := range 256 {
		for _, b1 := range tails {
			for _, b2 := range tails {
				for _, s := range []string{string([]byte{byte(lead), b1, b2}), string([]byte{byte(lead), b1}), string([]byte{byte(lead)}), "中" + string([]byte{byte(lead), b1, b2}) + "a"} {
					for i := range len(s) {
						gr, gn := decodeAt(s, i)
						if wr, wn := utf8.DecodeRuneInString(s[i:]); gr != wr || gn != wn {
							t.Fatalf("decodeAt(%q, %d) = %q, %d; want %q, %d", s, i, gr, gn, wr, wn)
						}
						for lo := 0; lo <= i; lo++ {
							gr, gn := decodeLast(s, lo, i+1)
							if wr, wn := utf8.DecodeLastRuneInString(s[lo : i+1]); gr != wr || gn != wn {
								t.Fatalf("decodeLast(%q, %d, %d) = %q, %d; want %q, %d", s, lo, i+1, gr, gn, wr, wn)
							}
						}
					}
				}
			}
		}
	}
}
