package main

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/batch"
)

func TestProgressText(t *testing.T) {
	tests := []struct {
		name       string
		p          batch.Progress
		total      int
		head, tail string
	}{
		{"start", batch.Progress{}, 0, "0 files ETA -", "0 docs, 0 failed, 0 docs/s, 0.0 MB/s"},
		{"counting files", batch.Progress{Docs: 10, Files: 10, Bytes: 1 << 20, Elapsed: time.Second}, 0,
			"10 files ETA -", "10 docs, 0 failed, 10 docs/s, 1.0 MB/s"},
		{"a quarter done", batch.Progress{Docs: 50, Failed: 2, Files: 25, Bytes: 10 << 20, Elapsed: 4 * time.Second}, 100,
			"25/100 files ETA 12s", "50 docs, 2 failed, 12 docs/s, 2.5 MB/s"},
		{"done", batch.Progress{Docs: 7, Files: 7, Elapsed: time.Second}, 7, "7/7 files ETA 0s", "7 docs, 0 failed, 7 docs/s, 0.0 MB/s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := progressHead(tt.p, tt.total); got != tt.head {
				t.Errorf("head %q, want %q", got, tt.head)
			}
			if got := progressTail(tt.p); got != tt.tail {
				t.Errorf("tail %q, want %q", got, tt.tail)
			}
		})
	}
}

// TestRunProgressAlways: --progress always draws mpb's line even on a pipe,
// within 80 columns, with the rates, ETA and failed count; never draws none.
func TestRunProgressAlways(t *testing.T) {
	_, stderr, code := zx(t, "", "run", "--progress", "always", "--format", "jsonl", "--out", t.TempDir(), "../../testdata/examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var bar string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, "ETA") {
			bar = l
		}
		if n := utf8.RuneCountInString(l); strings.Contains(l, "ETA") && n > 80 {
			t.Errorf("progress line of %d columns: %q", n, l)
		}
	}
	for _, want := range []string{"4/4 files", "6 docs", "0 failed", "docs/s", "MB/s", "ETA"} {
		if !strings.Contains(bar, want) {
			t.Errorf("progress line %q lacks %q (stderr %q)", bar, want, stderr)
		}
	}
	_, stderr, _ = zx(t, "", "run", "--progress", "never", "--format", "jsonl", "--out", t.TempDir(), "../../testdata/examples")
	if strings.Contains(stderr, "ETA") {
		t.Errorf("--progress never drew a bar: %q", stderr)
	}
}
