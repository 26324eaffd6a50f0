package textedit

import (
	"testing"
	"unicode/utf8"
)

// piece is one quiet replacement as a converter makes it.
type piece struct {
	start, end int
	repl       string
}

// TestQuietRuns checks that quiet runs map every character boundary, both
// ways, exactly as one edit per replacement does, and that runs form only
// where that is possible.
func TestQuietRuns(t *testing.T) {
	at := func(s, sub string) int {
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				return i
			}
		}
		t.Fatalf("%q not in %q", sub, s)
		return -1
	}
	tests := []struct {
		name  string
		src   string
		repl  [][2]string // old -> new, in order, each at its first place after the previous
		edits int         // records the runs take
	}{
		{"one stretch", "發展與改革委員會", [][2]string{{"發", "发"}, {"與", "与"}, {"員", "员"}, {"會", "会"}}, 1},
		{"ascii breaks a run", "萬元1,234長度", [][2]string{{"萬", "万"}, {"長", "长"}}, 2},
		{"full-width punctuation does not", "收入萬元，增長", [][2]string{{"萬", "万"}, {"長", "长"}}, 1},
		{"a phrase is its own piece", "頭髮乾燥發展", [][2]string{{"頭髮", "头发"}, {"乾", "干"}, {"發", "发"}}, 2},
		{"length change is its own piece", "發𠁞展開", [][2]string{{"發", "发"}, {"𠁞", "丟"}, {"開", "开"}}, 3},
		{"astral runs", "𩀨𠁞", [][2]string{{"𩀨", "𫕚"}, {"𠁞", "𠀾"}}, 1},
		{"invalid bytes break a run", "發\x80展開", [][2]string{{"發", "发"}, {"開", "开"}}, 2},
		{"no-op is not recorded", "發發", [][2]string{{"發", "發"}, {"發", "发"}}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ps []piece
			from := 0
			for _, r := range tc.repl {
				i := from + at(tc.src[from:], r[0])
				ps = append(ps, piece{i, i + len(r[0]), r[1]})
				from = i + len(r[0])
			}
			runs := NewBuilder(tc.src, "opencc")
			each := NewBuilder(tc.src, "opencc")
			for _, p := range ps {
				runs.ReplaceQuiet(p.start, p.end, p.repl, "t2s")
				each.replace(p.start, p.end, p.repl, "t2s", true)
			}
			out, want := runs.String(), each.String()
			if out != want {
				t.Fatalf("output %q, want %q", out, want)
			}
			re, ee := runs.Edits(), each.Edits()
			if len(re) != tc.edits {
				t.Errorf("%d records, want %d: %+v", len(re), tc.edits, re)
			}
			if got := Apply(tc.src, re); got != out {
				t.Errorf("Apply(runs) = %q, want %q", got, out)
			}
			for _, e := range re {
				if e.Old != tc.src[e.Start:e.End] || !e.Quiet {
					t.Errorf("edit %+v: Old is not the input span or not quiet", e)
				}
			}
			sameMaps(t, "output -> input", NewMapper(re), NewMapper(ee), out)
			sameMaps(t, "input -> output", NewMapper(Invert(re)), NewMapper(Invert(ee)), tc.src)
		})
	}
}

// sameMaps compares two mappers at every character boundary of text.
func sameMaps(t *testing.T, what string, got, want *Mapper, text string) {
	t.Helper()
	for i := 0; i <= len(text); {
		if g, w := got.Start(i), want.Start(i); g != w {
			t.Errorf("%s: Start(%d) = %d, want %d", what, i, g, w)
		}
		if g, w := got.End(i), want.End(i); g != w {
			t.Errorf("%s: End(%d) = %d, want %d", what, i, g, w)
		}
		if i == len(text) {
			break
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
}

// TestRunUnits checks a run whose input and output characters differ in
// length (two-byte GBK characters that become three-byte UTF-8), both ways.
func TestRunUnits(t *testing.T) {
	// "ab" + 3 two-byte characters + "c" became "ab交通部c".
	edits := []Edit{{Start: 2, End: 8, Old: "\xbd\xbb\xcd\xa8\xb2\xbf", New: "交通部", Quiet: true, Unit: 2, NewUnit: 3}}
	back, fwd := NewMapper(edits), NewMapper(Invert(edits))
	for _, tc := range []struct{ out, in int }{{0, 0}, {2, 2}, {5, 4}, {8, 6}, {11, 8}, {12, 9}} {
		if got := back.Start(tc.out); got != tc.in {
			t.Errorf("Start(%d) = %d, want %d", tc.out, got, tc.in)
		}
		if got := back.End(tc.out); got != tc.in {
			t.Errorf("End(%d) = %d, want %d", tc.out, got, tc.in)
		}
		if got := fwd.Start(tc.in); got != tc.out {
			t.Errorf("forward Start(%d) = %d, want %d", tc.in, got, tc.out)
		}
	}
	// Inside a character: a start rounds down, an end up.
	if s, e := back.Start(6), back.End(6); s != 4 || e != 6 {
		t.Errorf("offset inside 通 maps to [%d,%d), want [4,6)", s, e)
	}
}
