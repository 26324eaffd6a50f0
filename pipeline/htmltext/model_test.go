package htmltext

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestChromeName(t *testing.T) {
	tests := []struct {
		attrs string
		want  bool
	}{
		{`class="share-bar"`, true},
		{`class="sharebar"`, true},
		{`class="commentList"`, true},
		{`id="comment_box"`, true},
		{`class="post_comment_list"`, true},
		{`class="relatedNews"`, true},
		{`class="side nav"`, true},
		{`class="author-box"`, true},
		{`role="navigation"`, true},
		// A furniture word inside another word is not furniture.
		{`class="article_con XSHARE_BOX"`, false},
		{`class="shareholder-news-detail"`, false},
		{`class="commentary-text"`, false},
		{`class="headline"`, false},
		{`class="toppic"`, false},
		{`class="TRS_Editor"`, false},
	}
	for _, tc := range tests {
		doc, err := html.Parse(strings.NewReader("<div " + tc.attrs + ">x</div>"))
		if err != nil {
			t.Fatal(err)
		}
		div := firstElement(doc, "div")
		if got := chromeName(div); got != tc.want {
			t.Errorf("chromeName(<div %s>) = %v, want %v", tc.attrs, got, tc.want)
		}
	}
}

func TestBlockScore(t *testing.T) {
	// A paragraph with one inline link keeps most of its score: link text
	// counts by characters.
	plain := blockScore(blockStat{runes: 150, punct: 6})
	linked := blockScore(blockStat{runes: 150, links: 25, punct: 6})
	if linked < plain*0.6 {
		t.Errorf("one inline link: score %.1f of %.1f", linked, plain)
	}
	if menu := blockScore(blockStat{runes: 20, links: 20}); menu >= 0 {
		t.Errorf("all-link block scores %.1f, want negative", menu)
	}
	// A long paragraph outweighs two comments of the same total length.
	long := blockScore(blockStat{runes: 120, punct: 5})
	short := blockScore(blockStat{runes: 60, punct: 3})
	if 2*short >= long {
		t.Errorf("two 60-character comments %.1f >= one 120-character paragraph %.1f", 2*short, long)
	}
}

func TestScriptDate(t *testing.T) {
	tests := []struct{ js, want string }{
		{`var nickname = "x";` + "\n" + `var ct = "1581488700";`, "2020-02-12T14:25:00+08:00"},
		{`var publish_time = "2020-02-12" || ""; var ct = "1581488700";`, "2020-02-12T14:25:00+08:00"},
		{`window.d = {"articleInfo":{"publishTime":"1564794312"}}`, "2019-08-03T09:05:12+08:00"},
		{`window.d = {"publishTime":"2021-10-16 10:52:31"}`, "2021-10-16T10:52:31+08:00"},
		{`var pubDate = '2019/09/07';`, "2019-09-07T00:00:00+08:00"},
		{`var ct = 1;`, ""},
		{`var product = "1581488700";`, ""},
		{`var act = "1581488700";`, ""},
		{`var ct = "9999999999";`, ""},
	}
	for _, tc := range tests {
		h := head{scripts: []*html.Node{{Type: html.ElementNode, Data: "script", FirstChild: &html.Node{Type: html.TextNode, Data: tc.js}}}}
		if got := h.scriptDate(); got != tc.want {
			t.Errorf("scriptDate(%q) = %q, want %q", tc.js, got, tc.want)
		}
	}
}

func TestFiner(t *testing.T) {
	tests := []struct {
		v, w string
		want bool
	}{
		{"2021-04-30T00:00:00+08:00", "2021-04-30T07:00:00+08:00", true},
		{"2021-04-30T00:00:00+08:00", "2021-05-01T07:00:00+08:00", false},
		{"2019-09-09T20:52:00+08:00", "2019-09-09T20:52:38+08:00", true},
		{"2018-12-28T19:55:00+08:00", "2018-12-28T19:56:29+08:00", false},
		{"2022-09-28T16:45:03+08:00", "2022-09-28T23:59:00+08:00", false},
	}
	for _, tc := range tests {
		if got := finer(tc.v, tc.w); got != tc.want {
			t.Errorf("finer(%s, %s) = %v", tc.v, tc.w, got)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"og:title is the site name", `<title>快速路通车_某某发布</title><meta property="og:title" content="某某发布"><meta property="og:site_name" content="某某发布"><h1>快速路通车</h1>`, "快速路通车"},
		{"section h1 is not the title", `<title>公交改造全面完成_新闻中心_某某县人民政府</title><h1>新闻中心</h1><div>公交改造全面完成</div>`, "公交改造全面完成"},
		{"column prefix", `<title>出行预测--国庆假期车流量预计超5000万辆</title><h1>国庆假期车流量预计超5000万辆</h1>`, "国庆假期车流量预计超5000万辆"},
		{"gazette suffix, headline in a div", `<title>某某省人民政府关于加快交通建设的意见__2019年第12号某某省人民政府公报</title><div>某某省人民政府</div><div>某某省人民政府关于加快交通建设的意见</div>`, "某某省人民政府关于加快交通建设的意见"},
		{"site suffix after a hyphen", `<title>我市新增3条定制公交线路-某某市公共交通集团</title><div>我市新增3条定制公交线路</div>`, "我市新增3条定制公交线路"},
		{"traditional site name", `<title>總體目標與主要任務 - xx市交通運輸局門戶網站</title><h1>總體目標與主要任務</h1>`, "總體目標與主要任務"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract("<html><head>" + tc.page + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != tc.want {
				t.Errorf("title = %q, want %q", a.Meta.Title, tc.want)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	para := "<p>今年以来，全市交通运输系统认真贯彻落实各项部署，完成投资78亿元，同比增长12%，工作取得明显成效。</p>"
	page := `<html><head><title>标题</title></head><body><div class="nav"><a href="/">首页</a></div>
<div id="main" class="article XSHARE_BOX">` + para + para + `</div>
<div class="box"><p>网友：说得好，支持！</p></div></body></html>`
	a, e, err := Explain(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "完成投资78亿元") {
		t.Fatalf("article lost: %q", a.Text)
	}
	if e.Chosen.Path != "body > div#main.article.XSHARE_BOX" {
		t.Errorf("chosen path = %q", e.Chosen.Path)
	}
	if e.Chosen.Score <= 0 || len(e.RunnersUp) == 0 || e.RunnersUp[0].Score >= e.Chosen.Score {
		t.Errorf("scores: chosen %.1f, runners-up %+v", e.Chosen.Score, e.RunnersUp)
	}
	if len(e.Pruned) != 1 || e.Pruned[0] != "body > div.nav" {
		t.Errorf("pruned = %q", e.Pruned)
	}
	s := e.String()
	for _, want := range []string{"article container:", "runners-up:", "div#main.article.XSHARE_BOX", "title from: <title> minus site name"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation lacks %q:\n%s", want, s)
		}
	}
}

// TestScoreReuse checks the scoring after pruning, which rescore takes
// from the records and text counts of the scoring before, against a
// scoring from scratch (the same scores, exactly, and the same scored
// nodes in the same order), and each scored node's punctuation against
// countPunct.
func TestScoreReuse(t *testing.T) {
	pages := []string{
		`<div><p>甲，乙。</p><nav><a href="/">首页</a></nav><p>丙<a href="x">丁，</a>戊。</p></div>`,
		`<table><tr><td>1</td><td>2，</td></tr></table><div class="share">分享到</div><div><h3>相关推荐</h3><ul><li>其他，文章。</li></ul></div><p>正文，句子。</p>`,
		// a block whose first text is pruned: its order among the blocks
		// is its first text left's
		`<div><p><span class="share">分享，</span>甲，乙。</p><p>丙，丁。</p><div>戊<nav>首页</nav></div></div><p>正文，句子。</p>`,
	}
	pages = append(pages, testdataPages(t)...)
	snapshot := func(m *model) map[*html.Node]nodeScore {
		out := map[*html.Node]nodeScore{}
		for n, i := range m.nodes {
			// rescore keeps the records of nodes left without blocks,
			// unscored: they read as nodes without a record.
			if s := m.scores[i]; s.scored {
				out[n] = s
			} else if s != (nodeScore{}) {
				t.Errorf("%s: unscored record %+v is not zero", nodePath(n), s)
			}
		}
		return out
	}
	order := func(m *model) []*html.Node {
		var out []*html.Node
		for _, e := range m.scored {
			out = append(out, e.n)
		}
		return out
	}
	pruned := 0
	for i, page := range pages {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		pruneJunk(root)
		body := firstElement(root, "body")
		x := newExtractor()
		before := snapshot(x.scoreTree(body))
		for n, s := range before {
			if want := countPunct(n); s.punct != want {
				t.Errorf("page %d: %s punct %d, countPunct %d", i, nodePath(n), s.punct, want)
			}
		}
		x.pruneChrome(body, false)
		m := x.rescore()
		got, gotOrder := snapshot(m), order(m)
		fresh := newExtractor().scoreTree(body)
		want, wantOrder := snapshot(fresh), order(fresh)
		if !maps.Equal(got, want) {
			t.Errorf("page %d: scores after pruning differ from a scoring from scratch (%d and %d nodes)", i, len(got), len(want))
		}
		if !slices.Equal(gotOrder, wantOrder) {
			t.Errorf("page %d: scored nodes after pruning in another order than a scoring from scratch", i)
		}
		// Every node of the tree reads alike in both (of and punct).
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			gp, gok := m.punct(n)
			wp, wok := fresh.punct(n)
			if m.of(n) != fresh.of(n) || gp != wp || gok != wok {
				t.Errorf("page %d: %s reads %+v (punct %d, %v) after pruning, %+v (%d, %v) from scratch", i, nodePath(n), m.of(n), gp, gok, fresh.of(n), wp, wok)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(body)
		if !maps.Equal(before, want) {
			pruned++
		}
	}
	if pruned < 3 {
		t.Errorf("pruning changed the scores of %d pages: the test pages no longer test rescore", pruned)
	}
}

// TestAppendSignature checks the signature against the string it was
// built as: tag|class|id with the id's digits dropped by strings.Map.
func TestAppendSignature(t *testing.T) {
	ref := func(n *html.Node) string {
		id := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, attr(n, "id"))
		return n.Data + "|" + attr(n, "class") + "|" + id
	}
	for _, tag := range []string{
		`<div>`, `<div class="post" id="post_1001">`, `<section id="12x3">`, `<div id="a` + "\xff" + `1b">`,
		`<div id="` + "\uFFFD" + `9">`, `<div class="x|y" id="z">`, `<div class="x" id="y|z">`, `<div|x class="y">`,
		`<div class="` + strings.Repeat("long ", 40) + `" id="` + strings.Repeat("7a", 30) + `">`,
	} {
		root, err := html.Parse(strings.NewReader(tag + "x"))
		if err != nil {
			t.Fatal(err)
		}
		body := firstElement(root, "body")
		n := body.FirstChild
		if got, want := string(appendSignature(nil, n)), ref(n); got != want {
			t.Errorf("signature of %q = %q, want %q", tag, got, want)
		}
	}
}

// TestChromeNameOnePass holds chromeName's one pass over the attributes to
// the three lookups it replaced, duplicate keys included, with and without
// the answers for class values kept (chromeNameWith).
func TestChromeNameOnePass(t *testing.T) {
	ref := func(n *html.Node) bool {
		switch attr(n, "role") {
		case "navigation", "complementary", "contentinfo", "banner":
			return true
		}
		return chromeNameWords(attr(n, "class")) || chromeNameWords(attr(n, "id"))
	}
	vals := []string{`role="banner"`, `role="main"`, `class="share"`, `class="article"`, `id="nav"`, `id="post_1"`, `data-x="share"`, `ID="footer"`}
	classes := map[string]bool{}
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				tag := "<div " + a + " " + b + " " + c + ">x</div>"
				root, err := html.Parse(strings.NewReader(tag))
				if err != nil {
					t.Fatal(err)
				}
				div := firstElement(root, "div")
				if got, want := chromeName(div), ref(div); got != want {
					t.Errorf("chromeName(%s) = %v, want %v", tag, got, want)
				}
				// the answers kept for class values give the same (each
				// value comes in many tags: most are answered from classes)
				if got, want := chromeNameWith(div, classes), ref(div); got != want {
					t.Errorf("chromeNameWith(%s) = %v, want %v", tag, got, want)
				}
			}
		}
	}
}
