package batch_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestStdinDocIDs: documents read from stdin get doc_ids from their
// content: different documents differ across runs, the same input gives
// the same ids again, and identical JSONL lines stay apart within a run.
func TestStdinDocIDs(t *testing.T) {
	ids := func(stdin string) []string {
		t.Helper()
		out := t.TempDir()
		if _, err := run(t, batch.Config{Inputs: []string{"-"}, Stdin: strings.NewReader(stdin), Out: out, Formats: []string{"jsonl"}}); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range readJSONL[schema.Document](t, filepath.Join(out, "documents.jsonl")) {
			ids = append(ids, d.DocID)
		}
		return ids
	}
	a := ids("2023年全市新建农村公路1200公里。\n")
	b := ids("2024年全市新建农村公路900公里。\n")
	a2 := ids("2023年全市新建农村公路1200公里。\n")
	if len(a) != 1 || len(b) != 1 || a[0] == b[0] {
		t.Errorf("two different stdin documents got ids %v and %v", a, b)
	}
	if len(a2) != 1 || a2[0] != a[0] {
		t.Errorf("the same stdin document got ids %v then %v", a, a2)
	}
	line := `{"text":"2023年全市新建农村公路1200公里。"}` + "\n"
	j := ids(line + line + `{"id":"mine","text":"x"}` + "\n")
	if len(j) != 3 || j[0] == j[1] || j[2] != "mine" {
		t.Errorf("stdin JSONL ids %v: want two distinct and then mine", j)
	}
	if j2 := ids(line + line + `{"id":"mine","text":"x"}` + "\n"); strings.Join(j2, ",") != strings.Join(j, ",") {
		t.Errorf("stdin JSONL ids changed between runs: %v, %v", j, j2)
	}
}
