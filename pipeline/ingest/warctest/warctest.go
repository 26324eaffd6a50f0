// Package warctest writes WARC files for tests and benchmarks with the same
// WARC library zhextract reads them with (github.com/nlnwa/gowarc), as a
// crawler would: HTTP responses with their headers, requests, metadata,
// one gzip member per record or several records to a member.
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http/httputil"
	"sort"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// Record is one record to write.
type Record struct {
	Type gowarc.RecordType // gowarc.Response when zero
	ID   string            // the uuid part of WARC-Record-ID
	URI  string
	Date time.Time
	// Status and Header make the HTTP response head ("200 OK" when empty);
	// Body is the payload as sent (already chunked or compressed if the
	// header says so).
	Status string
	Header map[string]string
	Body   []byte
	// Block, when set, is the whole content block instead (non-HTTP
	// records such as warcinfo).
	Block       []byte
	ContentType string // of Block
}

// Chunk encodes b with HTTP chunked transfer coding in chunks of n bytes.
func Chunk(b []byte, n int) []byte {
	var out bytes.Buffer
	w := httputil.NewChunkedWriter(&out)
	for len(b) > 0 {
		k := min(n, len(b))
		w.Write(b[:k])
		b = b[k:]
	}
	w.Close()
	out.WriteString("\r\n")
	return out.Bytes()
}

// Gzip compresses b (a gzip Content-Encoding).
func Gzip(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// Marshal writes one record, uncompressed.
func Marshal(w io.Writer, r Record) error {
	t := r.Type
	if t == 0 {
		t = gowarc.Response
	}
	rb := gowarc.NewRecordBuilder(t, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
	id := r.ID
	if id == "" {
		id = "00000000-0000-4000-8000-000000000000"
	}
	rb.AddWarcHeader(gowarc.WarcRecordID, "<urn:uuid:"+id+">")
	date := r.Date
	if date.IsZero() {
		date = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	}
	rb.AddWarcHeaderTime(gowarc.WarcDate, date)
	if r.URI != "" {
		rb.AddWarcHeader(gowarc.WarcTargetURI, r.URI)
	}
	if r.Block != nil {
		ct := r.ContentType
		if ct == "" {
			ct = "application/warc-fields"
		}
		rb.AddWarcHeader(gowarc.ContentType, ct)
		rb.Write(r.Block)
	} else {
		ct := "application/http;msgtype=response"
		if t == gowarc.Request {
			ct = "application/http;msgtype=request"
		}
		rb.AddWarcHeader(gowarc.ContentType, ct)
		var head strings.Builder
		if t == gowarc.Request {
			head.WriteString("GET / HTTP/1.1\r\n")
		} else {
			st := r.Status
			if st == "" {
				st = "200 OK"
			}
			head.WriteString("HTTP/1.1 " + st + "\r\n")
		}
		keys := make([]string, 0, len(r.Header))
		for k := range r.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&head, "%s: %s\r\n", k, r.Header[k])
		}
		if _, ok := r.Header["Content-Length"]; !ok && r.Header["Transfer-Encoding"] == "" {
			fmt.Fprintf(&head, "Content-Length: %d\r\n", len(r.Body))
		}
		head.WriteString("\r\n")
		rb.WriteString(head.String())
		rb.Write(r.Body)
	}
	rec, _, err := rb.Build()
	if err != nil {
		return fmt.Errorf("build record %s: %w", id, err)
	}
	defer rec.Close()
	_, _, err = gowarc.NewMarshaler().Marshal(w, rec, 0)
	return err
}

// Write writes records as a WARC file: uncompressed when groups is 0,
// else gzipped with groups records to each gzip member (1 is how crawlers
// write .warc.gz). It returns the offset of each record's start in the
// output (of its member when gzipped).
func Write(w io.Writer, recs []Record, groups int) ([]int64, error) {
	cw := &counter{w: w}
	var offsets []int64
	if groups == 0 {
		for _, r := range recs {
			offsets = append(offsets, cw.n)
			if err := Marshal(cw, r); err != nil {
				return nil, err
			}
		}
		return offsets, nil
	}
	for i := 0; i < len(recs); i += groups {
		start := cw.n
		zw := gzip.NewWriter(cw)
		for _, r := range recs[i:min(i+groups, len(recs))] {
			offsets = append(offsets, start)
			if err := Marshal(zw, r); err != nil {
				return nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
	}
	return offsets, nil
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
