package mojibake

import "unicode/utf8"

// A WHATWG Big5 reader (browsers, x/text, most crawlers) that meets UTF-8
// gives one U+FFFD for each pair it cannot read, lead and trail both
// dropped, unless the trail is ASCII, which it gives back; and one for a
// lone 0x80, the only byte of UTF-8 that begins no pair. So a U+FFFD
// before a character that is not ASCII stands for two bytes or for 0x80,
// and which one the UTF-8 around it decides: 0x80 only continues a
// character. A run of them is sized as a whole (holeSizes).

// unknownAfter stands for the character after a window cut inside the text
// read: unknown.
const unknownAfter rune = -2

// lone80 is the value a hole holds when it is a lost 0x80 (see
// holeSizes): a known byte, lost as a character.
const lone80 = 0x80

// Sizes of a U+FFFD under such a reader.
const (
	holePair        = 2 // a pair dropped whole
	hole80          = 1 // a lone 0x80
	holeBeforeASCII = 3 // a lead byte before ASCII: one byte of unknown value
	holeUnknown     = 4 // one byte, 0x80 in some sizes as likely and not others
)

// holeSizes sizes the run of U+FFFDs win[i:i+k], written after the bytes
// b (hole marks their lost ones), for a reader that drops whole pairs. It
// returns nil where no sizes make UTF-8 of the bytes around the run;
// otherwise the sizes with the
// fewest lone 0x80s, which are rare against pairs. Characters begun
// inside the run are taken to be three bytes long, as Han characters are.
func holeSizes(b []byte, hole []bool, win []rune, i, k int, c *codec, after rune) []int8 {
	// need: bytes the character before the run still lacks; -1 unknown.
	need := -1
	if i > 0 {
		need = lacking(b, hole)
	}
	// want: bytes the run must leave the last character lacking, the
	// continuation bytes that follow it; -1 unknown.
	want, ascii := -1, false
	next := after
	if j := i + k; j < len(win) {
		next = win[j]
	}
	if next != unknownAfter {
		if next < utf8.RuneSelf {
			// ASCII, or the end of the text: a lead byte's pair is cut
			// short, and the lead alone is lost.
			want, ascii = 0, true
		} else {
			var buf [4]byte
			nb, ok := c.encode(buf[:0], next)
			if !ok {
				return nil
			}
			want = 0
			for _, x := range nb {
				if x&0xc0 != 0x80 {
					break
				}
				want++
			}
		}
	}
	const states = 4 // bytes lacking: 0 to 3
	type cell struct {
		ok   bool
		cost int
		ways int // of reaching the cell at its cost, counted to 2
		from int8
		size int8
	}
	dp := make([][states]cell, k+1)
	for s := range states {
		if need < 0 || s == need {
			dp[0][s] = cell{ok: true, ways: 1}
		}
	}
	step := func(s int) int { // one byte of a character
		if s == 0 {
			return 2 // a lead byte: a Han character's two more
		}
		return s - 1
	}
	for j := range k {
		for s := range states {
			cur := dp[j][s]
			if !cur.ok {
				continue
			}
			put := func(t int, size int8, cost int) {
				n := &dp[j+1][t]
				switch {
				case !n.ok || cur.cost+cost < n.cost:
					*n = cell{ok: true, cost: cur.cost + cost, ways: cur.ways, from: int8(s), size: size}
				case cur.cost+cost == n.cost:
					n.ways = min(2, n.ways+cur.ways)
				}
			}
			if ascii && j == k-1 {
				put(step(s), holeBeforeASCII, 0)
				continue
			}
			put(step(step(s)), holePair, 0)
			if s > 0 {
				put(s-1, hole80, 1)
			}
		}
	}
	end, ways := -1, 0
	for s := range states {
		c := dp[k][s]
		if !c.ok || want >= 0 && s != want {
			continue
		}
		switch {
		case end < 0 || c.cost < dp[k][end].cost:
			end, ways = s, c.ways
		case c.cost == dp[k][end].cost:
			ways += c.ways
		}
	}
	if end < 0 {
		return nil
	}
	sizes := make([]int8, k)
	for j, s := k, end; j > 0; j-- {
		sizes[j-1] = dp[j][s].size
		s = int(dp[j][s].from)
	}
	if ways > 1 {
		// Sizes as likely as these put a lone 0x80 elsewhere: its
		// place, and so its value, is unknown.
		for j, z := range sizes {
			if z == hole80 {
				sizes[j] = holeUnknown
			}
		}
	}
	return sizes
}
