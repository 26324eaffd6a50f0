package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"golang.org/x/term"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/sink"
	"github.com/zhextract/zhextract/pipeline/stages"
)

func cmdRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "out", "output `DIR`")
	formats := fs.String("format", "parquet", "comma-separated output formats: parquet, jsonl, csv")
	workers := fs.Int("workers", defaultWorkers(), "documents processed in parallel")
	convert := fs.String("convert", "t2s", "OpenCC `CONFIG` for the clean text (t2s, s2t, s2twp, ...)")
	shard := fs.String("shard", "", "process only shard `i/n` of the inputs (by a hash of the source name)")
	resume := fs.Bool("resume", false, "skip inputs already recorded in DIR's documents table")
	maxMB := fs.Int64("max-mb", 256, "fail documents larger than this many MB")
	docTimeout := fs.Duration("doc-timeout", pipeline.DefaultDocTimeout, "fail a document still being processed after this long (0: no limit)")
	progress := fs.String("progress", "auto", "progress bar: auto (on a terminal), always, never")
	pdfTimeout := fs.Duration("pdf-timeout", pdftext.DefaultTimeout, "fail a PDF that takes longer than this")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zhextract run [flags] INPUT...\n\nINPUT is a file, folder, glob or - (stdin): .txt, .html, .htm, .jsonl, .warc, optionally .gz, and .pdf.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2, errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2, errUsage
	}
	fmts, err := sink.ParseFormats(*formats)
	if err != nil {
		return 2, err
	}
	sh, err := batch.ParseShard(*shard)
	if err != nil {
		return 2, err
	}
	st, err := stages.Build(stages.Options{Convert: *convert, PDFTimeout: *pdfTimeout})
	if err != nil {
		return 2, err
	}
	cfg := batch.Config{
		Inputs: fs.Args(), Stdin: stdin, Out: *out, Formats: fmts, Workers: *workers,
		Stages: st, Shard: sh, MaxBytes: *maxMB << 20, DocTimeout: *docTimeout,
	}
	if *resume {
		done, suffix, err := batch.Resume(*out, sh)
		if err != nil {
			return 1, err
		}
		cfg.Done, cfg.Suffix = done, suffix
	}
	var bar *progressBar
	if *progress == "always" || (*progress == "auto" && isTerminal(stderr)) {
		bar = newProgressBar(stderr)
		cfg.Progress = bar.update
	}
	sum, err := batch.Run(ctx, cfg)
	if bar != nil {
		bar.finish()
	}
	fmt.Fprintf(stderr, "zhextract: %d documents (%d failed), %d figures, %d edits in %s; output in %s\n",
		sum.Docs, sum.Failed, sum.Figures, sum.Edits, sum.Elapsed.Round(time.Millisecond), *out)
	if sum.Skipped > 0 {
		fmt.Fprintf(stderr, "zhextract: %d WARC records skipped (not responses, or not HTML, text or PDF)\n", sum.Skipped)
	}
	if len(sum.SkippedEntries) > 0 {
		reasons := make([]string, 0, len(sum.SkippedEntries))
		for r := range sum.SkippedEntries {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(stderr, "zhextract: %d entries of input folders skipped: %s\n", sum.SkippedEntries[r], r)
		}
	}
	if sum.Interrupted {
		fmt.Fprintf(stderr, "zhextract: interrupted; the files in %s hold the %d finished documents. Run again with --resume to finish.\n", *out, sum.Docs)
		return 130, nil
	}
	if err != nil {
		return 1, err
	}
	if len(sum.Missing) > 0 {
		fmt.Fprintf(stderr, "zhextract: %d inputs were not found (see above)\n", len(sum.Missing))
	}
	return 0, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar redraws one status line on a terminal, at most 10 times a second.
type progressBar struct {
	w    io.Writer
	last time.Time
	p    batch.Progress
}

func newProgressBar(w io.Writer) *progressBar { return &progressBar{w: w} }

func (b *progressBar) update(p batch.Progress) {
	b.p = p
	if time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.draw()
}

func (b *progressBar) draw() {
	p := b.p
	mb := float64(p.Bytes) / (1 << 20)
	rate := 0.0
	if s := p.Elapsed.Seconds(); s > 0 {
		rate = mb / s
	}
	bar := ""
	if p.TotalFiles > 0 {
		const width = 24
		n := p.Files * width / p.TotalFiles
		bar = fmt.Sprintf("[%-*s] %d/%d files ", width, string(repeat('#', n)), p.Files, p.TotalFiles)
	}
	fmt.Fprintf(b.w, "\r%s%d docs, %d failed, %d figures, %.1f MB, %.1f MB/s\033[K", bar, p.Docs, p.Failed, p.Figures, mb, rate)
}

func (b *progressBar) finish() {
	if b.p.Docs > 0 {
		b.draw()
	}
	fmt.Fprint(b.w, "\n")
}

func repeat(c rune, n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = c
	}
	return r
}
