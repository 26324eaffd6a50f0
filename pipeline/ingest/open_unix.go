//go:build unix

package ingest

import (
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
