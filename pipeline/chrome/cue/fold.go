package cue

import (
	"sync"
	"unicode/utf8"
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
var foldTable = sync.OnceValue(func() *[0x10000]uint16 {
	t := new([0x10000]uint16)
	s := t2sFoldPairs
	for len(s) > 0 {
		a, n := utf8.DecodeRuneInString(s)
		b, m := utf8.DecodeRuneInString(s[n:])
		t[a] = uint16(b)
		s = s[n+m:]
	}
	return t
})

// Fold returns text with its traditional characters written simplified,
// byte for byte as long as text; text itself when none is.
func Fold(text string) string {
	t := foldTable()
	var buf []byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0xe3 || c > 0xe9 { // only 3-byte characters from U+3000 to U+9FFF fold
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if n == 3 && r < 0x10000 && t[r] != 0 {
			if buf == nil {
				buf = []byte(text)
			}
			utf8.EncodeRune(buf[i:i+3], rune(t[r]))
		}
		i += n
	}
	if buf == nil {
		return text
	}
	return string(buf)
}
