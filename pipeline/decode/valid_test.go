package decode

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidUTF8AsStdlib(t *testing.T) {
	for _, s := range []string{
		"", "abc", "二〇二四年，全省完成投资3.6亿元。", strings.Repeat("公路", 20) + "\xff",
		"\xe0\x80\x80abcdefgh", "\xed\xa0\x80中文中文中文", "中文中文\xed\x9f\xbf中文中文", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
		"中文中文中文中\xe4", "中文中文中文中\xe4\xb8", "abcdefg\xf0\x9f\x98\x80中文中文", "中\xc0\xaf文中文中文中文",
		"中文\xf4\x90\x80\x80中文中文中文", "中文中文中文\x80中文",
	} {
		if got, want := validUTF8([]byte(s)), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	f.Add([]byte("二〇二四年，全省完成投资3.6亿元。"))
	f.Add([]byte("中文中文\xed\xa0\x80中文中文"))
	f.Add([]byte("中文\xe0\xa0\x80中文中文中文"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Errorf("validUTF8(%q) = %v, want %v", b, got, want)
		}
	})
}

// BenchmarkValidUTF8 compares validUTF8 with utf8.Valid on Chinese text.
//
//	go test -run '^$' -bench ValidUTF8 ./pipeline/decode/
func BenchmarkValidUTF8(b *testing.B) {
	text := []byte(strings.Repeat("二〇二四年，全省完成公路水路交通投资3.6亿元，同比增长12%。\n", 400))
	for _, bc := range []struct {
		name string
		fn   func([]byte) bool
	}{{"validUTF8", validUTF8}, {"utf8.Valid", utf8.Valid}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if !bc.fn(text) {
					b.Fatal("invalid")
				}
			}
		})
	}
}
