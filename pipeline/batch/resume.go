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

	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// Resume lists the sources already recorded in dir's documents tables and
// the name suffix for the parts a resumed run writes beside them. Parquet
// parts are read when present, else JSONL, else CSV.
func Resume(dir string, shard Shard) (done map[string]bool, suffix string, err error) {
	done, suffix, _, err = resume(dir, shard, true)
	return done, suffix, err
}

// resume is Resume; with skipFailed false, documents recorded as failed are
// not done but listed in failed (they are retried).
func resume(dir string, shard Shard, skipFailed bool) (done map[string]bool, suffix string, failed map[string]bool, err error) {
	status := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil, fmt.Errorf("resume from %s: %w", dir, err)
	}
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		var parts []sink.Part
		for _, e := range entries {
			if p, ok := sink.ParsePart(e.Name()); ok && p.Table == "documents" && p.Format == ext {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			// Part order: a resumed run's row of a retried document
			// overrides the failed row before it.
			sort.Slice(parts, func(i, j int) bool {
				if parts[i].Index != parts[j].Index {
					return parts[i].Index < parts[j].Index
				}
				return parts[i].Resume < parts[j].Resume
			})
			for _, p := range parts {
				f := filepath.Join(dir, p.Name)
				if err := readSources(f, ext, status); err != nil {
					return nil, "", nil, fmt.Errorf("resume from %s: %w", f, err)
				}
			}
			break
		}
	}
	done, failed = map[string]bool{}, map[string]bool{}
	for src, st := range status {
		if skipFailed || st != schema.StatusFailed {
			done[src] = true
		} else {
			failed[src] = true
		}
	}
	// Pick the first free part name, so earlier parts are never overwritten.
	for k := 1; ; k++ {
		suffix = fmt.Sprintf("-resume-%d", k)
		m, _ := filepath.Glob(filepath.Join(dir, "documents"+shard.Suffix()+suffix+".*"))
		if len(m) == 0 {
			return done, suffix, failed, nil
		}
	}
}

// readSources records each source's status; a later part's row (a retry)
// overrides an earlier one.
func readSources(path, ext string, done map[string]string) error {
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
			Status string `parquet:"status"`
		}
		r := parquet.NewGenericReader[sourceOnly](pf)
		defer r.Close()
		buf := make([]sourceOnly, 1024)
		for {
			n, err := r.Read(buf)
			for _, row := range buf[:n] {
				done[row.Source] = row.Status
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
				Status string `json:"status"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				return err
			}
			done[row.Source] = row.Status
		}
		return sc.Err()
	default:
		r := csv.NewReader(bufio.NewReader(f))
		header, err := r.Read()
		if err != nil {
			return err
		}
		col, stcol := -1, -1
		for i, h := range header {
			switch h {
			case "source":
				col = i
			case "status":
				stcol = i
			}
		}
		if col < 0 || stcol < 0 {
			return errors.New("no source or status column")
		}
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			done[rec[col]] = rec[stcol]
		}
	}
}
