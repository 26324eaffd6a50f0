package sink

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// nullCases are the columns that hold no value in some rows: every format
// must write them as NULL there (CSV: an empty cell), never "" in one
// format and null in another.
var nullCases = map[string][]string{
	"documents": {"error", "encoding", "script", "title", "publisher", "url"},
	"figures":   {"qualifier", "subject", "subject_original_script", "period_unit", "basis"},
}

// TestMissingValuesAreNull writes a batch in which a column is set in one
// row and empty in the rows after it (parquet-go once wrote "" there) and
// checks each format reads back NULL for the empty ones.
func TestMissingValuesAreNull(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(Naming{Dir: dir}, Formats)
	if err != nil {
		t.Fatal(err)
	}
	full := schema.Figure{DocID: "a", FigureID: "a-2", Kind: "time_cut", Qualifier: "over", Subject: "农村公路",
		SubjectOriginalScript: "農村公路", PeriodUnit: "工作日", Basis: "total"}
	figs := []schema.Figure{{DocID: "a", FigureID: "a-1", Kind: "road_length"}, full, {DocID: "a", FigureID: "a-3", Kind: "road_length"}, {DocID: "a", FigureID: "a-4", Kind: "funding"}}
	docs := []schema.Document{
		{DocID: "a", Source: "a.txt", Status: schema.StatusOK, Encoding: "utf-8", Script: "simplified", Title: "t", Publisher: "p", URL: "http://x"},
		{DocID: "b", Source: "b.txt", Status: schema.StatusFailed, Error: "decode: binary"},
		{DocID: "c", Source: "c.txt", Status: schema.StatusOK},
	}
	if err := w.Write(docs[0], figs, nil); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[1:] {
		if err := w.Write(d, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// want[table][row][column] says whether the value is present.
	present := func(table string, row int, col string) bool {
		if table == "figures" {
			return row == 1
		}
		switch row {
		case 0:
			return col != "error"
		case 1:
			return col == "error"
		}
		return false
	}
	for table, cols := range nullCases {
		t.Run(table+"/parquet", func(t *testing.T) {
			f, err := os.Open(Naming{Dir: dir}.Path(table, "parquet"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			st, _ := f.Stat()
			pf, err := parquet.OpenFile(f, st.Size())
			if err != nil {
				t.Fatal(err)
			}
			idx := columnIndexes(t, pf, cols)
			rows := make([]parquet.Row, 10)
			r := parquet.NewReader(pf)
			n, _ := r.ReadRows(rows)
			for i, row := range rows[:n] {
				for _, v := range row {
					c, ok := idx[v.Column()]
					if ok && v.IsNull() == present(table, i, c) {
						t.Errorf("row %d %s: null=%v %q", i, c, v.IsNull(), v.String())
					}
				}
			}
		})
		t.Run(table+"/jsonl", func(t *testing.T) {
			f, err := os.Open(Naming{Dir: dir}.Path(table, "jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for i := 0; sc.Scan(); i++ {
				var m map[string]any
				if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
					t.Fatal(err)
				}
				for _, c := range cols {
					v, ok := m[c]
					if !ok {
						t.Errorf("row %d: no key %s", i, c)
					}
					if (v != nil) != present(table, i, c) {
						t.Errorf("row %d %s = %#v", i, c, v)
					}
				}
			}
		})
		t.Run(table+"/csv", func(t *testing.T) {
			f, err := os.Open(Naming{Dir: dir}.Path(table, "csv"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for i, rec := range recs[1:] {
				for _, c := range cols {
					j := slices.Index(recs[0], c)
					if j < 0 {
						t.Fatalf("no column %s", c)
					}
					if (rec[j] != "") != present(table, i, c) {
						t.Errorf("row %d %s = %q", i, c, rec[j])
					}
				}
			}
		})
	}
}

// TestOffsetColumnNames: the clean-text offsets are text_start and
// text_end in every format (END is reserved in SQL).
func TestOffsetColumnNames(t *testing.T) {
	for i, table := range Tables {
		if table == "documents" {
			continue
		}
		h := csvHeaders[i]
		if slices.Contains(h, "start") || slices.Contains(h, "end") || !slices.Contains(h, "text_start") || !slices.Contains(h, "text_end") {
			t.Errorf("%s CSV header %v", table, h)
		}
	}
	b, _ := json.Marshal(schema.Figure{})
	var m map[string]any
	json.Unmarshal(b, &m)
	if _, ok := m["end"]; ok {
		t.Errorf("figures JSON has end: %s", b)
	}
	if _, ok := m["text_end"]; !ok {
		t.Errorf("figures JSON has no text_end: %s", b)
	}
	for _, s := range []any{schema.Figure{}, schema.Edit{}} {
		sc := parquet.SchemaOf(s)
		if _, ok := sc.Lookup("end"); ok {
			t.Errorf("%T: Parquet column end", s)
		}
		if _, ok := sc.Lookup("text_end"); !ok {
			t.Errorf("%T: no Parquet column text_end", s)
		}
	}
}
