package extractors

import (
	"testing"
	"unicode"
)

// TestHanRune holds hanRune and isBlank's shortcut to the unicode tables
// for every character: the CJK Unified Ideographs block is all Han, and no
// space is beyond U+3000.
func TestHanRune(t *testing.T) {
	for r := range rune(unicode.MaxRune + 1) {
		if got, want := hanRune(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("hanRune(%U) = %v, want %v", r, got, want)
		}
		if r > 0x3000 && unicode.IsSpace(r) {
			t.Fatalf("%U is a space beyond U+3000", r)
		}
	}
}
