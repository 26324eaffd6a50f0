// Package pdftext reads the text layer of PDF files with PDFium, compiled to
// WebAssembly and run by wazero (github.com/klippa-app/go-pdfium), so the
// binary stays pure Go. PDFium starts only when the first PDF arrives, and
// its compiled form is kept in the user cache directory: compiling it takes
// seconds, loading it from the cache a fraction of that.
package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// DefaultTimeout is the default limit on one PDF.
const DefaultTimeout = 60 * time.Second

// Errors a PDF fails with; the documents row carries their text.
var (
	ErrEncrypted = errors.New("encrypted PDF: a password is needed")
	ErrScanned   = errors.New("scanned PDF: no text layer")
	ErrBroken    = errors.New("broken PDF")
	ErrTimeout   = errors.New("PDF took longer than the time limit")
)

// Document is what a PDF holds for the pipeline.
type Document struct {
	// Pages holds each page's text, lines separated by newlines.
	Pages []string
	// Title and Created come from the document information dictionary
	// (Created as RFC 3339, empty when absent or unreadable).
	Title, Created string
}

// Reader extracts text from PDFs. It is safe for concurrent use; the zero
// value is not: use New.
type Reader struct {
	timeout time.Duration
	max     int

	once sync.Once
	pool pdfium.Pool
	err  error
}

// New returns a Reader that gives up on a PDF after timeout (0 means
// DefaultTimeout) and runs at most workers PDFium instances at once (0
// means the number of CPUs).
func New(timeout time.Duration, workers int) *Reader {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return &Reader{timeout: timeout, max: workers}
}

// start compiles (or loads from the cache) and starts PDFium, once.
func (r *Reader) start() error {
	r.once.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			// Lets Kill stop a PDF that runs past its time limit.
			WithCloseOnContextDone(true)
		if dir, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(dir, "zhextract", "wazero")
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				rc = rc.WithCompilationCache(cache)
			} else {
				slog.Debug("no compilation cache for PDFium", "dir", dir, "err", err)
			}
		}
		start := time.Now()
		r.pool, r.err = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: r.max, MaxTotal: r.max,
			RuntimeConfig: rc,
			// PDFium reads the PDF from memory: it gets no file system.
			FSConfig: wazero.NewFSConfig(),
			Stdout:   io.Discard, Stderr: io.Discard,
			ReuseWorkers: true,
		})
		if r.err != nil {
			r.err = fmt.Errorf("start PDFium: %w", r.err)
		}
		slog.Debug("PDFium started", "took", time.Since(start))
	})
	return r.err
}

// Close stops PDFium if it was started.
func (r *Reader) Close() error {
	if r.pool == nil {
		return nil
	}
	return r.pool.Close()
}

// Read extracts the text of a PDF. It fails with ErrEncrypted, ErrScanned,
// ErrBroken or ErrTimeout (wrapped with detail), or with ctx's error.
func (r *Reader) Read(ctx context.Context, data []byte) (Document, error) {
	if err := r.start(); err != nil {
		return Document{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	inst, err := r.pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return Document{}, fmt.Errorf("%w (%s, waiting for PDFium)", ErrTimeout, r.timeout)
		}
		return Document{}, fmt.Errorf("PDFium: %w", err)
	}
	type result struct {
		doc Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if p := recover(); p != nil {
				res.err = fmt.Errorf("%w: PDFium failed: %v", ErrBroken, p)
			}
			done <- res
		}()
		res.doc, res.err = read(inst, data)
	}()
	select {
	case res := <-done:
		inst.Close()
		return res.doc, res.err
	case <-ctx.Done():
		// Stops the WebAssembly run; the pool makes a fresh instance.
		inst.Kill()
		<-done
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Document{}, fmt.Errorf("%w (%s)", ErrTimeout, r.timeout)
		}
		return Document{}, ctx.Err()
	}
}

func read(inst pdfium.Pdfium, data []byte) (Document, error) {
	var out Document
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdferr.ErrPassword), errors.Is(err, pdferr.ErrSecurity):
			return out, ErrEncrypted
		default:
			return out, fmt.Errorf("%w: %v", ErrBroken, err)
		}
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return out, fmt.Errorf("%w: %v", ErrBroken, err)
	}
	if n.PageCount == 0 {
		return out, fmt.Errorf("%w: no pages", ErrBroken)
	}
	chars := 0
	for i := 0; i < n.PageCount; i++ {
		t, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			return out, fmt.Errorf("%w: page %d: %v", ErrBroken, i+1, err)
		}
		out.Pages = append(out.Pages, t.Text)
		chars += len(strings.TrimSpace(t.Text))
	}
	if chars == 0 {
		return out, ErrScanned
	}
	tags := []string{"Title", "CreationDate"}
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: doc.Document, Tags: &tags}); err == nil {
		for _, t := range md.Tags {
			switch t.Tag {
			case "Title":
				out.Title = strings.TrimSpace(t.Value)
			case "CreationDate":
				out.Created = pdfDate(t.Value)
			}
		}
	}
	return out, nil
}

// pdfDate converts a PDF date ("D:20240115093000+08'00'") to RFC 3339.
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := s
	if i := strings.IndexAny(s, "Zz+-"); i >= 0 {
		digits = s[:i]
	}
	// A partial date-time (YYYY, YYYYMM, ...) defaults to the start of it.
	if len(digits) < 4 || len(digits) > 14 || len(digits)%2 != 0 {
		return ""
	}
	pad := digits + "0101000000"[len(digits)-4:]
	zone := "Z"
	if rest := s[len(digits):]; len(rest) >= 3 && (rest[0] == '+' || rest[0] == '-') {
		z := strings.NewReplacer("'", "").Replace(rest)
		if len(z) >= 5 {
			zone = z[:3] + ":" + z[3:5]
		} else {
			zone = z[:3] + ":00"
		}
	}
	t, err := time.Parse("20060102150405Z07:00", pad+zone)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
