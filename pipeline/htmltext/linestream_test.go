package htmltext

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// refLines is the recursive walk lineStream keeps in frames, as lines was
// before it rendered on demand.
func refLines(x *extractor, n *html.Node) []textLine {
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
		isBlock := block.has(n.DataAtom)
		if isBlock {
			if inCell {
				w.soft()
			} else {
				w.flush()
			}
		}
		sep := wordEdge.has(n.DataAtom)
		if sep {
			w.edge = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, pre, inCell)
		}
		if sep {
			w.edge = true
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

// linePages are the test pages and a few shapes of markup the walk has
// branches for: data rows with stray children, cells with blocks, <pre>,
// links around blocks, <br> in and out of cells, images, word edges.
func linePages(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*", "page.html"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	pages := []string{
		"",
		"<p>一</p>二<br>三",
		"<table><tr> <td>甲<br>乙</td>x<th><p>丙</p><div>丁</div></th><!-- c --></tr><tr><td><table><tr><td>内</td><td>层</td></tr></table></td></tr></table>",
		"<pre>a\n b\n\nc</pre><a href=x><div>链</div>接</a><span>2023</span><span>4</span><img src=y>尾",
		"<ul><li>1<li>2</ul><table><tr><td>a</td><td>" + strings.Repeat("长", 300) + "</td></tr></table>",
		"<div><section><p>甲</p></section><section><p>乙，丙。</p></section></div><p hidden>己</p>",
		"<p>x<span>2023</span>4 <em>a</em>b</p><td>c<b>1</b>2</td>",
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, decodePage(t, raw))
	}
	return pages
}

// TestLineStream holds the frame walk to the recursive one, drained and
// line by line on demand, on the test pages before and after pruning.
func TestLineStream(t *testing.T) {
	for i, page := range linePages(t) {
		checkLineStream(t, i, page)
	}
}

func checkLineStream(t *testing.T, i int, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return
	}
	pruneJunk(doc)
	x := newExtractor()
	want := refLines(newExtractor(), doc)
	if got := x.lines(doc); !slices.Equal(got, want) {
		t.Errorf("page %d: lines\n%+v\nwant\n%+v", i, got, want)
	}
	s := x.lineStream(doc)
	for k := 0; k <= len(want); k++ {
		l, ok := s.at(k)
		if ok != (k < len(want)) || ok && l != want[k] {
			t.Errorf("page %d: line %d = %q, %v; want %d lines", i, k, l.text, ok, len(want))
			break
		}
	}
	s.close()
	// a stream left part-way gives its storage back, and the next walk
	// starts afresh
	s = x.lineStream(doc)
	s.at(1)
	s.close()
	if got := x.lines(doc); !slices.Equal(got, want) {
		t.Errorf("page %d: lines after a part-way stream differ", i)
	}
}

func FuzzLineStream(f *testing.F) {
	for _, p := range linePages(f)[:6] {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, page string) {
		checkLineStream(t, 0, page)
	})
}

// TestLineStats holds the Stats joinedLines sums from the scoring's
// counts of the text nodes to cue.Measure of each line, with and without
// a scoring before (without, each text node is measured), on the test
// pages and the pages of the probe (whose <pre> lines are not known).
func TestLineStats(t *testing.T) {
	pages := linePages(t)
	pages = append(pages, pagesAt(t, filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*.htm*"))...)
	for i, page := range pages {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			continue
		}
		pruneJunk(doc)
		body := doc
		if b := firstElement(doc, "body"); b != nil {
			body = b
		}
		for _, scored := range []bool{false, true} {
			x := newExtractor()
			if scored {
				x.scoreTree(body)
			}
			lines, _, _, sts := x.joinedLines(body)
			if len(sts) != len(lines) {
				t.Fatalf("page %d: %d Stats for %d lines", i, len(sts), len(lines))
			}
			for k, l := range lines {
				if sts[k].Runes >= 0 && sts[k] != cue.Measure(l.text) {
					t.Errorf("page %d (scored %v): line %d %q: Stats %+v, Measure %+v", i, scored, k, l.text, sts[k], cue.Measure(l.text))
				}
			}
		}
	}
}
