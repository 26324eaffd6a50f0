package htmltext

import (
	"html"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/internal/seedtest"
)

// seedPages makes article pages of the seed texts, in both scripts: each
// line a paragraph, some with the white space and blank paragraphs the
// article's edges may have.
func seedPages(t *testing.T) []string {
	t.Helper()
	var pages []string
	for _, s := range seedtest.BothScripts(t, filepath.Join("..", "..")) {
		var body strings.Builder
		for i, l := range strings.Split(s, "\n") {
			if i%7 == 0 {
				l = "\u3000 " + l + " \u3000"
			}
			body.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
		}
		title := strings.SplitN(s, "\n", 2)[0]
		pages = append(pages, "<html><head><title>"+html.EscapeString(title)+"</title></head><body><div class=nav><a href=/>首页</a> <a href=/n>新闻</a></div><article>"+
			body.String()+"</article><div class=footer>版权所有</div></body></html>")
	}
	return pages
}

// TestChromeReuseOnPages holds the chrome stage's second pass over an
// article, reusing what htmltext's pass recorded, to the full second pass
// on the htmltext and htmlprobe pages and pages made of the seeds: the same
// output, edits and metadata.
func TestChromeReuseOnPages(t *testing.T) {
	pages := append(testdataPages(t), pagesAt(t, filepath.Join("..", "..", "testdata", "htmlprobe", "*", "pages", "*"))...)
	pages = append(pages, seedPages(t)...)
	x := NewExtractor()
	checked := 0
	for _, page := range pages {
		a, err := x.Extract(page)
		if err != nil {
			t.Fatal(err)
		}
		if a.Text == "" {
			continue
		}
		// The stage reuses the record only while the text is its Text.
		if a.Lines.Text() != a.Text {
			t.Errorf("recorded text %q, want the article's %q", a.Lines.Text(), a.Text)
			continue
		}
		checked++
		for _, o := range []chrome.Options{{Kept: true}, {Kept: true, NotEnd: true}, {Kept: true, NotStart: true}} {
			want, wantEds, wantMeta := chrome.CleanWith(a.Text, o)
			o.Reuse = a.Lines
			got, gotEds, gotMeta := chrome.CleanWith(a.Text, o)
			if got != want || !reflect.DeepEqual(gotEds, wantEds) || gotMeta != wantMeta {
				t.Errorf("options %+v: with reuse %q %+v %+v, want %q %+v %+v", o, got, gotEds, gotMeta, want, wantEds, wantMeta)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d of %d pages had an article", checked, len(pages))
	}
}
