package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// cleanOptions are clean's flags.
type cleanOptions struct {
	script, convert string
	explain, jsonl  bool
}

func newCleanCmd() *cobra.Command {
	var o cleanOptions
	cmd := &cobra.Command{
		Use:   "clean [flags] FILE",
		Short: "Print the clean text of one document",
		Long: `Prints the clean text the pipeline makes of FILE (- reads stdin).

A FILE holding several documents (JSONL, WARC) prints each under a line
"==> SOURCE <==", or with --jsonl one JSON object per document. Failed
documents are named on stderr and make the exit code 1.`,
		Args: exactArgs(1, "FILE"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runClean(cmd.Context(), o, args[0], cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.script, "script", "simplified", "simplified (the text figures are read from) or original (the document's own script)")
	f.StringVar(&o.convert, "convert", "t2s", "OpenCC `CONFIG` used for --script simplified")
	f.BoolVar(&o.jsonl, "jsonl", false, `print one JSON object per document: {"source","text"}, or {"source","error"} for a failed one`)
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
	// A path that cannot be read is named with the reason alone ("help: no
	// such file or directory"), not through the reader's layers of context.
	if path != "-" {
		st, err := os.Stat(path)
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			return fmt.Errorf("%s: %w", path, pe.Err)
		case err != nil:
			return err
		case st.IsDir():
			return fmt.Errorf("%s: is a folder; clean takes one file (run takes folders)", path)
		}
	}
	out := newCleanWriter(stdout, o)
	var failed, total int
	err = ingest.Read(ctx, path, stdin, ingest.Options{}, func(it ingest.Item) error {
		if o.explain {
			explainHTML(ctx, it, st, stderr)
		}
		d := pipeline.Process(ctx, it, st, nil)
		total++
		if d.Err != nil {
			failed++
			fmt.Fprintf(stderr, "zhextract clean: %s: %v\n", d.Item.Source, d.Err)
		}
		return out.write(d)
	})
	if ferr := out.flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return &exitError{code: exitFailure, err: fmt.Errorf("%d of %d documents failed", failed, total)}
	}
	return nil
}

// cleanWriter prints clean's documents. Plain text: one document as it
// is; several (a JSONL or WARC file) each under a "==> SOURCE <==" line, as
// head(1) separates files. It holds one document back to know which.
// --jsonl: one {"source","text"} or {"source","error"} object a line.
type cleanWriter struct {
	w    io.Writer
	o    cleanOptions
	held *pipeline.Document
	n    int // documents written
	enc  *json.Encoder
}

func newCleanWriter(w io.Writer, o cleanOptions) *cleanWriter {
	c := &cleanWriter{w: w, o: o}
	if o.jsonl {
		c.enc = json.NewEncoder(w)
		c.enc.SetEscapeHTML(false)
	}
	return c
}

func (c *cleanWriter) text(d *pipeline.Document) string {
	if c.o.script == "original" {
		return d.Original
	}
	return d.Text
}

func (c *cleanWriter) write(d *pipeline.Document) error {
	if c.enc != nil {
		row := struct {
			Source string `json:"source"`
			Text   string `json:"text,omitempty"`
			Error  string `json:"error,omitempty"`
		}{Source: d.Item.Source}
		if d.Err != nil {
			row.Error = d.Err.Error()
		} else {
			row.Text = c.text(d)
		}
		return c.enc.Encode(row)
	}
	if d.Err != nil {
		return nil // reported on stderr
	}
	if c.held != nil {
		if err := c.print(c.held, true); err != nil {
			return err
		}
		c.held = nil
	}
	if c.n == 0 {
		c.held = d // the first: headed only if another follows
		return nil
	}
	return c.print(d, true)
}

func (c *cleanWriter) flush() error {
	if c.held != nil {
		err := c.print(c.held, false)
		c.held = nil
		return err
	}
	return nil
}

func (c *cleanWriter) print(d *pipeline.Document, header bool) error {
	var b strings.Builder
	if header {
		if c.n > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "==> %s <==\n", d.Item.Source)
	}
	text := c.text(d)
	b.WriteString(text)
	if len(text) > 0 && !strings.HasSuffix(text, "\n") {
		b.WriteString("\n")
	}
	c.n++
	_, err := io.WriteString(c.w, b.String())
	return err
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
