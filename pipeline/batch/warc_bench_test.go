package batch_test

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/bench"
	"github.com/zhextract/zhextract/pipeline/ingest/warctest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

var (
	warcMB   = flag.Int64("warc-mb", 8, "size of BenchmarkRunWARC's corpus in MB (1024 for the flat-memory check)")
	warcPeer = flag.Bool("warc-peer", true, "BenchmarkRunWARC also runs the same documents as plain files")
)

// BenchmarkRunWARC runs the pipeline over a crawl written as a .warc.gz (a
// request record before each response, an image after every tenth) and,
// as the peer in the same run, over the same documents as plain files. It
// reports MB/s of documents read each way and the process's peak RSS:
//
//	go test -run XXX -bench RunWARC -benchtime 1x -warc-mb 1024 -warc-peer=false ./pipeline/batch/
func BenchmarkRunWARC(b *testing.B) {
	dir := b.TempDir()
	docs := filepath.Join(dir, "docs")
	if _, _, err := bench.Corpus(filepath.Join("..", "..", "testdata"), docs, *warcMB<<20, 1); err != nil {
		b.Fatal(err)
	}
	warc := filepath.Join(dir, "crawl.warc.gz")
	payload, err := writeCrawlFrom(docs, warc)
	if err != nil {
		b.Fatal(err)
	}
	st, err := stages.Build(stages.Options{})
	if err != nil {
		b.Fatal(err)
	}
	measure := func(name string, inputs []string, mb float64) {
		start := time.Now()
		sum, err := batch.Run(context.Background(), batch.Config{Inputs: inputs, Stages: st, Workers: 3, Writer: discard{}})
		if err != nil {
			b.Fatal(err)
		}
		wall := time.Since(start)
		b.ReportMetric(mb/wall.Seconds(), name+"-MB/s")
		b.Logf("%s: %d documents (%d failed, %d records skipped), %.1f MB in %s", name, sum.Docs, sum.Failed, sum.Skipped, mb, wall.Round(time.Millisecond))
	}
	st0, _ := os.Stat(warc)
	b.Logf("%.1f MB of documents, %.1f MB as .warc.gz", float64(payload)/(1<<20), float64(st0.Size())/(1<<20))
	for i := 0; i < b.N; i++ {
		// Both rates count document bytes, so they compare.
		measure("warc", []string{warc}, float64(payload)/(1<<20))
		if *warcPeer {
			measure("files", []string{docs}, float64(payload)/(1<<20))
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
}

// writeCrawlFrom packs the documents under dir into a .warc.gz at path, a
// record at a time (never the crawl in memory), and returns the payload
// bytes written.
func writeCrawlFrom(dir, path string) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	var payload int64
	n := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		uri := fmt.Sprintf("http://jtj.example.gov.cn/%d/%s", n, d.Name())
		ct := "text/plain"
		if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") {
			ct = "text/html"
		}
		recs := []warctest.Record{
			{Type: gowarc.Request, ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", 3*n), URI: uri},
			{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", 3*n+1), URI: uri, Header: map[string]string{"Content-Type": ct}, Body: data},
		}
		if n%10 == 0 {
			recs = append(recs, warctest.Record{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", 3*n+2), URI: uri + ".png", Header: map[string]string{"Content-Type": "image/png"}, Body: make([]byte, 4096)})
		}
		payload += int64(len(data))
		_, err = warctest.Write(w, recs, 1)
		return err
	})
	if err != nil {
		return 0, err
	}
	return payload, w.Flush()
}

// discard is an output that keeps nothing: the benchmark measures reading
// and the stages.
type discard struct{}

func (discard) Write(schema.Document, []schema.Figure, []schema.Edit) error { return nil }
func (discard) Close() error                                                { return nil }
func (discard) Abort()                                                      {}
