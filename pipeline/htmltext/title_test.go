package htmltext

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// headlineRef, stripSiteRef, leadingPartsRef and longestSegmentRef are
// headline and its helpers as they were before the title was read once:
// each trimmed, squashed and split the title of its own.
func (h head) headlineRef(lines *lineStream, site string) (title, suffix, from string) {
	t := cue.Trim(collapse(h.title))
	if t == "" {
		return h.h1, "", "h1"
	}
	core := squash(longestSegmentRef(t, site))
	st := squash(t)
	lead := leadingPartsRef(t)
	agrees := func(c string) bool {
		sc := squash(c)
		if sc == "" || !strings.Contains(st, sc) {
			return false
		}
		return slices.Contains(lead, sc) || strings.Contains(sc, core) || strings.Contains(core, sc) && len(sc)*5 >= len(core)*3
	}
	if h.h1 != "" && agrees(h.h1) {
		_, suffix = stripSiteRef(t, h.h1, site)
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
			_, suffix = stripSiteRef(t, l.text, site)
			return cue.Trim(l.text), suffix, "headline line agreeing with <title>"
		}
	}
	title, suffix = stripSiteRef(t, "", site)
	return title, suffix, "<title> minus site name"
}

func leadingPartsRef(t string) []string {
	segs := splitSeps(make([]segment, 0, 8), t)
	out := make([]string, len(segs))
	for i, seg := range segs {
		out[i] = squash(t[:seg.end])
	}
	return out
}

func longestSegmentRef(t, site string) string {
	best, bestLen := "", 0
	for _, s := range splitSeps(make([]segment, 0, 8), t) {
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

func stripSiteRef(t, h1, site string) (title, suffix string) {
	t = cue.Trim(collapse(t))
	if h1 != "" && strings.HasPrefix(squash(t), squash(h1)) {
		rest := t
		if i := strings.Index(t, h1); i == 0 {
			rest = t[len(h1):]
		}
		return h1, lastSegment(rest)
	}
	segs := splitSeps(make([]segment, 0, 8), t)
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

// titleCases are titles, h1s and sites beyond the pages': separators of
// every kind, white space to collapse and trim, empty parts.
var titleCases = []struct{ title, h1, site string }{
	{"标题_频道_某某网", "", ""},
	{"  标题  正文 | 新闻中心 -- 某某网 ", "标题 正文", "某某网"},
	{"澎湃新闻-The Paper", "", "澎湃新闻"},
	{"｜开头｜｜中间－结尾 — 网 – 站", "", ""},
	{"\u3000全角\u3000空格_首页\u200b", "全角 空格", ""},
	{"_", "", ""},
	{"", "标题", ""},
	{"a - b - c - d - e - f - g - h - i - j", "a", "j"},
	{"国务院关于印发通知的通知_政府信息公开专栏", "国务院关于印发通知的通知", "中国政府网"},
	{"bad\xff byte - 站", "bad", ""},
}

// TestHeadlineReadsTitleOnce holds headline, which reads the title once
// for its tests and stripSite's (stripTitle), to headlineRef on every
// htmltext and htmlprobe page with the page's site, no site and each
// part of its title as the site, and stripSite to stripSiteRef on the
// pages' titles with their h1s, heads and lines and on titleCases.
func TestHeadlineReadsTitleOnce(t *testing.T) {
	pages := testdataPages(t)
	pages = append(pages, pagesAt(t, filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*.htm*"))...)
	if len(pages) < 60 {
		t.Fatalf("found %d pages, want the htmltext and htmlprobe pages", len(pages))
	}
	checkStrip := func(title, h1, site string) {
		t.Helper()
		gt, gs := stripSite(title, h1, site)
		wt, ws := stripSiteRef(title, h1, site)
		if gt != wt || gs != ws {
			t.Errorf("stripSite(%q, %q, %q) = %q, %q; want %q, %q", title, h1, site, gt, gs, wt, ws)
		}
	}
	for _, c := range titleCases {
		for _, site := range []string{c.site, ""} {
			checkStrip(c.title, c.h1, site)
			checkStrip(c.title, "", site)
			h := head{title: c.title, h1: c.h1}
			x := newExtractor()
			body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
			got := [3]string{}
			got[0], got[1], got[2] = h.headline(x.lineStream(body), site)
			want := [3]string{}
			want[0], want[1], want[2] = h.headlineRef(x.lineStream(body), site)
			if got != want {
				t.Errorf("headline of %q (h1 %q, site %q) = %q, want %q", c.title, c.h1, site, got, want)
			}
		}
	}
	asked := 0
	for _, page := range pages {
		x, y := newExtractor(), newExtractor()
		root, ok := x.fastParse(page)
		root2, ok2 := y.fastParse(page)
		if !ok || !ok2 {
			continue
		}
		h := headMeta(root, nil, &x.head)
		h2 := headMeta(root2, nil, &y.head)
		site := h.first(siteKeys)
		sites := []string{site, ""}
		for _, s := range splitSeps(nil, cue.Trim(collapse(h.title))) {
			sites = append(sites, cue.Trim(s.text))
		}
		for _, s := range sites {
			got, want := [3]string{}, [3]string{}
			got[0], got[1], got[2] = h.headline(x.lineStream(root), s)
			lines := x.ls.w.lines
			want[0], want[1], want[2] = h2.headlineRef(y.lineStream(root2), s)
			if got != want {
				t.Errorf("headline of %q (site %q) = %q, want %q", h.title, s, got, want)
			}
			asked++
			checkStrip(h.title, h.h1, s)
			checkStrip(h.title, "", s)
			for _, l := range lines {
				checkStrip(h.title, l.text, s)
			}
			x.ls.close()
			y.ls.close()
		}
	}
	if asked < 200 {
		t.Errorf("headline asked %d times, want the pages' titles with several sites", asked)
	}
}

// placeTitleRef is placeTitle as it was, on the lines alone: the title
// was added by copying the lines after it.
func placeTitleRef(lines []string, title string, removed []Removal) ([]string, string, []Removal) {
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
	return append([]string{title}, lines...), title, removed
}

// TestPlaceTitleSlot holds placeTitle, which adds the title in the room
// left before the lines, to placeTitleRef.
func TestPlaceTitleSlot(t *testing.T) {
	cases := []struct {
		title string
		lines []string
	}{
		{"标题", []string{"首页", "新闻", "标 题", "正文，很长的一句话。"}},
		{"标题正文 栏目", []string{"标题正文", "正文。"}},
		{"标题", []string{"正文，很长的一句话，不是标题。", "标题"}},
		{"标题", nil},
		{"", []string{"甲", "乙"}},
		{"标题", []string{"一", "二", "三", "四", "五", "六", "标题"}},
	}
	for _, c := range cases {
		slot := append([]string{"x"}, c.lines...)
		got, gt, gr := placeTitle(slot, c.title, []Removal{{Reason: "links", Text: "r"}})
		want, wt, wr := placeTitleRef(slices.Clone(c.lines), c.title, []Removal{{Reason: "links", Text: "r"}})
		if !slices.Equal(got, want) || gt != wt || !slices.Equal(gr, wr) {
			t.Errorf("placeTitle(%q, %q) = %q, %q, %v; want %q, %q, %v", c.lines, c.title, got, gt, gr, want, wt, wr)
		}
	}
}
