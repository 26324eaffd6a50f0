package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	gowarc "github.com/nlnwa/gowarc/v3"
)

// isWARCName reports whether path names a WARC file (.warc, .warc.gz).
func isWARCName(p string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimSuffix(p, ".gz")), ".warc")
}

// perRecord reports whether a file holds many documents, each with its own
// source name (a JSONL line, a WARC record): --shard and --resume then
// decide per document, not per file.
func perRecord(p string) bool { return isJSONLName(p) || isWARCName(p) }

// warcBufferMem caps the memory one record's block may hold before the
// WARC library spills it to a temporary file: a record of a video must
// not cost its size in memory.
const warcBufferMem = 4 << 20

// countingReader counts the bytes read from the file, for record offsets.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readWARC streams the records of a WARC file: each response with an HTML,
// text or PDF payload becomes an Item named FILE#OFFSET, where OFFSET is
// the byte offset of the record (or of its gzip member) in the file, so
// that a reader can fetch it again with a range request. Other records are
// reported to opt.Skipped. A record that cannot be read ends the file with
// a failed Item: the records before it are kept.
//
// Gzip members are undone here rather than by the WARC library, which
// would drop every record after the first of a member holding several
// (a WARC gzipped whole). Such a record is named FILE#OFFSET+N, N being
// its offset in the member's uncompressed bytes.
func readWARC(ctx context.Context, source string, r io.Reader, opt Options, emit func(Item) error) error {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, 64<<10)
	pos := func() int64 { return cr.n - int64(br.Buffered()) }
	u := gowarc.NewUnmarshaler(gowarc.WithBufferMaxMemBytes(warcBufferMem))
	fail := func(src string, err error) error {
		return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("warc %s: %w", src, err)})
	}
	var zr *gzip.Reader
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		head, err := br.Peek(2)
		if len(head) == 0 && errors.Is(err, io.EOF) {
			return nil
		}
		member := pos()
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			// Uncompressed records, read up to the next gzip member or the end.
			stop, err := readRecords(ctx, source, "", member, br, pos, u, opt, emit)
			if err != nil || stop {
				return err
			}
			continue
		}
		if zr == nil {
			zr, err = gzip.NewReader(br)
		} else {
			err = zr.Reset(br)
		}
		if err != nil {
			return fail(fmt.Sprintf("%s#%d", source, member), fmt.Errorf("gzip: %w", err))
		}
		zr.Multistream(false)
		zc := &countingReader{r: zr}
		zb := bufio.NewReaderSize(zc, 64<<10)
		zpos := func() int64 { return zc.n - int64(zb.Buffered()) }
		stop, err := readRecords(ctx, source, fmt.Sprintf("%s#%d", source, member), 0, zb, zpos, u, opt, emit)
		if err != nil || stop {
			return err
		}
	}
}

// readRecords reads the records of one stretch of uncompressed WARC bytes
// (a gzip member, or a plain file). member, when set, names the gzip member
// the records come from. It stops (stop true) after a record that could
// not be read.
func readRecords(ctx context.Context, source, member string, base int64, br *bufio.Reader, pos func() int64, u gowarc.Unmarshaler, opt Options, emit func(Item) error) (stop bool, err error) {
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		head, perr := br.Peek(5)
		if len(head) == 0 && errors.Is(perr, io.EOF) {
			return false, nil
		}
		if member == "" && len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
			return false, nil // a gzip member follows
		}
		at := pos()
		rec, skipped, validation, uerr := u.Unmarshal(br)
		var src string
		switch {
		case member == "":
			src = fmt.Sprintf("%s#%d", source, base+at+skipped)
		case first && at+skipped == 0:
			src = member
		default:
			src = fmt.Sprintf("%s+%d", member, at+skipped)
		}
		if uerr != nil {
			if rec != nil {
				rec.Close()
			}
			if errors.Is(uerr, io.EOF) && at+skipped > 0 && len(bytes.TrimSpace(head)) == 0 {
				return false, nil // trailing blank bytes
			}
			if errors.Is(uerr, io.EOF) || errors.Is(uerr, io.ErrUnexpectedEOF) {
				uerr = fmt.Errorf("truncated record: %w", uerr)
			}
			return true, emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("warc record %s: %w", src, uerr)})
		}
		if opt.Skip != nil && opt.Skip(src) {
			rec.Close()
			continue
		}
		it, reason := warcItem(src, rec, validation, opt.MaxBytes)
		rec.Close()
		if reason != "" {
			if opt.Skipped != nil {
				opt.Skipped(src, reason)
			}
			continue
		}
		if opt.IDs != nil {
			// The same record can sit in two WARC files of one crawl (a
			// re-fetch, a copy): its doc_id comes from WARC-Record-ID, so
			// it must be made unique like a repeated JSONL id.
			opt.IDs.unique(&it)
		}
		if err := emit(it); err != nil {
			return true, err
		}
		if it.Err != nil && errors.Is(it.Err, errTruncated) {
			return true, nil
		}
	}
}

var errTruncated = errors.New("truncated record")

// warcItem turns one record into an Item, or says why it is no document.
func warcItem(src string, rec gowarc.WarcRecord, validation []error, maxBytes int64) (it Item, skip string) {
	h := rec.WarcHeader()
	id := h.Get(gowarc.WarcRecordID)
	if id == "" {
		id = src
	}
	it = Item{Source: src, ID: DocID(id), URL: h.Get(gowarc.WarcTargetURI)}
	if t, err := rec.Date(); err == nil {
		it.FetchedAt = t.UTC().Format(time.RFC3339)
	}
	if rec.Type() != gowarc.Response {
		return it, "not a response record (" + rec.Type().String() + ")"
	}
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			it.Err = fmt.Errorf("warc record %s: %w: %d of %d bytes", src, errTruncated, cl.Actual, cl.Expected)
			return it, ""
		}
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return it, "response without an HTTP response block"
	}
	if c := block.HttpStatusCode(); c < 200 || c > 299 {
		return it, "HTTP status " + strconv.Itoa(c)
	}
	hdr := block.HttpHeader()
	if hdr == nil {
		hdr = &http.Header{}
	}
	media, params, _ := mime.ParseMediaType(hdr.Get("Content-Type"))
	if media != "" && media != "application/octet-stream" {
		// Known not to be a document: skip it before reading its payload.
		if _, skip := payloadFormat(media, []byte{' '}); skip != "" {
			return it, skip
		}
	}
	body, err := block.PayloadBytes()
	if err != nil {
		it.Err = fmt.Errorf("warc record %s: payload: %w", src, err)
		return it, ""
	}
	raw, err := readAll(body, maxBytes, 0)
	if err != nil {
		it.Err = fmt.Errorf("warc record %s: payload: %w", src, err)
		return it, ""
	}
	data, err := undoEncodings(raw, *hdr, chunked(block.ProtocolHeaderBytes()), maxBytes)
	if err != nil {
		it.Err = fmt.Errorf("warc record %s: %w", src, err)
		return it, ""
	}
	it.Format, skip = payloadFormat(media, data)
	if skip != "" {
		return it, skip
	}
	it.Charset = params["charset"]
	it.Data = data
	return it, ""
}

// undoEncodings removes HTTP chunked transfer coding and gzip, deflate or
// br content coding. Crawlers differ in whether they store the body as sent
// or decoded (with the header left in place), so a coding whose bytes do
// not read as such is taken as already undone.
func undoEncodings(data []byte, h http.Header, isChunked bool, maxBytes int64) ([]byte, error) {
	if isChunked {
		if d, err := readAll(httputil.NewChunkedReader(bytes.NewReader(data)), maxBytes, 0); err == nil {
			data = d
		} else if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("payload: %w", err)
		}
	}
	codings := strings.Split(strings.ToLower(h.Get("Content-Encoding")), ",")
	for i := len(codings) - 1; i >= 0; i-- {
		var r io.Reader
		var err error
		switch strings.TrimSpace(codings[i]) {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
				continue
			}
			r, err = gzip.NewReader(bytes.NewReader(data))
		case "deflate":
			// Servers send zlib-wrapped or raw deflate under this name.
			if zr, zerr := zlib.NewReader(bytes.NewReader(data)); zerr == nil {
				r = zr
			} else {
				r = flate.NewReader(bytes.NewReader(data))
			}
		case "br":
			r = brotli.NewReader(bytes.NewReader(data))
		default:
			return nil, fmt.Errorf("unknown content encoding %q", codings[i])
		}
		if err != nil {
			return nil, fmt.Errorf("content encoding %s: %w", codings[i], err)
		}
		d, err := readAll(r, maxBytes, 0)
		if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("payload: %w", err)
		}
		if err != nil {
			if looksDecoded(data) {
				continue // stored decoded
			}
			return nil, fmt.Errorf("content encoding %s: %w", strings.TrimSpace(codings[i]), err)
		}
		data = d
	}
	return data, nil
}

// looksDecoded reports whether a body that failed to decode reads as a
// document already: text, HTML or PDF rather than compressed bytes.
func looksDecoded(data []byte) bool {
	head := data[:min(len(data), 1024)]
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return true
	}
	if len(head) < len(data) {
		// Cut at a character boundary before checking UTF-8.
		for i := 0; i < 3 && !utf8.Valid(head); i++ {
			head = head[:len(head)-1]
		}
	}
	return utf8.Valid(head) && !bytes.ContainsRune(head, 0)
}

// chunked reports whether an HTTP head declares chunked transfer coding.
// (The parsed header has lost it: net/http moves it out of the header.)
func chunked(head []byte) bool {
	for _, l := range bytes.Split(head, []byte("\n")) {
		name, value, ok := bytes.Cut(l, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Transfer-Encoding") {
			return bytes.Contains(bytes.ToLower(value), []byte("chunked"))
		}
	}
	return false
}

// payloadFormat decides from the media type (sniffing when there is none)
// whether a payload is a document, and which kind.
func payloadFormat(media string, data []byte) (format, skip string) {
	if media == "" || media == "application/octet-stream" {
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return FormatPDF, ""
		}
		media, _, _ = mime.ParseMediaType(http.DetectContentType(data))
	}
	switch media {
	case "text/html", "application/xhtml+xml":
		return FormatHTML, ""
	case "text/plain":
		return FormatText, ""
	case "application/pdf", "application/x-pdf":
		return FormatPDF, ""
	}
	if len(data) == 0 {
		return "", "empty payload"
	}
	return "", "not a text payload (" + media + ")"
}
