package chrome

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// longLinePieces build texts whose long lines sit where the header and
// footer rules read exact counts: a long first line, long lines after a
// section marker, long lines whose start has few Han characters or no
// sentence end while the rest has many (or the other way round).
var longLinePieces = []string{
	"相关推荐",
	"评论列表",
	"标题：黄河大桥主塔封顶",
	"黄河大桥主塔封顶",
	"2024-12-16 20:10 来源：新华社",
	"来源：新华社",
	"发布日期：2023-01-16",
	"12345",
	"",
	"",
	"正文，一句话。",
	strings.Repeat("Notice: the content above is for reference only, ", 10) + strings.Repeat("黄河大桥主塔今日封顶，", 30),
	strings.Repeat("黄河大桥主塔今日封顶，", 30) + strings.Repeat("Notice: the content above is for reference only ", 10),
	strings.Repeat("word ", 100) + "，" + strings.Repeat("汉字", 100) + "。",
	strings.Repeat("汉", 150) + "，" + strings.Repeat("字", 100),
	strings.Repeat("汉", 130) + "，" + strings.Repeat("字", 100) + "。",
	strings.Repeat("a,", 300),
	strings.Repeat("　", 200) + strings.Repeat("汉字，", 60) + "。",
	strings.Repeat("汉字 ", 100) + "，",
	strings.Repeat("\xe6\x9d", 150) + "，" + strings.Repeat("汉", 50),
	strings.Repeat("𠀀", 140) + "，" + strings.Repeat("字", 10) + "。",
}

// TestPartMeasureCleansAlike holds CleanWith, which measures only the
// start of long lines, to CleanWith measuring every line whole, on the
// seeds and on texts made of longLinePieces, with every option. It fails
// when a rule reads a part-measured line's counts where they may differ
// from the whole line's (drop the stats call in footer or header and the
// generated texts show it).
func TestPartMeasureCleansAlike(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, p := range seeds {
		texts = append(texts, readSeed(t, filepath.Base(p)))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		n := 1 + rng.IntN(8)
		parts := make([]string, n)
		for j := range parts {
			parts[j] = longLinePieces[rng.IntN(len(longLinePieces))]
		}
		texts = append(texts, strings.Join(parts, "\n"))
	}
	opts := []Options{{}, {JoinBroken: true}, {NotStart: true}, {NotEnd: true}, {Kept: true}, {JoinBroken: true, Kept: true}}
	differ := 0
	for i, text := range texts {
		for _, opt := range opts {
			exact := opt
			exact.exact = true
			o, eds, m := CleanWith(text, exact)
			want := render(m, eds, o)
			o, eds, m = CleanWith(text, opt)
			if got := render(m, eds, o); got != want {
				differ++
				if differ <= 5 {
					t.Errorf("text %d (%+v): part-measured\n%s\nexact\n%s", i, opt, got, want)
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d cleans differ", differ)
	}
}

// TestMeasureLine holds measureLine's promise: exact Stats of a short
// line, or lower bounds with more than foldRunes runes and a punctuation
// mark for a long one.
func TestMeasureLine(t *testing.T) {
	lines := append([]string{"", "短", strings.Repeat("字", measurePrefix/3+1)}, longLinePieces...)
	// Cuts through every byte of a character at the prefix's end.
	for pad := range 4 {
		lines = append(lines, strings.Repeat("a", pad)+strings.Repeat("汉，", 200), strings.Repeat("b", pad)+strings.Repeat("𠀀,", 200))
	}
	parts := 0
	for _, s := range lines {
		full := cue.Measure(s)
		st, part := measureLine(s)
		if !part {
			if st != full {
				t.Errorf("%q: whole measure %+v, want %+v", s, st, full)
			}
			continue
		}
		parts++
		if st.Runes <= foldRunes || st.Punct < 1 || st.Runes > full.Runes || st.Han > full.Han ||
			st.Punct > full.Punct || st.Stops > full.Stops || st.Comma > full.Comma {
			t.Errorf("%.40q: part measure %+v, whole %+v", s, st, full)
		}
	}
	if parts < 8 {
		t.Errorf("only %d lines part-measured: the test reads too few", parts)
	}
}
