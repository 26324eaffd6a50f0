package pinyin

import "testing"

func TestEndsWithReading(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		s    string
		want bool
	}{
		{'萬', "wàn", true}, {'万', "wan4", true}, {'入', "shēnrù", true}, {'公', "gōng", true},
		{'落', "wàn", false}, {'深', "shēnrù", false}, {'绿', "lǜ", true}, {'绿', "lv", true},
		{'萬', "GDP", false}, {'萬', "", false}, {'萬', "万", false}, {'A', "a", false},
	} {
		if got := EndsWithReading(tc.r, tc.s); got != tc.want {
			t.Errorf("EndsWithReading(%c, %q) = %v, want %v", tc.r, tc.s, got, tc.want)
		}
	}
}
