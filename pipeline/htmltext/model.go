package htmltext

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// The page-level article model. Every block of text (a paragraph, a
// heading, a table row, the text of a div) gets a score from what it is made
// of: Chinese prose scores by its length, weighted by its density of
// sentence punctuation and by how long the block is (an article's
// paragraphs are longer than comments and teasers); link text counts by
// characters (a paragraph with one inline link loses only that link's
// share), and a block that is mostly links scores negative. An element
// scores the sum of the blocks under it and the best element is the
// article. Class and id names are not scored: they only let pruning remove
// furniture, and never an element that holds most of the prose.

// blockStat counts a block's text.
type blockStat struct{ runes, links, punct int }

// blockScore scores one block (see the model above).
func blockScore(b blockStat) float64 {
	if b.runes == 0 {
		return 0
	}
	share := float64(b.links) / float64(b.runes)
	if share >= 0.5 {
		return -1 - 2*float64(b.links)
	}
	text := float64(b.runes - b.links)
	d := 0.25 + 10*float64(b.punct)/text
	if d > 1 {
		d = 1
	}
	v := text * d * (1 - share)
	if b.punct > 0 {
		// Prose in short blocks (comments, teasers) weighs less than an
		// article's paragraphs; labels and table cells keep their weight.
		v *= min(1, max(0.4, text/80))
	}
	return v - 1
}

// model holds the scores of one scoring pass.
type model struct {
	// One record per node, so that adding a block to each of its
	// ancestors is one map access per ancestor, not four. The records
	// live in one slice (the map holds their index): a page has hundreds
	// and one allocation each was a large part of scoring.
	nodes  map[*html.Node]int32
	scores []nodeScore
	// scored are the nodes with a record, in document order: choose looks
	// for the best among them instead of walking every element.
	scored []scoredNode
}

type scoredNode struct {
	n    *html.Node
	slot int32
}

type nodeScore struct {
	score float64   // sum of the blocks in the subtree
	prose float64   // sum of the positive blocks in the subtree
	stat  blockStat // totals of the subtree's blocks
	// punct is the sentence punctuation of all the subtree's text, in
	// links too (countPunct).
	punct int
	// scored: the node has blocks in this scoring. rescore keeps the
	// first scoring's records of nodes (their slots) and zeroes them,
	// and a node left without blocks reads as one without a record.
	scored bool
}

// of returns n's scores: zero for a node without blocks.
func (m *model) of(n *html.Node) nodeScore {
	if i, ok := m.nodes[n]; ok {
		return m.scores[i] // zero when not scored
	}
	return nodeScore{}
}

// blockOwner is an element whose text is one block (by its record in the
// walk), and the block's index (-1 before its first text).
type blockOwner struct {
	rec int32
	k   int32
}

// walkRec is a node the scoring walk entered, with its parent's record:
// a block's score is added up the chain of records, not by a map access
// for every ancestor of every block.
type walkRec struct {
	n      *html.Node
	parent int32 // -1 for the walk's root
	slot   int32 // its index in model.scores, -1 before its first block
	punct  int   // countPunct of n
}

// chromeCand is an element named or tagged as furniture (chromeTags,
// chromeName) below the scored root, with its record and the record after
// its subtree's: records are numbered in document order.
type chromeCand struct {
	n        *html.Node
	rec, end int32
}

// textStat is cue.Measure's counts of a text node, as the first scoring
// of a page took them, with where the text was in that walk: its parent's
// record, the record of the element whose block it is part of, and
// whether it was inside a link. The article's lines are measured from
// them again (lineStats).
type textStat struct {
	n             *html.Node
	st            cue.Stats
	parent, owner int32
	link          bool
}

// scoreTree scores the blocks under body and sums them up the tree. The
// model it returns is overwritten by the next scoring: a page is scored
// before and after pruning (rescore), and the first model is done with by
// then. The walk records the text nodes' counts and its records for
// rescore.
func (x *extractor) scoreTree(body *html.Node) *model {
	// The blocks in the order their first text comes. An owner is always
	// an ancestor on the walk's path, so its index among them is kept on a
	// stack (-1 until its first text) instead of a map by node.
	order, stats := x.order[:0], x.stats[:0]
	clear(x.recs)
	recs := x.recs[:0]
	texts := x.texts[:0]
	// The walk also notes the elements pruneChrome removes by tag or name
	// unless protected: a walk of its own visited every element again.
	cands := x.cands
	clear(cands)
	cands = cands[:0]
	owners := append(x.owners[:0], blockOwner{0, -1})
	var walk func(n *html.Node, rec int32, inLink, inRow bool) int
	// walk returns the punctuation of n's text (countPunct).
	walk = func(n *html.Node, parent int32, inLink, inRow bool) int {
		if n.Type == html.TextNode {
			m := cue.Measure(n.Data)
			texts = append(texts, textStat{n: n, st: m, parent: parent, owner: owners[len(owners)-1].rec, link: inLink})
			if m.Runes == 0 {
				return 0
			}
			o := &owners[len(owners)-1]
			k := o.k
			if k < 0 {
				k = int32(len(order))
				o.k = k
				order = append(order, o.rec)
				stats = append(stats, blockStat{})
			}
			b := &stats[k]
			b.runes += m.Runes
			if inLink {
				b.links += m.Runes
			} else {
				b.punct += m.Punct
			}
			return m.Punct
		}
		rec := int32(len(recs))
		recs = append(recs, walkRec{n: n, parent: parent, slot: -1})
		pushed := rec == 0 // the root owns the text outside blocks
		if n.Type == html.ElementNode && rec > 0 {
			if !inRow {
				if n.DataAtom == atom.Tr && x.isDataRow(n) {
					inRow, pushed = true, true
				} else if block.has(n.DataAtom) {
					pushed = true
				}
			}
			if n.DataAtom == atom.A && hasAttr(n, "href") {
				inLink = true
			}
		}
		if pushed && rec > 0 {
			owners = append(owners, blockOwner{rec, -1})
		}
		cand := -1
		if rec > 0 && n.Type == html.ElementNode && (chromeTags.has(n.DataAtom) || chromeNameWith(n, x.classes)) {
			cand = len(cands)
			cands = append(cands, chromeCand{n: n, rec: rec})
		}
		punct := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			punct += walk(c, rec, inLink, inRow)
		}
		if cand >= 0 {
			cands[cand].end = int32(len(recs))
		}
		if pushed && rec > 0 {
			owners = owners[:len(owners)-1]
		}
		recs[rec].punct = punct
		return punct
	}
	walk(body, -1, false, false)
	x.owners, x.texts, x.cands = owners[:0], texts, cands
	m := x.sumUp(recs, order, stats, false)
	// The records stay for rescore (their slots are this model's).
	x.recs = recs
	return m
}

// rescore is scoreTree(body) after pruning, from the records and text
// counts of the scoring before it, without walking the tree again.
// Pruning only removes nodes: a node is still in the tree when its
// parent is and it is still its parent's child, and the nodes left come
// in the same order, so the blocks (in the order of their first text
// left) and the sums come out as a walk would give them, in the same
// order of additions.
func (x *extractor) rescore() *model {
	old := x.recs
	live := slices.Grow(x.live[:0], len(old))[:len(old)]   // old record -> new, -1 when removed
	block := slices.Grow(x.block[:0], len(old))[:len(old)] // old record -> its block, -1 before its first text
	recs := x.recs2[:0]
	for i, r := range old {
		block[i] = -1
		p := r.parent
		if i > 0 && (live[p] < 0 || r.n.Parent != old[p].n) {
			live[i] = -1
			continue
		}
		np := int32(-1)
		if i > 0 {
			np = live[p]
		}
		live[i] = int32(len(recs))
		// The node keeps its slot of the first scoring (sumUp with keep).
		recs = append(recs, walkRec{n: r.n, parent: np, slot: r.slot})
	}
	order, stats := x.order[:0], x.stats[:0]
	for _, t := range x.texts {
		if t.st.Runes == 0 || live[t.parent] < 0 || t.n.Parent != old[t.parent].n {
			continue
		}
		recs[live[t.parent]].punct += t.st.Punct
		k := block[t.owner]
		if k < 0 {
			k = int32(len(order))
			block[t.owner] = k
			order = append(order, live[t.owner])
			stats = append(stats, blockStat{})
		}
		b := &stats[k]
		b.runes += t.st.Runes
		if t.link {
			b.links += t.st.Runes
		} else {
			b.punct += t.st.Punct
		}
	}
	// A record's punctuation is its subtree's: records come in document
	// order, so every child's comes after its parent's.
	for i := len(recs) - 1; i > 0; i-- {
		recs[recs[i].parent].punct += recs[i].punct
	}
	m := x.sumUp(recs, order, stats, true)
	clear(recs)
	x.recs2 = recs[:0]
	x.live, x.block = live[:0], block[:0]
	return m
}

// sumUp adds each block's score to its owner and the owner's ancestors
// (recs, with the blocks' owners in order and their counts in stats)
// into x's model.
//
// With keep (rescore: recs are the first scoring's nodes still in the
// tree, with the slots that scoring gave them), the model's map and
// slots are kept and its scores zeroed: a scored node of the second
// scoring is one of the first, and emptying and refilling the map (sized
// for the largest page yet) was most of the cost of a rescore.
func (x *extractor) sumUp(recs []walkRec, order []int32, stats []blockStat, keep bool) *model {
	x.order, x.stats = order, stats
	m := x.model
	if m == nil {
		// Blocks' ancestors are about as many again as the blocks.
		m = &model{nodes: make(map[*html.Node]int32, 2*len(order))}
		x.model = m
	}
	if keep {
		clear(m.scores)
	} else {
		clear(m.nodes)
		m.scores = m.scores[:0]
	}
	for k, r := range order {
		b := &stats[k]
		v := blockScore(*b)
		for p := r; p >= 0; p = recs[p].parent {
			i := recs[p].slot
			if i < 0 {
				i = int32(len(m.scores))
				recs[p].slot = i
				m.nodes[recs[p].n] = i
				m.scores = append(m.scores, nodeScore{})
			}
			t := &m.scores[i]
			if !t.scored {
				*t = nodeScore{punct: recs[p].punct, scored: true}
			}
			t.score += v
			if v > 0 {
				t.prose += v
			}
			t.stat.runes += b.runes
			t.stat.links += b.links
			t.stat.punct += b.punct
		}
	}
	clear(m.scored)
	m.scored = m.scored[:0]
	for _, r := range recs {
		if r.slot >= 0 && m.scores[r.slot].scored {
			m.scored = append(m.scored, scoredNode{r.n, r.slot})
		}
	}
	return m
}

// punct is countPunct(n) as n was scored.
func (m *model) punct(n *html.Node) (int, bool) {
	if i, ok := m.nodes[n]; ok && m.scores[i].scored {
		return m.scores[i].punct, true
	}
	return 0, false
}

// choose returns the article element: the best-scoring element, then, while
// one child dominates it, that child when it is one of a run of repeated
// items (the first post of a forum thread among its replies), a cell of a
// layout table, or a container beside which there is only a little text and
// no table, list or image.
func (m *model) choose(body *html.Node) *html.Node {
	var best *html.Node
	bestScore := 0.0
	// The first best element in document order. An element without a
	// record scores 0, never the best; under an element body every scored
	// node is an element (pruneJunk left elements and text), and a body
	// that is the document node has none.
	if body.Type == html.ElementNode {
		for _, e := range m.scored {
			if s := m.scores[e.slot].score; s > bestScore {
				best, bestScore = e.n, s
			}
		}
	}
	for best != nil {
		var top *html.Node
		for c := best.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (top == nil || m.of(c).score > m.of(top).score) {
				top = c
			}
		}
		if top == nil {
			break
		}
		share := m.of(top).score / m.of(best).score
		switch {
		case layoutPart.has(top.DataAtom) && share >= 0.8:
		case itemTags.has(top.DataAtom) && share >= 0.7 && named(top) && hasTwin(top) && !pagedTwins(top):
			// One of repeated items (posts) named alike; unnamed twins
			// are the parts of one text (a WeChat article's sections),
			// and hidden twins the pages of one article.
		case itemTags.has(top.DataAtom) && share >= 0.95 && !m.hasData(best, top) && (named(top) || !hasTwin(top)) && !pagedTwins(top):
			// A stray comment or caption beside the article, or a side
			// column of bare lists (数据速览: short lines, no sentence).
		default:
			return best
		}
		best = top
	}
	return best
}

// hasData reports a table, preformatted text, an image or a list in n
// outside skip: content that scores little but belongs to an article next
// to it. A list counts only when it holds a sentence: a bare list beside
// the article (links, a box of key numbers) is the page's, not the
// article's.
func (m *model) hasData(n, skip *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == skip || c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Table, atom.Pre, atom.Img, atom.Figure:
			return true
		case atom.Ul, atom.Ol, atom.Dl:
			if m.of(c).stat.punct > 0 {
				return true
			}
			continue
		}
		if m.hasData(c, nil) {
			return true
		}
	}
	return false
}

// layoutPart: the parts of a table, down to its cells.
var layoutPart = newAtomSet(atom.Table, atom.Tbody, atom.Tr, atom.Td, atom.Th)

// itemTags are the containers of repeated items such as posts.
var itemTags = newAtomSet(atom.Div, atom.Section, atom.Article, atom.Table)

// hasTwin reports a sibling of n with the same tag, class and id (digits
// removed from the id: post_1001, post_1002).
func hasTwin(n *html.Node) bool {
	var a, b [128]byte // signatures are built here, not as a string each
	sig := appendSignature(a[:0], n)
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && string(appendSignature(b[:0], s)) == string(sig) {
			return true
		}
	}
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && string(appendSignature(b[:0], s)) == string(sig) {
			return true
		}
	}
	return false
}

// pagedTwins reports a twin of n that the page hides: the pages of an
// article paged by a script (see shownTwin).
func pagedTwins(n *html.Node) bool {
	var a, b [128]byte
	sig := appendSignature(a[:0], n)
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && hidden(s) && string(appendSignature(b[:0], s)) == string(sig) {
			return true
		}
	}
	return false
}

// named reports an element with a class or an id.
func named(n *html.Node) bool {
	return attr(n, "class") != "" || attr(n, "id") != ""
}

// appendSignature appends n's tag, class and id without digits, joined by
// '|', to dst. The id is written rune by rune as strings.Map writes it (an
// invalid byte as U+FFFD).
func appendSignature(dst []byte, n *html.Node) []byte {
	dst = append(dst, n.Data...)
	dst = append(dst, '|')
	dst = append(dst, attr(n, "class")...)
	dst = append(dst, '|')
	for _, r := range attr(n, "id") {
		if r < '0' || r > '9' {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// Candidate is an element the model considered for the article.
type Candidate struct {
	Path    string  // tag#id.class path from <body>
	Score   float64 // sum of its blocks' scores
	Chars   int     // non-space characters
	Links   int     // of which inside links
	Punct   int     // sentence punctuation outside links
	Preview string  // the start of its text
}

// Explanation says why Extract chose what it chose.
type Explanation struct {
	Chosen    Candidate
	RunnersUp []Candidate // the best elements outside the chosen one and its ancestors
	Pruned    []string    // containers removed by name or HTML5 meaning before scoring
	TitleFrom string      // where the title came from
	DateFrom  string      // where the date came from
}

func (m *model) candidate(n *html.Node) Candidate {
	st := m.of(n).stat
	return Candidate{Path: nodePath(n), Score: m.of(n).score, Chars: st.runes, Links: st.links, Punct: st.punct, Preview: preview(n)}
}

// runnersUp lists the best elements that are neither the chosen element,
// inside it, nor one of its ancestors, nor inside a better runner-up; of
// nested elements with the same score only the outermost is listed.
func (m *model) runnersUp(body, chosen *html.Node, max int) []Candidate {
	anc := map[*html.Node]bool{}
	for p := chosen; p != nil; p = p.Parent {
		anc[p] = true
	}
	var nodes []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n == chosen {
			return
		}
		if n.Type == html.ElementNode && !anc[n] && m.of(n).score > 0 && (n.Parent == nil || anc[n.Parent] || m.of(n.Parent).score != m.of(n).score) {
			nodes = append(nodes, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	sort.SliceStable(nodes, func(i, j int) bool { return m.of(nodes[i]).score > m.of(nodes[j]).score })
	var out []Candidate
	var listed []*html.Node
	for _, n := range nodes {
		if len(out) == max {
			break
		}
		if insideAny(n, listed) {
			continue // a part of a runner-up already listed
		}
		listed = append(listed, n)
		out = append(out, m.candidate(n))
	}
	return out
}

func insideAny(n *html.Node, outer []*html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, o := range outer {
			if p == o {
				return true
			}
		}
	}
	return false
}

// nodePath names n by its tags, ids and first class from <body> down.
func nodePath(n *html.Node) string {
	var parts []string
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		s := p.Data
		if id := strings.TrimSpace(attr(p, "id")); id != "" {
			s += "#" + id
		}
		if cl := strings.Fields(attr(p, "class")); len(cl) > 0 {
			s += "." + strings.Join(cl, ".")
		}
		parts = append(parts, s)
		if p.DataAtom == atom.Body {
			break
		}
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// preview is the first 30 characters of n's text.
func preview(n *html.Node) string {
	s := collapse(nodeText(n))
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// String formats the explanation for `zhextract clean --explain`.
func (e Explanation) String() string {
	var b strings.Builder
	line := func(c Candidate) {
		fmt.Fprintf(&b, "  %8.1f  %5d chars  %4d in links  %3d punct  %s\n            %q\n", c.Score, c.Chars, c.Links, c.Punct, c.Path, c.Preview)
	}
	b.WriteString("article container:\n")
	if e.Chosen.Path == "" {
		b.WriteString("  none (no text scored above zero)\n")
	} else {
		line(e.Chosen)
	}
	b.WriteString("runners-up:\n")
	for _, c := range e.RunnersUp {
		line(c)
	}
	if len(e.Pruned) > 0 {
		b.WriteString("removed before scoring:\n")
		for _, p := range e.Pruned {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	fmt.Fprintf(&b, "title from: %s\ndate from: %s\n", orNone(e.TitleFrom), orNone(e.DateFrom))
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
