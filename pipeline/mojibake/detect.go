package mojibake

import (
	_ "embed"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The detector looks at each character once and flags a place for the
// repair lattice when it holds a character that does not belong in Chinese
// prose (a marker), or when `span` consecutive characters are, by a cheap
// cut of the language model, too improbable together. Everything here is a
// table lookup, so clean text passes quickly.
const (
	span    = 4
	minSpan = 3
	// surprise3 and surprise4 are the summed costs, in tenths of a nat,
	// above which a span of 3 or 4 characters is improbable: a character
	// costs -log P(c), or nothing when the pair with its predecessor is in
	// the model.
	surprise3 = 300
	surprise4 = 340
	// rareHan is the unigram log probability below which a Han character
	// on its own is reason enough to look.
	rareHan = -14.0
	maxCost = 150
	marker  = 255
	neutral = 254 // punctuation and the like: ends a span, flags nothing
)

// span must be 4: scanLosses holds the span's costs in four variables.
var _ [0]struct{} = [span - 4]struct{}{}

type detector struct {
	// cost is each character's unigram cost in tenths of a nat, or marker
	// or neutral (see deriveDetectorTables).
	cost *[0x10000]uint8
	// cp1252High holds what windows-1252 decodes bytes 80-FF to.
	cp1252High map[rune]bool
	// pairs is a hashed set of the model's character pairs, bit h%8 of
	// byte h/8 for pairHash h (false hits, a few per cent, only make the
	// cut more lenient). It is read in place from detectorTables.
	pairs string
	// lossCost is the least cost of the characters loss runs are made of
	// (锟, 烫, 屯): the scan compares a character with them only from
	// that cost up.
	lossCost uint8
}

const pairBits = 1 << 24

func pairHash(a, b rune) uint32 {
	h := uint64(a)*0x9E3779B97F4A7C15 ^ uint64(b)*0xC2B2AE3D27D4EB4F
	return uint32(h>>40) & (pairBits - 1)
}

// pairSeen reports whether pairHash h is in the pair set.
func (d *detector) pairSeen(h uint32) bool { return d.pairs[h/8]>>(h%8)&1 != 0 }

// detectorTables holds the cost table (0x10000 bytes) and then the pair
// set (pairBits/8 bytes), derived from the language model at build time
// (go generate; TestGeneratedTables checks them against the model). Deriving
// them at start took the model's parse and 20 ms more of every run; now a
// text the detector passes never loads the model.
//
//go:embed data/detector.bin
var detectorTables string

var detectorFor = sync.OnceValue(func() *detector {
	if len(detectorTables) != 0x10000+pairBits/8 {
		panic(fmt.Sprintf("mojibake: embedded detector tables hold %d bytes", len(detectorTables)))
	}
	d := &detector{cost: new([0x10000]uint8), pairs: detectorTables[0x10000:], cp1252High: map[rune]bool{}}
	copy(d.cost[:], detectorTables[:0x10000])
	d.lossCost = min(d.cost[lossRunChars[0]], d.cost[lossRunChars[1]], d.cost[lossRunChars[2]])
	for c := 0x80; c <= 0xff; c++ {
		// A no-break space counts as a space: HTML puts them around
		// symbols ("专栏 &nbsp;›&nbsp; 山东").
		if r, _, ok := cp1252Codec().decode([]byte{byte(c)}); ok && r != 0xa0 {
			d.cp1252High[r] = true
		}
	}
	return d
})

// isMarker reports characters that are improbable in Chinese prose and
// typical of mojibake: the model scores them low, and they appear where
// bytes were read with the wrong code.
func isMarker(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r < 0xa0: // C1 controls
		return true
	case r == 0xa0: // no-break space, common in text taken from HTML
		return false
	case r <= 0x24f: // Latin-1 and Latin Extended letters
		return r != 0xb7 && r != 0xb0 && r != 0xd7 && !pinyinVowel(r)
	case r >= 0x370 && r <= 0x52f: // Greek, Cyrillic
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks
		return true
	case r >= 0x2e80 && r <= 0x2fff: // radicals, ideographic description
		return true
	case r >= 0x3100 && r <= 0x312f || r >= 0x31a0 && r <= 0x31bf: // bopomofo
		return true
	case r >= 0xe000 && r <= 0xf8ff: // private use
		return true
	case r >= 0xfe30 && r <= 0xfe4f: // CJK compatibility forms
		return true
	case r >= 0xff61 && r <= 0xffef: // halfwidth forms
		return true
	case r == utf8.RuneError:
		return true
	case cp1252Symbol(r):
		return true
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return true
	}
	return false
}

// cp1252Symbol reports the windows-1252 symbols outside Latin-1 that
// Chinese text has little use for.
func cp1252Symbol(r rune) bool {
	switch r {
	case 0x20ac, 0x2122, 0x2030, 0x2039, 0x203a, 0x2020, 0x2021, 0x201a, 0x201e, 0x02c6, 0x02dc:
		return true
	}
	return false
}

// pinyinVowel reports the toned vowels of inline pinyin annotations, which
// are normal in these documents.
func pinyinVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü':
		return true
	}
	return false
}

// suspicious returns the byte offsets of places that need a look, in
// order. A lone ASCII character that may be a GBK trail byte, which only a
// frame shift explains, is given as ^offset.
//
// The common case comes first: three-byte characters of ordinary cost,
// scored in a tight loop of their own (plainRun).
func (d *detector) suspicious(text string) []int {
	spots, _ := d.scan(text)
	return spots
}

// lossRunChars are the characters every loss run holds (see lossRuns).
var lossRunChars = [3]rune{'锟', '烫', '屯'}

// isLossRunChar reports one of lossRunChars.
func isLossRunChar(r rune) bool {
	return r == lossRunChars[0] || r == lossRunChars[1] || r == lossRunChars[2]
}

// scan is suspicious, and also reports whether text holds a character of
// lossRunChars: without one, text holds no loss run, and the three
// substring searches of lossRuns (a sixth of the stage on clean text,
// their first bytes being common lead bytes) are skipped.
func (d *detector) scan(text string) (spots []int, loss bool) {
	spots, losses := d.scanLosses(text)
	return spots, len(losses) > 0
}

// scanLosses is scan that also returns the offset of each character of
// lossRunChars, in order: lossRunsAt looks for runs only there (three
// substring searches of a garbled page found their first bytes, common
// lead bytes, at every few characters).
//
// The costs of the span's characters before the current one are held in
// k1, k2 and k3 (0 where the span is shorter), not in rings with the
// characters: the rings and their flags, in memory, made the loop load
// and store them at every character and spill its other variables (with
// plainRun, a fifth fewer instructions on clean text). A character's cost is
// first its unigram cost, lowered to 0 for a known pair only when the
// span's sum crosses the cut (the pair set is large and looked up at
// random): lowerSpan then reads the span's characters back from the text.
// Lowering only shrinks the sum, so the spots are those of looking every
// pair up.
func (d *detector) scanLosses(text string) (spots, losses []int) {
	var k1, k2, k3 int
	n := 0 // characters in the span so far
	// checked: the characters that end up to here had their pairs looked
	// up (see lowerSpan).
	checked := 0
	last := rune(-1)
	cost, lossCost := d.cost, d.lossCost
	for i := 0; i < len(text); {
		if c := text[i]; c >= 0xe1 || c < 0x40 || c == 0x7f {
			var m int
			if m, n, k1, k2, k3 = plainRun(cost, lossCost, text[i:], n, k1, k2, k3); m > 0 {
				i += m
				// What it read last: an ASCII byte or a three-byte character.
				if b := text[i-1]; b < 0x80 {
					last = rune(b)
				} else {
					last = rune(text[i-3]&0x0f)<<12 | rune(text[i-2]&0x3f)<<6 | rune(b&0x3f)
				}
				if i == len(text) {
					break
				}
			}
		}
		// What plainRun stops at: any other character, or one that is a
		// spot, ends the span, is a loss run's or needs the pairs.
		c := text[i]
		if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(text) {
			c1, c2 := text[i+1], text[i+2]
			if c1&0xc0 == 0x80 && c2&0xc0 == 0x80 {
				r := rune(c&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f)
				k := cost[r]
				if k >= lossCost && isLossRunChar(r) {
					noteLoss(&losses, i)
				}
				if k < neutral {
					last = r
					k0 := int(k)
					sum := k0 + k1 + k2 + k3 // k3 is 0 while n < span-1
					n++
					if n > minSpan && sum > surprise4 || n == minSpan && sum > surprise3 {
						cut := surprise4
						if n == minSpan {
							cut = surprise3
						}
						k0, k1, k2, k3, sum = d.lowerSpan(text, i+3, n, checked, k0, k1, k2, k3)
						checked = i + 3
						if sum > cut {
							noteLoss(&spots, i)
						}
					}
					k3, k2, k1 = k2, k1, k0
					i += 3
					continue
				} else if k == neutral { // punctuation: ends the span
					last = r
					i += 3
					n, k1, k2, k3 = 0, 0, 0, 0
					continue
				}
			}
		}
		if c < 0x80 {
			// A lone ASCII character of the GBK trail range (letters,
			// @[\]^_`{|}~) after a multi-byte character and before another,
			// a space or the end of the line: where a GBK trail byte was
			// read as ASCII after a frame shift.
			if last >= 0x2000 && c >= 0x40 && c <= 0x7e && loneTrail(text, i+1) {
				noteLoss(&spots, ^i) // a lone-trail spot
			}
			n, k1, k2, k3, last = 0, 0, 0, 0, rune(c)
			i++
			continue
		}
		r, size := decodeHan(text, i)
		if isLossRunChar(r) {
			noteLoss(&losses, i)
		}
		var k uint8 = marker
		if r < 0x10000 {
			k = cost[r]
		} else if unicode.Is(unicode.Han, r) {
			k = maxCost
		}
		if k == marker && (besideOwnKind(text, i, size, r, last) || soloLatin(r) && d.loneSymbol(text, i, size, last)) {
			k = neutral
		}
		last = r
		if k >= neutral {
			if k == marker {
				noteLoss(&spots, i)
			}
			n, k1, k2, k3 = 0, 0, 0, 0
			i += size
			continue
		}
		// The span's step of the fast path above, written twice on purpose:
		// one shared step after both paths made the loop 25% slower.
		k0 := int(k)
		sum := k0 + k1 + k2 + k3
		n++
		if n > minSpan && sum > surprise4 || n == minSpan && sum > surprise3 {
			cut := surprise4
			if n == minSpan {
				cut = surprise3
			}
			k0, k1, k2, k3, sum = d.lowerSpan(text, i+size, n, checked, k0, k1, k2, k3)
			checked = i + size
			if sum > cut {
				noteLoss(&spots, i)
			}
		}
		k3, k2, k1 = k2, k1, k0
		i += size
	}
	return spots, losses
}

// plainRun reads, from the start of t, the three-byte characters that
// only extend the span (of ordinary cost, no loss run's, and with the
// span's sum under the cut) or end it (punctuation), and the ASCII bytes
// outside the GBK trail range (digits, spaces, most punctuation: each only
// ends the span), and
// returns the bytes it read with the span's state after them. It calls
// nothing and holds few variables, so that its loop keeps them in
// registers (the scan's loop, with calls on its other paths, stored them
// at every character), and it reads most of a Chinese page.
func plainRun(cost *[0x10000]uint8, lossCost uint8, t string, n, k1, k2, k3 int) (int, int, int, int, int) {
	size := len(t)
	for len(t) >= 3 {
		if c := t[0]; c < 0x80 {
			if c >= 0x40 && c <= 0x7e {
				break // a lone trail byte maybe: the scan's loop looks
			}
			n, k1, k2, k3 = 0, 0, 0, 0
			t = t[1:]
			continue
		}
		// The continuation bytes as one word: one load and one test.
		c, w := t[0], uint16(t[1])|uint16(t[2])<<8
		if c-0xe1 > 0xef-0xe1 || c == 0xed || w&0xc0c0 != 0x8080 {
			break
		}
		r := rune(c&0x0f)<<12 | rune(w&0x3f)<<6 | rune(w>>8&0x3f)
		k := cost[r]
		if k >= lossCost {
			if k > neutral || isLossRunChar(r) {
				break // a marker or a loss run's: the scan's loop
			}
			if k == neutral { // punctuation (，。): ends the span
				n, k1, k2, k3 = 0, 0, 0, 0
				t = t[3:]
				continue
			}
		}
		k0 := int(k)
		// Most spans are far under both cuts: one test for them.
		if sum := k0 + k1 + k2 + k3; sum > surprise3 && (n >= minSpan && sum > surprise4 || n == minSpan-1) {
			break
		}
		k3, k2, k1 = k2, k1, k0
		n++
		t = t[3:]
	}
	return size - len(t), n, k1, k2, k3
}

// noteLoss appends i to *losses (or to spots). It is a call of its own so
// that the scan's loop holds the slice in memory, not in registers it
// needs for the common case (appending in the loop made the scan 20%
// slower).
//
//go:noinline
func noteLoss(losses *[]int, i int) { *losses = append(*losses, i) }

// lowerSpan returns the costs k0 (of the character that ends at end), k1,
// k2 and k3 (of the three before it), each lowered to 0 when the model
// knows its pair with the character before it in the span, and their sum.
// The span is the last min(n, span) of the n characters read since the
// scan's last reset, multi-byte characters side by side up to end, so
// they are read back from the text. The characters that end at or before
// checked were looked up by the call before (at that end), and keep the
// cost it gave them: each pair is looked up once, as the table is large
// and read at random.
func (d *detector) lowerSpan(text string, end, n, checked, k0, k1, k2, k3 int) (int, int, int, int, int) {
	ks := [span]int{k0, k1, k2, k3}
	r, size := lastRune(text, 0, end)
	at := end // where character j, r, ends
	for j := 0; j < min(n, span) && at > checked; j++ {
		at -= size
		// The first character since the reset (j = n-1) has no pair.
		if j < n-1 {
			p, psize := lastRune(text, 0, at)
			if ks[j] != 0 && d.pairSeen(pairHash(p, r)) {
				ks[j] = 0
			}
			r, size = p, psize
		}
	}
	return ks[0], ks[1], ks[2], ks[3], ks[0] + ks[1] + ks[2] + ks[3]
}

// decodeHan is utf8.DecodeRuneInString(text[i:]) with the three-byte
// characters of Chinese text (and ASCII) decoded inline: leads E1-EC and
// EE-EF take any two continuation bytes, so no overlong or surrogate check
// is needed.
func decodeHan(text string, i int) (rune, int) {
	if i+2 < len(text) {
		// One check of the slice, not one for each byte.
		w := text[i : i+3]
		c0, c1, c2 := w[0], w[1], w[2]
		if c0 >= 0xe1 && c0 <= 0xef && c0 != 0xed && c1&0xc0 == 0x80 && c2&0xc0 == 0x80 {
			return rune(c0&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), 3
		}
	}
	// ASCII too, which the shift scans ask for at every ASCII byte.
	if i < len(text) && text[i] < 0x80 {
		return rune(text[i]), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// tableOrPhonetic reports box drawing and bopomofo: normal in tables and
// phonetic spellings, mojibake when they sit inside Chinese prose.
func tableOrPhonetic(r rune) bool {
	return r >= 0x2500 && r <= 0x259f || r >= 0x3100 && r <= 0x312f || r >= 0x31a0 && r <= 0x31bf
}

// besideOwnKind reports a box-drawing or bopomofo character with no Han
// character on either side: a table or a phonetic spelling, not mojibake.
func besideOwnKind(text string, i, size int, r, last rune) bool {
	if !tableOrPhonetic(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if r <= 0x257f && (tableEdge(last) || i+size == len(text) || tableEdge(next)) {
		// A table's rule meets spaces, line ends and other rules even
		// where a cell holds Chinese ("│程 │"); mojibake sits inside text.
		return true
	}
	return !unicode.Is(unicode.Han, last) && !unicode.Is(unicode.Han, next)
}

// soloLatin reports the Latin-1 letters and windows-1252 symbols that no
// double-byte character of GBK, GB18030 or Big5 decodes to: only a
// windows-1252 reading makes them, and it makes them in runs. The set is
// generated (soloLatinBits): deriving it at start built both double-byte
// codecs' tables, 70 ms of every run.
func soloLatin(r rune) bool {
	return r >= 0 && r < soloLatinEnd && soloLatinBits[r/64]&(1<<(r%64)) != 0
}

// loneSymbol reports a character of soloLatin that no windows-1252 reading
// can have made ("首页 › 新闻", "Windows™系统", "€1200"). Such a reading
// garbles each UTF-8 character into a run of non-ASCII characters, and each
// GBK character into a non-ASCII one followed by its trail byte's character
// (non-ASCII, or ASCII from @ to ~); a symbol with neither a non-ASCII
// windows-1252 character before it nor a possible trail after it is real.
func (d *detector) loneSymbol(text string, i, size int, last rune) bool {
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if i+size == len(text) {
		next = -1
	}
	return !d.cp1252High[last] && !(next >= 0x40 && next <= 0x7e) && !d.cp1252High[next]
}

// tableEdge reports what a box-drawing character of a table touches: a
// space, a line end, another box-drawing character (-1: start of text).
func tableEdge(r rune) bool {
	return r == ' ' || r == '\n' || r == '\r' || r == -1 || r >= 0x2500 && r <= 0x257f
}

func commonFullwidth(r rune) bool {
	switch r {
	case '，', '！', '？', '：', '；', '（', '）', '％':
		return true
	}
	return r >= '０' && r <= '９'
}

// loneTrail reports whether the text at i ends a word (space, line end) or
// starts a multi-byte character from U+2E80 up (CJK text and punctuation).
func loneTrail(text string, i int) bool {
	if i == len(text) || text[i] == '\n' || text[i] == '\r' || text[i] == ' ' {
		return true
	}
	if text[i] < 0x80 {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i:])
	return next >= 0x2e80
}
