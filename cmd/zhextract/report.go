package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline/report"
)

const reportLong = `Writes an HTML report of the run output in OUTPUT (Parquet or JSONL): totals,
documents by status, figures by kind, edits by stage, a sortable documents
table, and each clean text with its figures highlighted and its edits.

-o NAME.html writes one self-contained file; it is refused when more than
1000 documents or 16 MB of clean text are selected. Any other -o is a
folder (index.html, docs/, data/) for a run of any size. The filters choose
the documents shown; the totals count the whole run.`

func newReportCmd() *cobra.Command {
	var out string
	var opt report.Options
	cmd := &cobra.Command{
		Use:     "report OUTPUT [-o report.html | -o DIR] [flags]",
		Short:   "Write an HTML report of a run's output",
		Long:    reportLong,
		Example: "  zhextract report out -o report.html\n  zhextract report big-run -o report/ --failed-only",
		Args:    exactArgs(1, "OUTPUT directory"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), args[0], out, opt, cmd.OutOrStdout())
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&out, "output", "o", "report.html", "a `NAME.html` file, or a folder for a large run")
	f.StringVar(&opt.Title, "title", "", "page title (default \"zhextract report\")")
	f.BoolVar(&opt.FailedOnly, "failed-only", false, "show only documents that failed")
	f.StringVar(&opt.Kind, "kind", "", "show only documents with a figure of this `KIND`")
	f.IntVar(&opt.Sample, "sample", 0, "show a random sample of `N` of the selected documents")
	f.Uint64Var(&opt.Seed, "seed", 1, "seed of --sample")
	f.IntVar(&opt.Limit, "limit", 0, "show at most `N` documents")
	return cmd
}

func runReport(ctx context.Context, run, out string, opt report.Options, stdout io.Writer) error {
	var err error
	if opt.Limit < 0 || opt.Sample < 0 {
		return usagef("--limit and --sample take a positive number")
	}
	var res report.Result
	lower := strings.ToLower(out)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
		res, err = report.WriteFile(ctx, out, run, opt)
		if errors.Is(err, report.ErrTooLarge) {
			err = fmt.Errorf("%w; write a folder instead (-o %s) or choose documents with --limit, --sample, --failed-only or --kind", err, strings.TrimSuffix(out, filepath.Ext(out)))
		}
	} else {
		res, err = report.WriteDir(ctx, out, run, opt)
	}
	if err != nil {
		return err // main names the command; err names the path
	}
	pages := "1 page"
	if res.Pages != 1 {
		pages = fmt.Sprintf("%d pages", res.Pages)
	}
	_, err = fmt.Fprintf(stdout, "report: %s: %d of %d documents shown (%s); the run has %d figures, %d edits\n", out, res.Shown, res.Documents, pages, res.Figures, res.Edits)
	return err
}
