package sink

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// setStrings sets every string field of the struct v points to to s.
func setStrings(v any, s string) {
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i < rv.NumField(); i++ {
		if f := rv.Field(i); f.Kind() == reflect.String {
			f.SetString(s)
		}
	}
}

// TestCSVFormulaGuard: every text cell of every CSV table that starts
// like a spreadsheet formula gets a leading ', the other formats keep the
// raw value, and UnguardCell gives the raw value back.
func TestCSVFormulaGuard(t *testing.T) {
	for _, raw := range []string{"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=already"} {
		dir := t.TempDir()
		w, err := Open(Naming{Dir: dir}, []string{"csv", "jsonl"})
		if err != nil {
			t.Fatal(err)
		}
		var d schema.Document
		var f schema.Figure
		var e schema.Edit
		setStrings(&d, raw)
		setStrings(&f, raw)
		setStrings(&e, raw)
		if err := w.Write(d, []schema.Figure{f}, []schema.Edit{e}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		for i, table := range Tables {
			fh, err := os.Open(filepath.Join(dir, table+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(fh).ReadAll()
			fh.Close()
			if err != nil {
				t.Fatal(err)
			}
			texts := 0
			for j, cell := range recs[1] {
				if strings.HasPrefix(cell, raw) {
					t.Errorf("%s.csv %s: %q is not guarded", table, recs[0][j], cell)
				}
				if cell == "'"+raw {
					texts++
					if UnguardCell(cell) != raw {
						t.Errorf("UnguardCell(%q) = %q", cell, UnguardCell(cell))
					}
				}
			}
			if want := reflect.TypeOf([]any{d, f, e}[i]).NumField(); texts == 0 || texts > want {
				t.Errorf("%s.csv: %d guarded cells", table, texts)
			}
			b, _ := os.ReadFile(filepath.Join(dir, table+".jsonl"))
			var row map[string]any
			json.Unmarshal(b, &row)
			if row["doc_id"] != raw {
				t.Errorf("%s.jsonl doc_id %q, want the raw %q", table, row["doc_id"], raw)
			}
		}
	}
	for _, s := range []string{"", "公路", "'", "''", "a=b", "12"} {
		if GuardCell(s) != s && !strings.HasPrefix(s, "'") {
			t.Errorf("GuardCell(%q) = %q", s, GuardCell(s))
		}
		if UnguardCell(GuardCell(s)) != s {
			t.Errorf("round trip of %q gives %q", s, UnguardCell(GuardCell(s)))
		}
	}
}
