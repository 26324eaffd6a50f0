package sink

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// asyncRows are documents with figures and edits, some with none, long
// enough that the documents table flushes row groups along the way.
func asyncRows(n int) (docs []schema.Document, figs [][]schema.Figure, edits [][]schema.Edit) {
	long := strings.Repeat("全省新改建农村公路一万公里。", 4000)
	for i := range n {
		id := fmt.Sprintf("d%03d", i)
		docs = append(docs, schema.Document{DocID: id, Source: id + ".txt", Status: schema.StatusOK, Text: long[:len(long)-i*3], TextOriginalScript: long})
		var fs []schema.Figure
		var es []schema.Edit
		for j := range i % 3 {
			fs = append(fs, schema.Figure{DocID: id, Kind: "road_length", Raw: fmt.Sprint(j), Sentence: "农村公路"})
			es = append(es, schema.Edit{DocID: id, Stage: "opencc", Old: "農", New: "农", Reason: fmt.Sprint(j)})
		}
		figs, edits = append(figs, fs), append(edits, es)
	}
	return docs, figs, edits
}

// TestParquetWriterMatchesInline checks that the local writer, which
// encodes each table on its own goroutine, writes the bytes ParquetSet
// writes in line.
func TestParquetWriterMatchesInline(t *testing.T) {
	docs, figs, edits := asyncRows(300)
	var want [3]bytes.Buffer
	set := NewParquetSet(&want[0], &want[1], &want[2], [3]string{"d", "f", "e"})
	dir := t.TempDir()
	w, err := newParquet(Naming{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if err := set.Write(docs[i], figs[i], edits[i]); err != nil {
			t.Fatal(err)
		}
		// The writer must not keep the caller's slices.
		f, e := append([]schema.Figure(nil), figs[i]...), append([]schema.Edit(nil), edits[i]...)
		if err := w.Write(docs[i], f, e); err != nil {
			t.Fatal(err)
		}
		for k := range f {
			f[k].Raw, e[k].Reason = "overwritten", "overwritten"
		}
	}
	if err := set.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for i, table := range Tables {
		got, err := os.ReadFile(filepath.Join(dir, table+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[i].Bytes()) {
			t.Errorf("%s: %d bytes differ from the %d written in line", table, len(got), want[i].Len())
		}
	}
}

// TestParquetWriterError checks that a write failing on a table's
// goroutine reaches the caller (at a later Write or at Close) and that
// the temporary files are removed.
func TestParquetWriterError(t *testing.T) {
	docs, figs, edits := asyncRows(40)
	dir := t.TempDir()
	w, err := newParquet(Naming{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	// The documents file fails under the writer.
	w.files[0].File.Close()
	var werr error
	for i := range docs {
		if werr = w.Write(docs[i], figs[i], edits[i]); werr != nil {
			break
		}
	}
	cerr := w.Close()
	if werr == nil && cerr == nil {
		t.Fatal("no error from a closed documents file")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left)+len(hidden) != 0 {
		t.Errorf("files left: %v %v", left, hidden)
	}
}

// TestParquetWriterAbort checks that Abort drops queued rows and removes
// the files.
func TestParquetWriterAbort(t *testing.T) {
	docs, figs, edits := asyncRows(20)
	dir := t.TempDir()
	w, err := newParquet(Naming{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if err := w.Write(docs[i], figs[i], edits[i]); err != nil {
			t.Fatal(err)
		}
	}
	w.Abort()
	w.Abort() // twice is harmless
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// streamedRows is Rows that is not a RowSlice, as a large document's
// figures and edits are: WriteRows takes its path for them.
type streamedRows[T any] struct{ rows []T }

func (s streamedRows[T]) Len() int { return len(s.rows) }

func (s streamedRows[T]) Each(fn func(T) error) error { return schema.RowSlice[T](s.rows).Each(fn) }

// TestParquetWriterBatchesMatchInline: short documents, queued to the
// tables' goroutines a batch at a time (pendingDocs), with large
// documents' rows (WriteRows with streamed rows) among them, give the
// bytes ParquetSet writes in line, in the same order.
func TestParquetWriterBatchesMatchInline(t *testing.T) {
	var want [3]bytes.Buffer
	set := NewParquetSet(&want[0], &want[1], &want[2], [3]string{"d", "f", "e"})
	dir := t.TempDir()
	w, err := newParquet(Naming{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5*pendingDocs + 3 {
		id := fmt.Sprintf("d%03d", i)
		d := schema.Document{DocID: id, Source: id + ".html", Status: schema.StatusOK, Text: strings.Repeat("农村公路。", i%9+1)}
		var fs []schema.Figure
		var es []schema.Edit
		for j := range i % 4 {
			fs = append(fs, schema.Figure{DocID: id, Kind: "road_length", Raw: fmt.Sprint(j)})
			es = append(es, schema.Edit{DocID: id, Stage: "chrome", Old: fmt.Sprint(i, j)})
		}
		if err := set.Write(d, fs, es); err != nil {
			t.Fatal(err)
		}
		if i%7 == 3 {
			err = w.WriteRows(d, streamedRows[schema.Figure]{fs}, streamedRows[schema.Edit]{es})
		} else {
			err = w.Write(d, fs, es)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for i, table := range Tables {
		got, err := os.ReadFile(filepath.Join(dir, table+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[i].Bytes()) {
			t.Errorf("%s: %d bytes differ from the %d written in line", table, len(got), want[i].Len())
		}
	}
}
