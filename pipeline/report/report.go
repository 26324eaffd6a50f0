// Package report renders a run's output as HTML for review: totals, a
// summary by status, figure kind and edit stage, a sortable documents
// table, and each clean text with every figure highlighted and every edit
// the pipeline made. Pages need no network: CSS and script are inline or
// beside them.
//
// A report is one self-contained file for a small selection of documents
// (WriteFile), or a folder for a run of any size (WriteDir): index.html
// with the summary and the table, docs/NNNNN.html pages of documents, and
// data/NNNNN.js holding the table's rows. Both read the run as a stream
// and hold one page of documents at a time.
package report

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/zhextract/zhextract/pipeline/results"
)

//go:embed pages.html.tmpl
var pagesSource string

// templates are parsed once; html/template escapes every value by context
// (text, attribute, URL, script), so document text cannot inject markup.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("pages").Funcs(template.FuncMap{"visible": visible, "words": words}).Parse(pagesSource))
})

// Options tune a report. The zero value shows every document.
type Options struct {
	Title string // default "zhextract report"

	// Selection of the documents shown; totals and summaries always count
	// the whole run.
	FailedOnly bool   // only documents whose status is not ok
	Kind       string // only documents with a figure of this kind
	Sample     int    // a uniform random sample of this many selected documents
	Seed       uint64 // seed of the sample, so that a report can be made again
	Limit      int    // at most this many documents (after the sample)

	// DocsPerPage and PageBytes bound a page of a folder report: a page
	// takes documents until either is reached (a longer document gets a
	// page of its own). Defaults 100 and 4 MB of clean text.
	DocsPerPage int
	PageBytes   int64
	// MaxSingleDocs and MaxSingleBytes bound a single-file report; a larger
	// selection is refused with ErrTooLarge. Defaults 1000 and 16 MB of
	// clean text.
	MaxSingleDocs  int
	MaxSingleBytes int64
}

// ErrTooLarge is returned when a selection is too large for one file.
var ErrTooLarge = errors.New("too large for a single-file report")

func (o *Options) defaults() {
	if o.Title == "" {
		o.Title = "zhextract report"
	}
	if o.DocsPerPage <= 0 {
		o.DocsPerPage = 100
	}
	if o.PageBytes <= 0 {
		o.PageBytes = 4 << 20
	}
	if o.MaxSingleDocs <= 0 {
		o.MaxSingleDocs = 1000
	}
	if o.MaxSingleBytes <= 0 {
		o.MaxSingleBytes = 16 << 20
	}
}

// Write renders out, already in memory, as one self-contained page.
func Write(w io.Writer, out *results.Output, opt Options) error {
	opt.defaults()
	open := func() (source, error) { return &memSource{g: out.Group(), o: out}, nil }
	_, err := writeSingle(context.Background(), w, out.Dir, out.Format, open, opt)
	return err
}

// WriteSingle renders the run in dir as one self-contained page; it
// returns an error wrapping ErrTooLarge when the selection passes
// MaxSingleDocs or MaxSingleBytes.
func WriteSingle(ctx context.Context, w io.Writer, dir string, opt Options) (Result, error) {
	opt.defaults()
	l, err := results.Locate(dir)
	if err != nil {
		return Result{}, err
	}
	return writeSingle(ctx, w, dir, l.Format, openRunFunc(dir), opt)
}

func openRunFunc(dir string) func() (source, error) {
	return func() (source, error) {
		s, _, err := openRun(dir)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// pageData is what every template reads.
type pageData struct {
	Title    string
	AllKinds []kindInfo // every kind met so far: the style sheet
	*summary

	// single and shard pages
	PageKinds []kindInfo
	Docs      []docView
	Rows      [][]any

	// shard pages
	Page, First, Last int
	Prev, Next        string

	// index
	DataFiles []string
	NPages    int
}

func writeSingle(ctx context.Context, w io.Writer, dir, format string, open func() (source, error), opt Options) (Result, error) {
	k := newKinds()
	sum := newSummary(dir, format, k)
	var views []docView
	var rows [][]any
	var textBytes int64
	err := scan(ctx, open, opt, sum, func(n int, d *doc) error {
		textBytes += int64(len(d.Text))
		if len(views) >= opt.MaxSingleDocs || textBytes > opt.MaxSingleBytes {
			return fmt.Errorf("%w: more than %d documents or %d MB of clean text are selected", ErrTooLarge, opt.MaxSingleDocs, opt.MaxSingleBytes>>20)
		}
		v := k.view(n, d)
		views = append(views, v)
		rows = append(rows, rowOf(&v, "#"+v.Anchor))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	sum.finish()
	p := &pageData{Title: opt.Title, AllKinds: k.all(), summary: sum, PageKinds: sum.Kinds, Docs: views, Rows: rows}
	if p.Rows == nil {
		p.Rows = [][]any{}
	}
	res := Result{Documents: sum.NDocs, Shown: len(views), Figures: sum.NFigures, Edits: sum.NEdits, Pages: 1}
	bw := bufio.NewWriter(w)
	if err := templates().ExecuteTemplate(bw, "single", p); err != nil {
		return res, fmt.Errorf("render report: %w", err)
	}
	return res, bw.Flush()
}

// rowOf is a document's row of the documents table, in the order the
// table script reads it.
func rowOf(v *docView, href string) []any {
	// NULL columns are "" to the table script, which sorts and filters text.
	return []any{v.N, href, v.Source, string(v.Title), v.Status, string(v.Encoding), string(v.Script), v.Chars,
		v.KindCounts, len(v.Edits), v.Repairs, v.PinyinRemoved, string(v.Error)}
}

// scan reads the run, counts every document into sum and passes the
// selected ones, numbered from 1 in run order, to fn.
func scan(ctx context.Context, open func() (source, error), opt Options, sum *summary, fn func(n int, d *doc) error) error {
	var picked map[int]bool
	if opt.Sample > 0 {
		var err error
		if picked, err = sample(ctx, open, opt); err != nil {
			return err
		}
	}
	src, err := open()
	if err != nil {
		return err
	}
	defer src.close()
	n, selected, shown := 0, 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, ok := src.next()
		if !ok {
			break
		}
		n++
		sum.add(d)
		if !opt.selects(d) {
			continue
		}
		selected++
		if picked != nil && !picked[selected] {
			continue
		}
		if opt.Limit > 0 && shown >= opt.Limit {
			continue // keep counting the run for the summary
		}
		shown++
		if err := fn(n, d); err != nil {
			return err
		}
	}
	if err := src.err(); err != nil {
		return err
	}
	sum.Warnings = append(sum.Warnings, src.warnings()...)
	sum.selection(opt, selected, shown)
	return nil
}

func (o *Options) selects(d *doc) bool {
	if o.FailedOnly && d.Status == "ok" {
		return false
	}
	if o.Kind != "" {
		for _, f := range d.Figures {
			if f.Kind == o.Kind {
				return true
			}
		}
		return false
	}
	return true
}

// sample reads the run once to draw Sample of the selected documents
// (numbered from 1 among them) by reservoir sampling: memory is the sample.
func sample(ctx context.Context, open func() (source, error), opt Options) (map[int]bool, error) {
	src, err := open()
	if err != nil {
		return nil, err
	}
	defer src.close()
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a68657874726163))
	res := make([]int, 0, opt.Sample)
	seen := 0
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, ok := src.next()
		if !ok {
			break
		}
		if !opt.selects(d) {
			continue
		}
		seen++
		if len(res) < opt.Sample {
			res = append(res, seen)
		} else if j := rng.IntN(seen); j < opt.Sample {
			res[j] = seen
		}
	}
	if err := src.err(); err != nil {
		return nil, err
	}
	picked := make(map[int]bool, len(res))
	for _, i := range res {
		picked[i] = true
	}
	return picked, nil
}

// summary counts a whole run; it is small whatever the run's size.
type summary struct {
	Dir, Format              string
	NDocs, NOK, NFailed      int
	NFigures, NEdits         int
	NInferred                int
	TextMB                   string
	Statuses, Stages, Errors []countInfo
	Kinds                    []kindInfo // kinds present, with counts
	KindIndexes              []int      // their indexes, for the table script
	Warnings                 []string
	Selection                string
	k                        *kinds
	textBytes                int64
	statuses, stages, errs   map[string]int
	errOther                 int
	kindFigs, kindDocs       map[int]int
}

// maxErrorKinds bounds the distinct error messages counted; the rest are
// counted together, so that a run of unique errors stays small.
const maxErrorKinds = 1000

func newSummary(dir, format string, k *kinds) *summary {
	return &summary{Dir: dir, Format: format, k: k, statuses: map[string]int{}, stages: map[string]int{},
		errs: map[string]int{}, kindFigs: map[int]int{}, kindDocs: map[int]int{}}
}

func (s *summary) add(d *doc) {
	s.NDocs++
	if d.Status == "ok" {
		s.NOK++
	} else {
		s.NFailed++
	}
	s.statuses[d.Status]++
	if d.Error != "" {
		if _, ok := s.errs[string(d.Error)]; ok || len(s.errs) < maxErrorKinds {
			s.errs[string(d.Error)]++
		} else {
			s.errOther++
		}
	}
	s.textBytes += int64(len(d.Text))
	s.NFigures += len(d.Figures)
	has := map[int]bool{}
	for _, f := range d.Figures {
		i := s.k.add(f.Kind)
		s.kindFigs[i]++
		has[i] = true
	}
	for i := range has {
		s.kindDocs[i]++
	}
	s.NEdits += len(d.Edits)
	for _, e := range d.Edits {
		s.stages[e.Stage]++
		if isInferred(e) {
			s.NInferred++
		}
	}
}

func (s *summary) finish() {
	s.TextMB = fmt.Sprintf("%.1f", float64(s.textBytes)/(1<<20))
	s.Statuses = sortedCounts(s.statuses, false)
	s.Stages = sortedCounts(s.stages, false)
	s.Errors = sortedCounts(s.errs, true)
	if len(s.Errors) > 10 {
		s.Errors = s.Errors[:10]
	}
	if s.errOther > 0 {
		s.Warnings = append(s.Warnings, fmt.Sprintf("more than %d distinct error messages: %d documents with other errors are not in the errors table", maxErrorKinds, s.errOther))
	}
	s.Kinds, s.KindIndexes = nil, nil
	for _, ki := range s.k.all() {
		if s.kindFigs[ki.Index] == 0 {
			continue
		}
		ki.Count, ki.Docs = s.kindFigs[ki.Index], s.kindDocs[ki.Index]
		s.Kinds = append(s.Kinds, ki)
		s.KindIndexes = append(s.KindIndexes, ki.Index)
	}
}

func (s *summary) selection(opt Options, selected, shown int) {
	var parts []string
	if opt.FailedOnly {
		parts = append(parts, "failed documents")
	}
	if opt.Kind != "" {
		parts = append(parts, "documents with a "+opt.Kind+" figure")
	}
	if len(parts) == 0 && opt.Sample == 0 && opt.Limit == 0 {
		return
	}
	if len(parts) == 0 {
		parts = append(parts, "documents")
	}
	what := strings.Join(parts, " that are ")
	desc := fmt.Sprintf("%d of %d %s", shown, selected, what)
	if opt.Sample > 0 {
		desc += fmt.Sprintf(" (a random sample, seed %d)", opt.Seed)
	}
	if opt.Limit > 0 {
		desc += fmt.Sprintf(" (at most %d)", opt.Limit)
	}
	s.Selection = desc
}

// sortedCounts orders counts by name, or largest first.
func sortedCounts(m map[string]int, byCount bool) []countInfo {
	out := make([]countInfo, 0, len(m))
	for k, v := range m {
		out = append(out, countInfo{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if byCount && out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// words splits a kind name at underscores, where a narrow column header may
// break it.
func words(s string) []string { return strings.Split(s, "_") }

// visible marks whitespace in an edit so that removed newlines, spaces and
// tabs can be seen; the result is still plain text for the template.
func visible(s string) string {
	r := strings.NewReplacer("\n", "↵\n", "\t", "→\t", "\r", "␍", "\u00a0", "⍽", "\u3000", "□")
	if strings.TrimSpace(s) == "" {
		return r.Replace(strings.ReplaceAll(s, " ", "·"))
	}
	return r.Replace(s)
}
