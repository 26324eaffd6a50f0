package sink

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// figsWith returns figures whose qualifier is set where pattern has '1'.
func figsWith(pattern string) []schema.Figure {
	figs := make([]schema.Figure, len(pattern))
	for i, c := range pattern {
		figs[i] = schema.Figure{DocID: "d", FigureID: fmt.Sprint(i), Kind: "road_length"}
		if c == '1' {
			figs[i].Qualifier = "over"
		}
	}
	return figs
}

func TestNullSafeLen(t *testing.T) {
	cols := nullStringFields(reflect.TypeFor[schema.Figure]())
	zeros := func(n int) string { return string(bytes.Repeat([]byte{'0'}, n)) }
	cases := []struct {
		name    string
		pattern string
		want    int
	}{
		{"empty column", zeros(200), 200},
		{"all set", string(bytes.Repeat([]byte{'1'}, 150)), 150},
		{"run at bit 0", "1" + zeros(99), 100},
		// A run of y values at bit y followed by nulls: parquet-go writes
		// the nulls after it as "". The call stops before it.
		{"one value at bit 1", "01" + zeros(10), 1},
		{"three values at bit 3", "0001110" + zeros(5), 3},
		{"run reaching the end", "0001", 4},
		{"run of y reaching the end", "000111", 6},
		{"run longer than its bit", "0111100", 7},
		{"run shorter than its bit", "000100", 6},
		{"second word", zeros(64) + "01" + zeros(5), 65},
		// Cutting before the second run leaves the first one mishandled in
		// the shorter call: the cut moves before it too.
		{"cut moves earlier", "01" + zeros(2) + "1111" + zeros(60) + "0111" + "10", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := nullSafeLen(figsWith(c.pattern), cols); got != c.want {
				t.Errorf("nullSafeLen(%s) = %d, want %d", c.pattern, got, c.want)
			}
		})
	}
}

// TestHeldRowsKeepNulls writes figures through Hold (batched across
// documents) and Write (one call), with NULL patterns of every kind, among
// them each run of y values at bit y followed by nulls that parquet-go
// mishandles, and checks that every row reads back as written, NULL where
// a NullString column has no value.
func TestHeldRowsKeepNulls(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var figs []schema.Figure
	var buf bytes.Buffer
	tab := NewParquetTable[schema.Figure](&buf, "figures")
	fig := func(doc, i int) schema.Figure {
		return schema.Figure{DocID: fmt.Sprint("d", doc), FigureID: fmt.Sprint(doc, "-", i), Kind: "road_length", Value: float64(i)}
	}
	// One call per pattern: a run of y values at bit y of a word.
	for y := 1; y < 64; y++ {
		batch := make([]schema.Figure, 64+2*y+3)
		for i := range batch {
			batch[i] = fig(-y, i)
			if i >= 64+y && i < 64+2*y {
				batch[i].Qualifier, batch[i].Basis = "over", "total"
			}
			if i >= y && i < 2*y {
				batch[i].Subject = "农村公路"
			}
		}
		figs = append(figs, batch...)
		if err := tab.Write(batch, 100); err != nil {
			t.Fatal(err)
		}
	}
	// A cut that leaves an earlier run mishandled in the shorter call.
	for k, c := range "01001111" + string(bytes.Repeat([]byte{'0'}, 60)) + "011110" {
		f := fig(-100, k)
		if c == '1' {
			f.PeriodUnit = "工作日"
		}
		figs = append(figs, f)
	}
	if err := tab.Write(figs[len(figs)-74:], 100); err != nil {
		t.Fatal(err)
	}
	// Documents held, each column with a density of its own that changes
	// along the way, so sparse values among nulls occur at every bit.
	densities := []int{2, 4, 20, 80}
	var dens [5]int
	for doc := range 3000 {
		if doc%50 == 0 {
			for c := range dens {
				dens[c] = densities[r.IntN(len(densities))]
			}
		}
		batch := make([]schema.Figure, r.IntN(6))
		for i := range batch {
			f := fig(doc, i)
			if r.IntN(dens[0]) == 0 {
				f.Qualifier = "over"
			}
			if r.IntN(dens[1]) == 0 {
				f.Subject = "农村公路"
			}
			if r.IntN(dens[2]) == 0 {
				f.SubjectOriginalScript = "農村公路"
			}
			if r.IntN(dens[3]) == 0 {
				f.PeriodUnit = "工作日"
			}
			if r.IntN(dens[4]) == 0 {
				f.Basis = "total"
			}
			batch[i] = f
		}
		figs = append(figs, batch...)
		if err := tab.Hold(batch, 100); err != nil {
			t.Fatal(err)
		}
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	pf := openParquet(t, buf.Bytes())
	cols := []string{"qualifier", "subject", "subject_original_script", "period_unit", "basis"}
	idx := columnIndexes(t, pf, cols)
	rows := allRows(t, pf)
	if len(rows) != len(figs) {
		t.Fatalf("read %d rows, wrote %d", len(rows), len(figs))
	}
	want := func(f schema.Figure, col string) string {
		return map[string]string{"qualifier": string(f.Qualifier), "subject": string(f.Subject),
			"subject_original_script": string(f.SubjectOriginalScript), "period_unit": string(f.PeriodUnit), "basis": string(f.Basis)}[col]
	}
	bad := 0
	for i, row := range rows {
		for _, v := range row {
			col, ok := idx[v.Column()]
			if !ok {
				continue
			}
			w := want(figs[i], col)
			if (w == "") != v.IsNull() || !v.IsNull() && v.String() != w {
				if bad++; bad <= 5 {
					t.Errorf("row %d %s: read %v (null %v), wrote %q", i, col, v, v.IsNull(), w)
				}
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d values differ", bad)
	}
	// The rows as a whole, through the generic reader.
	got := make([]schema.Figure, len(figs))
	gr := parquet.NewGenericReader[schema.Figure](bytes.NewReader(buf.Bytes()))
	if n, _ := gr.Read(got); n != len(figs) {
		t.Fatalf("generic reader read %d rows, want %d", n, len(figs))
	}
	for i := range figs {
		if got[i] != figs[i] {
			t.Fatalf("row %d: read %+v, wrote %+v", i, got[i], figs[i])
		}
	}
}
