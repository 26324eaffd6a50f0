package stages

import (
	"context"
	_ "embed"
	"fmt"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/opencc"
)

// Convert converts the clean text's script with an OpenCC config, keeping the
// text before conversion as Document.Original.
type Convert struct {
	Conv *opencc.Converter
}

// Name implements pipeline.Stage.
func (Convert) Name() string { return "opencc" }

// Apply implements pipeline.Stage.
func (s Convert) Apply(_ context.Context, d *pipeline.Document) error {
	d.Original = d.Text
	out, edits := s.Conv.ConvertEdits(d.Text)
	d.Rewrite(out, edits)
	d.ScriptEdits = edits
	return nil
}

// Script classifies the document's script before conversion: simplified,
// traditional or mixed, by counting characters that exist in only one of the
// two scripts.
type Script struct {
	table *scriptTable
}

// Name implements pipeline.Stage.
func (Script) Name() string { return "script" }

// Apply implements pipeline.Stage.
func (s Script) Apply(_ context.Context, d *pipeline.Document) error {
	if d.Chunk != nil {
		return nil // classified whole by Merge
	}
	d.Script = s.table.classify(d.Text)
	return nil
}

// Part implements pipeline.Merger: a chunk's counts, taken in its own
// goroutine (counts of pieces cut between characters add up to the
// whole's).
func (s Script) Part(d *pipeline.Document) any {
	var n scriptCount
	s.table.count(&n, d.Text)
	return n
}

// Merge implements pipeline.Merger: a split document is classified by its
// whole text before conversion, as an unsplit one, from its chunks' counts.
func (s Script) Merge(d *pipeline.Document, parts []any) {
	var n scriptCount
	for _, p := range parts {
		c, ok := p.(scriptCount)
		if !ok {
			d.Err = fmt.Errorf("script: a chunk's part is %T, not its counts", p)
			return
		}
		n.han, n.trad, n.simp = n.han+c.han, n.trad+c.trad, n.simp+c.simp
	}
	d.Script = n.label()
}

// scriptTable marks the characters that OpenCC's t2s changes and s2t keeps
// (traditional-only) and the reverse (simplified-only), over the CJK blocks.
type scriptTable struct {
	// class holds 0 (both scripts or not Han), 1 (traditional-only) or 2
	// (simplified-only) for each rune from scriptLo to scriptHi, with hanBit
	// set for Han characters (unicode.Is per rune was most of the stage).
	class []uint8
	// hanAbove: some character from scriptHi to U+FFFF is Han (none is
	// in the Unicode versions so far; count asks unicode.Is then)
	hanAbove bool
	// bmp is class over the whole Basic Multilingual Plane (0 outside
	// scriptLo-scriptHi), so that count indexes it without a range check
	bmp *[0x10000]uint8
}

// classInc[c] adds a character of class c to count's three counters
// packed in one word: traditional from bit 0, simplified from bit 21, Han
// from bit 42 (count empties it before a field can carry). It is not
// changed after init.
var classInc = func() (t [8]uint64) {
	for c := range t {
		t[c] = uint64(c&1) | uint64(c>>1&1)<<21 | uint64(c>>2&1)<<42
	}
	return t
}()

// leadPair[n0|n1<<4] reports whether lead bytes E0|n0 and E0|n1 both
// begin a character whose two continuation bytes may be any (E1-EC,
// EE-EF): count's check of two leads in one lookup. It is not changed
// after init.
var leadPair = func() (t [256]bool) {
	ok := func(n int) bool { return n != 0 && n != 0xd }
	for k := range t {
		t[k] = ok(k&0x0f) && ok(k>>4)
	}
	return t
}()

const hanBit = 4

const scriptLo, scriptHi = 0x3400, 0xfaff

// scriptClasses is the class table, generated from OpenCC's t2s and s2t
// dictionaries at build time (go generate; TestScriptTableGenerated checks
// it against them, data/NOTICE names their licence). Deriving it at start
// converted 28,000 characters twice, 20 ms of every run.
//
//go:embed data/script.bin
var scriptClasses []byte

// newScriptTable returns the table read in place from the embedded bytes.
func newScriptTable() (*scriptTable, error) {
	if len(scriptClasses) != scriptHi-scriptLo+1 {
		return nil, fmt.Errorf("script table: %d bytes embedded, want %d", len(scriptClasses), scriptHi-scriptLo+1)
	}
	// count adds classes up by their bits: 3 (both) would count twice
	for r, c := range scriptClasses {
		if c&^hanBit > 2 {
			return nil, fmt.Errorf("script table: class %d at U+%04X", c, scriptLo+r)
		}
	}
	t := &scriptTable{class: scriptClasses, bmp: new([0x10000]uint8)}
	copy(t.bmp[scriptLo:scriptHi+1], scriptClasses)
	for r := rune(scriptHi + 1); r <= 0xffff; r++ {
		t.hanAbove = t.hanAbove || unicode.Is(unicode.Han, r)
	}
	return t, nil
}

func (t *scriptTable) classify(s string) string {
	var c scriptCount
	t.count(&c, s)
	return c.label()
}

// scriptCount counts the characters the script is judged by; a text's
// counts are the sum of its pieces' (cut between characters).
type scriptCount struct{ han, trad, simp int }

// count adds the characters of s to n. It reads every document: a run
// of ASCII bytes is passed at once, two three-byte characters are decoded
// from one eight-byte load, and their classes are added up as packed
// counters (classInc), without branches.
func (t *scriptTable) count(n *scriptCount, s string) {
	var acc uint64 // classInc's packed counters
	flush := func() {
		n.trad += int(acc & (1<<21 - 1))
		n.simp += int(acc >> 21 & (1<<21 - 1))
		n.han += int(acc >> 42)
		acc = 0
	}
	bmp := t.bmp
	i, steps := 0, 0
	for i+8 <= len(s) {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if byte(w) < utf8.RuneSelf {
			// the ASCII bytes up to the next other one (eight at most)
			i += bits.TrailingZeros64(w&0x8080808080808080) >> 3
			continue
		}
		// two characters, leads E1-EC or EE-EF, two continuation bytes each
		if w&0x0000c0c0f0c0c0f0 != 0x00008080e08080e0 || !leadPair[uint8(w&0x0f|w>>20&0xf0)] {
			i += t.countOne(n, s, i)
			continue
		}
		r0 := uint16(w)<<12 | uint16(w>>2)&0xfc0 | uint16(w>>16)&0x3f
		r1 := uint16(w>>24)<<12 | uint16(w>>26)&0xfc0 | uint16(w>>40)&0x3f
		if t.hanAbove && (r0 > scriptHi || r1 > scriptHi) {
			i += t.countOne(n, s, i)
			continue
		}
		acc += classInc[bmp[r0]&7] + classInc[bmp[r1]&7]
		i += 6
		// two at most a step: a field holds 2^21-1
		if steps++; steps == 1<<19 {
			flush()
			steps = 0
		}
	}
	flush()
	for i < len(s) {
		i += t.countOne(n, s, i)
	}
}

// countOne adds the character at s[i] to n and returns its size.
func (t *scriptTable) countOne(n *scriptCount, s string, i int) int {
	c0 := s[i]
	if c0 < utf8.RuneSelf {
		return 1
	}
	var r rune
	size := 3
	if c0 >= 0xe1 && c0 <= 0xef && c0 != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		r = rune(c0&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
	} else {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	switch {
	case r < scriptLo:
	case r > scriptHi:
		if unicode.Is(unicode.Han, r) {
			n.han++
		}
	default:
		c := t.class[r-scriptLo]
		n.trad += int(c & 1)
		n.simp += int(c >> 1 & 1)
		n.han += int(c >> 2)
	}
	return size
}

func (n scriptCount) label() string {
	han, trad, simp := n.han, n.trad, n.simp
	switch {
	case han == 0:
		return ""
	case trad+simp == 0 || trad*10 <= (trad+simp):
		// A few traditional characters in simplified text (names, quotes)
		// do not make it mixed; likewise the other way round.
		return "simplified"
	case simp*10 <= (trad + simp):
		return "traditional"
	}
	return "mixed"
}
