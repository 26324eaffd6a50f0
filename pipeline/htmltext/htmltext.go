// Package htmltext turns an HTML page into the text of its article, one line
// per paragraph, heading, list item or table row, plus the page's title,
// publisher, publication date and canonical URL.
//
// The article is found by a page-level model, not by site-specific
// selectors (model.go): every block of text is scored by its Chinese prose
// (length, density of sentence punctuation, paragraph length) and its share
// of link text counted by characters, and the element whose subtree scores
// highest is the article, narrowed to the first of repeated items (a forum
// thread's first post) or a layout cell when one dominates. Scripts,
// styles, forms, navigation, headers, footers, asides and containers whose
// class or id has a furniture word (as a whole word: "share-bar", not
// "XSHARE_BOX" or "shareholder") are dropped first, unless they hold half of
// the page's prose: a name is evidence, never a verdict. Explain shows the
// choice. Text-level chrome inside the article (责任编辑, 相关推荐, 分享到,
// bylines, disclaimers) is removed by package chrome.
//
// Title: og:title unless it names only the site, else the headline (h1 or a
// line of the page) that agrees with <title> minus its site, column and
// section parts. Date: the article's visible byline, then JSON-LD, meta
// tags, script variables (WeChat's ct, publish_time), a labelled date
// anywhere, and a <time> outside lists of other articles.
//
// Output format:
//   - the first line is the title when one is known;
//   - each paragraph, heading, list item, <br>-separated line and other block
//     is one line; white space inside a line is collapsed to one space, and a
//     line break in the source between two CJK characters is dropped;
//   - a table row whose cells hold no nested table is one line, its cells
//     separated by a tab (line breaks inside a cell become spaces); rows of
//     layout tables (a nested table, or much text) are read as blocks;
//   - <ruby> gives its base text (<rt> and <rp> are dropped), and text after
//     inline annotation markup is kept;
//   - <pre> keeps its own line breaks.
package htmltext

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// Meta is the page metadata: Title, Publisher, PublishedAt (RFC 3339,
// +08:00 when the page gives no zone, midnight when it gives only a date)
// and the canonical URL. Empty fields are unknown.
type Meta = chrome.Meta

// Article is the extracted article.
type Article struct {
	Text string
	Meta Meta
	// Lines is what chrome learned about Text's lines while cleaning them
	// (chrome.Options.Reuse), nil when it did not clean them.
	Lines *chrome.Lines
	// Removed lists the lines dropped from inside the article's container,
	// in order, with the reason; text outside the container is not listed.
	Removed []Removal
}

// Removal is a line dropped from the article container.
type Removal struct {
	Reason string
	Text   string
}

// Extract finds the article in page, which must already be UTF-8. It
// returns an error only when the page cannot be parsed at all; a page with
// no article gives an empty Text.
func Extract(page string) (Article, error) {
	a, _, err := extract(page, false)
	return a, err
}

// Explain is Extract that also says which element it took for the article,
// with its score, the runners-up and what was pruned before scoring.
func Explain(page string) (Article, Explanation, error) {
	return extract(page, true)
}

// Extractor is Extract with its scratch storage (line buffers, the
// scoring model's maps and slices) kept from page to page: each page grew
// it afresh, about a sixth of the bytes extraction allocated on the bench
// HTML corpus. An Extractor is safe for concurrent use.
type Extractor struct {
	scratch sync.Pool // of *extractor
}

// NewExtractor returns an Extractor.
func NewExtractor() *Extractor { return &Extractor{} }

// Extract is the package's Extract.
func (ex *Extractor) Extract(page string) (Article, error) {
	x, _ := ex.scratch.Get().(*extractor)
	if x == nil {
		x = newExtractor()
	}
	a, _, err := extractWith(x, page, false)
	x.reset()
	ex.scratch.Put(x)
	return a, err
}

func extract(page string, explain bool) (Article, Explanation, error) {
	return extractWith(newExtractor(), page, explain)
}

// extractWith extracts the article of page with the scratch of x, which
// must be new or reset.
func extractWith(x *extractor, page string, explain bool) (Article, Explanation, error) {
	var e Explanation
	// x/net/html's tree is all the extraction walks; goquery's wrapper
	// around it was only overhead (and a dependency) on every page.
	var raw *rawPage
	root, ok := (*html.Node)(nil), false
	if !x.noFast {
		root, ok = x.fastParse(page)
	}
	if !ok {
		var r io.Reader = strings.NewReader(page)
		if !x.noBlank && blankRaw(page, &x.blank) {
			x.raw = rawPage{page: page, spans: x.blank.spans}
			raw = &x.raw
			r = bytes.NewReader(x.blank.buf)
		}
		var err error
		root, err = html.Parse(r)
		if err != nil {
			return Article{}, e, fmt.Errorf("htmltext: parse page: %w", err)
		}
	}
	h := headMeta(root, raw, &x.head)
	removeJunk(x.head.junk) // pruneJunk(root), from headMeta's walk
	body := root
	if b := firstElement(root, "body"); b != nil {
		body = b
	}
	// The metadata reads the lines of the whole page before pruning, as
	// far as it needs them.
	pageLines := x.lineStream(body)
	meta, src := h.decide(pageLines, &x.bylines)
	pageLines.close()
	e.TitleFrom, e.DateFrom = src.title, src.date
	e.Pruned = x.pruneChrome(body, explain)
	m := x.rescore()
	main := m.choose(body)
	var a Article
	if main == nil {
		a.Meta = ownMeta(meta)
		return a, e, nil
	}
	if explain {
		e.Chosen = m.candidate(main)
		e.RunnersUp = m.runnersUp(body, main, 5)
	}
	x.pruneFeeds(main, m)
	lines, all, ends, sts := x.joinedLines(main)
	a.Lines = new(chrome.Lines)
	a.Text, a.Removed, a.Meta = x.finish(article{lines, all, ends, sts}, meta, a.Lines)
	a.Meta = ownMeta(a.Meta)
	return a, e, nil
}

// ownMeta copies m's fields: the fast parse's text and attribute values
// are slices of the page, and a title or URL kept with the document must
// not keep the whole page alive.
func ownMeta(m Meta) Meta {
	m.Title = strings.Clone(m.Title)
	m.Publisher = strings.Clone(m.Publisher)
	m.PublishedAt = strings.Clone(m.PublishedAt)
	m.URL = strings.Clone(m.URL)
	return m
}

// article is the article's lines as joinedLines gives them: all is the
// lines joined by "\n", line i ending at ends[i], with Stats sts[i].
type article struct {
	lines []textLine
	all   string
	ends  []int
	sts   []cue.Stats
}

// finish drops link-heavy lines, puts the title first and lets chrome
// remove text-level chrome; it merges what chrome learned into meta.
// It reads decide's answers about the lines near the title in x.bylines
// and keeps its storage in x (chrome's, the lines kept and their
// Stats); rec gets chrome's record of the returned text's lines.
func (x *extractor) finish(art article, meta Meta, rec *chrome.Lines) (string, []Removal, Meta) {
	lines, all, ends := art.lines, art.all, art.ends
	var removed []Removal
	// kept[0] is room for the title, should placeTitle add it; its
	// Stats are not known.
	slot := append(x.kept[:0], "")
	slotSts := append(x.keptSts[:0], cue.Stats{Runes: -1})
	defer func() {
		clear(slot[:cap(slot)]) // no line or title is kept past the page
		x.kept, x.keptSts = slot[:0], slotSts[:0]
	}()
	first, last := -1, -1 // the first and the last line kept
	for i, l := range lines {
		if r := linkChrome(l); r != "" {
			removed = append(removed, Removal{Reason: r, Text: l.text})
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		slot = append(slot, l.text)
		slotSts = append(slotSts, art.sts[i])
	}
	n := len(slot) - 1
	var kept []string
	kept, meta.Title, removed = placeTitle(slot, meta.Title, removed)
	var text string
	if len(kept) > 0 && len(kept) <= n && n == last-first+1 {
		// Lines next to each other in all, placeTitle having at most cut
		// some from the top: their join is a slice of all, not a copy.
		from, start := last+1-len(kept), 0
		if from > 0 {
			start = ends[from-1] + 1
		}
		text = all[start:ends[last]]
	} else {
		text = strings.Join(kept, "\n")
		if len(kept) == 1 {
			// Join gives the line itself, and the title may be a slice
			// of the page, which the text must not keep.
			text = strings.Clone(text)
		}
	}
	// The lines of text are kept's (no line has a line break), and their
	// Stats those of the last len(kept) slots: a title of several lines
	// would be lines of its own.
	measured := slotSts[len(slot)-len(kept):]
	if len(kept) == len(slot) && strings.IndexByte(kept[0], '\n') >= 0 {
		measured = nil
	}
	out, eds, cm := chrome.CleanWith(text, chrome.Options{Bylines: &x.bylines, Scratch: &x.chrome, Record: rec, Measured: measured})
	for _, e := range eds {
		removed = append(removed, Removal{Reason: e.Reason, Text: strings.TrimSpace(e.Old)})
	}
	if meta.Title == "" {
		meta.Title = cm.Title
	}
	if meta.Publisher == "" {
		meta.Publisher = cm.Publisher
	}
	if meta.PublishedAt == "" {
		meta.PublishedAt = cm.PublishedAt
	}
	return strings.TrimSpace(out), removed, meta
}

// linkChrome names a line that is mostly link text (menus, related lists).
func linkChrome(l textLine) string {
	if l.runes == 0 || l.links == 0 {
		return ""
	}
	d := float64(l.links) / float64(l.runes)
	if d >= 0.7 || d >= 0.5 && l.punct == 0 {
		if strings.HasPrefix(l.text, "附件") { // attachments are part of a notice
			return ""
		}
		return "links"
	}
	return ""
}

// placeTitle makes the title the first line: lines above it that are short
// labels (channel names, breadcrumbs) go; if the title is not near the top
// it is added. A heading near the top that the title merely extends
// ("标题 栏目名" in <title>) becomes the title.
//
// The lines are slot[1:]; slot[0] is room for the title (it is added
// there, not by copying the lines after it).
func placeTitle(slot []string, title string, removed []Removal) ([]string, string, []Removal) {
	lines := slot[1:]
	if title == "" {
		return lines, title, removed
	}
	norm := squash(title)
	for i, l := range lines {
		if i >= 6 || isProse(l) {
			break
		}
		sl := squash(l)
		if sl != norm && !(len(sl) >= len(norm)*3/5 && strings.HasPrefix(norm, sl)) {
			continue
		}
		for _, above := range lines[:i] {
			removed = append(removed, Removal{Reason: "navigation", Text: above})
		}
		return lines[i:], l, removed
	}
	slot[0] = title
	return slot, title, removed
}

// squash removes white space for loose comparisons.
func squash(s string) string {
	if noSpaceValid(s) {
		return s // what strings.Map gives back, without decoding every rune
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// noSpaceValid reports valid UTF-8 without white space: strings.Map
// removing spaces (and writing an invalid byte as U+FFFD) leaves it as it
// is. Runs of ideographs (lead bytes E4-E9) are passed without decoding.
func noSpaceValid(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				return false
			}
			i++
			continue
		}
		if c >= 0xe4 && c <= 0xe9 {
			if j := ideographsEnd(s, i); j > i {
				i = j
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || isSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// squashEqual reports squash(s) == sq without building squash(s): squash
// writes each rune of s but spaces as UTF-8 (an invalid byte as U+FFFD).
func squashEqual(s, sq string) bool {
	var buf [utf8.UTFMax]byte
	j := 0
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		if j+n > len(sq) || sq[j:j+n] != string(buf[:n]) {
			return false
		}
		j += n
	}
	return j == len(sq)
}

// firstElement returns the first element named name in document order.
func firstElement(n *html.Node, name string) *html.Node {
	if n.Type == html.ElementNode && n.Data == name {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := firstElement(c, name); f != nil {
			return f
		}
	}
	return nil
}
