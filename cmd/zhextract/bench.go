package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/zhextract/zhextract/pipeline/bench"
	"github.com/zhextract/zhextract/pipeline/stages"
)

func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.Int64("size", 100, "corpus size in `MB`")
	from := fs.String("from", "testdata", "folder whose documents the corpus is built from")
	workers := fs.Int("workers", defaultWorkers(), "documents processed in parallel")
	format := fs.String("format", "parquet", "output formats written during the run")
	keep := fs.String("dir", "", "build the corpus and output here and keep them (default: a temporary folder, removed)")
	noOpenCC := fs.Bool("no-opencc", false, "do not time the opencc CLI")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the pipeline run to `FILE`")
	runs := fs.Int("runs", 1, "run the pipeline and time the opencc CLI `N` times, alternating, and report medians (shared machines are noisy)")
	shape := fs.String("shape", "small", "corpus shape: small (many small files of every kind), html (HTML pages only) or big (one text file)")
	peer := fs.String("peer", "", "also time `python`: an OpenCC t2s + jieba + regex pipeline over the same files (needs python3-jieba and libopencc)")
	memProfile := fs.String("memprofile", "", "write the heap profile to `FILE` every 2 seconds of the run (the last one shows what the run holds near its end)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zhextract bench [flags]\n\nBuilds a corpus from testdata, runs the whole pipeline over it and reports\nMB/s, documents/s, peak memory, CPU use and each stage's share of the time;\ntimes `opencc -c t2s` over the same bytes when the CLI is installed.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "zhextract-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	corpus, out := filepath.Join(dir, "corpus"), filepath.Join(dir, "out")
	files, n, err := bench.BuildCorpus(*shape, *from, corpus, *size<<20, 1)
	if err != nil {
		return fmt.Errorf("build corpus: %w", err)
	}
	fmt.Fprintf(stderr, "corpus: %d files, %.1f MB in %s\n", files, float64(n)/(1<<20), corpus)
	start := time.Now()
	st, err := stages.Build(stages.Options{})
	if err != nil {
		return err
	}
	startup := time.Since(start)
	python := ""
	if *peer == "python" {
		if python = bench.PythonPeer(ctx); python == "" {
			fmt.Fprintf(stderr, "python peer: no python3 with jieba and libopencc; not timed\n")
		}
	} else if *peer != "" {
		return fmt.Errorf("unknown peer %q (valid: python)", *peer)
	}
	fmts := []string{*format}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	stopHeap := func() {}
	if *memProfile != "" {
		stopHeap = snapshotHeap(*memProfile, 2*time.Second)
	}
	var results []bench.Result
	for i := range max(*runs, 1) {
		if i > 0 {
			if err := os.RemoveAll(out); err != nil {
				return err
			}
		}
		res, err := bench.Run(ctx, corpus, out, st, *workers, fmts)
		if err != nil {
			stopHeap()
			return err
		}
		res.Files = files
		res.Startup = startup
		if !*noOpenCC {
			if res.OpenCC, err = bench.OpenCC(ctx, corpus); err != nil {
				stopHeap()
				return err
			}
		}
		if python != "" {
			if res.Python, err = bench.Python(ctx, python, corpus); err != nil {
				stopHeap()
				return err
			}
		}
		results = append(results, res)
	}
	stopHeap()
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	bench.Report(stdout, bench.Median(results), *workers)
	if len(results) > 1 {
		bench.Spread(stdout, results)
	}
	return nil
}

// snapshotHeap writes the heap profile to path every interval until the
// returned stop is called: memory held by open writers is gone once the
// run ends, so a profile taken afterwards would not show it.
func snapshotHeap(path string, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	write := func() {
		tmp := path + ".tmp"
		f, err := os.Create(tmp)
		if err != nil {
			return
		}
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil && cerr == nil {
			os.Rename(tmp, path)
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				write()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		if _, err := os.Stat(path); err != nil {
			write() // a run shorter than interval still leaves a profile
		}
	}
}
