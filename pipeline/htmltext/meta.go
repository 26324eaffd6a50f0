package htmltext

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// Meta keys, lower-cased, in order of preference. The capitalised
// government-CMS names (ArticleTitle, PubDate, SiteName, ContentSource) are
// the de-facto standard of Chinese government portals.
var (
	titleKeys     = []string{"og:title", "twitter:title", "articletitle", "headline"}
	siteKeys      = []string{"og:site_name", "sitename", "application-name"}
	authorKeys    = []string{"author", "article:author", "dc.creator"}
	sourceKeys    = []string{"contentsource", "source", "dc.publisher", "publisher"}
	publishedKeys = []string{"article:published_time", "og:article:published_time", "article:published", "og:published_time",
		"datepublished", "pubdate", "publishdate", "publish_date", "publishtime", "publish-time", "publish_time",
		"firstpublishedtime", "publication_date", "release_date", "og:release_date", "dc.date.issued",
		"dc.date", "dcterms.created", "dcterms.issued", "sailthru.date", "weibo:article:create_at", "date"}
	urlKeys = []string{"og:url"}
)

// head is what <head> (and structured data) says, before any pruning.
type head struct {
	meta     map[string]string
	title    string // <title>
	h1       string
	jsonDate string
	jsonPub  string
	timeTag  string
	// scripts are the page's scripts other than JSON-LD, read for a date
	// variable only when the page gives no precise date otherwise.
	scripts []*html.Node
	heads   []string // h1-h3 texts, for titles without an h1
	// raw resolves the markers blankRaw left in script and style bodies.
	raw *rawPage
}

// headScratch is headMeta's storage: the elements of each kind its walk
// collects, and the head's meta map, other scripts and heading texts.
type headScratch struct {
	metas, links, titles, scripts, times, heads []*html.Node
	meta                                        map[string]string
	other                                       []*html.Node
	texts                                       []string
	// junk are the nodes pruneJunk would remove, noted by the same walk
	// (removeJunk): a walk of its own visited every node again.
	junk []*html.Node
}

// reset forgets the page's elements and strings, keeping the storage.
func (hs *headScratch) reset() {
	for _, l := range [][]*html.Node{hs.metas, hs.links, hs.titles, hs.scripts, hs.times, hs.heads, hs.other, hs.junk} {
		clear(l[:cap(l)])
	}
	clear(hs.texts[:cap(hs.texts)])
	clear(hs.meta)
}

// headMeta reads meta tags, <title>, <link rel=canonical>, JSON-LD dates,
// the first <time> and the first <h1>. It runs before pruning, since
// scripts and headers are pruned. One walk collects the elements (a
// selector per kind walked the tree seven times).
//
// hs is the storage of its lists and of the head's map and slices, kept
// from page to page (a page's head is done with before the next). The
// walk also notes in hs.junk what pruneJunk would remove (removeJunk
// removes it).
func headMeta(root *html.Node, raw *rawPage, hs *headScratch) head {
	h := head{raw: raw}
	metas, links, titles := hs.metas[:0], hs.links[:0], hs.titles[:0]
	scripts, times, heads := hs.scripts[:0], hs.times[:0], hs.heads[:0]
	junk := hs.junk[:0]
	var walk func(n *html.Node, inJunk bool)
	walk = func(n *html.Node, inJunk bool) {
		if n.Type == html.ElementNode {
			// By atom: both parsers give an element of these names its
			// atom, and an atom is compared where a name was.
			switch n.DataAtom {
			case atom.Meta:
				metas = append(metas, n)
			case atom.Link:
				links = append(links, n)
			case atom.Title:
				titles = append(titles, n)
			case atom.Script:
				scripts = append(scripts, n)
			case atom.Time:
				times = append(times, n)
			case atom.H1, atom.H2, atom.H3:
				heads = append(heads, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			// pruneJunk's test of a child; below a node it removes it
			// looks no further.
			j := inJunk || isJunk(c)
			if j && !inJunk {
				junk = append(junk, c)
			}
			walk(c, j)
		}
	}
	walk(root, false)
	hs.metas, hs.links, hs.titles, hs.scripts, hs.times, hs.heads = metas, links, titles, scripts, times, heads
	hs.junk = junk
	if hs.meta == nil {
		hs.meta = make(map[string]string, len(metas)+1) // sized: it grew a page's keys one rehash at a time
	}
	clear(hs.meta) // a caller may not have reset the last page's
	h.meta = hs.meta
	h.scripts, h.heads = hs.other[:0], hs.texts[:0]
	for _, n := range metas {
		content, ok := attrOK(n, "content")
		content = cue.Trim(content)
		if !ok || content == "" {
			continue
		}
		for _, k := range []string{"property", "name", "itemprop"} {
			if v, ok := attrOK(n, k); ok {
				key := strings.ToLower(strings.TrimSpace(v))
				if _, seen := h.meta[key]; !seen {
					h.meta[key] = content
				}
			}
		}
	}
	for _, n := range links {
		if v, ok := attrOK(n, "rel"); !ok || v != "canonical" {
			continue
		}
		if href, ok := attrOK(n, "href"); ok && strings.TrimSpace(href) != "" {
			h.meta["canonical"] = strings.TrimSpace(href)
		}
		break
	}
	if len(titles) > 0 {
		h.title = cue.Trim(collapse(h.text(titles[0])))
	}
	for _, n := range scripts {
		if v, ok := attrOK(n, "type"); !ok || v != "application/ld+json" {
			h.scripts = append(h.scripts, n)
			continue
		}
		var v any
		if json.Unmarshal([]byte(h.text(n)), &v) != nil {
			continue
		}
		ldWalk(v, &h)
	}
	for _, n := range times {
		if inList(n) {
			continue // a related or latest article's time
		}
		v, _ := attrOK(n, "datetime")
		if _, ok := cue.ParseDate(v); ok {
			h.timeTag = v
			break
		}
		t := h.text(n)
		if _, ok := cue.ParseDate(t); ok {
			h.timeTag = t
			break
		}
	}
	for i, n := range heads {
		t := cue.Trim(collapse(h.text(n)))
		if n := cue.RuneLen(t); n >= 4 && n <= 100 {
			if h.h1 == "" && heads[i].Data == "h1" {
				h.h1 = t
			}
			h.heads = append(h.heads, t)
		}
		if i >= 30 {
			break
		}
	}
	hs.other, hs.texts = h.scripts, h.heads
	// Without an h1, a heading that starts the page title is the title.
	if h.h1 == "" {
		t := squash(h.first(titleKeys) + h.title)
		for _, hd := range h.heads {
			if s := squash(hd); len(s) >= 6 && strings.Contains(t, s) {
				h.h1 = hd
				break
			}
		}
	}
	return h
}

// scriptKeys are the names of date variables in scripts: WeChat's ct and
// create_time, publish_time, Toutiao's and Baijiahao's publishTime.
var scriptKeys = []string{"publish_time", "publishTime", "publishtime", "publish_date", "publishDate", "pubtime",
	"pubTime", "pub_time", "pubdate", "pubDate", "pub_date", "create_time", "createTime", "ct"}

// scriptDate returns the first publication date set by a variable of the
// scripts, preferring one with a time of day on the same day.
func (h head) scriptDate() string {
	first := ""
	for _, n := range h.scripts {
		for _, d := range scriptDates(h.text(n)) {
			if first == "" {
				first = d
			}
			if d[:10] == first[:10] && !strings.HasSuffix(d, "T00:00:00+08:00") {
				return d
			}
		}
	}
	return first
}

// scriptDates lists the dates the variables of one script are set to:
// var ct = "1581488700", publish_time = "2020-02-12 14:25",
// "publishTime":"2019-08-03 09:05:12", in the order of scriptKeys.
func scriptDates(js string) []string {
	var out []string
	for _, k := range scriptKeys {
		for off := 0; off < len(js); {
			i := strings.Index(js[off:], k)
			if i < 0 {
				break
			}
			i += off
			off = i + len(k)
			if i > 0 && identChar(js[i-1]) || off < len(js) && identChar(js[off]) {
				continue // part of a longer name
			}
			if v := assigned(js[off:]); v != "" {
				d, ok := unixDate(v)
				if !ok {
					d, ok = cue.ParseDate(v)
				}
				if ok {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

func identChar(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// assigned reads the value after a variable name: an optional closing
// quote, = or :, an optional opening quote, then the date's characters.
func assigned(s string) string {
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		i++
	}
	skip()
	if i == len(s) || s[i] != '=' && s[i] != ':' {
		return ""
	}
	i++
	skip()
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		i++
	}
	start := i
	for i < len(s) && i-start < 30 && strings.IndexByte("0123456789 :/.TZ+-", s[i]) >= 0 {
		i++
	}
	return strings.TrimSpace(s[start:i])
}

// unixDate reads seconds (10 digits) or milliseconds (13) since the epoch
// as China time, between 2000 and 2040.
func unixDate(v string) (string, bool) {
	if len(v) != 10 && len(v) != 13 {
		return "", false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return "", false
	}
	if len(v) == 13 {
		n /= 1000
	}
	if n < 946684800 || n > 2208988800 {
		return "", false
	}
	return time.Unix(n, 0).In(time.FixedZone("CST", 8*3600)).Format(time.RFC3339), true
}

// listWords name containers of other articles.
var listWords = map[string]bool{"related": true, "recommend": true, "sidebar": true, "side": true, "hot": true,
	"rank": true, "ranking": true, "latest": true, "list": true, "more": true}

// inList reports an element inside a list item, a link or page furniture:
// a <time> there dates another article.
func inList(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.Data {
		case "li", "a", "aside", "nav", "footer", "dd":
			return true
		}
		for _, key := range []string{"class", "id"} {
			sc := nameScanner{s: attr(p, key)}
			for tok, ok := sc.next(); ok; tok, ok = sc.next() {
				if listWords[string(tok)] {
					return true
				}
			}
		}
	}
	return false
}

// ldWalk finds datePublished and publisher.name in JSON-LD, also inside
// arrays and @graph.
func ldWalk(v any, h *head) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ldWalk(e, h)
		}
	case map[string]any:
		if d, ok := x["datePublished"].(string); ok && h.jsonDate == "" {
			h.jsonDate = d
		}
		if p, ok := x["publisher"].(map[string]any); ok && h.jsonPub == "" {
			if n, ok := p["name"].(string); ok {
				h.jsonPub = cue.Trim(n)
			}
		}
		if g, ok := x["@graph"]; ok {
			ldWalk(g, h)
		}
	}
}

func (h head) first(keys []string) string {
	if len(h.meta) < len(keys) {
		// A head has a few meta keys and a list has up to 22: the key of
		// the list that comes first among the head's is found without
		// hashing every key of the list.
		best, v := len(keys), ""
		for k, val := range h.meta {
			if val == "" {
				continue
			}
			for i := range best {
				if keys[i] == k {
					best, v = i, val
					break
				}
			}
		}
		return v
	}
	for _, k := range keys {
		if v := h.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// collapse folds runs of white space into one space.
func collapse(s string) string {
	if collapsed(s) {
		return s // what Fields and Join give back, without their copies
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports s with no white space (unicode.IsSpace, as
// strings.Fields splits at) but single ASCII spaces between other
// characters.
func collapsed(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
					return false
				}
			} else if c >= '\t' && c <= '\r' {
				return false
			}
			i++
			continue
		}
		if c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3 // an ideograph
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// sources names where decide found the title and the date, for Explain.
type sources struct{ title, date string }

// decide decides the page metadata from head data and the page's lines
// (before chrome pruning, so that a byline in a page header counts).
//
// Title: og:title unless it is only the site's name; else the headline
// element (an h1, or a line of the page) that agrees with <title> minus its
// site and column parts; else <title> minus those parts.
//
// Date: the visible byline of the article (next to the headline), then
// JSON-LD, then meta tags, then script variables, then a labelled date
// anywhere in the page, then a <time> outside lists and furniture. A source
// that gives only the day takes the time of day from a later source that
// agrees on the day.
func (h head) decide(pageLines *lineStream, bylines *cue.BylineMemo) (Meta, sources) {
	var m Meta
	var src sources
	site := h.first(siteKeys)
	var suffix string
	og := h.first(titleKeys)
	if og != "" && siteOnly(og, site, h.title) {
		og = ""
	}
	switch {
	case og != "" && h.h1 != "" && len(h.h1) > len(og) && strings.HasPrefix(squash(h.h1), squash(og)):
		// og:title cut short by an unescaped quote in the attribute.
		m.Title, src.title = h.h1, "h1 (og:title cut short)"
		_, suffix = stripSite(h.title, h.h1, site)
	case og != "":
		m.Title, suffix = stripSite(og, h.h1, site)
		src.title = "og:title"
	default:
		m.Title, suffix, src.title = h.headline(pageLines, site)
	}

	for _, p := range []string{site, h.jsonPub, h.first(authorKeys), h.first(sourceKeys)} {
		if b, ok := cue.ParseByline(p); ok && b.Publisher != "" {
			p = b.Publisher // "来源：人民网-文化频道 原创稿"
		}
		if nameLike(p) {
			m.Publisher = p
			break
		}
	}

	near, labelled := pageByline(pageLines, m.Title, bylines)
	dates := []struct{ from, v string }{
		{"byline", near.PublishedAt}, {"JSON-LD", h.jsonDate}, {"meta", h.first(publishedKeys)},
		{"script", ""}, {"labelled date", labelled.PublishedAt}, {"<time>", h.timeTag},
	}
	// Scripts can be large: read them only when the sources before them
	// give no date with a time of day.
	// Each source is parsed once: the precision check and the refinement
	// loop below asked for the same ones again.
	parsed := make([]parsedDate, len(dates))
	for i := range 3 {
		parsed[i].v, parsed[i].ok = cue.ParseDate(dates[i].v)
	}
	if !preciseParsed(parsed[:3]) {
		dates[3].v = h.scriptDate()
	}
	for i := 3; i < len(dates); i++ {
		parsed[i].v, parsed[i].ok = cue.ParseDate(dates[i].v)
	}
	for i, d := range dates {
		v, ok := parsed[i].v, parsed[i].ok
		if !ok {
			continue
		}
		m.PublishedAt, src.date = v, d.from
		// A later source that agrees gives what this one leaves out: the
		// time of day, or the seconds.
		for j := i + 1; j < len(dates); j++ {
			if w, ok := parsed[j].v, parsed[j].ok; ok && finer(v, w) {
				m.PublishedAt, src.date = w, d.from+", refined by "+dates[j].from
				break
			}
		}
		break
	}
	if m.Publisher == "" {
		m.Publisher = near.Publisher
	}
	if m.Publisher == "" {
		m.Publisher = labelled.Publisher
	}
	if m.Publisher == "" {
		m.Publisher = suffix
	}

	m.URL = h.meta["canonical"]
	if m.URL == "" {
		m.URL = h.first(urlKeys)
	}
	return m, src
}

// parsedDate is a date source's value as cue.ParseDate gives it.
type parsedDate struct {
	v  string
	ok bool
}

// preciseParsed reports a date with a time of day among the sources.
func preciseParsed(dates []parsedDate) bool {
	for _, d := range dates {
		if d.ok && !strings.HasSuffix(d.v, "T00:00:00+08:00") {
			return true
		}
	}
	return false
}

// finer reports whether w agrees with v and is more precise: v gives only
// the day and w the same day with a time, or v gives the minute and w the
// same minute with seconds.
func finer(v, w string) bool {
	if len(v) < 19 || len(w) < 19 || v[19:] != w[19:] {
		return false
	}
	switch {
	case v[11:19] == "00:00:00":
		return v[:10] == w[:10] && w[11:19] != "00:00:00"
	case v[17:19] == "00":
		return v[:16] == w[:16] && w[17:19] != "00"
	}
	return false
}

// siteOnly reports an og:title that names the site, not the article: the
// og:site_name, or the last part of a <title> that has more before it.
func siteOnly(og, site, title string) bool {
	o := squash(og)
	if site != "" && o == squash(site) {
		return true
	}
	t := squash(title)
	return len(t) > len(o) && strings.HasSuffix(t, o) && len(splitSeps(make([]segment, 0, 8), cue.Trim(collapse(title)))) > 1 &&
		squash(lastSegment(title)) == o
}

// headline finds the title without og:title: the h1 or a page line that
// agrees with the longest part of <title> (the headline; the other parts are
// site, column and section names), else <title> minus its site parts.
func (h head) headline(lines *lineStream, site string) (title, suffix, from string) {
	// The title is trimmed, squashed and split once here, for the tests
	// below and stripSite's (each did all three of its own).
	t := cue.Trim(collapse(h.title))
	if t == "" {
		return h.h1, "", "h1"
	}
	st := squash(t)
	segs := splitSeps(make([]segment, 0, 8), t)
	core := squash(longestSegment(segs, t, site))
	// The title's leading parts, squashed once rather than for every line
	// agrees is asked about.
	lead := leadingParts(make([]string, 0, 8), t, st, segs)
	agrees := func(c string) bool {
		sc := squash(c)
		if sc == "" || !strings.Contains(st, sc) {
			return false
		}
		return slices.Contains(lead, sc) || strings.Contains(sc, core) || strings.Contains(core, sc) && len(sc)*5 >= len(core)*3
	}
	if h.h1 != "" && agrees(h.h1) {
		_, suffix = stripTitle(t, st, segs, h.h1, site)
		return h.h1, suffix, "h1"
	}
	for i := 0; i < 120; i++ {
		l, ok := lines.at(i)
		if !ok {
			break
		}
		if l.runes > 100 || l.links > 0 || strings.ContainsRune(l.text, '\t') {
			continue
		}
		if agrees(l.text) {
			_, suffix = stripTitle(t, st, segs, l.text, site)
			return cue.Trim(l.text), suffix, "headline line agreeing with <title>"
		}
	}
	title, suffix = stripTitle(t, st, segs, "", site)
	return title, suffix, "<title> minus site name"
}

// leadingParts appends to out, squashed, the first part or parts of the
// title t (squashed st, split into segs): its text up to each of its
// separators and the whole.
func leadingParts(out []string, t, st string, segs []segment) []string {
	for _, seg := range segs[:len(segs)-1] {
		out = append(out, squash(t[:seg.end]))
	}
	return append(out, st)
}

// longestSegment is the longest part of the title t, split at its
// separators into segs, that does not name a site.
func longestSegment(segs []segment, t, site string) string {
	best, bestLen := "", 0
	for _, s := range segs {
		seg := cue.Trim(s.text)
		if n := cue.RuneLen(seg); n > bestLen && !siteLike(seg, site, false) {
			best, bestLen = seg, n
		}
	}
	if best == "" {
		return t
	}
	return best
}

// nameLike: a publisher name, not a URL or an id number.
func nameLike(s string) bool {
	if s == "" || strings.Contains(s, "/") || cue.RuneLen(s) > 40 {
		return false
	}
	for _, r := range s {
		if cue.IsHan(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// dateLabels introduce a publication date in a page's text.
var dateLabels = []string{"发布时间", "发布日期", "发文日期", "成文日期", "日期：", "时间：", "日期:", "时间:", "来源",
	"发表于", "发表时间", "發佈時間", "發布日期", "發表於"}

// pageByline finds the article's byline: a dated line among the eight
// after the title or the three before it (near). labelled is a labelled date
// anywhere in the page, a weaker source.
//
// Lines are rendered as it reads them: a byline near the title ends it.
// bylines keeps the answers for the article's cleaning (finish), which
// reads the lines near the title again.
func pageByline(lines *lineStream, title string, bylines *cue.BylineMemo) (near, labelled cue.Byline) {
	start := -1
	if t := squash(title); t != "" {
		for i := 0; ; i++ {
			l, ok := lines.at(i)
			if !ok {
				break
			}
			if squashEqual(l.text, t) {
				start = i
				break
			}
		}
	}
	if start >= 0 {
		for i := start + 1; i <= start+8; i++ {
			l, ok := lines.at(i)
			if !ok {
				break
			}
			if b, ok := bylines.Parse(l.text); ok && b.PublishedAt != "" {
				return b, labelled
			} else if ok && near.Publisher == "" {
				near.Publisher = b.Publisher
			}
		}
		for i := start - 1; i >= 0 && i >= start-3; i-- {
			l, _ := lines.at(i) // rendered: it is above the title
			if l.links > 0 {
				break
			}
			if b, ok := bylines.Parse(l.text); ok && b.PublishedAt != "" {
				if b.Publisher == "" {
					b.Publisher = near.Publisher
				}
				return b, labelled
			}
		}
	}
	for i := 0; ; i++ {
		l, ok := lines.at(i)
		if !ok {
			break
		}
		if l.runes > 80 || !mayHoldDateLabel(l.text) || !hasAny(l.text, dateLabels) {
			continue
		}
		if b, ok := bylines.Parse(l.text); ok && b.PublishedAt != "" {
			if b.Publisher == "" {
				b.Publisher = near.Publisher
			}
			return near, b
		}
	}
	return near, labelled
}

// mayHoldDateLabel reports whether s holds one of 期, 间, 源, 于, 於 and 間,
// one of which every date label has (TestDateLabelKeys): one pass over
// the bytes of a line rules out most lines, where a search per label
// took a pass each.
func mayHoldDateLabel(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xe4, 0xe6, 0xe9: // the lead bytes of those characters
			switch s[i : i+3] {
			case "期", "间", "源", "于", "於", "間":
				return true
			}
		}
	}
	return false
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titleSeps split a <title> into the article title and the names of its
// channel and site. After a weak separator (a dash) only a segment that
// names a site goes; after a strong one a short channel name goes too.
var titleSeps = []struct {
	sep    string
	strong bool
}{{"_", true}, {"--", true}, {"|", true}, {"｜", true}, {" - ", false}, {" — ", false}, {" – ", false}, {"－", false}, {"-", false}}

// siteWords mark a title segment as the name of a site or channel.
var siteWords = []string{"网", "新闻", "门户", "政府", "频道", "首页", "日报", "晚报", "时报", "在线", "官网", "客户端",
	"财经", "资讯", "The Paper", ".com", ".cn", "中心", "網", "新聞", "門戶", "頻道", "首頁", "日報", "晚報", "時報", "客戶端", "財經", "資訊"}

// siteWordSet finds siteWords in one pass (a strings.Contains per word
// read a title's segments 30 times each).
var siteWordSet = cue.NewWords(siteWords...)

// stripSite removes site and channel names from the end of a page title:
// "标题_频道_某某网" gives "标题". When the h1 starts the title, the h1 is
// the title. suffix is the outermost segment removed (the site's name).
func stripSite(t, h1, site string) (title, suffix string) {
	t = cue.Trim(collapse(t))
	st := ""
	if h1 != "" {
		st = squash(t)
	}
	return stripTitle(t, st, splitSeps(make([]segment, 0, 8), t), h1, site)
}

// stripTitle is stripSite of a title already trimmed and collapsed (t),
// squashed (st, read only with an h1) and split at its separators (segs).
func stripTitle(t, st string, segs []segment, h1, site string) (title, suffix string) {
	if h1 != "" && strings.HasPrefix(st, squash(h1)) {
		rest := t
		if i := strings.Index(t, h1); i == 0 {
			rest = t[len(h1):]
		}
		return h1, lastSegment(rest)
	}
	if len(segs) == 1 {
		return t, ""
	}
	end := len(segs)
	for end > 1 {
		s := cue.Trim(segs[end-1].text)
		if !siteLike(s, site, segs[end-1].strong) {
			break
		}
		end--
	}
	if end == len(segs) {
		return t, ""
	}
	// The site's name: the last strongly separated part ("澎湃新闻-The Paper").
	from := end
	for i := end; i < len(segs); i++ {
		if segs[i].strong {
			from = i
		}
	}
	suffix = cue.Trim(t[segs[from-1].end:])
	suffix = strings.TrimLeftFunc(suffix, func(r rune) bool { return strings.ContainsRune("_-|｜－—– ", r) })
	return cue.Trim(t[:segs[end-1].end]), suffix
}

type segment struct {
	text   string
	end    int  // byte offset in the title where the segment ends
	strong bool // the separator before it is strong
}

// splitSeps appends the segments of t to segs: callers give it room on
// their stack (a title is read this way five times a page).
func splitSeps(segs []segment, t string) []segment {
	start, strong := 0, false
	for i := 0; i < len(t); {
		// Every separator starts with one of these bytes (0xEF leads ｜
		// and －): trying all of them at every byte was most of the cost.
		if c := t[i]; c != '_' && c != '-' && c != '|' && c != ' ' && c != 0xEF {
			i++
			continue
		}
		matched, st := "", false
		for _, s := range titleSeps {
			if strings.HasPrefix(t[i:], s.sep) {
				matched, st = s.sep, s.strong
				break
			}
		}
		if matched == "" {
			i++
			continue
		}
		segs = append(segs, segment{text: t[start:i], end: i, strong: strong})
		i += len(matched)
		start, strong = i, st
	}
	return append(segs, segment{text: t[start:], end: len(t), strong: strong})
}

func lastSegment(rest string) string {
	segs := splitSeps(make([]segment, 0, 8), rest)
	return cue.Trim(segs[len(segs)-1].text)
}

func siteLike(s, site string, strong bool) bool {
	if s == "" {
		return true
	}
	if site != "" && (strings.Contains(s, site) || strings.Contains(site, s)) {
		return true
	}
	return strong && cue.RuneLen(s) <= 6 || siteWordSet.Any(s) && cue.Measure(s).Punct == 0
}

// attrOK returns the value of n's attribute key and whether n has it.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// text is nodeText with script and style bodies as the page gave them.
func (h head) text(n *html.Node) string { return rawNodeText(n, h.raw) }

// nodeText is the text of n's descendants, as goquery's Text gives it.
func nodeText(n *html.Node) string { return rawNodeText(n, nil) }

// rawNodeText is nodeText reading the markers of r as their bodies.
func rawNodeText(n *html.Node, r *rawPage) string {
	if c := n.FirstChild; c != nil && c == n.LastChild && c.Type == html.TextNode {
		return r.text(c) // one text node (a heading's, a title's): no copy
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(r.text(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
