package pinyin

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// A labelled case: the sentence, and the byte spans of it that are
// annotations (marked {{ }} in testdata/pinyin/cases.tsv).
type labelled struct {
	line     int
	category string
	input    string
	spans    []span
	note     string
}

func loadCases(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "pinyin", "cases.tsv"))
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var cases []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			t.Fatalf("cases.tsv:%d: want category<TAB>sentence[<TAB>note]", n)
		}
		c := labelled{line: n, category: fields[0]}
		if len(fields) > 2 {
			c.note = fields[2]
		}
		var in strings.Builder
		rest := fields[1]
		for {
			i := strings.Index(rest, "{{")
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], "}}")
			if j < 0 {
				t.Fatalf("cases.tsv:%d: unclosed {{", n)
			}
			in.WriteString(rest[:i])
			start := in.Len()
			in.WriteString(rest[i+2 : i+j])
			c.spans = append(c.spans, span{start, in.Len()})
			rest = rest[i+j+2:]
		}
		in.WriteString(rest)
		c.input = in.String()
		if strings.Contains(c.input, "}}") {
			t.Fatalf("cases.tsv:%d: stray }}", n)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read cases: %v", err)
	}
	return cases
}

// TestCases scores the stripper on the labelled sentences: an edit counts as
// a true positive only when it removes exactly a marked span, and the output
// must equal the sentence without its marked spans.
func TestCases(t *testing.T) {
	s := New()
	cases := loadCases(t)
	var tp, fp, fn, withAnno, withParen int
	for _, c := range cases {
		if len(c.spans) > 0 {
			withAnno++
		} else if strings.ContainsAny(c.input, "()（）") {
			withParen++
		}
		out, edits := s.Strip(c.input)
		want := make(map[span]bool)
		for _, sp := range c.spans {
			want[sp] = true
		}
		for _, e := range edits {
			if want[span{e.Start, e.End}] {
				tp++
				delete(want, span{e.Start, e.End})
				continue
			}
			fp++
			t.Errorf("cases.tsv:%d (%s): removed %q at %d, not an annotation\n  in: %s", c.line, c.category, e.Old, e.Start, c.input)
		}
		for sp := range want {
			fn++
			t.Errorf("cases.tsv:%d (%s): kept annotation %q\n  in: %s", c.line, c.category, c.input[sp.start:sp.end], c.input)
		}
		var exp strings.Builder
		prev := 0
		for _, sp := range c.spans {
			exp.WriteString(c.input[prev:sp.start])
			prev = sp.end
		}
		exp.WriteString(c.input[prev:])
		if out != exp.String() {
			t.Errorf("cases.tsv:%d: output %q, want %q", c.line, out, exp.String())
		}
		if got := textedit.Apply(c.input, edits); got != out {
			t.Errorf("cases.tsv:%d: Apply(edits) = %q, output %q", c.line, got, out)
		}
		for _, e := range edits {
			if e.Stage != Stage || e.New != "" || e.Reason == "" {
				t.Errorf("cases.tsv:%d: malformed edit %+v", c.line, e)
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d sentences (%d with annotations, %d with only legitimate parentheses): %d annotations, tp=%d fp=%d fn=%d precision=%.4f recall=%.4f",
		len(cases), withAnno, withParen, tp+fn, tp, fp, fn, precision, recall)
	if len(cases) < 200 {
		t.Errorf("only %d cases, want at least 200", len(cases))
	}
}
