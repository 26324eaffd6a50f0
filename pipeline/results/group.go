package results

import (
	"sort"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// Doc is one document with its figures (ordered by start) and edits
// (ordered by seq).
type Doc struct {
	schema.Document
	Figures []schema.Figure
	Edits   []schema.Edit
}

// Grouped is an output arranged by document.
type Grouped struct {
	Docs []Doc
	// OrphanFigures and OrphanEdits name a doc_id no documents row has: a
	// broken output, shown rather than dropped.
	OrphanFigures []schema.Figure
	OrphanEdits   []schema.Edit
	// DuplicateIDs lists doc_ids with more than one documents row; their
	// figures and edits go to the first of them.
	DuplicateIDs []string
}

// Group arranges the output by document, in documents order.
func (o *Output) Group() *Grouped {
	g := &Grouped{Docs: make([]Doc, len(o.Documents))}
	index := make(map[string]int, len(o.Documents))
	for i, d := range o.Documents {
		g.Docs[i].Document = d
		if _, dup := index[d.DocID]; dup {
			g.DuplicateIDs = append(g.DuplicateIDs, d.DocID)
			continue
		}
		index[d.DocID] = i
	}
	for _, f := range o.Figures {
		i, ok := index[f.DocID]
		if !ok {
			g.OrphanFigures = append(g.OrphanFigures, f)
			continue
		}
		g.Docs[i].Figures = append(g.Docs[i].Figures, f)
	}
	for _, e := range o.Edits {
		i, ok := index[e.DocID]
		if !ok {
			g.OrphanEdits = append(g.OrphanEdits, e)
			continue
		}
		g.Docs[i].Edits = append(g.Docs[i].Edits, e)
	}
	// Writers already sort; sorting again keeps readers honest about
	// hand-made or concatenated files.
	for i := range g.Docs {
		d := &g.Docs[i]
		sort.SliceStable(d.Figures, func(a, b int) bool {
			fa, fb := d.Figures[a], d.Figures[b]
			if fa.TextStart != fb.TextStart {
				return fa.TextStart < fb.TextStart
			}
			return fa.TextEnd < fb.TextEnd
		})
		sort.SliceStable(d.Edits, func(a, b int) bool { return d.Edits[a].Seq < d.Edits[b].Seq })
	}
	return g
}
