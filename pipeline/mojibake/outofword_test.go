package mojibake

import (
	"testing"
	"unicode"
)

// TestOutOfWordLatin: outOfWord's shortcut for U+00C0 to U+024F answers
// as its Unicode tables do.
func TestOutOfWordLatin(t *testing.T) {
	for r := rune(0xc0); r < 0x250; r++ {
		want := unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) || unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.So, unicode.Sc, unicode.Sm)
		if got := outOfWord(r); got != want {
			t.Errorf("outOfWord(%q) = %v, the tables say %v", r, got, want)
		}
	}
}

// TestPinyinLetterLatin: pinyinLetter's shortcut below U+0250 answers as
// the Latin table does.
func TestPinyinLetterLatin(t *testing.T) {
	for r := rune(0); r < 0x300; r++ {
		want := asciiLetter(r) || r >= 0xc0 && r < 0x300 && unicode.Is(unicode.Latin, r)
		if got := pinyinLetter(r); got != want {
			t.Errorf("pinyinLetter(%q) = %v, the table says %v", r, got, want)
		}
	}
}
