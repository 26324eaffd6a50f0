package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/sink"
	"github.com/zhextract/zhextract/pipeline/stages"
)

const runLong = `Extracts clean text and figures from every INPUT into the tables documents,
figures and edits in --out.

INPUT is a file, folder (recursive), glob or - (stdin): .txt, .html, .htm,
.jsonl, .warc, optionally .gz, and .pdf. Every input document gets a
documents row with its status; one broken file never stops the batch.

Exit codes: 0 done; 1 no input document could be processed, or the output
could not be written; 2 bad command line; 3 some INPUT paths do not exist
(the others were processed); 130 interrupted (run again with --resume).`

// runOptions are run's flags.
type runOptions struct {
	out, formats, convert, shard, progress string
	workers                                int
	resume, skipFailed, force              bool
	maxMB                                  int64
	docTimeout, pdfTimeout                 time.Duration
}

func newRunCmd() *cobra.Command {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run [flags] INPUT...",
		Short: "Extract clean text and figures from documents into Parquet, JSONL or CSV tables",
		Long:  runLong,
		Example: `  zhextract run --out out testdata/examples
  zhextract run testdata/seeds --out out --format parquet,jsonl
  cat page.html | zhextract run --format jsonl -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("missing INPUT (a file, folder, glob or - for stdin)")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runRun(cmd.Context(), o, args, cmd.InOrStdin(), cmd.ErrOrStderr())
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "out", "output `DIR`")
	f.StringVar(&o.formats, "format", "parquet", "comma-separated output `FORMATS`: parquet, jsonl, csv")
	f.IntVar(&o.workers, "workers", defaultWorkers(), "documents processed in parallel")
	f.StringVar(&o.convert, "convert", "t2s", "OpenCC `CONFIG` for the clean text (t2s, s2t, s2twp, ...)")
	f.StringVar(&o.shard, "shard", "", "process only shard `i/n` of the inputs (by a hash of the source name)")
	f.BoolVar(&o.resume, "resume", false, "skip inputs already recorded in DIR's documents table (failed ones are retried)")
	f.BoolVar(&o.skipFailed, "skip-failed", false, "with --resume: skip failed documents too instead of retrying them")
	f.BoolVar(&o.force, "force", false, "remove tables in DIR of another format or run instead of refusing to run")
	f.Int64Var(&o.maxMB, "max-mb", 256, "fail documents larger than this many `MB`")
	f.DurationVar(&o.docTimeout, "doc-timeout", pipeline.DefaultDocTimeout, "fail a document still being processed after this long (0: no limit)")
	f.StringVar(&o.progress, "progress", "auto", "progress bar: auto (on a terminal), always, never")
	f.DurationVar(&o.pdfTimeout, "pdf-timeout", pdftext.DefaultTimeout, "fail a PDF that takes longer than this")
	return cmd
}

func runRun(ctx context.Context, o runOptions, inputs []string, stdin io.Reader, stderr io.Writer) error {
	fmts, err := sink.ParseFormats(o.formats)
	if err != nil {
		return usageError{err}
	}
	sh, err := batch.ParseShard(o.shard)
	if err != nil {
		return usageError{err}
	}
	switch {
	case o.out == "":
		return usagef("--out must name a folder")
	case o.workers < 1:
		return usagef("--workers must be at least 1, not %d", o.workers)
	case o.maxMB < 1:
		return usagef("--max-mb must be at least 1, not %d", o.maxMB)
	case o.docTimeout < 0:
		return usagef("--doc-timeout must not be negative (0: no limit)")
	case o.pdfTimeout <= 0:
		return usagef("--pdf-timeout must be positive, not %s", o.pdfTimeout)
	}
	if o.skipFailed && !o.resume {
		return usagef("--skip-failed works with --resume only")
	}
	switch o.progress {
	case "auto", "always", "never":
	default:
		return usagef("--progress must be auto, always or never, not %q", o.progress)
	}
	st, err := stages.Build(stages.Options{Convert: o.convert, PDFTimeout: o.pdfTimeout})
	if err != nil {
		return usageError{err}
	}
	cfg := batch.Config{
		Inputs: inputs, Stdin: stdin, Out: o.out, Formats: fmts, Workers: o.workers,
		Stages: st, Shard: sh, MaxBytes: o.maxMB << 20, DocTimeout: o.docTimeout,
		Resume: o.resume, SkipFailed: o.skipFailed, Force: o.force,
	}
	var bar *progressBar
	if tty := isTerminal(stderr); o.progress == "always" || (o.progress == "auto" && tty) {
		bar = newProgressBar(stderr, tty)
		cfg.Progress = bar.update
		// Log lines go above the bar while it is shown.
		slog.SetDefault(slog.New(newLineHandler(bar.Writer(), "zhextract run", slog.LevelWarn)))
	}
	restore := setRunMemoryLimit(inputs)
	sum, err := batch.Run(ctx, cfg)
	restore()
	if bar != nil {
		bar.finish()
		slog.SetDefault(slog.New(newLineHandler(stderr, "zhextract run", slog.LevelWarn)))
	}
	if sum.Elapsed == 0 && err != nil {
		return err // the output could not be opened: nothing ran to summarize
	}
	fmt.Fprintf(stderr, "zhextract run: %d documents (%d failed), %d figures, %d edits in %s; output in %s\n",
		sum.Docs, sum.Failed, sum.Figures, sum.Edits, sum.Elapsed.Round(time.Millisecond), o.out)
	if sum.Skipped > 0 {
		fmt.Fprintf(stderr, "zhextract run: %d WARC records skipped (not responses, or not HTML, text or PDF)\n", sum.Skipped)
	}
	if len(sum.SkippedEntries) > 0 {
		reasons := make([]string, 0, len(sum.SkippedEntries))
		for r := range sum.SkippedEntries {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(stderr, "zhextract run: %d entries of input folders skipped: %s\n", sum.SkippedEntries[r], r)
		}
	}
	if sum.Interrupted {
		fmt.Fprintf(stderr, "zhextract run: interrupted; the files in %s hold the %d finished documents. Run again with --resume to finish.\n", o.out, sum.Docs)
		return &exitError{code: exitInterrupted}
	}
	for _, m := range sum.Missing {
		fmt.Fprintf(stderr, "zhextract run: not processed: %v\n", m)
	}
	// Missing inputs get exit 3 once everything that exists is processed;
	// "nothing processed" then means only that nothing was found.
	if len(sum.Missing) > 0 && (err == nil || errors.Is(err, batch.ErrNothingProcessed) && sum.Docs == 0) {
		rest := "the other inputs were processed"
		if sum.Docs == 0 {
			rest = "nothing was processed"
		}
		return &exitError{code: exitMissingInput, err: fmt.Errorf("%s not found; %s", plural(len(sum.Missing), "input"), rest)}
	}
	return err
}

// plural is "1 input" or "3 inputs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
