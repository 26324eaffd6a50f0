package batch_test

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestResumeRetriesFailed: --resume retries a document that failed (here
// a binary file, then fixed), leaving one documents row per source in
// every format; --skip-failed keeps the failed row and skips it.
func TestResumeRetriesFailed(t *testing.T) {
	for _, skip := range []bool{false, true} {
		in, out := t.TempDir(), t.TempDir()
		formats := []string{"parquet", "jsonl", "csv"}
		writeFile(t, filepath.Join(in, "a.txt"), seed(t, "000_57ee527ed9377c6b.txt"))
		bad := filepath.Join(in, "b.txt")
		writeFile(t, bad, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
		if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: formats}); err != nil {
			t.Fatal(err)
		}
		writeFile(t, bad, seed(t, "001_7f9ab2896b09be6e.txt")) // fixed
		sum, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: formats, Resume: true, SkipFailed: skip})
		if err != nil {
			t.Fatal(err)
		}
		wantDocs, wantStatus := 1, schema.StatusOK
		if skip {
			wantDocs, wantStatus = 0, schema.StatusFailed
		}
		if sum.Docs != wantDocs {
			t.Errorf("skip-failed=%v: resumed run processed %d documents, want %d", skip, sum.Docs, wantDocs)
		}
		res, err := results.Read(out) // Parquet, every part
		if err != nil {
			t.Fatal(err)
		}
		rows := map[string][]string{}
		for _, d := range res.Documents {
			rows[filepath.Base(d.Source)] = append(rows[filepath.Base(d.Source)], d.Status)
		}
		if len(rows["a.txt"]) != 1 || len(rows["b.txt"]) != 1 || rows["b.txt"][0] != wantStatus {
			t.Errorf("skip-failed=%v: Parquet rows by source %v, want one each, b.txt %s", skip, rows, wantStatus)
		}
		for _, ext := range []string{"jsonl", "csv"} {
			files, _ := filepath.Glob(filepath.Join(out, "documents*."+ext))
			n := 0
			for _, f := range files {
				if ext == "jsonl" {
					n += len(readJSONL[schema.Document](t, f))
					continue
				}
				fh, err := os.Open(f)
				if err != nil {
					t.Fatal(err)
				}
				recs, err := csv.NewReader(fh).ReadAll()
				fh.Close()
				if err != nil {
					t.Fatal(err)
				}
				n += len(recs) - 1 // header
			}
			if n != 2 {
				t.Errorf("skip-failed=%v: %s documents rows %d, want 2", skip, ext, n)
			}
		}
	}
}

// TestResumeOnlyFailingRetries: a resume whose only work is retrying
// documents that fail again succeeds (the first run, where nothing could
// be processed, did not): "resume until exit 0" ends.
func TestResumeOnlyFailingRetries(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "b.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); !errors.Is(err, batch.ErrNothingProcessed) {
		t.Fatalf("first run: err %v, want ErrNothingProcessed", err)
	}
	for i := 0; i < 2; i++ {
		sum, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Resume: true})
		if err != nil {
			t.Fatalf("resume %d: %v", i+1, err)
		}
		if sum.Docs != 1 || sum.Failed != 1 {
			t.Errorf("resume %d: %d documents, %d failed; want the one retry, failed", i+1, sum.Docs, sum.Failed)
		}
	}
}
