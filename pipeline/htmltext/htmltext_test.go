package htmltext

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodePage stands in for the decode stage: UTF-8 when the bytes are
// valid UTF-8, else the declared charset when it decodes cleanly, else
// GB18030.
// testdataPages returns the pages of testdata/htmltext, decoded.
func testdataPages(t testing.TB) []string {
	t.Helper()
	return pagesAt(t, filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
}

// pagesAt returns the pages whose paths match pattern, decoded.
func pagesAt(t testing.TB, pattern string) []string {
	t.Helper()
	dirs, _ := filepath.Glob(pattern)
	var pages []string
	for _, d := range dirs {
		raw, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, decodePage(t, raw))
	}
	return pages
}

func decodePage(t testing.TB, b []byte) string {
	t.Helper()
	if utf8.Valid(b) {
		return string(b)
	}
	var enc encoding.Encoding = simplifiedchinese.GB18030
	if cs := Charset(b); cs != "" {
		if e, err := htmlindex.Get(cs); err == nil {
			if out, err := e.NewDecoder().Bytes(b); err == nil && !strings.ContainsRune(string(out), utf8.RuneError) {
				return string(out)
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return string(out)
}

// charF1 is the character-level F1 of got against want, over non-space
// runes counted as multisets.
func charF1(got, want string) float64 {
	count := func(s string) map[rune]int {
		m := map[rune]int{}
		for _, r := range s {
			if !isSpace(r) {
				m[r]++
			}
		}
		return m
	}
	g, w := count(got), count(want)
	ng, nw, common := 0, 0, 0
	for r, n := range g {
		ng += n
		common += min(n, w[r])
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 {
		if ng == nw {
			return 1
		}
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type pageMetaFile struct {
	Title       string `json:"title"`
	PublishedAt string `json:"published_at"`
	Publisher   string `json:"publisher"`
	Encoding    string `json:"encoding"`
}

// allLines renders every text line of a page, chrome included.
func allLines(t testing.TB, page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pruneJunk(doc)
	var out []string
	for _, l := range newExtractor().lines(doc) {
		out = append(out, l.text)
	}
	return out
}

func TestPages(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*"))
	if err != nil || len(dirs) < 15 {
		t.Fatalf("want at least 15 test pages, have %d (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			mb, err := os.ReadFile(filepath.Join(dir, "meta.json"))
			if err != nil {
				t.Fatal(err)
			}
			var wm pageMetaFile
			if err := json.Unmarshal(mb, &wm); err != nil {
				t.Fatal(err)
			}
			page := decodePage(t, raw)
			a, err := Extract(page)
			if err != nil {
				t.Fatal(err)
			}
			f := charF1(a.Text, string(want))
			t.Logf("character F1 %.4f", f)
			if f < 0.98 {
				t.Errorf("character F1 = %.3f < 0.98\ngot:\n%s\nwant:\n%s", f, a.Text, want)
			}
			if a.Meta.Title != wm.Title {
				t.Errorf("title = %q, want %q", a.Meta.Title, wm.Title)
			}
			if a.Meta.PublishedAt != wm.PublishedAt {
				t.Errorf("published_at = %q, want %q", a.Meta.PublishedAt, wm.PublishedAt)
			}
			if wm.Publisher != "" && a.Meta.Publisher != wm.Publisher {
				t.Errorf("publisher = %q, want %q", a.Meta.Publisher, wm.Publisher)
			}
			// Chrome: every page line that is not article text.
			article := squash(string(want))
			chromeLines := map[string]bool{}
			for _, l := range allLines(t, page) {
				if s := squash(l); s != "" && !strings.Contains(article, s) {
					chromeLines[s] = true
				}
			}
			t.Logf("%d chrome lines on the page", len(chromeLines))
			if len(chromeLines) == 0 {
				t.Fatalf("page has no chrome: the test would prove nothing")
			}
			for _, l := range strings.Split(a.Text, "\n") {
				if chromeLines[squash(l)] {
					t.Errorf("chrome line kept: %q", l)
				}
			}
		})
	}
}

func TestCharset(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<html><head><meta charset="GBK"></head>`, "gbk"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "gb2312"},
		{`<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=Big5" />`, "big5"},
		{`<meta content="text/html; charset=utf-8" http-equiv="Content-Type">`, "utf-8"},
		{`<?xml version="1.0" encoding="GB18030"?><html>`, "gb18030"},
		{`<meta name="description" content="charset=gbk is mentioned here">`, ""},
		{`<html><head><title>无声明</title></head>`, ""},
		{``, ""},
	}
	for _, tc := range tests {
		if got := Charset([]byte(tc.page)); got != tc.want {
			t.Errorf("Charset(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	para := "今年以来，全市交通运输系统认真贯彻落实各项部署，完成投资78亿元，同比增长12%，工作取得明显成效。"
	tests := []struct {
		name, body, want string
	}{
		{"ruby base text, tail kept", `<p>申请材料<ruby>精简<rp>(</rp><rt>jīngjiǎn</rt><rp>)</rp></ruby> 37.5%，办理时限压减87.5%，群众办事更加便捷高效，满意度持续提升。</p>`,
			"申请材料精简 37.5%，办理时限压减87.5%，群众办事更加便捷高效，满意度持续提升。"},
		{"inline annotation tail kept", `<p>申请材料精简<span class="py">(jīngjiǎn)</span> 37.5%，办理时限压减87.5%，群众办事更加便捷高效，满意度持续提升。</p>`,
			"申请材料精简(jīngjiǎn) 37.5%，办理时限压减87.5%，群众办事更加便捷高效，满意度持续提升。"},
		{"br splits lines", "<div>" + para + "<br>" + para + "</div>", para + "\n" + para},
		{"source line break between Han dropped", "<p>今年以来，全市交通运输系统认真贯彻落实各项部署，完成投资78亿元，同比增长12%，工作取得明显\n成效。</p><p>" + para + "</p>", para + "\n" + para},
		{"table row as tab-separated cells", "<p>" + para + "</p><table><tr><td>项目</td><td><p>投资</p></td></tr><tr><td>农村公路</td><td>214公里</td></tr></table>", para + "\n项目\t投资\n农村公路\t214公里"},
		{"pre keeps lines", "<p>" + para + "</p><pre>a = 1\nb = 2</pre>", para + "\na = 1\nb = 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract("<html><body><div class=\"content\">" + tc.body + "</div></body></html>")
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("text = %q, want %q", a.Text, tc.want)
			}
		})
	}
}

func TestStripSite(t *testing.T) {
	tests := []struct{ title, h1, site, want, suffix string }{
		{"多地项目连环爆雷_网易财经", "", "", "多地项目连环爆雷", "网易财经"},
		{"共享充电宝涨价：是“收割韭菜”还是回归理性_10%公司_澎湃新闻-The Paper", "", "", "共享充电宝涨价：是“收割韭菜”还是回归理性", "澎湃新闻-The Paper"},
		{"女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网", "", "", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", "人民网"},
		{"中国-东盟博览会开幕", "", "", "中国-东盟博览会开幕", ""},
		{"青岛 | 城阳区交通运输局——以模范机关党建引领交通运输高质量发展", "", "", "青岛 | 城阳区交通运输局——以模范机关党建引领交通运输高质量发展", ""},
		{"标题正文内容_某某频道_某某网", "标题正文内容", "", "标题正文内容", "某某网"},
		{"山西品牌丝路行正式启动 - 山西省人民政府门户网站", "", "", "山西品牌丝路行正式启动", "山西省人民政府门户网站"},
	}
	for _, tc := range tests {
		got, suffix := stripSite(tc.title, tc.h1, tc.site)
		if got != tc.want || suffix != tc.suffix {
			t.Errorf("stripSite(%q) = %q, %q; want %q, %q", tc.title, got, suffix, tc.want, tc.suffix)
		}
	}
}

func FuzzExtract(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
	for _, d := range dirs {
		if b, err := os.ReadFile(d); err == nil && utf8.Valid(b) {
			f.Add(string(b))
		}
	}
	f.Add("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>")
	f.Add("<ruby>字<rt>zì</rt></ruby>后文<br><pre>\n</pre>")
	f.Add(`<div><section><p>甲</p></section><section><p>乙，丙。</p></section><div class="p" id="x1">丁。</div><div class="p" id="x2" style="display:none">戊</div><p hidden>己</p></div>`)
	f.Add(`<div class="w"><div class="l"><p>正文，句子。</p></div><div class="r"><h3>数据速览</h3><ul><li>1亿元</li></ul></div></div><div>热门跟贴</div>`)
	f.Fuzz(func(t *testing.T, page string) {
		a, err := Extract(page)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) && utf8.ValidString(page) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
	})
}

func BenchmarkExtractTestPages(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
	var pages []string
	n := 0
	for _, d := range dirs {
		raw, err := os.ReadFile(d)
		if err != nil {
			b.Fatal(err)
		}
		p := decodePage(b, raw)
		pages = append(pages, p)
		n += len(p)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractorTestPages is BenchmarkExtractTestPages with one
// Extractor, as the pipeline runs it (scratch kept from page to page).
func BenchmarkExtractorTestPages(b *testing.B) { benchExtractor(b, testdataPages(b)) }
