// Package report renders a run's output as one self-contained HTML page for
// review: documents with status and counts, each clean text with every
// figure highlighted, every edit the pipeline made, and a filter by figure
// kind. The page needs no network: CSS and script are inline.
package report

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// knownKinds fixes the order and colour of the figure kinds the extractors
// produce; other kinds follow in name order.
var knownKinds = []string{"road_length", "investment", "funding", "time_cut", "material_cut"}

var palette = []template.CSS{"#c8e6c9", "#bbdefb", "#ffe0b2", "#e1bee7", "#b2ebf2", "#f8bbd0", "#fff59d", "#d7ccc8", "#cfd8dc"}

type page struct {
	Title     string
	Dir       string
	Format    string
	Kinds     []kindInfo
	Stages    []countInfo
	Docs      []docView
	NDocs     int
	NOK       int
	NFailed   int
	NFigures  int
	NPlaced   int
	NEdits    int
	Warnings  []string
	KindIndex map[string]int
}

type kindInfo struct {
	Name  string
	Class string // "k0", "k1": class names never come from data
	Color template.CSS
	Count int
}

type countInfo struct {
	Name  string
	Count int
}

type docView struct {
	N      int
	Anchor string
	schema.Document
	Published  string
	KindCounts []int // aligned with page.Kinds
	Tokens     []token
	Figures    []figView
	Edits      []schema.Edit
	EditStages string // "chrome 3, pinyin 1"
	Unplaced   int
	OpenEdits  bool
	HasText    bool
}

// token is one piece of a highlighted text: plain text, the start or end
// of a highlight, or a figure's badge.
type token struct {
	T    int // tokText, tokOpen, tokClose, tokBadge
	Text string
	Fig  *figView
	Cont bool // a highlight reopened after a crossing figure closed
}

const (
	tokText = iota
	tokOpen
	tokClose
	tokBadge
)

type figView struct {
	schema.Figure
	HTMLID  string
	Class   string
	Display string // "≈39,000,000,000 CNY"
	Badge   string
	Tooltip string
	Year    string
	FromTo  string
	Placed  bool
	Problem string
}

func build(out *results.Output, title string) *page {
	g := out.Group()
	p := &page{Title: title, Dir: out.Dir, Format: out.Format, NDocs: len(g.Docs), KindIndex: map[string]int{}}

	kindCount := map[string]int{}
	stageCount := map[string]int{}
	for _, f := range out.Figures {
		kindCount[f.Kind]++
	}
	for _, e := range out.Edits {
		stageCount[e.Stage]++
	}
	var kinds []string
	for _, k := range knownKinds {
		if kindCount[k] > 0 {
			kinds = append(kinds, k)
		}
	}
	var other []string
	for k := range kindCount {
		if !contains(knownKinds, k) {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	kinds = append(kinds, other...)
	for i, k := range kinds {
		color := palette[len(palette)-1]
		if j := indexOf(knownKinds, k); j >= 0 {
			color = palette[j]
		} else if len(knownKinds)+i < len(palette) {
			color = palette[len(knownKinds)+i]
		}
		p.KindIndex[k] = i
		p.Kinds = append(p.Kinds, kindInfo{Name: k, Class: "k" + strconv.Itoa(i), Color: color, Count: kindCount[k]})
	}
	for s, n := range stageCount {
		p.Stages = append(p.Stages, countInfo{s, n})
	}
	sort.Slice(p.Stages, func(i, j int) bool { return p.Stages[i].Name < p.Stages[j].Name })

	for i, d := range g.Docs {
		v := docView{N: i + 1, Anchor: fmt.Sprintf("doc-%d", i+1), Document: d.Document, Edits: d.Edits,
			KindCounts: make([]int, len(kinds)), HasText: d.Text != ""}
		if d.PublishedAt != nil {
			v.Published = d.PublishedAt.Format("2006-01-02")
		}
		if d.Status == schema.StatusOK {
			p.NOK++
		} else {
			p.NFailed++
		}
		for j, f := range d.Figures {
			v.KindCounts[p.KindIndex[f.Kind]]++
			v.Figures = append(v.Figures, newFigView(f, fmt.Sprintf("f%d-%d", i+1, j+1), "k"+strconv.Itoa(p.KindIndex[f.Kind]), d.Text))
		}
		v.Tokens = highlight(d.Text, v.Figures)
		for _, f := range v.Figures {
			p.NFigures++
			if f.Placed {
				p.NPlaced++
			} else {
				v.Unplaced++
			}
		}
		if v.Unplaced > 0 {
			p.Warnings = append(p.Warnings, fmt.Sprintf("%s: %d figures have offsets outside the text and are listed but not highlighted", d.Source, v.Unplaced))
		}
		sc := map[string]int{}
		var order []string
		for _, e := range d.Edits {
			if sc[e.Stage] == 0 {
				order = append(order, e.Stage)
			}
			sc[e.Stage]++
		}
		var parts []string
		for _, s := range order {
			parts = append(parts, fmt.Sprintf("%s %d", s, sc[s]))
		}
		v.EditStages = strings.Join(parts, ", ")
		v.OpenEdits = len(d.Edits) > 0 && len(d.Edits) <= 30
		p.NEdits += len(d.Edits)
		p.Docs = append(p.Docs, v)
	}
	if len(g.OrphanFigures) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("%d figures name a doc_id that has no documents row (first: %q); they are not shown", len(g.OrphanFigures), g.OrphanFigures[0].DocID))
	}
	if len(g.OrphanEdits) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("%d edits name a doc_id that has no documents row (first: %q); they are not shown", len(g.OrphanEdits), g.OrphanEdits[0].DocID))
	}
	if len(g.DuplicateIDs) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("doc_ids with more than one documents row: %q; their figures are shown with the first", g.DuplicateIDs))
	}
	if out.NoEdits {
		p.Warnings = append(p.Warnings, "the output holds no edits table: edits are not shown")
	}
	return p
}

func newFigView(f schema.Figure, id, class, text string) figView {
	v := figView{Figure: f, HTMLID: id, Class: class}
	v.Display = qualifierSign(f.Qualifier) + groupDigits(valueText(f))
	switch f.Unit {
	case "%":
		v.Display += "%"
	case "":
	default:
		v.Display += " " + f.Unit
	}
	v.Badge = f.Kind + " " + v.Display
	if f.Year != nil {
		v.Year = strconv.Itoa(int(*f.Year))
	}
	if f.FromValue != nil || f.ToValue != nil {
		v.FromTo = fmtPtr(f.FromValue) + " → " + fmtPtr(f.ToValue)
		if f.PeriodUnit != "" {
			v.FromTo += " " + f.PeriodUnit
		}
	}
	var tip []string
	tip = append(tip, fmt.Sprintf("%s: %s", f.Kind, v.Display))
	if f.Qualifier != "" {
		tip[0] += " (" + f.Qualifier + ")"
	}
	tip = append(tip, "raw: "+f.Raw)
	if v.Year != "" {
		tip = append(tip, "year: "+v.Year)
	}
	if f.Subject != "" {
		tip = append(tip, "subject: "+f.Subject)
	}
	if v.FromTo != "" {
		tip = append(tip, "from → to: "+v.FromTo)
	}
	if f.Extractor != "" {
		tip = append(tip, "rule: "+f.Extractor)
	}
	v.Tooltip = strings.Join(tip, "\n")
	s, e := f.Start, f.End
	switch {
	case s < 0 || e > int64(len(text)) || s >= e:
		v.Problem = fmt.Sprintf("offsets %d–%d outside the text (%d bytes)", s, e, len(text))
	case !utf8.RuneStart(text[s]) || (e < int64(len(text)) && !utf8.RuneStart(text[e])):
		v.Problem = fmt.Sprintf("offsets %d–%d split a character", s, e)
	default:
		v.Placed = true
	}
	return v
}

// highlight splits text into tokens with a highlight per placed figure.
// Nested figures nest; a figure that crosses the end of another is closed
// and reopened around it, so the markup stays well formed.
func highlight(text string, figs []figView) []token {
	type ev struct {
		pos  int64
		fig  *figView
		open bool
		idx  int
	}
	var evs []ev
	for i := range figs {
		if figs[i].Placed {
			evs = append(evs, ev{figs[i].Start, &figs[i], true, i}, ev{figs[i].End, &figs[i], false, i})
		}
	}
	// At one position: closes before opens; opens outermost (longest)
	// first; closes innermost (latest opened) first, so that figures with
	// the same span nest instead of crossing.
	sort.SliceStable(evs, func(a, b int) bool {
		ea, eb := evs[a], evs[b]
		if ea.pos != eb.pos {
			return ea.pos < eb.pos
		}
		if ea.open != eb.open {
			return !ea.open
		}
		if ea.open {
			if ea.fig.End != eb.fig.End {
				return ea.fig.End > eb.fig.End
			}
			return ea.idx < eb.idx
		}
		if ea.fig.Start != eb.fig.Start {
			return ea.fig.Start > eb.fig.Start
		}
		return ea.idx > eb.idx
	})
	var toks []token
	var stack []*figView
	var pos int64
	for _, e := range evs {
		if e.pos > pos {
			toks = append(toks, token{T: tokText, Text: text[pos:e.pos]})
			pos = e.pos
		}
		if e.open {
			toks = append(toks, token{T: tokOpen, Fig: e.fig})
			stack = append(stack, e.fig)
			continue
		}
		at := len(stack) - 1
		for at >= 0 && stack[at] != e.fig {
			at--
		}
		above := append([]*figView(nil), stack[at+1:]...)
		for range above {
			toks = append(toks, token{T: tokClose})
		}
		toks = append(toks, token{T: tokClose}, token{T: tokBadge, Fig: e.fig})
		stack = stack[:at]
		for _, f := range above {
			toks = append(toks, token{T: tokOpen, Fig: f, Cont: true})
			stack = append(stack, f)
		}
	}
	if pos < int64(len(text)) {
		toks = append(toks, token{T: tokText, Text: text[pos:]})
	}
	return toks
}

func valueText(f schema.Figure) string {
	if f.ValueText != "" {
		return f.ValueText
	}
	return strconv.FormatFloat(f.Value, 'f', -1, 64)
}

// groupDigits puts thousands separators into the integer part of a decimal.
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	for _, r := range intPart {
		if r < '0' || r > '9' {
			return sign + s // not a plain decimal: show as is
		}
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

func qualifierSign(q string) string {
	switch q {
	case "approx":
		return "≈"
	case "over":
		return ">"
	case "under":
		return "<"
	}
	return ""
}

func fmtPtr(v *float64) string {
	if v == nil {
		return "?"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
