package pinyin

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// tablesBin is the readings tables, generated from go-pinyin v0.21.0 (go
// generate; TestTablesGenerated rebuilds them from go-pinyin and checks
// every character, data/NOTICE names the licence) and read in place:
// linking go-pinyin cost every run its 40,000-entry map literal at package
// init, and deriving the tables cost 40 ms at the first annotation. Layout
// (little-endian): "ZXPY1\n"; u16 sets, each u8 pinyin count, the
// readings (u8 length, bytes), u8 zhuyin count, the readings; the pinyin
// and then the zhuyin syllables, each a u16 count and the syllables; u8
// maxPy, u8 maxZy; the dense table, u16 per character from denseLo to
// denseHi; u32 sparse count, the sparse characters (u32 each, ascending)
// and their sets (u16 each).
//
//go:generate go test -run TestTablesGenerated -regen .
//go:embed data/tables.bin
var tablesBin string

// readingSet holds every reading of one character, normalized the way
// annotation contents are normalized (see normalize.go), so matching is a
// plain byte comparison.
type readingSet struct {
	py []string // toneless pinyin, v for every ü (see canonical)
	zy []string // toneless zhuyin, one byte per symbol
}

// tables are the immutable readings tables, read from tablesBin.
type tables struct {
	// dense covers the BMP Han blocks, where nearly all text lives, u16 per
	// character; 0 means no reading, otherwise sets[dense[r-denseLo]].
	dense string
	// sparseRunes and sparseSets hold everything else go-pinyin knows
	// (extensions, compatibility): ascending u32 characters and their u16
	// sets.
	sparseRunes, sparseSets string
	sets                    []readingSet

	// syllables are all toneless syllables of the dictionary, used to count
	// the syllables of an annotation whose base character was lost.
	pySyllables map[string]struct{}
	zySyllables map[string]struct{}
	maxPy       int
	maxZy       int
}

const (
	denseLo = 0x3000
	denseHi = 0xA000
)

var loadTables = sync.OnceValue(func() *tables {
	t, err := decodeTables(tablesBin)
	if err != nil {
		panic("pinyin: embedded tables: " + err.Error())
	}
	return t
})

// decodeTables reads the tables; strings are slices of b, not copies.
func decodeTables(b string) (*tables, error) {
	const magic = "ZXPY1\n"
	if !strings.HasPrefix(b, magic) {
		return nil, errors.New("bad magic")
	}
	p := len(magic)
	short := errors.New("truncated")
	need := func(n int) bool { return p+n <= len(b) }
	str := func() (string, bool) {
		if !need(1) || !need(1+int(b[p])) {
			return "", false
		}
		s := b[p+1 : p+1+int(b[p])]
		p += 1 + len(s)
		return s, true
	}
	list := func() ([]string, bool) {
		if !need(1) {
			return nil, false
		}
		n := int(b[p])
		p++
		out := make([]string, 0, n)
		for range n {
			s, ok := str()
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	u16 := func() int { v := int(b[p]) | int(b[p+1])<<8; p += 2; return v }
	if !need(2) {
		return nil, short
	}
	t := &tables{sets: make([]readingSet, u16())}
	for i := range t.sets {
		py, ok1 := list()
		zy, ok2 := list()
		if !ok1 || !ok2 {
			return nil, short
		}
		t.sets[i] = readingSet{py: py, zy: zy}
	}
	for _, m := range []*map[string]struct{}{&t.pySyllables, &t.zySyllables} {
		if !need(2) {
			return nil, short
		}
		n := u16()
		*m = make(map[string]struct{}, n)
		for range n {
			s, ok := str()
			if !ok {
				return nil, short
			}
			(*m)[s] = struct{}{}
		}
	}
	if !need(2 + 2*(denseHi-denseLo) + 4) {
		return nil, short
	}
	t.maxPy, t.maxZy = int(b[p]), int(b[p+1])
	p += 2
	t.dense = b[p : p+2*(denseHi-denseLo)]
	p += len(t.dense)
	n := int(le32(b, p))
	p += 4
	if len(b)-p != 6*n {
		return nil, fmt.Errorf("sparse table: %d bytes for %d characters", len(b)-p, n)
	}
	t.sparseRunes, t.sparseSets = b[p:p+4*n], b[p+4*n:]
	for i := range denseHi - denseLo {
		if int(le16(t.dense, 2*i)) >= len(t.sets) {
			return nil, fmt.Errorf("dense entry %d: no set %d", i, le16(t.dense, 2*i))
		}
	}
	for i := range n {
		if int(le16(t.sparseSets, 2*i)) >= len(t.sets) || i > 0 && le32(t.sparseRunes, 4*i) <= le32(t.sparseRunes, 4*(i-1)) {
			return nil, fmt.Errorf("sparse entry %d out of order or set", i)
		}
	}
	return t, nil
}

func le16(s string, i int) uint16 { return uint16(s[i]) | uint16(s[i+1])<<8 }

func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// lookup returns the readings of r, or nil when r is not a character with a
// known reading.
func (t *tables) lookup(r rune) *readingSet {
	var idx uint16
	if r >= denseLo && r < denseHi {
		idx = le16(t.dense, 2*int(r-denseLo))
	} else if r >= 0x20000 || (r >= 0xE000 && r < 0xFB00) { // extensions; private-use GBK characters; compatibility ideographs
		n := len(t.sparseRunes) / 4
		i := sort.Search(n, func(i int) bool { return rune(le32(t.sparseRunes, 4*i)) >= r })
		if i < n && rune(le32(t.sparseRunes, 4*i)) == r {
			idx = le16(t.sparseSets, 2*i)
		}
	}
	if idx == 0 {
		return nil
	}
	return &t.sets[idx]
}
