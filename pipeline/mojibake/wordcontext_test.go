package mojibake

import (
	"math"
	"testing"
)

// TestWordContext checks the word model's evidence for the candidates of
// a lost character: more for the one that completes a word with its
// neighbours, none for punctuation or for words that do not hold the
// candidate, none for a character that lost two bytes.
func TestWordContext(t *testing.T) {
	for _, tc := range []struct {
		name          string
		line, after   string
		cands         []rune
		two           bool
		better, worse rune // better must get more than worse
		zero          []rune
	}{
		{name: "four-character word", line: "推进基础设", after: "建设", cands: []rune("施计"), better: '施', worse: '计'},
		{name: "word across the lost character", line: "营商环", after: "，持续", cands: []rune("境壞"), better: '境', worse: '壞'},
		{name: "traditional text", line: "語言環", after: "資料", cands: []rune("境妃"), better: '境', worse: '妃'},
		{name: "word after the lost character", line: "，", after: "请材料", cands: []rune("申護"), better: '申', worse: '護'},
		{name: "words that do not hold the candidate count for nothing", line: "建成通车", cands: []rune("。〇、"), zero: []rune("。〇、")},
		{name: "two bytes lost", line: "推进基础设", after: "建设", cands: []rune("施计"), two: true, zero: []rune("施计")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adj := make([]float64, len(tc.cands))
			wordContext(adj, tc.cands, []rune(tc.line), []rune(tc.after), nil, tc.two)
			at := func(r rune) float64 {
				for j, c := range tc.cands {
					if c == r {
						return adj[j]
					}
				}
				t.Fatalf("%c is not a candidate", r)
				return 0
			}
			if tc.better != 0 && at(tc.better) <= at(tc.worse) {
				t.Errorf("%c gets %.2f, not more than %c's %.2f", tc.better, at(tc.better), tc.worse, at(tc.worse))
			}
			for _, r := range tc.zero {
				// Float32 sums in another order: a rounding error.
				if v := at(r); math.Abs(v) > 1e-3 {
					t.Errorf("%c gets %.2f, want 0", r, v)
				}
			}
		})
	}
}
