package beampipe

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// partWriter writes one part: the three tables for one bundle of documents,
// through pipeline/sink's ParquetSet, so that a part has exactly the schema,
// codec and row-group policy of `zhextract run`'s files.
type partWriter struct {
	files []io.WriteCloser
	set   *sink.ParquetSet
}

func openPart(ctx context.Context, fs filesystem.Interface, prefix string) (*partWriter, error) {
	p := &partWriter{}
	var names [3]string
	for i := range names {
		names[i] = prefix + tables[i] + ".parquet"
		f, err := fs.OpenWrite(ctx, names[i])
		if err != nil {
			for _, g := range p.files {
				g.Close()
			}
			return nil, fmt.Errorf("create %s: %w", names[i], err)
		}
		p.files = append(p.files, f)
	}
	p.set = sink.NewParquetSet(p.files[0], p.files[1], p.files[2], names)
	return p, nil
}

func (p *partWriter) write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	return p.set.Write(d, figs, edits)
}

// close completes the part. Object stores commit on Close, so the files are
// closed even after an error.
func (p *partWriter) close() error {
	errs := []error{p.set.Close()}
	for _, f := range p.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}
