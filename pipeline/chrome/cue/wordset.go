package cue

import (
	"math/bits"
	"strings"
)

// wordSet finds which of up to 64 words occur in a line in one pass over
// its bytes, where a strings.Contains per word would scan the line once
// for each (chrome classifies every line of every page). A bitmap of the
// words' first two bytes rules out almost every offset at once; at a
// remaining offset only the words that start with its two bytes are
// checked, so the answer is exactly strings.Contains's.
type wordSet struct {
	words []string
	pairs [1 << 16 / 64]uint64 // first two bytes of some word
	// rank[i] counts the pairs set in pairs[:i], so that a pair's index
	// among them is rank plus the set bits below it in its word, and
	// masks holds, by that index, the words starting with the pair (a
	// bit per word): a hit at an offset tried every word before.
	rank  [1 << 16 / 64]uint16
	masks []uint64
}

func newWordSet(words []string) *wordSet {
	if len(words) > 64 {
		panic("cue: wordSet holds at most 64 words")
	}
	w := &wordSet{words: words}
	for _, s := range words {
		if len(s) < 2 || s[0]&0xc0 == 0x80 {
			panic("cue: wordSet words need two bytes and a character's first: " + s)
		}
		k := uint(s[0])<<8 | uint(s[1])
		w.pairs[k/64] |= 1 << (k % 64)
	}
	n := 0
	for i, b := range w.pairs {
		w.rank[i] = uint16(n)
		n += bits.OnesCount64(b)
	}
	w.masks = make([]uint64, n)
	for j, s := range words {
		k := uint(s[0])<<8 | uint(s[1])
		w.masks[w.index(k)] |= 1 << j
	}
	return w
}

// index is the position of pair k, which must be set, among the set pairs.
func (w *wordSet) index(k uint) int {
	return int(w.rank[k/64]) + bits.OnesCount64(w.pairs[k/64]&(1<<(k%64)-1))
}

// find returns a mask whose bit i is set when words[i] occurs in s.
func (w *wordSet) find(s string) uint64 {
	var found uint64
	for i := 0; i+1 < len(s); i += step(s, i) {
		k := uint(s[i])<<8 | uint(s[i+1])
		if w.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for m := w.masks[w.index(k)] &^ found; m != 0; m &= m - 1 {
			j := bits.TrailingZeros64(m)
			if strings.HasPrefix(s[i:], w.words[j]) {
				found |= 1 << j
			}
		}
	}
	return found
}

// any reports whether some word occurs in s.
func (w *wordSet) any(s string) bool {
	for i := 0; i+1 < len(s); i += step(s, i) {
		k := uint(s[i])<<8 | uint(s[i+1])
		if w.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for m := w.masks[w.index(k)]; m != 0; m &= m - 1 {
			if strings.HasPrefix(s[i:], w.words[bits.TrailingZeros64(m)]) {
				return true
			}
		}
	}
	return false
}

// step is how far the search may move from offset i: past a whole
// three-byte character, since no word begins with a continuation byte
// (the offsets inside it cannot start a match), else one byte.
func step(s string, i int) int {
	if c := s[i]; c >= 0xe0 && c <= 0xef && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return 3
	}
	return 1
}

// Words is a set of up to 64 words (each of two bytes or more, starting
// with a character's first byte) that a line is searched for in one pass:
// Any(s) is strings.Contains(s, w) for some word w.
type Words struct{ set *wordSet }

// NewWords returns the set of words; it panics on a word it cannot hold.
func NewWords(words ...string) Words { return Words{newWordSet(words)} }

// Any reports whether some word occurs in s.
func (w Words) Any(s string) bool { return w.set.any(s) }
