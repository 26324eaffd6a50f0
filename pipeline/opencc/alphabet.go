package opencc

import (
	"errors"
	"unicode/utf8"
)

// alphabet maps runes to the trie codes the generator assigned. Code 0 means
// the rune occurs in no key, so no match can start or continue there.
type alphabet struct {
	bmp    *[0x10000]uint16
	astral map[rune]uint16
	runes  []rune // runes[code-1] is the rune of code
}

func newAlphabet(runes []rune) (*alphabet, error) {
	if len(runes) >= 1<<16 {
		return nil, errors.New("opencc: alphabet too large")
	}
	ab := &alphabet{bmp: new([0x10000]uint16), astral: map[rune]uint16{}, runes: runes}
	for i, r := range runes {
		switch {
		case r < 0 || r > utf8.MaxRune || !utf8.ValidRune(r):
			return nil, errors.New("opencc: invalid rune in alphabet")
		case r < 0x10000:
			ab.bmp[r] = uint16(i + 1)
		default:
			ab.astral[r] = uint16(i + 1)
		}
	}
	return ab, nil
}

// codeAt decodes the rune at s[i:end] and returns its code and byte size.
// An invalid or truncated sequence counts as one byte with code 0, exactly
// where utf8.DecodeRune would report (RuneError, 1).
func codeAt[T text](ab *alphabet, s T, i, end int) (uint16, int) {
	c0 := s[i]
	if c0 < utf8.RuneSelf {
		return ab.bmp[c0], 1
	}
	// a valid three-byte character whose lead (E1-EC, EE-EF) takes any
	// two continuation bytes, most of a Chinese text, decoded here: the
	// call to decode was most of codeAt
	if c0-0xe1 <= 0xef-0xe1 && c0 != 0xed && end-i >= 3 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return ab.bmp[rune(c0&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f)], 3
	}
	r, size := decode(s, i, end)
	switch {
	case size == 1:
		return 0, 1
	case r < 0x10000:
		return ab.bmp[r], size
	}
	return ab.astral[r], size
}

// decode is utf8.DecodeRune for either text type, without copying.
func decode[T text](s T, i, end int) (rune, int) {
	c0 := s[i]
	n := end - i
	switch {
	case c0 < utf8.RuneSelf:
		return rune(c0), 1
	case c0 < 0xC2:
		return utf8.RuneError, 1
	case c0 < 0xE0:
		if n < 2 || s[i+1]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c0 < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		switch c0 {
		case 0xE0:
			lo = 0xA0 // overlong
		case 0xED:
			hi = 0x9F // surrogates
		}
		if n < 3 || s[i+1] < lo || s[i+1] > hi || s[i+2]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	case c0 < 0xF5:
		lo, hi := byte(0x80), byte(0xBF)
		switch c0 {
		case 0xF0:
			lo = 0x90 // overlong
		case 0xF4:
			hi = 0x8F // beyond U+10FFFF
		}
		if n < 4 || s[i+1] < lo || s[i+1] > hi || s[i+2]&0xC0 != 0x80 || s[i+3]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
	}
	return utf8.RuneError, 1
}
