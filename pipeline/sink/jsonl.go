package sink

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/zhextract/zhextract/pipeline/schema"
)

type jsonlWriter struct {
	files [3]*tempFile
	bufs  [3]*bufio.Writer
	encs  [3]*json.Encoder
}

func newJSONL(n Naming) (*jsonlWriter, error) {
	w := &jsonlWriter{}
	for i, t := range Tables {
		f, err := createTemp(n.Path(t, "jsonl"))
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.files[i] = f
		w.bufs[i] = bufio.NewWriterSize(f, 256<<10)
		w.encs[i] = json.NewEncoder(w.bufs[i])
		w.encs[i].SetEscapeHTML(false)
	}
	return w, nil
}

func (w *jsonlWriter) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := w.encs[0].Encode(d); err != nil {
		return fmt.Errorf("write %s: %w", w.files[0].final, err)
	}
	for _, f := range figs {
		if err := w.encs[1].Encode(f); err != nil {
			return fmt.Errorf("write %s: %w", w.files[1].final, err)
		}
	}
	for _, e := range edits {
		if err := w.encs[2].Encode(e); err != nil {
			return fmt.Errorf("write %s: %w", w.files[2].final, err)
		}
	}
	return nil
}

func (w *jsonlWriter) Close() error {
	for i, f := range w.files {
		if err := w.bufs[i].Flush(); err != nil {
			w.Abort()
			return fmt.Errorf("write %s: %w", f.final, err)
		}
	}
	return commitAll(w.files[:])
}

func (w *jsonlWriter) Abort() { abortAll(w.files[:]) }
