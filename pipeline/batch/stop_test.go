//go:build unix

package batch_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// TestStopWhileReadingFIFO: a run reading a FIFO named on the command line
// stops within a second of its cancellation, whether the FIFO has no
// writer (the open waits) or a writer that sends nothing more (the read
// waits); the document finished before it is kept and the FIFO gets no
// row, so --resume reads it.
func TestStopWhileReadingFIFO(t *testing.T) {
	for _, writer := range []bool{false, true} {
		name := map[bool]string{false: "no writer", true: "idle writer"}[writer]
		t.Run(name, func(t *testing.T) {
			in := t.TempDir()
			writeFile(t, filepath.Join(in, "a.txt"), []byte("新建农村公路12公里。"))
			fifo := filepath.Join(in, "p.txt")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skip(err)
			}
			if writer {
				go func() {
					w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
					if err != nil {
						return
					}
					w.Write([]byte("新建"))
					time.Sleep(5 * time.Second)
					w.Close()
				}()
			}
			out := t.TempDir()
			st, _ := stages.Build(stages.Options{})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := batch.Run(ctx, batch.Config{Inputs: []string{filepath.Join(in, "a.txt"), fifo}, Out: out,
					Formats: []string{"jsonl"}, Workers: 2, Stages: st})
				done <- err
			}()
			time.Sleep(300 * time.Millisecond)
			cancel()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("err %v", err)
				}
			case <-time.After(time.Second):
				t.Fatal("run still blocked on the FIFO a second after the stop")
			}
			docs := docsBySource(t, out)
			if _, ok := docs["a.txt"]; !ok || len(docs) != 1 {
				t.Errorf("rows %v, want a.txt only", docs)
			}
		})
	}
}

// TestNonUTF8NameResume: a file whose name is not UTF-8 has a valid UTF-8
// source in Parquet and JSONL, and --resume recognizes it as done.
func TestNonUTF8NameResume(t *testing.T) {
	in := t.TempDir()
	p := filepath.Join(in, "\xb9\xab\xc2.txt")
	if err := os.WriteFile(p, []byte("新建农村公路12公里。"), 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	out := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	rows := readJSONL[schema.Document](t, filepath.Join(out, "documents.jsonl"))
	if len(rows) != 1 || !utf8.ValidString(rows[0].Source) || ingest.UnescapeName(rows[0].Source) != p || rows[0].Status != schema.StatusOK {
		t.Fatalf("rows %+v", rows)
	}
	done, suffix, err := batch.Resume(out, batch.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Done: done, Suffix: suffix})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Docs != 0 {
		t.Errorf("resume processed %d documents again, want 0", sum.Docs)
	}
}
