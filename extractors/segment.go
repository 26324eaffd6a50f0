package extractors

import (
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/gendict -out dict
//go:generate go test -run TestWordDictGenerated -regen .

// wordsBin is the word list of dict/zh_s_small.txt plus extraWords as gse
// loads it (dedupe, frequency floor, path costs), precompiled into a sorted
// key table that is read in place: parsing the text and building gse's trie
// took 130 ms at the first figure of every run. The layout is wordDict's;
// TestWordDictGenerated rebuilds it from gse and checks the segmentation
// against gse's on the test texts.
//
//go:embed dict/words.bin
var wordsBin string

// extraWords are transport terms the filtered list lacks; they keep names
// such as 连接线 or 客滚船 in one piece.
var extraWords = []string{
	"农村公路", "国省道", "普通国省道", "普通公路", "干线公路", "连接线", "互通立交", "客滚船",
	"立交", "匝道", "县乡道", "通村公路", "四好农村路", "美丽农村路", "高速公路", "快速路",
}

// word is one segment of a clause: byte offsets into the segmented string.
type word struct {
	start, end int
	pos        string
}

// segmenter opens the embedded word list on first use; New stays fast and a
// text without candidate figures never touches it.
type segmenter struct {
	load   func() (*wordDict, error)
	called atomic.Bool // for tests: whether load ran
}

func (sg *segmenter) loaded() bool { return sg.called.Load() }

func newSegmenter() *segmenter {
	sg := &segmenter{}
	sg.load = sync.OnceValues(func() (*wordDict, error) {
		sg.called.Store(true)
		d, err := openWordDict(wordsBin)
		if err != nil {
			return nil, fmt.Errorf("loading embedded word list: %w", err)
		}
		return d, nil
	})
	return sg
}

// words segments s, into buf's array when it holds the words. The
// dictionary is read-only, so one serves many goroutines.
func (sg *segmenter) words(s string, buf []word) ([]word, error) {
	d, err := sg.load()
	if err != nil {
		return nil, err
	}
	return d.segmentInto(s, buf), nil
}

// wordDict is the precompiled word list. Layout (little-endian):
//
//	"ZXWD1\n", u32 n, u32 maxUnits, u8 npos, npos × (u8 len, bytes)
//	(n+1) × u32   key offsets into the key bytes
//	n × 6 bytes   f32 path cost, u8 units, u8 part-of-speech index
//	key bytes     the n keys, sorted bytewise, lower-cased as gse keys them
//
// A key is a word's units (see splitUnits) joined; its path cost is gse's
// log2(total frequency) - log2(frequency), in float32 as gse sums them.
type wordDict struct {
	n, maxUnits int
	meta        string
	// offs holds the n+1 key offsets, read once from the table: the
	// binary searches read two a step
	offs []uint32
	// padded is keys and three zero bytes, so that rest3 reads three
	// bytes wherever a rest starts
	padded string
	keys   string
	pos    []string
	// byRune[r] is the first key whose first character is r or later, for
	// the Basic Multilingual Plane: the keys of a first character are
	// byRune[r]:byRune[r+1]. Built at open from one pass over the keys.
	byRune []uint32
	// pairs has the bit pairBit(r1, r2) set for the first two characters
	// of every key of two characters or more: where a text's two
	// characters have it clear, no key goes on from the first to the
	// second, and prefixWords stops without searching (most places in a
	// text, where narrow's binary search was half the segmenter's cost).
	pairs *[1 << pairLog / 64]uint64
}

// pairLog is log2 of the bits of wordDict.pairs: 64 KB, about one in
// sixteen set for the word list's 34,000 keys.
const pairLog = 19

// pairBit is the bit of wordDict.pairs for the characters r1, r2.
func pairBit(r1, r2 rune) uint32 {
	return (uint32(r1)<<16 ^ uint32(r2)) * 0x9e3779b1 >> (32 - pairLog)
}

// mayGoOn reports whether some key's first two characters may be r1, r2
// (false: none is).
func (d *wordDict) mayGoOn(r1, r2 rune) bool {
	b := pairBit(r1, r2)
	return d.pairs[b/64]&(1<<(b%64)) != 0
}

const wordDictMagic = "ZXWD1\n"

func openWordDict(b string) (*wordDict, error) {
	if len(b) < len(wordDictMagic)+9 || string(b[:len(wordDictMagic)]) != wordDictMagic {
		return nil, errors.New("bad magic")
	}
	p := len(wordDictMagic)
	d := &wordDict{n: int(le32(b, p)), maxUnits: int(le32(b, p+4))}
	npos := int(b[p+8])
	p += 9
	for range npos {
		if p >= len(b) || p+1+int(b[p]) > len(b) {
			return nil, errors.New("truncated part-of-speech table")
		}
		d.pos = append(d.pos, b[p+1:p+1+int(b[p])])
		p += 1 + int(b[p])
	}
	if d.n <= 0 || len(b)-p < (d.n+1)*4+d.n*6 {
		return nil, errors.New("truncated tables")
	}
	d.offs = make([]uint32, d.n+1)
	for i := range d.offs {
		d.offs[i] = le32(b, p+4*i)
	}
	p += 4 * len(d.offs)
	d.meta = b[p : p+d.n*6]
	p += len(d.meta)
	d.keys = b[p:]
	if int(d.off(d.n)) != len(d.keys) {
		return nil, fmt.Errorf("key bytes: %d, offsets say %d", len(d.keys), d.off(d.n))
	}
	d.padded = d.keys + "\x00\x00\x00"
	// One pass over the keys checks them and fills byRune: the entries
	// from next up to a key's first character point at that key (the
	// first whose first character is at least theirs).
	d.byRune = make([]uint32, 0x10001)
	d.pairs = new([1 << pairLog / 64]uint64)
	next, prev := rune(0), rune(-1)
	hi := d.off(0)
	for i := range d.n {
		lo := hi
		hi = d.off(i + 1)
		if int(d.meta[i*6+5]) >= len(d.pos) || d.meta[i*6+4] == 0 || lo >= hi || hi > uint32(len(d.keys)) {
			return nil, fmt.Errorf("bad entry %d", i)
		}
		r, ok := decode3(d.keys[lo:hi], 0) // most are Han characters
		size := 3
		if !ok {
			r, size = decodeAt(d.keys[lo:hi], 0)
		}
		if r == utf8.RuneError && size <= 1 || r < prev {
			return nil, fmt.Errorf("entry %d: keys not sorted UTF-8", i)
		}
		prev = r
		if k := d.keys[lo:hi]; size < len(k) {
			r2, ok := decode3(k, size) // most are Han characters
			if !ok {
				r2, _ = decodeAt(k, size)
			}
			b := pairBit(r, r2)
			d.pairs[b/64] |= 1 << (b % 64)
		}
		for ; next <= r && int(next) < len(d.byRune); next++ {
			d.byRune[next] = uint32(i)
		}
	}
	for ; int(next) < len(d.byRune); next++ {
		d.byRune[next] = uint32(d.n)
	}
	return d, nil
}

// le32 reads a little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (d *wordDict) off(i int) uint32 { return d.offs[i] }

func (d *wordDict) key(i int) string { return d.keys[d.off(i):d.off(i+1)] }

func (d *wordDict) cost(i int) float32 {
	return math.Float32frombits(le32(d.meta, i*6))
}

func (d *wordDict) units(i int) int { return int(d.meta[i*6+4]) }

// pseudoCost is the path cost gse gives a unit no word starts with.
const pseudoCost = 32

// splitUnits cuts s the way gse reads text: a run of letters and digits
// of at most two bytes each (Latin, Greek, Cyrillic) is one unit, any other
// character (or stray byte) is one unit. It returns the units' boundaries.
func splitUnits(s string, bounds []int) []int {
	bounds = append(bounds[:0], 0)
	inRun := true // gse starts inside a run, so a leading run is not cut at 0
	for i := 0; i < len(s); {
		var r rune
		size := 3
		if r3, ok := decode3(s, i); !ok {
			r, size = utf8.DecodeRuneInString(s[i:])
		} else {
			r = r3
		}
		if size <= 2 && (unicode.IsNumber(r) || unicode.IsLetter(r)) {
			inRun = true
		} else {
			if inRun && i != 0 {
				bounds = append(bounds, i)
			}
			inRun = false
			bounds = append(bounds, i+size)
		}
		i += size
	}
	if bounds[len(bounds)-1] != len(s) {
		bounds = append(bounds, len(s))
	}
	return bounds
}

// step is the best path found to the end of a unit: its cost, the word
// that ends it (-1: a unit no word covers) and that word's units.
type step struct {
	cost  float32
	tok   int32
	units int
}

// segment is gse's shortest-path segmentation (Segmenter.Segment with
// this word list) over the sorted key table: the same words, costs and tie
// breaks, so the same segments.
func (d *wordDict) segment(s string) []word { return d.segmentInto(s, nil) }

// segmentInto is segment writing the words over buf's array when it holds
// them.
func (d *wordDict) segmentInto(s string, buf []word) []word {
	if s == "" {
		return nil
	}
	var lower []byte // keys are lower-cased; only ASCII letters change, in place
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			if lower == nil {
				lower = []byte(s)
			}
			lower[i] = c + 'a' - 'A'
		}
	}
	text := s
	if lower != nil {
		text = string(lower)
	}
	// Clauses are short: their units and steps fit buffers on the stack.
	var boundBuf [96]int
	var stepBuf [96]step
	bounds := splitUnits(text, boundBuf[:0])
	nu := len(bounds) - 1
	var steps []step
	if nu <= len(stepBuf) {
		steps = stepBuf[:nu]
	} else {
		steps = make([]step, nu)
	}
	var foundBuf [16]int32
	found := foundBuf[:0]
	for cur := range nu {
		var base float32
		if cur > 0 {
			base = steps[cur-1].cost
		}
		found = d.prefixWords(text, bounds, cur, found[:0])
		for _, t := range found {
			relax(&steps[cur+d.units(int(t))-1], base, d.cost(int(t)), t, d.units(int(t)))
		}
		if len(found) == 0 || d.units(int(found[0])) > 1 {
			relax(&steps[cur], base, pseudoCost, -1, 1)
		}
	}
	n := 0
	for i := nu - 1; i >= 0; i -= steps[i].units {
		n++
	}
	out := slices.Grow(buf[:0], n)[:n]
	for i := nu - 1; i >= 0; i -= steps[i].units {
		n--
		st := steps[i]
		pos := "x"
		if st.tok >= 0 {
			pos = d.pos[d.meta[int(st.tok)*6+5]]
		}
		out[n] = word{start: bounds[i-st.units+1], end: bounds[i+1], pos: pos}
	}
	return out
}

// relax is gse's updateJumper: a step not reached yet has cost 0.
func relax(st *step, base, cost float32, tok int32, units int) {
	c := base + cost
	if st.cost == 0 || st.cost > c {
		*st = step{cost: c, tok: tok, units: units}
	}
}

// prefixWords appends the words that text's units from cur on start with,
// shortest first: the range of keys sharing the units read so far narrows
// by one binary search per unit, as a trie walk would (the first unit's
// range comes from byRune when it is one character).
func (d *wordDict) prefixWords(text string, bounds []int, cur int, found []int32) []int32 {
	lo, hi := 0, d.n
	plen := 0
	r1 := rune(-1) // the first unit when it is one character of the plane
	for j := cur; j < len(bounds)-1 && j-cur < d.maxUnits; j++ {
		unit := text[bounds[j]:bounds[j+1]]
		if j == cur {
			if r, size := utf8.DecodeRuneInString(unit); r < 0x10000 && (r != utf8.RuneError || size > 1) {
				lo, hi = int(d.byRune[r]), int(d.byRune[r+1])
				if size == len(unit) {
					// Every key of the range starts with this unit.
					if lo == hi {
						break
					}
					plen = size
					r1 = r
					if len(d.key(lo)) == plen {
						found = append(found, int32(lo))
					}
					continue
				}
			}
		}
		if j == cur+1 && r1 >= 0 {
			// A key that goes on with unit has unit's first character
			// second (a valid character's bytes decode alike wherever
			// they stand).
			r2, ok := decode3(unit, 0)
			size := 3
			if !ok {
				r2, size = decodeAt(unit, 0)
			}
			if (r2 != utf8.RuneError || size > 1) && !d.mayGoOn(r1, r2) {
				break
			}
		}
		lo, hi = d.narrow(lo, hi, plen, unit)
		if lo == hi {
			break
		}
		plen += len(unit)
		if len(d.key(lo)) == plen {
			found = append(found, int32(lo))
		}
	}
	return found
}

// narrow returns the range of keys in [lo, hi), which share their first
// plen bytes, whose next bytes are unit.
func (d *wordDict) narrow(lo, hi, plen int, unit string) (int, int) {
	if len(unit) == 3 {
		return d.narrow3(lo, hi, plen, uint32(unit[0])<<18|uint32(unit[1])<<10|uint32(unit[2])<<2|3)
	}
	a, b := lo, hi
	for a < b { // first key whose rest is >= unit
		m := int(uint(a+b) >> 1)
		if d.cmpRest(m, plen, unit) < 0 {
			a = m + 1
		} else {
			b = m
		}
	}
	lo = a
	if lo == hi || d.cmpRest(lo, plen, unit) != 0 {
		return lo, lo // no key goes on with unit: most places in a text
	}
	// Few keys go on with unit: gallop from lo to a key past them, then
	// search between (keys from lo on compare 0, then above).
	last, step := lo, 1 // last compares 0
	b = hi
	for last+step < hi {
		if d.cmpRest(last+step, plen, unit) > 0 {
			b = last + step
			break
		}
		last += step
		step *= 2
	}
	a = last + 1
	for a < b { // first key whose rest does not start with unit and is > it
		m := int(uint(a+b) >> 1)
		if d.cmpRest(m, plen, unit) <= 0 {
			a = m + 1
		} else {
			b = m
		}
	}
	return lo, a
}

// narrow3 is narrow for a unit of three bytes (most units: one Han
// character), given as rest3 would give a key whose rest it begins:
// each step compares two numbers, where cmpRest sliced the key and
// compared strings (the binary searches were most of the segmenter's
// cost).
func (d *wordDict) narrow3(lo, hi, plen int, unit uint32) (int, int) {
	a, b := lo, hi
	for a < b { // first key whose rest is >= unit
		m := int(uint(a+b) >> 1)
		v := d.rest3(m, plen)
		if v < unit {
			a = m + 1
		} else {
			b = m
		}
	}
	lo = a
	if lo == hi || d.rest3(lo, plen) != unit {
		return lo, lo
	}
	last, step := lo, 1
	b = hi
	for last+step < hi {
		if d.rest3(last+step, plen) > unit {
			b = last + step
			break
		}
		last += step
		step *= 2
	}
	a = last + 1
	for a < b {
		m := int(uint(a+b) >> 1)
		if d.rest3(m, plen) <= unit {
			a = m + 1
		} else {
			b = m
		}
	}
	return lo, a
}

// rest3 is key i's first three bytes after the first plen as a number
// that orders as cmpRest orders the key against three-byte units: the
// bytes big-endian (zeros past a shorter rest) over two bits of the
// rest's length up to 3, so that a rest shorter than a unit it begins
// is below the unit's number (unit<<2|3, its bytes given as rest3 gives
// them).
func (d *wordDict) rest3(i, plen int) uint32 {
	at := int(d.offs[i]) + plen
	n := min(int(d.offs[i+1])-at, 3)
	k := d.padded[at : at+3]
	return (uint32(k[0])<<18|uint32(k[1])<<10|uint32(k[2])<<2)&rest3Mask[n] | uint32(n)
}

// rest3Mask keeps the bytes of a rest of 0, 1, 2 and 3 bytes or more in
// rest3's number (the bytes read past a shorter one belong to the next
// key, or are padding).
var rest3Mask = [4]uint32{0, 0xff << 18, 0xffff << 10, 0xffffff << 2}

// cmpRest orders key i's bytes after the first plen against unit, reading
// no further than unit's length: 0 when they start with unit, -1 when they
// are a proper prefix of it or smaller.
func (d *wordDict) cmpRest(i, plen int, unit string) int {
	k := d.keys[int(d.off(i))+plen : d.off(i+1)]
	if len(unit) == 3 && len(k) >= 3 {
		// most units are one Han character: three bytes compared as one
		// big-endian number order as strings.Compare would, without its call
		a := uint32(k[0])<<16 | uint32(k[1])<<8 | uint32(k[2])
		b := uint32(unit[0])<<16 | uint32(unit[1])<<8 | uint32(unit[2])
		return cmp.Compare(a, b)
	}
	if len(k) >= len(unit) {
		return strings.Compare(k[:len(unit)], unit)
	}
	if c := strings.Compare(k, unit[:len(k)]); c != 0 {
		return c
	}
	return -1
}
