package htmltext

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// atomSet is a set of atoms: a bit for each length at each offset into
// the atom table (an atom is an offset and a length). A lookup is two
// loads where a map hashed, on every element of every walk.
type atomSet []uint32

func newAtomSet(as ...atom.Atom) atomSet {
	var s atomSet
	for _, a := range as {
		off := int(a >> 8)
		for len(s) <= off {
			s = append(s, 0)
		}
		s[off] |= 1 << (a & 0xff)
	}
	return s
}

func (s atomSet) has(a atom.Atom) bool {
	off := a >> 8
	return off < atom.Atom(len(s)) && s[off]&(1<<(a&0xff)) != 0
}

// junk elements never hold article text.
var junk = newAtomSet(
	atom.Script, atom.Style, atom.Noscript, atom.Template,
	atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed,
	atom.Canvas, atom.Button, atom.Input, atom.Select,
	atom.Textarea, atom.Option, atom.Audio, atom.Video,
	atom.Map, atom.Link, atom.Meta, atom.Rt, atom.Rp,
	atom.Head, atom.Title)

// block elements end a line.
var block = newAtomSet(
	atom.Address, atom.Article, atom.Aside, atom.Blockquote,
	atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir,
	atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
	atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2,
	atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
	atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Menu,
	atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section,
	atom.Summary, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot,
	atom.Tr, atom.Td, atom.Th, atom.Ul, atom.Caption,
	atom.Legend, atom.Body, atom.Html)

// chromeTags are page furniture by their HTML5 meaning.
var chromeTags = newAtomSet(atom.Nav, atom.Aside, atom.Footer, atom.Header)

// chromeWords are furniture words of class and id names. They are matched
// as whole words of the name (split at punctuation, digits and camelCase),
// alone or with a widget suffix (sharebar, commentlist): "XSHARE_BOX",
// "shareholder" and "commentary" are not furniture.
var (
	chromeWords = map[string]bool{"comment": true, "comments": true, "share": true, "related": true, "relate": true,
		"recommend": true, "breadcrumb": true, "breadcrumbs": true, "sidebar": true, "footer": true, "copyright": true,
		"advert": true, "banner": true, "toolbar": true, "qrcode": true, "login": true, "social": true, "hotnews": true,
		"ranking": true, "navbar": true, "guess": true, "feedback": true, "reply": true, "gentie": true, "pinglun": true,
		"nav": true, "menu": true, "ad": true, "ads": true, "side": true, "foot": true, "header": true, "head": true,
		"topbar": true, "crumb": true, "crumbs": true, "tags": true, "hot": true, "rank": true, "print": true, "tool": true,
		"tools": true, "bottom": true, "qr": true, "pager": true, "more": true, "links": true, "friendlink": true,
		"top": true, "author": true, "player": true, "cmt": true}
	// chromeStems may carry a widget suffix inside one word.
	chromeStems = []string{"comment", "share", "related", "recommend", "sidebar", "footer", "copyright", "advert",
		"banner", "toolbar", "qrcode", "login", "hotnews", "ranking", "navbar", "feedback", "reply", "gentie", "pinglun", "author"}
	widgetSuffixes = map[string]bool{"s": true, "box": true, "bar": true, "list": true, "wrap": true, "wrapper": true,
		"area": true, "con": true, "cont": true, "mod": true, "btn": true, "btns": true, "tool": true, "tools": true,
		"panel": true, "icon": true, "icons": true, "link": true, "links": true, "nav": true, "hd": true, "bd": true,
		"item": true, "items": true, "block": true, "info": true, "main": true, "inner": true, "module": true, "layer": true}
)

// nameScanner splits a class or id value into lower-case words at
// punctuation, digits and lower-to-upper case changes. The words are
// written into buf, not allocated: every element's names are read.
type nameScanner struct {
	s   string
	i   int
	buf [64]byte
}

// next returns the next word, valid until the following call.
func (sc *nameScanner) next() ([]byte, bool) {
	cur := sc.buf[:0]
	for ; sc.i < len(sc.s); sc.i++ {
		c := sc.s[sc.i]
		switch {
		case c >= 'a' && c <= 'z':
			cur = append(cur, c)
		case c >= 'A' && c <= 'Z':
			if len(cur) > 0 && sc.s[sc.i-1] >= 'a' && sc.s[sc.i-1] <= 'z' {
				return cur, true // this letter starts the next word
			}
			cur = append(cur, c+('a'-'A'))
		default:
			if len(cur) > 0 {
				sc.i++
				return cur, true
			}
		}
	}
	return cur, len(cur) > 0
}

// chromeWord reports a furniture word, alone or with a widget suffix.
func chromeWord(tok []byte) bool {
	if len(tok) == 0 || tok[0] < 'a' || tok[0] > 'z' {
		return false // nameScanner's words are lower-case letters
	}
	if len(tok) < len(chromeWordLead) && chromeWordLead[len(tok)]&(1<<(tok[0]-'a')) != 0 && chromeWords[string(tok)] {
		return true
	}
	for _, w := range stemsByLetter[tok[0]-'a'] {
		if len(tok) >= len(w) && string(tok[:len(w)]) == w && widgetSuffixes[string(tok[len(w):])] {
			return true
		}
	}
	return false
}

// chromeWordLead has, for each length of a furniture word, a bit for the
// letter each starts with: most words of a page's class names are none,
// and are ruled out without hashing them for the map.
var chromeWordLead = func() (lead [16]uint32) {
	for w := range chromeWords {
		lead[len(w)] |= 1 << (w[0] - 'a') // a longer word or another letter panics here
	}
	return lead
}()

// stemsByLetter are chromeStems by their first letter: a word is compared
// with the two or three stems it may start with, not with all twenty.
var stemsByLetter = func() (by [26][]string) {
	for _, w := range chromeStems {
		by[w[0]-'a'] = append(by[w[0]-'a'], w)
	}
	return by
}()

// textLine is one output line with the statistics the filters need.
type textLine struct {
	text  string
	runes int // non-space runes
	links int // runes inside <a>
	punct int // sentence punctuation outside links
}

type extractor struct {
	dataRow map[*html.Node]bool // table rows read as one line of cells
	// scoreTree's scratch, kept for its next call on the page.
	owners []blockOwner // the walk's stack of block owners
	order  []int32      // the blocks' owners, by record
	recs   []walkRec    // the first scoring's records, kept for rescore
	// rescore's scratch.
	recs2       []walkRec
	live, block []int32
	texts       []textStat // the text nodes' counts, from the first scoring
	// textNext is textRunes' place in texts, statNext textStats'.
	textNext, statNext int
	short              []shortRec // sectionHeads' rune counts
	cands              []chromeCand
	stats              []blockStat
	model              *model // the last model scoreTree returned
	// lineBuf is the storage of the lines last returned.
	lineBuf []textLine
	// lineBytes is the storage of the line being written.
	lineBytes []byte
	// lineAll and lineEnds are the storage of joinedLines' text and
	// line ends.
	lineAll  []byte
	lineEnds []int
	lineSts  []cue.Stats
	// lineStack is the storage of a line stream's frames.
	lineStack []lineFrame
	bylines   cue.BylineMemo // the page's bylines, for decide and finish
	head      headScratch    // headMeta's storage
	// classes has chromeNameWords' answers for the page's class values.
	classes map[string]bool
	chrome  chrome.Scratch // CleanWith's storage
	kept    []string       // finish's storage of the lines it keeps
	keptSts []cue.Stats    // ... and of their Stats
	ls      lineStream     // the line stream last started
	lw      lineWriter     // its writer
	blank   blanker        // blankRaw's storage
	raw     rawPage        // the page being extracted, when blankRaw changed it
	noBlank bool           // parse pages as they are (tests compare both ways)
	// fastParse's state and storage, kept from page to page.
	fp       fastParser
	nodes    nodeStore
	doctypes map[string]doctypeProbe
	names    nameCache
	noFast   bool // always use html.Parse (tests compare both ways)
}

func newExtractor() *extractor {
	return &extractor{dataRow: map[*html.Node]bool{}, classes: map[string]bool{}}
}

// reset readies x for another page, keeping its storage but no reference
// into the last page's tree or text (a kept extractor would hold them).
func (x *extractor) reset() {
	if cap(x.blank.buf) > 4<<20 {
		x.blank.buf = nil // a huge page's copy is not worth keeping
	}
	if cap(x.lineAll) > 4<<20 {
		x.lineAll = nil // nor a huge article's text
	}
	x.raw = rawPage{}
	x.bylines.Reset()
	x.head.reset()
	x.nodes.reset()
	x.ls, x.lw = lineStream{}, lineWriter{} // their storage is in lineBuf and lineBytes
	clear(x.dataRow)
	clear(x.classes)
	x.order = x.order[:0]
	clear(x.texts) // scoreTree never leaves texts shorter than it filled them
	x.texts = x.texts[:0]
	x.stats = x.stats[:0]
	clear(x.recs)
	x.recs = x.recs[:0]
	clear(x.cands)
	x.cands = x.cands[:0]
	clear(x.lineBuf[:cap(x.lineBuf)])
	x.lineBuf = x.lineBuf[:0]
	if x.model != nil {
		clear(x.model.nodes)
		x.model.scores = x.model.scores[:0]
		clear(x.model.scored)
		x.model.scored = x.model.scored[:0]
	}
}

// pruneJunk removes comments, scripts, styles, form controls, ruby
// annotations and hidden elements.
func pruneJunk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if isJunk(c) {
			n.RemoveChild(c)
		} else {
			pruneJunk(c)
		}
		c = next
	}
}

// isJunk reports a node pruneJunk removes. Its answer does not change as
// pruneJunk removes the node's siblings before it: shownTwin looks for
// a shown element of the node's own tag, and none of those is removed.
func isJunk(c *html.Node) bool {
	switch c.Type {
	case html.CommentNode, html.DoctypeNode:
		return true
	case html.ElementNode:
		return junk.has(c.DataAtom) || hidden(c) && !shownTwin(c)
	}
	return false
}

// removeJunk removes the nodes headMeta noted as junk (pruneJunk's,
// none inside another).
func removeJunk(nodes []*html.Node) {
	for _, c := range nodes {
		c.Parent.RemoveChild(c)
	}
}

// attr, hasAttr, attrOK and chromeName are the only readers of
// attributes: a key read there must not be one whose values blankRaw
// empties (unreadAttr).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hidden: the hidden attribute or display:none. visibility:hidden is not
// enough, since some article pages reveal their body with a script.
func hidden(n *html.Node) bool {
	// One pass over the attributes finds both keys (attr's first style).
	style, styled := "", false
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden":
			return true
		case a.Key == "style" && !styled:
			style, styled = a.Val, true
		}
	}
	return displayNone(style)
}

// displayNone reports "display:none" in a style, in any case and with any
// spaces (' ') among its characters: strings.ToLower and removing the
// spaces, then strings.Contains, without the copies. Of the non-ASCII
// characters only U+0130 (İ) lowers to one of these letters (i) in Go.
func displayNone(style string) bool {
	const want = "display:none"
	for i := 0; i < len(style); i++ {
		if style[i]|0x20 != 'd' {
			continue
		}
		k := 0
		for j := i; j < len(style) && k < len(want); j++ {
			c := style[j]
			if c == ' ' {
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == 0xc4 && want[k] == 'i' && j+1 < len(style) && style[j+1] == 0xb0 {
				c, j = 'i', j+1
			}
			if c != want[k] {
				break
			}
			k++
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

// shownTwin reports a hidden element with a named twin that is shown: the
// pages of an article paged by a script (part1 shown, part2 and part3
// display:none) are all its text.
func shownTwin(n *html.Node) bool {
	if !named(n) {
		return false
	}
	var a, b [128]byte
	sig := appendSignature(a[:0], n)
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && !hidden(s) && string(appendSignature(b[:0], s)) == string(sig) {
			return true
		}
	}
	return false
}

// chromeName reports furniture by class, id or ARIA role.
func chromeName(n *html.Node) bool { return chromeNameWith(n, nil) }

// chromeNameWith is chromeName with the answers for the class values
// asked before kept in classes (not when nil): a page gives the same few
// classes to many elements, and looking one up is cheaper than reading
// its words again. Ids are mostly unique, and are read.
func chromeNameWith(n *html.Node, classes map[string]bool) bool {
	// One pass finds the three (attr's first of each key).
	var role, class, id string
	var seen [3]bool
	for _, a := range n.Attr {
		var k int
		switch a.Key {
		case "role":
			k = 0
		case "class":
			k = 1
		case "id":
			k = 2
		default:
			continue
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		switch k {
		case 0:
			role = a.Val
		case 1:
			class = a.Val
		case 2:
			id = a.Val
		}
	}
	switch role {
	case "navigation", "complementary", "contentinfo", "banner":
		return true
	}
	if classes == nil {
		return chromeNameWords(class) || chromeNameWords(id)
	}
	if class != "" {
		v, ok := classes[class]
		if !ok {
			v = chromeNameWords(class)
			classes[class] = v
		}
		if v {
			return true
		}
	}
	return chromeNameWords(id)
}

// chromeNameWords reports a furniture word among the words of a class or
// id value.
func chromeNameWords(v string) bool {
	sc := nameScanner{s: v}
	for tok, ok := sc.next(); ok; tok, ok = sc.next() {
		if chromeWord(tok) {
			return true
		}
	}
	return false
}

// countPunct counts the sentence punctuation in the subtree of n.
func countPunct(n *html.Node) int {
	total := 0
	if n.Type == html.TextNode {
		return cue.Measure(n.Data).Punct
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += countPunct(c)
	}
	return total
}

// pruneChrome removes navigation, headers, footers, asides and containers
// named like comments, share bars or related lists, then sections headed by
// a related-articles or comments label. An element holding half of the
// page's prose (by the model's block scores) or more is never removed: a
// name is evidence, not a verdict. With paths, it returns the paths
// removed (for Explain: naming them walks up the tree for each).
func (x *extractor) pruneChrome(body *html.Node, paths bool) []string {
	m := x.scoreTree(body)
	total := m.of(body).prose
	protected := func(n *html.Node) bool { return total > 0 && m.of(n).prose*2 >= total }
	var removed []string
	// The furniture scoreTree noted, in document order; one inside an
	// element already removed is gone with it.
	gone := int32(0) // records before gone were removed
	for _, c := range x.cands {
		if c.rec < gone || protected(c.n) {
			continue
		}
		if paths {
			removed = append(removed, nodePath(c.n))
		}
		c.n.Parent.RemoveChild(c.n)
		gone = c.end
	}
	x.pruneSections(body, protected)
	return removed
}

// pruneSections removes a section that starts with a label such as 相关推荐
// or 网友评论: the largest ancestor of the label whose first text is the
// label.
func (x *extractor) pruneSections(body *html.Node, protected func(*html.Node) bool) {
	heads := x.sectionHeads(body)
	for _, h := range heads {
		if h.Parent == nil {
			continue // already removed with an earlier section
		}
		a := h
		for p := a.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
			if firstText(p) != firstText(a) || protected(p) {
				break
			}
			a = p
		}
		if a.Parent != nil {
			a.Parent.RemoveChild(a)
		}
	}
}

// sectionHeads finds the elements pruneSections takes for section labels:
// the outermost elements whose short text (shortText, 16 runes) is a
// Related, Comments or Share marker.
func (x *extractor) sectionHeads(body *html.Node) []*html.Node {
	// Each element's non-space runes, up to 17, are counted first in one
	// walk, so that shortText is asked only of the short ones: it walked
	// every element's first 17 runes, and a page's outer containers
	// share theirs.
	x.short = x.short[:0]
	x.textNext = 0
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			x.countShort(c)
		}
	}
	var heads []*html.Node
	k := 0 // the next element's record in x.short
	// nt is n's short text, already found not to be a label: an element
	// wrapping just its child (<li><a>首页</a></li>) has the child's text,
	// which need not be classified again.
	var find func(n *html.Node, nt string)
	find = func(n *html.Node, nt string) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			r := x.short[k]
			k++
			t := ""
			if r.runes > 0 && r.runes <= shortMax {
				t = countedShortText(c) // else shortText gives ""
			}
			if t != "" && t != nt {
				if cue.SectionMarker(t) != "" {
					heads = append(heads, c)
					k = r.end
					continue
				}
			}
			find(c, t)
		}
	}
	find(body, "")
	return heads
}

// shortMax is the most runes a section label's element holds.
const shortMax = 16

// shortRec is an element's count of non-space runes (shortMax+1 for more)
// and the record after its subtree's, in document order.
type shortRec struct{ runes, end int }

// countShort appends the records of element n and of the elements below
// it that sectionHeads walks (through elements only), and returns n's
// count.
func (x *extractor) countShort(n *html.Node) int {
	i := len(x.short)
	x.short = append(x.short, shortRec{})
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if total <= shortMax {
				total += x.textRunes(c, shortMax-total)
			}
		case html.ElementNode:
			total += x.countShort(c)
		default:
			total += countRunes(c, shortMax) // not walked by sectionHeads
		}
		total = min(total, shortMax+1)
	}
	x.short[i] = shortRec{runes: total, end: len(x.short)}
	return total
}

// textRunes is cue.RuneLenMax(n.Data, limit) from the counts the first
// scoring took (Measure's Runes are RuneLen), for walks after it that
// meet the text nodes in document order: x.textNext is where to look.
func (x *extractor) textRunes(n *html.Node, limit int) int {
	for x.textNext < len(x.texts) && x.texts[x.textNext].n != n {
		x.textNext++
	}
	if x.textNext == len(x.texts) {
		return cue.RuneLenMax(n.Data, limit) // not scored: never so
	}
	return min(x.texts[x.textNext].st.Runes, limit+1)
}

// countRunes counts the non-space runes under n, up to max+1.
func countRunes(n *html.Node, max int) int {
	if n.Type == html.TextNode {
		return cue.RuneLenMax(n.Data, max)
	}
	total := 0
	for c := n.FirstChild; c != nil && total <= max; c = c.NextSibling {
		total += countRunes(c, max-total)
	}
	return min(total, max+1)
}

// shortText returns the trimmed text of n if it has at most max runes.
func shortText(n *html.Node, max int) string { return joinShort(n, max, true) }

// countedShortText is shortText(n, max) of an n known to hold no more
// than max runes (countShort counted them): they are not counted again.
func countedShortText(n *html.Node) string { return joinShort(n, 0, false) }

// joinShort is shortText, counting the runes only with count.
func joinShort(n *html.Node, max int, count bool) string {
	// The trimmed join of the text nodes is the trimmed one of them with
	// more than white space, when only one has more (most short
	// elements: a link's text with the indentation around it): that one
	// is kept (one) as a slice of the page, and the nodes are joined in
	// b (a second walk) only when a second one comes.
	var one string
	some := 0 // text nodes with more than white space
	runes := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if count {
				if runes += cue.RuneLenMax(n.Data, max-runes); runes > max {
					return false
				}
			}
			if some < 2 && cue.Trim(n.Data) != "" {
				if some++; some == 1 {
					one = n.Data
				}
			}
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return ""
	}
	if some < 2 {
		return cue.Trim(one)
	}
	var b strings.Builder
	var join func(n *html.Node)
	join = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			join(c)
		}
	}
	join(n)
	return cue.Trim(b.String())
}

// firstText is the first text node with non-space content under n.
func firstText(n *html.Node) *html.Node {
	if n.Type == html.TextNode {
		if cue.RuneLenMax(n.Data, 0) > 0 { // Trim(n.Data) != "" without a pass from each end
			return n
		}
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

// isDataRow: a row of at least two cells, without nested tables, short
// enough to be data rather than page layout.
func (x *extractor) isDataRow(tr *html.Node) bool {
	if v, ok := x.dataRow[tr]; ok {
		return v
	}
	cells, runes, ok := 0, 0, true
	for c := tr.FirstChild; c != nil && ok; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			continue
		}
		cells++
		n := cellRunes(c, &ok)
		if n > 200 {
			ok = false
		}
		runes += n
	}
	v := ok && cells >= 2 && runes <= 400
	x.dataRow[tr] = v
	return v
}

func cellRunes(n *html.Node, ok *bool) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += cue.RuneLen(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Table:
			*ok = false
			return total
		default:
			total += cellRunes(c, ok)
		}
	}
	return total
}

// lineWriter collects text into lines, collapsing white space.
type lineWriter struct {
	lines []textLine
	// buf is a bytes.Buffer so that Reset keeps its storage for the next
	// line: a strings.Builder grew afresh for every line of the page.
	buf     bytes.Buffer
	cur     textLine
	space   bool // white space seen since the last rune
	brk     bool // ... and it held a line break
	last    rune
	rowLine bool
	// join: the lines' text is kept in all, one after another with "\n"
	// between, each ending at ends[i], instead of a string each: the
	// article's lines are joined into one text anyway (joinedLines).
	join bool
	all  []byte
	ends []int
	// edge: an inline element began or ended since the last rune. Digits
	// or letters on both sides of it are separate words ("2023-03-10" and
	// a view count "4" in adjacent spans).
	edge bool
	// one is the first string kept in the line (keep): the line's bytes
	// are one's while the buffer is as long.
	one string
	// In join mode a line's cue.Stats are the sum of its text nodes'
	// (Measure counts no space, and white space is all the writer
	// changes), taken from the scoring (extractor.textStats) into st and
	// kept in sts, one per line, for chrome, which measured the lines
	// again. A line holding a piece of a text node of <pre> (its line
	// breaks end lines) is not known: its Runes are -1.
	st      cue.Stats
	unknown bool // the line holds a piece of a text node
	pieces  bool // a text node of <pre> is being written
	sts     []cue.Stats
}

// addStats adds a text node's counts to the line's.
func (w *lineWriter) addStats(st cue.Stats) {
	w.st.Runes += st.Runes
	w.st.Han += st.Han
	w.st.Punct += st.Punct
	w.st.Stops += st.Stops
	w.st.Comma += st.Comma
}

func (w *lineWriter) write(s string, inLink, pre bool) {
	// Characters kept as they are go to buf as slices of s, not one
	// WriteRune each: s[p:i] is what is kept and not yet written.
	//
	// White space before the first character (the indentation between
	// tags, all of most of a page's text nodes) is only noted, as the loop
	// below would note it, in a loop of its own. In <pre> a line break
	// ends a line: the loop below takes it.
	i := 0
	for ; !pre && i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\f' {
			w.space = true
		} else if c == '\n' || c == '\r' {
			w.space, w.brk = true, true
		} else {
			break
		}
	}
	p := i
	for i < len(s) {
		if !w.space && i+2 < len(s) && (s[i] >= 0xe2 && s[i] <= 0xe9 || s[i] == 0xef) {
			// A run of ideographs (lead bytes E4-E9, U+4000-U+9FFF: no
			// space, letter or digit among them) and of the sentence
			// punctuation and quotes between them, with no space pending
			// before it: each is kept and counted, which the tests below
			// would find rune by rune.
			j, punct := proseEnd(s, i)
			if j > i {
				k := (j - i) / 3
				w.cur.runes += k
				if inLink {
					w.cur.links += k
				} else {
					w.cur.punct += punct
				}
				w.last = rune(s[j-3]&0x0f)<<12 | rune(s[j-2]&0x3f)<<6 | rune(s[j-1]&0x3f)
				w.edge = false
				i = j
				continue
			}
		}
		r, size := rune(s[i]), 1
		if c := s[i]; c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			// A three-byte character (most Chinese text), decoded inline as
			// cue.Measure does: the decoder call was a third of the time.
			r, size = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
		} else if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		at := i
		i += size
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			if p < at {
				w.keep(s[p:at])
			}
			p = i
			if pre && r == '\n' {
				w.flush()
				continue
			}
			w.space = true
			if r == '\n' || r == '\r' {
				w.brk = true
			}
			continue
		}
		if w.edge && alnum(w.last) && alnum(r) {
			w.space = true
		}
		w.edge = false
		if w.space && (w.buf.Len() > 0 || p < at) && !(w.brk && cjk(w.last) && cjk(r)) && w.last != '\t' {
			w.keep(s[p:at])
			w.buf.WriteByte(' ')
			p = at
		}
		w.space, w.brk = false, false
		if r == utf8.RuneError && size == 1 {
			// an invalid byte is written as U+FFFD, as WriteRune wrote it
			w.keep(s[p:at])
			w.buf.WriteRune(r)
			p = i
		}
		w.last = r
		if cue.IsSpace(r) {
			continue
		}
		w.cur.runes++
		if inLink {
			w.cur.links++
		} else if isPunct(r) {
			w.cur.punct++
		}
		if r > ' ' && r < 0x7f {
			// The printable ASCII that follows (digits, words, URLs) is
			// kept and counted as the tests above would: no space is
			// pending, no edge is open and none of it is white space or
			// sentence punctuation.
			j := asciiWordEnd(s, i)
			if k := j - i; k > 0 {
				w.cur.runes += k
				if inLink {
					w.cur.links += k
				}
				w.last = rune(s[j-1])
				i = j
			}
		}
	}
	if p < len(s) {
		w.keep(s[p:])
	}
}

// keep writes characters of a text node to the line as they are. The
// first write to an empty line is noted (one): while the line holds
// only it, its text is that string, not a copy (flush).
func (w *lineWriter) keep(s string) {
	if w.buf.Len() == 0 {
		w.one = s
	}
	w.buf.WriteString(s)
}

// ideographsEnd returns the end of the run of three-byte characters with
// lead bytes E4-E9 (U+4000-U+9FFF: no space, punctuation, letter or digit
// among them) that starts at i in s, i when there is none.
func ideographsEnd(s string, i int) int {
	// t shrinks from the front, so that its length proves its reads in
	// bounds (with s[j+2] each was checked). t[0]-0xe4 <= 5 is 0xe4 <=
	// t[0] <= 0xe9 (bytes wrap).
	t := s[i:]
	// Two at a time while eight bytes are left, as cue's hanRun: one
	// load and one test of their four continuation bytes.
	for len(t) >= 8 {
		v := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if v&0x0000c0c000c0c000 != 0x0000808000808000 || byte(v)-0xe4 > 5 || byte(v>>24)-0xe4 > 5 {
			break
		}
		t = t[6:]
	}
	for len(t) >= 3 && t[0]-0xe4 <= 5 && t[1]&0xc0 == 0x80 && t[2]&0xc0 == 0x80 {
		t = t[3:]
	}
	return len(s) - len(t)
}

// proseEnd returns the end of the run of ideographs (ideographsEnd) and
// of the marks of Chinese prose between them that starts at i in s (i
// when there is none), and how many of the marks are sentence
// punctuation (isPunct): 、。，：；！？ and the quotes “”. None of them is
// a space, a letter or a digit, and each is three bytes.
func proseEnd(s string, i int) (end, punct int) {
	for {
		i = ideographsEnd(s, i)
		if len(s)-i < 3 {
			return i, punct
		}
		switch c0, c1, c2 := s[i], s[i+1], s[i+2]; {
		case c0 == 0xe3 && c1 == 0x80 && (c2 == 0x81 || c2 == 0x82): // 、。
			punct++
		case c0 == 0xef && c1 == 0xbc && (c2 == 0x8c || c2 == 0x9a || c2 == 0x9b || c2 == 0x81 || c2 == 0x9f): // ，：；！？
			punct++
		case c0 == 0xe2 && c1 == 0x80 && (c2 == 0x9c || c2 == 0x9d): // “”
		default:
			return i, punct
		}
		i += 3
	}
}

// asciiWordEnd returns the end of the run of printable ASCII other than
// the space (0x21-0x7E) that starts at i in s, i when there is none.
func asciiWordEnd(s string, i int) int {
	for i < len(s) && s[i]-0x21 < 0x7f-0x21 {
		i++
	}
	return i
}

// trimSpaceBounds returns the bounds of bytes.TrimFunc(b, cue.IsSpace)
// in b, without a call through a function value for every byte looked at.
func trimSpaceBounds(b []byte) (from, to int) {
	to = len(b)
	for from < to {
		r, n := rune(b[from]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[from:to])
		}
		if !cue.IsSpace(r) {
			break
		}
		from += n
	}
	for from < to {
		r, n := rune(b[to-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRune(b[from:to])
		}
		if !cue.IsSpace(r) {
			break
		}
		to -= n
	}
	return from, to
}

// cell starts a new table cell in the current line.
func (w *lineWriter) cell() {
	w.buf.WriteByte('\t')
	w.last = '\t'
	w.space, w.brk = false, false
}

// soft is a block boundary inside a table cell: a space.
func (w *lineWriter) soft() { w.space = true }

func (w *lineWriter) flush() {
	var s []byte
	from := 0 // where s starts in the buffer, out of a row
	if w.rowLine {
		s = bytes.TrimRight(bytes.Trim(w.buf.Bytes(), " \u3000"), "\t")
	} else {
		b := w.buf.Bytes()
		var to int
		from, to = trimSpaceBounds(b)
		s = b[from:to]
	}
	if w.cur.runes > 0 && len(s) > 0 {
		switch {
		case w.join:
			if len(w.lines) > 0 {
				w.all = append(w.all, '\n')
			}
			w.all = append(w.all, s...)
			w.ends = append(w.ends, len(w.all))
			st := w.st
			if w.unknown || w.pieces {
				st.Runes = -1
			}
			w.sts = append(w.sts, st)
		case !w.rowLine && w.buf.Len() == len(w.one):
			// The line is one piece of a text node (most lines of a
			// page's top): its text is a slice of it, not a copy. The
			// page's lines live as long as the page.
			w.cur.text = w.one[from : from+len(s)]
		default:
			w.cur.text = string(s)
		}
		w.lines = append(w.lines, w.cur)
	}
	w.one = ""
	w.buf.Reset()
	w.cur = textLine{}
	w.st, w.unknown = cue.Stats{}, false
	w.space, w.brk, w.last, w.rowLine, w.edge = false, false, 0, false, false
}

// lines renders the subtree of n as lines. The slice's storage is reused
// by the next call: a caller is done with one page's lines before it asks
// for the next.
func (x *extractor) lines(n *html.Node) []textLine {
	lines, _, _, _ := x.joinedLines(n)
	return lines
}

// joinedLines is lines that also gives the lines joined by "\n" (all)
// and where each ends in it (ends): a line's text is a slice of all,
// which is one string for the whole walk, not one per line. sts are the
// lines' cue.Stats (Runes -1 where not known, see lineWriter). ends and
// sts are reused by the next call, as the lines are.
func (x *extractor) joinedLines(n *html.Node) (lines []textLine, all string, ends []int, sts []cue.Stats) {
	s := x.lineStream(n)
	w := s.w
	w.join, w.all, w.ends, w.sts = true, x.lineAll[:0], x.lineEnds[:0], x.lineSts[:0]
	x.statNext = 0
	for s.step() {
	}
	all = string(w.all)
	start := 0
	for i, end := range w.ends {
		w.lines[i].text = all[start:end]
		start = end + 1
	}
	x.lineAll, x.lineEnds, x.lineSts = w.all[:0], w.ends, w.sts
	return s.close(), all, w.ends, w.sts
}

// textStats is cue.Measure(n.Data) as the first scoring took it, for the
// article's walk, which meets the text nodes in document order (pruning
// only removes nodes): x.statNext is where to look.
func (x *extractor) textStats(n *html.Node) cue.Stats {
	for x.statNext < len(x.texts) && x.texts[x.statNext].n != n {
		x.statNext++
	}
	if x.statNext == len(x.texts) {
		return cue.Measure(n.Data) // not scored: never so
	}
	return x.texts[x.statNext].st
}

// lineStream renders the subtree of a node as lines on demand: the page's
// metadata is decided from its lines before pruning, and a byline near
// the headline ends the search, most often near the top of the page, so
// the rest need not be rendered. It is the recursive walk the lines are
// defined by, with its stack kept in frames.
type lineStream struct {
	x     *extractor
	w     *lineWriter
	stack []lineFrame
	done  bool
}

// lineFrame is an element (or other node) whose children are being
// walked, with what to do after the last.
type lineFrame struct {
	next                *html.Node // the next child to walk
	inLink, pre, inCell bool
	row                 bool // a data row: only its cells are walked, tab-separated
	first               bool // row: no cell written yet
	block, sep          bool // after the children: end a block, mark a word edge
}

// lineStream starts rendering n; close gives back its storage.
//
// The stream and its writer live in x (two allocations a walk, a page
// walks twice), so a stream is done with once the next one starts.
func (x *extractor) lineStream(n *html.Node) *lineStream {
	x.lw = lineWriter{lines: x.lineBuf[:0]}
	x.lw.buf = *bytes.NewBuffer(x.lineBytes[:0])
	x.ls = lineStream{x: x, w: &x.lw, stack: x.lineStack[:0]}
	x.ls.enter(n, false, false, false)
	return &x.ls
}

// at returns line i, rendering up to it; false when the subtree has fewer
// lines.
func (s *lineStream) at(i int) (textLine, bool) {
	for len(s.w.lines) <= i && s.step() {
	}
	if i < len(s.w.lines) {
		return s.w.lines[i], true
	}
	return textLine{}, false
}

// close renders nothing more and returns the lines rendered so far (all of
// them after step returned false), keeping the storage for the next walk.
func (s *lineStream) close() []textLine {
	x, w := s.x, s.w
	x.lineBuf, x.lineBytes = w.lines, w.buf.AvailableBuffer()
	clear(s.stack[:cap(s.stack)])
	x.lineStack = s.stack[:0]
	return w.lines
}

// enter starts node n: a text node is written, an element's opening is
// done and a frame pushed for its children.
func (s *lineStream) enter(n *html.Node, inLink, pre, inCell bool) {
	w := s.w
	switch n.Type {
	case html.TextNode:
		switch {
		case !w.join:
		case pre:
			// Its line breaks end lines: the lines it is written
			// into are measured by chrome.
			w.pieces = true
			w.write(n.Data, inLink, pre)
			w.pieces, w.unknown = false, true
			return
		default:
			w.addStats(s.x.textStats(n))
		}
		w.write(n.Data, inLink, pre)
		return
	case html.ElementNode:
	default:
		s.stack = append(s.stack, lineFrame{next: n.FirstChild, inLink: inLink, pre: pre, inCell: inCell})
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		if inCell {
			w.soft()
		} else {
			w.flush()
		}
		return
	case n.DataAtom == atom.Img:
		return
	case n.DataAtom == atom.Tr && !inCell && s.x.isDataRow(n):
		w.flush()
		w.rowLine = true
		s.stack = append(s.stack, lineFrame{next: n.FirstChild, inLink: inLink, pre: pre, row: true, first: true})
		return
	case n.DataAtom == atom.A && hasAttr(n, "href"):
		inLink = true
	case n.DataAtom == atom.Pre:
		pre = true
	}
	isBlock := block.has(n.DataAtom)
	if isBlock {
		if inCell {
			w.soft()
		} else {
			w.flush()
		}
	}
	sep := wordEdge.has(n.DataAtom)
	if sep {
		w.edge = true
	}
	s.stack = append(s.stack, lineFrame{next: n.FirstChild, inLink: inLink, pre: pre, inCell: inCell, block: isBlock, sep: sep})
}

// step walks one node further; false when the walk is done (the last
// line then flushed).
func (s *lineStream) step() bool {
	if len(s.stack) == 0 {
		if !s.done {
			s.done = true
			s.w.flush()
		}
		return false
	}
	w := s.w
	f := &s.stack[len(s.stack)-1]
	if f.row {
		for f.next != nil && !(f.next.Type == html.ElementNode && (f.next.DataAtom == atom.Td || f.next.DataAtom == atom.Th)) {
			f.next = f.next.NextSibling
		}
		if f.next == nil {
			s.stack = s.stack[:len(s.stack)-1]
			w.flush()
			return true
		}
		c := f.next
		f.next = c.NextSibling
		if !f.first {
			w.cell()
		}
		f.first = false
		s.enter(c, f.inLink, f.pre, true) // f is not used after: enter may move the stack
		return true
	}
	if f.next == nil {
		sep, isBlock, inCell := f.sep, f.block, f.inCell
		s.stack = s.stack[:len(s.stack)-1]
		if sep {
			w.edge = true
		}
		if isBlock {
			if inCell {
				w.soft()
			} else {
				w.flush()
			}
		}
		return true
	}
	c := f.next
	f.next = c.NextSibling
	s.enter(c, f.inLink, f.pre, f.inCell)
	return true
}

// wordEdge elements separate words when they touch: styling elements that
// sites put side by side (<span>2023-03-10</span><span>4</span>). Not
// <sup>, <sub>, <b> or <strong>, which mark up parts of one word or number.
var wordEdge = newAtomSet(atom.Span, atom.Em, atom.I, atom.A, atom.Font,
	atom.Label, atom.Time, atom.Small, atom.Cite)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func alnum(r rune) bool { return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// cjk reports characters between which a source line break is not a space.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

func isPunct(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '！', '？':
		return true
	}
	return false
}

func isSpace(r rune) bool { return cue.IsSpace(r) }

func isProse(s string) bool { return cue.Prose(s) }

// bareDate reports text that is only a date or time stamp.
func bareDate(s string) bool {
	s = cue.Trim(s)
	// A date starts with its year (19xx or 20xx), so text that does not
	// start with one is not a bare date: most text nodes skip FindDate.
	if len(s) < 4 || !(s[0] == '1' && s[1] == '9' || s[0] == '2' && s[1] == '0') || !isDigit(s[2]) || !isDigit(s[3]) {
		return false
	}
	_, start, end, ok := cue.FindDate(s)
	return ok && cue.Trim(s[:start]) == "" && cue.Trim(s[end:]) == ""
}

// pruneFeeds removes lists of other articles inside the article container:
// the smallest element holding two or more bare time stamps (headline,
// teaser, "2019-09-09 21:38:04", ...), unless it holds half of the
// container's prose. m is the model main was chosen by, for main's
// punctuation (the tree is as it scored it). Boxes of teasers go first
// (pruneTeasers), found by the same walk.
func (x *extractor) pruneFeeds(main *html.Node, m *model) {
	count := map[*html.Node]int{}
	var stamps, boxes []*html.Node
	// inBox: below a box of teasers, where pruneTeasers looks for no
	// other.
	var walk func(n *html.Node, inBox bool)
	walk = func(n *html.Node, inBox bool) {
		if n.Type == html.TextNode && bareDate(n.Data) {
			stamps = append(stamps, n)
			for p := n.Parent; p != nil && p != main; p = p.Parent {
				count[p]++
			}
		}
		if !inBox && n != main && n.Type == html.ElementNode && teaserBox(n) {
			boxes = append(boxes, n)
			inBox = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBox)
		}
	}
	walk(main, false)
	total, ok := m.punct(main)
	if !ok {
		total = countPunct(main)
	}
	pruneTeasers(boxes, total)
	if len(stamps) < 2 {
		return
	}
	for _, s := range stamps {
		var feed *html.Node
		for p := s.Parent; p != nil && p != main; p = p.Parent {
			if count[p] >= 2 {
				feed = p
				break
			}
		}
		if feed == nil || feed.Parent == nil || countPunct(feed)*2 >= total {
			continue
		}
		feed.Parent.RemoveChild(feed)
	}
}

// pruneTeasers removes boxes of other articles' teasers inside the
// article container (teaserBox, outermost first, none inside another)
// that hold less than half of the container's prose (total).
func pruneTeasers(boxes []*html.Node, total int) {
	for _, b := range boxes {
		if b.Parent != nil && countPunct(b)*2 < total {
			b.Parent.RemoveChild(b)
		}
	}
}

// teaserBox reports an element with two or more children that each open
// with a link and go on with a sentence ("图解：出行指南 春运期间，…"), all
// its other children short labels.
func teaserBox(n *html.Node) bool {
	teasers := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && teaser(c):
			teasers++
		case c.Type == html.TextNode && cue.Trim(c.Data) == "":
		case labelRunes(c) && (c.Type == html.TextNode || countPunct(c) == 0):
			// A label: a text node, or an element of at most 12
			// characters (so counting its punctuation is cheap; a map
			// of every element's count was filled for this).
		default:
			// n is no box whatever its other children are: the
			// tests above were most of the walk's time.
			return false
		}
	}
	return teasers >= 2
}

// labelRunes reports 1 to 12 non-space runes under n: a short text
// (shortText(n, 12) not empty), counted without building it.
func labelRunes(n *html.Node) bool {
	k := countRunes(n, 12)
	return k >= 1 && k <= 12
}

// teaser reports a block that opens with a link of a headline's length and
// goes on with a sentence outside the link.
func teaser(n *html.Node) bool {
	first := firstText(n)
	if first == nil {
		return false
	}
	var link *html.Node
	for p := first.Parent; p != nil && p != n.Parent; p = p.Parent {
		if p.DataAtom == atom.A && hasAttr(p, "href") {
			link = p
			break
		}
	}
	if link == nil || cue.RuneLen(nodeText(link)) < 6 {
		return false
	}
	rest := cue.Measure(strings.Replace(nodeText(n), nodeText(link), "", 1))
	return rest.Runes >= 10 && rest.Punct >= 1
}
