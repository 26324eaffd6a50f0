// Package sink writes the documents, figures and edits tables as Parquet,
// JSONL or CSV. Files are written under temporary names and renamed only when
// complete, so an interrupted run never leaves a half-written file under a
// final name.
package sink

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// Formats are the output formats a run can write.
var Formats = []string{"parquet", "jsonl", "csv"}

// Tables are the output tables, in the order they are written.
var Tables = []string{"documents", "figures", "edits"}

// Writer receives each document's rows, in order.
type Writer interface {
	Write(doc schema.Document, figs []schema.Figure, edits []schema.Edit) error
	// Close completes the files and moves them to their final names.
	Close() error
	// Abort removes the temporary files.
	Abort()
}

// RowsWriter is a Writer that takes a document's figures and edits as
// sequences, read from a large document's temporary files as they are
// written, instead of slices held whole.
type RowsWriter interface {
	WriteRows(doc schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error
}

// WriteRows writes a document's rows to w: streamed when w takes
// sequences, read into slices first otherwise.
func WriteRows(w Writer, doc schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error {
	if rw, ok := w.(RowsWriter); ok {
		return rw.WriteRows(doc, figs, edits)
	}
	f, err := schema.Collect(figs)
	if err != nil {
		return err
	}
	e, err := schema.Collect(edits)
	if err != nil {
		return err
	}
	return w.Write(doc, f, e)
}

// Naming decides output file names: DIR/TABLE[SUFFIX].EXT.
type Naming struct {
	Dir string
	// Suffix distinguishes parts of one output: "-00003-of-00016" for a
	// shard, "-resume-1" for a resumed run.
	Suffix string
}

// Path is the final path of a table in a format.
func (n Naming) Path(table, format string) string {
	return filepath.Join(n.Dir, table+n.Suffix+"."+format)
}

// ParseFormats splits a comma-separated format list and checks each name.
func ParseFormats(list string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || seen[f] {
			continue
		}
		ok := false
		for _, k := range Formats {
			ok = ok || k == f
		}
		if !ok {
			return nil, fmt.Errorf("unknown format %q (valid: %s)", f, strings.Join(Formats, ", "))
		}
		seen[f] = true
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New("no output format given")
	}
	return out, nil
}

// Open creates writers for every format, all writing to temporary files.
func Open(n Naming, formats []string) (Writer, error) {
	if err := os.MkdirAll(n.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	var ws multi
	for _, f := range formats {
		var w Writer
		var err error
		switch f {
		case "parquet":
			w, err = newParquet(n)
		case "jsonl":
			w, err = newJSONL(n)
		case "csv":
			w, err = newCSV(n)
		default:
			err = fmt.Errorf("unknown format %q", f)
		}
		if err != nil {
			ws.Abort()
			return nil, err
		}
		ws = append(ws, w)
	}
	return ws, nil
}

type multi []Writer

func (m multi) Write(d schema.Document, f []schema.Figure, e []schema.Edit) error {
	for _, w := range m {
		if err := w.Write(d, f, e); err != nil {
			return err
		}
	}
	return nil
}

// WriteRows implements RowsWriter: each writer reads the sequences in
// turn (those that take slices get them read once for all of them).
func (m multi) WriteRows(d schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error {
	var f []schema.Figure
	var e []schema.Edit
	collected := false
	for _, w := range m {
		if rw, ok := w.(RowsWriter); ok {
			if err := rw.WriteRows(d, figs, edits); err != nil {
				return err
			}
			continue
		}
		if !collected {
			var err error
			if f, err = schema.Collect(figs); err != nil {
				return err
			}
			if e, err = schema.Collect(edits); err != nil {
				return err
			}
			collected = true
		}
		if err := w.Write(d, f, e); err != nil {
			return err
		}
	}
	return nil
}

func (m multi) Close() error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Close())
	}
	return errors.Join(errs...)
}

func (m multi) Abort() {
	for _, w := range m {
		w.Abort()
	}
}

// tempFile is a file written under a hidden temporary name in the final
// directory (so the rename is atomic) and renamed on commit.
type tempFile struct {
	*os.File
	final string
}

// createTemp creates DIR/.NAME.tmp-RANDOM with mode 0666 less the umask,
// like any file the user's programs create (os.CreateTemp would make it
// 0600, and forcing 0644 would ignore a umask of 002 or 077).
func createTemp(final string) (*tempFile, error) {
	dir, base := filepath.Split(final)
	for range 100 {
		p := filepath.Join(dir, "."+base+tempMark+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", final, err)
		}
		return &tempFile{File: f, final: final}, nil
	}
	return nil, fmt.Errorf("create %s: no free temporary name", final)
}

// tempMark separates a table's file name from the random part of its
// temporary name.
const tempMark = ".tmp-"

// Part is a table file of a run's output: TABLE[-IIIII-of-NNNNN][-resume-K].EXT.
type Part struct {
	Name         string
	Table        string
	Index, Total int // shard, 0 and 0 for an unsharded file
	Resume       int // K of a resumed run's part, 0 for the first run's
	Format       string
}

var partName = regexp.MustCompile(`^(documents|figures|edits)(?:-(\d+)-of-(\d+))?(?:-resume-(\d+))?\.(parquet|jsonl|csv)$`)

// ParsePart reads a table file's name; ok is false for any other file
// (temporary files included).
func ParsePart(name string) (p Part, ok bool) {
	m := partName.FindStringSubmatch(name)
	if m == nil {
		return Part{}, false
	}
	p = Part{Name: name, Table: m[1], Format: m[5]}
	if m[2] != "" {
		p.Index, _ = strconv.Atoi(m[2])
		p.Total, _ = strconv.Atoi(m[3])
	}
	if m[4] != "" {
		p.Resume, _ = strconv.Atoi(m[4])
	}
	return p, true
}

// TempOf reads the name of a table's temporary file (written by
// createTemp: what a killed run leaves behind) and returns the part it was
// to become.
func TempOf(name string) (Part, bool) {
	if !strings.HasPrefix(name, ".") {
		return Part{}, false
	}
	i := strings.LastIndex(name, tempMark)
	if i < 0 {
		return Part{}, false
	}
	return ParsePart(name[1:i])
}

func (t *tempFile) commit() error {
	if err := t.File.Sync(); err != nil {
		t.abort()
		return fmt.Errorf("write %s: %w", t.final, err)
	}
	if err := t.File.Close(); err != nil {
		os.Remove(t.File.Name())
		return fmt.Errorf("write %s: %w", t.final, err)
	}
	if err := os.Rename(t.File.Name(), t.final); err != nil {
		os.Remove(t.File.Name())
		return fmt.Errorf("rename to %s: %w", t.final, err)
	}
	return nil
}

func (t *tempFile) abort() {
	t.File.Close()
	os.Remove(t.File.Name())
}

// commitAll renames complete files to their final names; after a failure the
// rest are removed, so no half-set of tables is left under final names
// beyond what was already renamed.
func commitAll(files []*tempFile) error {
	for i, f := range files {
		if err := f.commit(); err != nil {
			abortAll(files[i+1:])
			return err
		}
	}
	return nil
}

// abortAll removes the temporary files.
func abortAll(files []*tempFile) {
	for _, f := range files {
		if f != nil {
			f.abort()
		}
	}
}

// Rewrite replaces the file at path with what fill writes, through a
// temporary file beside it, so that a crash leaves the old file or the new
// one, never half of either.
func Rewrite(path string, fill func(w io.Writer) error) error {
	t, err := createTemp(path)
	if err != nil {
		return err
	}
	if err := fill(t.File); err != nil {
		t.abort()
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	return t.commit()
}
