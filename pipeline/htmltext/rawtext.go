package htmltext

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The bodies of <script> and <style> are most of the bytes of many real
// pages (55% of the sample news pages), and HTML comments a few more, yet
// the extraction reads them only for metadata (JSON-LD, a date variable, the
// text of a heading or <time> that holds one). x/net/html reads raw text a
// byte at a time and copies it into the tree. So before parsing, each long
// body is replaced by a short marker naming it, and each comment by an empty
// one; the tree keeps its shape and the marker's text node is resolved to
// the original body when headMeta reads it (rawPage.text).
//
// The scan mirrors x/net/html's tokenizer (tag, attribute, comment, raw
// text and script-escape states) so that it cuts exactly where the
// tokenizer would. Where the tokenizer's raw-text mode depends on the tree
// (foreign content, frameset and template modes, which may ignore a script
// start tag) or the page runs out inside a token, the rest of the page is
// copied as it is. A page holding the marker byte is parsed unchanged.

// markByte starts and ends a marker. Raw text is never unescaped, so a
// script or style text node starts with it only if the page holds it.
const markByte = '\x01'

// minBlank is the shortest body worth a marker.
const minBlank = 32

// rawPage is a page whose script and style bodies were replaced by
// markers: spans are the bodies' offsets into page, by marker number.
type rawPage struct {
	page  string
	spans [][2]int
}

// text is n's text: a marker under a script or style element reads as the
// body it replaced, as the tokenizer would have given it.
func (r *rawPage) text(n *html.Node) string {
	if r == nil || n.Type != html.TextNode || len(n.Data) < 3 || n.Data[0] != markByte {
		return n.Data
	}
	p := n.Parent
	if p == nil || p.Type != html.ElementNode || p.Namespace != "" || p.DataAtom != atom.Script && p.DataAtom != atom.Style {
		return n.Data
	}
	k, err := strconv.Atoi(n.Data[1 : len(n.Data)-1])
	if err != nil || k < 0 || k >= len(r.spans) || n.Data[len(n.Data)-1] != markByte {
		return n.Data
	}
	s := r.page[r.spans[k][0]:r.spans[k][1]]
	// The tokenizer's conversions of raw text: CR LF and CR to LF, NUL to
	// U+FFFD.
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\ufffd")
	}
	return s
}

// blanker is blankRaw's storage, kept from page to page.
type blanker struct {
	buf   []byte   // the page as parsed
	spans [][2]int // the replaced bodies' offsets, by marker number
	vals  [][2]int // a tag's attribute values to empty
	attrs []attrSpan
}

// blankRaw sets b.buf to page with long script and style bodies replaced
// by markers, comments emptied and the values of attributes nothing reads
// emptied (unreadAttr), and b.spans to the spans of the replaced bodies.
// It reports false when nothing was replaced (parse page itself).
func blankRaw(page string, b *blanker) bool {
	buf, spans := b.buf[:0], b.spans[:0]
	defer func() { b.buf, b.spans = buf, spans }()
	if strings.IndexByte(page, markByte) >= 0 {
		return false
	}
	last := 0 // page[:last] is in buf
	i := 0
	changed := false
scan:
	for {
		j := strings.IndexByte(page[i:], '<')
		if j < 0 || i+j+1 >= len(page) {
			break
		}
		i += j
		c := page[i+1]
		switch {
		case isLetter(c):
			var ns, ne, end int
			var ok bool
			ns, ne, end, ok = scanTag(page, i+1, b, true)
			if !ok {
				break scan
			}
			for _, v := range b.vals {
				buf = append(buf, page[last:v[0]]...)
				last = v[1]
				changed = true
			}
			i = end
			kind := rawKind(page[ns:ne])
			switch kind {
			case "":
				continue
			case "stop":
				break scan
			}
			var bodyEnd int
			if kind == "script" {
				bodyEnd, ok = scriptEnd(page, i)
			} else {
				bodyEnd, ok = rawEnd(page, i, kind)
			}
			if !ok {
				break scan // raw text to the end of the page
			}
			if (kind == "script" || kind == "style") && bodyEnd-i >= minBlank {
				buf = append(buf, page[last:i]...)
				buf = append(buf, markByte)
				buf = strconv.AppendInt(buf, int64(len(spans)), 10)
				buf = append(buf, markByte)
				spans = append(spans, [2]int{i, bodyEnd})
				last = bodyEnd
				changed = true
			}
			i = bodyEnd
		case c == '/':
			if i+2 >= len(page) {
				break scan
			}
			switch c2 := page[i+2]; {
			case c2 == '>':
				i += 3
			case isLetter(c2):
				_, _, end, ok := scanTag(page, i+2, b, false)
				if !ok {
					break scan
				}
				i = end
			default:
				k := strings.IndexByte(page[i+2:], '>')
				if k < 0 {
					break scan
				}
				i += 2 + k + 1
			}
		case c == '!':
			if i+3 < len(page) && page[i+2] == '-' && page[i+3] == '-' {
				end, ok := commentEnd(page, i+4)
				if !ok {
					break scan
				}
				if end-i > len("<!---->") {
					buf = append(buf, page[last:i]...)
					buf = append(buf, "<!---->"...)
					last = end
					changed = true
				}
				i = end
				continue
			}
			// A doctype or bogus comment ends at the first '>'.
			k := strings.IndexByte(page[i+2:], '>')
			if k < 0 {
				break scan
			}
			i += 2 + k + 1
		case c == '?':
			k := strings.IndexByte(page[i+1:], '>')
			if k < 0 {
				break scan
			}
			i += 1 + k + 1
		default:
			i++ // a '<' that starts no token is text
		}
	}
	if !changed {
		return false
	}
	buf = append(buf, page[last:]...)
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isTagSpace(c byte) bool { return tagClass[c]&tagSpace != 0 }

// tagClass classes the bytes that end a tag's name, attribute keys and
// unquoted values (tagSpans): one load and test per byte where there
// were up to seven comparisons.
var tagClass = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f") {
		t[c] |= tagSpace | tagNameEnd | tagKeyEnd
	}
	t['/'] |= tagNameEnd | tagKeyEnd
	t['>'] |= tagNameEnd | tagKeyEnd
	t['='] |= tagKeyEnd
	return t
}()

const (
	tagSpace   = 1 << iota // white space between a tag's parts
	tagNameEnd             // ends a tag name: space, '/' or '>'
	tagKeyEnd              // ends an attribute key: those and '='
)

// rawKind classifies a start tag's name: the lower-case name of an element
// the tokenizer reads as raw text, "stop" for one after which the scan
// cannot follow the tokenizer (foreign content, template and frameset
// modes, plaintext), "" otherwise.
func rawKind(name string) string {
	// A switch on the length and first letter rejects most names before
	// any comparison (this runs on every start tag).
	var cands []string
	switch len(name) {
	case 3:
		cands = []string{"svg", "xmp"}
	case 4:
		cands = []string{"math"}
	case 5:
		cands = []string{"style", "title"}
	case 6:
		cands = []string{"script", "iframe"}
	case 7:
		cands = []string{"noembed"}
	case 8:
		cands = []string{"noframes", "noscript", "textarea", "template", "frameset"}
	case 9:
		cands = []string{"plaintext"}
	default:
		return ""
	}
	for _, c := range cands {
		if !asciiFoldEqual(name, c) {
			continue
		}
		switch c {
		case "svg", "math", "template", "frameset", "plaintext":
			return "stop"
		}
		return c
	}
	return ""
}

// rawKindOf is rawKind of a start tag the parser has looked up: the names
// rawKind knows all have atoms, so the atom tells without comparing the
// name again.
func rawKindOf(a atom.Atom) string {
	switch a {
	case atom.Svg, atom.Math, atom.Template, atom.Frameset, atom.Plaintext:
		return "stop"
	case atom.Xmp, atom.Style, atom.Title, atom.Script, atom.Iframe, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Textarea:
		return a.String()
	}
	return ""
}

// asciiFoldEqual reports whether name equals the lower-case lower, ignoring
// ASCII case only (as the tokenizer compares tag names).
func asciiFoldEqual(name, lower string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// minBlankAttr is the shortest attribute value worth emptying.
const minBlankAttr = 8

// attrSpan is an attribute of a tag: its key's and value's bounds in the
// page (a key may be empty; the tokenizer drops those).
type attrSpan struct {
	ks, ke, vs, ve int
	quoted         bool
}

// tagSpans reads a tag from its name's first letter at i as the tokenizer
// does (tag name, then attributes with quoted or bare values up to '>').
// It returns the name's end, the offset after the '>' and the attributes
// appended to spans; ok is false when the page ends inside the tag.
func tagSpans(s string, i int, spans []attrSpan) (nameEnd, end int, _ []attrSpan, ok bool) {
	k := i + 1
	for k < len(s) && tagClass[s[k]]&tagNameEnd == 0 {
		k++
	}
	nameEnd = k
	for {
		for k < len(s) && isTagSpace(s[k]) {
			k++
		}
		if k >= len(s) {
			return 0, 0, spans, false
		}
		if s[k] == '>' {
			return nameEnd, k + 1, spans, true
		}
		// Attribute key: an '=' only as its first byte.
		ks := k
		if s[k] == '=' {
			k++
		}
		for k < len(s) && tagClass[s[k]]&tagKeyEnd == 0 {
			k++
		}
		a := attrSpan{ks: ks, ke: k, vs: k, ve: k}
		// Attribute value.
		for k < len(s) && isTagSpace(s[k]) {
			k++
		}
		if k >= len(s) {
			return 0, 0, spans, false
		}
		switch s[k] {
		case '/':
			k++
			spans = append(spans, a)
			continue
		case '=':
			k++
		default:
			spans = append(spans, a)
			continue
		}
		for k < len(s) && isTagSpace(s[k]) {
			k++
		}
		if k >= len(s) {
			return 0, 0, spans, false
		}
		switch q := s[k]; q {
		case '>':
		case '\'', '"':
			e := strings.IndexByte(s[k+1:], q)
			if e < 0 {
				return 0, 0, spans, false
			}
			a.vs, a.ve, a.quoted = k+1, k+1+e, true
			k += 1 + e + 1
		default:
			a.vs = k
			for k++; k < len(s); k++ {
				if c := s[k]; isTagSpace(c) {
					a.ve = k
					k++
					break
				} else if c == '>' {
					break
				}
			}
			if a.ve < a.vs {
				a.ve = k
			}
		}
		spans = append(spans, a)
	}
}

// scanTag reads a tag from its name's first letter at i (tagSpans). With
// blank, it sets b.vals to the bounds of the long quoted values of
// attributes nothing reads.
func scanTag(s string, i int, b *blanker, blank bool) (nameStart, nameEnd, end int, ok bool) {
	nameEnd, end, b.attrs, ok = tagSpans(s, i, b.attrs[:0])
	if !ok {
		return 0, 0, 0, false
	}
	b.vals = b.vals[:0]
	if blank && blankableTag(s[i:nameEnd]) {
		for _, a := range b.attrs {
			if a.quoted && a.ve-a.vs >= minBlankAttr && unreadAttr(s[a.ks:a.ke], s[i:nameEnd]) {
				b.vals = append(b.vals, [2]int{a.vs, a.ve})
			}
		}
	}
	return i, nameEnd, end, true
}

// blankableTag reports whether the attribute values of a tag named name
// may be emptied: not those of formatting elements other than <a>, since
// the parser compares their attributes, values included, to limit runs of
// identical ones (the Noah's Ark clause); an <a> start tag first closes
// any open <a>, so no two are ever compared.
func blankableTag(name string) bool {
	switch len(name) {
	case 1:
		c := name[0] | ('a' - 'A')
		return c != 'b' && c != 'i' && c != 's' && c != 'u'
	case 2:
		return !asciiFoldEqual(name, "em") && !asciiFoldEqual(name, "tt")
	case 3:
		return !asciiFoldEqual(name, "big")
	case 4:
		return !asciiFoldEqual(name, "code") && !asciiFoldEqual(name, "font") && !asciiFoldEqual(name, "nobr")
	case 5:
		return !asciiFoldEqual(name, "small")
	case 6:
		return !asciiFoldEqual(name, "strike") && !asciiFoldEqual(name, "strong")
	}
	return true
}

// unreadAttr reports an attribute whose value neither the extraction nor
// the parser reads: event handlers, data-*, src, alt, title, target, and
// href but on <link> (headMeta reads the canonical URL; of <a> only the
// presence of href counts). Reading one of these anywhere means taking it
// out of this list.
func unreadAttr(key, tag string) bool {
	if len(key) > 2 && asciiFoldEqual(key[:2], "on") || len(key) > 5 && asciiFoldEqual(key[:5], "data-") {
		return true
	}
	switch len(key) {
	case 3:
		return asciiFoldEqual(key, "src") || asciiFoldEqual(key, "alt")
	case 4:
		return asciiFoldEqual(key, "href") && !(len(tag) == 4 && asciiFoldEqual(tag, "link"))
	case 5:
		return asciiFoldEqual(key, "title")
	case 6:
		return asciiFoldEqual(key, "target")
	}
	return false
}

// rawEndTag reports whether s[k:] (after "</") names tag, case-insensitively,
// followed by white space, '/' or '>'. At a mismatch next is where the
// tokenizer reads on; eof is true when the page ended first.
func rawEndTag(s string, k int, tag string) (match bool, next int, eof bool) {
	for i := 0; i < len(tag); i++ {
		if k >= len(s) {
			return false, k, true
		}
		if c := s[k]; c != tag[i] && c != tag[i]-('a'-'A') {
			return false, k, false
		}
		k++
	}
	if k >= len(s) {
		return false, k, true
	}
	switch s[k] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true, k + 1, false
	}
	return false, k, false
}

// rawEnd returns the offset of the "</tag" that ends the raw text or
// RCDATA starting at i; ok is false when it runs to the end of the page.
func rawEnd(s string, i int, tag string) (int, bool) {
	k := i
	for {
		j := strings.IndexByte(s[k:], '<')
		if j < 0 {
			return 0, false
		}
		lt := k + j
		k = lt + 1
		if k >= len(s) {
			return 0, false
		}
		if s[k] != '/' {
			continue
		}
		match, next, eof := rawEndTag(s, k+1, tag)
		if eof {
			return 0, false
		}
		if match {
			return lt, true
		}
		k = next
	}
}

// scriptEnd returns the offset of the "</script" that ends the script
// body starting at i, following the tokenizer's script data states (a
// "<!--" escapes, and a "<script" inside the escape escapes twice); ok is
// false when the body runs to the end of the page.
func scriptEnd(s string, i int) (int, bool) {
	const (
		data = iota
		escaped
		escapedDash
		escapedDashDash
		double
		doubleDash
		doubleDashDash
	)
	k, state := i, data
	for {
		if state == data {
			j := strings.IndexByte(s[k:], '<')
			if j < 0 {
				return 0, false
			}
			lt := k + j
			k = lt + 1
			if k >= len(s) {
				return 0, false
			}
			switch s[k] {
			case '/':
				match, next, eof := rawEndTag(s, k+1, "script")
				if eof {
					return 0, false
				}
				if match {
					return lt, true
				}
				k = next
			case '!':
				// "<!--" escapes; otherwise reread from the byte after '!'.
				k++
				if k >= len(s) {
					return 0, false
				}
				if s[k] != '-' {
					continue
				}
				k++
				if k >= len(s) {
					return 0, false
				}
				if s[k] != '-' {
					continue
				}
				k++
				state = escapedDashDash
			}
			continue
		}
		if k >= len(s) {
			return 0, false
		}
		c := s[k]
		k++
		switch state {
		case escaped, escapedDash, escapedDashDash:
			switch {
			case c == '-' && state == escaped:
				state = escapedDash
				continue
			case c == '-':
				state = escapedDashDash
				continue
			case c == '>' && state == escapedDashDash:
				state = data
				continue
			case c != '<':
				state = escaped
				continue
			}
			// Escaped less-than sign.
			lt := k - 1
			if k >= len(s) {
				return 0, false
			}
			c = s[k]
			k++
			switch {
			case c == '/':
				match, next, eof := rawEndTag(s, k, "script")
				if eof {
					return 0, false
				}
				if match {
					return lt, true
				}
				k = next
				state = escaped
			case isLetter(c):
				k--
				match, next, eof := rawEndTag(s, k, "script")
				if eof {
					return 0, false
				}
				k = next
				if match {
					state = double
				} else {
					state = escaped
				}
			default:
				// x/net/html goes back to plain script data here.
				k--
				state = data
			}
		case double, doubleDash, doubleDashDash:
			switch {
			case c == '-' && state == double:
				state = doubleDash
				continue
			case c == '-':
				state = doubleDashDash
				continue
			case c == '>' && state == doubleDashDash:
				state = data
				continue
			case c != '<':
				state = double
				continue
			}
			if k >= len(s) {
				return 0, false
			}
			if s[k] != '/' {
				state = double
				continue
			}
			k++
			match, next, eof := rawEndTag(s, k, "script")
			if eof {
				return 0, false
			}
			if match {
				state = escaped
			} else {
				state = double
			}
			k = next
		}
	}
}

// commentEnd returns the offset after the '>' that ends the comment whose
// data starts at i, as the tokenizer ends it ("-->", "--!>", or "<!-->"
// and "<!--->" at once); ok is false when it runs to the end of the page.
func commentEnd(s string, i int) (int, bool) {
	dashes, beginning := 0, true
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return k + 1, true
			}
		case '!':
			if dashes >= 2 {
				k++
				if k >= len(s) {
					return 0, false
				}
				switch s[k] {
				case '>':
					return k + 1, true
				case '-':
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return 0, false
}
