package sink

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// streamRows is Rows that is not held in memory as a slice (as a large
// document's, read from its files): Each makes the rows one by one.
type streamRows[T any] struct {
	n   int
	row func(i int) T
}

func (s streamRows[T]) Len() int { return s.n }

func (s streamRows[T]) Each(fn func(T) error) error {
	for i := range s.n {
		if err := fn(s.row(i)); err != nil {
			return err
		}
	}
	return nil
}

// TestParquetWriteRows: a document's figures and edits given as a
// sequence are written in batches, with the same values in the same order
// as the same rows given as slices.
func TestParquetWriteRows(t *testing.T) {
	const n = 3*rowBatch + 17
	fig := func(i int) schema.Figure {
		return schema.Figure{DocID: "big", FigureID: fmt.Sprintf("big-%d", i), Kind: "road_length", Value: float64(i), Raw: fmt.Sprint(i, "公里"), Sentence: "新建农村公路"}
	}
	edit := func(i int) schema.Edit {
		return schema.Edit{DocID: "big", Seq: int64(i), Stage: "opencc", Old: "農", New: "农", Reason: fmt.Sprint(i)}
	}
	var figs []schema.Figure
	var edits []schema.Edit
	for i := range n {
		figs, edits = append(figs, fig(i)), append(edits, edit(i))
	}
	small := schema.Document{DocID: "s", Source: "s.txt", Status: schema.StatusOK, Text: "短文"}
	bigDoc := schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusOK, Text: "长文"}
	var got [2][]schema.Figure
	var gotEdits [2][]schema.Edit
	for k := range 2 {
		dir := t.TempDir()
		w, err := newParquet(Naming{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(small, []schema.Figure{{DocID: "s", Kind: "investment"}}, nil); err != nil {
			t.Fatal(err)
		}
		if k == 0 {
			err = w.Write(bigDoc, figs, edits)
		} else {
			err = w.WriteRows(bigDoc, streamRows[schema.Figure]{n, fig}, streamRows[schema.Edit]{n, edit})
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(small, nil, []schema.Edit{{DocID: "s", Stage: "chrome"}}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		got[k] = readTable[schema.Figure](t, filepath.Join(dir, "figures.parquet"))
		gotEdits[k] = readTable[schema.Edit](t, filepath.Join(dir, "edits.parquet"))
	}
	if len(got[1]) != n+1 || len(gotEdits[1]) != n+1 {
		t.Fatalf("streamed: %d figures and %d edits, want %d each", len(got[1]), len(gotEdits[1]), n+1)
	}
	for i := range got[0] {
		if got[0][i].FigureID != got[1][i].FigureID || got[0][i].Value != got[1][i].Value || got[0][i].Raw != got[1][i].Raw {
			t.Fatalf("figure %d: slice %+v, streamed %+v", i, got[0][i], got[1][i])
		}
	}
	for i := range gotEdits[0] {
		if gotEdits[0][i].Seq != gotEdits[1][i].Seq || gotEdits[0][i].Reason != gotEdits[1][i].Reason {
			t.Fatalf("edit %d: slice %+v, streamed %+v", i, gotEdits[0][i], gotEdits[1][i])
		}
	}
}

func readTable[T any](t *testing.T, path string) []T {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readRows[T](t, b)
}
