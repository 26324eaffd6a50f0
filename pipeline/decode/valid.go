package decode

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// validUTF8 is utf8.Valid for text that is mostly Chinese: utf8.Valid
// steps over eight ASCII bytes at once but reads every other character
// through its tables, about ten instructions a byte of Chinese text and
// 3% of a run's. Here one test passes two three-byte characters whose
// leads are E1-EC or EE-EF (which take any two continuation bytes), or
// eight ASCII bytes; otherwise one such character or the ASCII bytes up
// to the next other byte; anything else is read by utf8.DecodeRune, whose
// (RuneError, 1) is what utf8.Valid rejects.
func validUTF8(b []byte) bool {
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		if w&0x8080808080808080 == 0 {
			b = b[8:]
			continue
		}
		if w&0x0000c0c0f0c0c0f0 == 0x00008080e08080e0 && freeLead(byte(w)) && freeLead(byte(w>>24)) {
			b = b[6:]
			continue
		}
		if b[0] < utf8.RuneSelf {
			// the ASCII bytes before the first other one
			b = b[bits.TrailingZeros64(w&0x8080808080808080)>>3:]
			continue
		}
		if w&0xc0c0f0 == 0x8080e0 && freeLead(byte(w)) {
			b = b[3:] // one three-byte character
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return false
		}
		b = b[n:]
	}
	return utf8.Valid(b)
}

// freeLead reports whether c, a lead byte 1110xxxx, is neither E0 nor ED,
// the two whose second byte is restricted.
func freeLead(c byte) bool { return c != 0xe0 && c != 0xed }
