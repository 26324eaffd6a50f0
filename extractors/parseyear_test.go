package extractors

import (
	"strconv"
	"strings"
	"testing"
)

// refParseYear is parseYear as it was: the digits written out, then read
// by strconv.
func refParseYear(s string) int {
	var b strings.Builder
	for _, r := range s {
		d := yearDigit(r)
		if d < 0 {
			return 0
		}
		b.WriteByte(byte('0' + d))
	}
	y, err := strconv.Atoi(b.String())
	if err != nil {
		return 0
	}
	return y
}

func TestParseYearAsStrconv(t *testing.T) {
	for _, s := range []string{
		"", "2024", "２０２４", "二〇二四", "二零二四", "○", "0", "0012", "20a4", "年",
		strings.Repeat("9", 18), strings.Repeat("9", 19), strings.Repeat("9", 20),
		"9223372036854775807", "9223372036854775808", strings.Repeat("0", 30) + "7",
		strings.Repeat("九", 19),
	} {
		if got, want := parseYear(s), refParseYear(s); got != want {
			t.Errorf("parseYear(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzParseYear(f *testing.F) {
	f.Add("2024")
	f.Add("二〇二四")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := parseYear(s), refParseYear(s); got != want {
			t.Errorf("parseYear(%q) = %d, want %d", s, got, want)
		}
	})
}
