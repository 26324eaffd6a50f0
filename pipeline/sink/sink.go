// Package sink writes the documents, figures and edits tables as Parquet,
// JSONL or CSV. Files are written under temporary names and renamed only when
// complete, so an interrupted run never leaves a half-written file under a
// final name.
package sink

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

func createTemp(final string) (*tempFile, error) {
	f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", final, err)
	}
	return &tempFile{File: f, final: final}, nil
}

func (t *tempFile) commit() error {
	// CreateTemp makes the file private; outputs are ordinary files.
	if err := t.File.Chmod(0o644); err != nil {
		t.abort()
		return fmt.Errorf("write %s: %w", t.final, err)
	}
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
