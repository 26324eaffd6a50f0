package extractors

import (
	"slices"
	"strings"
	"testing"
)

// refMarkRanges is markRanges as it was: a suffix test per separator.
func refMarkRanges(text string, ys []yearMention) {
	for i := range ys {
		before := strings.TrimRight(text[:ys[i].start], " ")
		for _, sep := range rangeSep {
			if strings.HasSuffix(before, string(sep)) {
				b := strings.TrimRight(strings.TrimSuffix(before, string(sep)), " ")
				b = strings.TrimSuffix(b, "年")
				if len(b) >= 4 && parseYear(b[len(b)-4:]) >= 1950 {
					ys[i].ranged = true
					if i > 0 && ys[i-1].end >= len(b)-4 {
						ys[i-1].ranged = true
					}
				}
			}
		}
	}
}

// TestMarkRangesOneDecode holds markRanges, which decodes the character
// before a year once, to the suffix test per separator it replaced, on
// periods written with each separator and on the corpus texts.
func TestMarkRangesOneDecode(t *testing.T) {
	texts := []string{"2021-2025年", "2021年至2025年", "2021 到 2025年", "2021—2025年", "2021–2025年", "2021~2025年",
		"2021～2025年", "截至2023年", "\xe2\x80到2025年", "\xff-2025年", "2019年—2021年、2022年", "1900至2025年"}
	texts = append(texts, corpusTexts(t)...)
	for _, s := range texts {
		got := findYears(s)
		for i := range got {
			got[i].ranged = false
		}
		want := slices.Clone(got)
		markRanges(s, got)
		refMarkRanges(s, want)
		if !slices.Equal(got, want) {
			t.Fatalf("markRanges(%q) = %+v, want %+v", s, got, want)
		}
	}
}
