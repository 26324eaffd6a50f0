package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline/bench"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// benchOptions are bench's flags.
type benchOptions struct {
	size                                       int64
	from, format, keep, cpuProfile, memProfile string
	workers, runs                              int
	noOpenCC                                   bool
	shape, peer                                string
}

const benchLong = `Builds a corpus from testdata, runs the whole pipeline over it and reports
MB/s, documents/s, peak memory, CPU use and each stage's share of the time;
times ` + "`opencc -c t2s`" + ` over the same bytes when the CLI is installed.`

func newBenchCmd() *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:     "bench [flags]",
		Short:   "Measure the pipeline's throughput and memory on a generated corpus",
		Long:    benchLong,
		Example: "  zhextract bench --size 20 --runs 3",
		Args:    noArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runBench(cmd.Context(), o, cmd.Flags().Changed("from"), cmd.OutOrStdout(), cmd.ErrOrStderr())
		}),
	}
	f := cmd.Flags()
	f.Int64Var(&o.size, "size", 100, "corpus size in `MB`")
	f.StringVar(&o.from, "from", "testdata", "`DIR` whose documents the corpus is built from")
	f.IntVar(&o.workers, "workers", defaultWorkers(), "documents processed in parallel")
	f.StringVar(&o.format, "format", "parquet", "output format written during the run")
	f.StringVar(&o.keep, "dir", "", "build the corpus and output in `DIR` and keep them (default: a temporary folder, removed)")
	f.BoolVar(&o.noOpenCC, "no-opencc", false, "do not time the opencc CLI")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the pipeline run to `FILE`")
	f.IntVar(&o.runs, "runs", 1, "run the pipeline and time the opencc CLI `N` times, alternating, and report medians (shared machines are noisy)")
	f.StringVar(&o.shape, "shape", "small", "corpus shape: small (many small files of every kind), html (HTML pages only) or big (one text file)")
	f.StringVar(&o.peer, "peer", "", "also time `python`: an OpenCC t2s + jieba + regex pipeline over the same files (needs python3-jieba and libopencc)")
	f.StringVar(&o.memProfile, "memprofile", "", "write the heap profile to `FILE` at the run's largest live heap (checked every 250ms)")
	return cmd
}

func runBench(ctx context.Context, o benchOptions, fromSet bool, stdout, stderr io.Writer) error {
	switch {
	case o.size <= 0:
		return usagef("--size must be a positive number of MB, not %d", o.size)
	case o.runs <= 0:
		return usagef("--runs must be positive, not %d", o.runs)
	case o.workers <= 0:
		return usagef("--workers must be positive, not %d", o.workers)
	case !slices.Contains(bench.Shapes, o.shape):
		return usagef("--shape must be one of %s, not %q", strings.Join(bench.Shapes, ", "), o.shape)
	case o.peer != "" && o.peer != "python":
		return usagef("--peer must be python, not %q", o.peer)
	}
	// The default corpus comes from the repository's testdata folder; out
	// of the repository say so rather than fail on a path the user never
	// typed.
	if st, err := os.Stat(o.from); err != nil || !st.IsDir() {
		if !fromSet {
			return usagef("no %s folder here: bench builds its corpus from the repository's testdata; run it in a zhextract checkout or give --from DIR (a folder of .txt, .html or .jsonl documents)", o.from)
		}
		return usagef("--from %s: not a folder", o.from)
	}
	dir := o.keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "zhextract-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	corpus, out := filepath.Join(dir, "corpus"), filepath.Join(dir, "out")
	files, n, err := bench.BuildCorpus(o.shape, o.from, corpus, o.size<<20, 1)
	if err != nil {
		return fmt.Errorf("build corpus: %w", err)
	}
	fmt.Fprintf(stderr, "zhextract bench: corpus: %d files, %.1f MB in %s\n", files, float64(n)/(1<<20), corpus)
	start := time.Now()
	st, err := stages.Build(stages.Options{})
	if err != nil {
		return err
	}
	startup := time.Since(start)
	python := ""
	if o.peer == "python" {
		if python = bench.PythonPeer(ctx); python == "" {
			fmt.Fprintf(stderr, "zhextract bench: python peer: no python3 with jieba and libopencc; not timed\n")
		}
	}
	fmts := []string{o.format}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	stopHeap := func() {}
	if o.memProfile != "" {
		stopHeap = snapshotHeap(o.memProfile, 250*time.Millisecond)
	}
	// The limit run sets, so that the peak RSS reported is run's.
	restoreLimit := setMemoryLimitFor(largestFileUnder(corpus))
	defer restoreLimit()
	var results []bench.Result
	for i := range max(o.runs, 1) {
		if i > 0 {
			if err := os.RemoveAll(out); err != nil {
				return err
			}
		}
		res, err := bench.Run(ctx, corpus, out, st, o.workers, fmts)
		if err != nil {
			stopHeap()
			return err
		}
		res.Files = files
		res.Startup = startup
		if !o.noOpenCC {
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
	if o.cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	bench.Report(stdout, bench.Median(results), o.workers)
	if len(results) > 1 {
		bench.Spread(stdout, results)
	}
	return nil
}

// snapshotHeap writes the heap profile to path whenever the live heap is
// larger than at any earlier check (one every interval) until the returned
// stop is called: the profile then shows what the run held at its peak,
// which is what its peak RSS comes from (memory held by open writers is
// gone once the run ends, so a profile taken afterwards would not show it).
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
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				metrics.Read(sample)
				if v := sample[0].Value.Uint64(); v > peak {
					peak = v
					write()
				}
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
