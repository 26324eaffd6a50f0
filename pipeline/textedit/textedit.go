// Package textedit records the replacements a text-changing stage makes, so
// that every repair is visible to QA and every offset in the final text can
// be mapped back to the exact bytes of the input.
package textedit

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Edit says that the bytes [Start,End) of a stage's input text became New.
// Offsets are byte offsets into that stage's input, never into its output.
type Edit struct {
	Stage  string
	Start  int
	End    int
	Old    string
	New    string
	Reason string
	// Quiet edits exist only for offset mapping (script conversion, whole-file
	// transcoding) and are not written to the edits table.
	Quiet bool
	// Unit > 0 makes a quiet edit a run: the input span is characters of
	// Unit bytes each and New characters of NewUnit bytes each, the i-th of
	// New standing for the i-th of the input (when the units are equal,
	// characters left as they were may sit between those replaced). One
	// record then covers a stretch of one-for-one conversions or
	// transcodings, and offsets inside it map character for character, as
	// one edit per character would map them.
	Unit, NewUnit int
}

// Builder produces a stage's output from its input while recording edits.
// Callers walk the input left to right: Replace calls must not overlap and
// must come in increasing order of start.
type Builder struct {
	src   string
	stage string
	pos   int // input copied to out so far
	last  int // end of the last replacement, for the order check
	out   strings.Builder
	// recs are the edits in input order, small and free of pointers while
	// the output is built: a conversion records one per stretch of
	// converted characters, tens of thousands in a large text, and
	// growing a slice of Edit (copying and clearing its strings each
	// time) was half of the conversion's cost. Edits makes the Edit values
	// once, at the end.
	recs    []rec
	other   []other  // the edits that are not runs, by rec.ref
	reasons []string // the runs' reasons, by -rec.ref-1
}

// other is what an edit that is not a run holds beyond its span.
type other struct {
	repl, reason string
	quiet        bool
}

// rec is one recorded edit: a quiet run (ref < 0), whose Old and New are
// sliced from the input and output when Edits makes it, or another edit
// (ref indexes Builder.other).
type rec struct {
	start, end       int // input span
	outStart, outEnd int // output span of a run
	unit             int // a run's Unit and NewUnit
	ref              int // >= 0: other[ref]; < 0: a run with reasons[-ref-1]
}

// NewBuilder starts building the output for src on behalf of stage.
func NewBuilder(src, stage string) *Builder {
	return &Builder{src: src, stage: stage}
}

// write copies the input up to start and then repl to the output. Nothing
// is copied before the first real replacement, so a stage that changes
// nothing returns its input without a copy.
func (b *Builder) write(start, end int, repl string) {
	if b.out.Cap() == 0 {
		b.out.Grow(len(b.src) + len(repl))
	}
	b.out.WriteString(b.src[b.pos:start])
	b.out.WriteString(repl)
	b.pos, b.last = end, end
}

// Replace copies the input up to start unchanged, then writes repl in place
// of src[start:end] and records the edit. A replacement equal to the input
// is copied without an edit.
func (b *Builder) Replace(start, end int, repl, reason string) {
	b.replace(start, end, repl, reason, false)
}

// ReplaceQuiet is Replace for edits that only keep offsets mappable. A
// replacement of one character by one of the same length joins the
// previous quiet edit when that is a run of such characters and only
// characters of that length lie between them (see Edit.Unit): a converted
// text then holds a record per stretch, not per character.
func (b *Builder) ReplaceQuiet(start, end int, repl, reason string) {
	u := end - start
	if start < b.last || end > len(b.src) || u != len(repl) || !oneRune(repl) || !oneRune(b.src[start:end]) || repl == b.src[start:end] {
		b.replace(start, end, repl, reason, true)
		return
	}
	if n := len(b.recs); n > 0 {
		p := &b.recs[n-1]
		if p.ref < 0 && p.unit == u && b.reasons[-p.ref-1] == reason && sameLength(b.src[p.end:start], u) {
			b.write(start, end, repl)
			p.end = end
			p.outEnd = b.out.Len()
			return
		}
	}
	at := b.out.Len() + start - b.pos
	b.write(start, end, repl)
	b.recs = append(b.recs, rec{start: start, end: end, outStart: at, outEnd: b.out.Len(), unit: u, ref: -b.reason(reason) - 1})
}

// reason returns the index of a run's reason in b.reasons (a stage uses
// one or two).
func (b *Builder) reason(r string) int {
	for i, x := range b.reasons {
		if x == r {
			return i
		}
	}
	b.reasons = append(b.reasons, r)
	return len(b.reasons) - 1
}

// oneRune reports whether s is exactly one valid character.
func oneRune(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && n > 0 && (r != utf8.RuneError || n > 1)
}

// sameLength reports whether s is valid characters of u bytes each.
func sameLength(s string, u int) bool {
	if len(s)%u != 0 {
		return false
	}
	for i := 0; i < len(s); i += u {
		if !oneRune(s[i : i+u]) {
			return false
		}
	}
	return true
}

func (b *Builder) replace(start, end int, repl, reason string, quiet bool) {
	if start < b.last || end < start || end > len(b.src) {
		panic("textedit: replacement out of order or out of range")
	}
	old := b.src[start:end]
	if old == repl {
		b.last = end
		return
	}
	b.write(start, end, repl)
	b.other = append(b.other, other{repl: repl, reason: reason, quiet: quiet})
	b.recs = append(b.recs, rec{start: start, end: end, ref: len(b.other) - 1})
}

// String copies the rest of the input and returns the output: the input
// itself when nothing was replaced.
func (b *Builder) String() string {
	if len(b.recs) == 0 {
		return b.src
	}
	if b.pos < len(b.src) {
		b.out.WriteString(b.src[b.pos:])
		b.pos = len(b.src)
	}
	return b.out.String()
}

// Edits returns the recorded edits in input order (nil when there are
// none); a run's New is read from the output built so far.
func (b *Builder) Edits() []Edit {
	if len(b.recs) == 0 {
		return nil
	}
	out := b.out.String()
	edits := make([]Edit, len(b.recs))
	for i, r := range b.recs {
		if r.ref >= 0 {
			o := b.other[r.ref]
			edits[i] = Edit{Stage: b.stage, Start: r.start, End: r.end, Old: b.src[r.start:r.end], New: o.repl, Reason: o.reason, Quiet: o.quiet}
			continue
		}
		edits[i] = Edit{Stage: b.stage, Start: r.start, End: r.end, Old: b.src[r.start:r.end], New: out[r.outStart:r.outEnd],
			Reason: b.reasons[-r.ref-1], Quiet: true, Unit: r.unit, NewUnit: r.unit}
	}
	return edits
}

// Apply rewrites src with edits sorted by Start and not overlapping.
func Apply(src string, edits []Edit) string {
	b := NewBuilder(src, "")
	for _, e := range edits {
		b.Replace(e.Start, e.End, e.New, e.Reason)
	}
	return b.String()
}

// Mapper maps byte offsets in a stage's output back to its input.
type Mapper struct {
	edits     []Edit
	outStarts []int // output offset where each edit's New begins
}

// NewMapper indexes edits sorted by Start, as a Builder records them.
func NewMapper(edits []Edit) *Mapper {
	m := &Mapper{edits: edits, outStarts: make([]int, len(edits))}
	shift := 0
	for i, e := range edits {
		m.outStarts[i] = e.Start + shift
		shift += len(e.New) - (e.End - e.Start)
	}
	return m
}

// Start maps the start of a span. An offset inside a replacement maps to the
// replacement's start; an offset just after a deletion maps past the deleted
// text, so a span never begins with text the stage removed.
func (m *Mapper) Start(pos int) int {
	i := sort.Search(len(m.edits), func(i int) bool { return m.outStarts[i] > pos }) - 1
	if i < 0 {
		return pos
	}
	e := m.edits[i]
	oe := m.outStarts[i] + len(e.New)
	if pos < oe {
		if e.Unit > 0 {
			return e.Start + (pos-m.outStarts[i])/e.NewUnit*e.Unit
		}
		return e.Start
	}
	return e.End + pos - oe
}

// End maps the (exclusive) end of a span. An offset inside a replacement maps
// to the replacement's end; an offset just before a deletion maps before it,
// so a span never ends with text the stage removed.
func (m *Mapper) End(pos int) int {
	i := sort.Search(len(m.edits), func(i int) bool { return m.outStarts[i]+len(m.edits[i].New) >= pos })
	if i < len(m.edits) && pos > m.outStarts[i] {
		if e := m.edits[i]; e.Unit > 0 {
			return e.Start + (pos-m.outStarts[i]+e.NewUnit-1)/e.NewUnit*e.Unit
		}
		return m.edits[i].End
	}
	if i == 0 {
		return pos
	}
	p := m.edits[i-1]
	return p.End + pos - (m.outStarts[i-1] + len(p.New))
}

// Invert returns the edits that turn a stage's output back into its input,
// in output offsets: with them a Mapper maps input offsets forward.
func Invert(edits []Edit) []Edit {
	inv := make([]Edit, len(edits))
	shift := 0
	for i, e := range edits {
		start := e.Start + shift
		inv[i] = Edit{Stage: e.Stage, Start: start, End: start + len(e.New), Old: e.New, New: e.Old, Reason: e.Reason, Quiet: e.Quiet, Unit: e.NewUnit, NewUnit: e.Unit}
		shift += len(e.New) - (e.End - e.Start)
	}
	return inv
}

// InferredPrefix starts the reason of an edit whose new text holds a
// character inferred, not read: the mojibake stage writes it for a
// character whose bytes were partly lost, ranked by the language model.
const InferredPrefix = "inferred"

// Inferred reports an edit that wrote an inferred character.
func (e Edit) Inferred() bool { return strings.HasPrefix(e.Reason, InferredPrefix) }

// SpanInferred reports whether the span [start,end) of the final text
// holds a character an inferred edit wrote. layers are the edits of each
// text-changing stage in order, each in its own input's offsets (as
// Builder records them); the span is mapped back through them one stage
// at a time and checked against each stage's inferred edits.
func SpanInferred(layers [][]Edit, start, end int) bool {
	for i := len(layers) - 1; i >= 0; i-- {
		out := 0 // output offset of the current edit's new text
		shift := 0
		for _, e := range layers[i] {
			out = e.Start + shift
			shift += len(e.New) - (e.End - e.Start)
			if e.Inferred() && out < end && start < out+len(e.New) {
				return true
			}
		}
		m := NewMapper(layers[i])
		start, end = m.Start(start), m.End(end)
		if end < start {
			end = start
		}
	}
	return false
}

// InferredIndex answers SpanInferred for the many figures of one document
// in logarithmic time each: the mappers and the inferred edits' output
// spans are built once.
type InferredIndex struct {
	mappers []*Mapper
	spans   [][][2]int // per layer, output spans of its inferred edits, in order
}

// NewInferredIndex indexes layers as SpanInferred reads them; it returns
// nil when no edit of any layer is inferred (the common case: then no span
// holds an inferred character).
func NewInferredIndex(layers [][]Edit) *InferredIndex {
	found := false
	for _, l := range layers {
		for _, e := range l {
			if e.Inferred() {
				found = true
				break
			}
		}
	}
	if !found {
		return nil
	}
	x := &InferredIndex{mappers: make([]*Mapper, len(layers)), spans: make([][][2]int, len(layers))}
	for i, l := range layers {
		x.mappers[i] = NewMapper(l)
		for k, e := range l {
			if e.Inferred() {
				out := x.mappers[i].outStarts[k]
				x.spans[i] = append(x.spans[i], [2]int{out, out + len(e.New)})
			}
		}
	}
	return x
}

// Span reports what SpanInferred(layers, start, end) reports.
func (x *InferredIndex) Span(start, end int) bool {
	if x == nil {
		return false
	}
	for i := len(x.mappers) - 1; i >= 0; i-- {
		sp := x.spans[i]
		// the first inferred span that ends after start
		k := sort.Search(len(sp), func(k int) bool { return sp[k][1] > start })
		if k < len(sp) && sp[k][0] < end {
			return true
		}
		start, end = x.mappers[i].Start(start), x.mappers[i].End(end)
		if end < start {
			end = start
		}
	}
	return false
}
