package report

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// knownKinds fixes the order and colour of the figure kinds the extractors
// produce; other kinds follow in the order they are first met.
var knownKinds = []string{"road_length", "investment", "funding", "time_cut", "material_cut"}

var palette = []template.CSS{"#c8e6c9", "#bbdefb", "#ffe0b2", "#e1bee7", "#b2ebf2", "#f8bbd0", "#fff59d", "#d7ccc8", "#cfd8dc"}

// kinds numbers figure kinds as a report meets them, so that every page of
// a report gives a kind the same class and colour without a first pass.
type kinds struct {
	names []string
	index map[string]int
}

func newKinds() *kinds {
	k := &kinds{index: map[string]int{}}
	for _, n := range knownKinds {
		k.add(n)
	}
	return k
}

func (k *kinds) add(name string) int {
	if i, ok := k.index[name]; ok {
		return i
	}
	k.index[name] = len(k.names)
	k.names = append(k.names, name)
	return len(k.names) - 1
}

func (k *kinds) info(i int) kindInfo {
	color := palette[len(palette)-1]
	if i < len(palette) {
		color = palette[i]
	}
	return kindInfo{Index: i, Name: k.names[i], Class: "k" + strconv.Itoa(i), Color: color}
}

// all lists every kind met so far, for a page's style sheet.
func (k *kinds) all() []kindInfo {
	out := make([]kindInfo, len(k.names))
	for i := range k.names {
		out[i] = k.info(i)
	}
	return out
}

type kindInfo struct {
	Index int
	Name  string
	Class string // "k0", "k1": class names never come from data
	Color template.CSS
	Count int // figures
	Docs  int // documents with at least one
}

type countInfo struct {
	Name  string
	Count int
}

type docView struct {
	N      int
	Anchor string
	schema.Document
	Published   string
	KindCounts  []int // by kinds index
	Tokens      []token
	Figures     []figView
	Edits       []editView
	EditStages  string // "chrome 3, pinyin 1"
	Unplaced    int
	Inferred    int
	OpenEdits   bool
	HasText     bool
	HasEvidence bool
}

type editView struct {
	schema.Edit
	Inferred bool
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
	figure
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

// view prepares document n (from 1) for a page.
func (k *kinds) view(n int, d *doc) docView {
	v := docView{N: n, Anchor: fmt.Sprintf("doc-%d", n), Document: d.Document,
		KindCounts: make([]int, len(k.names)), HasText: d.Text != ""}
	if d.PublishedAt != nil {
		v.Published = d.PublishedAt.Format("2006-01-02")
	}
	for j, f := range d.Figures {
		i := k.add(f.Kind)
		for len(v.KindCounts) <= i {
			v.KindCounts = append(v.KindCounts, 0)
		}
		v.KindCounts[i]++
		v.Figures = append(v.Figures, newFigView(f, fmt.Sprintf("f%d-%d", n, j+1), "k"+strconv.Itoa(i), d.Text))
		if f.Evidence != "" || f.Basis != "" {
			v.HasEvidence = true
		}
	}
	v.Tokens = highlight(d.Text, v.Figures)
	for _, f := range v.Figures {
		if !f.Placed {
			v.Unplaced++
		}
	}
	sc := map[string]int{}
	var order []string
	for _, e := range d.Edits {
		if sc[e.Stage] == 0 {
			order = append(order, e.Stage)
		}
		sc[e.Stage]++
		ev := editView{Edit: e, Inferred: isInferred(e)}
		if ev.Inferred {
			v.Inferred++
		}
		v.Edits = append(v.Edits, ev)
	}
	var parts []string
	for _, s := range order {
		parts = append(parts, fmt.Sprintf("%s %d", s, sc[s]))
	}
	if v.Inferred > 0 {
		parts = append(parts, fmt.Sprintf("%d inferred", v.Inferred))
	}
	v.EditStages = strings.Join(parts, ", ")
	v.OpenEdits = len(d.Edits) > 0 && len(d.Edits) <= 30
	return v
}

// isInferred tells an edit whose new text the pipeline inferred (characters
// chosen by a model, not read from bytes), which a reviewer should check
// first.
func isInferred(e schema.Edit) bool { return strings.HasPrefix(e.Reason, "inferred") }

func newFigView(f figure, id, class, text string) figView {
	v := figView{figure: f, HTMLID: id, Class: class}
	v.Display = qualifierSign(string(f.Qualifier)) + groupDigits(valueText(f))
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
			v.FromTo += " " + string(f.PeriodUnit)
		}
	}
	var tip []string
	tip = append(tip, fmt.Sprintf("%s: %s", f.Kind, v.Display))
	if f.Qualifier != "" {
		tip[0] += " (" + string(f.Qualifier) + ")"
	}
	tip = append(tip, "raw: "+f.Raw)
	if v.Year != "" {
		tip = append(tip, "year: "+v.Year)
	}
	if f.Subject != "" {
		tip = append(tip, "subject: "+string(f.Subject))
	}
	if v.FromTo != "" {
		tip = append(tip, "from → to: "+v.FromTo)
	}
	if f.Extractor != "" {
		tip = append(tip, "rule: "+f.Extractor)
	}
	if f.Evidence != "" {
		tip = append(tip, "evidence: "+f.Evidence)
	}
	if f.Basis != "" {
		tip = append(tip, "basis: "+f.Basis)
	}
	v.Tooltip = strings.Join(tip, "\n")
	s, e := f.TextStart, f.TextEnd
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
			evs = append(evs, ev{figs[i].TextStart, &figs[i], true, i}, ev{figs[i].TextEnd, &figs[i], false, i})
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
			if ea.fig.TextEnd != eb.fig.TextEnd {
				return ea.fig.TextEnd > eb.fig.TextEnd
			}
			return ea.idx < eb.idx
		}
		if ea.fig.TextStart != eb.fig.TextStart {
			return ea.fig.TextStart > eb.fig.TextStart
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

func valueText(f figure) string {
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
