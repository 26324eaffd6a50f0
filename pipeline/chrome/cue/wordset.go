package cue

import "strings"

// wordSet finds which of up to 64 words occur in a line in one pass over
// its bytes, where a strings.Contains per word would scan the line once
// for each (chrome classifies every line of every page). A bitmap of the
// words' first two bytes rules out almost every offset at once; the
// remaining offsets are checked word by word, so the answer is exactly
// strings.Contains's.
type wordSet struct {
	words []string
	pairs [1 << 16 / 64]uint64 // first two bytes of some word
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
	return w
}

// find returns a mask whose bit i is set when words[i] occurs in s.
func (w *wordSet) find(s string) uint64 {
	var found uint64
	for i := 0; i+1 < len(s); i += step(s, i) {
		k := uint(s[i])<<8 | uint(s[i+1])
		if w.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for j, word := range w.words {
			if strings.HasPrefix(s[i:], word) {
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
		for _, word := range w.words {
			if strings.HasPrefix(s[i:], word) {
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
