package htmltext

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// refNameTokens is the word splitter as it was before nameScanner wrote
// into a fixed buffer: one allocated string per word.
func refNameTokens(s string) []string {
	var toks []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			cur = append(cur, c)
		case c >= 'A' && c <= 'Z':
			if i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
				flush()
			}
			cur = append(cur, c)
		default:
			flush()
		}
	}
	flush()
	return toks
}

func TestNameScanner(t *testing.T) {
	for _, s := range []string{
		"", "share", "XSHARE_BOX", "shareholder", "commentList", "aB", "ABc", "HTMLParser",
		"post_1001", "--a--", "a b\tc", "分享share评论Comment", "nav2Bar", "x" + strings.Repeat("Ab", 50),
		strings.Repeat("z", 100) + "Q", "Z",
	} {
		var got []string
		sc := nameScanner{s: s}
		for tok, ok := sc.next(); ok; tok, ok = sc.next() {
			got = append(got, string(tok))
		}
		if want := refNameTokens(s); !slices.Equal(got, want) {
			t.Errorf("words of %q = %q, want %q", s, got, want)
		}
	}
}

func TestChromeWord(t *testing.T) {
	for _, tc := range []struct {
		tok  string
		want bool
	}{
		{"share", true}, {"sharebar", true}, {"commentlist", true}, {"shareholder", false},
		{"commentary", false}, {"nav", true}, {"navx", false}, {"", false}, {"authorinfo", true},
		{"toolbarbox", true}, {"pinglunlist", true}, {"qrcodewrap", true}, {"xsharebar", false}, {"zzz", false},
		{"gentiebox", true}, {"loginbtn", true}, {"bannerx", false},
	} {
		if got := chromeWord([]byte(tc.tok)); got != tc.want {
			t.Errorf("chromeWord(%q) = %v, want %v", tc.tok, got, tc.want)
		}
	}
}

// TestChromeWordStems compares chromeWord with every stem tried in turn,
// on each stem with each widget suffix and with a letter more.
func TestChromeWordStems(t *testing.T) {
	ref := func(tok string) bool {
		if chromeWords[tok] {
			return true
		}
		for _, w := range chromeStems {
			if strings.HasPrefix(tok, w) && widgetSuffixes[tok[len(w):]] {
				return true
			}
		}
		return false
	}
	n := 0
	for w := range chromeWords {
		if !chromeWord([]byte(w)) {
			t.Errorf("chromeWord(%q) = false", w)
		}
		if chromeWord([]byte(w+"q")) != ref(w+"q") {
			t.Errorf("chromeWord(%q) = %v", w+"q", !ref(w+"q"))
		}
	}
	for _, w := range chromeStems {
		toks := []string{w, w + "x", "x" + w, w[:len(w)-1]}
		for suf := range widgetSuffixes {
			toks = append(toks, w+suf, w+suf+"s")
		}
		for _, tok := range toks {
			if got, want := chromeWord([]byte(tok)), ref(tok); got != want {
				t.Errorf("chromeWord(%q) = %v, want %v", tok, got, want)
			}
			if ref(tok) {
				n++
			}
		}
	}
	if n < len(chromeStems)*len(widgetSuffixes) {
		t.Fatalf("only %d furniture words among the cases", n)
	}
}

func TestBareDate(t *testing.T) {
	// refBareDate is bareDate without its year check: FindDate on every text.
	refBareDate := func(s string) bool {
		s = cue.Trim(s)
		if s == "" {
			return false
		}
		_, start, end, ok := cue.FindDate(s)
		return ok && cue.Trim(s[:start]) == "" && cue.Trim(s[end:]) == ""
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"2019-09-09 21:38:04", true}, {"  2024年1月2日\u3000", true}, {"\n2024/01/02\n", true},
		{"1999.12.31", true}, {"发布于2024-01-02", false}, {"2024-01-02 发布", false},
		{"2024-13-01 2024-01-02", false}, {"2024年，全市", false}, {"12019-01-01", false},
		{"", false}, {"   ", false}, {"201", false}, {"2100-01-01", false}, {"昨天 12:00", false},
	} {
		if got := bareDate(tc.s); got != tc.want || got != refBareDate(tc.s) {
			t.Errorf("bareDate(%q) = %v, want %v (FindDate on all: %v)", tc.s, got, tc.want, refBareDate(tc.s))
		}
	}
}

// allAtoms lists every atom of x/net/html's table.
func allAtoms() []atom.Atom {
	var out []atom.Atom
	for v := atom.Atom(1); v < 1<<20; v++ {
		if s := v.String(); s != "" && atom.Lookup([]byte(s)) == v {
			out = append(out, v)
		}
	}
	return out
}

func TestAtomSet(t *testing.T) {
	all := allAtoms()
	if len(all) < 300 {
		t.Fatalf("found %d atoms, want the whole table", len(all))
	}
	// Subsets of every third atom from three offsets: atoms that share an
	// offset in the table ("a", "abbr") fall into different sets.
	for start := range 3 {
		want := map[atom.Atom]bool{}
		var members []atom.Atom
		for i := start; i < len(all); i += 3 {
			want[all[i]] = true
			members = append(members, all[i])
		}
		s := newAtomSet(members...)
		for _, a := range append(all, 0) {
			if s.has(a) != want[a] {
				t.Errorf("subset %d: has(%v) = %v, want %v", start, a, s.has(a), want[a])
			}
		}
	}
}

func TestTrimSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "\u3000\u00a0", "  中文  ", "\u3000全角\u3000", "\xff x \xff", " \xe3\x80", "\xe3\x80 ",
		"\u200b零宽\u200b", "\t\n\r\v\f a \u2028\u205f", "\u0085x\u0085", "a",
	} {
		want := string(bytes.TrimFunc([]byte(s), cue.IsSpace))
		from, to := trimSpaceBounds([]byte(s))
		if got := s[from:to]; got != want {
			t.Errorf("trimSpaceBounds(%q) = %d, %d (%q), want %q", s, from, to, got, want)
		}
	}
}

func TestSquashEqual(t *testing.T) {
	strs := []string{"", " ", "标题", "标 题", " 标题\u3000", "标题党", "标", "a\xffb", "a\ufffdb", "a \xff b", "\xe4\xbd", "\ufffd", "ab", "a b c"}
	for _, s := range strs {
		for _, u := range strs {
			sq := squash(u)
			if got, want := squashEqual(s, sq), squash(s) == sq; got != want {
				t.Errorf("squashEqual(%q, %q) = %v, want %v", s, sq, got, want)
			}
		}
	}
}

// TestDateLabelKeys holds mayHoldDateLabel to the search it stands before:
// every date label, alone or inside a line, passes it, so no labelled line
// is skipped.
func TestDateLabelKeys(t *testing.T) {
	for _, l := range dateLabels {
		for _, s := range []string{l, "　" + l + "2024-01-02", "本文" + l + "：新华社"} {
			if !mayHoldDateLabel(s) {
				t.Errorf("mayHoldDateLabel(%q) = false: the label %q is not one of its characters", s, l)
			}
		}
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"首页 > 新闻中心", false},
		{"2024-01-02 10:00", false},
		{"这是一段正文，没有标签。", false},
		{"\xe6\x9c", false}, // a cut-off 期
		{"期", true},
		{"在于", true},
		{"時間", true},
	} {
		if got := mayHoldDateLabel(tc.s); got != tc.want {
			t.Errorf("mayHoldDateLabel(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if tc.want == false && hasAny(tc.s, dateLabels) {
			t.Errorf("%q holds a date label but is ruled out", tc.s)
		}
	}
}

// TestSquashCollapseFast holds squash and collapse, which give a string
// back unchanged after one pass when it has nothing to remove, to the
// strings.Map and Fields forms they were.
func TestSquashCollapseFast(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "标题", "标 题", "标  题", " 标题", "标题 ", "标\u3000题", "a\tb", "a\nb", "a\u00a0b", "a\u0085b",
		"a\u200bb", "a\ufeffb", "a\u2003b", "\xff", "a\xffb", "\ufffd", "a \ufffd b", "\xe4\xbd", "\xe4\xbd ", "\xe4 \xbd",
		"新华社 北京 3月10日电", "新华社  北京", "\xc2", "\xc2\xa0", "\xe3\x80", "\xe3\x80\x80", "Go 1.26 发布", "x \u3000y",
		// runs long enough to be read two characters at a time
		"标题标题标题标题 标题", "标题标题标题\xe4\xbd标题标题", "中文中文中文中文\u3000", "中文中文\xe4\xbd\x20中文中文中文",
	} {
		checkSquashCollapse(t, s)
	}
}

func FuzzSquashCollapse(f *testing.F) {
	for _, s := range []string{"", "标 题", "a\xffb", "\u3000x", "a  b"} {
		f.Add(s)
	}
	f.Fuzz(checkSquashCollapse)
}

func checkSquashCollapse(t *testing.T, s string) {
	refSquash := strings.Map(func(r rune) rune {
		if cue.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	if got := squash(s); got != refSquash {
		t.Errorf("squash(%q) = %q, want %q", s, got, refSquash)
	}
	if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("collapse(%q) = %q, want %q", s, got, want)
	}
}

// refSectionHeads is sectionHeads as it was: shortText asked of every
// element.
func refSectionHeads(body *html.Node) []*html.Node {
	var heads []*html.Node
	var find func(n *html.Node, nt string)
	find = func(n *html.Node, nt string) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := shortText(c, 16)
			if t != "" && t != nt && cue.SectionMarker(t) != "" {
				heads = append(heads, c)
				continue
			}
			find(c, t)
		}
	}
	find(body, "")
	return heads
}

func TestSectionHeads(t *testing.T) {
	pages := []string{
		`<div><h3>相关推荐</h3><ul><li><a href="/">其他文章</a></li></ul></div><p>正文，句子。</p>`,
		`<div><span>相关</span><span>推荐</span><div><b>网友评论</b><p>评论内容很多很多很多很多很多很多字</p></div></div>`,
		`<ul><li><a>分享到</a></li><li>  </li><li><i></i></li></ul><div>` + strings.Repeat("长", 17) + `<p>相关阅读</p></div>`,
		`<div><h3>相关推荐</h3><div><h4>相关新闻</h4></div></div><div><!--c--><p>评论</p></div>`,
	}
	pages = append(pages, testdataPages(t)...)
	for i, page := range pages {
		for _, junk := range []bool{true, false} { // comments kept too
			// scored: the rune counts come from the scoring, as in
			// pruneChrome; else sectionHeads counts them itself.
			for _, scored := range []bool{true, false} {
				root, err := html.Parse(strings.NewReader(page))
				if err != nil {
					t.Fatal(err)
				}
				if junk {
					pruneJunk(root)
				}
				body := firstElement(root, "body")
				x := newExtractor()
				if scored {
					x.scoreTree(body)
					if len(x.texts) == 0 {
						t.Fatalf("page %d: no text scored", i)
					}
				}
				if got, want := x.sectionHeads(body), refSectionHeads(body); !slices.Equal(got, want) {
					t.Errorf("page %d (pruned %v, scored %v): %d section heads, want %d", i, junk, scored, len(got), len(want))
				}
			}
		}
	}
}

// TestCountedShortText holds countedShortText to shortText on every
// element of the test pages short enough for it.
func TestCountedShortText(t *testing.T) {
	n := 0
	for _, page := range append(testdataPages(t), `<div><b>相关</b> <i>推荐</i><!--c--></div><p> </p><p>一<span>二</span></p>`) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(e *html.Node)
		walk = func(e *html.Node) {
			if e.Type == html.ElementNode && countRunes(e, shortMax) <= shortMax {
				n++
				if got, want := countedShortText(e), shortText(e, shortMax); got != want {
					t.Errorf("countedShortText(<%s>) = %q, want %q", e.Data, got, want)
				}
			}
			for c := e.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
	if n < 100 {
		t.Fatalf("only %d short elements", n)
	}
}

// TestLabelRunes holds labelRunes to the short text it stands for.
func TestLabelRunes(t *testing.T) {
	for _, page := range []string{
		`<div>x</div><div> </div><div>一二三四五六七八九十一二</div><div>一二三四五六七八九十一二三</div><div><b>一 二</b>三<i></i></div>`,
		`<div>` + "\u3000\u00a0" + `</div><div>相关<span>推荐</span> 阅读</div><ul><li><a>首页</a></li></ul><p>` + strings.Repeat("字", 30) + `</p>`,
	} {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if got, want := labelRunes(n), cue.RuneLen(shortText(n, 12)) > 0; got != want {
				t.Errorf("labelRunes(%q) = %v, want %v", nodeText(n), got, want)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
}

// TestSiteWordSet holds the one-pass search to a strings.Contains per
// site word.
func TestSiteWordSet(t *testing.T) {
	lines := []string{"", "网", "某某市人民政府门户网站", "澎湃新闻-The Paper", "example.com", "x.c", "標題_新聞", "The Pape", "中", "\xe7\xbd网"}
	for _, w := range siteWords {
		lines = append(lines, "标题"+w, w[:len(w)-1])
	}
	for _, s := range lines {
		if got, want := siteWordSet.Any(s), hasAny(s, siteWords); got != want {
			t.Errorf("siteWordSet.Any(%q) = %v, want %v", s, got, want)
		}
	}
}

// refJoinShort is joinShort as it was: every text node joined (the one
// node alone kept as it was), then trimmed.
func refJoinShort(n *html.Node, max int, count bool) string {
	var b strings.Builder
	runes := 0
	ok := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if !ok {
			return
		}
		if n.Type == html.TextNode {
			if count {
				if runes += cue.RuneLenMax(n.Data, max-runes); runes > max {
					ok = false
					return
				}
			}
			b.WriteString(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if !ok {
		return ""
	}
	return cue.Trim(b.String())
}

// TestJoinShortOnePiece holds joinShort, which keeps the one text node
// with more than white space without joining, to refJoinShort for every
// element of the test pages and of crafted ones (white space of every
// kind around and between pieces, invalid bytes), counting and not.
func TestJoinShortOnePiece(t *testing.T) {
	pages := testdataPages(t)
	pages = append(pages,
		"<div>\n\t<a>首页</a>\n</div><p>\u3000<b>\u200b</b>标题\u3000<i> </i></p><span> <b>甲</b> <b>乙</b> </span>",
		"<ul><li>\xff<a> </a></li><li><a>一</a>\u2028<a>二</a></li><li><i></i></li><li>\u00a0分享\u00a0<br>到</li></ul>",
	)
	checked, multi := 0, 0
	for _, page := range pages {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, max := range []int{0, 1, 12, 16, 1 << 20} {
					for _, count := range []bool{true, false} {
						if got, want := joinShort(n, max, count), refJoinShort(n, max, count); got != want {
							t.Errorf("joinShort(%s, %d, %v) = %q, want %q", nodePath(n), max, count, got, want)
						}
					}
				}
				checked++
				if k := pieces(n); k >= 2 {
					multi++
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
	if checked < 1000 || multi < 100 {
		t.Errorf("checked %d elements, %d with two text nodes or more: want more of both", checked, multi)
	}
}

// pieces counts the text nodes under n.
func pieces(n *html.Node) int {
	if n.Type == html.TextNode {
		return 1
	}
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += pieces(c)
	}
	return k
}
