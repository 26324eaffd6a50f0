package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
)

// Soft memory limit for runs over one large file. A large UTF-8 plain-text
// document is streamed to a temporary file and processed in chunks; its
// clean texts, figures and edits go to temporary files that every writer
// reads back in pieces. What still grows with the file's size is an input
// that is not UTF-8 throughout (read and decoded whole: about 1.6 times
// its size live). The
// default GC pacing lets the heap grow to twice the live heap before
// collecting: a limit a little above the live peak makes the collector run
// before the heap doubles, without running it when the heap is far below
// the limit (small documents and streamed inputs never reach it).
const (
	// memLimitMinFile is the smallest input file that sets a limit: below
	// it the heap stays small and the default pacing is cheaper.
	memLimitMinFile = 64 << 20
	// memLimitBase and memLimitQuarters make the limit: base + quarters/4
	// × the largest file's size.
	memLimitBase     = 128 << 20
	memLimitQuarters = 7
)

// softMemoryLimit returns the memory limit for a run whose largest input
// file has size bytes, or 0 when no limit should be set.
func softMemoryLimit(size int64) int64 {
	if size < memLimitMinFile {
		return 0
	}
	return memLimitBase + memLimitQuarters*size/4
}

// largestFile returns the size of the largest regular file among inputs
// (folders, globs and stdin are not looked into: the limit is for the
// common case of a large file named on the command line).
func largestFile(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		n = max(n, fi.Size())
	}
	return n
}

// setRunMemoryLimit sets the soft memory limit for a run over inputs,
// unless GOMEMLIMIT already set one, and returns a function that restores
// the previous limit.
func setRunMemoryLimit(inputs []string) (restore func()) {
	return setMemoryLimitFor(largestFile(inputs))
}

// setMemoryLimitFor sets the soft memory limit for a run whose largest
// input file has size bytes (see setRunMemoryLimit).
func setMemoryLimitFor(size int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := softMemoryLimit(size)
	if limit == 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}

// largestFileUnder returns the size of the largest regular file under dir
// (bench's corpus, which it builds itself).
func largestFileUnder(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			if fi, err := e.Info(); err == nil {
				n = max(n, fi.Size())
			}
		}
		return nil
	})
	return n
}
