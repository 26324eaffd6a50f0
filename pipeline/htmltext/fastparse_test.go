package htmltext

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// diffTree says where two trees differ: node types, names, namespaces,
// data and attributes in order, and the shape.
func diffTree(a, b *html.Node, path string) string {
	path += "/" + b.Data
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace {
		return fmt.Sprintf("%s: node %d %q vs %d %q", path, a.Type, a.Data, b.Type, b.Data)
	}
	if len(a.Attr) != len(b.Attr) {
		return fmt.Sprintf("%s: attributes %v vs %v", path, a.Attr, b.Attr)
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return fmt.Sprintf("%s: attributes %v vs %v", path, a.Attr, b.Attr)
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for ; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
		if ca.Parent != a || cb.Parent != b {
			return path + ": parent links"
		}
		if d := diffTree(ca, cb, path); d != "" {
			return d
		}
	}
	if ca != nil || cb != nil {
		return fmt.Sprintf("%s: children differ in number", path)
	}
	return ""
}

// checkFastParse fails if the fast parse of page accepts it and gives
// another tree than html.Parse; it reports whether it accepted.
func checkFastParse(t *testing.T, x *extractor, page string) bool {
	t.Helper()
	got, ok := x.fastParse(page)
	want, err := html.Parse(strings.NewReader(page))
	if !ok {
		x.reset()
		return false
	}
	if err != nil {
		t.Fatalf("fast parse accepted a page html.Parse refuses (%v)", err)
	}
	if d := diffTree(got, want, ""); d != "" {
		t.Errorf("trees differ at %s\npage: %.300q", d, page)
	}
	x.reset()
	return true
}

// variants are pages made from page by cutting it and by changing its
// markup in ways the fast parse must follow or refuse.
func variants(page string) []string {
	out := []string{page}
	for _, cut := range []int{len(page) / 3, len(page) / 2, 2 * len(page) / 3} {
		out = append(out, page[:cut], page[cut:])
	}
	for _, r := range [][2]string{
		{"</p>", ""}, {"</li>", ""}, {"</td>", ""}, {"</tr>", ""}, {"</div>", ""},
		{"<p>", "<P CLASS=x>"}, {"</head>", ""}, {"<body", "x<body"},
		{"</a>", ""}, {"</b>", ""}, {"</span>", "</b>"}, {"\n", "\r\n"},
		{"<table", "<p><table"}, {"</table>", "</table></p>"}, {"<div", "<font color=red><div"},
		{"&", "&amp;"}, {"<br>", "</br>"}, {"<title>", "<title>&lt;&copy"},
	} {
		if strings.Contains(page, r[0]) {
			out = append(out, strings.ReplaceAll(page, r[0], r[1]))
		}
	}
	return out
}

func fastParsePages(t *testing.T) []string {
	t.Helper()
	return append(testdataPages(t), pagesAt(t, filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*"))...)
}

func TestFastParse(t *testing.T) {
	x := newExtractor()
	pages := fastParsePages(t)
	accepted, total := 0, 0
	for _, page := range pages {
		for _, v := range variants(page) {
			total++
			if checkFastParse(t, x, v) {
				accepted++
			}
		}
	}
	t.Logf("fast parse took %d of %d pages", accepted, total)
	// The testdata pages are ordinary HTML: most must take the fast path,
	// or it is not worth having.
	n := 0
	for _, page := range pages {
		if _, ok := x.fastParse(page); ok {
			n++
		}
		x.reset()
	}
	if n < len(pages)*3/4 {
		t.Errorf("fast parse took %d of %d testdata pages, want at least 3/4", n, len(pages))
	}
}

// TestFastParseCases holds each rule of the subset to html.Parse, and
// checks that the cases outside it are left to html.Parse.
func TestFastParseCases(t *testing.T) {
	const std = "<!DOCTYPE html>"
	const xhtml = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`
	for _, tc := range []struct {
		page string
		fast bool
	}{
		{"", true},
		{"   ", true},
		{"text only", true},
		{std + "<p>a<table><tr><td>x</table>", true},
		{"<p>a<table><tr><td>x</table>", true}, // quirks: the table stays in the paragraph
		{`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><p>a<table><tr><td>x</table>`, true},
		{xhtml + "\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><p>a<table><td>x</table>", true},
		{"<!doctypehtml><p>x", true},
		{"<!-- c --><!DOCTYPE html><!-- d --><html><!-- e --><head><!-- f --></head><!-- g --><body>x</body><!-- h --></html><!-- i -->", true},
		{"<!----><!---><!-->x<!-- a --->y<!-- b --!>z<!-- c -- d -->", true},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?><html><p>x", true},
		{"<!-- a &amp; b\r\nc --><? d &lt; e ?><!DOCTYPE html SYSTEM \"about:&amp;legacy-compat\"><p>f<!-- g &copy -->", true},
		{"<pre>\nline\n</pre><pre>\r\nline</pre><pre>\n\nx</pre><listing>\nx</listing>", true},
		{"<textarea>\nx</textarea><textarea>\n\ny&amp;</textarea>", true},
		{"<title>a &amp; b &lt;c&gt;</title><p>&copy &amp x &#20320;&#x597D; &nbsp;&notin; &noti", true},
		{"<p>a\r\nb\rc</p>", true},
		{`<a HREF="/x?a=1&b=2&amp;c=3" Class=y class=z data-x='q"r' e = f g>x</a>`, true},
		{`<a href="?x=1&copy=2">x</a>`, false}, // read differently in an attribute
		{`<a href="&ampx;">x</a>`, false},
		{`<a href="&amp;&lt;&#38;&#x26;">x</a><img alt=&quot;a&quot; src=x.png/>`, true},
		{"<DIV ID=A><P>x<P>y<DIV>z</DIV></div>", true},
		{"<ul><li>a<li>b<ul><li>c</ul><li>d</ul><dl><dt>a<dd>b<dt>c</dl>", true},
		{"<h1>a<h2>b</h3>c<p>d<h4>e</h1>", true},
		{"<p>a</p></p><p>b</br>c<br/>d", true},
		{"<form><form><input name=a></form></form><div><form></div>x</form>y", true},
		{"<b>x</b><i><b>y</b></i><b c=1><b c=1><b c=1><b c=1>z</b></b></b></b>", true},
		{"<p><b>x</p>y", true}, // the b is reopened
		{"<p><font color=red><i>x<p>y</font>z<p>w", true},
		{"<table><tr><td><b>x</td><td>y</table>", true},
		{"<b><table><tr><td>x</td></tr></table>y", true},
		{"<p><b>x</p><table>y", true},                        // reopened under the table: foster parenting
		{"<b><p>x</b>y</p>", true},                           // the adoption agency
		{"<a><b><div>x</a>y</div>z", true},                   // the clone's place in the list
		{"<b><i><u><s><em><strong><div>x</b>y</div>z", true}, // elements dropped past three
		{"<p><b><i><div>x</b>y</i>z</div>w", true},
		{"<a><b><i><div><p>x</a>y</p>z</div>w<b>v", true},
		{"<a href=1><div><b>x<p>y</a>z</b>w</div>", true},
		{"<b><i><u><s><em><div>x</b>y</div>", true},
		{"<table><tr><td><b><div>x</b></table>", true},
		{"<table><b><tr><td>x</b></table>", true}, // foster parenting
		{"<a href=1>x<a href=2>y", true},          // a link in a link
		{"<a href=1><div>x<a href=2>y</div>z", true},
		{"<a href=1><span>x</a>y", true},
		{"<b><b><b><b></b></b></b><div></b>x</div>", true}, // the first b left the list
		{"<a href=1><object><a href=2>x</a></object></a><a href=3><table><tr><td><a href=4>y</a></table></a>", true},
		{"<table><tr><td>a<td>b<tr><th>c</table><table><tbody><tr><td>x</td></tr></tbody><tfoot><tr><td>y</table>", true},
		{"<table>\n  <tr>\n <td>a</td>\n </tr>\n</table>", true},
		{"<table><tr><td><table><tr><td>in</table>out</table>", true},
		{"<table><td>a<table><td>b</table></table>", true},
		{"<table><tr><td>a</tr>b</table>", true}, // b is foster-parented
		{"<table><input type=hidden><input type=HIDDEN name=x><script>s</script><style>t</style><tr><td>x</table>", true},
		{"<table>text</table>", true},
		{"x<table>a<tr>b<td>c</td>d</tr>e<form>f<input>g</table>h<table><form></table>", true},
		{"<div><table><b>a<div>b</b>c</div></table></div>", true},
		{"<table><tr><td><table>x</table>y</td></tr></table>", true}, // foster parenting
		{"<table><div>x</div></table>", true},                        // foster parenting
		{"<table><caption>c<b>d</caption><tr><td>x</table>", true},
		{"<table><caption>c<tr><td>x</td><caption>d</table><table><caption>e</table>f", true},
		{"<table><caption>c<th>d</th></caption></table>", true},
		{"<table><colgroup><col><col span=2></colgroup><col><tr><td>x</table>", true},
		{"<table><colgroup> <col> x</colgroup></table>", true}, // x is foster-parented
		{"<table><colgroup><!-- c --><col></col><tbody><tr><td>y</table>", true},
		{"<table><tr><td><table><caption>in</caption></table></td></tr></table>", true},
		{"<table><tr><td>a</td></tr></tbody></tr></td></table></table>", true},
		{"<table><tr><td><b>x</td><td>y</table>", true},
		{"<td>x</td><tr>y", true},
		{"<html a=1><head><title>t</title></head><html b=2 a=3><body c=4><body d=5>x", true},
		{"<head><meta charset=utf-8><link rel=x><base href=y><script>a</script><style>b</style><noscript><p>x</noscript></head><script>c</script>  <meta name=z><title>t</title><body>y", true},
		{"<head></head>  <!-- c -->  <body>x</body>  </html>  \n", true},
		{"<body>x</body>y</html>z", true},
		{"<body>x</body><!-- c --></html><!-- d -->  ", true},
		{"<script><!--<script>x</script>-->y</script>z<style>a</b></style >", true},
		{"<script>never closed", false},
		{"<p>x<", false},
		{"<p>x</", false},
		{"<p>x</>y", false},
		{"<p>x</ y>z", false},
		{"<p>x<! y>z", false},
		{"<p>x\x00y", false},
		{"<svg><title>x</title></svg>", false},
		{"<math>x</math>", false},
		{"<template>x</template>", false},
		{"<frameset></frameset>", false},
		{"<select><option>x</select>", true},
		{"<p>a<select id=s><option value=1>x<option>y<optgroup label=g><option>z</optgroup></select>b", true},
		{"<select><option>a<select><option>b</select>c<select><input>d<select><hr>e<div>f</select>g", true},
		{"<select><option><b>x</b></option><p>y</select>z<option>w<optgroup>v", true},
		{"<table><tr><td><select><option>a</td><td>b</table>", true},
		{"<table><select><option>a</select></table>", true}, // foster parenting
		{"<plaintext>x", false},
		{"<nobr>x", false},
		{"<button>a<button>b</button><object>x<b>y</object>z<marquee>m</marquee>", true},
		{"<p>a<hr>b<image src=x>c<xmp>d<b></xmp><iframe><p></iframe><noembed>q</noembed>", true},
		{"<ruby>a<rb>b<rt>c<rtc>d<rp>e</ruby><option>x<option>y<optgroup>z", true},
		{"<custom-el A=1>x</custom-el><Custom>y</CUSTOM><span>z</div>w</span>", true},
		{"<p>a<br></br><wbr><embed><area><keygen><param><source><track><input>b", true},
		{"<address><div><li>x<li>y</div></address>", true},
		{"<center>x</center><details><summary>s</summary>d</details><main><search>q</search></main>", true},
		{strings.Repeat("<div>", 600) + "x", false}, // html.Parse refuses it
		{"<div " + strings.Repeat("a", 40) + "=1 " + strings.Repeat("B", 40) + ">x</div><" + strings.Repeat("X", 40) + ">y", true},
	} {
		x := newExtractor()
		_, ok := x.fastParse(tc.page)
		x.reset()
		if ok != tc.fast {
			t.Errorf("fast parse of %.80q: took it %v, want %v", tc.page, ok, tc.fast)
		}
		checkFastParse(t, x, tc.page)
	}
}

func FuzzFastParse(f *testing.F) {
	for _, s := range []string{
		"<!DOCTYPE html><p>a<table><tr><td>x</table>",
		"<p>a<table><tr><td><b>x</td>y</table>",
		"<ul><li>a<li>b</ul><pre>\nx</pre><textarea>\ny</textarea>",
		`<a href="?a=1&b=2">x</a><b c=1><b c=1><b c=1><b c=1>z</b>`,
		"<head><script>a</script></head> <title>t</title><body>x</body>y<!-- c -->",
		"<form><div><form></div></form><h1>a<h2>b</h1>",
		"<table><tbody><tr><td>x</tr></tbody></table></table><td>y",
		"<?xml x?><!-- a --!><p>&copy &ampx; &#x20; \r\n</p>",
		"<select><option>a<optgroup><option>b</select><select><hr><input>",
		"<table><caption>c</caption><colgroup><col><col></colgroup><tr><td>x</table>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		checkFastParse(t, newExtractor(), page)
	})
}

// TestFastParseGenerated holds the fast parse to html.Parse on pages made
// of random runs of the tags, text and comments whose rules it follows
// (and some it leaves to html.Parse), so that rules meet in orders the
// real pages do not show.
func TestFastParseGenerated(t *testing.T) {
	names := []string{"html", "head", "body", "title", "meta", "link", "script", "style", "noscript",
		"div", "p", "span", "a", "b", "i", "em", "strong", "font", "u", "li", "ul", "ol", "dl", "dd", "dt",
		"h1", "h2", "h3", "table", "tbody", "thead", "tr", "td", "th", "caption", "colgroup", "col",
		"form", "input", "select", "option", "optgroup", "button", "br", "img", "hr", "pre", "textarea",
		"object", "ruby", "rt", "rp", "image", "section", "article", "center", "iframe", "x-tag"}
	pieces := []string{"text", " ", "\n", "中文，", "&amp;", "&copy", "<!-- c -->", "\r\n", "<!DOCTYPE html>"}
	// A second vocabulary of formatting elements and blocks only makes
	// the adoption agency and reopening meet each other.
	formatting := []string{"b", "i", "u", "em", "a", "font", "div", "p", "span", "li", "b", "i"}
	seed := uint64(20240601)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	x := newExtractor()
	accepted := 0
	const pages = 4000
	for k := range pages {
		names := names
		if k%2 == 1 {
			names = formatting
		}
		var b strings.Builder
		for range 5 + rnd(40) {
			switch k := rnd(10); {
			case k < 4:
				name := names[rnd(len(names))]
				b.WriteString("<" + name)
				if rnd(3) == 0 {
					b.WriteString(` class="c` + strings.Repeat("x", rnd(3)) + `"`)
				}
				if rnd(6) == 0 {
					b.WriteString(" type=hidden")
				}
				b.WriteString(">")
			case k < 7:
				b.WriteString("</" + names[rnd(len(names))] + ">")
			default:
				b.WriteString(pieces[rnd(len(pieces))])
			}
		}
		if checkFastParse(t, x, b.String()) {
			accepted++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("fast parse took %d of %d generated pages", accepted, pages)
	if accepted < pages/4 {
		t.Errorf("fast parse took %d of %d generated pages: the subset is not exercised", accepted, pages)
	}
}

// TestFastParseArticles extracts the testdata and probe pages with the
// fast parse and with html.Parse (of the blanked page, as before it): the
// articles, metadata and removals must be the same.
func TestFastParseArticles(t *testing.T) {
	fast, slow := newExtractor(), newExtractor()
	slow.noFast = true
	for i, page := range fastParsePages(t) {
		for j, v := range variants(page)[:3] {
			a, _, errA := extractWith(fast, v, false)
			fast.reset()
			b, _, errB := extractWith(slow, v, false)
			slow.reset()
			if (errA == nil) != (errB == nil) || !reflect.DeepEqual(a, b) {
				t.Errorf("page %d variant %d: fast parse gives %+v (%v), html.Parse %+v (%v)", i, j, a, errA, b, errB)
			}
		}
	}
}
