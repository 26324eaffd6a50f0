package pinyin

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedInput is one seed as the pinyin stage sees it.
type seedInput struct {
	name string
	text string
	// pipeline says the text is what the stage sees in the pipeline (after
	// mojibake repair), so every annotation must go.
	pipeline bool
}

func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, matches, err)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatalf("read seed %s: %v", prefix, err)
	}
	return string(b)
}

// repairMojibake applies the best recoverable text of mojibake-cases.tsv,
// standing in for the mojibake stage that runs before this one.
func repairMojibake(t *testing.T, seed, text string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "mojibake-cases.tsv"))
	if err != nil {
		t.Fatalf("read mojibake cases: %v", err)
	}
	n := 0
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 3 || f[0] != seed {
			continue
		}
		if !strings.Contains(text, f[1]) {
			t.Fatalf("mojibake case %q not found in seed %s", f[1], seed)
		}
		text = strings.ReplaceAll(text, f[1], f[2])
		n++
	}
	if n == 0 {
		t.Fatalf("no mojibake cases for seed %s", seed)
	}
	return text
}

func seedInputs(t *testing.T) []seedInput {
	raw002 := readSeed(t, "002")
	return []seedInput{
		{"002-raw", raw002, false},
		{"002", repairMojibake(t, "002", raw002), true},
		{"003", readSeed(t, "003"), true},
		{"004", readSeed(t, "004"), true},
	}
}

// group is one parenthesized group, or one closing parenthesis without an
// opening one, found by a scanner independent of the stripper.
type group struct {
	open, close, end int // open == -1: no opening parenthesis
}

func isOpen(r rune) bool  { return r == '(' || r == '（' }
func isClose(r rune) bool { return r == ')' || r == '）' }

// scanGroups lists every parenthesis pair (innermost first by position of
// the closing one) and every unmatched closing parenthesis.
func scanGroups(text string) []group {
	var stack []int
	var groups []group
	for i, r := range text {
		switch {
		case r == '\n':
			stack = stack[:0]
		case isOpen(r):
			stack = append(stack, i)
		case isClose(r):
			g := group{open: -1, close: i, end: i + utf8.RuneLen(r)}
			if n := len(stack); n > 0 {
				g.open = stack[n-1]
				stack = stack[:n-1]
			}
			groups = append(groups, g)
		}
	}
	return groups
}

// looksLikePinyin is a deliberately simple check, independent of the
// stripper's tables: letters only, at least one pinyin tone mark.
var looksLikePinyin = regexp.MustCompile(`^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' ]*$`)

// TestSeeds checks every parenthesis of seeds 002-004 against the reviewed
// list in testdata/pinyin/seeds.golden: each annotation removed, each other
// parenthesis kept.
func TestSeeds(t *testing.T) {
	s := New()
	var got strings.Builder
	got.WriteString("# Every parenthesis of the seeds and what the pinyin stage does with it.\n")
	got.WriteString("# 002-raw is seed 002 as scraped; 002 is seed 002 after the mojibake repairs of\n")
	got.WriteString("# testdata/seeds/mojibake-cases.tsv, which is what the stage sees in the pipeline.\n")
	got.WriteString("# input\tclose offset\tverdict\ttext before\tgroup\tnote\n")
	for _, in := range seedInputs(t) {
		out, edits := s.Strip(in.text)
		if a := textedit.Apply(in.text, edits); a != out {
			t.Fatalf("%s: edits do not reproduce the output", in.name)
		}
		if hanCount(out) != hanCount(in.text) {
			t.Errorf("%s: Han characters removed", in.name)
		}
		byClose := make(map[int]textedit.Edit)
		for _, e := range edits {
			_, size := utf8.DecodeLastRuneInString(e.Old)
			byClose[e.End-size] = e
		}
		removed, kept := 0, 0
		for _, g := range scanGroups(in.text) {
			start := g.open
			if start < 0 {
				start = max(0, g.close-24)
				for !utf8.RuneStart(in.text[start]) {
					start++
				}
			}
			text := in.text[start:g.end]
			before := lastRunes(in.text[:max(start, 0)], 4)
			verdict, note := "keep", ""
			if e, ok := byClose[g.close]; ok {
				verdict, note = "remove", e.Reason
				text, before = e.Old, lastRunes(in.text[:e.Start], 4)
				delete(byClose, g.close)
				removed++
			} else {
				kept++
				inner := in.text[start:g.close]
				if g.open >= 0 {
					_, size := utf8.DecodeRuneInString(inner)
					inner = inner[size:]
				}
				c, ok := normalize(inner, make([]byte, 0, maxUnits+8))
				switch {
				case g.open < 0:
					note = "no opening parenthesis"
				case !ok || !c.syllable:
					note = "not pinyin or zhuyin"
				case c.acronym:
					note = "acronym"
				default:
					note = "does not spell the characters before it"
				}
				if in.pipeline && g.open >= 0 && looksLikePinyin.MatchString(inner) {
					t.Errorf("%s: annotation left at %d: %s%s", in.name, g.open, before, text)
				}
			}
			fmt.Fprintf(&got, "%s\t%d\t%s\t%s\t%s\t%s\n", in.name, g.close, verdict, before, text, note)
		}
		for _, e := range byClose {
			t.Errorf("%s: edit %q at %d is not at a parenthesis the scanner found", in.name, e.Old, e.Start)
		}
		t.Logf("%s: %d annotations removed, %d parentheses kept", in.name, removed, kept)
	}
	golden := filepath.Join("..", "..", "testdata", "pinyin", "seeds.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	diffLines(t, string(want), got.String())
}

func hanCount(s string) int {
	n := 0
	t := loadTables()
	for _, r := range s {
		if t.lookup(r) != nil {
			n++
		}
	}
	return n
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return strings.ReplaceAll(s[i:], "\n", "⏎")
}

func diffLines(t *testing.T, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w := bufio.NewScanner(strings.NewReader(want))
	g := bufio.NewScanner(strings.NewReader(got))
	for line := 1; ; line++ {
		wok, gok := w.Scan(), g.Scan()
		if !wok && !gok {
			return
		}
		if w.Text() != g.Text() {
			t.Fatalf("seeds.golden line %d:\n want %q\n  got %q\n(rerun with -update after reviewing)", line, w.Text(), g.Text())
		}
	}
}
