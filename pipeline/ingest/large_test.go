package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStreamBytes: a plain-text file above Options.StreamBytes is handed
// on open (Item.Large, no Data) and reads back as its bytes; HTML, gzip,
// JSONL, PDF, small files, and every file when StreamBytes is 0 are read
// as before.
func TestStreamBytes(t *testing.T) {
	text := bytes.Repeat([]byte("全市新建农村公路1234公里，完成投资35亿元。\n"), 2000) // about 120 KB
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(text)
	zw.Close()
	tests := []struct {
		name   string
		data   []byte
		stream int64
		large  bool
	}{
		{"big.txt", text, 64 << 10, true},
		{"noext", text, 64 << 10, true},
		{"small.txt", text[:32<<10], 64 << 10, false},
		{"off.txt", text, 0, false},
		{"page.html", append([]byte("<html><body>"), text...), 64 << 10, false},
		{"sniffed", append([]byte("<!DOCTYPE html><html>"), text...), 64 << 10, false},
		{"big.txt.gz", gz.Bytes(), 1 << 10, false},
		{"misnamed.txt", gz.Bytes(), 1 << 10, false},
		{"report.pdf", append([]byte("%PDF-1.4\n"), text...), 64 << 10, false},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		var items []Item
		err := Read(context.Background(), path, nil, Options{StreamBytes: tc.stream}, func(it Item) error {
			items = append(items, it)
			return nil
		})
		if err != nil || len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %v %+v", tc.name, err, items)
		}
		it := items[0]
		if (it.Large != nil) != tc.large {
			t.Errorf("%s: handed on open %v, want %v", tc.name, it.Large != nil, tc.large)
			continue
		}
		if !tc.large {
			continue
		}
		if it.Data != nil || it.Format != FormatText || it.Bytes() != int64(len(tc.data)) {
			t.Errorf("%s: data %d bytes, format %s, size %d", tc.name, len(it.Data), it.Format, it.Bytes())
		}
		got, err := it.Large.ReadAll()
		if err != nil || !bytes.Equal(got, tc.data) {
			t.Errorf("%s: read back %d bytes, %v", tc.name, len(got), err)
		}
		it.Large.Close()
	}
}

// TestLargeGrew: a file handed on open that grows past the size limit
// before it is read fails to read rather than being read whole.
func TestLargeGrew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "grows.txt")
	if err := os.WriteFile(path, bytes.Repeat([]byte("公路\n"), 40000), 0o644); err != nil {
		t.Fatal(err)
	}
	var it Item
	err := Read(context.Background(), path, nil, Options{StreamBytes: 64 << 10, MaxBytes: 300 << 10}, func(i Item) error {
		it = i
		return nil
	})
	if err != nil || it.Large == nil {
		t.Fatalf("not handed on open: %v", err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(bytes.Repeat([]byte("公路\n"), 40000))
	f.Close()
	if _, err := it.Large.ReadAll(); err == nil || !strings.Contains(err.Error(), "size limit") {
		t.Errorf("read %v, want the size limit's error", err)
	}
}
