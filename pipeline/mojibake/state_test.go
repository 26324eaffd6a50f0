package mojibake

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// TestRepairFromChunks: a text repaired in two chunks, the second given the
// State the first left, gets the edits of the whole (shifted), for every
// cut at a line start of texts with real mojibake, or says it is not
// local.
func TestRepairFromChunks(t *testing.T) {
	r := New()
	var texts, names []string
	b, err := os.ReadFile("../../testdata/seeds/002_bd1b06f2a63dcd9f.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts, names = append(texts, string(b)), append(names, "seed 002")
	// Clean texts with every fourth line garbled by one mechanism.
	clean, _ := filepath.Glob("../../testdata/extractors/seeds-clean/*.txt")
	for _, c := range corruptions() {
		for _, f := range clean[:2] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			for i := 3; i < len(lines); i += 4 {
				if bad, ok := c.corrupt(lines[i]); ok {
					lines[i] = bad
				}
			}
			texts, names = append(texts, strings.Join(lines, "\n")), append(names, c.name+" "+filepath.Base(f))
		}
	}
	cuts, checked, local := 0, 0, 0
	for k, text := range texts {
		f := names[k]
		wantText, want := r.Repair(text)
		if len(want) == 0 {
			continue
		}
		checked++
		for at := strings.IndexByte(text, '\n') + 1; at > 0 && at < len(text); {
			a, ea, st := r.RepairFrom(text[:at], State{Chunked: true})
			st.AfterBreak = true
			z, ez, st := r.RepairFrom(text[at:], st)
			cuts++
			if st.Local() {
				local++
				got := append([]textedit.Edit{}, ea...)
				for _, e := range ez {
					e.Start += at
					e.End += at
					got = append(got, e)
				}
				if a+z != wantText || !reflect.DeepEqual(got, want) {
					t.Errorf("%s: cut at %d: chunks gave %d edits, whole %d", f, at, len(got), len(want))
				}
			}
			next := strings.IndexByte(text[at:], '\n')
			if next < 0 {
				break
			}
			at += next + 1
		}
	}
	t.Logf("%d texts with repairs, %d cuts, %d local", checked, cuts, local)
	if checked == 0 || local < 100 {
		t.Fatalf("%d texts with repairs, %d cuts, %d local", checked, cuts, local)
	}
}
