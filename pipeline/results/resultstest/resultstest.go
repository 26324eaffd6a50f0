// Package resultstest writes run outputs the way `zhextract run` does, for
// the tests of packages that read them.
package resultstest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// Write writes the three tables into dir as "parquet" or "jsonl" files named
// like an unsharded run's ("documents.parquet").
func Write(dir, format string, docs []schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	return WritePart(dir, format, "", docs, figs, edits)
}

// WritePart writes the tables with a name suffix such as "-00001-of-00002".
func WritePart(dir, format, suffix string, docs []schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := writeTable(filepath.Join(dir, "documents"+suffix+"."+format), format, docs); err != nil {
		return err
	}
	if err := writeTable(filepath.Join(dir, "figures"+suffix+"."+format), format, figs); err != nil {
		return err
	}
	return writeTable(filepath.Join(dir, "edits"+suffix+"."+format), format, edits)
}

func writeTable[T any](path, format string, rows []T) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	switch format {
	case "parquet":
		w := parquet.NewGenericWriter[T](f)
		if _, err := w.Write(rows); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := w.Close(); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	case "jsonl":
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				f.Close()
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
	default:
		f.Close()
		return fmt.Errorf("unknown format %q", format)
	}
	return f.Close()
}
