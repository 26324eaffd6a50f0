package ingest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
)

// Large is a plain-text file too large to be read into memory at once: the
// decode stage streams it (see Options.StreamBytes). Reading the whole
// input first made a large file's size the floor of a run's memory.
type Large struct {
	h    *largeHandle
	size int64
	max  int64
}

// largeHandle is what the cleanup closes: it must not reach the Large.
type largeHandle struct{ f *os.File }

// newLarge takes over f (an open regular file of size bytes): the Large
// closes it once read, or when it is no longer reachable (a document that
// never reached its stages).
func newLarge(f *os.File, size, max int64) *Large {
	h := &largeHandle{f: f}
	l := &Large{h: h, size: size, max: max}
	runtime.AddCleanup(l, func(h *largeHandle) { h.f.Close() }, h)
	return l
}

// Size is the file's size when it was opened.
func (l *Large) Size() int64 { return l.size }

// NewReader reads the file from its start, failing once it passes the
// size limit (the file grew).
func (l *Large) NewReader() io.Reader {
	return &limitedReader{r: io.NewSectionReader(l.h.f, 0, l.max+1), l: l}
}

// ReadAll reads the whole file into memory (the path every input took
// before, for the inputs the streaming decoder does not take).
func (l *Large) ReadAll() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(l.size, l.max)) + 1)
	if _, err := buf.ReadFrom(l.NewReader()); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return buf.Bytes(), nil
}

// limitedReader keeps its Large reachable (so open) while it is read, and
// fails past the size limit.
type limitedReader struct {
	r *io.SectionReader
	l *Large
	n int64
}

func (r *limitedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	if r.n > r.l.max {
		return n, fmt.Errorf("%w (more than %s)", errTooLarge, mb(r.l.max))
	}
	return n, err
}

// Close closes the file; reading it afterwards fails.
func (l *Large) Close() error { return l.h.f.Close() }
