package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// cleanOptions are clean's flags.
type cleanOptions struct {
	script, convert string
	explain         bool
}

func newCleanCmd() *cobra.Command {
	var o cleanOptions
	cmd := &cobra.Command{
		Use:   "clean [flags] FILE",
		Short: "Print the clean text of one document",
		Long:  "Prints the clean text the pipeline makes of FILE (- reads stdin).",
		Args:  exactArgs(1, "FILE (- for stdin)"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runClean(cmd.Context(), o, args[0], cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.script, "script", "simplified", "simplified (the text figures are read from) or original (the document's own script)")
	f.StringVar(&o.convert, "convert", "t2s", "OpenCC `CONFIG` used for --script simplified")
	f.BoolVar(&o.explain, "explain", false, "print to stderr which element of an HTML page was taken for the article, its score, the runners-up, and where the title and date came from")
	return cmd
}

func runClean(ctx context.Context, o cleanOptions, path string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.script != "simplified" && o.script != "original" {
		return usagef("--script must be simplified or original, not %q", o.script)
	}
	st, err := stages.Build(stages.Options{Convert: o.convert, NoExtract: true})
	if err != nil {
		return usageError{err}
	}
	var docs []*pipeline.Document
	err = ingest.Read(ctx, path, stdin, ingest.Options{}, func(it ingest.Item) error {
		if o.explain {
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
		if o.script == "original" {
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
