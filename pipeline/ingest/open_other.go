//go:build !unix

package ingest

import (
	"context"
	"io"
	"os"
)

func openFile(path string) (*os.File, error) { return os.Open(path) }

func openCancellable(_ context.Context, path string) (*os.File, error) { return os.Open(path) }

// readPlain reads the regular file at path, of size bytes when it was
// stated; ok is false when it could not be read or holds more than size
// bytes now (the caller then reads it the general way).
func readPlain(path string, size int64) (data []byte, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data = make([]byte, size+1)
	n := 0
	for {
		m, err := f.Read(data[n:])
		n += m
		if n > int(size) {
			return nil, false
		}
		if err == io.EOF {
			return data[:n:n], true
		}
		if err != nil {
			return nil, false
		}
	}
}

// plainFile is never opened here: Read states every path first.
type plainFile struct {
	regular bool
	size    int64
}

func openPlain(string) (plainFile, bool) { return plainFile{}, false }

func (plainFile) read() ([]byte, bool) { return nil, false }

func (plainFile) close() {}
