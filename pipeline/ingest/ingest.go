// Package ingest turns command-line inputs (files, folders, globs, stdin) into
// a deterministic stream of raw documents: one per file, one per JSONL line.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// Format says how a document's bytes are to be read.
const (
	FormatText = "text"
	FormatHTML = "html"
	FormatPDF  = "pdf"
)

// Item is one raw input document. Err is set when the document could not be
// read; it still flows through the pipeline so that it gets a documents row.
type Item struct {
	Source string // file path, "path:LINE" for a JSONL line, or "-" for stdin
	ID     string // doc_id: the JSONL id, else derived from Source
	Format string
	URL    string
	Data   []byte
	Err    error
	// FetchedAt is when a crawler fetched the document (RFC 3339; WARC-Date).
	FetchedAt string
	// Charset is the charset the transport declared (HTTP Content-Type).
	Charset string
	// Transcoded names the encoding a JSONL file was read in ("utf-16le",
	// "utf-32be"; empty for UTF-8): its lines reach Data as UTF-8.
	Transcoded string
	// Warning notes something the row's reader should know about a
	// document that was processed all the same (a duplicate id).
	Warning string
	// Large, set instead of Data, is a plain-text file above
	// Options.StreamBytes, read by the decode stage.
	Large *Large
	// givenID says ID came from the input (a JSONL id), not from Source.
	givenID bool
}

// Bytes is the size of the document's input: Data's, or the Large file's.
func (it *Item) Bytes() int64 {
	if it.Large != nil {
		return it.Large.Size()
	}
	return int64(len(it.Data))
}

// Options bound what ingest reads.
type Options struct {
	// MaxBytes caps one document (after decompression); larger ones fail.
	MaxBytes int64
	// Skip, when set, is asked before reading a source whether to skip it
	// (used by --resume and --shard).
	Skip func(source string) bool
	// Exclude names directories not to descend into (the output directory).
	Exclude []string
	// Skipped, when set, is told of each WARC record that is no document
	// (not a response, not a text, HTML or PDF payload) and why.
	Skipped func(source, reason string)
	// IDs, when set, makes the ids JSONL lines give unique across every
	// Read that shares it (one run).
	IDs *IDSet

	// StreamBytes, when positive, is the size above which a plain-text
	// file (not gzip) is handed on open, as Item.Large, instead of read.
	StreamBytes int64

	sizeHint int64 // the content's size when known before reading (gzip)
}

// DefaultMaxBytes is the default per-document size limit.
const DefaultMaxBytes = 256 << 20

// DocID derives a stable document id from a source name.
func DocID(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:8])
}

// Expand resolves inputs to a de-duplicated list of paths ("-" kept as
// is), in the order Walk gives them. A path that neither exists nor matches
// as a glob is reported in missing.
func Expand(inputs []string, exclude []string) (paths []string, missing []error) {
	missing, _ = Walk(inputs, exclude, func(p string) error {
		paths = append(paths, p)
		return nil
	})
	return paths, missing
}

// Walk calls emit for each path that inputs name, in order and each once:
// files as given, folders walked in lexical order (hidden entries, the
// exclude folders and files that are not documents left out), globs
// expanded and sorted. It keeps only the inputs in memory, never the list
// of files, so a folder of millions of documents streams. A path that
// neither exists nor matches as a glob is reported in missing; Walk stops
// with emit's error.
func Walk(inputs []string, exclude []string, emit func(path string) error) (missing []error, err error) {
	return WalkNoting(inputs, exclude, emit, nil)
}

// WalkNoting is Walk that tells skipped of each entry of a walked folder
// left out for what it is rather than for its name: a FIFO, socket or
// device (reading one could block the run or never end), a symlink to a
// folder (not followed, so a link cannot make a loop) or a symlink that
// leads nowhere. A symlink to a file is followed: it is read under the
// link's own path.
func WalkNoting(inputs []string, exclude []string, emit func(path string) error, skipped func(path, reason string)) (missing []error, err error) {
	if skipped == nil {
		skipped = func(string, string) {}
	}
	cwd, _ := os.Getwd()
	abs := func(p string) string {
		if filepath.IsAbs(p) || cwd == "" {
			return filepath.Clean(p)
		}
		return filepath.Join(cwd, p)
	}
	ex := map[string]bool{}
	for _, e := range exclude {
		ex[abs(e)] = true
	}
	// Duplicates are found without a set of every file: a file given on
	// its own is remembered (inputs are few), and a folder is skipped where
	// it lies inside one walked before.
	explicit := map[string]bool{}
	var roots []string
	under := func(a string) bool {
		for _, r := range roots {
			if a == r || strings.HasPrefix(a, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	stdin := false
	for _, in := range inputs {
		if in == "-" {
			if !stdin {
				stdin = true
				if err := emit(in); err != nil {
					return missing, err
				}
			}
			continue
		}
		matches := []string{in}
		if _, err := os.Stat(in); err != nil {
			if strings.ContainsAny(in, "*?[") {
				m, gerr := filepath.Glob(in)
				if gerr != nil {
					missing = append(missing, fmt.Errorf("input %s: bad pattern: %w", in, gerr))
					continue
				}
				if len(m) == 0 {
					missing = append(missing, fmt.Errorf("input %s: no file matches", in))
					continue
				}
				sort.Strings(m)
				matches = m
			} else {
				missing = append(missing, fmt.Errorf("input %s: %w", in, errors.Unwrap(err)))
				continue
			}
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				missing = append(missing, fmt.Errorf("input %s: %w", m, err))
				continue
			}
			a := abs(m)
			if !st.IsDir() {
				if explicit[a] || under(a) {
					continue
				}
				explicit[a] = true
				if err := emit(sourceName(cwd, m)); err != nil {
					return missing, err
				}
				continue
			}
			if under(a) {
				continue // walked already, as or inside an earlier folder
			}
			earlier := roots
			var emitErr error
			// WalkDir visits in lexical order, which keeps runs deterministic.
			werr := filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					missing = append(missing, fmt.Errorf("input %s: %w", p, err))
					return nil
				}
				name := d.Name()
				if p != m && strings.HasPrefix(name, ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					if len(ex) > 0 || len(earlier) > 0 {
						ap := abs(p)
						if ex[ap] || p != m && slices.Contains(earlier, ap) {
							return filepath.SkipDir
						}
					}
					return nil
				}
				if !DocumentName(name) {
					return nil
				}
				if !d.Type().IsRegular() {
					if reason := notRegular(p, d.Type()); reason != "" {
						skipped(p, reason)
						return nil
					}
				}
				if len(explicit) > 0 && explicit[abs(p)] {
					return nil
				}
				if emitErr = emit(sourceName(cwd, p)); emitErr != nil {
					return filepath.SkipAll
				}
				return nil
			})
			if emitErr != nil {
				return missing, emitErr
			}
			if werr != nil {
				missing = append(missing, fmt.Errorf("input %s: %w", m, werr))
			}
			roots = append(roots, a)
		}
	}
	return missing, nil
}

// Reasons an entry of a walked folder is skipped, as WalkNoting reports them.
const (
	SkipSpecial     = "FIFO, socket or device"
	SkipFolderLink  = "symlink to a folder (not followed)"
	SkipBrokenLink  = "symlink that leads nowhere"
	SkipSpecialLink = "symlink to a FIFO, socket or device"
)

// notRegular says why a folder entry that is no regular file is skipped,
// or "" for a symlink to a regular file, which is read.
func notRegular(p string, mode fs.FileMode) string {
	if mode&fs.ModeSymlink == 0 {
		return SkipSpecial
	}
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return SkipBrokenLink
	case st.IsDir():
		return SkipFolderLink
	case !st.Mode().IsRegular():
		return SkipSpecialLink
	}
	return ""
}

// Read streams the documents held by path ("-" is stdin) to emit, in order.
// Errors reading one document become Items with Err set; Read itself fails
// only when emit does or ctx is cancelled.
func Read(ctx context.Context, path string, stdin io.Reader, opt Options, emit func(Item) error) error {
	if path == "-" {
		return ReadFrom(ctx, path, stdin, opt, emit)
	}
	// The source names the document in every table and in --resume: valid
	// UTF-8 whatever the bytes of the file's name.
	src := EscapeName(path)
	if opt.Skip != nil && !perRecord(src) && opt.Skip(src) {
		return nil
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	// The common case, a plain document file within the limit, is read in
	// one pass of raw system calls (open, fstat, a read that gets the
	// stated size, close): over many small files the calls were most of
	// the reader's time, and a stat before the open looked the path up
	// twice. Anything else (gzip, a file that grew, an error, a file that
	// is not regular) takes the path below, which looks at the file again
	// as it always did.
	// A file above the streaming size is left to the path below, which may
	// hand it on open (Item.Large).
	plain := !isWARCName(path) && !isJSONLName(strings.TrimSuffix(path, ".gz"))
	regular := false // openPlain found a regular file: no need to stat it
	if plain {
		if o, ok := openPlain(path); ok && o.regular {
			regular = true
			var data []byte
			read := false
			if o.size <= opt.MaxBytes && !(opt.StreamBytes > 0 && o.size > opt.StreamBytes) {
				data, read = o.read()
			}
			o.close()
			if read && (len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b) {
				return emit(Item{Source: src, ID: DocID(src), Data: data, Format: formatOf(path, data)})
			}
		} else if ok {
			// Kept open until Read returns: a FIFO then always has a
			// reader, so a writer that this open let through never
			// writes to a pipe without one before readSpecial opens it.
			defer o.close()
		}
	}
	if !regular {
		// What openPlain could not open or found no regular file, and
		// WARC and JSONL files: stated first, as they always were.
		st, err := os.Stat(path)
		if err == nil && !st.Mode().IsRegular() && !st.IsDir() {
			return readSpecial(ctx, path, src, opt, emit)
		}
		streamable := opt.StreamBytes > 0 && st != nil && st.Size() > opt.StreamBytes
		if err == nil && st.Mode().IsRegular() && st.Size() <= opt.MaxBytes && !streamable && plain {
			if data, ok := readPlain(path, st.Size()); ok && (len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b) {
				return emit(Item{Source: src, ID: DocID(src), Data: data, Format: formatOf(path, data)})
			}
		}
	}
	f, err := openFile(path)
	if err != nil {
		return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("open: %w", err)})
	}
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	if isWARCName(path) {
		return readWARC(ctx, src, f, opt, emit)
	}
	jsonl := isJSONLName(strings.TrimSuffix(path, ".gz"))
	fi, statErr := f.Stat()
	if statErr == nil && fi.Mode().IsRegular() && !jsonl {
		// An oversized file is refused from its size, before any of it is
		// read (a gzip file by the size its trailer records).
		if size, gz := uncompressedSize(f, fi.Size()); size > opt.MaxBytes {
			what := "document"
			if gz {
				what = "gzip content"
			}
			return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("read: %w (%s of %s > %s)", errTooLarge, what, mb(size), mb(opt.MaxBytes))})
		} else if gz {
			opt.sizeHint = size
		}
	}
	if statErr == nil && fi.Mode().IsRegular() && opt.StreamBytes > 0 && fi.Size() > opt.StreamBytes && fi.Size() <= opt.MaxBytes && !jsonl {
		var head [1024]byte
		n, _ := f.ReadAt(head[:], 0)
		if h := head[:n]; n == len(head) && (h[0] != 0x1f || h[1] != 0x8b) && formatOf(path, h) == FormatText {
			it := Item{Source: src, ID: DocID(src), Format: FormatText, Large: newLarge(f, fi.Size(), opt.MaxBytes)}
			f = nil // the item owns it now
			return emit(it)
		}
	}
	// A plain file of known size is read in one call into a buffer of its
	// size; gzip and JSONL go through the streaming reader.
	if statErr == nil && fi.Mode().IsRegular() && fi.Size() <= opt.MaxBytes && !jsonl {
		data := make([]byte, fi.Size())
		n, err := io.ReadFull(f, data)
		var one [1]byte
		if err == nil {
			// The file may have grown since Stat: then stream it.
			if m, _ := f.Read(one[:]); m > 0 {
				err = errGrew
			}
		}
		if err == nil || errors.Is(err, io.ErrUnexpectedEOF) || (errors.Is(err, io.EOF) && n == 0) {
			data = data[:n]
			if n < 2 || data[0] != 0x1f || data[1] != 0x8b {
				return emit(Item{Source: src, ID: DocID(src), Data: data, Format: formatOf(path, data)})
			}
		}
		// Gzip, or a read error: start again on the streaming path.
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("read: %w", err)})
		}
	}
	return ReadFrom(ctx, src, f, opt, emit)
}

// readSpecial reads a FIFO, device or other file that is not regular,
// named on the command line, so that cancelling ctx stops it: opening a
// FIFO waits for a writer and a read waits for data, and both give way to
// ctx. A document cut short by ctx carries ctx's error, so that a stopped
// run leaves it for --resume.
func readSpecial(ctx context.Context, path, src string, opt Options, emit func(Item) error) error {
	f, err := openCancellable(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("open: %w", err)})
	}
	defer f.Close()
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Now()) })
	defer stop()
	return ReadFrom(ctx, src, f, opt, func(it Item) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(it)
	})
}

// ReadFrom is Read for content that has already been opened, e.g. by another
// file system; source names it and decides its format.
func ReadFrom(ctx context.Context, source string, r io.Reader, opt Options, emit func(Item) error) error {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Skip != nil && !perRecord(source) && opt.Skip(source) {
		return nil
	}
	if isWARCName(source) {
		return readWARC(ctx, source, r, opt, emit)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	name := strings.TrimSuffix(source, ".gz")
	// Decompress by magic number, not only by suffix: scraped files are often
	// misnamed.
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return emit(Item{Source: source, ID: DocID(source), Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	if isJSONLName(name) || (source == "-" && looksJSONL(br)) {
		return readJSONL(ctx, source, br, opt, emit)
	}
	data, err := readAll(br, opt.MaxBytes, opt.sizeHint)
	it := Item{Source: source, ID: DocID(source), Data: data, Format: formatOf(name, data)}
	if err != nil {
		it.Err = fmt.Errorf("read: %w", err)
	}
	return emit(it)
}

// DocumentName reports whether a file found while walking a folder is taken
// as input: text, HTML, JSONL, WARC and PDF files (optionally gzipped) and
// files without an extension. Other files in a folder (images, answer keys, CSVs) are left
// alone; a file named explicitly is always read.
func DocumentName(name string) bool {
	low := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(low) {
	case "", ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".warc", ".pdf":
		return true
	}
	return false
}

func isJSONLName(p string) bool {
	p = strings.ToLower(strings.TrimSuffix(p, ".gz"))
	return strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson")
}

func looksJSONL(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	return len(head) > 0 && head[0] == '{'
}

func formatOf(name string, data []byte) string {
	low := strings.ToLower(name)
	if strings.HasSuffix(low, ".pdf") || bytes.HasPrefix(data, []byte("%PDF-")) {
		return FormatPDF
	}
	if strings.HasSuffix(low, ".html") || strings.HasSuffix(low, ".htm") || strings.HasSuffix(low, ".xhtml") {
		return FormatHTML
	}
	if strings.HasSuffix(low, ".txt") {
		return FormatText
	}
	return Sniff(data)
}

// Sniff guesses text or HTML from content, for stdin and unknown extensions.
func Sniff(data []byte) string {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	h := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff\xef\xbb\xbf"))
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<meta"), []byte("<body")} {
		if bytes.HasPrefix(h, p) {
			return FormatHTML
		}
	}
	return FormatText
}

var (
	errTooLarge = errors.New("document larger than the size limit (--max-mb)")
	errGrew     = errors.New("file grew while read")
)

// readAll reads r whole, failing once it passes max bytes: it stops
// reading there. hint, when known (a gzip trailer's size), sizes the
// buffer, so the document is held once and not in a series of doublings.
func readAll(r io.Reader, max, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 && hint <= max {
		buf.Grow(int(hint) + 1)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return buf.Bytes(), err
	}
	if int64(buf.Len()) > max {
		return nil, fmt.Errorf("%w (more than %s)", errTooLarge, mb(max))
	}
	return buf.Bytes(), nil
}

// mb spells a byte count for an error message.
func mb(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// uncompressedSize is the size of a regular file's content: its size, or
// for a gzip file the ISIZE of its trailer (the last member's length mod
// 2^32: never more than the whole content, so a limit it passes is passed).
// It leaves the file at its start.
func uncompressedSize(f *os.File, size int64) (n int64, gz bool) {
	var head [2]byte
	if size < 18 {
		return size, false
	}
	if _, err := f.ReadAt(head[:], 0); err != nil || head[0] != 0x1f || head[1] != 0x8b {
		return size, false
	}
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], size-4); err != nil {
		return 0, true
	}
	return int64(binary.LittleEndian.Uint32(tail[:])), true
}

// readLine reads one line without its newline, failing lines over max bytes
// (after consuming them, so the next line still reads).
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	tooLarge := false
	for {
		chunk, err := br.ReadSlice('\n')
		// The limit is checked before a chunk is kept: the rest of an
		// oversized line is read past, never held.
		if !tooLarge {
			if int64(len(buf)+len(bytes.TrimSuffix(chunk, []byte{'\n'}))) > max {
				tooLarge, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLarge {
			if err == nil || err == io.EOF {
				return []byte{'x'}, errTooLarge
			}
			return nil, err
		}
		buf = bytes.TrimSuffix(buf, []byte{'\n'})
		buf = bytes.TrimSuffix(buf, []byte{'\r'})
		return buf, err
	}
}
