package extractors

import "testing"

// rocYears finds a year only where yearMatchesROC says one may stand, so
// findYears, which asks rocYears only then, finds what it found asking
// whenever the text held 民国.
func TestROCPrecheck(t *testing.T) {
	for _, s := range []string{
		"民国38年", "民国 38 年", "民国\n101年", "民国1年", "民国2024年", "中华民国三十八年", "民国38", "38年民国", "民国12年、民国13年",
	} {
		checkROCPrecheck(t, s)
	}
}

func FuzzROCPrecheck(f *testing.F) {
	f.Add("民国38年")
	f.Add("民国 101 年，1949年")
	f.Fuzz(checkROCPrecheck)
}

func checkROCPrecheck(t *testing.T, s string) {
	if _, roc := yearMatchesROC(s); !roc && len(rocYears(s)) > 0 {
		t.Errorf("yearMatchesROC(%q) says no year of the Republic, rocYears finds %v", s, rocYears(s))
	}
}
