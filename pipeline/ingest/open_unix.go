//go:build unix

package ingest

import (
	"context"
	"errors"
	"os"
	"syscall"
)

// openFile opens path for reading outside Go's poller: os.Open registers
// every file with epoll and sets it non-blocking (two system calls that
// fail or do nothing for regular files, and a tenth of the reader's time
// over small documents). Reads then block the reading goroutine's thread,
// which is what a regular file does anyway.
func openFile(path string) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}

// openCancellable opens a file that may block on open (a FIFO waits for a
// writer) and returns a file whose reads wait in Go's poller where the
// kind of file allows it, so that a read deadline interrupts them.
// Cancelling ctx ends a blocked open: the FIFO is opened for writing once,
// which lets the waiting open return, and the file is closed.
func openCancellable(ctx context.Context, path string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		for {
			fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
			if errors.Is(err, syscall.EINTR) {
				continue
			}
			if err != nil {
				ch <- opened{nil, &os.PathError{Op: "open", Path: path, Err: err}}
				return
			}
			// A non-blocking descriptor makes os.NewFile use the poller.
			syscall.SetNonblock(fd, true)
			ch <- opened{os.NewFile(uintptr(fd), path), nil}
			return
		}
	}()
	select {
	case o := <-ch:
		return o.f, o.err
	case <-ctx.Done():
		if fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0); err == nil {
			syscall.Close(fd)
		}
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// plainFile is a file openPlain opened, with what fstat said of it.
type plainFile struct {
	fd      int
	regular bool
	size    int64
}

// openPlain opens path and states the open file, so that a regular file
// is looked up once (a stat, then an open, looked its path up twice). The
// open does not block (a FIFO without a writer would wait for one) and
// takes no controlling terminal; ok is false when it failed, and the
// caller then states and opens the path as before, which reports why.
func openPlain(path string) (f plainFile, ok bool) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return plainFile{}, false
		}
		var st syscall.Stat_t
		if err := fstat(fd, &st); err != nil {
			syscall.Close(fd)
			return plainFile{}, false
		}
		return plainFile{fd: fd, regular: st.Mode&syscall.S_IFMT == syscall.S_IFREG, size: st.Size}, true
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// read reads a regular file whole, as readPlain does; ok is false when a
// read failed or the file holds more than its stated size now. (O_NONBLOCK
// does not change a regular file's reads.)
func (f plainFile) read() (data []byte, ok bool) { return readFD(f.fd, f.size) }

func (f plainFile) close() { syscall.Close(f.fd) }

// readPlain reads the regular file at path, of size bytes when it was
// stated, with raw system calls (no os.File: its creation costs a call that
// tells nothing about a regular file). ok is false when the file could not
// be opened or read, or holds more than size bytes now: the caller then
// reads it the general way, which reports what went wrong.
func readPlain(path string, size int64) (data []byte, ok bool) {
	var fd int
	for {
		var err error
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EINTR) {
			return nil, false
		}
	}
	defer syscall.Close(fd)
	return readFD(fd, size)
}

// readFD reads the open regular file fd, of size bytes when it was
// stated; ok is false when a read failed or it holds more than size bytes.
func readFD(fd int, size int64) (data []byte, ok bool) {
	// One byte more than the stated size, so that a file that grew since
	// is noticed without a further read.
	data = make([]byte, size+1)
	n := 0
	for {
		m, err := syscall.Read(fd, data[n:])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, false
		}
		if m == 0 {
			return data[:n:n], true
		}
		n += m
		if n > int(size) {
			return nil, false // it grew
		}
		if n == int(size) {
			// All the stated bytes, and not the one asked for beyond
			// them: no read to see the end (a file that grows after
			// this read is read as it was, as one that grew after the
			// last read was before).
			return data[:n:n], true
		}
	}
}
