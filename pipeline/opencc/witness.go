package opencc

import (
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
)

// witnesses tell where a one-step conversion can change text. A key whose
// value differs from it has a witness inside it: one of its characters
// that is itself a changing one-character key, or else the pair of its
// first two characters. Text with no witness converts to itself, so the
// matcher can pass over it: most documents are already simplified, and
// matching them character by character was most of the stage's time.
type witnesses struct {
	single [1 << 16 / 64]uint64 // bit per BMP rune: a witness character
	first  [1 << 16 / 64]uint64 // bit per BMP rune: the first of a witness pair
	pairs  map[uint64]bool      // rune pairs (first<<32 | second)
	// astral: a witness lies outside the BMP, so every character there is
	// taken for one (none of OpenCC's dictionaries has such a witness).
	astral bool
	// boundary: ASCII characters in no key, which no match spans.
	boundary [utf8.RuneSelf]bool
	// roles holds single and first as one table (roleSingle, roleFirst
	// per BMP rune): skip tells two characters without a witness by two
	// loads, not four bitset tests
	roles [1 << 16]uint8
}

// Bits of witnesses.roles.
const (
	roleSingle = 1 << iota // a witness character
	roleFirst              // the first of a witness pair
)

// leadPair[n0|n1<<4] reports whether lead bytes E0|n0 and E0|n1 both
// begin a character whose two continuation bytes may be any (E1-EC,
// EE-EF): skip's check of two leads in one lookup. It is not changed
// after init.
var leadPair = func() (t [256]bool) {
	ok := func(n int) bool { return n != 0 && n != 0xd }
	for k := range t {
		t[k] = ok(k&0x0f) && ok(k>>4)
	}
	return t
}()

func bit(set *[1 << 16 / 64]uint64, r rune) bool { return set[r/64]&(1<<(r%64)) != 0 }

// at reports a witness at r after prev (-1 when there is none).
func (w *witnesses) at(prev, r rune) bool {
	if r >= 0x10000 {
		return w.astral
	}
	return bit(&w.single, r) || prev >= 0 && prev < 0x10000 && bit(&w.first, prev) && w.pairs[uint64(prev)<<32|uint64(r)]
}

// newWitnesses reads every key of dicts (the dictionaries a one-step
// conversion matches with).
func newWitnesses(ab *alphabet, dicts []*dat.Dict) *witnesses {
	w := &witnesses{pairs: map[uint64]bool{}}
	for c := range w.boundary {
		w.boundary[c] = ab.bmp[c] == 0
	}
	set := func(set *[1 << 16 / 64]uint64, r rune) {
		if r >= 0x10000 {
			w.astral = true
			return
		}
		set[r/64] |= 1 << (r % 64)
	}
	var changed [][]rune
	for _, d := range dicts {
		eachKey(d, func(key []uint16, v int32) {
			if len(key) == 0 || sameText(ab, key, d.Value(v)) {
				return
			}
			rs := make([]rune, len(key))
			for i, cd := range key {
				rs[i] = ab.runes[cd-1]
			}
			if len(rs) == 1 {
				set(&w.single, rs[0])
				return
			}
			changed = append(changed, rs)
		})
	}
	for _, key := range changed {
		covered := false
		for _, r := range key {
			covered = covered || r < 0x10000 && bit(&w.single, r)
		}
		if !covered {
			set(&w.first, key[0])
			if key[0] >= 0x10000 || key[1] >= 0x10000 {
				w.astral = true
			}
			w.pairs[uint64(key[0])<<32|uint64(key[1])] = true
		}
	}
	for r := range rune(len(w.roles)) {
		if bit(&w.single, r) {
			w.roles[r] |= roleSingle
		}
		if bit(&w.first, r) {
			w.roles[r] |= roleFirst
		}
	}
	return w
}

// eachKey calls fn with the codes and value index of every key of d. A
// slot whose parent's base points at it is its parent's end-of-key child
// (code 0); the key is the codes on the path from the root to the parent.
func eachKey(d *dat.Dict, fn func(key []uint16, v int32)) {
	sl := d.Slots
	var key []uint16
	for n := 1; n < len(sl); n++ {
		p := sl[n].Check
		if p < 0 || int(p) >= len(sl) || sl[p].Base != int32(n) || sl[n].Base >= 0 {
			continue
		}
		key = key[:0]
		for q := p; q != 0; q = sl[q].Check {
			key = append(key, uint16(q-sl[sl[q].Check].Base))
		}
		for i, j := 0, len(key)-1; i < j; i, j = i+1, j-1 {
			key[i], key[j] = key[j], key[i]
		}
		fn(key, -sl[n].Base-1)
	}
}

// sameText reports whether the characters of key spell v.
func sameText(ab *alphabet, key []uint16, v string) bool {
	j := 0
	for _, cd := range key {
		r, size := utf8.DecodeRuneInString(v[j:])
		if size == 0 || r != ab.runes[cd-1] || r == utf8.RuneError && size == 1 {
			return false
		}
		j += size
	}
	return j == len(v)
}
