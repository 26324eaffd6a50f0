package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// dropFailed removes, from the earlier parts in dir (every format), the
// failed rows of the sources a resumed run has just retried: their new rows
// are in the run's own part (suffix), which is left alone. It runs once that
// part is in place, so a run that processes nothing changes nothing; a run
// killed before it leaves both rows, and the next --resume removes the old
// one (the later part's row wins when resuming).
func dropFailed(dir, suffix string, retried map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("resume from %s: %w", dir, err)
	}
	var parts []sink.Part
	for _, e := range entries {
		if p, ok := sink.ParsePart(e.Name()); ok {
			parts = append(parts, p)
		}
	}
	for _, d := range parts {
		if d.Table != "documents" || strings.HasPrefix(d.Name, "documents"+suffix+".") {
			continue
		}
		path := filepath.Join(dir, d.Name)
		ids, err := failedIDs(path, d.Format, retried)
		if err != nil {
			return fmt.Errorf("resume from %s: %w", path, err)
		}
		if len(ids) == 0 {
			continue
		}
		for _, table := range []string{"figures", "edits", "documents"} {
			i := slices.IndexFunc(parts, func(p sink.Part) bool {
				return p.Table == table && p.Format == d.Format && p.Index == d.Index && p.Total == d.Total && p.Resume == d.Resume
			})
			if i < 0 {
				continue
			}
			if err := dropRows(filepath.Join(dir, parts[i].Name), table, d.Format, ids); err != nil {
				return err
			}
		}
	}
	return nil
}

// idRow is what dropFailed reads of any table's row.
type idRow struct {
	DocID  string `json:"doc_id" parquet:"doc_id"`
	Source string `json:"source" parquet:"source"`
	Status string `json:"status" parquet:"status"`
}

// failedIDs lists the doc_ids of a documents part's failed rows of the
// retried sources.
func failedIDs(path, format string, retried map[string]bool) (map[string]bool, error) {
	ids := map[string]bool{}
	add := func(r idRow) {
		if r.Status == schema.StatusFailed && retried[r.Source] {
			ids[r.DocID] = true
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch format {
	case "parquet":
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		rows, err := results.ReadParquet(f, st.Size(), []idRow(nil))
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			add(r)
		}
	case "jsonl":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<30)
		for sc.Scan() {
			var r idRow
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return nil, err
			}
			add(r)
		}
		return ids, sc.Err()
	default:
		cr := csv.NewReader(bufio.NewReader(f))
		header, err := cr.Read()
		if err != nil {
			return nil, err
		}
		id, src, status := slices.Index(header, "doc_id"), slices.Index(header, "source"), slices.Index(header, "status")
		if id < 0 || src < 0 || status < 0 {
			return nil, errors.New("no doc_id, source or status column")
		}
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, err
			}
			// Cells are as the CSV writer guarded them; sources compare unguarded.
			add(idRow{DocID: rec[id], Source: sink.UnguardCell(rec[src]), Status: rec[status]})
		}
	}
	return ids, nil
}

// dropRows rewrites a table file without the rows of the doc_ids in ids
// (for the documents table, only their failed rows).
func dropRows(path, table, format string, ids map[string]bool) error {
	drop := func(id, status string) bool {
		return ids[id] && (table != "documents" || status == schema.StatusFailed)
	}
	in, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("resume from %s: %w", path, err)
	}
	defer in.Close()
	return sink.Rewrite(path, func(w io.Writer) error {
		switch format {
		case "parquet":
			switch table {
			case "documents":
				return filterParquet(in, w, path, func(r schema.Document) bool { return !drop(r.DocID, r.Status) },
					func(r schema.Document) int64 { return int64(len(r.Text) + len(r.TextOriginalScript) + 256) })
			case "figures":
				return filterParquet(in, w, path, func(r schema.Figure) bool { return !drop(r.DocID, "") },
					func(r schema.Figure) int64 { return int64(len(r.Sentence) + len(r.Raw) + 128) })
			default:
				return filterParquet(in, w, path, func(r schema.Edit) bool { return !drop(r.DocID, "") },
					func(r schema.Edit) int64 { return int64(len(r.Old) + len(r.New) + len(r.Reason) + 64) })
			}
		case "jsonl":
			sc := bufio.NewScanner(in)
			sc.Buffer(make([]byte, 1<<20), 1<<30)
			bw := bufio.NewWriter(w)
			for sc.Scan() {
				var r idRow
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					return err
				}
				if drop(r.DocID, r.Status) {
					continue
				}
				bw.Write(sc.Bytes())
				bw.WriteByte('\n')
			}
			if err := sc.Err(); err != nil {
				return err
			}
			return bw.Flush()
		default:
			cr := csv.NewReader(bufio.NewReader(in))
			cw := csv.NewWriter(w)
			header, err := cr.Read()
			if err != nil {
				return err
			}
			id, status := slices.Index(header, "doc_id"), slices.Index(header, "status")
			if id < 0 {
				return errors.New("no doc_id column")
			}
			cw.Write(header)
			for {
				rec, err := cr.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return err
				}
				st := ""
				if status >= 0 {
					st = rec[status]
				}
				if !drop(rec[id], st) {
					cw.Write(rec)
				}
			}
			cw.Flush()
			return cw.Error()
		}
	})
}

// filterParquet copies the rows of a Parquet table that keep accepts, a
// batch at a time (memory bounded like run's own writer).
func filterParquet[T any](in *os.File, w io.Writer, path string, keep func(T) bool, size func(T) int64) error {
	pf, err := openParquet(in)
	if err != nil {
		return err
	}
	r := parquet.NewGenericReader[T](pf)
	defer r.Close()
	out := sink.NewParquetTable[T](w, path)
	buf := make([]T, 64)
	for {
		n, err := r.Read(buf)
		var kept []T
		var bytes int64
		for _, row := range buf[:n] {
			if keep(row) {
				kept = append(kept, row)
				bytes += size(row)
			}
		}
		if werr := out.Write(kept, bytes); werr != nil {
			return werr
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	return out.Close()
}
