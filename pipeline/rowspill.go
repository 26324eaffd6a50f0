package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// A stitched document's figures and loud edits go to temporary files as
// they leave their chunks, in a compact record form read back once per
// writer: held until the row was written, they were most of a large
// document's heap at its end (about 1.3 times the input's size).

// recordWriter appends records to a spill file.
type recordWriter struct {
	f    *spillFile
	w    *bufio.Writer
	buf  []byte
	n    int    // records written
	sent string // the last figure's sentence: the next often shares it
}

func newRecordWriter() (*recordWriter, error) {
	f, err := newSpillFile()
	if err != nil {
		return nil, err
	}
	return &recordWriter{f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

func (w *recordWriter) int(v int) { w.buf = binary.AppendVarint(w.buf, int64(v)) }

func (w *recordWriter) str(s string) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *recordWriter) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

func (w *recordWriter) float(v float64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v))
}

func (w *recordWriter) optFloat(v *float64) {
	w.bool(v != nil)
	if v != nil {
		w.float(*v)
	}
}

func (w *recordWriter) flush() error {
	w.n++
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}

// figure appends a figure and its span in Base.
func (w *recordWriter) figure(f *extractors.Figure, s figSpan) error {
	for _, v := range []string{f.Kind, f.ValueText, f.Unit, f.Qualifier} {
		w.str(v)
	}
	w.float(f.Value)
	w.int(f.Start)
	w.int(f.End)
	same := f.Sentence == w.sent
	w.bool(same)
	if !same {
		w.str(f.Sentence)
		w.sent = f.Sentence
	}
	w.int(f.Year)
	for _, v := range []string{f.Subject, f.SubjectOriginal, f.PeriodUnit, f.Extractor, f.Evidence, f.Basis} {
		w.str(v)
	}
	w.optFloat(f.FromValue)
	w.optFloat(f.ToValue)
	w.int(s.start)
	w.int(s.end)
	w.str(s.raw)
	w.bool(s.ok)
	return w.flush()
}

// edit appends an edit.
func (w *recordWriter) edit(e *textedit.Edit) error {
	for _, v := range []string{e.Stage, e.Old, e.New, e.Reason} {
		w.str(v)
	}
	w.int(e.Start)
	w.int(e.End)
	w.bool(e.Quiet)
	w.int(e.Unit)
	w.int(e.NewUnit)
	return w.flush()
}

// done flushes the records to the file.
func (w *recordWriter) done() error {
	if err := w.w.Flush(); err != nil {
		return err
	}
	w.w = nil
	return nil
}

// recordReader reads a spill file's records back.
type recordReader struct {
	r    *bufio.Reader
	err  error
	sent string
}

func newRecordReader(f *spillFile) *recordReader {
	return &recordReader{r: bufio.NewReaderSize(f.NewReader(), 256<<10)}
}

func (r *recordReader) int() int {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(r.r)
	r.err = err
	return int(v)
}

func (r *recordReader) str() string {
	if r.err != nil {
		return ""
	}
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.err = err
		return ""
	}
	b := make([]byte, n)
	_, r.err = io.ReadFull(r.r, b)
	return string(b)
}

func (r *recordReader) bool() bool {
	if r.err != nil {
		return false
	}
	b, err := r.r.ReadByte()
	r.err = err
	return b == 1
}

func (r *recordReader) float() float64 {
	if r.err != nil {
		return 0
	}
	var b [8]byte
	_, r.err = io.ReadFull(r.r, b[:])
	return math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
}

func (r *recordReader) optFloat() *float64 {
	if !r.bool() {
		return nil
	}
	v := r.float()
	return &v
}

func (r *recordReader) check() error {
	if r.err != nil {
		if errors.Is(r.err, io.EOF) {
			r.err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("read spilled rows: %w", r.err)
	}
	return nil
}

// figure reads what recordWriter.figure wrote.
func (r *recordReader) figure() (extractors.Figure, figSpan, error) {
	var f extractors.Figure
	var s figSpan
	f.Kind, f.ValueText, f.Unit, f.Qualifier = r.str(), r.str(), r.str(), r.str()
	f.Value = r.float()
	f.Start = r.int()
	f.End = r.int()
	if !r.bool() {
		r.sent = r.str()
	}
	f.Sentence = r.sent
	f.Year = r.int()
	f.Subject, f.SubjectOriginal, f.PeriodUnit, f.Extractor, f.Evidence, f.Basis = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
	f.FromValue = r.optFloat()
	f.ToValue = r.optFloat()
	s.start = r.int()
	s.end = r.int()
	s.raw = r.str()
	s.ok = r.bool()
	return f, s, r.check()
}

// edit reads what recordWriter.edit wrote.
func (r *recordReader) edit() (textedit.Edit, error) {
	var e textedit.Edit
	e.Stage, e.Old, e.New, e.Reason = r.str(), r.str(), r.str(), r.str()
	e.Start = r.int()
	e.End = r.int()
	e.Quiet = r.bool()
	e.Unit = r.int()
	e.NewUnit = r.int()
	return e, r.check()
}
