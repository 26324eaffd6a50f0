package cue

import "strings"

// NoCue reports that a line measured as st holds nothing Marker or
// Breadcrumb could name it by: none of their words, labels, counters,
// notice words, end marks or separators occurs in it, and it has a Han
// character (so it is no count). Then MarkerOf(line, st) is "" and
// Breadcrumb(line) false, and a caller classifying every line of a text
// skips their passes over it: one pass over the bytes decides for most
// lines of prose. False says nothing (the full tests decide).
func NoCue(line string, st Stats) bool {
	if st.Han == 0 {
		return false // Counts reads a line of digits and separators
	}
	return !lineCues.any(line)
}

// lineCues holds every string through which Marker or Breadcrumb can
// name a line. stripLabel only trims a line's ends, so a marker found in
// the stripped label is in the line too, except where it removes the
// middle dot (延·伸·推·荐): the dot is a cue itself.
var lineCues = newCueSet(func() []string {
	var w []string
	for _, list := range [][]marker{markers, contained} {
		for _, m := range list {
			w = append(w, m.word)
		}
	}
	for c := range counters {
		w = append(w, c)
	}
	w = append(w, noticeHeads...)
	w = append(w, noticeWords...)
	w = append(w, "END", "End", "end", "·")
	w = append(w, toolGate...)
	w = append(w, breadcrumbSeps[:]...)
	return w
}())

// toolGate are the words toolsOnly needs one of before it reads a line.
var toolGate = []string{"打印", "关闭", "字号", "字体", "返回", "放大"}

// cueSet finds whether any of many words occurs in a line in one pass.
// Words of six bytes or more (two Chinese characters) are found by a hash
// of their first six bytes, the shorter ones by their first two bytes (or
// one); a hit is checked against the words themselves, so any is exactly
// a strings.Contains per word.
type cueSet struct {
	head  [1 << 16 / 64]uint64 // key3 of some long word's first bytes
	long  [1 << 16 / 64]uint64 // hash6 of some long word's head
	longs map[uint16][]string
	short [1 << 16 / 64]uint64 // first two bytes of some short word
	// two has the first two bytes of the short words of two bytes, and
	// short3 the key3 of the others: the first two bytes of a Chinese
	// character are shared by 64, and the map was asked for most of them.
	two    [1 << 16 / 64]uint64
	short3 [1 << 16 / 64]uint64
	shorts map[uint16][]string
	single [256 / 64]uint64 // one-byte words
}

func newCueSet(words []string) *cueSet {
	c := &cueSet{longs: map[uint16][]string{}, shorts: map[uint16][]string{}}
	for _, w := range words {
		if w == "" || w[0]&0xc0 == 0x80 {
			panic("cue: a cue word must start with a character's first byte: " + w)
		}
		switch {
		case len(w) >= 6:
			k := key3(w, 0)
			c.head[k/64] |= 1 << (k % 64)
			h := hash6(w, 0)
			c.long[h/64] |= 1 << (h % 64)
			c.longs[h] = append(c.longs[h], w)
		case len(w) >= 2:
			k := uint16(w[0])<<8 | uint16(w[1])
			c.short[k/64] |= 1 << (k % 64)
			if len(w) == 2 {
				c.two[k/64] |= 1 << (k % 64)
			} else {
				k3 := key3(w, 0)
				c.short3[k3/64] |= 1 << (k3 % 64)
			}
			c.shorts[k] = append(c.shorts[k], w)
		default:
			c.single[w[0]/64] |= 1 << (w[0] % 64)
		}
	}
	return c
}

// has3 reports a short word of three bytes or more whose key3 is s's at i.
func (c *cueSet) has3(s string, i int) bool {
	k := key3(s, i)
	return c.short3[k/64]&(1<<(k%64)) != 0
}

// key3 folds the three bytes of s from i into 16 bits (a Chinese
// character's are its code point).
func key3(s string, i int) uint16 {
	return uint16(s[i])<<12 ^ uint16(s[i+1])<<6 ^ uint16(s[i+2])
}

// hash6 hashes the six bytes of s from i.
func hash6(s string, i int) uint16 {
	v := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 | uint64(s[i+4])<<32 | uint64(s[i+5])<<40
	return uint16((v * 0x9e3779b97f4a7c15) >> 48)
}

// any reports whether some word occurs in s. Every offset is tried but
// those inside a three-byte character (no word starts with a continuation
// byte), so a word is found after bytes that are not UTF-8 too.
func (c *cueSet) any(s string) bool {
	for i := 0; i < len(s); i += step(s, i) {
		b := s[i]
		if c.single[b/64]&(1<<(b%64)) != 0 {
			return true
		}
		if i+1 >= len(s) {
			break
		}
		k := uint16(b)<<8 | uint16(s[i+1])
		if c.short[k/64]&(1<<(k%64)) != 0 && (c.two[k/64]&(1<<(k%64)) != 0 || i+2 < len(s) && c.has3(s, i)) {
			for _, w := range c.shorts[k] {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		if i+6 <= len(s) {
			if k := key3(s, i); c.head[k/64]&(1<<(k%64)) == 0 {
				continue
			}
			if h := hash6(s, i); c.long[h/64]&(1<<(h%64)) != 0 {
				for _, w := range c.longs[h] {
					if strings.HasPrefix(s[i:], w) {
						return true
					}
				}
			}
		}
	}
	return false
}
