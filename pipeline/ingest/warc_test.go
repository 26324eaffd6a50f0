package ingest

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	gowarc "github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/zhextract/zhextract/pipeline/ingest/warctest"
)

func gbk(s string) []byte {
	b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	return b
}

func big5(s string) []byte {
	b, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	return b
}

const pageHTML = "<html><head><title>交通运输</title></head><body><p>全年完成公路投资12.5亿元。</p></body></html>"

// crawl is a small crawl as a crawler writes it: warcinfo, request and
// response pairs, a redirect, an image, a revisit and a PDF.
func crawl() []warctest.Record {
	return []warctest.Record{
		{Type: gowarc.Warcinfo, ID: "10000000-0000-4000-8000-000000000001", Block: []byte("software: test\r\n")},
		{Type: gowarc.Request, ID: "10000000-0000-4000-8000-000000000002", URI: "http://a.gov.cn/1.html"},
		{ID: "10000000-0000-4000-8000-000000000003", URI: "http://a.gov.cn/1.html", Date: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
			Header: map[string]string{"Content-Type": "text/html; charset=utf-8", "Transfer-Encoding": "chunked", "Content-Encoding": "gzip"},
			Body:   warctest.Chunk(warctest.Gzip([]byte(pageHTML)), 7)},
		{ID: "10000000-0000-4000-8000-000000000004", URI: "http://a.gov.cn/old", Status: "301 Moved Permanently", Header: map[string]string{"Location": "/1.html"}},
		{ID: "10000000-0000-4000-8000-000000000005", URI: "http://a.gov.cn/logo.png", Header: map[string]string{"Content-Type": "image/png"}, Body: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
		// GBK bytes, declared.
		{ID: "10000000-0000-4000-8000-000000000006", URI: "http://a.gov.cn/2.txt", Header: map[string]string{"Content-Type": "text/plain; charset=gbk"}, Body: gbk("全年新改建农村公路1.2万公里，完成投资35亿元。")},
		// Big5 bytes under a GBK header: the header lies.
		{ID: "10000000-0000-4000-8000-000000000007", URI: "http://a.gov.tw/3.html", Header: map[string]string{"Content-Type": "text/html; charset=gbk"},
			Body: big5("<html><body><p>全年完成公路投資新臺幣十二億元，較去年增加兩成，並新建橋樑三座，改善偏鄉道路。</p></body></html>")},
		{Type: gowarc.Revisit, ID: "10000000-0000-4000-8000-000000000008", URI: "http://a.gov.cn/1.html", Block: []byte("HTTP/1.1 304 Not Modified\r\n\r\n"), ContentType: "application/http;msgtype=response"},
		{ID: "10000000-0000-4000-8000-000000000009", URI: "http://a.gov.cn/r.pdf", Header: map[string]string{"Content-Type": "application/pdf"}, Body: []byte("%PDF-1.4\n%%EOF\n")},
	}
}

func writeCrawl(w io.Writer, groups int) ([]int64, error) {
	return warctest.Write(w, crawl(), groups)
}

func writeWARC(t *testing.T, name string, recs []warctest.Record, groups int) (string, []int64) {
	t.Helper()
	var buf bytes.Buffer
	offs, err := warctest.Write(&buf, recs, groups)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, offs
}

type readResult struct {
	items   []Item
	skipped map[string]string
}

func readPath(t *testing.T, p string, skip func(string) bool) readResult {
	t.Helper()
	res := readResult{skipped: map[string]string{}}
	opt := Options{Skip: skip, Skipped: func(src, reason string) { res.skipped[src] = reason }}
	if err := Read(context.Background(), p, nil, opt, func(it Item) error {
		res.items = append(res.items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWARCRecords(t *testing.T) {
	for _, tc := range []struct {
		name   string
		groups int
	}{
		{"crawl.warc", 0},
		{"crawl.warc.gz", 1},  // a gzip member per record, as crawlers write
		{"crawl2.warc.gz", 4}, // member boundaries mid-file, several records to a member
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, offs := writeWARC(t, tc.name, crawl(), tc.groups)
			res := readPath(t, p, nil)
			want := []struct {
				rec    int
				format string
			}{{2, FormatHTML}, {5, FormatText}, {6, FormatHTML}, {8, FormatPDF}}
			if len(res.items) != len(want) {
				for _, it := range res.items {
					t.Logf("item %s %s err=%v", it.Source, it.Format, it.Err)
				}
				t.Fatalf("got %d items, want %d (skipped %v)", len(res.items), len(want), res.skipped)
			}
			if len(res.skipped) != 5 {
				t.Errorf("skipped %d records, want 5 (warcinfo, request, redirect, image, revisit): %v", len(res.skipped), res.skipped)
			}
			recs := crawl()
			for i, w := range want {
				it := res.items[i]
				if it.Err != nil {
					t.Errorf("%s: %v", it.Source, it.Err)
				}
				if it.Format != w.format {
					t.Errorf("%s: format %q, want %q", it.Source, it.Format, w.format)
				}
				r := recs[w.rec]
				if it.URL != r.URI {
					t.Errorf("%s: url %q, want %q", it.Source, it.URL, r.URI)
				}
				if it.ID != DocID("<urn:uuid:"+r.ID+">") {
					t.Errorf("%s: doc id %s not from the record id", it.Source, it.ID)
				}
				// The source names the record's offset (of its gzip member,
				// plus the offset inside a member holding several).
				src := strings.TrimPrefix(it.Source, p+"#")
				off, inner, _ := strings.Cut(src, "+")
				if off != itoa(offs[w.rec]) {
					t.Errorf("%s: offset %s, want %d", it.Source, off, offs[w.rec])
				}
				if (inner != "") != (tc.groups > 1 && w.rec%tc.groups != 0) {
					t.Errorf("%s: inner offset %q unexpected", it.Source, inner)
				}
				if tc.groups <= 1 {
					checkRecordAt(t, p, offs[w.rec], r.ID)
				}
			}
			if got := string(res.items[0].Data); got != pageHTML {
				t.Errorf("chunked+gzip body not undone: %q", got)
			}
			if res.items[0].FetchedAt != "2024-05-06T07:08:09Z" {
				t.Errorf("fetched_at %q", res.items[0].FetchedAt)
			}
			if res.items[1].Charset != "gbk" || res.items[2].Charset != "gbk" {
				t.Errorf("charsets %q %q, want the header's gbk", res.items[1].Charset, res.items[2].Charset)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// checkRecordAt reads the record at off with the WARC library, as a user
// fetching it again by the source's offset would.
func checkRecordAt(t *testing.T, p string, off int64, id string) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(off, 0); err != nil {
		t.Fatal(err)
	}
	rec, _, _, err := gowarc.NewUnmarshaler().Unmarshal(bufio.NewReader(f))
	if err != nil {
		t.Fatalf("record at %d: %v", off, err)
	}
	defer rec.Close()
	if got := rec.RecordId(); !strings.Contains(got, id) {
		t.Errorf("record at %d is %s, want %s", off, got, id)
	}
}

// A WARC cut off inside its last record keeps every earlier record and
// fails the cut one.
func TestWARCTruncated(t *testing.T) {
	for _, groups := range []int{0, 1} {
		p, offs := writeWARC(t, "cut.warc", crawl(), groups)
		data, _ := os.ReadFile(p)
		last := offs[len(offs)-1]
		cut := last + (int64(len(data))-last)/2
		if err := os.WriteFile(p, data[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		res := readPath(t, p, nil)
		if len(res.items) != 4 {
			t.Fatalf("groups %d: got %d items, want 3 whole and 1 failed", groups, len(res.items))
		}
		for _, it := range res.items[:3] {
			if it.Err != nil {
				t.Errorf("groups %d: %s failed: %v", groups, it.Source, it.Err)
			}
		}
		bad := res.items[3]
		if bad.Err == nil || !strings.Contains(bad.Err.Error(), "truncated") || !strings.HasSuffix(bad.Source, "#"+itoa(last)) {
			t.Errorf("groups %d: last item %s err %v, want a truncated record at %d", groups, bad.Source, bad.Err, last)
		}
	}
}

// --shard and --resume decide per record.
func TestWARCSkipByRecord(t *testing.T) {
	p, offs := writeWARC(t, "s.warc.gz", crawl(), 1)
	res := readPath(t, p, func(src string) bool { return src == p+"#"+itoa(offs[5]) })
	if len(res.items) != 3 {
		t.Fatalf("got %d items, want 3 (one record skipped by the shard)", len(res.items))
	}
	for _, it := range res.items {
		if strings.HasSuffix(it.Source, "#"+itoa(offs[5])) {
			t.Errorf("record %s was to be skipped", it.Source)
		}
	}
}

func TestUndoEncodings(t *testing.T) {
	page := []byte(pageHTML)
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write(page)
	bw.Close()
	var fl bytes.Buffer
	zw, _ := flate.NewWriter(&fl, 5)
	zw.Write(page)
	zw.Close()
	for _, tc := range []struct {
		name     string
		body     []byte
		encoding string
		chunked  bool
		fails    bool
	}{
		{"identity", page, "", false, false},
		{"gzip", warctest.Gzip(page), "gzip", false, false},
		{"br", br.Bytes(), "br", false, false},
		{"raw deflate", fl.Bytes(), "deflate", false, false},
		{"chunked gzip", warctest.Chunk(warctest.Gzip(page), 5), "gzip", true, false},
		{"stored decoded under gzip", page, "gzip", false, false},
		{"stored decoded under br", page, "br", false, false},
		{"stored dechunked", page, "", true, false},
		{"corrupt br", []byte{0xff, 0x00, 0x81, 0x92, 0x00, 0x10}, "br", false, true},
		{"unknown coding", page, "compress", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.encoding != "" {
				h.Set("Content-Encoding", tc.encoding)
			}
			got, err := undoEncodings(tc.body, h, tc.chunked, 1<<20)
			if tc.fails {
				if err == nil {
					t.Errorf("no error, got %q", got)
				}
				return
			}
			if err != nil || !bytes.Equal(got, page) {
				t.Errorf("got %q, %v", got, err)
			}
		})
	}
}
