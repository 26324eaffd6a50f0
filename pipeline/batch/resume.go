package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// Resume lists the sources already recorded in dir's documents tables and
// the name suffix for the parts a resumed run writes beside them. Parquet
// parts are read when present, else JSONL, else CSV.
func Resume(dir string, shard Shard) (done map[string]bool, suffix string, err error) {
	done, suffix, _, _, err = resume(dir, shard, true)
	return done, suffix, err
}

// resume is Resume; with skipFailed false, documents recorded as failed are
// not done but listed in failed (they are retried). superseded lists the
// sources whose failed row in one part was followed by an ok row in a later
// one: a retry whose run stopped before removing the old row (a stopped run
// leaves that to the next, so that Ctrl-C does not wait for earlier parts to
// be rewritten).
func resume(dir string, shard Shard, skipFailed bool) (done map[string]bool, suffix string, failed, superseded map[string]bool, err error) {
	status := map[string]string{}
	failedEarlier := map[string]bool{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil, nil, fmt.Errorf("resume from %s: %w", dir, err)
	}
	err = eachDocumentRow(dir, entries, func(source, _, st string) {
		if status[source] == schema.StatusFailed {
			failedEarlier[source] = true
		}
		status[source] = st
	})
	if err != nil {
		return nil, "", nil, nil, err
	}
	done, failed, superseded = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for src, st := range status {
		if skipFailed || st != schema.StatusFailed {
			done[src] = true
		} else {
			failed[src] = true
		}
		if failedEarlier[src] && st != schema.StatusFailed {
			superseded[src] = true
		}
	}
	// Pick the first free part name, so earlier parts are never overwritten.
	for k := 1; ; k++ {
		suffix = fmt.Sprintf("-resume-%d", k)
		m, _ := filepath.Glob(filepath.Join(dir, "documents"+shard.Suffix()+suffix+".*"))
		if len(m) == 0 {
			return done, suffix, failed, superseded, nil
		}
	}
}

// eachDocumentRow calls row with the source, doc_id and status of each row
// of dir's documents parts, in part order (a resumed run's row of a retried
// document comes after the failed row it replaces). Parquet parts are read
// when present, else JSONL, else CSV.
func eachDocumentRow(dir string, entries []os.DirEntry, row func(source, docID, status string)) error {
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		var parts []sink.Part
		for _, e := range entries {
			if p, ok := sink.ParsePart(e.Name()); ok && p.Table == "documents" && p.Format == ext {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue
		}
		sort.Slice(parts, func(i, j int) bool {
			if parts[i].Index != parts[j].Index {
				return parts[i].Index < parts[j].Index
			}
			return parts[i].Resume < parts[j].Resume
		})
		for _, p := range parts {
			f := filepath.Join(dir, p.Name)
			if err := readRows(f, ext, row); err != nil {
				return fmt.Errorf("resume from %s: %w", f, err)
			}
		}
		return nil
	}
	return nil
}

// givenIDs calls add with each doc_id in dir's documents parts that the
// input gave (a JSONL id), not one derived from the source name, so that a
// resumed run keeps doc_id unique across the parts. Rows of retried
// documents are left out: their rows are replaced.
func givenIDs(dir string, retried map[string]bool, add func(id string)) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("resume from %s: %w", dir, err)
	}
	return eachDocumentRow(dir, entries, func(source, id, _ string) {
		if !retried[source] && id != ingest.DocID(source) {
			add(id)
		}
	})
}

// readRows calls row with the source, doc_id and status of each row of a
// documents table.
func readRows(path, ext string, row func(source, docID, status string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	switch ext {
	case "parquet":
		pf, err := openParquet(f)
		if err != nil {
			return err
		}
		type keys struct {
			DocID  string `parquet:"doc_id"`
			Source string `parquet:"source"`
			Status string `parquet:"status"`
		}
		r := parquet.NewGenericReader[keys](pf)
		defer r.Close()
		buf := make([]keys, 1024)
		for {
			n, err := r.Read(buf)
			for _, k := range buf[:n] {
				row(k.Source, k.DocID, k.Status)
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
		}
	case "jsonl":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<30)
		for sc.Scan() {
			var k struct {
				DocID  string `json:"doc_id"`
				Source string `json:"source"`
				Status string `json:"status"`
			}
			if err := json.Unmarshal(sc.Bytes(), &k); err != nil {
				return err
			}
			row(k.Source, k.DocID, k.Status)
		}
		return sc.Err()
	default:
		r := csv.NewReader(bufio.NewReader(f))
		header, err := r.Read()
		if err != nil {
			return err
		}
		col, idcol, stcol := -1, -1, -1
		for i, h := range header {
			switch h {
			case "source":
				col = i
			case "doc_id":
				idcol = i
			case "status":
				stcol = i
			}
		}
		if col < 0 || idcol < 0 || stcol < 0 {
			return errors.New("no source, doc_id or status column")
		}
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			// The CSV writer guards cells against spreadsheet formulas.
			row(sink.UnguardCell(rec[col]), sink.UnguardCell(rec[idcol]), rec[stcol])
		}
	}
}

// openParquet opens a Parquet file already open for reading.
func openParquet(f *os.File) (*parquet.File, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return parquet.OpenFile(f, st.Size())
}
