package sink

import (
	"bufio"
	"fmt"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// rowGroupBytes bounds the text buffered before a row group is flushed: the
// documents table carries whole texts, so a row count alone would let memory
// grow with document size.
const rowGroupBytes = 32 << 20

type table[T any] struct {
	file    *tempFile
	buf     *bufio.Writer
	w       *parquet.GenericWriter[T]
	pending int64 // approximate bytes buffered since the last flush
}

func newTable[T any](path string) (*table[T], error) {
	f, err := createTemp(path)
	if err != nil {
		return nil, err
	}
	b := bufio.NewWriterSize(f, 1<<20)
	w := parquet.NewGenericWriter[T](b,
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.CreatedBy("zhextract", "", ""),
		parquet.MaxRowsPerRowGroup(1<<20),
	)
	return &table[T]{file: f, buf: b, w: w}, nil
}

func (t *table[T]) write(rows []T, size int64) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := t.w.Write(rows); err != nil {
		return fmt.Errorf("write %s: %w", t.file.final, err)
	}
	t.pending += size
	if t.pending >= rowGroupBytes {
		t.pending = 0
		if err := t.w.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", t.file.final, err)
		}
	}
	return nil
}

func (t *table[T]) close() error {
	if err := t.w.Close(); err != nil {
		t.file.abort()
		return fmt.Errorf("write %s: %w", t.file.final, err)
	}
	if err := t.buf.Flush(); err != nil {
		t.file.abort()
		return fmt.Errorf("write %s: %w", t.file.final, err)
	}
	return nil
}

type parquetWriter struct {
	docs  *table[schema.Document]
	figs  *table[schema.Figure]
	edits *table[schema.Edit]
}

func newParquet(n Naming) (*parquetWriter, error) {
	w := &parquetWriter{}
	var err error
	if w.docs, err = newTable[schema.Document](n.Path("documents", "parquet")); err != nil {
		return nil, err
	}
	if w.figs, err = newTable[schema.Figure](n.Path("figures", "parquet")); err != nil {
		w.Abort()
		return nil, err
	}
	if w.edits, err = newTable[schema.Edit](n.Path("edits", "parquet")); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *parquetWriter) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := w.docs.write([]schema.Document{d}, int64(len(d.Text)+len(d.TextOriginalScript)+256)); err != nil {
		return err
	}
	var fs int64
	for _, f := range figs {
		fs += int64(len(f.Sentence) + len(f.Raw) + 128)
	}
	if err := w.figs.write(figs, fs); err != nil {
		return err
	}
	var es int64
	for _, e := range edits {
		es += int64(len(e.Old) + len(e.New) + len(e.Reason) + 64)
	}
	return w.edits.write(edits, es)
}

func (w *parquetWriter) Close() error {
	tables := []interface {
		close() error
		commit() error
		abort()
	}{tableOps[schema.Document]{w.docs}, tableOps[schema.Figure]{w.figs}, tableOps[schema.Edit]{w.edits}}
	for i, t := range tables {
		if err := t.close(); err != nil {
			for _, u := range tables[i+1:] {
				u.abort()
			}
			return err
		}
	}
	// Rename only once all three files are complete.
	for i, t := range tables {
		if err := t.commit(); err != nil {
			for _, u := range tables[i+1:] {
				u.abort()
			}
			return err
		}
	}
	return nil
}

type tableOps[T any] struct{ t *table[T] }

func (o tableOps[T]) close() error  { return o.t.close() }
func (o tableOps[T]) commit() error { return o.t.file.commit() }
func (o tableOps[T]) abort()        { o.t.file.abort() }

func (w *parquetWriter) Abort() {
	if w.docs != nil {
		w.docs.file.abort()
	}
	if w.figs != nil {
		w.figs.file.abort()
	}
	if w.edits != nil {
		w.edits.file.abort()
	}
}
