// Package outdir guards a run's output directory: one run at a time (a
// lock file naming the holder's PID) and no temporary files left behind by
// a run that was killed.
package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zhextract/zhextract/pipeline/sink"
)

// LockName is the lock file a run holds in its output directory.
const LockName = ".zhextract.lock"

// ErrLocked is returned when another live run holds the directory.
var ErrLocked = errors.New("output directory in use")

// Lock is a held output directory.
type Lock struct {
	f    *os.File
	path string
}

// Acquire locks dir (which must exist) for this process. It fails at once,
// naming the holder's PID, when another live process holds it; a lock file
// left by a process that died is taken over.
func Acquire(dir string) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
		if err != nil {
			return nil, fmt.Errorf("lock output %s: %w", dir, err)
		}
		held, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock output %s: %w", dir, err)
		}
		if !held {
			b, _ := os.ReadFile(path)
			f.Close()
			pid := strings.TrimSpace(string(b))
			if pid == "" {
				pid = "unknown"
			}
			return nil, fmt.Errorf("%w: %s is being written by another zhextract run (PID %s, lock file %s); wait for it to finish or use another --out", ErrLocked, dir, pid, path)
		}
		// The holder may have removed the file between our open and our
		// lock: then we hold a lock on a name nobody else sees. Retry.
		if !samePath(f, path) {
			f.Close()
			continue
		}
		if err := f.Truncate(0); err == nil {
			_, err = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock output %s: %w", dir, err)
		}
		return &Lock{f: f, path: path}, nil
	}
	return nil, fmt.Errorf("lock output %s: the lock file keeps changing", dir)
}

func samePath(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// Release removes the lock file and releases the lock.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path)
	l.f.Close() // closing drops the lock
	l.f = nil
}

// CleanTemps removes the temporary table files a killed run left in dir
// (".documents.parquet.tmp-…" and the like: only zhextract's own naming).
// Call it with the lock held, when no other run can be writing them.
func CleanTemps(dir string) (removed []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("clean output %s: %w", dir, err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !sink.IsTemp(e.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, fmt.Errorf("clean output %s: %w", dir, err)
		}
		removed = append(removed, e.Name())
	}
	return removed, nil
}
