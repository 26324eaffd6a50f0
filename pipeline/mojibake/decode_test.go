package mojibake

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeHan checks the inline decoder against the standard library on
// every lead byte with a spread of continuation bytes, cut at every length.
func TestDecodeHan(t *testing.T) {
	conts := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for lead := 0x80; lead <= 0xff; lead++ {
		for _, b1 := range conts {
			for _, b2 := range conts {
				full := string([]byte{byte(lead), b1, b2, 'x'})
				for n := 1; n <= len(full); n++ {
					s := full[:n]
					r, size := decodeHan(s, 0)
					wr, wsize := utf8.DecodeRuneInString(s)
					if r != wr || size != wsize {
						t.Fatalf("% x: got %U/%d, want %U/%d", s, r, size, wr, wsize)
					}
				}
			}
		}
	}
}

// FuzzDecodeHan compares the inline decoder with the standard library.
func FuzzDecodeHan(f *testing.F) {
	f.Add([]byte("中文"))
	f.Add([]byte{0xed, 0xa0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		s := string(b)
		for i := 0; i < len(s); i++ {
			r, size := decodeHan(s, i)
			wr, wsize := utf8.DecodeRuneInString(s[i:])
			if r != wr || size != wsize {
				t.Fatalf("at %d of % x: got %U/%d, want %U/%d", i, b, r, size, wr, wsize)
			}
		}
	})
}
