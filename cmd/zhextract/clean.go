package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/stages"
)

func cmdClean(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	script := fs.String("script", "simplified", "simplified (the text figures are read from) or original (the document's own script)")
	convert := fs.String("convert", "t2s", "OpenCC `CONFIG` used for --script simplified")
	explain := fs.Bool("explain", false, "print to stderr which element of an HTML page was taken for the article, its score, the runners-up, and where the title and date came from")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zhextract clean [flags] FILE\n\nPrints the clean text of one document (- reads stdin).\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	if *script != "simplified" && *script != "original" {
		return fmt.Errorf("--script must be simplified or original, not %q", *script)
	}
	st, err := stages.Build(stages.Options{Convert: *convert, NoExtract: true})
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	var docs []*pipeline.Document
	err = ingest.Read(ctx, path, stdin, ingest.Options{}, func(it ingest.Item) error {
		if *explain {
			explainHTML(ctx, it, st, stderr)
		}
		docs = append(docs, pipeline.Process(ctx, it, st, nil))
		return nil
	})
	if err != nil {
		return err
	}
	var errs []error
	for i, d := range docs {
		if d.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", d.Item.Source, d.Err))
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		text := d.Text
		if *script == "original" {
			text = d.Original
		}
		io.WriteString(stdout, text)
		if len(text) > 0 && text[len(text)-1] != '\n' {
			fmt.Fprintln(stdout)
		}
	}
	return errors.Join(errs...)
}

// explainHTML prints htmltext's reasons for one HTML page (clean --explain).
func explainHTML(ctx context.Context, it ingest.Item, st []pipeline.Stage, w io.Writer) {
	if it.Err != nil || it.Format != ingest.FormatHTML {
		fmt.Fprintf(w, "%s: not an HTML page, nothing to explain\n", it.Source)
		return
	}
	var decode []pipeline.Stage
	for _, s := range st {
		if s.Name() == "decode" {
			decode = append(decode, s)
		}
	}
	d := pipeline.Process(ctx, it, decode, nil)
	if d.Err != nil {
		return // the clean run reports it
	}
	_, e, err := htmltext.Explain(d.Text)
	if err != nil {
		return
	}
	fmt.Fprintf(w, "%s:\n%s", it.Source, e)
}
