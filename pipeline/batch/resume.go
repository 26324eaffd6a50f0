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
	"sort"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// Resume lists the sources already recorded in dir's documents tables and
// the name suffix for the parts a resumed run writes beside them. Parquet
// parts are read when present, else JSONL, else CSV.
func Resume(dir string, shard Shard) (done map[string]bool, suffix string, err error) {
	done = map[string]bool{}
	var files []string
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		files, err = filepath.Glob(filepath.Join(dir, "documents*."+ext))
		if err != nil {
			return nil, "", err
		}
		if len(files) > 0 {
			sort.Strings(files)
			for _, f := range files {
				if err := readRows(f, ext, func(source, _ string) { done[source] = true }); err != nil {
					return nil, "", fmt.Errorf("resume from %s: %w", f, err)
				}
			}
			break
		}
	}
	// Pick the first free part name, so earlier parts are never overwritten.
	for k := 1; ; k++ {
		suffix = fmt.Sprintf("-resume-%d", k)
		m, _ := filepath.Glob(filepath.Join(dir, "documents"+shard.Suffix()+suffix+".*"))
		if len(m) == 0 {
			return done, suffix, nil
		}
	}
}

// givenIDs calls add with each doc_id in dir's documents tables that the
// input gave (a JSONL id), not one derived from the source name, so that a
// resumed run keeps doc_id unique across the parts.
func givenIDs(dir string, add func(id string)) error {
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		files, err := filepath.Glob(filepath.Join(dir, "documents*."+ext))
		if err != nil {
			return err
		}
		if len(files) == 0 {
			continue
		}
		for _, f := range files {
			err := readRows(f, ext, func(source, id string) {
				if id != ingest.DocID(source) {
					add(id)
				}
			})
			if err != nil {
				return fmt.Errorf("resume from %s: %w", f, err)
			}
		}
		return nil
	}
	return nil
}

// readRows calls row with the source and doc_id of each row of a documents
// table.
func readRows(path, ext string, row func(source, docID string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	switch ext {
	case "parquet":
		st, err := f.Stat()
		if err != nil {
			return err
		}
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			return err
		}
		type keys struct {
			DocID  string `parquet:"doc_id"`
			Source string `parquet:"source"`
		}
		r := parquet.NewGenericReader[keys](pf)
		defer r.Close()
		buf := make([]keys, 1024)
		for {
			n, err := r.Read(buf)
			for _, k := range buf[:n] {
				row(k.Source, k.DocID)
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
			}
			if err := json.Unmarshal(sc.Bytes(), &k); err != nil {
				return err
			}
			row(k.Source, k.DocID)
		}
		return sc.Err()
	default:
		r := csv.NewReader(bufio.NewReader(f))
		header, err := r.Read()
		if err != nil {
			return err
		}
		col, idCol := -1, -1
		for i, h := range header {
			switch h {
			case "source":
				col = i
			case "doc_id":
				idCol = i
			}
		}
		if col < 0 || idCol < 0 {
			return errors.New("no source or doc_id column")
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
			row(sink.UnguardCell(rec[col]), sink.UnguardCell(rec[idCol]))
		}
	}
}
