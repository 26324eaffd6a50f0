package htmltext

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameTree reports where the tree parsed from the blanked page differs
// from the one parsed from the page itself: markers must read as their
// bodies, and only comments' text may differ.
func sameTree(a, b *html.Node, r *rawPage) string {
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Namespace != b.Namespace || !sameAttrs(a, b) {
		return fmt.Sprintf("node %q/%d vs %q/%d", a.Data, a.Type, b.Data, b.Type)
	}
	if a.Type != html.CommentNode && a.Data != r.text(b) {
		return fmt.Sprintf("data %q vs %q", a.Data, r.text(b))
	}
	ca, cb := a.FirstChild, b.FirstChild
	for ; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
		if d := sameTree(ca, cb, r); d != "" {
			return d
		}
	}
	if ca != nil || cb != nil {
		return fmt.Sprintf("children of %q differ in number", a.Data)
	}
	return ""
}

// sameAttrs compares the attributes of a and b but the values blankRaw
// may empty.
func sameAttrs(a, b *html.Node) bool {
	if len(a.Attr) != len(b.Attr) {
		return false
	}
	for i, x := range a.Attr {
		y := b.Attr[i]
		if x.Key != y.Key || x.Namespace != y.Namespace {
			return false
		}
		if x.Val != y.Val && !(y.Val == "" && a.Type == html.ElementNode && blankableTag(a.Data) && unreadAttr(x.Key, a.Data)) {
			return false
		}
	}
	return true
}

// checkBlankRaw parses page with and without blankRaw and fails if the
// trees or the extracted articles differ.
func checkBlankRaw(t *testing.T, page string) {
	t.Helper()
	var bl blanker
	if !blankRaw(page, &bl) {
		return
	}
	buf, spans := bl.buf, bl.spans
	r := &rawPage{page: page, spans: spans}
	want, err1 := html.Parse(strings.NewReader(page))
	got, err2 := html.Parse(bytes.NewReader(buf))
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("parse errors differ: %v vs %v", err1, err2)
	}
	if err1 != nil {
		return
	}
	if d := sameTree(want, got, r); d != "" {
		t.Fatalf("trees differ: %s\npage:    %q\nblanked: %q", d, page, buf)
	}
	plain := newExtractor()
	plain.noBlank = true
	a1, _, err1 := extractWith(plain, page, false)
	a2, _, err2 := extractWith(newExtractor(), page, false)
	if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(a1, a2) {
		t.Fatalf("articles differ:\n%+v\n%+v\npage: %q", a1, a2, page)
	}
}

const longJS = "var a = 1; var b = 'x'; function f() { return a + b; }"

func TestBlankRawKeepsTree(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		blanked    int // markers expected
	}{
		{"script and style", `<html><head><style>body{color:red;margin:0;padding:0}</style><script>` + longJS + `</script></head><body><p>正文。</p></body></html>`, 2},
		{"end tag case and attributes", `<SCRIPT type="text/javascript">` + longJS + `</ScRiPt foo="bar"><p>正文。</p>`, 1},
		{"end tag inside a string", `<script>document.write("<p>x</p><\/script>");` + longJS + `</script><p>正文。</p>`, 1},
		{"escaped script", `<script><!-- document.write("<script>x</script>"); ` + longJS + ` --></script><p>正文。</p>`, 1},
		{"escape closed early", `<script><!-- a --> </script><p>正文。` + longJS + `</p>`, 0},
		{"unclosed script", `<p>正文。</p><script>` + longJS, 0},
		{"quoted gt in attribute", `<div title="a>b <script>x"><script>` + longJS + `</script></div><p>正文。</p>`, 1},
		{"script in title is text", `<title>标题<script>` + longJS + `</script></title><p>正文。</p>`, 0},
		{"script in textarea is text", `<textarea><script>` + longJS + `</script></textarea><p>正文。</p>`, 0},
		{"comments", `<p>甲<!-- ` + longJS + ` -->乙</p><!--><p>丙</p><!--->x<!-- a --!> <!-- b --!-->c-->`, 0},
		{"svg stops the scan", `<svg><style>` + longJS + `</style></svg><script>` + longJS + `</script>`, 0},
		{"template stops the scan", `<template><col><script>  ` + longJS + `</script></template>`, 0},
		{"heading holding a script", `<h1>标题<script>document.title = "标题";` + longJS + `</script>文字</h1><p>正文。</p>`, 1},
		{"date variable", `<script>var ct = "1581488700";` + longJS + `</script><p>正文，句子。</p>`, 1},
		{"json-ld", `<script type="application/ld+json">{"datePublished":"2020-02-12T14:25:00+08:00","x":"` + longJS + `"}</script><p>正文。</p>`, 1},
		{"carriage returns and nul", "<script>var a;\r\nvar b;\r\x00" + longJS + "</script><p>正文。</p>", 1},
		{"marker byte in page", "<script>\x01" + longJS + "</script>", 0},
		{"unread attribute values", `<link rel="canonical" href="https://example.com/a/b.html"><div data-x="{&quot;a&quot;:1} > 2" onclick="go('x>y')"><a href="https://example.com/1.html" title="第一篇文章的标题">甲</a><img src="/img/1234.png" alt="图片说明文字"></div><p>正文。</p>`, 0},
		{"formatting elements keep values", `<p><b onclick="aaaaaaaaaa1"><b onclick="aaaaaaaaaa2"><b onclick="aaaaaaaaaa3"><b onclick="aaaaaaaaaa4">x</p><p>y</p>`, 0},
		{"misnested links", `<p><a href="aaaaaaaaaa1">x<p><a href="aaaaaaaaaa2">y<a href="aaaaaaaaaa3">z</p><div><a href="aaaaaaaaaa4"></div>w`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var bl blanker
			spans := bl.spans
			if blankRaw(tc.page, &bl) {
				spans = bl.spans
			}
			if len(spans) != tc.blanked {
				t.Errorf("blanked %d bodies, want %d", len(spans), tc.blanked)
			}
			checkBlankRaw(t, tc.page)
		})
	}
}

func TestBlankRawTestPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
	probes, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*"))
	for _, f := range append(files, probes...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) { checkBlankRaw(t, decodePage(t, raw)) })
	}
}

func FuzzBlankRaw(f *testing.F) {
	for _, s := range []string{
		`<script>` + longJS + `</script>`,
		`<script><!--<script>` + longJS + `</script>--></script>x`,
		`<style>` + longJS + `</style ><p>a</p>`,
		`<!-- ` + longJS + ` --!><p>b</p>`,
		`<a href=x/><script/>` + longJS + `</script/>`,
		`<h1>t<script>` + longJS + `</script></h1><time>2020-01-02<style>` + longJS + `</style></time>`,
		`<table><tr><script>` + longJS + `</script><td>x</td></tr></table>`,
		"<script>\r\n" + longJS + "\x00</script>",
		`<div data-a='x>yyyyyyyyy' onclick="zzzzzzzzzz"><a href="aaaaaaaaaa1" target=_blank>x<i title="tttttttttt"><a href="aaaaaaaaaa2">y</a></i></a></div>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		checkBlankRaw(t, page)
	})
}

func TestBlankRawAttributes(t *testing.T) {
	for _, tc := range []struct {
		page, want string
	}{
		{`<a href="https://example.com/1.html" title="第一篇文章的标题" class="item-link">甲</a>`,
			`<a href="" title="" class="item-link">甲</a>`},
		{`<link rel="canonical" href="https://example.com/a/b.html"><img src='/img/1234.png' alt=short>`,
			`<link rel="canonical" href="https://example.com/a/b.html"><img src='' alt=short>`},
		{`<div data-x="{&quot;a&quot;:1} > 2" onclick="go('x>y')" style="display:none; color:red">x</div>`,
			`<div data-x="" onclick="" style="display:none; color:red">x</div>`},
		{`<b onclick="aaaaaaaaaa1">x</b><FONT color="#ff0000ff" onclick="aaaaaaaaaa1">y</FONT>`, ""},
	} {
		var bl blanker
		got := ""
		if blankRaw(tc.page, &bl) {
			got = string(bl.buf)
		}
		if got != tc.want {
			t.Errorf("blankRaw(%q)\n got %q\nwant %q", tc.page, got, tc.want)
		}
	}
}

// TestRawKindOf holds the parser's rawKindOf (by the looked-up atom) to
// rawKind (by the name as written), on every name rawKind knows, in
// mixed case, and on names that only look like them.
func TestRawKindOf(t *testing.T) {
	names := []string{"svg", "xmp", "math", "style", "title", "script", "iframe", "noembed",
		"noframes", "noscript", "textarea", "template", "frameset", "plaintext",
		"SCRIPT", "Style", "TiTle", "sVg", "PlainText", "NoScript",
		"div", "p", "a", "span", "table", "scripts", "scrip", "xmpp", "maths", "styles", "titl", "textareas",
		"noframe", "frame", "iFrame", "font", "h1", "x-script", "ſcript"}
	for _, name := range names {
		a, _ := lowerName(name)
		if got, want := rawKindOf(a), rawKind(name); got != want {
			t.Errorf("rawKindOf(%q's atom) = %q, rawKind = %q", name, got, want)
		}
	}
}
