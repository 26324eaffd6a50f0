package htmltext

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// junk elements never hold article text.
var junk = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Button: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Option: true, atom.Audio: true, atom.Video: true,
	atom.Map: true, atom.Link: true, atom.Meta: true, atom.Rt: true, atom.Rp: true,
	atom.Head: true, atom.Title: true,
}

// block elements end a line.
var block = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true, atom.Caption: true,
	atom.Legend: true, atom.Body: true, atom.Html: true,
}

// chromeTags are page furniture by their HTML5 meaning.
var chromeTags = map[atom.Atom]bool{atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true}

// chromeWords in a class or id name mark furniture wherever they occur;
// chromeTokens must be a whole word of the name.
var (
	chromeWords = []string{"comment", "share", "related", "relate", "recommend", "breadcrumb",
		"sidebar", "footer", "copyright", "advert", "banner", "toolbar", "qrcode", "login",
		"social", "hotnews", "ranking", "navbar", "guess", "feedback", "reply", "gentie", "pinglun"}
	chromeTokens = map[string]bool{"nav": true, "menu": true, "ad": true, "ads": true, "side": true,
		"foot": true, "header": true, "head": true, "topbar": true, "crumb": true, "tags": true,
		"hot": true, "rank": true, "print": true, "tool": true, "tools": true, "bottom": true,
		"qr": true, "pager": true, "more": true, "links": true, "friendlink": true, "top": true}
)

// textLine is one output line with the statistics the filters need.
type textLine struct {
	text  string
	runes int // non-space runes
	links int // runes inside <a>
	punct int // sentence punctuation outside links
}

type extractor struct {
	punct   map[*html.Node]int  // sentence punctuation in the subtree
	dataRow map[*html.Node]bool // table rows read as one line of cells
}

func newExtractor() *extractor {
	return &extractor{punct: map[*html.Node]int{}, dataRow: map[*html.Node]bool{}}
}

// pruneJunk removes comments, scripts, styles, form controls, ruby
// annotations and hidden elements.
func pruneJunk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode, c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && (junk[c.DataAtom] || hidden(c)):
			n.RemoveChild(c)
		default:
			pruneJunk(c)
		}
		c = next
	}
}

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
	if hasAttr(n, "hidden") {
		return true
	}
	st := strings.ToLower(attr(n, "style"))
	if st == "" {
		return false
	}
	st = strings.ReplaceAll(st, " ", "")
	return strings.Contains(st, "display:none")
}

// chromeName reports furniture by class, id or ARIA role.
func chromeName(n *html.Node) bool {
	switch attr(n, "role") {
	case "navigation", "complementary", "contentinfo", "banner":
		return true
	}
	name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(name) == "" {
		return false
	}
	for _, w := range chromeWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	for _, tok := range strings.FieldsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if chromeTokens[tok] {
			return true
		}
	}
	return false
}

// countPunct fills x.punct for the subtree of n.
func (x *extractor) countPunct(n *html.Node) int {
	total := 0
	if n.Type == html.TextNode {
		return cue.Measure(n.Data).Punct
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += x.countPunct(c)
	}
	x.punct[n] = total
	return total
}

// pruneChrome removes navigation, headers, footers, asides and containers
// named like comments, share bars or related lists, then sections headed by
// a related-articles or comments label. An element holding half of the
// page's prose or more is never removed.
func (x *extractor) pruneChrome(body *html.Node) {
	total := x.countPunct(body)
	limit := total / 2
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if (chromeTags[c.DataAtom] || chromeName(c)) && x.punct[c] < limit || total == 0 && chromeTags[c.DataAtom] {
					n.RemoveChild(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(body)
	x.pruneSections(body, limit)
}

// pruneSections removes a section that starts with a label such as 相关推荐
// or 网友评论: the largest ancestor of the label whose first text is the
// label.
func (x *extractor) pruneSections(body *html.Node, limit int) {
	var heads []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if t := shortText(c, 16); t != "" {
				if k := cue.Marker(t); k == cue.Related || k == cue.Comments || k == cue.Share {
					heads = append(heads, c)
					continue
				}
			}
			find(c)
		}
	}
	find(body)
	for _, h := range heads {
		if h.Parent == nil {
			continue // already removed with an earlier section
		}
		a := h
		for p := a.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
			if firstText(p) != firstText(a) || x.punct[p] >= limit {
				break
			}
			a = p
		}
		if a.Parent != nil {
			a.Parent.RemoveChild(a)
		}
	}
}

// shortText returns the trimmed text of n if it has at most max runes.
func shortText(n *html.Node, max int) string {
	var b strings.Builder
	count := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if !cue.IsSpace(r) {
					count++
					if count > max {
						return false
					}
				}
			}
			b.WriteString(n.Data)
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
	return cue.Trim(b.String())
}

// firstText is the first text node with non-space content under n.
func firstText(n *html.Node) *html.Node {
	if n.Type == html.TextNode {
		if cue.Trim(n.Data) != "" {
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

// block statistics for scoring.
type blockStat struct{ runes, links, punct int }

// mainNode returns the element whose subtree holds the best-scoring text:
// each block scores its non-link text weighted by punctuation density,
// minus twice its link text, minus one; a subtree scores the sum of its
// blocks. Link lists and label lists sum negative, prose sums positive.
func (x *extractor) mainNode(body *html.Node) *html.Node {
	stats := map[*html.Node]*blockStat{}
	var order []*html.Node
	var walk func(n, owner *html.Node, inLink, inRow bool)
	walk = func(n, owner *html.Node, inLink, inRow bool) {
		switch n.Type {
		case html.TextNode:
			st := cue.Measure(n.Data)
			if st.Runes == 0 {
				return
			}
			b := stats[owner]
			if b == nil {
				b = &blockStat{}
				stats[owner] = b
				order = append(order, owner)
			}
			b.runes += st.Runes
			if inLink {
				b.links += st.Runes
			} else {
				b.punct += st.Punct
			}
			return
		case html.ElementNode:
			if !inRow {
				if n.DataAtom == atom.Tr && x.isDataRow(n) {
					owner, inRow = n, true
				} else if block[n.DataAtom] {
					owner = n
				}
			}
			if n.DataAtom == atom.A && hasAttr(n, "href") {
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, owner, inLink, inRow)
		}
	}
	walk(body, body, false, false)
	score := map[*html.Node]float64{}
	for _, n := range order {
		b := stats[n]
		text := float64(b.runes - b.links)
		v := -1.0 - 2*float64(b.links)
		if text > 0 {
			d := 0.25 + 10*float64(b.punct)/text
			if d > 1 {
				d = 1
			}
			v += text * d
		}
		for p := n; p != nil; p = p.Parent {
			score[p] += v
			if p == body {
				break
			}
		}
	}
	var best *html.Node
	bestScore := 0.0
	var pick func(n *html.Node)
	pick = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if s := score[n]; s > bestScore {
			best, bestScore = n, s
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			pick(c)
		}
	}
	pick(body)
	return best
}

// lineWriter collects text into lines, collapsing white space.
type lineWriter struct {
	lines   []textLine
	buf     strings.Builder
	cur     textLine
	space   bool // white space seen since the last rune
	brk     bool // ... and it held a line break
	last    rune
	rowLine bool
}

func (w *lineWriter) write(s string, inLink, pre bool) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
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
		if w.buf.Len() > 0 && w.space && !(w.brk && cjk(w.last) && cjk(r)) && w.last != '\t' {
			w.buf.WriteByte(' ')
		}
		w.space, w.brk = false, false
		w.buf.WriteRune(r)
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
	}
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
	var s string
	if w.rowLine {
		s = strings.TrimRight(strings.Trim(w.buf.String(), " \u3000"), "\t")
	} else {
		s = cue.Trim(w.buf.String())
	}
	if w.cur.runes > 0 && s != "" {
		w.cur.text = s
		w.lines = append(w.lines, w.cur)
	}
	w.buf.Reset()
	w.cur = textLine{}
	w.space, w.brk, w.last, w.rowLine = false, false, 0, false
}

// lines renders the subtree of n as lines.
func (x *extractor) lines(n *html.Node) []textLine {
	w := &lineWriter{}
	var walk func(n *html.Node, inLink, pre, inCell bool)
	walk = func(n *html.Node, inLink, pre, inCell bool) {
		switch n.Type {
		case html.TextNode:
			w.write(n.Data, inLink, pre)
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inLink, pre, inCell)
			}
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
		case n.DataAtom == atom.Tr && !inCell && x.isDataRow(n):
			w.flush()
			w.rowLine = true
			first := true
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					if !first {
						w.cell()
					}
					first = false
					walk(c, inLink, pre, true)
				}
			}
			w.flush()
			return
		case n.DataAtom == atom.A && hasAttr(n, "href"):
			inLink = true
		case n.DataAtom == atom.Pre:
			pre = true
		}
		isBlock := block[n.DataAtom]
		if isBlock {
			if inCell {
				w.soft()
			} else {
				w.flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, pre, inCell)
		}
		if isBlock {
			if inCell {
				w.soft()
			} else {
				w.flush()
			}
		}
	}
	walk(n, false, false, false)
	w.flush()
	return w.lines
}

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
	if s == "" {
		return false
	}
	_, start, end, ok := cue.FindDate(s)
	return ok && cue.Trim(s[:start]) == "" && cue.Trim(s[end:]) == ""
}

// pruneFeeds removes lists of other articles inside the article container:
// the smallest element holding two or more bare time stamps (headline,
// teaser, "2019-09-09 21:38:04", ...), unless it holds half of the
// container's prose.
func (x *extractor) pruneFeeds(main *html.Node) {
	count := map[*html.Node]int{}
	var stamps []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && bareDate(n.Data) {
			stamps = append(stamps, n)
			for p := n.Parent; p != nil && p != main; p = p.Parent {
				count[p]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(main)
	if len(stamps) < 2 {
		return
	}
	total := x.countPunct(main)
	for _, s := range stamps {
		var feed *html.Node
		for p := s.Parent; p != nil && p != main; p = p.Parent {
			if count[p] >= 2 {
				feed = p
				break
			}
		}
		if feed == nil || feed.Parent == nil || x.countPunct(feed)*2 >= total {
			continue
		}
		feed.Parent.RemoveChild(feed)
	}
}
