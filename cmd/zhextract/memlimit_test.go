package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSoftMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		size    int64
		formats []string
		want    int64
	}{
		{"no input file", 0, []string{"parquet"}, 0},
		{"small file", 1 << 20, []string{"parquet"}, 0},
		{"just below the threshold", memLimitMinFile - 1, []string{"jsonl"}, 0},
		{"at the threshold", memLimitMinFile, []string{"parquet"}, memLimitBase + memLimitPerByte*memLimitMinFile},
		{"200 MB", 200 << 20, []string{"parquet"}, memLimitBase + memLimitPerByte*(200<<20)},
		{"200 MB, jsonl only", 200 << 20, []string{"jsonl"}, memLimitBaseStreamed + memLimitQuartersStreamed*(200<<20)/4},
		{"200 MB, jsonl and csv", 200 << 20, []string{"jsonl", "csv"}, memLimitBaseStreamed + memLimitQuartersStreamed*(200<<20)/4},
		{"200 MB, csv only", 200 << 20, []string{"csv"}, memLimitBaseStreamed + memLimitQuartersStreamed*(200<<20)/4},
		{"200 MB, parquet and jsonl", 200 << 20, []string{"parquet", "jsonl"}, memLimitBase + memLimitPerByte*(200<<20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := softMemoryLimit(tc.size, tc.formats); got != tc.want {
				t.Errorf("softMemoryLimit(%d, %q) = %d, want %d", tc.size, tc.formats, got, tc.want)
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
