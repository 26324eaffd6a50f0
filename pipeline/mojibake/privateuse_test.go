package mojibake

import (
	"math/rand/v2"
	"testing"
)

// TestIndexPrivateUse holds indexPrivateUse's scans to a byte loop's
// answer on random texts of Han characters, fullwidth marks (EF) and
// private-use characters (EE, EF), from every offset.
func TestIndexPrivateUse(t *testing.T) {
	slow := func(text string, i int) int {
		for j := i; j+2 < len(text); j++ {
			if text[j] == 0xee && text[j+1] >= 0x80 && text[j+1] <= 0xbf || text[j] == 0xef && text[j+1] >= 0x80 && text[j+1] <= 0xa3 {
				return j
			}
		}
		return -1
	}
	parts := []string{"中", "文", "，", "（", "\ue000", "\ue6bc", "\uf8ff", "\uf900", "a", "\xee", "\xef\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		text := string(b)
		for i := 0; i <= len(text); i++ {
			if got, want := indexPrivateUse(text, i), slow(text, i); got != want {
				t.Fatalf("indexPrivateUse(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
