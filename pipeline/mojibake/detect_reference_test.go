package mojibake

import (
	"slices"
	"testing"
	"unicode"
)

// TestSuspiciousMatchesReference: the fast loop finds the spots of the
// plain one on clean and garbled text.
func TestSuspiciousMatchesReference(t *testing.T) {
	d := detectorFor()
	var texts []string
	for _, dc := range seedClean(t) {
		texts = append(texts, dc.text)
		texts = append(texts, decodeAll(gbk, []byte(dc.text)))
	}
	for _, dc := range debianDocs(4 << 20) {
		texts = append(texts, dc.text)
	}
	for _, c := range seedCases(t) {
		texts = append(texts, c.found)
	}
	for _, s := range texts {
		a, b := d.suspicious(s), d.referenceSuspicious(s)
		if !slices.Equal(a, b) {
			t.Fatalf("differ on %q...: %v vs %v", s[:min(60, len(s))], a[:min(10, len(a))], b[:min(10, len(b))])
		}
	}
}

func FuzzSuspiciousMatchesReference(f *testing.F) {
	f.Add("想凝心铸魂。拓展 敢拼會羸的良好 。ㄒ唬┌l(fā)展")
	d := detectorFor()
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := d.suspicious(s), d.referenceSuspicious(s); !slices.Equal(a, b) {
			t.Fatalf("%q: %v vs %v", s, a, b)
		}
	})
}

// spanChar is one character of the detector's span: its cost and, until
// checked, whether its pair with the character before is known.
type spanChar struct {
	cost    uint16
	checked bool
	prev, r rune
}

// referenceSuspicious is the detector written as one loop for all cases,
// the oracle the fast loop of suspicious is checked against.
func (d *detector) referenceSuspicious(text string) []int {
	var spots []int
	var ring [span]spanChar
	n, sum := 0, 0
	prev, last := rune(-1), rune(-1)
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			// A lone ASCII character of the GBK trail range (letters,
			// @[\]^_`{|}~) after a multi-byte character and before another,
			// a space or the end of the line: where a GBK trail byte was
			// read as ASCII after a frame shift.
			if last >= 0x2000 && c >= 0x40 && c <= 0x7e && loneTrail(text, i+1) {
				spots = append(spots, ^i) // a lone-trail spot (see suspicious)
			}
			n, sum, prev, last = 0, 0, -1, rune(c)
			i++
			continue
		}
		var r rune
		var size int
		var k uint8 = marker
		if i+2 < len(text) && c >= 0xe1 && c <= 0xef && c != 0xed && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80 {
			// decodeHan's three-byte case, written out for the hot loop.
			r, size = rune(c&0x0f)<<12|rune(text[i+1]&0x3f)<<6|rune(text[i+2]&0x3f), 3
			k = d.cost[r]
		} else {
			r, size = decodeHan(text, i)
			if r < 0x10000 {
				k = d.cost[r]
			} else if unicode.Is(unicode.Han, r) {
				k = maxCost // supplementary ideographs are rare but real
			}
		}
		if k == marker && (besideOwnKind(text, i, size, r, last) || soloLatin(r) && d.loneSymbol(text, i, size, last)) {
			k = neutral
		}
		last = r
		switch k {
		case marker:
			spots = append(spots, i)
			n, sum, prev = 0, 0, -1
		case neutral:
			n, sum, prev = 0, 0, -1
		default:
			// The pair set is large and looked up at random, so a
			// character's cost is first taken as its unigram cost and
			// lowered to 0 for a known pair only when the span's sum would
			// cross the cut; lowering only shrinks the sum, so the spots
			// are those of looking every pair up.
			slot := n & (span - 1) // span is a power of two
			if n >= span {
				sum -= int(ring[slot].cost)
			}
			ring[slot] = spanChar{cost: uint16(k), prev: prev, r: r}
			sum += int(k)
			prev = r
			n++
			cut := surprise4
			if n == minSpan {
				cut = surprise3
			}
			if n >= minSpan && sum > cut {
				for j := range min(n, span) {
					c := &ring[j]
					if c.checked {
						continue
					}
					c.checked = true
					if c.prev >= 0 && c.cost > 0 {
						h := pairHash(c.prev, c.r)
						if d.pairSeen(h) {
							sum -= int(c.cost)
							c.cost = 0
						}
					}
				}
				if sum > cut {
					spots = append(spots, i)
				}
			}
		}
		i += size
	}
	return spots
}
