// Package results reads back the tables a `zhextract run` wrote to its output
// directory (Parquet, else JSONL), so that verify and report see exactly what
// users load. It loads a run whole: it is meant for QA-scale outputs.
package results

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// Output is the content of one run's output directory.
type Output struct {
	Dir       string
	Format    string // "parquet" or "jsonl"
	Documents []schema.Document
	Figures   []schema.Figure
	Edits     []schema.Edit
	// Files lists the files read, in reading order.
	Files []string
	// NoEdits is set when the directory holds no edits table.
	NoEdits bool
}

// Formats Read understands, in order of preference.
const (
	FormatParquet = "parquet"
	FormatJSONL   = "jsonl"
)

// Table names, the stems of the files a run writes.
const (
	TableDocuments = "documents"
	TableFigures   = "figures"
	TableEdits     = "edits"
)

type part = sink.Part

// Read loads the run output in dir: Parquet when documents*.parquet exist,
// else JSONL. Every part is read: the shard parts of a sharded run and the
// parts that runs with --resume added, in part order. Documents
// and figures tables are required; a missing edits table leaves NoEdits set.
func Read(dir string) (*Output, error) {
	l, err := Locate(dir)
	if err != nil {
		return nil, err
	}
	out := &Output{Dir: dir, Format: l.Format, NoEdits: l.NoEdits}
	for _, table := range []string{TableDocuments, TableFigures, TableEdits} {
		for _, path := range l.Files[table] {
			out.Files = append(out.Files, path)
			var err error
			switch table {
			case TableDocuments:
				out.Documents, err = readFile(path, l.Format, out.Documents)
			case TableFigures:
				out.Figures, err = readFile(path, l.Format, out.Figures)
			case TableEdits:
				out.Edits, err = readFile(path, l.Format, out.Edits)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Layout names the files of one run's output, without reading them.
type Layout struct {
	Dir    string
	Format string // FormatParquet or FormatJSONL
	// Files maps a table name to its files in part order; the parts of
	// every table hold their documents in the same order.
	Files   map[string][]string
	NoEdits bool
}

// Locate finds the tables of the run output in dir, as Read reads them.
func Locate(dir string) (*Layout, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read output %s: %w", dir, err)
	}
	byFormat := map[string]map[string][]part{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		p, ok := sink.ParsePart(e.Name())
		if !ok {
			continue
		}
		if byFormat[p.Format] == nil {
			byFormat[p.Format] = map[string][]part{}
		}
		byFormat[p.Format][p.Table] = append(byFormat[p.Format][p.Table], p)
	}
	format := ""
	for _, f := range []string{FormatParquet, FormatJSONL} {
		if len(byFormat[f][TableDocuments]) > 0 {
			format = f
			break
		}
	}
	if format == "" {
		return nil, fmt.Errorf("read output %s: no documents.parquet or documents.jsonl (nor shard parts of them) found; is this the --out directory of a zhextract run with Parquet or JSONL output?", dir)
	}
	tables := byFormat[format]
	l := &Layout{Dir: dir, Format: format, Files: map[string][]string{}}
	for _, table := range []string{TableDocuments, TableFigures, TableEdits} {
		parts := tables[table]
		if len(parts) == 0 {
			if table == TableEdits {
				l.NoEdits = true
				continue
			}
			return nil, fmt.Errorf("read output %s: %s.%s missing (the documents table is there: an incomplete run?)", dir, table, format)
		}
		if err := checkParts(parts); err != nil {
			return nil, fmt.Errorf("read output %s: %s: %w", dir, table, err)
		}
		for _, p := range parts {
			l.Files[table] = append(l.Files[table], filepath.Join(dir, p.Name))
		}
	}
	return l, nil
}

// checkParts sorts a table's parts (by shard, then the first run's part
// before the parts --resume added) and refuses a mix of sharded and whole
// files or an incomplete shard set: reading those would silently lose or
// double documents.
func checkParts(parts []part) error {
	sort.Slice(parts, func(i, j int) bool {
		if parts[i].Index != parts[j].Index {
			return parts[i].Index < parts[j].Index
		}
		return parts[i].Resume < parts[j].Resume
	})
	total := parts[0].Total
	seen := map[int]bool{}
	for _, p := range parts {
		if (p.Total == 0) != (total == 0) {
			return fmt.Errorf("both a whole file and shard parts are present (%s, %s)", parts[0].Name, p.Name)
		}
		if p.Total != total {
			return fmt.Errorf("shard parts of different runs (%s, %s)", parts[0].Name, p.Name)
		}
		if total > 0 && p.Index >= total {
			return fmt.Errorf("shard part %s out of range", p.Name)
		}
		seen[p.Index] = true
	}
	var missing []int
	for i := 0; i < total; i++ {
		if !seen[i] {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("incomplete shard set: %d of %d parts present, missing part indexes %v", len(seen), total, missing)
	}
	return nil
}

func readFile[T any](path, format string, into []T) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return into, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	switch format {
	case FormatParquet:
		st, err := f.Stat()
		if err != nil {
			return into, fmt.Errorf("read %s: %w", path, err)
		}
		into, err = ReadParquet(f, st.Size(), into)
		if err != nil {
			return into, fmt.Errorf("read %s: %w", path, err)
		}
	default:
		into, err = ReadJSONL(f, into)
		if err != nil {
			return into, fmt.Errorf("read %s: %w", path, err)
		}
	}
	return into, nil
}

// ReadParquet appends the rows of the Parquet file r (of size bytes) to into.
// A corrupt file is an error, never a panic.
func ReadParquet[T any](r io.ReaderAt, size int64, into []T) (rows []T, err error) {
	rows = into
	// parquet-go can panic on malformed pages; these files are user input.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("corrupt parquet file: %v", p)
		}
	}()
	if err := checkFooter(r, size); err != nil {
		return rows, err
	}
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return rows, fmt.Errorf("not a readable parquet file: %w", err)
	}
	rd := parquet.NewGenericReader[T](f)
	defer rd.Close()
	buf := make([]T, 256)
	for {
		n, err := rd.Read(buf)
		rows = append(rows, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, fmt.Errorf("parquet row %d: %w", len(rows), err)
		}
	}
}

// checkFooter checks the framing and the footer of a Parquet file before
// parquet-go sees it: parquet-go allocates every length the file claims (the
// footer's, and each string and list in it) before reading, so a truncated or
// forged file could otherwise ask for gigabytes.
func checkFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("not a parquet file: %d bytes", size)
	}
	var head [4]byte
	var tail [8]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return fmt.Errorf("not a parquet file: %w", err)
	}
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return fmt.Errorf("not a parquet file: %w", err)
	}
	if string(head[:]) != "PAR1" || string(tail[4:]) != "PAR1" {
		return errors.New("not a parquet file (no PAR1 magic at both ends; truncated?)")
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n > size-12 {
		return fmt.Errorf("corrupt parquet file: footer length %d exceeds file size %d (truncated?)", n, size)
	}
	footer := make([]byte, n)
	if _, err := r.ReadAt(footer, size-8-n); err != nil {
		return fmt.Errorf("read parquet footer: %w", err)
	}
	_, err := checkThriftStruct(footer)
	return err
}

// ReadJSONL appends the JSON objects of r, one per line, to into. Blank lines
// are skipped; unknown fields are ignored so that newer outputs with added
// columns stay readable.
func ReadJSONL[T any](r io.Reader, into []T) ([]T, error) {
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var row T
		off := dec.InputOffset()
		err := dec.Decode(&row)
		if errors.Is(err, io.EOF) {
			return into, nil
		}
		if err != nil {
			return into, fmt.Errorf("record %d (near byte %d): %w", n, off, err)
		}
		into = append(into, row)
	}
}
