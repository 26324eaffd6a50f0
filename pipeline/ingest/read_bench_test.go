package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkReadSmallFiles reads a folder of small text files the way a run
// reads a scraped batch: the per-file system calls are most of its cost.
func BenchmarkReadSmallFiles(b *testing.B) {
	dir := b.TempDir()
	const files = 500
	body := strings.Repeat("全省高速公路通车里程达到5000公里。\n", 60)
	var paths []string
	for i := range files {
		p := filepath.Join(dir, fmt.Sprintf("doc-%04d.txt", i))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx := context.Background()
	b.SetBytes(int64(files * len(body)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			err := Read(ctx, p, nil, Options{}, func(it Item) error {
				if len(it.Data) != len(body) {
					return fmt.Errorf("%s: read %d bytes, want %d", p, len(it.Data), len(body))
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
