package sink

import (
	"errors"
	"reflect"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// sliceWriter takes slices only (as the Parquet writer does).
type sliceWriter struct {
	figs  []schema.Figure
	edits []schema.Edit
}

func (w *sliceWriter) Write(_ schema.Document, f []schema.Figure, e []schema.Edit) error {
	w.figs, w.edits = append(w.figs, f...), append(w.edits, e...)
	return nil
}
func (w *sliceWriter) Close() error { return nil }
func (w *sliceWriter) Abort()       {}

// streamWriter reads the sequences.
type streamWriter struct{ sliceWriter }

func (w *streamWriter) WriteRows(d schema.Document, f schema.Rows[schema.Figure], e schema.Rows[schema.Edit]) error {
	if err := f.Each(func(r schema.Figure) error { w.figs = append(w.figs, r); return nil }); err != nil {
		return err
	}
	return e.Each(func(r schema.Edit) error { w.edits = append(w.edits, r); return nil })
}

// onceRows is a sequence that is not a slice, failing after n rows.
type onceRows[T any] struct {
	rows []T
	fail int
}

var errRead = errors.New("read failed")

func (o onceRows[T]) Len() int { return len(o.rows) }
func (o onceRows[T]) Each(fn func(T) error) error {
	for i, r := range o.rows {
		if i == o.fail {
			return errRead
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// TestWriteRows: every writer of a run gets the same rows, as sequences
// or as slices read once for those that take slices; a sequence that
// fails to read fails the write.
func TestWriteRows(t *testing.T) {
	figs := []schema.Figure{{FigureID: "a-1"}, {FigureID: "a-2"}, {FigureID: "a-3"}}
	edits := []schema.Edit{{Seq: 1}, {Seq: 2}}
	for _, fail := range []int{-1, 0, 2} {
		s1, s2, st := &sliceWriter{}, &sliceWriter{}, &streamWriter{}
		w := multi{s1, st, s2}
		err := WriteRows(w, schema.Document{DocID: "a"}, onceRows[schema.Figure]{figs, fail}, schema.RowSlice[schema.Edit](edits))
		if fail >= 0 {
			if !errors.Is(err, errRead) {
				t.Errorf("failing at row %d: %v", fail, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, got := range []*sliceWriter{s1, &st.sliceWriter, s2} {
			if !reflect.DeepEqual(got.figs, figs) || !reflect.DeepEqual(got.edits, edits) {
				t.Errorf("writer %d got %v %v", i, got.figs, got.edits)
			}
		}
		// A single writer that takes slices.
		one := &sliceWriter{}
		if err := WriteRows(one, schema.Document{}, onceRows[schema.Figure]{figs, -1}, schema.RowSlice[schema.Edit](edits)); err != nil || !reflect.DeepEqual(one.figs, figs) {
			t.Errorf("one slice writer: %v %v", one.figs, err)
		}
	}
}
