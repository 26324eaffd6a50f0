package extractors

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// checkShortDecimalValue holds shortDecimalValue to strconv.ParseFloat
// wherever it answers, bit for bit.
func checkShortDecimalValue(t *testing.T, text string) {
	t.Helper()
	got, ok := shortDecimalValue(text)
	if !ok {
		return
	}
	want, err := strconv.ParseFloat(text, 64)
	if err != nil || got != want {
		t.Fatalf("shortDecimalValue(%q) = %v, ParseFloat says %v (%v)", text, got, want, err)
	}
}

func TestShortDecimalValue(t *testing.T) {
	for _, s := range []string{"0", "1", "12.5", "0.1", "0.3", "559", "123456789012345", "1234567890123456", "99999999999999.9",
		"0.000000000000001", "1.7976931348623157", "9007199254740993", "3.14159265358979", "2.5", "100", "0.07"} {
		checkShortDecimalValue(t, s)
	}
	answered := 0
	rng := rand.New(rand.NewPCG(7, 15))
	for range 200000 {
		n := 1 + rng.IntN(16)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		if n > 1 && rng.IntN(2) == 0 {
			at := 1 + rng.IntN(n-1)
			b = append(b[:at], append([]byte{'.'}, b[at:]...)...)
		}
		if _, ok := shortDecimalValue(string(b)); ok {
			answered++
		}
		checkShortDecimalValue(t, string(b))
	}
	if answered < 100000 {
		t.Fatalf("only %d of 200000 answered", answered)
	}
}

func FuzzShortDecimalValue(f *testing.F) {
	for _, s := range []string{"12.5", "0.1", "123456789012345", "1.0000000000001"} {
		f.Add(s)
	}
	f.Fuzz(checkShortDecimalValue)
}
