package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated is the bytes fn allocates on the heap.
func allocated(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestOversizeNotRead: a file over the limit is refused from its size (a
// gzip file's from its trailer) without reading it into memory.
func TestOversizeNotRead(t *testing.T) {
	dir := t.TempDir()
	const limit = 8 << 20
	plain := filepath.Join(dir, "big.txt")
	f, err := os.Create(plain)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(64 << 20) // sparse: costs no disk
	f.Close()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(bytes.Repeat([]byte("新建农村公路12公里。\n"), (limit*2)/29))
	zw.Close()
	gz := filepath.Join(dir, "big.txt.gz")
	os.WriteFile(gz, buf.Bytes(), 0o644)
	for _, p := range []string{plain, gz} {
		var items []Item
		n := allocated(func() {
			Read(context.Background(), p, nil, Options{MaxBytes: limit}, func(it Item) error {
				items = append(items, it)
				return nil
			})
		})
		if len(items) != 1 || !errors.Is(items[0].Err, errTooLarge) {
			t.Fatalf("%s: items %+v", p, items)
		}
		if n > 1<<20 {
			t.Errorf("%s: %d MB allocated to refuse it (limit %d MB)", filepath.Base(p), n>>20, limit>>20)
		}
	}
}

// TestJSONLLineLimit: a JSONL line over the limit fails alone, the lines
// after it are read, and the line is never held whole (holding it would
// allocate at least its 8 MB; growing a buffer to the 1 MB limit costs
// about twice the limit).
func TestJSONLLineLimit(t *testing.T) {
	const limit = 1 << 20
	long := `{"text":"` + strings.Repeat("公", 8<<20/3) + `"}`
	data := []byte(`{"text":"a"}` + "\n" + long + "\n" + `{"text":"b"}` + "\n")
	var items []Item
	n := allocated(func() { items = readAllItems(t, "l.jsonl", data, Options{MaxBytes: limit}) })
	if len(items) != 3 || items[0].Err != nil || !errors.Is(items[1].Err, errTooLarge) || string(items[2].Data) != "b" {
		t.Fatalf("items %+v", items)
	}
	if n > 6*limit {
		t.Errorf("%d MB allocated for a line of 8 MB with a limit of 1 MB", n>>20)
	}
}
