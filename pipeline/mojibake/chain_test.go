package mojibake

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// TestAdjacentLostChain: UTF-8 read as GBK by x/text drops the pairs it
// has no character for, so neighbouring characters can each lose two
// bytes and keep a few hundred candidates: too many combinations to try
// one by one, few enough to rank with the chain of neighbours. The span
// named must come back whole; no character may come back wrong.
func TestAdjacentLostChain(t *testing.T) {
	regainsUnderXText(t, []regained{
		{"西部环山路实现全线贯通，比计划建成时间提前一个半月。", "西部环山路实现"},
		{"据通讯员介绍，截止到十月底，已累计完成投资三亿元。", "据"},
		{"市政府召开常务会议，研究部署行政许可事项改革工作。", "事项"},
		{"截至目前，全省高速公路通车里程突破八千公里。", "截至目前"},
		{"截至目前，全区已完成农村公路改造一百二十公里。", "截至目前"},
	})
}

// TestWordsForTwoLost: a character x/text's GBK reader dropped two bytes
// of keeps a few hundred candidates, and the words around it pick the
// one that completes a word (集装箱, 针对, 突如其来).
func TestWordsForTwoLost(t *testing.T) {
	regainsUnderXText(t, []regained{
		{"港口集装箱吞吐量同比增长百分之十二。", "集装箱"},
		{"针对群众反映出行不便的问题，全面优化调整公交线网。", "针对群众"},
		{"针对货车司机反映的问题，开展专项整治。", "针对"},
		{"面对突如其来的暴雨，养护人员连夜抢修。", "突如其来"},
		{"新增集装箱航线四条，港口货物吞吐量稳步增长。", "集装箱航线"},
	})
}

// regained is a clean line and a span of it that must come back after
// the line is read as GBK by x/text and repaired.
type regained struct{ clean, span string }

// regainsUnderXText checks that each span comes back whole and that no
// character comes back wrong (a lost one may stay U+FFFD).
func regainsUnderXText(t *testing.T, cases []regained) {
	t.Helper()
	r := New()
	for _, tc := range cases {
		bad, err := simplifiedchinese.GBK.NewDecoder().String(tc.clean)
		if err != nil {
			t.Fatal(err)
		}
		out, edits := r.Repair(bad)
		checkEdits(t, bad, out, edits)
		if !strings.Contains(out, tc.span) {
			t.Errorf("%s: got %s, want %s back", tc.clean, out, tc.span)
		}
		got, want := []rune(out), []rune(tc.clean)
		if len(got) != len(want) {
			continue // a lost run left shorter or longer: nothing to align
		}
		for i := range got {
			if got[i] != want[i] && got[i] != '\uFFFD' {
				t.Errorf("%s: got %s, %c at %d is wrong", tc.clean, out, got[i], i)
			}
		}
	}
}

// TestChainTopIsWalkTop: ranking by the chain of neighbours scores each
// candidate as trying every combination does.
func TestChainTopIsWalkTop(t *testing.T) {
	lm := langmodel.Running()
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []rune("设议认讲许论记访证评识诉词试话该详语误说请读课调谈建市委场外多备够如始姓学家对")
	for range 200 {
		n := 1 + rng.IntN(4)
		cands := make([][]rune, n)
		adj := make([][]float64, n)
		for i := range cands {
			k := 1 + rng.IntN(6)
			for range k {
				cands[i] = append(cands[i], pool[rng.IntN(len(pool))])
				adj[i] = append(adj[i], rng.Float64()-0.5)
			}
		}
		var pair []map[rune][]float64
		if n > 1 && rng.IntN(2) == 0 {
			pair = make([]map[rune][]float64, n)
			pair[1] = map[rune][]float64{cands[0][0]: make([]float64, len(cands[1]))}
			for j := range cands[1] {
				pair[1][cands[0][0]][j] = rng.Float64() * 3
			}
		}
		start := lm.Scorer()
		start.Next('的')
		right := []rune{-1, '，', '工'}[rng.IntN(3)]
		walk := walkTop(start, cands, adj, pair, right)
		chain := chainTop(start, cands, adj, pair, right)
		for i := range walk {
			for j := range walk[i] {
				if math.Abs(walk[i][j]-chain[i][j]) > 1e-9 {
					t.Fatalf("cands %q: top[%d][%d] walk %v, chain %v", string(cands[0]), i, j, walk[i][j], chain[i][j])
				}
			}
		}
	}
}

// TestLostEndAfterLone80 reads lines with x/text's GBK reader where the
// line's last character lost its lead in a pair dropped whole with the
// byte before it and its last byte to the line break (。 is e3 80 82:
// U+FFFD, € for the lone 80, U+FFFD for 82 before "\n"): the lost byte
// ends that character, so the line keeps its length, not one U+FFFD more,
// and no character comes back wrong.
func TestLostEndAfterLone80(t *testing.T) {
	r := New()
	for _, line := range []string{
		"沿线共设服务区八个。",
		"这是全省最大的内河港。",
		"村村都通了水泥路。",
		"全县新建农村客运站十个。",
		"游客可以乘船直达旅游港。",
	} {
		// A line follows, as in a page: a text's very last character is
		// read another way.
		page := line + "\n道路通行情况良好"
		bad, err := simplifiedchinese.GBK.NewDecoder().String(page)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(bad, "\uFFFD€\uFFFD\n") {
			t.Fatalf("%s: read as %q, not ending in a dropped pair, a lone 80 and a lost byte", line, bad)
		}
		out, edits := r.Repair(bad)
		checkEdits(t, bad, out, edits)
		first, _, _ := strings.Cut(out, "\n")
		got, want := []rune(first), []rune(line)
		if len(got) != len(want) {
			t.Errorf("%s: got %s, %d characters for %d", line, first, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] && got[i] != '\uFFFD' {
				t.Errorf("%s: got %s, %c at %d is wrong", line, first, got[i], i)
			}
		}
	}
}
