package pinyin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func benchTexts(b *testing.B) []struct{ name, text string } {
	b.Helper()
	read := func(prefix string) string {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
		if len(m) != 1 {
			b.Fatalf("seed %s not found", prefix)
		}
		data, err := os.ReadFile(m[0])
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	s000 := read("000")
	return []struct{ name, text string }{
		{"annotated-simplified-003", read("003")},
		{"annotated-traditional-004", read("004")},
		{"annotated-mojibake-002", read("002")},
		{"plain-000", s000},
		{"no-parens", strings.NewReplacer("(", "", ")", "", "（", "", "）", "").Replace(s000)},
	}
}

// BenchmarkStrip reports the stage's throughput; the peers below, measured
// in the same run, give the cost of merely reading every character once.
func BenchmarkStrip(b *testing.B) {
	s := New()
	for _, tc := range benchTexts(b) {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for b.Loop() {
				s.Strip(tc.text)
			}
		})
	}
}

// BenchmarkPeerRuneCount decodes every rune once: the floor for any stage
// that looks at the text.
func BenchmarkPeerRuneCount(b *testing.B) {
	for _, tc := range benchTexts(b) {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				utf8.RuneCountInString(tc.text)
			}
		})
	}
}

// BenchmarkPeerMapCopy rewrites the text rune by rune, as the simplest
// text-changing stage would.
func BenchmarkPeerMapCopy(b *testing.B) {
	id := func(r rune) rune {
		if r == '\u3000' {
			return ' '
		}
		return r
	}
	for _, tc := range benchTexts(b) {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				strings.Map(id, tc.text)
			}
		})
	}
}

// BenchmarkNew is the one-time cost of the readings tables.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := decodeTables(tablesBin); err != nil {
			b.Fatal(err)
		}
	}
}
