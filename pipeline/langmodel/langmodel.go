// Package langmodel is a character bigram model of Chinese text, built from
// gse's dictionary word frequencies (see NOTICE). It answers one question
// for the stages that must choose between readings of the same bytes: how
// probable is this text as Chinese?
package langmodel

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/gen -o model.bin -w words.bin -s scripts.bin -r running.bin

//go:embed model.bin
var modelData []byte

// Model is an immutable character model; it is safe for concurrent use.
type Model struct {
	bmp   []uint16 // rune -> index+1 for the Basic Multilingual Plane
	sup   []rune   // sorted supplementary runes in the model
	supIx []uint16 // their indexes
	runes []rune
	// logUni is log P(c) over modelled characters.
	logUni []float32
	// uni is exp(logUni): Scorer.Next needs P(c) for every pair.
	uni []float64
	// count is c(a); free is the count of a at a word end plus the
	// smoothing mass: the share of a's successors drawn from P(c).
	count []float32
	free  []float32
	off   []uint32 // successors of a are succ[off[a]:off[a+1]]
	succ  []uint16
	scnt  []uint8 // quantised bigram counts
	qtab  [256]float32
}

// Default returns the model built from the embedded data.
var Default = sync.OnceValue(func() *Model {
	m, err := parse(modelData)
	if err != nil {
		panic(fmt.Errorf("langmodel: embedded model: %w", err))
	}
	return m
})

//go:embed running.bin
var runningData []byte

// Running returns the model that also knows running text: character
// pairs across words, which a word list cannot give (see NOTICE). It
// ranks the candidates for a lost character; detection keeps Default,
// whose thresholds were set on it.
var Running = sync.OnceValue(func() *Model {
	m, err := parse(runningData)
	if err != nil {
		panic(fmt.Errorf("langmodel: embedded running-text model: %w", err))
	}
	return m
})

// PerChar is Default().PerChar, loading the model on the first call: a
// decoder given it pays for the model only when the bytes leave a choice
// of charset.
func PerChar(s string) float64 { return Default().PerChar(s) }

// smoothing is the Witten-Bell-like mass each character gives to the
// unigram distribution, so unseen pairs of common characters stay possible.
const smoothing = 8

// parse reads the model file, which stores every table at a fixed width
// (see encode in internal/gen) so that loading is a few loops of copies and
// no decoding: little-endian,
//
//	"ZHLM2\n", u32 n (characters), u32 S (pairs),
//	n × u32 the characters, ascending,
//	n × u8 quant(count), n × u8 quant(end count + 1),
//	(n+1) × u32 offsets: the successors of a are [off[a], off[a+1]),
//	S × u16 successor indexes, ascending for each a,
//	S × u8 quant(pair count).
func parse(data []byte) (*Model, error) {
	const magic = "ZHLM2\n"
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, errors.New("bad magic")
	}
	le := binary.LittleEndian
	p := len(magic)
	n, pairs := int(le.Uint32(data[p:])), int(le.Uint32(data[p+4:]))
	p += 8
	if n > math.MaxUint16-1 {
		return nil, errors.New("too many characters")
	}
	if len(data)-p != 4*n+2*n+4*(n+1)+3*pairs {
		return nil, fmt.Errorf("%d bytes for %d characters and %d pairs", len(data)-p, n, pairs)
	}
	m := &Model{
		bmp: make([]uint16, 0x10000), runes: make([]rune, n), logUni: make([]float32, n),
		count: make([]float32, n), free: make([]float32, n), off: make([]uint32, n+1),
	}
	for i := range m.qtab {
		m.qtab[i] = float32(math.Pow(1.05, float64(i)))
	}
	quant := data[p+4*n:]
	var totalCount float64
	for i := range n {
		r := rune(le.Uint32(data[p+4*i:]))
		if r < 0 || r > unicode.MaxRune || i > 0 && r <= m.runes[i-1] {
			return nil, errors.New("characters out of order")
		}
		m.runes[i] = r
		m.count[i] = m.qtab[quant[i]]
		m.free[i] = m.qtab[quant[n+i]] - 1 + smoothing
		totalCount += float64(m.count[i])
		if r < 0x10000 {
			m.bmp[r] = uint16(i + 1)
		} else {
			m.sup = append(m.sup, r)
			m.supIx = append(m.supIx, uint16(i))
		}
	}
	p += 6 * n
	m.uni = make([]float64, n)
	for i := range m.logUni {
		m.logUni[i] = float32(math.Log(float64(m.count[i]) / totalCount))
		m.uni[i] = math.Exp(float64(m.logUni[i]))
	}
	for i := range m.off {
		m.off[i] = le.Uint32(data[p+4*i:])
		if i > 0 && m.off[i] < m.off[i-1] || int(m.off[i]) > pairs {
			return nil, errors.New("bad successor offsets")
		}
	}
	if int(m.off[0]) != 0 || int(m.off[n]) != pairs {
		return nil, errors.New("bad successor offsets")
	}
	p += 4 * (n + 1)
	m.succ = make([]uint16, pairs)
	for j := range m.succ {
		b := le.Uint16(data[p+2*j:])
		if int(b) >= n {
			return nil, errors.New("bad successor")
		}
		m.succ[j] = b
	}
	p += 2 * pairs
	// The counts are bytes as stored: read in place.
	m.scnt = data[p : p+pairs : p+pairs]
	return m, nil
}

// index returns the model's index of r, or -1.
func (m *Model) index(r rune) int {
	if r < 0x10000 {
		if r < 0 {
			return -1
		}
		return int(m.bmp[r]) - 1
	}
	i := sort.Search(len(m.sup), func(i int) bool { return m.sup[i] >= r })
	if i < len(m.sup) && m.sup[i] == r {
		return int(m.supIx[i])
	}
	return -1
}

// Known reports whether r is a character the model has counts for.
func (m *Model) Known(r rune) bool { return m.index(r) >= 0 }

// UnigramLogProb is log P(r) among modelled characters, or Unknown.
func (m *Model) UnigramLogProb(r rune) float64 {
	if i := m.index(r); i >= 0 {
		return float64(m.logUni[i])
	}
	return Unknown
}

// PairSeen reports whether the model counted b right after a inside a word.
func (m *Model) PairSeen(a, b rune) bool {
	ia, ib := m.index(a), m.index(b)
	return ia >= 0 && ib >= 0 && m.pairCount(ia, ib) > 0
}

func (m *Model) pairCount(a, b int) float32 {
	s := m.succ[m.off[a]:m.off[a+1]]
	lo, hi := 0, len(s)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if int(s[h]) < b {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(s) && int(s[lo]) == b {
		return m.qtab[m.scnt[int(m.off[a])+lo]]
	}
	return 0
}

// Class log probabilities for characters the dictionaries do not count.
// They are set by hand: the dictionaries hold words, not running text, so
// they say nothing about punctuation, digits or Latin letters.
const (
	// Unknown is the log probability of a character of no usual class
	// (private use, U+FFFD aside, symbols, rare scripts).
	Unknown = -18.0
	// unknownHan is a Han character too rare for the dictionaries.
	unknownHan   = -15.0
	asciiAlnum   = -5.0
	asciiPunct   = -5.5
	space        = -4.0
	cjkPunct     = -4.5
	otherPunct   = -8.0
	fullwidthAln = -8.5
	genPunct     = -6.0
	// Bopomofo and box drawing are normal beside their own kind (phonetic
	// spellings, tables) and improbable inside running Chinese prose.
	inRun = -1.0
	// loneLetter is added to a Han character (or a line end) after a
	// lone Latin letter that follows a Han character.
	loneLetter = -6.0
	// reduplication is the least log probability of a doubled character.
	reduplication = -5.0
	// foreignAlone is a Greek or Cyrillic letter that starts a word.
	foreignAlone  = -10.0
	foreignInWord = -6.0
	isolated      = -14.0
	// tableEdge is box drawing at a line start or after a space.
	tableEdge = -6.0
	latin1    = -9.0
	// symbol is a sign of maths, units, enumerations and the like.
	symbol = -10.0
	// latin1Alone is a Latin-1 letter with no Latin letter before it.
	latin1Alone = -12.0
	// replacement is U+FFFD: damage already recorded upstream, scored like
	// an unknown Han character so it neither attracts nor repels repairs.
	replacement = unknownHan
)

// Runs of characters that make each other probable.
const (
	runNone = iota
	runBopomofo
	runBox
	runLatin // ASCII letters
	runPinyin
	runLatin1
	runGreekCyrillic
)

func pinyinVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü':
		return true
	}
	return false
}

// commonPunct reports the punctuation of ordinary Chinese prose.
func commonPunct(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '（', '）', '《', '》', '【', '】', '「', '」', '『', '』', '　', '％':
		return true
	}
	return false
}

// classOf groups the characters the model scores by class; runs of the
// same class (bopomofo, box drawing) make each other probable.
func classOf(r rune) (lp float64, run int) {
	switch {
	case r < 0x80:
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			return space, 0
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			return asciiAlnum, runLatin
		case r >= '0' && r <= '9':
			return asciiAlnum, 0
		case r < 0x20 || r == 0x7f:
			return Unknown, 0
		}
		return asciiPunct, 0
	case r == utf8.RuneError:
		return replacement, 0
	case commonPunct(r):
		return cjkPunct, 0
	case r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff0f || r >= 0xff1a && r <= 0xff20 || r >= 0xff3b && r <= 0xff40 || r >= 0xff5b && r <= 0xff65:
		return otherPunct, 0 // CJK symbols and fullwidth punctuation
	case r >= 0xff10 && r <= 0xff19 || r >= 0xff21 && r <= 0xff3a || r >= 0xff41 && r <= 0xff5a:
		return fullwidthAln, 0
	case r >= 0x2010 && r <= 0x205e || r == 0x00b7 || r == 0x00d7 || r == 0x00b0:
		return genPunct, 0
	case r >= 0x3100 && r <= 0x312f || r >= 0x31a0 && r <= 0x31bf || r == 0x02ca || r == 0x02c7 || r == 0x02cb || r == 0x02d9:
		return isolated, runBopomofo // bopomofo and its tone marks
	case r >= 0x2500 && r <= 0x257f:
		return isolated, runBox
	case pinyinVowel(r):
		// Toned vowels belong to pinyin spellings: after a Latin letter
		// they are ordinary, on their own they are Latin-1 salad.
		return latin1, runPinyin
	case r >= 0x00c0 && r <= 0x024f:
		return latin1, runLatin1
	case r == 0x00a0:
		return space, 0
	case r > 0x00a0 && r < 0x00c0:
		return symbol, 0
	case r >= 0x0370 && r <= 0x052f: // Greek, Cyrillic
		return foreignAlone, runGreekCyrillic
	case r >= 0x2070 && r <= 0x209f || r >= 0x2100 && r <= 0x24ff || r >= 0x25a0 && r <= 0x27bf ||
		r >= 0x3200 && r <= 0x33ff || r >= 0x2160 && r <= 0x218f:
		// super- and subscripts, letterlike, number forms, arrows, maths,
		// enclosed numbers, shapes, dingbats, enclosed CJK, CJK units
		return symbol, 0
	case unicode.Is(unicode.Han, r):
		return unknownHan, 0
	}
	return Unknown, 0
}

// Scorer carries the context of a left-to-right scan: it lets a caller
// score a text one character at a time, or splice candidate readings.
//
// Its fields are small: repair lattices copy a Scorer at every node.
type Scorer struct {
	m    *Model
	prev int32 // model index of the previous character, or -1
	last rune
	// A single Latin letter between two Han characters is rare in
	// Chinese prose (unlike "A股" or "GDP"); it is typical where a trail
	// byte was read as ASCII.
	letters      int32 // length of the current run of ASCII letters
	prevRun      int8  // class run of the previous character (0: none)
	hanBeforeRun bool  // a modelled character came just before that run
}

// Scorer starts a scan at the beginning of a text.
func (m *Model) Scorer() Scorer { return Scorer{m: m, prev: -1, last: -1} }

// Next returns log P(r | previous character) and moves past r.
func (s *Scorer) Next(r rune) float64 {
	m := s.m
	last := s.last
	s.last = r
	lone := s.letters == 1 && s.hanBeforeRun
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		if s.letters == 0 {
			s.hanBeforeRun = s.prev >= 0
		}
		s.letters++
	} else {
		s.letters = 0
	}
	if b := m.index(r); b >= 0 {
		lp := float64(m.logUni[b])
		if lone {
			lp += loneLetter
		}
		if a := s.prev; a >= 0 {
			c := m.pairCount(int(a), b)
			uni := m.uni[b]
			if lone {
				uni = math.Exp(lp)
			}
			p := (float64(c) + float64(m.free[a])*uni) / (float64(m.count[a]) + smoothing)
			lp = math.Log(p)
			if int(a) == b && lp < reduplication {
				// Doubled characters (詵詵, 蘀兮蘀兮 aside) are common in
				// Chinese and mostly missing from word lists.
				lp = reduplication
			}
		}
		s.prev, s.prevRun = int32(b), 0
		return lp
	}
	lp, run := classOf(r)
	if lone && (r == '\n' || r == '\r') {
		// A line that ends in a lone letter after a Han character is as
		// rare as a lone letter between two.
		lp += loneLetter
	}
	switch {
	case lp == unknownHan && r == last:
		lp = reduplication
	case run == runPinyin:
		// A toned vowel follows a plain letter of its syllable.
		if s.prevRun == runLatin {
			lp = asciiAlnum
		} else {
			lp = latin1Alone
		}
	case run == runLatin1:
		if s.prevRun != runLatin && s.prevRun != runLatin1 && s.prevRun != runPinyin {
			lp = latin1Alone
		}
	case run == runGreekCyrillic:
		if s.prevRun == runGreekCyrillic {
			lp = foreignInWord
		}
	case run == runBopomofo || run == runBox:
		if int8(run) == s.prevRun {
			lp = inRun
		} else if (last < 0 || last == '\n' || last == ' ') && tableRule(r) {
			// A table's rule opens its rows and follows the spaces
			// that pad its cells.
			lp = tableEdge
		}
	}
	s.prev, s.prevRun = -1, int8(run)
	return lp
}

// tableRule reports the box drawing tables are drawn with: lines and
// joints of one weight, light, heavy or double (│ ├ ┃ ║ ╠); a joint of
// mixed weights (╂, ┞) is rare.
func tableRule(r rune) bool {
	switch {
	case r >= 0x2500 && r <= 0x2503, r >= 0x2550 && r <= 0x2551:
		return true
	case r >= 0x250c && r <= 0x254b:
		// Joints of one weight are each group's first (light) and
		// last (heavy) form.
		first, last := jointGroup(r)
		return r == first || r == last
	case r >= 0x2554 && r <= 0x256c:
		// Double joints are every third, from ╔.
		return (r-0x2554)%3 == 0
	}
	return false
}

// jointGroup returns the first and last code of the group of weight
// variants of r's joint (┌ to ┏, ├ to ┣, ┼ to ╋).
func jointGroup(r rune) (rune, rune) {
	for _, g := range [...][2]rune{{0x250c, 0x250f}, {0x2510, 0x2513}, {0x2514, 0x2517}, {0x2518, 0x251b}, {0x251c, 0x2523}, {0x2524, 0x252b}, {0x252c, 0x2533}, {0x2534, 0x253b}, {0x253c, 0x254b}} {
		if r >= g[0] && r <= g[1] {
			return g[0], g[1]
		}
	}
	return -1, -1
}

// LogProb is the total log probability of s.
func (m *Model) LogProb(s string) float64 {
	sc := m.Scorer()
	t := 0.0
	for _, r := range s {
		t += sc.Next(r)
	}
	return t
}

// PerChar is the average log probability per rune of s (0 for "").
func (m *Model) PerChar(s string) float64 {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return 0
	}
	return m.LogProb(s) / float64(n)
}

// EachPair calls f for every character pair the model counted.
func (m *Model) EachPair(f func(a, b rune)) {
	for a := range m.runes {
		for _, b := range m.succ[m.off[a]:m.off[a+1]] {
			f(m.runes[a], m.runes[b])
		}
	}
}
