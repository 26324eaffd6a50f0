package mojibake

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/pinyin"
)

// A stray byte before a Latin word in a GB18030 page pairs with the
// word's first letter into one character, whose trail byte is that letter:
// "郉ebian" for "Debian", "﹐rg" for "org", and inside a word "D眅bian".
// The reader is back in step at once, so the lattice sees a run of one
// character whose reading holds no Han character, and the character model
// alone cannot tell it from a rare character beside a Latin word. What
// tells it is the page: on a page with GB18030 frame shifts repaired
// elsewhere, a rare character (or a symbol) whose trail byte is a letter,
// after a line start or ASCII and inside or before a Latin word, is that
// letter with a
// stray byte before it.

// latinShifts returns, for a page with frame shifts among its other
// repairs (reps), the replacements of such characters that overlap none
// of reps. At a line start, where the stray bytes of the benchmark's
// pages and of real ones fall, any character whose trail byte is a letter
// and which runs on into Latin letters or digits is taken (Big5 gives
// common characters such trail bytes: 二 is a4 47), and a U+FFFD before
// ASCII is the stray byte itself: no character of the page has a lead
// byte that ASCII below 0x40 follows, so nothing of the text was lost.
// force names the page's frame shift (see pageShift), "" when the
// windows settled on none: the one of reps is taken then.
func latinShifts(lm *langmodel.Model, mechs func() []*mechanism, text string, reps []replacement, force string) []replacement {
	sh := pageShift(mechs, reps, force)
	if sh == nil {
		return readingShifts(mechs, text, reps)
	}
	s := latinScan{lm: lm, sh: sh, text: text, reps: reps}
	var out []replacement
	prev := rune('\n')
	var n int
	for a := 0; a < len(text); a += n {
		if plainWide(prev) && quietByte(text[a]) {
			// Of the characters up to the next byte that is not quiet,
			// only the one that ends there can be taken (see inert):
			// go to it without decoding the others, the most of a page.
			y := quietUntil(text, a+1)
			if y == len(text) {
				break
			}
			if t := text[y]; t < 0x80 && !asciiLetter(rune(t)) && !spaceBefore(text, a, y, prev) {
				// Nor that one before ASCII that is no letter: each rule
				// for a character after a wide one needs a letter after
				// it. Read on from the ASCII byte, whose own prev it is.
				a = y
			} else {
				a, prev = lastChar(text, a, y, prev)
			}
		}
		// c takes n bytes: an invalid byte is one, though the U+FFFD it
		// reads as is written in three (a stray byte dropped before a
		// line must not overlap the next).
		if text[a] < 0x80 {
			// No rule takes an ASCII character (the call costs more): go
			// past the run of them, whose last is the prev of what follows.
			z := asciiRunEnd(text, a)
			prev, n = rune(text[z-1]), z-a
			continue
		}
		var c rune
		c, n = decodeHan(text, a)
		if rp, ok := s.at(a, n, c, prev); ok {
			out = append(out, rp)
			s.taken = out
		}
		prev = c
	}
	return s.afterScan(out)
}

// afterScan adds to out, the scan's replacements, those of the passes that
// walk the page's closers and rules instead of its characters.
func (s *latinScan) afterScan(out []replacement) []replacement {
	return s.splitRules(s.asciiOpeners(s.eatenOpeners(s.quotedLetters(out))))
}

// maxBracketText is the most characters before an ASCII closer that
// asciiOpeners looks back through for its opener.
const maxBracketText = 16

// asciiOpeners adds to out, in text order, the ASCII openers ([ and {,
// trail bytes of both codes) that a stray byte made one rare character
// with: their closer, later on the line, has no opener before it there
// ("cp 猍選項]" for "cp [選項]"). The scan above passes over such a
// character between Chinese ones, so the closers are walked instead.
func (s *latinScan) asciiOpeners(out []replacement) []replacement {
	text, sh := s.text, s.sh
	var add []replacement
	for j := 0; ; j++ {
		k := strings.IndexAny(text[j:], "]}")
		if k < 0 {
			break
		}
		j += k
		op := byte('[')
		if text[j] == '}' {
			op = '{'
		}
		lo := lineStartOf(text, j)
		if strings.IndexByte(text[lo:j], op) >= 0 {
			continue // the closer's opener is on the line
		}
		for a, seen := j, 0; a > lo && seen < maxBracketText; seen++ {
			c, n := utf8.DecodeLastRuneInString(text[lo:a])
			a -= n
			if c < 0x80 {
				continue
			}
			b, ok := wrongPair(sh, s.buf[:0], c)
			if !ok || b[1] != op {
				continue
			}
			if overlaps(s.reps, a, a+n) || overlaps(out, a, a+n) || overlaps(add, a, a+n) || !s.oddHan(c, a) {
				break
			}
			add = append(add, replacement{start: a, end: a + n, repl: string(op), reason: fmt.Sprintf("%s before a bracket's text (stray byte %X dropped)", sh.reason, b[:1])})
			break
		}
	}
	return withAdded(out, add)
}

// splitRules adds to out, in text order, the table rules that a stray
// byte before them split on a GB18030 page where ASCII follows the rule:
// the stray byte pairs with the rule's lead (a9) into a Han character,
// and the rule's trail byte with the ASCII byte into a private-use
// character (upgrades洎\ue6bc:258 for upgrades│V:258). No text writes
// a private-use character; the rule is taken where the line holds
// another.
func (s *latinScan) splitRules(out []replacement) []replacement {
	text, sh := s.text, s.sh
	var add []replacement
	var cb, ub [4]byte
	for i := 0; i < len(text); {
		j := indexPrivateUse(text, i)
		if j < 0 {
			break
		}
		u, n := utf8.DecodeRuneInString(text[j:])
		i = j + n
		c, m := utf8.DecodeLastRuneInString(text[:j])
		if c < 0x80 || c == utf8.RuneError || c >= 0xe000 && c <= 0xf8ff {
			continue
		}
		b, ok := sh.wrong.encode(cb[:0], c)
		if !ok || len(b) != 2 {
			continue
		}
		e, ok := sh.wrong.encode(ub[:0], u)
		if !ok || len(e) != 2 || e[1] <= ' ' || e[1] >= 0x7f {
			continue
		}
		d, k, ok := sh.right.decode([]byte{b[1], e[0]})
		if !ok || k != 2 || !boxRule(d) {
			continue
		}
		a, z := j-m, j+n
		ls := lineStartOf(text, a)
		if !ruleAhead(text, z) && !strings.ContainsFunc(text[ls:a], boxRule) || overlaps(s.reps, a, z) || overlaps(out, a, z) {
			continue
		}
		add = append(add, replacement{start: a, end: z, repl: string(d) + string(rune(e[1])), reason: fmt.Sprintf("%s (stray byte %X dropped)", sh.reason, b[:1])})
	}
	return withAdded(out, add)
}

// indexPrivateUse returns the index of the first character of the
// private use area (U+E000 to U+F8FF: EE 80 80 to EF A3 BF) in text from
// i on, -1 if none.
func indexPrivateUse(text string, i int) int {
	// Both lead bytes are above every Han character's (E4-E9), so
	// IndexByte's fast scans find each; ，（） start with EF, so the
	// next EE is kept while the EFs before it are looked at.
	ne, nf := -2, -2 // next EE and EF from i, -1 none, -2 not looked for
	next := func(b byte, at int) int {
		if k := strings.IndexByte(text[at:], b); k >= 0 {
			return at + k
		}
		return -1
	}
	for i+2 < len(text) {
		if ne != -1 && ne < i {
			ne = next(0xee, i)
		}
		if nf != -1 && nf < i {
			nf = next(0xef, i)
		}
		j := ne
		if j < 0 || nf >= 0 && nf < j {
			j = nf
		}
		if j < 0 || j+2 >= len(text) {
			return -1
		}
		if text[j] == 0xee && text[j+1] >= 0x80 && text[j+1] <= 0xbf || text[j] == 0xef && text[j+1] >= 0x80 && text[j+1] <= 0xa3 {
			return j
		}
		i = j + 1
	}
	return -1
}

// closers are the Chinese closers a letter quoted on its own comes before.
var closers = [...]string{"”", "’", "）", "」", "』", "》", "】"}

// maxQuotedRest is the most letters and digits after the first letter of
// a token quoted on its own that quotedLetters looks past (h264).
const maxQuotedRest = 8

// quotedSymbols are the ASCII symbols of a trail byte's range that text
// quotes on its own (“\”, “~”): a rare character quoted alone whose trail
// byte is one is that symbol.
const quotedSymbols = "@[\\]^_`{|}~"

// quotedLetters adds to out, in text order, the letters quoted on their
// own that the scan passes over between wide characters: a stray byte
// before a letter quoted in Chinese quotes or brackets makes one rare
// character of the two (“恈” for “c”). Chinese text quotes Han characters
// too (“的”字), but common ones.
func (s *latinScan) quotedLetters(out []replacement) []replacement {
	text := s.text
	var add []replacement
	for z, closer := range closersIn(text) {
		// The rest of a quoted token after its first letter (r1,
		// x86), if any.
		y := z
		for y > 0 && z-y < maxQuotedRest && asciiAlnum(rune(text[y-1])) {
			y--
		}
		c, n := utf8.DecodeLastRuneInString(text[:y])
		p, _ := utf8.DecodeLastRuneInString(text[:y-n])
		if p != pairOf[closer] || !s.oddHan(c, y-n) || overlaps(s.reps, y-n, y) || overlaps(out, y-n, y) {
			continue
		}
		b, ok := s.sh.wrong.encode(s.buf[:0], c)
		if !ok || len(b) != 2 || s.sh.wrong.name == "big5" && (b[0] < 0xa1 || b[0] > 0xf9) {
			continue
		}
		// A letter, or a symbol quoted on its own (“\”, “~”).
		if !asciiLetter(rune(b[1])) && (y < z || strings.IndexByte(quotedSymbols, b[1]) < 0) {
			continue
		}
		add = append(add, replacement{start: y - n, end: y, repl: string(b[1:]), reason: fmt.Sprintf("%s before a letter (stray byte %X dropped)", s.sh.reason, b[:1])})
	}
	return withAdded(out, add)
}

// eatenOpeners adds to out, in text order, the openers a stray byte ate
// before ASCII text that a closer ends on the same line, with no opener
// of its kind before it there: the stray byte pairs with the opener's
// lead into a Han character. Where the opener's trail byte is ASCII (Big5
// gives 「 a1 75, u) it stays a letter before the text ("情usudo」" for
// 「sudo」); where it is not (“ a1 a7), it pairs with the text's first
// byte into a second character ("情吧pt-get”" for “apt-get”, "洁呈”" for
// “e”). The unmatched closer is the evidence: the reading restores its
// opener exactly.
func (s *latinScan) eatenOpeners(out []replacement) []replacement {
	text, sh := s.text, s.sh
	var add []replacement
	for z, closer := range closersIn(text) {
		op := pairOf[closer]
		y := z // the ASCII text the closer ends
		for y > 0 && text[y-1] < 0x80 && text[y-1] != '\n' {
			y--
		}
		rp, ok := s.eatenOpener(op, y, z)
		if !ok || overlaps(s.reps, rp.start, rp.end) || overlaps(add, rp.start, rp.end) {
			continue
		}
		ls := lineStartOf(text, rp.start)
		if strings.Count(text[ls:rp.start], string(op)) > strings.Count(text[ls:rp.start], string(closer)) {
			continue // the closer's opener is on the line
		}
		// A letter the scan read out of the opener's second character
		// ("情吮ake" as 情make) leaves the closer unmatched: the
		// opener's reading, which holds it, wins.
		if slices.ContainsFunc(out, func(o replacement) bool {
			return o.start < rp.end && rp.start < o.end && (o.start < rp.start || o.end > rp.end)
		}) {
			continue
		}
		out = slices.DeleteFunc(out, func(o replacement) bool { return o.start < rp.end && rp.start < o.end })
		rp.reason = fmt.Sprintf("%s before an opener (stray byte %s dropped)", sh.reason, rp.reason)
		add = append(add, rp)
	}
	return withAdded(out, add)
}

// eatenOpener returns the replacement that restores op before the ASCII
// text[y:z] (see eatenOpeners), its reason holding only the stray byte.
func (s *latinScan) eatenOpener(op rune, y, z int) (replacement, bool) {
	text, sh := s.text, s.sh
	var buf [4]byte
	lead := func(c rune) ([]byte, bool) { return wrongPair(sh, buf[:0], c) }
	c, n := utf8.DecodeLastRuneInString(text[:y])
	if c < 0x80 || c == utf8.RuneError {
		return replacement{}, false
	}
	b, ok := lead(c)
	if !ok {
		return replacement{}, false
	}
	// The opener's trail byte left as ASCII, before more text.
	if y+1 < z {
		if d, k, ok := sh.right.decode([]byte{b[1], text[y]}); ok && k == 2 && d == op {
			return replacement{start: y - n, end: y + 1, repl: string(d), reason: fmt.Sprintf("%X", b[:1])}, true
		}
	}
	// The opener's trail byte paired with the text's first, a letter
	// or a symbol (“~/.bashrc”).
	b0, b1 := b[0], b[1] // lead reuses buf
	p, m := utf8.DecodeLastRuneInString(text[:y-n])
	if p < 0x80 || p == utf8.RuneError {
		return replacement{}, false
	}
	pb, ok := lead(p)
	if !ok || !asciiLetter(rune(b1)) && strings.IndexByte(quotedSymbols, b1) < 0 {
		return replacement{}, false
	}
	if d, k, ok := sh.right.decode([]byte{pb[1], b0}); ok && k == 2 && d == op {
		return replacement{start: y - n - m, end: y, repl: string(d) + string(rune(b1)), reason: fmt.Sprintf("%X", pb[:1])}, true
	}
	return replacement{}, false
}

// withAdded returns out with add merged in, in text order.
func withAdded(out, add []replacement) []replacement {
	if len(add) == 0 {
		return out
	}
	out = append(out, add...)
	slices.SortFunc(out, func(x, y replacement) int { return x.start - y.start })
	return out
}

// closersIn yields the offset and the character of each of closers in
// text, in text order: one pass finds the closers of all kinds (a search
// of the page for each kind was a fifth of latinShifts on a shifted
// page).
func closersIn(text string) iter.Seq2[int, rune] {
	return func(yield func(int, rune) bool) {
		for a := 0; ; {
			z := nextCloser(text, a)
			if z < 0 {
				return
			}
			c, size := utf8.DecodeRuneInString(text[z:])
			a = z + size
			if !yield(z, c) {
				return
			}
		}
	}
}

// nextCloser returns the offset of the first of closers in text from byte
// i on, -1 when there is none: what a search for each closer finds, in
// one pass. It reads eight bytes at a time and looks closer only at words
// with a byte that starts a closer (E2, E3 or EF; Han characters start
// with E4 to E9).
func nextCloser(text string, i int) int {
	const ones = 0x0101010101010101
	for ; i+8 <= len(text); i += 8 {
		w := word8(text, i)
		x := (w | ones) ^ 0xe3e3e3e3e3e3e3e3 // a zero byte where w has E2 or E3
		y := w ^ 0xefefefefefefefef          // and where it has EF
		// (x-ones)&^x has the high bit of a zero byte of x set, and
		// maybe of others above it: each byte marked is read again.
		for m := ((x-ones)&^x | (y-ones)&^y) & highBits; m != 0; m &= m - 1 {
			if j := i + bits.TrailingZeros64(m)/8; closerAt(text, j) {
				return j
			}
		}
	}
	for ; i < len(text); i++ {
		if closerAt(text, i) {
			return i
		}
	}
	return -1
}

// closerAt reports whether one of closers starts at byte j of text.
func closerAt(text string, j int) bool {
	if j+3 > len(text) {
		return false
	}
	// Most marked bytes start other punctuation (，。“): its third
	// byte tells it apart.
	if t := text[j+2] - 0x80; t >= 64 || closerThirds>>t&1 == 0 {
		return false
	}
	key := uint32(text[j])<<16 | uint32(text[j+1])<<8 | uint32(text[j+2])
	for _, k := range closerKeys {
		if k == key {
			return true
		}
	}
	return false
}

// closerKeys are closers' three bytes as numbers, and closerThirds has
// bit b-80 set for each closer's third byte b, for closerAt.
var closerKeys, closerThirds = func() (keys [len(closers)]uint32, thirds uint64) {
	for j, cl := range closers {
		if len(cl) != 3 || cl[0] != 0xe2 && cl[0] != 0xe3 && cl[0] != 0xef {
			panic("mojibake: nextCloser finds three-byte closers that start with E2, E3 or EF only: " + cl)
		}
		keys[j] = uint32(cl[0])<<16 | uint32(cl[1])<<8 | uint32(cl[2])
		thirds |= 1 << (cl[2] - 0x80)
	}
	return keys, thirds
}()

// latinScan is what latinShifts reads a page with.
type latinScan struct {
	lm   *langmodel.Model
	sh   *mechanism
	text string
	reps []replacement
	// vocab counts the page's Latin words (latinWords), at first need.
	vocab map[string]int
	// endAt indexes the first of reps that ends at or after the
	// character read (see repairedBefore).
	endAt int
	// taken is what the scan took so far: a word is read with them.
	taken []replacement
	buf   [4]byte
	// script caches oddHan's count of a line's script-only characters.
	script lineScript
}

// lineScript is the count of the traditional-only and simplified-only
// characters of text[lo:hi], one line.
type lineScript struct {
	lo, hi     int
	trad, simp int
}

// pageWord reports whether the page writes the Latin word that t
// standing for text[a:z] gives back, in any case (Shell, shell).
func (s *latinScan) pageWord(a, z int, t byte) bool {
	if s.vocab == nil {
		s.vocab = latinWords(s.text)
	}
	return s.vocab[strings.ToLower(stem(s.wordWith(a, z, t)))] > 0
}

// knownWord reports whether the Latin word that t standing for text[a:z]
// gives back is one of latinVocab, of least letters or more.
func (s *latinScan) knownWord(a, z int, t byte, least int) bool {
	w := strings.ToLower(stem(s.wordWith(a, z, t)))
	return len(w) >= least && !placeholder(w) && knownLatin(w)
}

// placeholder reports a word that is a run of x with at most one other
// letter: templates write xx for a name to fill in (xx县), and the list
// holds such strings from program source (xxh), no words.
func placeholder(w string) bool {
	return len(strings.Trim(w, "x")) <= 1 && strings.Count(w, "x") >= 2
}

// knownWordMin is the length of the shortest known word that tells a
// letter a stray byte ate. Of two letters, hundreds are words, and a
// chance pair too often one (L and D made ld of 繪圖): three on a GB page.
// On a Big5 page the most common characters have letter trail bytes (下 U,
// 和 M, 這 o), and clean text glued to a Latin word made known words of
// three letters of them (3 more wrong lines on the tuning half); from
// four to six letters the tuning half gained the same 3 lines (at 400
// lines a document: Big5 inside a line 97.92% -> 98.36%), and six, the
// most cautious of them, is taken.
func knownWordMin(sh *mechanism) int {
	if sh.wrong.name == "big5" {
		return 6
	}
	return 3
}

// at returns the replacement latinShifts takes for c, at text[a:a+n]
// after the character p, if it takes one.
func (s *latinScan) at(a, n int, c, p rune) (replacement, bool) {
	lm, sh, text, reps := s.lm, s.sh, s.text, s.reps
	// Most of a Chinese page is a character after a Han one: skip it
	// before the Unicode table lookups below.
	if c < 0x80 {
		return replacement{}, false
	}
	// A neighbour inside a repaired run is what the repair made of it:
	// the p of "薯p下" is the trail byte of the 如 the run gives back,
	// and 下 after 如 is text, not a letter a stray byte ate. (Only an
	// ASCII p can be such a trail byte; latinShifts skips by the text's
	// own characters, and stays exact so.)
	if p < 0x80 {
		p = s.repairedBefore(a, p)
	}
	// A no-break space (a page's &nbsp;, 12.6.2.\u00a0Autotools) parts
	// words as a space does, before a word's letters. Not before other
	// characters: bylines set "山东&nbsp;· 2024" (· is a1 50, "P", in
	// Big5). The ideographic space is Chinese text's own.
	// So does it before a lone letter a stray byte made a rare
	// character of (7.8.&nbsp;醁 服务端 for X): · of a byline is no Han.
	if p >= 0x80 && p != 0x3000 && unicode.Is(unicode.Zs, p) && a+n < len(text) && (asciiLetter(rune(text[a+n])) || asciiDelim(rune(text[a+n])) && s.oddHan(c, a)) {
		p = ' '
	}
	// A table's rule parts a cell's text from the row as a space does
	// (│猚   │ for │c   │).
	if boxDrawing(p) {
		p = ' '
	}
	if r, ok := s.escapeMark(a, n, c); ok {
		return r, true
	}
	if p >= 0x4e00 && p <= 0x9fff || p >= 0x80 && c >= 0xe000 && c <= 0xf8ff {
		// After a Chinese character, a rare one or a private-use
		// one before a Latin word whose letter it ate ("共享攔oot"
		// for root, "的昒nix" for Unix): a common one there is text
		// (的Unix). A private-use one is no text after any
		// character ("Ι\ue6caebian" for "│debian": placeShifts then
		// finds the stray byte a character earlier).
		if a+n < len(text) && asciiLetter(rune(text[a+n])) && !overlaps(reps, a, a+n) {
			if r, ok := eatenAfterHan(sh, c, rune(text[a+n]), s.oddHan(c, a)); ok {
				return replacement{start: a, end: a + n, repl: string(r), reason: fmt.Sprintf("%s before a letter (stray byte %X dropped)", sh.reason, strayOf(sh, c))}, true
			}
		}
		return replacement{}, false
	}
	if inert(text, p, a+n) {
		return replacement{}, false
	}
	// readingLetter's first test, besideLetter, decodes both neighbours:
	// letterNear, needed for it, is cheaper.
	if letterNear(text, p, a+n) {
		if t, ok := readingLetter(sh, text, a, a+n, c); ok {
			if !overlaps(reps, a, a+n) {
				return replacement{start: a, end: a + n, repl: string(t), reason: fmt.Sprintf("%s in a reading (stray byte %X dropped)", sh.reason, strayOf(sh, c))}, true
			}
			return replacement{}, false
		}
	}
	// After Chinese punctuation a Latin word may start too (（locale）).
	afterPunct := p >= 0x80 && chineseText(p) && !unicode.Is(unicode.Han, p)
	if p >= 0x80 && !afterPunct || a+n >= len(text) && !asciiLetter(p) {
		return replacement{}, false
	}
	next := rune(-1)
	if a+n < len(text) {
		next = rune(text[a+n])
	}
	lineStart := p == '\n'
	if c == utf8.RuneError {
		if lineStart && next >= 0 && next < 0x80 && next != '\n' && next != '\r' && !overlaps(reps, a, a+n) {
			return replacement{start: a, end: a + n, repl: "", reason: sh.reason + " (stray byte at line start dropped)"}, true
		}
		return replacement{}, false
	}
	if boxDrawing(c) && (drawnLine(text, a, a+n) || asciiDelim(p) && asciiDelim(next)) {
		// A table's border (║ is a8 55, "U", in GBK; │ a2 78, "x",
		// in Big5): the line draws elsewhere too, or the rule stands
		// alone between spaces, a column where a lone letter is rare.
		return replacement{}, false
	}
	// The common Han characters first: the table lookups cost more than
	// the rest of the rules (a character of U+4E00 to U+9FFF is a letter
	// of the Han script, no sign: TestCommonHan).
	common := commonHan(c)
	han := common || unicode.Is(unicode.Han, c)
	// oddHan, asked only where a rule needs it: most characters that
	// come this far are taken or left on cheaper tests.
	oddState := 0
	odd := func() bool {
		if oddState == 0 {
			oddState = 1
			if han && s.oddHan(c, a) {
				oddState = 2
			}
		}
		return oddState == 2
	}
	// After digits a unit sign is text (20℃, 5％).
	// At a line end, after an ASCII mark that is no space, a character
	// ends a path or an option (s/d/b, --q): a rare one is its letter.
	alone := (digitASCII(p) && !asciiAlnum(next) && (common || !unitSign(c)) || asciiDelim(p) && (asciiDelim(next) || p != ' ' && (next == '\n' || next == '\r')))
	// A private-use character between ASCII characters is no text
	// (no text is written in it): a stray byte ate the letter there
	// ("9\ue549c" for "9b1c"), whatever stands around.
	pua := c >= 0xe000 && c <= 0xf8ff && p < 0x80 && next >= 0 && next < 0x80 && next != '\n' && next != '\r'
	// Inside a Latin word, between letters of one case, a bracket, a
	// quote, a symbol or a letter of another script is a letter out
	// of step (ta〉get, U〒FI, FLATΕUB); the marks that stand between
	// words (A、B, A–Z, a/b, U．S．) are not.
	// So is one after a capitalized word's first letter (D〔bian,
	// U｝untu on Big5 pages), before lowercase.
	capital := upper(p) && lower(next) && (a < 2 || !asciiAlnum(rune(text[a-2])))
	inside := !han && (lower(p) && lower(next) || upper(p) && upper(next) || capital) && outOfWord(c)
	// Before digits, after a space or an ASCII mark, a rare character is
	// the letter of a token of a letter and digits (瞲86 for x86); a
	// common one is Chinese text (共 3).
	beforeDigits := asciiDelim(p) && digitASCII(next) && odd()
	// A rare Chinese mark at a line start before a Latin word is none of
	// the text's (〆macs for emacs); the marks of running text and
	// brackets start lines before Latin words (「perl」, 《Exploring).
	rareMark := lineStart && asciiLetter(next) && !textMark(c) && lm.UnigramLogProb(c) < rare
	if !asciiLetter(p) && !asciiLetter(next) && !lineStart && !alone && !pua && !beforeDigits || !han && chineseText(c) && !inside && !rareMark || afterPunct && !lower(next) && !(upper(next) && rareAfterPunct(lm, c)) {
		// Chinese punctuation keeps its place: Big5 gives ，、。
		// trail bytes A, B, C, and they follow Latin words.
		return replacement{}, false
	}
	b, ok := sh.wrong.encode(s.buf[:0], c)
	// An underscore inside an identifier is a letter here (pam_group).
	underscore := len(b) == 2 && b[1] == '_' && lower(p) && lower(next)
	// A rare character between ASCII marks or letters whose trail
	// byte is a symbol of addresses and paths is that symbol
	// (user鏎host for user@host, "亊/.vim" for "~/.vim").
	symbol := len(b) == 2 && han && strings.IndexByte("@|~", b[1]) >= 0 && (p > ' ' || b[1] == '~' && next == '/') && p < 0x7f && next > ' ' && next < 0x7f && lm.UnigramLogProb(c) < rare
	// At a line start, one whose trail byte is [ closed after a few
	// letters or digits is a footnote or list mark ("僛5]" for "[5]").
	symbol = symbol || lineStart && len(b) == 2 && b[1] == '[' && closedSoon(text[a+n:], ']')
	// A rare character alone between spaces or marks whose trail byte is
	// a symbol is that symbol, as one whose trail is a letter is the
	// letter (cmd1 獆| cmd2 for ||, a 猑 b for a ^ b).
	// Between ASCII quotes a rare character is the quoted text ("跋").
	symbol = symbol || alone && !(p == next && (p == '"' || p == '\'')) && len(b) == 2 && strings.IndexByte(quotedSymbols, b[1]) >= 0 && odd()
	// At a line start, one whose trail byte is a symbol the line writes
	// again: an ASCII table's rule (梶| xargs ... | for || xargs ... |).
	symbol = symbol || lineStart && len(b) == 2 && strings.IndexByte(quotedSymbols, b[1]) >= 0 && strings.IndexByte(restOfLine(text, a+n), b[1]) >= 0 && odd()
	if symbol {
		if !overlaps(reps, a, a+n) {
			return replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("%s before a mark (stray byte %X dropped)", sh.reason, b[:1])}, true
		}
		return replacement{}, false
	}
	if !ok || len(b) != 2 || !asciiLetter(rune(b[1])) && !underscore || overlaps(reps, a, a+n) || !han && unicode.Is(unicode.Latin, c) {
		// Latin letters with tone marks (fā, the pinyin of a page)
		// stay: Big5's extensions give them letter trail bytes.
		// Greek letters and bopomofo (a3 44 to a3 7e) are taken like
		// symbols: beside a Latin word they are a letter out of step.
		return replacement{}, false
	}
	if sh.wrong.name == "big5" && (b[0] < 0xa1 || b[0] > 0xf9) {
		return replacement{}, false // a lead byte Python's and glibc's Big5 readers lack
	}
	// At a line start, the letter must run on into the word: a
	// lowercase letter after it ("崁ecode" for recode), or capitals
	// after a capital ("淲PT" for APT). A Han character before a
	// Latin word starts many clean lines (在GNOME), never so.
	t := rune(b[1])
	// One of the most frequent characters before a Latin word is text
	// (在script下, 將EBCDIC, 和Atari): Big5 gives many of them letter
	// trail bytes (將 N, 與 P, 和 M, 是 O), and a stray byte seldom pairs
	// into one. It is taken where the page writes the word it gives back.
	wordOK := !(han && lm.UnigramLogProb(c) > frequentChar) || s.pageWord(a, a+n, byte(t))
	var take bool
	if lineStart {
		// Before ASCII: the word runs on, or a rare character, or a
		// symbol (not a bullet before a space) runs into a word.
		// One of the most frequent characters before a lowercase
		// word starts clean lines (在script下): it is taken when
		// the page writes the word it gives back (主ebian, Debian).
		// A Greek letter or a bopomofo before one capital is text
		// there too (ΔH 是焓變).
		letter := !han && unicode.IsLetter(c) && !kana(c)
		take = next >= 0 && next < 0x80 && next != '\n' && (lower(next) && wordOK || upper(next) && upper(t) && (!letter || wordAfter(text[a+n:])) && wordOK || odd() || !han && !letter && asciiAlnum(next))
	} else {
		// Inside a lowercase word, a lowercase letter (De俠ian; not
		// git和svn, whose 和 is M in Big5), or at the start of a word
		// of capitals, a capital (麼SS for NSS), whatever the
		// character; beside a word, a rare character or a symbol.
		// A Greek letter or bopomofo is taken only inside a word,
		// before a word that starts with a capital, or in brackets
		// before a word ((x)emacs): alone, or before one capital, it
		// is text (θ 角, ΔH, the list marks (ㄅ) (ㄆ)).
		// Kana beside a Latin word is no letter of Chinese text either:
		// Big5's kana have letter trail bytes (giボ for git).
		letter := !han && unicode.IsLetter(c) && !kana(c)
		take = lower(p) && lower(next) && (lower(t) || t == '_') || !asciiAlnum(p) && p < 0x80 && upper(next) && upper(t) && (!letter || wordAfter(text[a+n:])) && wordOK || !letter && (asciiLetter(p) || asciiLetter(next)) && (!han || odd()) && (!afterPunct || lower(t) || upper(t) && upper(next))
		// A rare character or a symbol after digits ("I18驨" for
		// I18N), or alone between ASCII quotes, brackets or spaces
		// ("靘" for "m"), is a letter on its own.
		take = take || pua || beforeDigits || alone && (!han && !letter || odd()) || letter && p == '(' && next == ')' && a+n+1 < len(text) && lower(rune(text[a+n+1]))
		// After a hyphen that opens a token, alone before a mark, a
		// space or the line end, any Han character is a one-letter
		// option's letter (-泄 for -n): no text writes one so, but a
		// negative Chinese numeral (-二 度).
		take = take || alone && han && p == '-' && opensToken(text, a-1) && !strings.ContainsRune(chineseNumerals, c)
		take = take || inside && (lower(p) && lower(t) || upper(p) && upper(t) || capital && lower(t))
		// After a slash, before lowercase letters, a Greek letter or a
		// bopomofo starts a path's part (/κtc for /etc).
		take = take || letter && p == '/' && lower(next) && lower(t)
	}
	// A common character glued to a Latin word whose letter it ate
	// ("GU埋 桌面" for GUI) is told by the page: the word it gives
	// back is written elsewhere on it, or is a known word (ENO維PC for
	// ENOSPC, Pictur別 for Picture) long enough (knownWordMin).
	if !take && han && !lineStart && (asciiLetter(p) || asciiLetter(next)) {
		take = s.pageWord(a, a+n, byte(t)) || s.knownWord(a, a+n, byte(t), knownWordMin(sh))
	}
	if take {
		return replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("%s before a letter (stray byte %X dropped)", sh.reason, b[:1])}, true
	}
	return replacement{}, false
}

// escapeMarks are the ASCII marks that start an escape, a path's part or
// quoted code (\d, C:\Users, `date`) and are trail bytes of both codes.
const escapeMarks = "\\`"

// escapeMark returns the replacement of a rare character c at
// text[a:a+n] whose trail byte is one of escapeMarks, before more ASCII
// that is no space: a stray byte made one character of the byte before
// and the mark (猏d for \d, 瓩date` for `date`). Whatever stands before
// it, a Chinese character too (字元猏t), since the mark starts a token.
func (s *latinScan) escapeMark(a, n int, c rune) (replacement, bool) {
	if a+n >= len(s.text) || s.text[a+n] <= ' ' || s.text[a+n] >= 0x7f {
		return replacement{}, false
	}
	b, ok := wrongPair(s.sh, s.buf[:0], c)
	if !ok || strings.IndexByte(escapeMarks, b[1]) < 0 || overlaps(s.reps, a, a+n) || !s.oddHan(c, a) {
		return replacement{}, false
	}
	return replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("%s before a mark (stray byte %X dropped)", s.sh.reason, b[:1])}, true
}

// opensToken reports whether the ASCII byte at text[i] starts a token:
// the line starts there, or a space, a quote or an opening bracket is
// before it.
func opensToken(text string, i int) bool {
	return i == 0 || strings.IndexByte(" \t\n\"'([{", text[i-1]) >= 0
}

// repairedBefore returns the character before text[a:] once reps are
// applied: the last one a replacement that ends at a gives back (or, if it
// gives back nothing, the one before it), else p. Calls come with a
// growing a (latinShifts reads forward), so the replacements are walked
// once.
func (s *latinScan) repairedBefore(a int, p rune) rune {
	for s.endAt < len(s.reps) && s.reps[s.endAt].end < a {
		s.endAt++
	}
	if s.endAt == len(s.reps) || s.reps[s.endAt].end != a {
		return p
	}
	rp := s.reps[s.endAt]
	if r, n := utf8.DecodeLastRuneInString(rp.repl); n > 0 {
		return r
	}
	if rp.start == 0 {
		return '\n'
	}
	r, _ := utf8.DecodeLastRuneInString(s.text[:rp.start])
	return r
}

// inert reports, for a character after p that ends at byte end, that no
// rule of latinShifts past the one after a Chinese character takes it:
// each needs an ASCII character or a Latin letter (readingLetter's, with
// or without a tone mark) right before or right after it, or Chinese
// punctuation before it and a lowercase ASCII letter after it. Most
// characters of a page are so, and this is cheaper than those rules' own
// first tests (which decode both neighbours and look Unicode tables up).
func inert(text string, p rune, end int) bool {
	return plainWide(p) && (end == len(text) || quietByte(text[end]))
}

// letterNear reports whether the character after p that ends at byte end
// may have a letter with or without a tone mark on either side
// (besideLetter), without decoding the one after it.
func letterNear(text string, p rune, end int) bool {
	return pinyinLetter(p) || end < len(text) && (asciiLetter(rune(text[end])) || text[end] >= 0xc3 && text[end] <= 0xcb)
}

// commonHan reports a character of the CJK Unified Ideographs block.
func commonHan(c rune) bool { return c >= 0x4e00 && c <= 0x9fff }

// plainWide reports a character that is neither ASCII nor a Latin letter
// with a tone mark (nor invalid UTF-8's U+FFFD, which is no letter).
func plainWide(p rune) bool { return p >= 0x80 && !pinyinLetter(p) }

// quietByte reports a byte that neither is ASCII nor starts a character
// from U+00C0 to U+02FF (a Latin letter with a tone mark among them): a
// character that starts with it is plainWide, and so is one that ends
// right before it (a continuation byte or invalid byte ends none there).
func quietByte(b byte) bool { return b >= 0x80 && (b < 0xc3 || b > 0xcb) }

// highBits has the high bit of each byte of a word set.
const highBits = 0x8080808080808080

// word8 is the eight bytes of text from i as a little-endian word.
func word8(text string, i int) uint64 {
	// One check of the slice, and the eight bytes read as one load: text[i]
	// to text[i+7], with text[i+7] checked first, kept a check for each
	// (i may be negative for all the compiler knows).
	w := text[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// asciiUntil returns the index of the first byte of text below 0x80 from
// i, len(text) when there is none: eight bytes at a time where none is.
func asciiUntil(text string, i int) int {
	for ; i+8 <= len(text) && word8(text, i)&highBits == highBits; i += 8 {
	}
	for i < len(text) && text[i] >= 0x80 {
		i++
	}
	return i
}

// quietUntil returns the index of the first byte of text from i that is
// not quietByte, len(text) when there is none: eight bytes at a time
// where all are 80 or above and none is from C0 to DF (the lead bytes of
// two-byte characters, a superset of C3 to CB).
func quietUntil(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		w := word8(text, i)
		if w&highBits != highBits {
			break
		}
		// A byte from C0 to DF is one whose top three bits are 110: x
		// has a zero byte there.
		x := w&0xe0e0e0e0e0e0e0e0 ^ 0xc0c0c0c0c0c0c0c0
		if (x-0x0101010101010101)&^x&highBits != 0 {
			break
		}
	}
	for i < len(text) && quietByte(text[i]) {
		i++
	}
	return i
}

// lastChar returns where the character of text that ends at y starts,
// and the character before that one, for a, a character boundary before
// y, and prev, the character before a. Reading UTF-8 backwards from y
// finds the characters that reading it forwards from a does: a valid
// sequence ending at y starts with a byte that no sequence before it
// takes in, and without one the byte before y stands alone.
func lastChar(text string, a, y int, prev rune) (int, rune) {
	_, n := lastRune(text, a, y)
	b := y - n
	if b > a {
		prev, _ = lastRune(text, a, b)
	}
	return b, prev
}

// lastRune is utf8.DecodeLastRuneInString(text[a:y]) with the three-byte
// characters of Chinese text read inline (as decodeHan reads them).
func lastRune(text string, a, y int) (rune, int) {
	if y-a >= 3 {
		c0, c1, c2 := text[y-3], text[y-2], text[y-1]
		if c0 >= 0xe1 && c0 <= 0xef && c0 != 0xed && c1&0xc0 == 0x80 && c2&0xc0 == 0x80 {
			return rune(c0&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), 3
		}
	}
	return utf8.DecodeLastRuneInString(text[a:y])
}

// spaceLike reports a wide character that the rules may read as a space
// before the character after it (a no-break space; a table's rule), so
// that latinShifts reads that character whatever follows it.
func spaceLike(p rune) bool {
	return p >= 0x80 && p < 0x3000 && (boxDrawing(p) || unicode.Is(unicode.Zs, p))
}

// spaceBefore reports whether the character before the one that ends at
// y (lastChar's, from a with prev before it) is spaceLike, from its
// bytes: reading it back cost what skipping the character saved.
func spaceBefore(text string, a, y int, prev rune) bool {
	// Where the character that ends at y starts: three bytes back for
	// Chinese text (lastRune's test, without its call).
	z := y - 3
	if y-a < 3 || text[z] < 0xe1 || text[z] > 0xef || text[z] == 0xed || text[z+1]&0xc0 != 0x80 || text[z+2]&0xc0 != 0x80 {
		_, n := lastRune(text, a, y)
		z = y - n
	}
	if z > a {
		return spaceEnds(text[a:z])
	}
	return spaceLike(prev)
}

// spaceEnds reports whether s ends with a spaceLike character: C2 A0
// (U+00A0), E1 9A 80 (U+1680), E2 80 80 to E2 80 8A, E2 80 AF and E2 81
// 9F (U+2000 to U+200A, U+202F, U+205F), or E2 94 80 to E2 96 9F (the
// rules). TestSpaceEnds checks it against spaceLike.
func spaceEnds(s string) bool {
	k := len(s)
	if k >= 2 && s[k-2] == 0xc2 && s[k-1] == 0xa0 {
		return true
	}
	if k < 3 {
		return false
	}
	c0, c1, c2 := s[k-3], s[k-2], s[k-1]
	switch {
	case c0 == 0xe1 && c1 == 0x9a:
		return c2 == 0x80
	case c0 != 0xe2:
		return false
	case c1 == 0x80:
		return c2 >= 0x80 && c2 <= 0x8a || c2 == 0xaf
	case c1 == 0x81:
		return c2 == 0x9f
	case c1 == 0x94 || c1 == 0x95:
		return c2 >= 0x80 && c2 <= 0xbf
	case c1 == 0x96:
		return c2 >= 0x80 && c2 <= 0x9f
	}
	return false
}

// eatenAfterHan returns the letter that c, after a Chinese character and
// before the Latin letter next, stands for: c is odd (oddHan) or of the
// private use area, its trail byte in sh's wrong code is a letter, and the word
// it starts keeps its case (a capital before either case, a lowercase
// letter before a lowercase one).
func eatenAfterHan(sh *mechanism, c, next rune, odd bool) (rune, bool) {
	pua := c >= 0xe000 && c <= 0xf8ff
	if !pua && !odd {
		return 0, false
	}
	var buf [4]byte
	b, ok := wrongPair(sh, buf[:0], c)
	if !ok {
		return 0, false
	}
	t := rune(b[1])
	if !(upper(t) || lower(t) && lower(next)) {
		return 0, false
	}
	return t, true
}

// wrongPair returns c's two bytes in sh's wrong code, written into buf,
// where that code's reader has a character for them (Python's and glibc's
// Big5 readers lack the leads outside A1-F9): the stray byte and the
// byte after it that a shifted reading made c of.
func wrongPair(sh *mechanism, buf []byte, c rune) ([]byte, bool) {
	b, ok := sh.wrong.encode(buf, c)
	if !ok || len(b) != 2 || sh.wrong.name == "big5" && (b[0] < 0xa1 || b[0] > 0xf9) {
		return nil, false
	}
	return b, true
}

// strayOf returns the byte of c in sh's wrong code taken for the stray one.
func strayOf(sh *mechanism, c rune) byte {
	var buf [4]byte
	b, _ := sh.wrong.encode(buf[:0], c)
	return b[0]
}

// pageShift returns the frame shift force names (the one the page's
// windows settled on, or an earlier chunk's), or else the one that one of
// reps was repaired with, nil if none. A page's first repaired run can be
// the other code's by chance (see scratch.shiftLocked).
func pageShift(mechs func() []*mechanism, reps []replacement, force string) *mechanism {
	if force == "" {
		return shiftOf(mechs, reps)
	}
	for _, m := range mechs() {
		if m.reason == force {
			return m
		}
	}
	return nil
}

// overlaps reports whether [a, z) overlaps one of reps (in text order).
func overlaps(reps []replacement, a, z int) bool {
	k, _ := slices.BinarySearchFunc(reps, a, func(x replacement, s int) int { return x.start - s })
	return k > 0 && reps[k-1].end > a || k < len(reps) && reps[k].start < z
}

// latinWords counts the Latin words of text, in lower case: runs of two
// ASCII letters or digits or more, with at least one letter.
func latinWords(text string) map[string]int {
	words := map[string]int{}
	for i := 0; i < len(text); {
		if !asciiAlnum(rune(text[i])) {
			i++
			continue
		}
		j, letters := i, 0
		for j < len(text) && asciiAlnum(rune(text[j])) {
			if asciiLetter(rune(text[j])) {
				letters++
			}
			j++
		}
		if j-i >= 2 && letters > 0 {
			words[strings.ToLower(stem(text[i:j]))]++
		}
		i = j
	}
	return words
}

// stem is a Latin word without the digits it ends in: GNOME3 is the
// GNOME of a page, IPv6 its IPv4.
func stem(w string) string {
	k := len(w)
	for k > 0 && digitASCII(rune(w[k-1])) {
		k--
	}
	if k < 2 {
		return w
	}
	return w[:k]
}

// wordWith returns the Latin word that the text makes around [a, z) when
// t stands there: the ASCII letters and digits either side, and t. A
// letter the scan took before is part of the word: in Lin黐x系, 系 after
// the u read back is the end of Linux, not of "x".
func (s *latinScan) wordWith(a, z int, t byte) string {
	text := s.text
	i, j := a, z
	var head []string
	k := len(s.taken) - 1
	for {
		for i > 0 && asciiAlnum(rune(text[i-1])) {
			i--
		}
		for k >= 0 && s.taken[k].end > i {
			k--
		}
		if k < 0 || s.taken[k].end != i || len(s.taken[k].repl) != 1 || !asciiAlnum(rune(s.taken[k].repl[0])) {
			break
		}
		head = append(head, text[i:a], s.taken[k].repl)
		a, i = s.taken[k].start, s.taken[k].start
	}
	for j < len(text) && asciiAlnum(rune(text[j])) {
		j++
	}
	var b strings.Builder
	b.WriteString(text[i:a])
	for x := len(head) - 1; x >= 0; x-- {
		b.WriteString(head[x])
	}
	b.WriteByte(t)
	b.WriteString(text[z:j])
	return b.String()
}

// wordAfter reports whether s starts with a Latin word of two letters or
// more.
func wordAfter(s string) bool {
	return len(s) >= 2 && asciiLetter(rune(s[0])) && asciiLetter(rune(s[1]))
}

func lower(r rune) bool { return r >= 'a' && r <= 'z' }

func upper(r rune) bool { return r >= 'A' && r <= 'Z' }

// shiftOf returns the frame-shift mechanism that one of reps was repaired
// with, nil if none.
func shiftOf(mechs func() []*mechanism, reps []replacement) *mechanism {
	for _, rp := range reps {
		for _, m := range mechs() {
			if m.shift && strings.Contains(rp.reason, m.reason) {
				return m
			}
		}
	}
	return nil
}

// trailShifts returns, for a page with frame shifts among reps, the
// replacements of a character that a stray byte before it made of the
// real character's lead byte, leaving that character's trail byte on its
// own as ASCII: "縣G、" is a stray byte and a4 47, 二, before "、", and
// "支援恣C這" is 。 (a1 43) read out of step. The reader is back in step
// after the trail, so the lattice sees one character beside an ASCII one,
// often nothing the detector flags; what tells it is the page's other
// shifts and the lone ASCII character (no letter or digit on either side
// of it). The reading is taken when it is more probable than the text as
// found by trailShiftGain, with the characters on both sides.
func trailShifts(lm *langmodel.Model, sh *mechanism, text string, reps []replacement, scopeEnd func(string) bool) []replacement {
	if sh == nil {
		return nil
	}
	var out []replacement
	prev := rune('\n')
	for a := 0; a < len(text); {
		if text[a] >= 0x80 {
			// Only a character before an ASCII one is read: go to the
			// one before the next ASCII byte without decoding the others.
			y := asciiUntil(text, a+1)
			if y == len(text) {
				break
			}
			if t := text[y]; t < 0x40 || t > 0x7e {
				// No trail byte (digits, spaces, line ends, most
				// punctuation): trailShiftAt takes nothing before it.
				// Read on from the ASCII byte, whose own prev it is.
				a = y
			} else {
				a, prev = lastChar(text, a, y, prev)
			}
		}
		if text[a] < 0x80 {
			// No rule takes an ASCII character (the call costs more): go
			// past the run of them, whose last is the prev of what follows.
			z := asciiRunEnd(text, a)
			prev, a = rune(text[z-1]), z
			continue
		}
		c, n := decodeHan(text, a)
		if rp, d, ok := trailShiftAt(lm, sh, text, reps, scopeEnd, a, n, c, prev); ok {
			out = append(out, rp)
			prev, a = d, rp.end
			continue
		}
		prev = c
		a += n
	}
	return out
}

// trailShiftAt returns the replacement trailShifts takes for c, at
// text[start:start+n] after the character p, and the character it reads
// there, if it takes one.
func trailShiftAt(lm *langmodel.Model, sh *mechanism, text string, reps []replacement, scopeEnd func(string) bool, start, n int, c, p rune) (replacement, rune, bool) {
	a := start + n
	if c < 0x80 || c == utf8.RuneError || a >= len(text) {
		return replacement{}, 0, false
	}
	t := rune(text[a])
	// Before a Latin word only a mark read back counts ("芊]Unix" is
	// "（Unix"): a letter there is latinShifts' case.
	beforeWord := a+1 < len(text) && asciiAlnum(rune(text[a+1]))
	if t < 0x40 || t > 0x7e || overlaps(reps, start, a+1) {
		return replacement{}, 0, false
	}
	var buf [4]byte
	b, ok := sh.wrong.encode(buf[:0], c)
	if !ok || len(b) != 2 {
		return replacement{}, 0, false
	}
	d, k, ok := sh.right.decode([]byte{b[1], byte(t)})
	if !ok || k != 2 {
		return replacement{}, 0, false
	}
	// A table's rule read out of step leaves its trail byte as a letter
	// on Big5 pages (│ is a2 78: "哈xsecurity│"); the row's other rules,
	// read in step, tell it, before a word too.
	row := boxRule(d) && ruleAhead(text, a+1)
	if !row && (beforeWord && asciiAlnum(t) || !chineseText(d) || beforeWord && !opens(d)) {
		return replacement{}, 0, false
	}
	// Score both with the characters around them.
	found, read := lm.Scorer(), lm.Scorer()
	found.Next(p)
	read.Next(p)
	gain := read.Next(d) - found.Next(c) - found.Next(t)
	for i, r := range text[a+1:] {
		if i >= 12 {
			break
		}
		gain += read.Next(r) - found.Next(r)
	}
	need := trailShiftGain
	if opens(c) && asciiLetter(t) {
		// An opening quote or bracket before a lone letter is text
		// far more often than a shift ("“l”", "（C语言）").
		need = trailShiftCommonGain
	}
	common := unicode.Is(unicode.Han, c) && lm.UnigramLogProb(c) >= rare
	if p != '\n' && common && unicode.Is(unicode.Han, d) && asciiLetter(t) {
		// A lone letter between Chinese characters is often text
		// (X光, A股); a lone bracket or symbol of the trail range
		// ("和岩[密" for 和加密) seldom is.
		need = trailShiftCommonGain
	}
	if common && strings.IndexByte(escapeMarks, byte(t)) >= 0 && a+1 < len(text) && text[a+1] > ' ' && text[a+1] < 0x7f {
		// So is an escape mark that opens a code token after a
		// common character (用`ls`, 中\n): Big5 and GBK read 用` as
		// 复 and 中\ as 么.
		need = trailShiftCommonGain
	}
	// A reading the model doubts is taken where the page writes the
	// character beside the same neighbour, whole, elsewhere: a variant
	// the model barely knows (綫, 纔, 甦) or a word of the page's own.
	if gain < need && !(gain >= trailShiftGain && pageWrites(text, scopeEnd, start, p, d, a+1)) {
		return replacement{}, 0, false
	}
	return replacement{start: start, end: a + 1, repl: string(d), reason: fmt.Sprintf("%s (stray byte %X dropped)", sh.reason, b[:1])}, d, true
}

// oddHan reports a Han character that is no text where a letter was: a
// rare one, or a traditional form alone on a line of simplified text
// (慶 in │慶   │字符设备节点│; GBK's extension, which stray bytes read
// into, holds mostly traditional forms, and the model counts one whose
// simplified form is common as common). a is c's offset.
func (s *latinScan) oddHan(c rune, a int) bool {
	if !unicode.Is(unicode.Han, c) {
		return false
	}
	if s.lm.UnigramLogProb(c) < rare {
		return true
	}
	if langmodel.ScriptOf(c) != langmodel.TraditionalOnly {
		return false
	}
	// The line's counts are taken once: on a traditional page most
	// characters ask.
	if ls := &s.script; a < ls.lo || a >= ls.hi || ls.hi == 0 {
		lo := lineStartOf(s.text, a)
		*ls = lineScript{lo: lo, hi: lo + len(restOfLine(s.text, lo))}
		for _, r := range s.text[ls.lo:ls.hi] {
			switch langmodel.ScriptOf(r) {
			case langmodel.TraditionalOnly:
				ls.trad++
			case langmodel.SimplifiedOnly:
				ls.simp++
			}
			if ls.trad > 1 {
				break // a traditional line: no character of it is odd so
			}
		}
	}
	// c itself is one of the line's traditional-only characters.
	return s.script.trad == 1 && s.script.simp >= 2
}

// textMark reports the punctuation of running Chinese text: brackets and
// quotes, and the marks sentences are written with.
func textMark(r rune) bool {
	return opens(r) || pairOf[r] != 0 || strings.ContainsRune("。，、；：？！…—～·．", r)
}

// asciiRunEnd returns the end of the run of ASCII bytes that starts at
// text[a], itself ASCII.
func asciiRunEnd(text string, a int) int {
	z := a + 1
	for z < len(text) && text[z] < 0x80 {
		z++
	}
	return z
}

// restOfLine returns the rest of text[at:]'s line.
func restOfLine(text string, at int) string {
	if k := strings.IndexByte(text[at:], '\n'); k >= 0 {
		return text[at : at+k]
	}
	return text[at:]
}

// ruleAhead reports whether the line from text[at] holds a table's rule
// (see boxRule).
func ruleAhead(text string, at int) bool {
	return strings.ContainsFunc(restOfLine(text, at), boxRule)
}

// pageWrites reports whether the page writes d after the Han character p,
// or before the Han character at text[after:], elsewhere in the scope of
// text[at] (between the lines scopeEnd reports, which a document is cut
// at, so that a chunk repairs as the whole does): 收看無喚Q電視 is
// 收看無綫電視 on a page that writes 無綫 whole.
func pageWrites(text string, scopeEnd func(string) bool, at int, p, d rune, after int) bool {
	if !unicode.Is(unicode.Han, d) {
		return false
	}
	var pairs []string
	if unicode.Is(unicode.Han, p) {
		pairs = append(pairs, string([]rune{p, d}))
	}
	if next, _ := utf8.DecodeRuneInString(text[after:]); unicode.Is(unicode.Han, next) {
		pairs = append(pairs, string([]rune{d, next}))
	}
	if len(pairs) == 0 {
		return false
	}
	lo, hi := scopeAround(text, scopeEnd, at)
	for _, pr := range pairs {
		if strings.Contains(text[lo:hi], pr) {
			return true
		}
	}
	return false
}

// scopeAround returns the bounds of the scope holding text[at]: from
// after the last line before at's line that scopeEnd reports to the end
// of the first line from at's on that it reports (the whole text when
// scopeEnd is nil), and no more than scopeLines lines either way of at's:
// the lines are asked one by one, and a page of short lines needs no
// more.
func scopeAround(text string, scopeEnd func(string) bool, at int) (lo, hi int) {
	if scopeEnd == nil {
		return 0, len(text)
	}
	ls := strings.LastIndexByte(text[:at], '\n') + 1
	lo = ls
	for k := 0; lo > 0 && k < scopeLines; k++ {
		s := strings.LastIndexByte(text[:lo-1], '\n') + 1
		if scopeEnd(text[s : lo-1]) {
			break
		}
		lo = s
	}
	hi = ls
	for k := 0; ; k++ {
		e := strings.IndexByte(text[hi:], '\n')
		if e < 0 {
			return lo, len(text)
		}
		if k == scopeLines || scopeEnd(text[hi:hi+e]) {
			return lo, hi + e
		}
		hi += e + 1
	}
}

// scopeLines bounds how many lines either way of a character pageWrites
// reads.
const scopeLines = 200

// trailShiftGain is the least gain, in nats, of a trailShifts reading;
// trailShiftCommonGain that of a Han character read inside a line out of
// a common one, which a stray byte rarely makes but real text puts before
// a lone letter ("你的X螢幕" read as "你腦螢幕" gained over 6). Set on the
// tuning half of the realistic corruption benchmark: no clean line of a
// page with shifts touched, no wrong reading taken.
const (
	trailShiftGain       = 3.0
	trailShiftCommonGain = 9.0
)

// frequentChar is the unigram log probability above which a Han
// character is one of the few hundred most frequent (的 一 在 是 和, 將 與
// 向 果): before a Latin word at a line start, or before a word of
// capitals after ASCII, it is text unless the page writes the word its
// letter would give back. Set on the tuning halves: on the even man
// pages' clean lines the false repairs of the probe went from 91 to 49
// (-6.5, the value before, when only lowercase words asked: 91; -7.5: 48),
// with the realistic benchmark's tuning half at 400 lines unchanged
// (-7.5 lost 4 shifted lines at line starts).
const frequentChar = -7.0

// outOfWord reports a character that never stands inside a Latin word in
// clean text: a bracket, a quote, a symbol or a letter of a script
// other than Latin; dashes, slashes, stops and other punctuation do.
func outOfWord(r rune) bool {
	if r >= 0xc0 && r < 0x250 {
		// Latin letters with marks (the pinyin beside which latinShifts
		// asks, most often), but × and ÷: the same answer without the
		// seven tables (TestOutOfWordLatin).
		return r == 0xd7 || r == 0xf7
	}
	return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) || unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.So, unicode.Sc, unicode.Sm)
}

// closedSoon reports whether s starts with one to three ASCII letters or
// digits and then closer.
func closedSoon(s string, closer byte) bool {
	k := 0
	for k < len(s) && k < 4 && asciiAlnum(rune(s[k])) {
		k++
	}
	return k >= 1 && k <= 3 && k < len(s) && s[k] == closer
}

// unitSign reports a sign that follows a number: a symbol (℃, ㎞, ¥) or a
// per cent or per mille sign.
func unitSign(r rune) bool {
	return r == '％' || r == '‰' || r == '‱' || unicode.In(r, unicode.So, unicode.Sc, unicode.Sm)
}

func digitASCII(r rune) bool { return r >= '0' && r <= '9' }

// kana reports a hiragana or katakana character.
func kana(c rune) bool { return c >= 0x3041 && c <= 0x30ff }

// rareAfterPunct reports a rare Han character, which after Chinese
// punctuation and before a capital is a capital out of step (（琄DE） for
// （KDE）): a common one there is text (（即API）).
func rareAfterPunct(lm *langmodel.Model, c rune) bool {
	return unicode.Is(unicode.Han, c) && lm.UnigramLogProb(c) < rare
}

// asciiDelim reports ASCII punctuation or a space: what stands around a
// letter quoted on its own.
func asciiDelim(r rune) bool {
	return r == ' ' || r > ' ' && r < 0x7f && !asciiAlnum(r)
}

// boxDrawing reports a character of box drawing or a block element
// (U+2500 to U+259F): GBK gives the double-line ones letter trail bytes.
func boxDrawing(r rune) bool { return r >= 0x2500 && r <= 0x259f }

// drawnLine reports whether the line of text around [a, z) holds box
// drawing outside [a, z): a border drawn with others.
func drawnLine(text string, a, z int) bool {
	start := strings.LastIndexByte(text[:a], '\n') + 1
	end := len(text)
	if k := strings.IndexByte(text[z:], '\n'); k >= 0 {
		end = z + k
	}
	for _, part := range []string{text[start:a], text[z:end]} {
		for _, r := range part {
			if boxDrawing(r) {
				return true
			}
		}
	}
	return false
}

// readingShifts returns, for a page without frame shifts elsewhere, the
// letters that a stray byte ate inside reading annotations: what
// readingLetter finds needs no other evidence, since no text writes a
// Chinese character inside pinyin that then spells the character before.
// It is cheap where brackets hold only readings, and the repairer asks it
// of text the detector flags nothing in too (鄉 in 引領(鄉ǐng) is common).
func readingShifts(mechs func() []*mechanism, text string, reps []replacement) []replacement {
	var out []replacement
	// The next ( and （ at or after i, -1 for none: IndexByte and Index
	// are fast scans, IndexAny with a wide character is not.
	half, full := -2, -2
	next := func(i int, at *int, find func(string) int) int {
		if *at != -1 && *at < i {
			*at = find(text[i:])
			if *at >= 0 {
				*at += i
			}
		}
		return *at
	}
	for i := 0; i < len(text); {
		h := next(i, &half, func(s string) int { return strings.IndexByte(s, '(') })
		f := next(i, &full, func(s string) int { return strings.Index(s, "（") })
		open := h
		if open < 0 || f >= 0 && f < open {
			open = f
		}
		if open < 0 {
			break
		}
		_, n := utf8.DecodeRuneInString(text[open:])
		i = open + n
		// The one character of the brackets that is no reading's.
		at, size, letters, others := 0, 0, 0, 0
		for j := i; j < len(text) && j-i < 2*maxReading && others < 2; {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == ')' || r == '）' {
				break
			}
			if readingRune(r) {
				letters++
			} else {
				others++
				at, size = j, n
			}
			j += n
		}
		if others != 1 || letters < 2 || overlaps(reps, at, at+size) || !besideLetter(text, at, at+size) {
			continue // cheap tests before the codes are built: most brackets hold no reading
		}
		c, _ := utf8.DecodeRuneInString(text[at:])
		for _, m := range mechs() {
			if !m.shift {
				continue
			}
			if t, ok := readingLetter(m, text, at, at+size, c); ok {
				// Its reason names no frame shift: one stray byte
				// makes no page shifted (see shiftOf).
				out = append(out, replacement{start: at, end: at + size, repl: string(t), reason: fmt.Sprintf("stray byte %X in a reading annotation dropped (%s)", strayOf(m, c), m.wrong.name)})
				break
			}
		}
	}
	return out
}

// besideLetter reports whether a letter, with or without a tone mark,
// stands right before [a, z) or right after it.
func besideLetter(text string, a, z int) bool {
	p, _ := utf8.DecodeLastRuneInString(text[:a])
	n, _ := utf8.DecodeRuneInString(text[z:])
	return pinyinLetter(p) || pinyinLetter(n)
}

// pinyinLetter reports a Latin letter, with or without a tone mark.
func pinyinLetter(r rune) bool {
	if r < 0xc0 {
		return asciiLetter(r)
	}
	if r < 0x250 {
		// Latin-1's letters and Latin Extended-A and -B, but × and ÷:
		// the table's answer without it (TestPinyinLetterLatin).
		return r != 0xd7 && r != 0xf7
	}
	return r < 0x300 && unicode.Is(unicode.Latin, r)
}

// maxReading bounds the bytes of a reading annotation read on either side
// of a character inside it: a few syllables.
const maxReading = 40

// readingLetter returns the letter that c, at [a, z) inside the brackets
// of a reading annotation (建設(瀞hè), 引領(鄉ǐng)), stands for: its trail
// byte in sh's wrong code is a lowercase letter, and with that letter in
// its place the annotation reads the character before the brackets. The
// letters beside it may carry tone marks, which the Latin word rules do
// not take for letters.
func readingLetter(sh *mechanism, text string, a, z int, c rune) (byte, bool) {
	if !besideLetter(text, a, z) {
		return 0, false // the cheap test first: this is asked of most characters of a shifted page
	}
	var buf [4]byte
	b, ok := sh.wrong.encode(buf[:0], c)
	if !ok || len(b) != 2 || !lower(rune(b[1])) {
		return 0, false
	}
	open := a
	for open > 0 && a-open < maxReading {
		r, n := utf8.DecodeLastRuneInString(text[:open])
		if r == '(' || r == '（' {
			break
		}
		if !readingRune(r) {
			return 0, false
		}
		open -= n
	}
	r, n := utf8.DecodeLastRuneInString(text[:open])
	if r != '(' && r != '（' {
		return 0, false
	}
	han, _ := utf8.DecodeLastRuneInString(text[:open-n])
	if !unicode.Is(unicode.Han, han) {
		return 0, false
	}
	end := z
	for end < len(text) && end-z < maxReading {
		r, n := utf8.DecodeRuneInString(text[end:])
		if r == ')' || r == '）' {
			break
		}
		if !readingRune(r) {
			return 0, false
		}
		end += n
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); r != ')' && r != '）' {
		return 0, false
	}
	s := text[open:a] + string(b[1:]) + text[z:end]
	return b[1], pinyin.EndsWithReading(han, s)
}

// readingRune reports a character of a reading annotation: a letter with
// or without a tone mark, a tone number, or a separator.
func readingRune(r rune) bool {
	return pinyinLetter(r) || r >= '0' && r <= '5' || r == '\'' || r == ' ' || r == '-'
}

// latinEvidenceMin is how many Latin words a page must give back, each
// from a rare character glued to it, before latinEvidence takes the page
// for shifted: one such word beside a rare character can be a
// coincidence of codes, two on a page with no other shift are not. One
// character between two letters of the word is enough: clean text never
// writes a rare character inside a Latin word (set on the even man pages,
// whose last line writes "man": GB18030 stray byte inside a line 96.24%
// -> 97.90% of lossless lines, no clean line edited more).
const latinEvidenceMin = 2

// latinEvidence returns the frame shift that explains a page whose only
// stray bytes fell in or beside Latin words (ma豱 for man, Genera秎
// Public), so that no window read better with a shift and latinShifts,
// which needs the page's shift, would leave them: the shift whose trail
// bytes make known Latin words (knownWord, of knownWordMin letters or
// more) of latinEvidenceMin rare characters, each glued to ASCII letters,
// one of them in the windows ws that the detector flagged; nil if none
// does.
func latinEvidence(lm *langmodel.Model, mechs func() []*mechanism, text string, ws []window) *mechanism {
	for _, sh := range mechs() {
		if !sh.shift {
			continue
		}
		s := latinScan{lm: lm, sh: sh, text: text}
		if !slices.ContainsFunc(ws, func(w window) bool { return s.evidenceIn(w.start, w.end, 1) }) {
			continue
		}
		// The detector need not flag every such character (亀 is no rarer
		// than a name's): with one in a window, the page is read whole.
		if s.evidenceIn(0, len(text), latinEvidenceMin) {
			return sh
		}
	}
	return nil
}

// evidenceIn reports whether text[a:z] holds want characters that
// evidenceAt takes, or one of them inside a word.
func (s *latinScan) evidenceIn(a, z, want int) bool {
	found := 0
	for a < z {
		c, n := utf8.DecodeRuneInString(s.text[a:])
		if c >= 0x80 && s.evidenceAt(a, n, c) {
			// One between two letters of a word is enough (m馻n for
			// man): no clean text writes a rare character there.
			if found++; found >= want || s.insideWord(a, n) {
				return true
			}
		}
		a += n
	}
	return false
}

// insideWord reports whether text[a:a+n] stands between two ASCII letters.
func (s *latinScan) insideWord(a, n int) bool {
	return a > 0 && asciiLetter(rune(s.text[a-1])) && a+n < len(s.text) && asciiLetter(rune(s.text[a+n]))
}

// evidenceAt reports whether c at text[a:a+n] is a rare character glued to
// an ASCII letter whose trail byte in s.sh's code, a letter, makes a known
// Latin word with the letters around it, or one the page writes elsewhere
// (梡wconv on a page that lists pwconv; see latinEvidence). Set on the
// even man pages: shifted lines restored, GB18030 at line start 97.53% ->
// 98.36%, Big5 at line start 98.99% -> 99.13%, inside 96.57% -> 96.83%,
// no clean line edited more.
func (s *latinScan) evidenceAt(a, n int, c rune) bool {
	text := s.text
	if !(a > 0 && asciiLetter(rune(text[a-1])) || a+n < len(text) && asciiLetter(rune(text[a+n]))) {
		return false
	}
	if !unicode.Is(unicode.Han, c) || s.lm.UnigramLogProb(c) >= rare {
		return false
	}
	b, ok := wrongPair(s.sh, s.buf[:0], c)
	if !ok || !asciiLetter(rune(b[1])) {
		return false
	}
	return s.knownWord(a, a+n, b[1], knownWordMin(s.sh)) || s.pageWord(a, a+n, b[1])
}
