package cue

import (
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Traditional-script pages (Taiwan, Hong Kong, Macau, mirrors of mainland
// news) write their chrome in traditional characters: 相關新聞, 來源, 版權所有.
// The cue words are simplified, so the rules read a folded view of the
// text: each traditional character that OpenCC's t2s writes as one
// simplified character of the same UTF-8 length is replaced by it. The view
// has the text's byte offsets, so what the rules find in it is found in the
// text.

// foldTable maps a traditional character to its simplified form, 0 where
// the character stays (t2sFoldPairs, generated).
var foldTable = sync.OnceValue(func() *folds {
	t := new(folds)
	s := t2sFoldPairs
	for len(s) > 0 {
		a, n := utf8.DecodeRuneInString(s)
		b, m := utf8.DecodeRuneInString(s[n:])
		t.to[a] = uint16(b)
		t.has[a/64] |= 1 << (a % 64)
		s = s[n+m:]
	}
	return t
})

// folds is the fold table; has marks the characters that fold, 8 KB the
// scan reads for every character (the 128 KB table only for those).
type folds struct {
	has [0x10000 / 64]uint64
	to  [0x10000]uint16
}

// Fold returns text with its traditional characters written simplified,
// byte for byte as long as text; text itself when none is.
func Fold(text string) string {
	buf := FoldSpan(nil, text, 0, len(text))
	if buf == nil {
		return text
	}
	// buf is not written again: the view shares it rather than copy it
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// FoldSpan folds text[a:b] into buf, a copy of text made at the first
// character that folds (buf nil until then), and returns buf.
func FoldSpan(buf []byte, text string, a, b int) []byte {
	t := foldTable()
	// s shrinks from the front (i is its offset in text), so that
	// len(s) >= 3 proves its three reads in bounds.
	s := text[a:b]
	for i := a; len(s) >= 3; {
		c := s[0]
		if c < 0xe3 || c > 0xe9 { // only characters from U+3000 to U+9FFF fold
			i++
			s = s[1:]
			continue
		}
		c1, c2 := s[1], s[2]
		if c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
			i++
			s = s[1:]
			continue
		}
		r := rune(c&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f)
		if t.has[r/64]&(1<<(r%64)) != 0 {
			f := t.to[r]
			if buf == nil {
				buf = []byte(text)
			}
			buf[i], buf[i+1], buf[i+2] = 0xe0|byte(f>>12), 0x80|byte(f>>6)&0x3f, 0x80|byte(f)&0x3f
		}
		i += 3
		s = s[3:]
	}
	return buf
}

// View returns a string of buf, which the caller no longer writes, or text
// when buf is nil.
func View(buf []byte, text string) string {
	if buf == nil {
		return text
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}
