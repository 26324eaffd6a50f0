package pipeline

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"unsafe"
)

// spillFile holds a stitched document's clean text in a temporary file
// instead of memory: the text of a large document, held whole for its row,
// was the largest part of a run's peak (twice: text and text in the
// original script). It implements schema.LargeText. The file is removed
// at once where the system allows it (the open handle keeps the data), and
// closed when the spillFile is no longer reachable, so that every row
// writer (an asynchronous Parquet queue included) can read it as long as
// it holds the row.
type spillFile struct {
	h *spillHandle
	n int64
}

// spillHandle is what the cleanup closes: it must not reach the spillFile.
type spillHandle struct {
	f       *os.File
	removed bool
}

func newSpillFile() (*spillFile, error) {
	f, err := os.CreateTemp("", "zhextract-text-*")
	if err != nil {
		return nil, fmt.Errorf("spill text: %w", err)
	}
	h := &spillHandle{f: f}
	// Unix removes the name of an open file; elsewhere the cleanup does.
	h.removed = os.Remove(f.Name()) == nil
	s := &spillFile{h: h}
	runtime.AddCleanup(s, func(h *spillHandle) {
		h.f.Close()
		if !h.removed {
			os.Remove(h.f.Name())
		}
	}, h)
	return s, nil
}

// WriteString appends to the text.
func (s *spillFile) WriteString(p string) error {
	n, err := s.h.f.WriteString(p)
	s.n += int64(n)
	if err != nil {
		return fmt.Errorf("spill text: %w", err)
	}
	return nil
}

// Write appends p (a stream decoder writes the input here).
func (s *spillFile) Write(p []byte) (int, error) {
	n, err := s.h.f.Write(p)
	s.n += int64(n)
	if err != nil {
		return n, fmt.Errorf("spill text: %w", err)
	}
	return n, nil
}

// copyFrom appends the whole of o's text.
func (s *spillFile) copyFrom(o *spillFile) error {
	n, err := io.Copy(s.h.f, o.NewReader())
	s.n += n
	runtime.KeepAlive(o)
	if err != nil {
		return fmt.Errorf("spill text: %w", err)
	}
	return nil
}

// Len implements schema.LargeText.
func (s *spillFile) Len() int64 { return s.n }

// NewReader implements schema.LargeText.
func (s *spillFile) NewReader() io.Reader {
	return &spillReader{SectionReader: io.NewSectionReader(s.h.f, 0, s.n), s: s}
}

// spillReader keeps its spillFile reachable (so open) while it is read.
type spillReader struct {
	*io.SectionReader
	s *spillFile
}

// readRange returns bytes [from, to) of the text as a string of its own.
func (s *spillFile) readRange(from, to int) (string, error) {
	if to <= from {
		return "", nil
	}
	buf := make([]byte, to-from)
	_, err := s.h.f.ReadAt(buf, int64(from))
	runtime.KeepAlive(s)
	if err != nil {
		return "", fmt.Errorf("read spilled input: %w", err)
	}
	// buf is never written again: the string may share it.
	return unsafe.String(&buf[0], len(buf)), nil
}
