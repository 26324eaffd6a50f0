package batch_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/verify"
)

// TestReadersSeeResumeParts: after run and run --resume, every reader of
// the output (results, report, verify, verify --update) sees the documents
// of both parts; verify --update keeps the golden files of the resumed
// documents.
func TestReadersSeeResumeParts(t *testing.T) {
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			in, out, full := t.TempDir(), t.TempDir(), t.TempDir()
			writeFile(t, filepath.Join(in, "a.txt"), seed(t, "000_57ee527ed9377c6b.txt"))
			if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{format}}); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(in, "b.txt"), seed(t, "001_7f9ab2896b09be6e.txt"))
			if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{format}, Resume: true}); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(out, "documents-resume-1."+format)); err != nil {
				t.Fatal(err)
			}
			if _, err := run(t, batch.Config{Inputs: []string{in}, Out: full, Formats: []string{format}}); err != nil {
				t.Fatal(err)
			}
			res, err := results.Read(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Documents) != 2 {
				t.Errorf("results: %d documents, want 2", len(res.Documents))
			}
			rep, err := report.WriteSingle(context.Background(), io.Discard, out, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Documents != 2 {
				t.Errorf("report: %d documents, want 2", rep.Documents)
			}
			golden := t.TempDir()
			if _, err := verify.Run(context.Background(), full, verify.Config{Golden: golden, Update: true}, io.Discard); err != nil {
				t.Fatal(err)
			}
			var msg bytes.Buffer
			ok, err := verify.Run(context.Background(), out, verify.Config{Golden: golden}, &msg)
			if err != nil || !ok {
				t.Errorf("verify of run+resume against the full run: ok=%v err=%v\n%s", ok, err, msg.String())
			}
			msg.Reset()
			if _, err := verify.Run(context.Background(), out, verify.Config{Golden: golden, Update: true}, &msg); err != nil {
				t.Fatal(err)
			}
			left, _ := filepath.Glob(filepath.Join(golden, "*.json"))
			if len(left) != 2 {
				t.Errorf("verify --update left %d golden files, want 2:\n%s", len(left), msg.String())
			}
		})
	}
}
