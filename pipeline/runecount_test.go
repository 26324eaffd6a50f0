package pipeline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount holds runeCount to utf8.RuneCountInString on valid text,
// on every kind of broken sequence and on random bytes.
func TestRuneCount(t *testing.T) {
	cases := []struct{ name, s string }{
		{"empty", ""},
		{"ascii", "road 12 km"},
		{"han", "农村公路建设里程达到一千二百公里"},
		{"mixed", "新建 12.5 公里, 投资 3 亿元 (2023年)"},
		{"two and four bytes", "é ü 𠀀 😀 中"},
		{"E0 and ED leads", "\u0800\u0fff\ud7ff\ue000"},
		{"surrogate", "\xed\xa0\x80"},
		{"overlong E0", "\xe0\x80\x80"},
		{"truncated at end", "中\xe4\xb8"},
		{"truncated lead only", "中\xe4"},
		{"lone continuation", "\x80\xbf中"},
		{"bad second byte", "\xe4\x41\xad"},
		{"bad third byte", "\xe4\xb8\x41"},
		{"F4 beyond range", "\xf4\x90\x80\x80"},
		{"invalid leads", "\xc0\xc1\xf5\xff"},
		{"replacement char", "\uFFFD\xef\xbf\xbd"},
		{"long han", strings.Repeat("統計數據", 500)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, want := runeCount(c.s), utf8.RuneCountInString(c.s); got != want {
				t.Errorf("runeCount(%q) = %d, want %d", c.s, got, want)
			}
		})
	}
	// Random valid text of every length, so that eight-byte words start
	// anywhere in a character.
	rv := rand.New(rand.NewPCG(5, 6))
	chars := []rune{'a', '1', ' ', 'é', '×', '中', '農', '，', '\u0800', '\ud7ff', '\uFFFD', '𠀀', '😀'}
	for range 20000 {
		var b strings.Builder
		for range rv.IntN(30) {
			b.WriteRune(chars[rv.IntN(len(chars))])
		}
		if got, want := runeCount(b.String()), utf8.RuneCountInString(b.String()); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", b.String(), got, want)
		}
	}
	// Random bytes weighted towards UTF-8 lead and continuation bytes.
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', ' ', 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for range 100000 {
		b := make([]byte, r.IntN(20))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := runeCount(string(b)), utf8.RuneCountInString(string(b)); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", b, got, want)
		}
	}
}

func BenchmarkRuneCount(b *testing.B) {
	s := strings.Repeat("农村公路建设里程达到 1200 公里，", 200)
	b.SetBytes(int64(len(s)))
	b.Run("runeCount", func(b *testing.B) {
		for b.Loop() {
			runeCount(s)
		}
	})
	b.Run("utf8", func(b *testing.B) {
		for b.Loop() {
			utf8.RuneCountInString(s)
		}
	})
}
