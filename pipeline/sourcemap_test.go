package pipeline

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// TestSourceMapMatchesMapper: decode edits spilled to a sourceMap map
// every offset of the decoded text to the input offset textedit.Mapper
// gives, across blocks, for runs (New left empty or filled), four-byte
// characters, bytes no charset reads and a byte order mark.
func TestSourceMapMatchesMapper(t *testing.T) {
	line := "新建农村公路12.5公里，𠀀投资3亿元€。\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Repeat(line, 600))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		// empty leaves the runs' New empty, as a streamed decoder does.
		empty bool
	}{
		{"gb18030", gb, false},
		{"gb18030, runs without New", gb, true},
		{"damaged", gb[:999] + "\xff" + gb[999:5000] + "\x81\n" + gb[5000:], true},
		{"byte order mark and utf-8 lines", "\xef\xbb\xbf" + strings.Repeat(line, 50) + gb, true},
		{"no edits", strings.Repeat("plain\n", 100) + "\x81", false},
	}
	for _, tc := range tests {
		res, err := decode.New(nil).Decode([]byte(tc.in), "")
		if err != nil {
			t.Fatal(err)
		}
		if tc.name != "no edits" && len(res.Edits) < 3*sourceBlock {
			t.Fatalf("%s: %d edits, too few for several blocks", tc.name, len(res.Edits))
		}
		w, err := newSourceMapWriter()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Edits {
			if tc.empty && e.Unit > 0 {
				e.New = ""
			}
			if err := w.add(&e); err != nil {
				t.Fatal(err)
			}
		}
		m, err := w.done()
		if err != nil {
			t.Fatal(err)
		}
		want := textedit.NewMapper(res.Edits)
		c := m.cursor()
		// Backwards too: a cursor moves between blocks both ways.
		for _, step := range []int{1, -7} {
			for k := 0; k <= len(res.Text)+2; k++ {
				pos := k
				if step < 0 {
					pos = len(res.Text) + 2 - (k*7)%(len(res.Text)+3)
				}
				if got, w := c.Start(pos), want.Start(pos); got != w {
					t.Fatalf("%s: Start(%d) = %d, Mapper %d", tc.name, pos, got, w)
				}
				if got, w := c.End(pos), want.End(pos); got != w {
					t.Fatalf("%s: End(%d) = %d, Mapper %d", tc.name, pos, got, w)
				}
			}
		}
		if c.err != nil {
			t.Fatal(c.err)
		}
	}
}
