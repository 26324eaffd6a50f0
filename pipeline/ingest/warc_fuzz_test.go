package ingest

import (
	"bytes"
	"context"
	"testing"
)

// FuzzReadWARC: any bytes named .warc give items or failed items, never a
// panic, and every item names its record's offset.
func FuzzReadWARC(f *testing.F) {
	for _, groups := range []int{0, 1, 3} {
		var b bytes.Buffer
		if _, err := writeCrawl(&b, groups); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
		f.Add(b.Bytes()[:b.Len()*2/3])
	}
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readWARC(context.Background(), "f.warc", bytes.NewReader(data), Options{MaxBytes: 1 << 20}, func(it Item) error {
			if it.Err == nil && it.Format == "" {
				t.Errorf("%s: item without a format", it.Source)
			}
			if !bytes.HasPrefix([]byte(it.Source), []byte("f.warc#")) {
				t.Errorf("source %q", it.Source)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
