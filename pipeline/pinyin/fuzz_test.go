package pinyin

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// FuzzStrip checks the stage's promises on arbitrary input: no panic, the
// output is exactly the input with the edits applied, edits only delete, do
// not overlap, end at a closing parenthesis, and never take a character with
// a reading (a Han character) with them.
func FuzzStrip(f *testing.F) {
	for _, c := range loadCases(f) {
		f.Add(c.input)
	}
	for _, s := range []string{
		"", ")", "（）", "(", "?)", "\uFFFD)", "?lián)", "?(lián)", "縣(區(qū))",
		"党(dǎng)员(yuán)(dǎngyuán)", "的(de)(de)(de)", "深入 (shēnrù) (shēnrù)",
		"\xff(lián)", "\xef\xbc(de)", "的(\xcc\x8cde)", "領(ㄌㄧㄥˇ˙˙)", "一(1)(yi1)",
		strings.Repeat("的", 40) + "(" + strings.Repeat("de", 40) + ")",
	} {
		f.Add(s)
	}
	s := New()
	t0 := loadTables()
	han := func(str string) []rune {
		var rs []rune
		for _, r := range str {
			if t0.lookup(r) != nil {
				rs = append(rs, r)
			}
		}
		return rs
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, edits := s.Strip(in)
		if got := textedit.Apply(in, edits); got != out {
			t.Fatalf("output %q is not the input with its edits applied (%q)", out, got)
		}
		prev := 0
		for _, e := range edits {
			if e.Start < prev || e.End <= e.Start || e.End > len(in) {
				t.Fatalf("edit out of order or empty: %+v", e)
			}
			prev = e.End
			if e.Stage != Stage || e.New != "" || e.Old != in[e.Start:e.End] || e.Reason == "" {
				t.Fatalf("malformed edit %+v", e)
			}
			last, _ := utf8.DecodeLastRuneInString(e.Old)
			if last != ')' && last != '）' {
				t.Fatalf("edit does not end at a closing parenthesis: %q", e.Old)
			}
			if h := han(e.Old); len(h) > 0 {
				t.Fatalf("edit %q removes characters %q", e.Old, string(h))
			}
		}
		if string(han(in)) != string(han(out)) {
			t.Fatalf("characters changed: %q -> %q", in, out)
		}
		if len(edits) == 0 && out != in {
			t.Fatalf("output changed without edits")
		}
	})
}
