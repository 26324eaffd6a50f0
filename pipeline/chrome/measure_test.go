package chrome

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestLastRune holds lastRune to strings.TrimRight and
// utf8.DecodeLastRuneInString, on named cases and on random strings of
// the bytes that matter (parts of U+3000 and of other characters).
func TestLastRune(t *testing.T) {
	ref := func(s string) rune {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " \t\r\u3000"))
		return r
	}
	cases := []string{"", " ", "\u3000", "字", "字。", "字 \t\r\u3000", "字\u3000\u3000", "\x80\x80", "\xe3\x80", "字\xe3\x80",
		"\xe3\xe3\x80\x80", "\xf0\xe3\x80\x80", "\x80\xe3\x80\x80 ", "字\u3001", "a\u2000", "𠀀 "}
	pieces := []string{" ", "\t", "\r", "\n", "\xe3", "\x80", "\x81", "\xe3\x80\x80", "字", "。", "a", "\xf0", "\xe4\xb8"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := lastRune(s), ref(s); got != want {
			t.Errorf("lastRune(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldKeepsAnchorMarks holds what Anchor's first test assumes: the
// fold leaves 。, ！, ？ and U+3000 alone and makes none of them from
// another character.
func TestFoldKeepsAnchorMarks(t *testing.T) {
	marks := map[string]bool{"。": true, "！": true, "？": true, "\u3000": true}
	folded := 0
	for r := rune(0x3000); r <= 0xffff; r++ {
		s := string(r)
		f := cue.Fold(s)
		if f != s {
			folded++
		}
		if (marks[s] || marks[f]) && f != s {
			t.Errorf("Fold(%q) = %q", s, f)
		}
	}
	if folded == 0 {
		t.Fatal("Fold changes no character: the test reads nothing")
	}
}

// TestAnchorOrder holds Anchor to its tests in their former order (the
// fold first, the sentence end last) on every line of the seeds, with
// and without traditional characters and trailing spaces.
func TestAnchorOrder(t *testing.T) {
	ref := func(line string) bool {
		line = cue.Fold(line)
		st := cue.Measure(line)
		if st.Runes <= 60 || st.Stops == 0 || st.Han*10 < st.Runes || classify(line, st) != "" || !st.Prose() || hasLabel(line) {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, " \t\r\u3000"))
		if r != '。' && r != '！' && r != '？' {
			return false
		}
		r, _ = utf8.DecodeRuneInString(line)
		return !cue.Numbered(line) && r != ' ' && r != '\t' && r != '\u3000'
	}
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	trad := strings.NewReplacer("这", "這", "发", "發", "们", "們", "说", "說", "国", "國")
	anchors := 0
	for _, p := range seeds {
		for _, l := range strings.Split(readSeed(t, filepath.Base(p)), "\n") {
			for _, s := range []string{l, trad.Replace(l), l + "\u3000 ", "\u3000" + l, strings.TrimRight(l, "。") + "，"} {
				got, want := Anchor(s), ref(s)
				if got != want {
					t.Errorf("Anchor(%q) = %v, want %v", s, got, want)
				}
				if want {
					anchors++
				}
			}
		}
	}
	if anchors == 0 {
		t.Fatal("no anchor among the lines: the test reads nothing")
	}
}

// BenchmarkAnchor asks Anchor about every non-blank line of the seeds, as
// the chunker does at its cut points.
func BenchmarkAnchor(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	var lines []string
	for _, p := range seeds {
		for _, l := range strings.Split(readSeed(b, filepath.Base(p)), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	for b.Loop() {
		for _, l := range lines {
			Anchor(l)
		}
	}
}

// TestFoldKeepsStats holds what CleanWith assumes when it reads the folded
// view with Stats measured on the text: no character's fold changes the
// counts the rules read.
func TestFoldKeepsStats(t *testing.T) {
	folded := 0
	for r := rune(0x3000); r <= 0xffff; r++ {
		s := string(r)
		f := cue.Fold(s)
		if f == s {
			continue
		}
		folded++
		if a, b := cue.Measure(s), cue.Measure(f); a != b {
			t.Errorf("Measure(%q) = %+v, Measure(Fold) = %q %+v", s, a, f, b)
		}
	}
	if folded == 0 {
		t.Fatal("Fold changes no character: the test reads nothing")
	}
}

// TestMeasureTrim holds what header assumes when it reads BylineShaped from
// a line's Stats while ParseByline measures the line trimmed: Trim removes
// only what Measure skips. Random strings of spaces, characters and broken
// forms.
func TestMeasureTrim(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\u3000", "\u00a0", "\u2002", "\ufeff", "\u200b", "\u0085", "字", "。", "，", "!", "a",
		"\xe3", "\x80", "\xe3\x80", "\xc2", "\xf0", "𠀀"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if a, b := cue.Measure(s), cue.Measure(cue.Trim(s)); a != b {
			t.Fatalf("Measure(%q) = %+v, of Trim %+v", s, a, b)
		}
	}
}
