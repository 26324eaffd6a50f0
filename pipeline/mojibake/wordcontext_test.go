package mojibake

import (
	"math"
	"testing"
)

// TestWordContext checks the word model's evidence for the candidates of
// a lost character: more for the one that completes a word with its
// neighbours, none for punctuation or for words that do not hold the
// candidate.
func TestWordContext(t *testing.T) {
	for _, tc := range []struct {
		name          string
		line, after   string
		cands         []rune
		better, worse rune // better must get more than worse
		zero          []rune
	}{
		{name: "four-character word", line: "推进基础设", after: "建设", cands: []rune("施计"), better: '施', worse: '计'},
		{name: "word across the lost character", line: "营商环", after: "，持续", cands: []rune("境壞"), better: '境', worse: '壞'},
		{name: "traditional text", line: "語言環", after: "資料", cands: []rune("境妃"), better: '境', worse: '妃'},
		{name: "word after the lost character", line: "，", after: "请材料", cands: []rune("申護"), better: '申', worse: '護'},
		{name: "words that do not hold the candidate count for nothing", line: "建成通车", cands: []rune("。〇、"), zero: []rune("。〇、")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			adj := make([]float64, len(tc.cands))
			wordContext(adj, tc.cands, []rune(tc.line), []rune(tc.after), nil)
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

// TestReadingContext: an annotation after a lost character decides among
// the candidates it spells; an annotation that spells none, or no
// annotation, changes nothing.
func TestReadingContext(t *testing.T) {
	slots := func(s string) []slot {
		var out []slot
		for _, r := range s {
			out = append(out, slot{r: r})
		}
		return out
	}
	for _, tc := range []struct {
		after string
		cands []rune
		want  []float64
	}{
		{"(wàn)公里", []rune("萬落。"), []float64{readingMatch, -readingMiss, 0}},
		{"（nóng）村", []rune("農辳濃"), []float64{readingMatch, readingMatch, readingMatch}},
		{"(GDP)增长", []rune("萬落"), []float64{0, 0}},
		{"(二)", []rune("萬落"), []float64{0, 0}},
		{"(wàn", []rune("萬落"), []float64{0, 0}},
		{"公里", []rune("萬落"), []float64{0, 0}},
	} {
		adj := make([]float64, len(tc.cands))
		readingContext(adj, tc.cands, slots(tc.after))
		for j := range adj {
			if adj[j] != tc.want[j] {
				t.Errorf("%q, %c: %v, want %v", tc.after, tc.cands[j], adj[j], tc.want[j])
			}
		}
	}
}

// TestBetweenNumbers: between two numbers a multiplier, date part or range
// word gains, another Han character loses, punctuation is left alone.
func TestBetweenNumbers(t *testing.T) {
	five := []slot{{r: '5'}, {r: ','}}
	for _, tc := range []struct {
		r    rune
		want float64
	}{
		{'億', inBetween}, {'年', inBetween}, {'至', inBetween}, {'儿', -notInBetween}, {'，', 0},
	} {
		if got := numberContext(tc.r, '6', []rune("已投入26"), five, nil); got != tc.want {
			t.Errorf("%c between 26 and 5: %v, want %v", tc.r, got, tc.want)
		}
	}
}
