package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSoftMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int64
		want int64
	}{
		{"no input file", 0, 0},
		{"small file", 1 << 20, 0},
		{"just below the threshold", memLimitMinFile - 1, 0},
		{"at the threshold", memLimitMinFile, memLimitBase + memLimitPerByte*memLimitMinFile},
		{"200 MB", 200 << 20, memLimitBase + memLimitPerByte*(200<<20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := softMemoryLimit(tc.size); got != tc.want {
				t.Errorf("softMemoryLimit(%d) = %d, want %d", tc.size, got, tc.want)
			}
		})
	}
}

func TestLargestFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(small, make([]byte, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		inputs []string
		want   int64
	}{
		{"none", nil, 0},
		{"one file", []string{small}, 10},
		{"largest of two", []string{small, big}, 1000},
		{"folders are not looked into", []string{dir}, 0},
		{"missing and stdin are skipped", []string{filepath.Join(dir, "missing"), "-", small}, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := largestFile(tc.inputs); got != tc.want {
				t.Errorf("largestFile(%q) = %d, want %d", tc.inputs, got, tc.want)
			}
		})
	}
}
