package mojibake

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codec reads and writes one character at a time, so that the repair
// lattice can try a reading at any byte offset. The tables are filled from
// golang.org/x/text's codecs, never written by hand.
type codec struct {
	name string
	// encode appends the bytes of r; ok is false when r has none.
	encode func(dst []byte, r rune) ([]byte, bool)
	// decode reads one character at the start of b. n is the bytes used;
	// ok is false for bytes that are no character (n is then the bytes
	// that belong to the broken sequence, at least 1).
	decode func(b []byte) (r rune, n int, ok bool)
	// seqLen is how many bytes a character starting with b takes (1 when
	// b starts none): where bytes were lost, it frames the loss.
	seqLen func(b byte) int
	// ambiguous, when not nil, reports a character the code writes more
	// than one way: which bytes it came from is unknown.
	ambiguous func(r rune) bool
	// hanLead, when not nil, reports the bytes decode can read a Han
	// character from: a window without one reads none.
	hanLead func(b byte) bool
}

// doubleLen frames a double-byte code's characters.
func doubleLen(b byte) int {
	if b >= 0x81 && b <= 0xfe {
		return 2
	}
	return 1
}

// utf8Len frames UTF-8 characters by their lead byte.
func utf8Len(b byte) int {
	switch {
	case b >= 0xc2 && b <= 0xdf:
		return 2
	case b >= 0xe0 && b <= 0xef:
		return 3
	case b >= 0xf0 && b <= 0xf4:
		return 4
	}
	return 1
}

func oneByte(byte) int { return 1 }

// doubleByte holds a CJK double-byte code: every lead/trail pair decoded
// once with the x/text decoder, and the inverse.
type doubleByte struct {
	pair [0x80 * 0x100]rune // (lead-0x80)<<8 | trail -> rune, 0 if none
	inv  map[rune]uint16
	enc  encoding.Encoding
	// bmp and bmpLen hold what encodeSlow writes for each character of
	// the Basic Multilingual Plane (bmpLen 0: none).
	bmp    [0x10000][4]byte
	bmpLen [0x10000]uint8
	// single is what the decoder makes of a lone byte 0x80 (GBK readers
	// give the euro sign), 0 if nothing.
	single rune
	// multi holds the characters that more than one code reads as
	// (HKSCS repeats hundreds of Big5's).
	multi map[rune]bool
}

func newDoubleByte(e encoding.Encoding) *doubleByte {
	t := &doubleByte{inv: make(map[rune]uint16, 24000), enc: e, multi: make(map[rune]bool)}
	// One decoder and one encoder, reset for each character, write into
	// fixed buffers: a new transformer and output slice per character
	// (Decoder.Bytes, Encoder.Bytes) was most of the 40 ms these tables
	// took to build.
	dec := e.NewDecoder()
	var out [16]byte
	decode := func(src []byte) ([]byte, bool) {
		dec.Reset()
		n, _, err := dec.Transform(out[:], src, true)
		return out[:n], err == nil
	}
	if b, ok := decode([]byte{0x80}); ok {
		if r, n := utf8.DecodeRune(b); n == len(b) && r != utf8.RuneError {
			t.single = r
		}
	}
	var buf [2]byte
	for lead := 0x81; lead <= 0xfe; lead++ {
		for trail := 0x40; trail <= 0xfe; trail++ {
			if trail == 0x7f {
				continue
			}
			buf[0], buf[1] = byte(lead), byte(trail)
			b, ok := decode(buf[:])
			if !ok {
				continue
			}
			r, n := utf8.DecodeRune(b)
			if n != len(b) || r == utf8.RuneError {
				continue // unmapped, or mapped to more than one rune
			}
			t.pair[(lead-0x80)<<8|trail] = r
			v, dup := t.inv[r]
			if dup {
				t.multi[r] = true
			}
			if !dup || !standardLead(byte(v>>8)) && standardLead(byte(lead)) {
				t.inv[r] = uint16(lead)<<8 | uint16(trail)
			}
		}
	}
	if e == simplifiedchinese.GB18030 {
		addUserDefined(t.inv)
	}
	t.fillBMP()
	return t
}

// addUserDefined writes the private-use characters that GB18030 readers
// other than x/text's (Python's gb18030, glibc's) give the user-defined
// pairs: AAA1-AFFE and F8A1-FEFE from U+E000, then A140-A7A0 from U+E4C6,
// row by row (TestUserDefinedPairs checks them against Python's). A stray
// byte pairs with a lead into these rows often, so a frame shift's garbage
// holds them; encoding them back gives the bytes the repair needs. The
// decoding table keeps them unreadable: no text is written in them.
func addUserDefined(inv map[rune]uint16) {
	r := rune(0xe000)
	for _, rows := range [][2]int{{0xaa, 0xaf}, {0xf8, 0xfe}} {
		for lead := rows[0]; lead <= rows[1]; lead++ {
			for trail := 0xa1; trail <= 0xfe; trail++ {
				inv[r] = uint16(lead)<<8 | uint16(trail)
				r++
			}
		}
	}
	for lead := 0xa1; lead <= 0xa7; lead++ {
		for trail := 0x40; trail <= 0xa0; trail++ {
			if trail == 0x7f {
				continue
			}
			inv[r] = uint16(lead)<<8 | uint16(trail)
			r++
		}
	}
}

// standardLead reports lead bytes of the codes' main areas (A1-F9). A
// character that several byte pairs decode to (Big5's HKSCS duplicates of
// common characters, at leads 87-A0 and FA-FE) is written with its pair
// there: text in the other code is mostly there too, where its common
// characters are.
func standardLead(b byte) bool { return b >= 0xa1 && b <= 0xf9 }

func (t *doubleByte) encodeRune(dst []byte, r rune) ([]byte, bool) {
	if r < 0x80 {
		return append(dst, byte(r)), true
	}
	if r < 0x10000 {
		n := t.bmpLen[r]
		return append(dst, t.bmp[r][:n]...), n > 0
	}
	return t.encodeSlow(dst, r)
}

// fillBMP writes every character of the Basic Multilingual Plane once
// the way encodeSlow does, so that encodeRune is a table lookup. One
// encoder serves all the characters outside inv.
func (t *doubleByte) fillBMP() {
	enc := t.enc.NewEncoder()
	var src [4]byte
	var out [16]byte
	for r := rune(0x80); r < 0x10000; r++ {
		var b []byte
		switch v, ok := t.inv[r]; {
		case r == t.single:
			b = []byte{0x80}
		case ok:
			b = []byte{byte(v >> 8), byte(v)}
		case r == utf8.RuneError:
			continue
		default:
			enc.Reset()
			n, _, err := enc.Transform(out[:], src[:utf8.EncodeRune(src[:], r)], true)
			if err != nil {
				continue
			}
			b = out[:n]
		}
		if len(b) <= 4 {
			t.bmpLen[r] = uint8(len(b))
			copy(t.bmp[r][:], b)
		}
	}
}

func (t *doubleByte) encodeSlow(dst []byte, r rune) ([]byte, bool) {
	if r == t.single {
		// The lone byte, not the two-byte form: mojibake of UTF-8 is
		// full of 0x80 continuation bytes.
		return append(dst, 0x80), true
	}
	if v, ok := t.inv[r]; ok {
		return append(dst, byte(v>>8), byte(v)), true
	}
	if r == utf8.RuneError {
		return dst, false // damage, not a character any code holds
	}
	out, err := t.enc.NewEncoder().Bytes([]byte(string(r)))
	if err != nil {
		return dst, false
	}
	return append(dst, out...), true
}

func (t *doubleByte) decodeRune(b []byte, four bool) (rune, int, bool) {
	c := b[0]
	if c < 0x80 {
		return rune(c), 1, true
	}
	if c == 0x80 && t.single != 0 {
		return t.single, 1, true
	}
	if c == 0x80 || c == 0xff || len(b) < 2 {
		return utf8.RuneError, 1, false
	}
	if r := t.pair[int(c-0x80)<<8|int(b[1])]; r != 0 {
		return r, 2, true
	}
	if four && b[1] >= 0x30 && b[1] <= 0x39 && len(b) >= 4 {
		out, err := t.enc.NewDecoder().Bytes(b[:4])
		if err == nil {
			if r, n := utf8.DecodeRune(out); n == len(out) && r != utf8.RuneError {
				return r, 4, true
			}
		}
	}
	return utf8.RuneError, 1, false
}

var (
	gbTable   = sync.OnceValue(func() *doubleByte { return newDoubleByte(simplifiedchinese.GB18030) })
	big5Table = sync.OnceValue(func() *doubleByte { return newDoubleByte(traditionalchinese.Big5) })
	// cp1252Table maps bytes to runes the way browsers read "latin-1"
	// pages: windows-1252, with its five holes read as C1 controls.
	cp1252Table = sync.OnceValue(func() *[256]rune {
		var t [256]rune
		for i := range t {
			r := charmap.Windows1252.DecodeByte(byte(i))
			if r == utf8.RuneError {
				r = charmap.ISO8859_1.DecodeByte(byte(i))
			}
			t[i] = r
		}
		return &t
	})
	cp1252Inv = sync.OnceValue(func() map[rune]byte {
		m := make(map[rune]byte, 256)
		for i, r := range cp1252Table() {
			m[r] = byte(i)
		}
		// Latin-1 readers give C1 controls where windows-1252 has symbols.
		for i := 0x80; i < 0xa0; i++ {
			if _, ok := m[rune(i)]; !ok {
				m[rune(i)] = byte(i)
			}
		}
		return m
	})
)

func gb18030Codec() *codec {
	t := gbTable()
	return &codec{
		name: "gbk",
		encode: func(dst []byte, r rune) ([]byte, bool) {
			if b, ok := encodeGBPrivateUse(dst, r); ok {
				return b, true
			}
			return t.encodeRune(dst, r)
		},
		decode: func(b []byte) (rune, int, bool) { return t.decodeRune(b, true) },
		seqLen: doubleLen,
	}
}

func big5Codec() *codec {
	t := big5Table()
	return &codec{
		name:      "big5",
		encode:    t.encodeRune,
		decode:    func(b []byte) (rune, int, bool) { return t.decodeRune(b, false) },
		seqLen:    doubleLen,
		ambiguous: func(r rune) bool { return t.multi[r] },
	}
}

func cp1252Codec() *codec {
	t, inv := cp1252Table(), cp1252Inv()
	// top is the highest character the code writes (™): Chinese text lies
	// above it, and a map lookup per character of a window, to learn that
	// four mechanisms cannot read it, was a thirtieth of the stage.
	top := rune(0)
	for r := range inv {
		top = max(top, r)
	}
	return &codec{
		name: "cp1252",
		encode: func(dst []byte, r rune) ([]byte, bool) {
			if r > top {
				return dst, false
			}
			if b, ok := inv[r]; ok {
				return append(dst, b), true
			}
			return dst, false
		},
		decode: func(b []byte) (rune, int, bool) { return t[b[0]], 1, true },
		seqLen: oneByte,
	}
}

func utf8Codec() *codec {
	return &codec{
		name: "utf-8",
		encode: func(dst []byte, r rune) ([]byte, bool) {
			if r == utf8.RuneError || !utf8.ValidRune(r) {
				return dst, false
			}
			return utf8.AppendRune(dst, r), true
		},
		decode: decodeUTF8,
		seqLen: utf8Len,
		// Han characters start at U+2E80 (E2 BA 80) and take three
		// bytes or four.
		hanLead: func(b byte) bool { return b >= 0xe2 && b <= 0xf4 },
	}
}

// decodeUTF8 reads one UTF-8 character; a broken sequence uses all the
// bytes that still fit its lead byte, so a truncated character is one
// unrecoverable position, not several.
func decodeUTF8(b []byte) (rune, int, bool) {
	r, n := utf8.DecodeRune(b)
	if r != utf8.RuneError || n > 1 {
		return r, n, true
	}
	need := 0
	switch c := b[0]; {
	case c >= 0xc2 && c <= 0xdf:
		need = 2
	case c >= 0xe0 && c <= 0xef:
		need = 3
	case c >= 0xf0 && c <= 0xf4:
		need = 4
	}
	n = 1
	for n < need && n < len(b) && b[n] >= 0x80 && b[n] <= 0xbf {
		n++
	}
	return utf8.RuneError, n, false
}

// doubleUTF8 reads UTF-8 that was read as windows-1252 and written out as
// UTF-8 again: one character of the inner text spans several outer ones.
func doubleUTF8() *codec {
	inv := cp1252Inv()
	return &codec{
		name:   "utf-8",
		encode: utf8Codec().encode,
		seqLen: oneByte, // a character spans several outer ones: not framed
		decode: func(b []byte) (rune, int, bool) {
			var inner [4]byte
			k, pos := 0, 0
			need := 1
			for k < need && pos < len(b) {
				r, n, ok := decodeUTF8(b[pos:])
				if !ok {
					break
				}
				c, ok := inv[r]
				if !ok {
					break
				}
				if k == 0 {
					switch {
					case c < 0x80:
						need = 1
					case c >= 0xc2 && c <= 0xdf:
						need = 2
					case c >= 0xe0 && c <= 0xef:
						need = 3
					case c >= 0xf0 && c <= 0xf4:
						need = 4
					default:
						return utf8.RuneError, max(pos+n, 1), false
					}
				}
				inner[k] = c
				k++
				pos += n
			}
			if k == 0 {
				_, n, _ := decodeUTF8(b)
				return utf8.RuneError, n, false
			}
			r, n := utf8.DecodeRune(inner[:k])
			if n != k || k < need || (r == utf8.RuneError && n == 1) {
				return utf8.RuneError, pos, false
			}
			return r, pos, true
		},
	}
}
