package htmltext

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"

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
	heads    []string // h1-h3 texts, for titles without an h1
}

// headMeta reads meta tags, <title>, <link rel=canonical>, JSON-LD dates,
// the first <time> and the first <h1>. It runs before pruning, since
// scripts and headers are pruned. One walk collects the elements (a
// selector per kind walked the tree seven times).
func headMeta(root *html.Node) head {
	h := head{meta: map[string]string{}}
	var metas, links, titles, scripts, times, heads []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				metas = append(metas, n)
			case "link":
				links = append(links, n)
			case "title":
				titles = append(titles, n)
			case "script":
				scripts = append(scripts, n)
			case "time":
				times = append(times, n)
			case "h1", "h2", "h3":
				heads = append(heads, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
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
		h.title = cue.Trim(collapse(nodeText(titles[0])))
	}
	for _, n := range scripts {
		if v, ok := attrOK(n, "type"); !ok || v != "application/ld+json" {
			continue
		}
		var v any
		if json.Unmarshal([]byte(nodeText(n)), &v) != nil {
			continue
		}
		ldWalk(v, &h)
	}
	for _, n := range times {
		v, _ := attrOK(n, "datetime")
		if _, ok := cue.ParseDate(v); ok {
			h.timeTag = v
			break
		}
		t := nodeText(n)
		if _, ok := cue.ParseDate(t); ok {
			h.timeTag = t
			break
		}
	}
	for i, n := range heads {
		t := cue.Trim(collapse(nodeText(n)))
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
	for _, k := range keys {
		if v := h.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// collapse folds runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// meta decides the page metadata from head data and the page's lines
// (before chrome pruning, so that a byline in a page header counts).
func (h head) decide(pageLines []textLine) Meta {
	var m Meta
	site := h.first(siteKeys)
	var suffix string
	switch og := h.first(titleKeys); {
	case og != "" && h.h1 != "" && len(h.h1) > len(og) && strings.HasPrefix(squash(h.h1), squash(og)):
		// og:title cut short by an unescaped quote in the attribute.
		m.Title = h.h1
		_, suffix = stripSite(h.title, h.h1, site)
	case og != "":
		m.Title, suffix = stripSite(og, h.h1, site)
	case h.h1 != "" && (h.title == "" || strings.Contains(squash(h.title), squash(h.h1))):
		m.Title = h.h1
		_, suffix = stripSite(h.title, h.h1, site)
	case h.title != "":
		m.Title, suffix = stripSite(h.title, h.h1, site)
	default:
		m.Title = h.h1
	}
	if m.Title == "" {
		m.Title = h.h1
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

	for _, v := range []string{h.first(publishedKeys), h.timeTag, h.jsonDate} {
		if d, ok := cue.ParseDate(v); ok {
			m.PublishedAt = d
			break
		}
	}
	if m.PublishedAt == "" || m.Publisher == "" {
		b := pageByline(pageLines, m.Title)
		if m.PublishedAt == "" {
			m.PublishedAt = b.PublishedAt
		}
		if m.Publisher == "" {
			m.Publisher = b.Publisher
		}
	}
	if m.Publisher == "" {
		m.Publisher = suffix
	}

	m.URL = h.meta["canonical"]
	if m.URL == "" {
		m.URL = h.first(urlKeys)
	}
	return m
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
var dateLabels = []string{"发布时间", "发布日期", "发文日期", "成文日期", "日期：", "时间：", "日期:", "时间:", "来源"}

// pageByline looks for a byline in the lines after the title, then for a
// labelled date anywhere in the page.
func pageByline(lines []textLine, title string) cue.Byline {
	start := -1
	if t := squash(title); t != "" {
		for i, l := range lines {
			if squash(l.text) == t {
				start = i
				break
			}
		}
	}
	var found cue.Byline
	if start >= 0 {
		for i := start + 1; i < len(lines) && i <= start+8; i++ {
			if b, ok := cue.ParseByline(lines[i].text); ok && b.PublishedAt != "" {
				return b
			} else if ok && found.Publisher == "" {
				found.Publisher = b.Publisher
			}
		}
	}
	for _, l := range lines {
		if l.runes > 80 || !hasAny(l.text, dateLabels) {
			continue
		}
		if b, ok := cue.ParseByline(l.text); ok && b.PublishedAt != "" {
			if b.Publisher == "" {
				b.Publisher = found.Publisher
			}
			return b
		}
	}
	return found
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
	"财经", "资讯", "The Paper", ".com", ".cn", "中心"}

// stripSite removes site and channel names from the end of a page title:
// "标题_频道_某某网" gives "标题". When the h1 starts the title, the h1 is
// the title. suffix is the outermost segment removed (the site's name).
func stripSite(t, h1, site string) (title, suffix string) {
	t = cue.Trim(collapse(t))
	if h1 != "" && strings.HasPrefix(squash(t), squash(h1)) {
		rest := t
		if i := strings.Index(t, h1); i == 0 {
			rest = t[len(h1):]
		}
		return h1, lastSegment(rest)
	}
	segs := splitSeps(t)
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

func splitSeps(t string) []segment {
	var segs []segment
	start, strong := 0, false
	for i := 0; i < len(t); {
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
	segs := splitSeps(rest)
	return cue.Trim(segs[len(segs)-1].text)
}

func siteLike(s, site string, strong bool) bool {
	if s == "" {
		return true
	}
	if site != "" && (strings.Contains(s, site) || strings.Contains(site, s)) {
		return true
	}
	return strong && cue.RuneLen(s) <= 6 || hasAny(s, siteWords) && cue.Measure(s).Punct == 0
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

// nodeText is the text of n's descendants, as goquery's Text gives it.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
