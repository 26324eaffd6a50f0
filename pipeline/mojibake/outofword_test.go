package mojibake

import (
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestSpaceEnds: spaceEnds finds from the bytes what spaceLike says of
// every character below U+3000 read back from the end of a string, after
// each byte that may come before it.
func TestSpaceEnds(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		for _, before := range []string{"", "a", "中", "\xc2", "\xe2", "\xe2\x80", "\x80"} {
			s := before + string(r)
			_, n := lastRune(s, 0, len(s))
			p, _ := utf8.DecodeLastRuneInString(s[:len(s)])
			if got, want := spaceEnds(s), n > 0 && spaceLike(p); got != want {
				t.Fatalf("spaceEnds(%q) = %v, spaceLike(%q) %v", s, got, p, want)
			}
		}
	}
	for _, s := range []string{"\xa0", "\x80\x80", "\xe2\x94", "\x94\x80", "a\xa0"} {
		if spaceEnds(s) {
			t.Errorf("spaceEnds(%q): no character ends it", s)
		}
	}
}
