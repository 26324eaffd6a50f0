package mojibake

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

type seedCase struct {
	seed, found, want, how, notes string
}

// seedCases reads testdata/seeds/mojibake-cases.tsv: every real case in
// the seeds with the best text its bytes still hold.
func seedCases(tb interface{ Fatal(...any) }) []seedCase {
	data, err := os.ReadFile("../../testdata/seeds/mojibake-cases.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	var cs []seedCase
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 5 {
			continue
		}
		cs = append(cs, seedCase{f[0], f[1], f[2], f[3], f[4]})
	}
	if len(cs) == 0 {
		tb.Fatal("no cases in mojibake-cases.tsv")
	}
	return cs
}

// checkEdits verifies the contract every caller relies on: edits are in
// order, carry the stage and a reason, and applying them to the input gives
// the output, so no byte changes without an edit that says so.
func checkEdits(t testing.TB, in, out string, edits []textedit.Edit) {
	t.Helper()
	prev := 0
	for _, e := range edits {
		if e.Stage != Stage || e.Reason == "" || e.Start < prev || e.End < e.Start || e.End > len(in) || in[e.Start:e.End] != e.Old {
			t.Fatalf("bad edit %+v", e)
		}
		prev = e.End
	}
	if got := textedit.Apply(in, edits); got != out {
		t.Fatalf("edits do not give the output:\n in  %q\n out %q\n got %q", in, out, got)
	}
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 out of valid input: %q", out)
	}
}
