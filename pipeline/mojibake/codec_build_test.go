package mojibake

import (
	"maps"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// referenceDoubleByte builds the tables the plain way, one Decoder.Bytes
// and Encoder.Bytes call per character: the oracle for newDoubleByte's
// reused transformers.
func referenceDoubleByte(e encoding.Encoding) *doubleByte {
	t := &doubleByte{inv: map[rune]uint16{}, enc: e}
	if out, err := e.NewDecoder().Bytes([]byte{0x80}); err == nil {
		if r, n := utf8.DecodeRune(out); n == len(out) && r != utf8.RuneError {
			t.single = r
		}
	}
	for lead := 0x81; lead <= 0xfe; lead++ {
		for trail := 0x40; trail <= 0xfe; trail++ {
			if trail == 0x7f {
				continue
			}
			out, err := e.NewDecoder().Bytes([]byte{byte(lead), byte(trail)})
			if err != nil {
				continue
			}
			r, n := utf8.DecodeRune(out)
			if n != len(out) || r == utf8.RuneError {
				continue
			}
			t.pair[(lead-0x80)<<8|trail] = r
			if v, dup := t.inv[r]; !dup || !standardLead(byte(v>>8)) && standardLead(byte(lead)) {
				t.inv[r] = uint16(lead)<<8 | uint16(trail)
			}
		}
	}
	if e == simplifiedchinese.GB18030 {
		addUserDefined(t.inv)
	}
	for r := rune(0x80); r < 0x10000; r++ {
		if b, ok := t.encodeSlow(nil, r); ok && len(b) <= 4 {
			t.bmpLen[r] = uint8(len(b))
			copy(t.bmp[r][:], b)
		}
	}
	return t
}

// TestDoubleByteTables checks newDoubleByte against the reference build.
func TestDoubleByteTables(t *testing.T) {
	for name, e := range map[string]encoding.Encoding{"gb18030": simplifiedchinese.GB18030, "big5": traditionalchinese.Big5} {
		got, want := newDoubleByte(e), referenceDoubleByte(e)
		if got.single != want.single {
			t.Errorf("%s: single %U, want %U", name, got.single, want.single)
		}
		if got.pair != want.pair {
			t.Errorf("%s: pair tables differ", name)
		}
		if !maps.Equal(got.inv, want.inv) {
			t.Errorf("%s: inverse tables differ", name)
		}
		if got.bmp != want.bmp || got.bmpLen != want.bmpLen {
			t.Errorf("%s: BMP encode tables differ", name)
		}
	}
}
