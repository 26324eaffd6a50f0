package report

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"sort"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// figure is a figures row with the columns the report shows beyond
// schema.Figure; outputs written before those columns existed read as
// empty.
type figure struct {
	schema.Figure
	Evidence string
	Basis    string
}

// fromSchema takes evidence and basis from schema.Figure where it has
// them: read by name, so that this builds whether or not it does.
func fromSchema(f schema.Figure) figure {
	v := figure{Figure: f}
	rv := reflect.ValueOf(f)
	if x := rv.FieldByName("Evidence"); x.Kind() == reflect.String {
		v.Evidence = x.String()
	}
	if x := rv.FieldByName("Basis"); x.Kind() == reflect.String {
		v.Basis = x.String()
	}
	return v
}

// figureExtra reads the evidence and basis columns when a run has them.
type figureExtra struct {
	Evidence *string `parquet:"evidence,optional" json:"evidence"`
	Basis    *string `parquet:"basis,optional" json:"basis"`
}

// doc is one document with its figures (by start) and edits (by seq).
type doc struct {
	schema.Document
	Figures []figure
	Edits   []schema.Edit
}

// source yields a run's documents one at a time.
type source interface {
	next() (*doc, bool)
	err() error
	// warnings says what could not be shown; call it after the last doc.
	warnings() []string
	close()
}

// runSource joins the three tables of a run as they are read: `run` writes
// a document's figures and edits in the documents' order in every part, so
// a document's rows follow the previous document's. Rows out of that order
// or naming no document are counted and reported, never attributed to the
// wrong document. Memory: a few rows per table and 8 bytes per document
// (the doc_ids seen, hashed).
type runSource struct {
	docs    *results.Stream[schema.Document]
	figs    *results.Stream[schema.Figure]
	extras  *results.Stream[figureExtra]
	edits   *results.Stream[schema.Edit]
	noEdits bool

	pendFig  *figure
	pendEdit *schema.Edit
	seed     maphash.Seed
	seen     map[uint64]struct{}
	e        error

	lostFigs, lostEdits int
	firstLost           string
	dups                int
	firstDup            string
}

func openRun(dir string) (*runSource, *results.Layout, error) {
	l, err := results.Locate(dir)
	if err != nil {
		return nil, nil, err
	}
	s := &runSource{
		docs:    results.NewStream[schema.Document](l.Format, l.Files[results.TableDocuments]),
		figs:    results.NewStream[schema.Figure](l.Format, l.Files[results.TableFigures]),
		extras:  results.NewStream[figureExtra](l.Format, l.Files[results.TableFigures]),
		edits:   results.NewStream[schema.Edit](l.Format, l.Files[results.TableEdits]),
		noEdits: l.NoEdits,
		seed:    maphash.MakeSeed(),
		seen:    map[uint64]struct{}{},
	}
	return s, l, nil
}

func (s *runSource) nextFig() *figure {
	f, ok := s.figs.Next()
	if !ok {
		return nil
	}
	x, ok := s.extras.Next()
	if !ok {
		s.e = fmt.Errorf("figures table: evidence and basis columns end before the rows (%v)", s.extras.Err())
		return nil
	}
	v := &figure{Figure: f}
	if x.Evidence != nil {
		v.Evidence = *x.Evidence
	}
	if x.Basis != nil {
		v.Basis = *x.Basis
	}
	return v
}

func (s *runSource) nextEdit() *schema.Edit {
	e, ok := s.edits.Next()
	if !ok {
		return nil
	}
	return &e
}

func (s *runSource) next() (*doc, bool) {
	if s.e != nil {
		return nil, false
	}
	d, ok := s.docs.Next()
	if !ok {
		s.e = s.docs.Err()
		if s.e == nil {
			s.drain()
		}
		return nil, false
	}
	h := maphash.String(s.seed, d.DocID)
	if _, dup := s.seen[h]; dup {
		s.dups++
		if s.firstDup == "" {
			s.firstDup = d.DocID
		}
	}
	s.seen[h] = struct{}{}
	out := &doc{Document: d}
	for {
		if s.pendFig == nil {
			if s.pendFig = s.nextFig(); s.pendFig == nil {
				break
			}
		}
		if s.pendFig.DocID == d.DocID {
			out.Figures = append(out.Figures, *s.pendFig)
			s.pendFig = nil
			continue
		}
		if !s.lost(s.pendFig.DocID) {
			break // a later document's
		}
		s.lostFigs++
		s.pendFig = nil
	}
	for !s.noEdits {
		if s.pendEdit == nil {
			if s.pendEdit = s.nextEdit(); s.pendEdit == nil {
				break
			}
		}
		if s.pendEdit.DocID == d.DocID {
			out.Edits = append(out.Edits, *s.pendEdit)
			s.pendEdit = nil
			continue
		}
		if !s.lost(s.pendEdit.DocID) {
			break
		}
		s.lostEdits++
		s.pendEdit = nil
	}
	if s.e == nil {
		s.e = firstErr(s.figs.Err(), s.extras.Err(), s.edits.Err())
	}
	if s.e != nil {
		return nil, false
	}
	sortDoc(out)
	return out, true
}

// lost tells a row whose document came earlier: out of the run's order.
func (s *runSource) lost(id string) bool {
	if _, ok := s.seen[maphash.String(s.seed, id)]; !ok {
		return false
	}
	if s.firstLost == "" {
		s.firstLost = id
	}
	return true
}

// drain counts the rows left once the documents end.
func (s *runSource) drain() {
	for f := s.pendFig; f != nil; f = s.nextFig() {
		s.lostFigs++
		if s.firstLost == "" {
			s.firstLost = f.DocID
		}
	}
	s.pendFig = nil
	for e := s.pendEdit; !s.noEdits && e != nil; e = s.nextEdit() {
		s.lostEdits++
		if s.firstLost == "" {
			s.firstLost = e.DocID
		}
	}
	s.pendEdit = nil
	s.e = firstErr(s.figs.Err(), s.extras.Err(), s.edits.Err())
}

func (s *runSource) err() error { return s.e }

func (s *runSource) warnings() []string {
	var w []string
	if s.lostFigs+s.lostEdits > 0 {
		w = append(w, fmt.Sprintf("%d figures and %d edits are not shown: they name a doc_id with no documents row, or are out of the order of the documents table (first: %q)", s.lostFigs, s.lostEdits, s.firstLost))
	}
	if s.dups > 0 {
		w = append(w, fmt.Sprintf("%d documents rows repeat an earlier doc_id (first: %q); each shows the figures and edits that follow it", s.dups, s.firstDup))
	}
	if s.noEdits {
		w = append(w, "the output holds no edits table: edits are not shown")
	}
	return w
}

func (s *runSource) close() {
	s.docs.Close()
	s.figs.Close()
	s.extras.Close()
	s.edits.Close()
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// memSource serves an Output already in memory (tests, small callers).
type memSource struct {
	g *results.Grouped
	o *results.Output
	i int
}

func (m *memSource) next() (*doc, bool) {
	if m.i >= len(m.g.Docs) {
		return nil, false
	}
	g := m.g.Docs[m.i]
	m.i++
	d := &doc{Document: g.Document, Edits: g.Edits}
	for _, f := range g.Figures {
		d.Figures = append(d.Figures, fromSchema(f))
	}
	sortDoc(d)
	return d, true
}

func (m *memSource) err() error { return nil }
func (m *memSource) close()     {}

func (m *memSource) warnings() []string {
	var w []string
	if len(m.g.OrphanFigures) > 0 {
		w = append(w, fmt.Sprintf("%d figures name a doc_id that has no documents row (first: %q); they are not shown", len(m.g.OrphanFigures), m.g.OrphanFigures[0].DocID))
	}
	if len(m.g.OrphanEdits) > 0 {
		w = append(w, fmt.Sprintf("%d edits name a doc_id that has no documents row (first: %q); they are not shown", len(m.g.OrphanEdits), m.g.OrphanEdits[0].DocID))
	}
	if len(m.g.DuplicateIDs) > 0 {
		w = append(w, fmt.Sprintf("doc_ids with more than one documents row: %q; their figures are shown with the first", m.g.DuplicateIDs))
	}
	if m.o.NoEdits {
		w = append(w, "the output holds no edits table: edits are not shown")
	}
	return w
}

// sortDoc orders a document's figures by span and edits by seq: writers
// already do, hand-made or concatenated files may not.
func sortDoc(d *doc) {
	sort.SliceStable(d.Figures, func(a, b int) bool {
		fa, fb := d.Figures[a], d.Figures[b]
		if fa.TextStart != fb.TextStart {
			return fa.TextStart < fb.TextStart
		}
		return fa.TextEnd < fb.TextEnd
	})
	sort.SliceStable(d.Edits, func(a, b int) bool { return d.Edits[a].Seq < d.Edits[b].Seq })
}
