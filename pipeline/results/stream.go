package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/parquet-go/parquet-go"
)

// streamBatch is how many rows a Stream decodes at once: small, since a
// documents row carries whole texts.
const streamBatch = 16

// Stream reads a table's files one row at a time, in order, so that a
// reader of a large run holds a few rows rather than the run. T's columns
// need not all be in the files: absent ones read as zero values.
type Stream[T any] struct {
	format string
	paths  []string
	path   string // the file being read
	f      *os.File
	pr     *parquet.GenericReader[T]
	dec    *json.Decoder
	buf    []T
	i, n   int
	row    int // rows read from the current file
	eof    bool
	err    error
}

// NewStream reads the files paths (in format FormatParquet or FormatJSONL)
// as one table.
func NewStream[T any](format string, paths []string) *Stream[T] {
	return &Stream[T]{format: format, paths: paths}
}

// Next returns the next row; false at the end or on an error (see Err).
func (s *Stream[T]) Next() (row T, ok bool) {
	for {
		// Rows decoded before an error are still returned.
		if s.i < s.n {
			s.i++
			return s.buf[s.i-1], true
		}
		if s.err != nil {
			return row, false
		}
		if s.f != nil && !s.eof {
			s.fill()
			continue
		}
		s.closeFile()
		if len(s.paths) == 0 {
			return row, false
		}
		s.open(s.paths[0])
		s.paths = s.paths[1:]
	}
}

// Err is the first error met, naming the file and row.
func (s *Stream[T]) Err() error { return s.err }

// Close releases the open file.
func (s *Stream[T]) Close() { s.closeFile() }

func (s *Stream[T]) open(path string) {
	s.path, s.row, s.eof, s.i, s.n = path, 0, false, 0, 0
	f, err := os.Open(path)
	if err != nil {
		s.err = fmt.Errorf("read %s: %w", path, err)
		return
	}
	s.f = f
	if s.format != FormatParquet {
		s.dec = json.NewDecoder(f)
		return
	}
	defer func() {
		// parquet-go can panic on malformed files; these are user input.
		if p := recover(); p != nil {
			s.err = fmt.Errorf("read %s: corrupt parquet file: %v", path, p)
		}
	}()
	st, err := f.Stat()
	if err == nil {
		err = checkFooter(f, st.Size())
	}
	var pf *parquet.File
	if err == nil {
		pf, err = parquet.OpenFile(f, st.Size())
		if err != nil {
			err = fmt.Errorf("not a readable parquet file: %w", err)
		}
	}
	if err != nil {
		s.err = fmt.Errorf("read %s: %w", path, err)
		return
	}
	s.pr = parquet.NewGenericReader[T](pf)
}

func (s *Stream[T]) fill() {
	if s.buf == nil {
		s.buf = make([]T, streamBatch)
	}
	s.i, s.n = 0, 0
	if s.pr != nil {
		defer func() {
			if p := recover(); p != nil {
				s.err = fmt.Errorf("read %s: corrupt parquet file: %v", s.path, p)
			}
		}()
		clear(s.buf)
		n, err := s.pr.Read(s.buf)
		s.n = n
		s.row += n
		switch {
		case errors.Is(err, io.EOF):
			s.eof = true
		case err != nil:
			s.err = fmt.Errorf("read %s: parquet row %d: %w", s.path, s.row, err)
		}
		return
	}
	for s.n < len(s.buf) {
		var row T
		off := s.dec.InputOffset()
		err := s.dec.Decode(&row)
		if errors.Is(err, io.EOF) {
			s.eof = true
			return
		}
		if err != nil {
			s.err = fmt.Errorf("read %s: record %d (near byte %d): %w", s.path, s.row+1, off, err)
			return
		}
		s.buf[s.n] = row
		s.n++
		s.row++
	}
}

func (s *Stream[T]) closeFile() {
	if s.pr != nil {
		s.pr.Close()
		s.pr = nil
	}
	s.dec = nil
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
}
