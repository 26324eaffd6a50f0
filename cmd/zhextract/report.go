package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results"
)

const reportUsage = `usage: zhextract report OUTPUT -o report.html

Writes one self-contained HTML page for the run output in OUTPUT (Parquet or
JSONL): documents with status and counts, each clean text with its figures
highlighted, every edit, and a filter by figure kind.
`

// cmdReport runs `zhextract report`.
func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, reportUsage)
		fs.PrintDefaults()
	}
	out := fs.String("o", "report.html", "HTML file to write")
	title := fs.String("title", "", "page title (default \"zhextract report\")")
	pos, err := parseFlagsAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("report: want one OUTPUT directory, got %d arguments", len(pos))
	}
	res, err := results.Read(pos[0])
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := report.WriteFile(*out, res, report.Options{Title: *title}); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = fmt.Fprintf(stdout, "report: %s: %d documents, %d figures, %d edits\n", *out, len(res.Documents), len(res.Figures), len(res.Edits))
	return err
}
