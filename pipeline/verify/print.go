package verify

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Print writes the differences document by document, then a precision and
// recall table per kind and a summary line.
func (r *Result) Print(w io.Writer) error {
	ew := &errWriter{w: w}
	for _, d := range r.MissingDocs {
		ew.printf("%s: MISSING from the output (golden: status %s, %d figures)\n", d.Key, d.Status, len(d.Figures))
	}
	for _, d := range r.ExtraDocs {
		ew.printf("%s: EXTRA in the output, no golden file (status %s, %d figures)\n", d.Key, d.Status, len(d.Figures))
	}
	for i := range r.Docs {
		d := &r.Docs[i]
		if d.OK() {
			continue
		}
		var parts []string
		if d.Status != nil {
			parts = append(parts, "status differs")
		}
		for _, p := range []struct {
			n    int
			name string
		}{{len(d.Missing), "missing"}, {len(d.Extra), "extra"}, {len(d.Changed), "changed"}} {
			if p.n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", p.n, p.name))
			}
		}
		if d.Text != nil || d.GoldenNoText {
			parts = append(parts, "text differs")
		}
		ew.printf("%s: %s (golden %d figures, output %d)\n", d.Key, strings.Join(parts, ", "), d.GoldenFigures, d.OutputFigures)
		if d.Status != nil {
			ew.printf("  status: golden %s, output %s\n", d.Status.Golden, d.Status.Got)
		}
		for _, f := range d.Missing {
			ew.printf("  - missing %s\n", describe(f))
		}
		for _, f := range d.Extra {
			ew.printf("  + extra   %s\n", describe(f))
		}
		for _, c := range d.Changed {
			ew.printf("  ~ changed %s\n", describe(c.Golden))
			for _, fd := range c.Diffs {
				ew.printf("      %s: %s -> %s\n", fd.Field, fd.Golden, fd.Got)
			}
		}
		if d.GoldenNoText {
			ew.printf("  text: the golden file holds no text (write it with --update --text)\n")
		}
		if t := d.Text; t != nil {
			coarse := ""
			if t.Coarse {
				coarse = ", not aligned: too large"
			}
			ew.printf("  text: %d lines removed, %d added (golden %d lines, output %d%s)\n", t.Removed, t.Added, t.GoldenLines, t.OutputLines, coarse)
			for _, h := range t.Hunks {
				ew.printf("    @@ golden line %d, output line %d\n", h.GoldenLine, h.OutputLine)
				for _, l := range h.Lines {
					ew.printf("    %c %s\n", l.Op, clip(l.Text, 100))
				}
			}
		}
	}
	r.printTable(ew)
	same := 0
	for i := range r.Docs {
		if r.Docs[i].OK() {
			same++
		}
	}
	total := len(r.Docs) + len(r.MissingDocs) + len(r.ExtraDocs)
	verdict := "OK"
	if !r.OK() {
		verdict = "DIFFERENCES"
	}
	ew.printf("verify: %s: %d of %d documents match (%d differ, %d missing from the output, %d not in the golden set)\n",
		verdict, same, total, len(r.Docs)-same, len(r.MissingDocs), len(r.ExtraDocs))
	return ew.err
}

func (r *Result) printTable(ew *errWriter) {
	kinds := make([]string, 0, len(r.Kinds))
	all := &KindStats{}
	for k, s := range r.Kinds {
		kinds = append(kinds, k)
		all.Golden += s.Golden
		all.Output += s.Output
		all.Correct += s.Correct
		all.Changed += s.Changed
		all.Missing += s.Missing
		all.Extra += s.Extra
	}
	sort.Strings(kinds)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tgolden\toutput\tcorrect\tchanged\tmissing\textra\tprecision\trecall\t")
	row := func(name string, s *KindStats) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", name, s.Golden, s.Output, s.Correct, s.Changed, s.Missing, s.Extra, ratio(s.Precision()), ratio(s.Recall()))
	}
	for _, k := range kinds {
		row(k, r.Kinds[k])
	}
	row("all", all)
	tw.Flush()
}

func ratio(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// describe is a one-line rendering of a figure.
func describe(f Figure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", f.Kind, strconv.FormatFloat(f.Value, 'f', -1, 64))
	if f.Unit != "" {
		b.WriteString(" " + f.Unit)
	}
	if f.Qualifier != "" {
		b.WriteString(" " + f.Qualifier)
	}
	fmt.Fprintf(&b, " raw=%q", f.Raw)
	if f.Year != nil {
		fmt.Fprintf(&b, " year=%d", *f.Year)
	}
	if f.Subject != "" {
		fmt.Fprintf(&b, " subject=%q", f.Subject)
	}
	if f.FromValue != nil || f.ToValue != nil {
		fmt.Fprintf(&b, " from=%s to=%s", fmtFloatPtr(f.FromValue), fmtFloatPtr(f.ToValue))
	}
	if f.PeriodUnit != "" {
		fmt.Fprintf(&b, " period=%s", f.PeriodUnit)
	}
	if f.Basis != "" {
		fmt.Fprintf(&b, " basis=%s", f.Basis)
	}
	return b.String()
}

func clip(s string, runes int) string {
	if utf8.RuneCountInString(s) <= runes {
		return s
	}
	n := 0
	for i := range s {
		if n == runes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
