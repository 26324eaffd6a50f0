package beampipe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// The writer options mirror pipeline/sink/parquet.go, so that a part written
// here has the same schema, codec and row-group policy as `zhextract run`'s
// files. pipeline/sink writes through os files only, hence this copy for
// Beam's file systems.
const rowGroupBytes = 32 << 20

func writerOptions() []parquet.WriterOption {
	return []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.CreatedBy("zhextract", "", ""),
		parquet.MaxRowsPerRowGroup(1 << 20),
	}
}

// table writes one Parquet file to a Beam file system.
type table[T any] struct {
	path    string
	file    io.WriteCloser
	buf     *bufio.Writer
	w       *parquet.GenericWriter[T]
	pending int64
}

func openTable[T any](ctx context.Context, fs filesystem.Interface, path string) (*table[T], error) {
	f, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	b := bufio.NewWriterSize(f, 1<<20)
	return &table[T]{path: path, file: f, buf: b, w: parquet.NewGenericWriter[T](b, writerOptions()...)}, nil
}

func (t *table[T]) write(rows []T, size int64) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := t.w.Write(rows); err != nil {
		return fmt.Errorf("write %s: %w", t.path, err)
	}
	// Flush by bytes as well as rows: document rows carry whole texts.
	t.pending += size
	if t.pending >= rowGroupBytes {
		t.pending = 0
		if err := t.w.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", t.path, err)
		}
	}
	return nil
}

func (t *table[T]) close() error {
	err := t.w.Close()
	if err == nil {
		err = t.buf.Flush()
	}
	// Object stores commit on Close, so it must run even after an error.
	if cerr := t.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", t.path, err)
	}
	return nil
}

// partWriter writes one part: the three tables for one bundle of documents.
type partWriter struct {
	docs  *table[schema.Document]
	figs  *table[schema.Figure]
	edits *table[schema.Edit]
}

func openPart(ctx context.Context, fs filesystem.Interface, prefix string) (*partWriter, error) {
	p := &partWriter{}
	var err error
	if p.docs, err = openTable[schema.Document](ctx, fs, prefix+tables[0]+".parquet"); err != nil {
		return nil, err
	}
	if p.figs, err = openTable[schema.Figure](ctx, fs, prefix+tables[1]+".parquet"); err != nil {
		p.docs.file.Close()
		return nil, err
	}
	if p.edits, err = openTable[schema.Edit](ctx, fs, prefix+tables[2]+".parquet"); err != nil {
		p.docs.file.Close()
		p.figs.file.Close()
		return nil, err
	}
	return p, nil
}

// write sizes row groups as pipeline/sink does.
func (p *partWriter) write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := p.docs.write([]schema.Document{d}, int64(len(d.Text)+len(d.TextOriginalScript)+256)); err != nil {
		return err
	}
	var fs int64
	for _, f := range figs {
		fs += int64(len(f.Sentence) + len(f.Raw) + 128)
	}
	if err := p.figs.write(figs, fs); err != nil {
		return err
	}
	var es int64
	for _, e := range edits {
		es += int64(len(e.Old) + len(e.New) + len(e.Reason) + 64)
	}
	return p.edits.write(edits, es)
}

func (p *partWriter) close() error {
	return errors.Join(p.docs.close(), p.figs.close(), p.edits.close())
}
