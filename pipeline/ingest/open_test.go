//go:build unix

package ingest

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadKinds: each kind of path Read is given yields the item it
// always did (data, format and error message), whichever way the file is
// opened and stated; a FIFO named on the command line gets what its writer
// writes.
func TestReadKinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("压缩的文本。"))
	zw.Close()
	sub := filepath.Join(dir, "sub.txt")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path   string
		opt          Options
		data, format string
		err          string
		writer       string // written into the FIFO by another goroutine
	}{
		{name: "text", path: write("a.txt", []byte("全省公路。")), data: "全省公路。", format: FormatText},
		{name: "empty", path: write("e.txt", nil), data: "", format: FormatText},
		{name: "html", path: write("p.html", []byte("<p>正文</p>")), data: "<p>正文</p>", format: FormatHTML},
		{name: "sniffed", path: write("noext", []byte("<!DOCTYPE html><p>x</p>")), data: "<!DOCTYPE html><p>x</p>", format: FormatHTML},
		{name: "gzip", path: write("z.txt.gz", gz.Bytes()), data: "压缩的文本。", format: FormatText},
		{name: "too large", path: write("big.txt", bytes.Repeat([]byte("x"), 100)), opt: Options{MaxBytes: 10},
			err: "read: document larger than the size limit (--max-mb) (document of 100 bytes > 10 bytes)"},
		{name: "missing", path: filepath.Join(dir, "gone.txt"), err: "open: open " + filepath.Join(dir, "gone.txt") + ": no such file or directory"},
		{name: "directory", path: sub, err: "read: read " + sub + ": is a directory", format: FormatText},
		{name: "fifo", path: fifo, writer: "管道里的文本。", data: "管道里的文本。", format: FormatText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.writer != "" {
				go func() {
					f, err := os.OpenFile(tc.path, os.O_WRONLY, 0)
					if err != nil {
						return
					}
					time.Sleep(20 * time.Millisecond) // the reader is open by now
					f.Write([]byte(tc.writer))
					f.Close()
				}()
			}
			var items []Item
			err := Read(t.Context(), tc.path, nil, tc.opt, func(it Item) error {
				items = append(items, it)
				return nil
			})
			if err != nil || len(items) != 1 {
				t.Fatalf("err %v, %d items", err, len(items))
			}
			it := items[0]
			gotErr := ""
			if it.Err != nil {
				gotErr = it.Err.Error()
			}
			if gotErr != tc.err || string(it.Data) != tc.data || it.Format != tc.format {
				t.Errorf("got err %q data %q format %q, want %q %q %q", gotErr, it.Data, it.Format, tc.err, tc.data, tc.format)
			}
			if it.Source != tc.path || it.ID != DocID(tc.path) {
				t.Errorf("source %q id %q", it.Source, it.ID)
			}
		})
	}
}
