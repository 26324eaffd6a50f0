package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/zhextract/zhextract/pipeline/report"
)

const reportUsage = `usage: zhextract report OUTPUT [-o report.html | -o DIR] [--failed-only] [--kind K] [--sample N [--seed S]] [--limit N]

Writes an HTML report of the run output in OUTPUT (Parquet or JSONL): totals,
documents by status, figures by kind, edits by stage, a sortable documents
table, and each clean text with its figures highlighted and its edits.

-o NAME.html writes one self-contained file; it is refused when more than
1000 documents or 16 MB of clean text are selected. Any other -o is a
folder (index.html, docs/, data/) for a run of any size. The filters choose
the documents shown; the totals count the whole run.
`

// cmdReport runs `zhextract report`.
func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, reportUsage)
		fs.PrintDefaults()
	}
	out := fs.String("o", "report.html", "a NAME.html file, or a folder for a large run")
	var opt report.Options
	fs.StringVar(&opt.Title, "title", "", "page title (default \"zhextract report\")")
	fs.BoolVar(&opt.FailedOnly, "failed-only", false, "show only documents that failed")
	fs.StringVar(&opt.Kind, "kind", "", "show only documents with a figure of this kind")
	fs.IntVar(&opt.Sample, "sample", 0, "show a random sample of N of the selected documents")
	fs.Uint64Var(&opt.Seed, "seed", 1, "seed of --sample")
	fs.IntVar(&opt.Limit, "limit", 0, "show at most N documents")
	pos, err := parseFlagsAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("want one OUTPUT directory, got %d arguments", len(pos))
	}
	if opt.Limit < 0 || opt.Sample < 0 {
		return errors.New("--limit and --sample take a positive number")
	}
	var res report.Result
	lower := strings.ToLower(*out)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
		res, err = report.WriteFile(ctx, *out, pos[0], opt)
		if errors.Is(err, report.ErrTooLarge) {
			err = fmt.Errorf("%w; write a folder instead (-o %s) or choose documents with --limit, --sample, --failed-only or --kind", err, strings.TrimSuffix(*out, filepath.Ext(*out)))
		}
	} else {
		res, err = report.WriteDir(ctx, *out, pos[0], opt)
	}
	if err != nil {
		return err // main names the command; err names the path
	}
	pages := "1 page"
	if res.Pages != 1 {
		pages = fmt.Sprintf("%d pages", res.Pages)
	}
	_, err = fmt.Fprintf(stdout, "report: %s: %d of %d documents shown (%s); the run has %d figures, %d edits\n", *out, res.Shown, res.Documents, pages, res.Figures, res.Edits)
	return err
}
