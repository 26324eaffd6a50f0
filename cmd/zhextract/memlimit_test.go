package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSoftMemoryLimit: large files get a limit a little above the live
// peak whatever the output formats (all of them stream a large
// document's texts), which keeps a 200 MB file's run under 600 MB.
func TestSoftMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int64
		want int64
	}{
		{"no input file", 0, 0},
		{"small file", 1 << 20, 0},
		{"just below the threshold", memLimitMinFile - 1, 0},
		{"at the threshold", memLimitMinFile, 240 << 20},
		{"200 MB", 200 << 20, 478 << 20},
		{"1 GB", 1 << 30, 1920 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := softMemoryLimit(tc.size); got != tc.want {
				t.Errorf("softMemoryLimit(%d) = %d MB, want %d MB", tc.size, got>>20, tc.want>>20)
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

func TestLargestFileUnder(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, size := range map[string]int{filepath.Join(dir, "a.txt"): 10, filepath.Join(sub, "b.txt"): 300} {
		if err := os.WriteFile(name, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		dir  string
		want int64
	}{
		{"nested", dir, 300},
		{"one folder", sub, 300},
		{"missing", filepath.Join(dir, "missing"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := largestFileUnder(tc.dir); got != tc.want {
				t.Errorf("largestFileUnder(%q) = %d, want %d", tc.dir, got, tc.want)
			}
		})
	}
}
