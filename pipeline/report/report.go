package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/zhextract/zhextract/pipeline/results"
)

//go:embed page.html.tmpl
var pageSource string

// pageTemplate is parsed once; html/template escapes every value by
// context (text, attribute, URL), so document text cannot inject markup.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"visible": visible}).Parse(pageSource))
})

// Options tune the page.
type Options struct {
	Title string // default "zhextract report"
}

// Write renders the report for out to w.
func Write(w io.Writer, out *results.Output, opt Options) error {
	if opt.Title == "" {
		opt.Title = "zhextract report"
	}
	bw := bufio.NewWriter(w)
	if err := pageTemplate().Execute(bw, build(out, opt.Title)); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	return bw.Flush()
}

// WriteFile renders the report for out into path, through a temporary file
// so that a failed render leaves no half page behind.
func WriteFile(path string, out *results.Output, opt Options) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".report-*.html.tmp")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	err = Write(f, out, opt)
	if err == nil {
		// CreateTemp makes the file private; a report is meant to be shared.
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write report %s: %w", path, err)
	}
	return nil
}

// visible marks whitespace in an edit so that removed newlines, spaces and
// tabs can be seen; the result is still plain text for the template.
func visible(s string) string {
	r := strings.NewReplacer("\n", "↵\n", "\t", "→\t", "\r", "␍", "\u00a0", "⍽", "\u3000", "□")
	if strings.TrimSpace(s) == "" {
		return r.Replace(strings.ReplaceAll(s, " ", "·"))
	}
	return r.Replace(s)
}
