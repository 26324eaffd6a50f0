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
				if err := readSources(f, ext, done); err != nil {
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

func readSources(path, ext string, done map[string]bool) error {
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
		type sourceOnly struct {
			Source string `parquet:"source"`
		}
		r := parquet.NewGenericReader[sourceOnly](pf)
		defer r.Close()
		buf := make([]sourceOnly, 1024)
		for {
			n, err := r.Read(buf)
			for _, row := range buf[:n] {
				done[row.Source] = true
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
			var row struct {
				Source string `json:"source"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				return err
			}
			done[row.Source] = true
		}
		return sc.Err()
	default:
		r := csv.NewReader(bufio.NewReader(f))
		header, err := r.Read()
		if err != nil {
			return err
		}
		col := -1
		for i, h := range header {
			if h == "source" {
				col = i
			}
		}
		if col < 0 {
			return errors.New("no source column")
		}
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			done[rec[col]] = true
		}
	}
}
