package htmltext

import (
	"errors"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A faster parse for the pages most sites serve. x/net/html's parser was
// about 40% of the extraction: its tokenizer reads a byte at a time,
// copies every tag name, attribute and text into new strings (and a map
// entry per attribute to drop repeats), and every node is an allocation of
// its own. fastParse builds the very same tree (html.Parse's, node for
// node, attribute for attribute) with its own tokenizer over the page
// string: text and attribute values are substrings of the page unless a
// character reference or a carriage return has to be converted, raw text
// ends are found with byte searches, and nodes come from storage kept from
// page to page.
//
// It follows x/net/html's tokenizer states and tree construction for the
// ordinary part of HTML: the implied html, head, body and tbody elements,
// paragraphs, lists and headings closed by what follows them, tables with
// captions, column groups and the content they foster-parent, select,
// formatting elements closed, reopened (a <font> across paragraphs) or
// misnested (the adoption agency), raw text and RCDATA elements, forms.
// Whatever depends on the rest of the algorithm (template, frameset, nobr,
// SVG and MathML, plaintext, NUL bytes, a page ending inside a tag, bogus
// comments, an attribute value whose character references read
// differently in attributes and in text) gives up, and the page goes to
// html.Parse. TestFastParse, TestFastParseCases, TestFastParseGenerated
// and FuzzFastParse hold the trees equal.

// errGiveUp makes fastParse leave the page to html.Parse.
var errGiveUp = errors.New("htmltext: page outside the fast parser's subset")

// giveUp abandons the fast parse; fastParse recovers it.
func giveUp() { panic(errGiveUp) }

// maxFastDepth keeps the fast parse below html.Parse's limit of 512 open
// elements, so that a page over it gets html.Parse's error.
const maxFastDepth = 500

// insertion modes (the HTML standard's, those the fast parse follows).
type imode int

const (
	mInitial imode = iota
	mBeforeHTML
	mBeforeHead
	mInHead
	mAfterHead
	mInBody
	mText
	mInTable
	mInCaption
	mInColumnGroup
	mInTableBody
	mInRow
	mInCell
	mAfterBody
	mAfterAfterBody
)

// ftoken is a token as the tree builder sees it.
type ftoken struct {
	typ  html.TokenType
	atom atom.Atom
	name string           // tag name, lower case
	attr []html.Attribute // start tags only, repeats dropped
	data string           // text, comment or doctype, converted
}

// nodeStore hands out nodes and attribute slices from chunks kept from
// page to page (one allocation per node was most of the parser's garbage).
type nodeStore struct {
	chunks [][]html.Node
	ci, ni int // next node: chunks[ci][ni]
	attrs  [][]html.Attribute
	ac, ai int // next attribute: attrs[ac][ai]
}

const (
	nodeChunk = 512
	attrChunk = 256
)

func (s *nodeStore) node() *html.Node {
	if s.ci < len(s.chunks) && s.ni == len(s.chunks[s.ci]) {
		s.ci, s.ni = s.ci+1, 0
	}
	if s.ci == len(s.chunks) {
		s.chunks = append(s.chunks, make([]html.Node, nodeChunk))
	}
	n := &s.chunks[s.ci][s.ni]
	s.ni++
	return n
}

// attrSlice returns room for k attributes; its capacity is k, so that an
// append (copyAttributes) copies it instead of writing over a neighbour.
func (s *nodeStore) attrSlice(k int) []html.Attribute {
	for s.ac < len(s.attrs) && s.ai+k > len(s.attrs[s.ac]) {
		s.ac, s.ai = s.ac+1, 0
	}
	if s.ac == len(s.attrs) {
		s.attrs = append(s.attrs, make([]html.Attribute, max(attrChunk, k)))
	}
	a := s.attrs[s.ac][s.ai : s.ai+k : s.ai+k]
	s.ai += k
	return a
}

// reset clears what was handed out (a kept store must not hold the last
// page's tree or strings); a store grown by a huge page is dropped.
func (s *nodeStore) reset() {
	if len(s.chunks) > 64 || len(s.attrs) > 64 {
		*s = nodeStore{}
		return
	}
	// Only what was handed out: a small page uses a few nodes of its
	// chunk, and clearing all 512 was most of the cost of a reset.
	for i := 0; i < s.ci && i < len(s.chunks); i++ {
		clear(s.chunks[i])
	}
	if s.ci < len(s.chunks) {
		clear(s.chunks[s.ci][:s.ni])
	}
	for i := 0; i < s.ac && i < len(s.attrs); i++ {
		clear(s.attrs[i])
	}
	if s.ac < len(s.attrs) {
		clear(s.attrs[s.ac][:s.ai])
	}
	s.ci, s.ni, s.ac, s.ai = 0, 0, 0, 0
}

// doctypeProbe is what html.Parse makes of a doctype: the node's name and
// public and system identifiers, and whether the page is in quirks mode.
type doctypeProbe struct {
	data   string
	attr   []html.Attribute
	quirks bool
}

// fastParser is the state of one fast parse.
type fastParser struct {
	s     string // the page
	pos   int    // the tokenizer's offset into s
	raw   string // the raw text element whose text comes next ("" if none)
	store *nodeStore
	probe map[string]doctypeProbe // doctypes seen before, kept by the extractor
	names *nameCache

	doc        *html.Node
	oe         []*html.Node
	afe        []*html.Node // nil is a scope marker
	head, form *html.Node
	mode, orig imode
	quirks     bool
	foster     bool // inserting in the in-table rules' foster-parenting mode

	keys  []string   // a start tag's attribute keys, to drop repeats
	spans []attrSpan // a tag's attributes in the page
	eof   bool
}

// fastParse parses page as html.Parse would; ok is false when the page is
// outside the subset it follows.
func (x *extractor) fastParse(page string) (doc *html.Node, ok bool) {
	if strings.IndexByte(page, 0) >= 0 {
		return nil, false // the tokenizer and parser treat NUL differently by state
	}
	if x.doctypes == nil {
		x.doctypes = map[string]doctypeProbe{}
	}
	p := &x.fp
	*p = fastParser{s: page, store: &x.nodes, probe: x.doctypes, names: &x.names, oe: p.oe[:0], afe: p.afe[:0], keys: p.keys[:0], spans: p.spans[:0]}
	defer func() {
		if r := recover(); r != nil {
			if r != errGiveUp {
				panic(r)
			}
			doc, ok = nil, false
		}
		clear(p.oe[:cap(p.oe)])
		clear(p.afe[:cap(p.afe)])
		clear(p.keys[:cap(p.keys)])
		*p = fastParser{oe: p.oe[:0], afe: p.afe[:0], keys: p.keys[:0], spans: p.spans[:0]}
	}()
	p.doc = p.newNode(html.DocumentNode, 0, "")
	p.mode = mInitial
	var t ftoken
	for !p.eof {
		p.next(&t)
		p.step(&t)
	}
	return p.doc, true
}

func (p *fastParser) newNode(typ html.NodeType, a atom.Atom, data string) *html.Node {
	n := p.store.node()
	n.Type, n.DataAtom, n.Data = typ, a, data
	return n
}

// The tokenizer.

// next reads the next token into t, as x/net/html's Tokenizer.Next and
// Token would give it.
func (p *fastParser) next(t *ftoken) {
	*t = ftoken{typ: html.TextToken}
	s := p.s
	if p.raw != "" {
		tag := p.raw
		p.raw = ""
		var end int
		var ok bool
		if tag == "script" {
			end, ok = scriptEnd(s, p.pos)
		} else {
			end, ok = rawEnd(s, p.pos, tag)
		}
		if !ok {
			giveUp() // raw text to the end of the page
		}
		if end > p.pos {
			t.data = convertText(s[p.pos:end], tag == "textarea" || tag == "title")
			p.pos = end
			return
		}
	}
	start := p.pos
	k := start
	for {
		j := strings.IndexByte(s[k:], '<')
		if j < 0 {
			k = len(s)
			break
		}
		k += j
		if k+1 >= len(s) {
			giveUp() // a page ending in '<'
		}
		if c := s[k+1]; isLetter(c) || c == '/' || c == '!' || c == '?' {
			break
		}
		k++
	}
	if k > start {
		t.data = convertText(s[start:k], true)
		p.pos = k
		return
	}
	if k >= len(s) {
		t.typ = html.ErrorToken
		p.eof = true
		return
	}
	// A tag, comment or doctype at k.
	switch c := s[k+1]; {
	case isLetter(c):
		p.readTag(t, k+1, true)
		t.typ = html.StartTagToken
		if kind := rawKindOf(t.atom); kind == "stop" {
			giveUp()
		} else if kind != "" {
			p.raw = kind
		}
	case c == '/':
		if k+2 >= len(s) || !isLetter(s[k+2]) {
			giveUp() // "</>" or a bogus comment
		}
		p.readTag(t, k+2, false)
		t.typ = html.EndTagToken
	case c == '?':
		e := strings.IndexByte(s[k+1:], '>')
		if e < 0 {
			giveUp()
		}
		t.typ = html.CommentToken
		t.data = convertText(s[k+1:k+1+e], true)
		p.pos = k + 1 + e + 1
	default: // '!'
		if strings.HasPrefix(s[k+2:], "--") {
			end, ok := commentEnd(s, k+4)
			if !ok {
				giveUp()
			}
			de := end - 3
			if s[end-2] == '!' {
				de = end - 4 // "--!>"
			}
			t.typ = html.CommentToken
			t.data = convertText(s[k+4:max(k+4, de)], true)
			p.pos = end
			return
		}
		if len(s) < k+9 || !asciiFoldEqual(s[k+2:k+9], "doctype") {
			giveUp() // a bogus comment
		}
		i := k + 9
		for i < len(s) && isTagSpace(s[i]) {
			i++
		}
		e := strings.IndexByte(s[i:], '>')
		if e < 0 {
			giveUp()
		}
		t.typ = html.DoctypeToken
		t.data = s[i : i+e] // raw: the probe parses it as it is
		p.pos = i + e + 1
	}
}

// readTag reads the tag whose name starts at i into t and moves past it;
// with attrs, its attributes (lower-case keys, first of a repeated key,
// values converted). It returns the end of the name.
func (p *fastParser) readTag(t *ftoken, i int, attrs bool) int {
	s := p.s
	ne, end, spans, ok := tagSpans(s, i, p.spans[:0])
	p.spans = spans
	if !ok {
		giveUp()
	}
	p.pos = end
	t.atom, t.name = p.names.lookup(s[i:ne])
	if !attrs || len(spans) == 0 {
		return ne
	}
	if len(spans) > 64 {
		giveUp() // the repeats check below is quadratic
	}
	p.keys = p.keys[:0]
	out := p.store.attrSlice(len(spans))
	n := 0
	for _, sp := range spans {
		if sp.ks == sp.ke {
			continue // an empty key is dropped
		}
		_, key := p.names.lookup(s[sp.ks:sp.ke])
		if slices.Contains(p.keys, key) {
			continue
		}
		p.keys = append(p.keys, key)
		out[n] = html.Attribute{Key: key, Val: convertAttr(s[sp.vs:sp.ve])}
		n++
	}
	t.attr = out[:n:n]
	return ne
}

// lowerName is a tag or attribute name as the tokenizer gives it: ASCII
// letters in lower case (bytes otherwise as they are), known names as
// their atom's string.
func lowerName(b string) (atom.Atom, string) {
	var arr [32]byte
	buf := arr[:0]
	if len(b) > len(arr) {
		buf = make([]byte, 0, len(b))
	}
	lower := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			lower = false
		}
		buf = append(buf, c)
	}
	if a := atom.Lookup(buf); a != 0 {
		return a, a.String()
	}
	if lower {
		return 0, b
	}
	return 0, string(buf)
}

// nameCache remembers known names written in lower case, by a hash of
// their length and end bytes: most tags and attributes of a page are a
// few such names, and atom.Lookup hashed each again.
type nameCache [256]struct {
	s string // the atom's string
	a atom.Atom
}

func (c *nameCache) lookup(b string) (atom.Atom, string) {
	if b == "" {
		return lowerName(b)
	}
	e := &c[(len(b)*7+int(b[0])*3+int(b[len(b)-1]))&255]
	if e.s == b {
		return e.a, e.s
	}
	a, s := lowerName(b)
	if a != 0 && s == b {
		e.s, e.a = s, a
	}
	return a, s
}

// convertText is text as the tokenizer gives it: CR LF and CR as LF, and
// character references decoded (not in raw text).
func convertText(s string, unescape bool) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if unescape && strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// convertAttr is an attribute value as the tokenizer gives it. The
// tokenizer reads character references in attributes with two differences
// from text (a name without ';' before '=' stays as it is, and a name is
// not cut to the longest known prefix); html.UnescapeString reads them as
// in text, so a value where the two could differ gives up.
func convertAttr(s string) string {
	s = convertText(s, false)
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '&' || i+1 < len(s) && s[i+1] == '#' {
			continue
		}
		j := i + 1
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		if j == i+1 {
			continue // no name: '&' in both
		}
		if j < len(s) && s[j] == ';' {
			ref := s[i : j+1]
			u := html.UnescapeString(ref)
			// Unchanged: no reading; not ending in ';': the whole name
			// read (a prefix read leaves the ';'), the same in both.
			if u != ref && strings.HasSuffix(u, ";") {
				giveUp()
			}
			continue
		}
		if ref := s[i:j]; html.UnescapeString(ref) != ref {
			giveUp()
		}
	}
	return html.UnescapeString(s)
}

func isAlnum(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' }

// The tree builder: x/net/html's insertion modes, for the subset.

func (p *fastParser) step(t *ftoken) {
	for !p.dispatch(t) {
	}
}

func (p *fastParser) dispatch(t *ftoken) bool {
	switch p.mode {
	case mInitial:
		return p.initial(t)
	case mBeforeHTML:
		return p.beforeHTML(t)
	case mBeforeHead:
		return p.beforeHead(t)
	case mInHead:
		return p.inHead(t)
	case mAfterHead:
		return p.afterHead(t)
	case mInBody:
		return p.inBody(t)
	case mText:
		return p.text(t)
	case mInTable:
		return p.inTable(t)
	case mInCaption:
		return p.inCaption(t)
	case mInColumnGroup:
		return p.inColumnGroup(t)
	case mInTableBody:
		return p.inTableBody(t)
	case mInRow:
		return p.inRow(t)
	case mInCell:
		return p.inCell(t)
	case mAfterBody:
		return p.afterBody(t)
	case mAfterAfterBody:
		return p.afterAfterBody(t)
	}
	giveUp()
	return true
}

// implied processes a start or end tag the page left out.
func (p *fastParser) implied(typ html.TokenType, a atom.Atom) {
	p.step(&ftoken{typ: typ, atom: a, name: a.String()})
}

func (p *fastParser) top() *html.Node {
	if len(p.oe) > 0 {
		return p.oe[len(p.oe)-1]
	}
	return p.doc
}

func (p *fastParser) pop() { p.oe = p.oe[:len(p.oe)-1] }

// addChild appends n to the current node (and opens it, for an element);
// in a table's foster-parenting mode, before the table.
func (p *fastParser) addChild(n *html.Node) {
	top := p.top()
	if p.foster && tableParts.has(top.DataAtom) {
		p.fosterParent(n)
	} else {
		top.AppendChild(n)
	}
	if n.Type == html.ElementNode {
		if len(p.oe) >= maxFastDepth {
			giveUp()
		}
		p.oe = append(p.oe, n)
	}
}

// fosterParent inserts n before the table last opened (text joins text
// just before it), as x/net/html does with content a table cannot hold.
func (p *fastParser) fosterParent(n *html.Node) {
	i := len(p.oe) - 1
	for i >= 0 && p.oe[i].DataAtom != atom.Table {
		i--
	}
	if i < 0 {
		if n.Type == html.TextNode {
			if l := p.oe[0].LastChild; l != nil && l.Type == html.TextNode {
				l.Data += n.Data
				return
			}
		}
		p.oe[0].AppendChild(n)
		return
	}
	table := p.oe[i]
	if table.Parent == nil {
		giveUp() // a table moved out of the tree: html.Parse links oddly here
	}
	if prev := table.PrevSibling; prev != nil && prev.Type == html.TextNode && n.Type == html.TextNode {
		prev.Data += n.Data
		return
	}
	table.Parent.InsertBefore(n, table)
}

// tableParts are the current nodes under which in-table insertion
// foster-parents.
var tableParts = newAtomSet(atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr)

func (p *fastParser) addText(s string) {
	if s == "" {
		return
	}
	top := p.top()
	if p.foster && tableParts.has(top.DataAtom) {
		p.fosterParent(p.newNode(html.TextNode, 0, s))
		return
	}
	if l := top.LastChild; l != nil && l.Type == html.TextNode {
		l.Data += s
		return
	}
	p.addChild(p.newNode(html.TextNode, 0, s))
}

func (p *fastParser) addElement(t *ftoken) {
	n := p.newNode(html.ElementNode, t.atom, t.name)
	n.Attr = t.attr
	p.addChild(n)
}

func (p *fastParser) addComment(t *ftoken) {
	p.addChild(p.newNode(html.CommentNode, 0, t.data))
}

// raw opens a raw text or RCDATA element.
func (p *fastParser) rawElement(t *ftoken) {
	p.addElement(t)
	p.orig = p.mode
	p.mode = mText
}

func attrCmp(a, b html.Attribute) int {
	if c := strings.Compare(a.Namespace, b.Namespace); c != 0 {
		return c
	}
	if c := strings.Compare(a.Key, b.Key); c != 0 {
		return c
	}
	return strings.Compare(a.Val, b.Val)
}

// addFormatting opens a formatting element: its attributes sorted, and at
// most three identical ones kept in the list of active formatting
// elements (the Noah's Ark clause, as x/net/html counts it).
func (p *fastParser) addFormatting(t *ftoken) {
	p.addElement(t)
	n := p.top()
	slices.SortFunc(n.Attr, attrCmp)
	same := 0
	for i := len(p.afe) - 1; i >= 0; i-- {
		e := p.afe[i]
		if e == nil {
			break
		}
		if e.DataAtom != n.DataAtom || !slices.Equal(e.Attr, n.Attr) {
			continue
		}
		if same++; same >= 3 {
			p.afe = slices.Delete(p.afe, i, i+1)
		}
	}
	p.afe = append(p.afe, n)
}

// reconstruct reopens the active formatting elements that are no longer
// open (a <b> across paragraphs): each is cloned, as x/net/html clones
// it (tag and attributes), into the current node.
func (p *fastParser) reconstruct() {
	if len(p.afe) == 0 {
		return
	}
	i := len(p.afe) - 1
	if e := p.afe[i]; e == nil || p.open(e) {
		return
	}
	for {
		if i == 0 {
			i = -1
			break
		}
		i--
		if e := p.afe[i]; e == nil || p.open(e) {
			break
		}
	}
	for i++; i < len(p.afe); i++ {
		c := p.clone(p.afe[i])
		p.addChild(c)
		p.afe[i] = c
	}
}

func (p *fastParser) open(n *html.Node) bool { return index(p.oe, n) >= 0 }

func (p *fastParser) clearFormattingToMarker() {
	for len(p.afe) > 0 {
		e := p.afe[len(p.afe)-1]
		p.afe = p.afe[:len(p.afe)-1]
		if e == nil {
			return
		}
	}
}

type scope int

const (
	defaultScope scope = iota
	listItemScope
	buttonScope
	tableScope
)

var (
	scopeStop = newAtomSet(atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee, atom.Object, atom.Template, atom.Select)
	tableStop = newAtomSet(atom.Html, atom.Table, atom.Template)
)

// inScope returns the index in the stack of the element named by one of
// tags that is in scope s, or -1.
func (p *fastParser) inScope(s scope, tags ...atom.Atom) int {
	for i := len(p.oe) - 1; i >= 0; i-- {
		a := p.oe[i].DataAtom
		if slices.Contains(tags, a) {
			return i
		}
		switch s {
		case listItemScope:
			if a == atom.Ol || a == atom.Ul {
				return -1
			}
		case buttonScope:
			if a == atom.Button {
				return -1
			}
		case tableScope:
			if tableStop.has(a) {
				return -1
			}
			continue
		}
		if scopeStop.has(a) {
			return -1
		}
	}
	return -1
}

func (p *fastParser) popUntil(s scope, tags ...atom.Atom) bool {
	if i := p.inScope(s, tags...); i >= 0 {
		p.oe = p.oe[:i]
		return true
	}
	return false
}

// clearTo pops up to the nearest element of stop (html always is one).
func (p *fastParser) clearTo(stop atomSet) {
	for i := len(p.oe) - 1; i >= 0; i-- {
		if a := p.oe[i].DataAtom; a == atom.Html || stop.has(a) {
			p.oe = p.oe[:i+1]
			return
		}
	}
}

var (
	tableContext = newAtomSet(atom.Table, atom.Template)
	bodyContext  = newAtomSet(atom.Tbody, atom.Tfoot, atom.Thead, atom.Template)
	rowContext   = newAtomSet(atom.Tr, atom.Template)
	impliedEnd   = newAtomSet(atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc)
)

func (p *fastParser) generateImpliedEndTags(except string) {
	for len(p.oe) > 0 {
		n := p.oe[len(p.oe)-1]
		if !impliedEnd.has(n.DataAtom) || n.Data == except {
			return
		}
		p.pop()
	}
}

// special is x/net/html's list of special elements.
var special = newAtomSet(atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base, atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed, atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre, atom.Script, atom.Section, atom.Select, atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp)

// copyAttributes adds to n the attributes of t it does not have.
func copyAttributes(n *html.Node, t *ftoken) {
	for _, a := range t.attr {
		if !slices.ContainsFunc(n.Attr, func(b html.Attribute) bool { return b.Key == a.Key }) {
			n.Attr = append(n.Attr, a)
		}
	}
}

func isWhitespace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

func trimLeftWhitespace(s string) string {
	i := 0
	for i < len(s) && isWhitespace(s[i]) {
		i++
	}
	return s[i:]
}

func allWhitespace(s string) bool { return trimLeftWhitespace(s) == "" }

func (p *fastParser) initial(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		t.data = trimLeftWhitespace(t.data)
		if t.data == "" {
			return true
		}
	case html.CommentToken:
		p.doc.AppendChild(p.newNode(html.CommentNode, 0, t.data))
		return true
	case html.DoctypeToken:
		d := p.doctype(t.data)
		n := p.newNode(html.DoctypeNode, 0, d.data)
		if len(d.attr) > 0 {
			n.Attr = append(p.store.attrSlice(len(d.attr))[:0], d.attr...)
		}
		p.doc.AppendChild(n)
		p.quirks = d.quirks
		p.mode = mBeforeHTML
		return true
	}
	p.quirks = true
	p.mode = mBeforeHTML
	return false
}

// doctype is html.Parse's reading of a doctype token's raw text: parsed
// with a paragraph holding a table, which quirks mode leaves inside it.
func (p *fastParser) doctype(raw string) doctypeProbe {
	if d, ok := p.probe[raw]; ok {
		return d
	}
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE " + raw + "><p><table>"))
	if err != nil || doc.FirstChild == nil || doc.FirstChild.Type != html.DoctypeNode {
		giveUp()
	}
	d := doctypeProbe{data: doc.FirstChild.Data, attr: doc.FirstChild.Attr}
	if t := firstElement(doc, "table"); t != nil && t.Parent != nil && t.Parent.DataAtom == atom.P {
		d.quirks = true
	}
	if len(p.probe) >= 64 {
		clear(p.probe) // pages in the wild use a handful
	}
	p.probe[strings.Clone(raw)] = d // raw is a slice of the page, which the kept map must not hold
	return d
}

func (p *fastParser) beforeHTML(t *ftoken) bool {
	switch t.typ {
	case html.DoctypeToken:
		return true
	case html.TextToken:
		t.data = trimLeftWhitespace(t.data)
		if t.data == "" {
			return true
		}
	case html.StartTagToken:
		if t.atom == atom.Html {
			p.addElement(t)
			p.mode = mBeforeHead
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Head, atom.Body, atom.Html, atom.Br:
			p.implied(html.StartTagToken, atom.Html)
			return false
		}
		return true
	case html.CommentToken:
		p.doc.AppendChild(p.newNode(html.CommentNode, 0, t.data))
		return true
	}
	p.implied(html.StartTagToken, atom.Html)
	return false
}

func (p *fastParser) beforeHead(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		t.data = trimLeftWhitespace(t.data)
		if t.data == "" {
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Head:
			p.addElement(t)
			p.head = p.top()
			p.mode = mInHead
			return true
		case atom.Html:
			return p.inBody(t)
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Head, atom.Body, atom.Html, atom.Br:
			p.implied(html.StartTagToken, atom.Head)
			return false
		}
		return true
	case html.CommentToken:
		p.addComment(t)
		return true
	case html.DoctypeToken:
		return true
	}
	p.implied(html.StartTagToken, atom.Head)
	return false
}

// leadingSpace adds the white space t starts with to the current node and
// reports whether that was all of it.
func (p *fastParser) leadingSpace(t *ftoken) bool {
	s := trimLeftWhitespace(t.data)
	if len(s) < len(t.data) {
		p.addText(t.data[:len(t.data)-len(s)])
		if s == "" {
			return true
		}
		t.data = s
	}
	return false
}

func (p *fastParser) inHead(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		if p.leadingSpace(t) {
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Html:
			return p.inBody(t)
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
			p.addElement(t)
			p.pop()
			return true
		case atom.Noscript, atom.Script, atom.Title, atom.Noframes, atom.Style:
			// noscript is raw text: html.Parse enables scripting.
			p.rawElement(t)
			return true
		case atom.Head:
			return true
		case atom.Template:
			giveUp()
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Head:
			p.pop()
			p.mode = mAfterHead
			return true
		case atom.Body, atom.Html, atom.Br:
			p.implied(html.EndTagToken, atom.Head)
			return false
		case atom.Template:
			giveUp()
		}
		return true
	case html.CommentToken:
		p.addComment(t)
		return true
	case html.DoctypeToken:
		return true
	}
	p.implied(html.EndTagToken, atom.Head)
	return false
}

func (p *fastParser) afterHead(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		if p.leadingSpace(t) {
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Html:
			return p.inBody(t)
		case atom.Body:
			p.addElement(t)
			p.mode = mInBody
			return true
		case atom.Frameset, atom.Template:
			giveUp()
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script, atom.Style, atom.Title:
			// Into the head, which is open only for this element.
			if len(p.oe) >= maxFastDepth {
				giveUp()
			}
			p.oe = append(p.oe, p.head)
			done := p.inHead(t)
			for i := len(p.oe) - 1; i >= 0; i-- {
				if p.oe[i] == p.head {
					p.oe = slices.Delete(p.oe, i, i+1)
					break
				}
			}
			return done
		case atom.Head:
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			giveUp()
		default:
			return true
		}
	case html.CommentToken:
		p.addComment(t)
		return true
	case html.DoctypeToken:
		return true
	}
	p.implied(html.StartTagToken, atom.Body)
	return t.typ == html.ErrorToken
}

var (
	closesP       = newAtomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section, atom.Summary, atom.Ul)
	blockEnd      = newAtomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.Pre, atom.Search, atom.Section, atom.Select, atom.Summary, atom.Ul)
	headings      = newAtomSet(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	formatting    = newAtomSet(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)
	headTags      = newAtomSet(atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script, atom.Style, atom.Template, atom.Title)
	voidTags      = newAtomSet(atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr)
	ignoredInBody = newAtomSet(atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr)
	unsupported   = newAtomSet(atom.Frameset, atom.Plaintext, atom.Nobr, atom.Math, atom.Svg, atom.Template)
)

func (p *fastParser) inBody(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		d := t.data
		if top := p.top(); (top.DataAtom == atom.Pre || top.DataAtom == atom.Listing) && top.FirstChild == nil {
			d = strings.TrimPrefix(d, "\n") // CR is LF already
		}
		if d == "" {
			return true
		}
		p.reconstruct()
		p.addText(d)
	case html.StartTagToken:
		p.inBodyStart(t)
	case html.EndTagToken:
		return p.inBodyEnd(t)
	case html.CommentToken:
		p.addComment(t)
	}
	return true
}

func (p *fastParser) inBodyStart(t *ftoken) {
	a := t.atom
	switch {
	case a == atom.Html:
		copyAttributes(p.oe[0], t)
	case headTags.has(a):
		if a == atom.Template {
			giveUp()
		}
		p.inHead(t)
	case a == atom.Body:
		if len(p.oe) >= 2 && p.oe[1].DataAtom == atom.Body {
			copyAttributes(p.oe[1], t)
		}
	case unsupported.has(a):
		giveUp()
	case closesP.has(a):
		p.popUntil(buttonScope, atom.P)
		p.addElement(t)
	case headings.has(a):
		p.popUntil(buttonScope, atom.P)
		if headings.has(p.top().DataAtom) {
			p.pop()
		}
		p.addElement(t)
	case a == atom.Pre || a == atom.Listing:
		p.popUntil(buttonScope, atom.P)
		p.addElement(t)
	case a == atom.Form:
		if p.form != nil {
			return
		}
		p.popUntil(buttonScope, atom.P)
		p.addElement(t)
		p.form = p.top()
	case a == atom.Li || a == atom.Dd || a == atom.Dt:
		for i := len(p.oe) - 1; i >= 0; i-- {
			n := p.oe[i].DataAtom
			if a == atom.Li && n == atom.Li || a != atom.Li && (n == atom.Dd || n == atom.Dt) {
				p.oe = p.oe[:i]
				break
			}
			if n != atom.Address && n != atom.Div && n != atom.P && special.has(n) {
				break
			}
		}
		p.popUntil(buttonScope, atom.P)
		p.addElement(t)
	case a == atom.Button:
		if p.inScope(defaultScope, atom.Button) >= 0 {
			p.generateImpliedEndTags("")
			p.popUntil(defaultScope, atom.Button)
		}
		p.reconstruct()
		p.addElement(t)
	case a == atom.A:
		// A link inside a link closes the first (the adoption agency),
		// which then leaves the stack and the list wherever it is.
		for i := len(p.afe) - 1; i >= 0 && p.afe[i] != nil; i-- {
			if n := p.afe[i]; n.DataAtom == atom.A {
				p.endFormatting(&ftoken{typ: html.EndTagToken, atom: atom.A, name: "a"})
				p.oe = remove(p.oe, n)
				p.afe = remove(p.afe, n)
				break
			}
		}
		p.reconstruct()
		p.addFormatting(t)
	case formatting.has(a):
		p.reconstruct()
		p.addFormatting(t)
	case a == atom.Applet || a == atom.Marquee || a == atom.Object:
		p.reconstruct()
		p.addElement(t)
		p.afe = append(p.afe, nil)
	case a == atom.Table:
		if !p.quirks {
			p.popUntil(buttonScope, atom.P)
		}
		p.addElement(t)
		p.mode = mInTable
	case voidTags.has(a):
		p.reconstruct()
		p.addElement(t)
		p.pop()
	case a == atom.Input:
		p.popUntil(defaultScope, atom.Select)
		p.reconstruct()
		p.addElement(t)
		p.pop()
	case a == atom.Select:
		if p.popUntil(defaultScope, atom.Select) {
			return // a select in a select closes it
		}
		p.reconstruct()
		p.addElement(t)
	case a == atom.Param || a == atom.Source || a == atom.Track:
		p.addElement(t)
		p.pop()
	case a == atom.Hr:
		if p.inScope(buttonScope, atom.P) >= 0 {
			p.generateImpliedEndTags("p")
			p.popUntil(defaultScope, atom.P)
		}
		if p.inScope(defaultScope, atom.Select) >= 0 {
			p.generateImpliedEndTags("")
		}
		p.addElement(t)
		p.pop()
	case a == atom.Image:
		t.atom, t.name = atom.Img, atom.Img.String()
		p.inBodyStart(t)
	case a == atom.Textarea:
		p.rawElement(t)
	case a == atom.Xmp:
		p.popUntil(buttonScope, atom.P)
		p.reconstruct()
		p.rawElement(t)
	case a == atom.Iframe || a == atom.Noembed || a == atom.Noscript:
		p.rawElement(t)
	case a == atom.Option || a == atom.Optgroup:
		if p.inScope(defaultScope, atom.Select) >= 0 {
			if a == atom.Option {
				p.generateImpliedEndTags("optgroup")
			} else {
				p.generateImpliedEndTags("")
			}
		} else if p.top().DataAtom == atom.Option {
			p.pop()
		}
		p.reconstruct()
		p.addElement(t)
	case a == atom.Rb || a == atom.Rtc || a == atom.Rp || a == atom.Rt:
		if p.inScope(defaultScope, atom.Ruby) >= 0 {
			if a == atom.Rp || a == atom.Rt {
				p.generateImpliedEndTags("rtc")
			} else {
				p.generateImpliedEndTags("")
			}
		}
		p.addElement(t)
	case ignoredInBody.has(a):
	default:
		p.reconstruct()
		p.addElement(t)
	}
}

func (p *fastParser) inBodyEnd(t *ftoken) bool {
	a := t.atom
	switch {
	case a == atom.Body:
		if p.inScope(defaultScope, atom.Body) >= 0 {
			p.mode = mAfterBody
		}
	case a == atom.Html:
		if p.inScope(defaultScope, atom.Body) >= 0 {
			p.implied(html.EndTagToken, atom.Body)
			return false
		}
	case blockEnd.has(a):
		if p.inScope(defaultScope, a) < 0 {
			return true
		}
		p.generateImpliedEndTags("")
		p.popUntil(defaultScope, a)
	case a == atom.Form:
		node := p.form
		p.form = nil
		i := p.inScope(defaultScope, atom.Form)
		if node == nil || i < 0 || p.oe[i] != node {
			return true
		}
		p.generateImpliedEndTags("")
		for i := len(p.oe) - 1; i >= 0; i-- {
			if p.oe[i] == node {
				p.oe = slices.Delete(p.oe, i, i+1)
				break
			}
		}
	case a == atom.P:
		if p.inScope(buttonScope, atom.P) < 0 {
			p.implied(html.StartTagToken, atom.P)
		}
		p.popUntil(buttonScope, atom.P)
	case a == atom.Li:
		p.popUntil(listItemScope, atom.Li)
	case a == atom.Dd || a == atom.Dt:
		p.popUntil(defaultScope, a)
	case headings.has(a):
		p.popUntil(defaultScope, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	case formatting.has(a):
		p.endFormatting(t)
	case a == atom.Applet || a == atom.Marquee || a == atom.Object:
		if p.popUntil(defaultScope, a) {
			p.clearFormattingToMarker()
		}
	case a == atom.Br:
		t.typ, t.attr = html.StartTagToken, nil
		return false
	case a == atom.Template:
		giveUp()
	default:
		p.endOther(t)
	}
	return true
}

// endFormatting is the adoption agency algorithm, as x/net/html runs it:
// a formatting element closed with blocks opened inside it is closed
// there, and the blocks' content moves into clones of it.
func (p *fastParser) endFormatting(t *ftoken) {
	if cur := p.top(); cur.Data == t.name && index(p.afe, cur) < 0 {
		p.pop()
		return
	}
	for range 8 {
		var fe *html.Node
		for i := len(p.afe) - 1; i >= 0 && p.afe[i] != nil; i-- {
			if p.afe[i].DataAtom == t.atom {
				fe = p.afe[i]
				break
			}
		}
		if fe == nil {
			p.endOther(t)
			return
		}
		fi := index(p.oe, fe)
		if fi < 0 {
			p.afe = remove(p.afe, fe)
			return
		}
		if p.inScope(defaultScope, t.atom) < 0 {
			return
		}
		var block *html.Node // the furthest block
		for _, e := range p.oe[fi:] {
			if special.has(e.DataAtom) {
				block = e
				break
			}
		}
		if block == nil {
			p.oe = p.oe[:fi]
			p.afe = remove(p.afe, fe)
			return
		}
		common := p.oe[fi-1]
		bookmark := index(p.afe, fe)
		last, node := block, block
		x := index(p.oe, node)
		for j := 1; ; j++ {
			if x--; x < 0 {
				giveUp() // html.Parse fails here too
			}
			node = p.oe[x]
			if node == fe {
				break
			}
			if ni := index(p.afe, node); j > 3 && ni >= 0 {
				p.afe = remove(p.afe, node)
				if ni <= bookmark {
					bookmark--
				}
				continue
			}
			if index(p.afe, node) < 0 {
				p.oe = remove(p.oe, node)
				continue
			}
			c := p.clone(node)
			p.afe[index(p.afe, node)] = c
			p.oe[index(p.oe, node)] = c
			node = c
			if last == block {
				bookmark = index(p.afe, node) + 1
			}
			if last.Parent != nil {
				last.Parent.RemoveChild(last)
			}
			node.AppendChild(last)
			last = node
		}
		if last.Parent != nil {
			last.Parent.RemoveChild(last)
		}
		if tableParts.has(common.DataAtom) {
			p.fosterParent(last)
		} else {
			common.AppendChild(last)
		}
		c := p.clone(fe)
		for ch := block.FirstChild; ch != nil; ch = block.FirstChild {
			block.RemoveChild(ch)
			c.AppendChild(ch)
		}
		block.AppendChild(c)
		if old := index(p.afe, fe); old >= 0 && old < bookmark {
			bookmark--
		}
		p.afe = remove(p.afe, fe)
		if bookmark < 0 || bookmark > len(p.afe) {
			giveUp() // html.Parse fails here too
		}
		p.afe = slices.Insert(p.afe, bookmark, c)
		p.oe = remove(p.oe, fe)
		p.oe = slices.Insert(p.oe, index(p.oe, block)+1, c)
		if len(p.oe) > maxFastDepth {
			giveUp()
		}
	}
}

// clone is x/net/html's copy of an element: tag and attributes.
func (p *fastParser) clone(n *html.Node) *html.Node {
	c := p.newNode(n.Type, n.DataAtom, n.Data)
	c.Attr = append(p.store.attrSlice(len(n.Attr))[:0], n.Attr...)
	return c
}

// index is the last position of n in s, or -1 (x/net/html's
// nodeStack.index).
func index(s []*html.Node, n *html.Node) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == n {
			return i
		}
	}
	return -1
}

// remove deletes the last n from s, if there.
func remove(s []*html.Node, n *html.Node) []*html.Node {
	if i := index(s, n); i >= 0 {
		s = slices.Delete(s, i, i+1) // clears the freed slot
	}
	return s
}

// endOther is the in-body rule for any other end tag.
func (p *fastParser) endOther(t *ftoken) {
	for i := len(p.oe) - 1; i >= 0; i-- {
		n := p.oe[i]
		if n.DataAtom == t.atom && (t.atom != 0 || n.Data == t.name) {
			p.oe = p.oe[:i]
			return
		}
		if special.has(n.DataAtom) {
			return
		}
	}
}

func (p *fastParser) text(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		d := t.data
		if top := p.top(); top.DataAtom == atom.Textarea && top.FirstChild == nil {
			d = strings.TrimPrefix(d, "\n")
		}
		p.addText(d)
		return true
	case html.EndTagToken:
		p.pop()
		p.mode = p.orig
		return true
	}
	giveUp() // the tokenizer ends raw text only at its end tag
	return true
}

func (p *fastParser) inTable(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		if tableParts.has(p.top().DataAtom) && allWhitespace(t.data) {
			p.addText(t.data)
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Template:
			giveUp()
		case atom.Form:
			if p.form == nil {
				p.addElement(t)
				p.form = p.top()
				p.pop()
			}
			return true
		case atom.Caption:
			p.clearTo(tableContext)
			p.afe = append(p.afe, nil)
			p.addElement(t)
			p.mode = mInCaption
			return true
		case atom.Colgroup:
			p.clearTo(tableContext)
			p.addElement(t)
			p.mode = mInColumnGroup
			return true
		case atom.Col:
			p.implied(html.StartTagToken, atom.Colgroup)
			return false
		case atom.Tbody, atom.Tfoot, atom.Thead:
			p.clearTo(tableContext)
			p.addElement(t)
			p.mode = mInTableBody
			return true
		case atom.Td, atom.Th, atom.Tr:
			p.implied(html.StartTagToken, atom.Tbody)
			return false
		case atom.Table:
			if p.popUntil(tableScope, atom.Table) {
				p.resetMode()
				return false
			}
			return true
		case atom.Style, atom.Script:
			return p.inHead(t)
		case atom.Input:
			for _, a := range t.attr {
				if a.Key == "type" && strings.EqualFold(a.Val, "hidden") {
					p.addElement(t)
					p.pop()
					return true
				}
			}
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Table:
			if p.popUntil(tableScope, atom.Table) {
				p.resetMode()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			return true
		case atom.Template:
			giveUp()
		}
	case html.CommentToken:
		p.addComment(t)
		return true
	case html.DoctypeToken:
		return true
	case html.ErrorToken:
		return p.inBody(t)
	}
	p.foster = true
	done := p.inBody(t)
	p.foster = false
	return done
}

// resetMode is resetting the insertion mode after a table closes.
func (p *fastParser) resetMode() {
	for i := len(p.oe) - 1; i >= 0; i-- {
		switch p.oe[i].DataAtom {
		case atom.Td, atom.Th:
			p.mode = mInCell
		case atom.Tr:
			p.mode = mInRow
		case atom.Tbody, atom.Thead, atom.Tfoot:
			p.mode = mInTableBody
		case atom.Table:
			p.mode = mInTable
		case atom.Caption:
			p.mode = mInCaption
		case atom.Colgroup:
			p.mode = mInColumnGroup
		case atom.Template, atom.Frameset:
			giveUp()
		case atom.Head:
			p.mode = mInHead
		case atom.Body:
			p.mode = mInBody
		case atom.Html:
			p.mode = mAfterHead
			if p.head == nil {
				p.mode = mBeforeHead
			}
		default:
			if i == 0 {
				p.mode = mInBody
				return
			}
			continue
		}
		return
	}
}

func (p *fastParser) inCaption(t *ftoken) bool {
	switch t.typ {
	case html.StartTagToken:
		switch t.atom {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Thead, atom.Tr:
			// th is not in x/net/html's list: it goes to the in-body rules.
			if !p.popUntil(tableScope, atom.Caption) {
				return true
			}
			p.clearFormattingToMarker()
			p.mode = mInTable
			return false
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Caption:
			if p.popUntil(tableScope, atom.Caption) {
				p.clearFormattingToMarker()
				p.mode = mInTable
			}
			return true
		case atom.Table:
			if !p.popUntil(tableScope, atom.Caption) {
				return true
			}
			p.clearFormattingToMarker()
			p.mode = mInTable
			return false
		case atom.Body, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			return true
		}
	}
	return p.inBody(t)
}

func (p *fastParser) inColumnGroup(t *ftoken) bool {
	switch t.typ {
	case html.TextToken:
		if p.leadingSpace(t) {
			return true
		}
	case html.CommentToken:
		p.addComment(t)
		return true
	case html.DoctypeToken:
		return true
	case html.StartTagToken:
		switch t.atom {
		case atom.Html:
			return p.inBody(t)
		case atom.Col:
			p.addElement(t)
			p.pop()
			return true
		case atom.Template:
			giveUp()
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Colgroup:
			if p.top().DataAtom == atom.Colgroup {
				p.pop()
				p.mode = mInTable
			}
			return true
		case atom.Col:
			return true
		case atom.Template:
			giveUp()
		}
	case html.ErrorToken:
		return p.inBody(t)
	}
	if p.top().DataAtom != atom.Colgroup {
		return true
	}
	p.pop()
	p.mode = mInTable
	return false
}

func (p *fastParser) inTableBody(t *ftoken) bool {
	switch t.typ {
	case html.StartTagToken:
		switch t.atom {
		case atom.Tr:
			p.clearTo(bodyContext)
			p.addElement(t)
			p.mode = mInRow
			return true
		case atom.Td, atom.Th:
			p.implied(html.StartTagToken, atom.Tr)
			return false
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			if p.popUntil(tableScope, atom.Tbody, atom.Thead, atom.Tfoot) {
				p.mode = mInTable
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if p.inScope(tableScope, t.atom) >= 0 {
				p.clearTo(bodyContext)
				p.pop()
				p.mode = mInTable
			}
			return true
		case atom.Table:
			if p.popUntil(tableScope, atom.Tbody, atom.Thead, atom.Tfoot) {
				p.mode = mInTable
				return false
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th, atom.Tr:
			return true
		}
	case html.CommentToken:
		p.addComment(t)
		return true
	}
	return p.inTable(t)
}

func (p *fastParser) inRow(t *ftoken) bool {
	switch t.typ {
	case html.StartTagToken:
		switch t.atom {
		case atom.Td, atom.Th:
			p.clearTo(rowContext)
			p.addElement(t)
			p.afe = append(p.afe, nil)
			p.mode = mInCell
			return true
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if p.inScope(tableScope, atom.Tr) >= 0 {
				p.clearTo(rowContext)
				p.pop()
				p.mode = mInTableBody
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Tr, atom.Table:
			if p.inScope(tableScope, atom.Tr) >= 0 {
				p.clearTo(rowContext)
				p.pop()
				p.mode = mInTableBody
				return t.atom == atom.Tr
			}
			return true
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if p.inScope(tableScope, t.atom) >= 0 && p.inScope(tableScope, atom.Tr) >= 0 {
				p.clearTo(rowContext)
				p.pop()
				p.mode = mInTableBody
				return false
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th:
			return true
		}
	}
	return p.inTable(t)
}

func (p *fastParser) inCell(t *ftoken) bool {
	switch t.typ {
	case html.StartTagToken:
		switch t.atom {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			if p.popUntil(tableScope, atom.Td, atom.Th) {
				p.clearFormattingToMarker()
				p.mode = mInRow
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Td, atom.Th:
			if !p.popUntil(tableScope, t.atom) {
				return true
			}
			p.clearFormattingToMarker()
			p.mode = mInRow
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html:
			return true
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if p.inScope(tableScope, t.atom) < 0 {
				return true
			}
			if p.popUntil(tableScope, atom.Td, atom.Th) {
				p.clearFormattingToMarker()
			}
			p.mode = mInRow
			return false
		}
	}
	return p.inBody(t)
}

func (p *fastParser) afterBody(t *ftoken) bool {
	switch t.typ {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if allWhitespace(t.data) {
			return p.inBody(t)
		}
	case html.StartTagToken:
		if t.atom == atom.Html {
			return p.inBody(t)
		}
	case html.EndTagToken:
		if t.atom == atom.Html {
			p.mode = mAfterAfterBody
			return true
		}
	case html.CommentToken:
		p.oe[0].AppendChild(p.newNode(html.CommentNode, 0, t.data))
		return true
	}
	p.mode = mInBody
	return false
}

func (p *fastParser) afterAfterBody(t *ftoken) bool {
	switch t.typ {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if allWhitespace(t.data) {
			return p.inBody(t)
		}
	case html.StartTagToken:
		if t.atom == atom.Html {
			return p.inBody(t)
		}
	case html.CommentToken:
		p.doc.AppendChild(p.newNode(html.CommentNode, 0, t.data))
		return true
	case html.DoctypeToken:
		return p.inBody(t)
	}
	p.mode = mInBody
	return false
}
