package cue

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// noCueLines are lines NoCue is asked about: every cue word in the
// decorations pages put around it, with its characters dotted apart,
// notice and end marks, counts, breadcrumbs, page tools, and the lines of
// the seed pages (their chrome and their prose).
func noCueLines(t testing.TB) (generated, seedLines []string) {
	lines := sectionLines()
	words := append(append(append([]string{}, noticeHeads...), noticeWords...), toolGate...)
	words = append(words, utility...)
	for _, w := range words {
		for _, f := range []string{"%s", "【%s】", "%s：某某网站", "各地%s，要求认真落实，确保工作取得实效。", "  %s 打印 关闭"} {
			lines = append(lines, strings.ReplaceAll(f, "%s", w))
		}
	}
	lines = append(lines, "- THE END -", "—END—", "the end", "1/10", "0:00 / 1:25", "首页 > 新闻 > 正文", "首页→正文",
		"网站 › 专栏 › 交通", "a»b»c", "新闻＞图片＞正文", "打印关闭", "打印字体：放大正常缩小", "©2024 某某网", "版权所有",
		"QQ空间", "Qzone", "赞 12", "延·伸·推·荐", "阅读 1234", "13 小时前", "\xe2\x80", "\xef\xbc正文")
	generated = lines
	seeds, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seedLines = append(seedLines, strings.Split(string(b), "\n")...)
	}
	return generated, seedLines
}

// TestNoCue holds NoCue to its promise, Marker and Breadcrumb find
// nothing in a line it passes, and checks that it passes most of the seed pages' prose.
func TestNoCue(t *testing.T) {
	generated, seedLines := noCueLines(t)
	prose, passed := 0, 0
	for i, l := range append(seedLines, generated...) {
		st := Measure(l)
		seed := i < len(seedLines)
		if seed && st.Prose() {
			prose++
		}
		if !NoCue(l, st) {
			continue
		}
		if seed && st.Prose() {
			passed++
		}
		if k := MarkerOf(l, st); k != "" {
			t.Errorf("NoCue(%q) but Marker gives %q", l, k)
		}
		if Breadcrumb(l) {
			t.Errorf("NoCue(%q) but it is a breadcrumb", l)
		}
	}
	if passed*10 < prose*8 {
		t.Errorf("NoCue passed %d of %d lines of prose: the fast path is not taken", passed, prose)
	}
}

// TestCueSetAny holds cueSet.any to a strings.Contains per word, with
// the words at every offset of lines that hold invalid UTF-8 too.
func TestCueSetAny(t *testing.T) {
	words := []string{"相关推荐", "赞", ">", "QQ", "Qzone", "·", "END", "编辑：", "›"}
	set := newCueSet(words)
	var lines []string
	for _, w := range words {
		for _, f := range []string{"%s", "正文%s", "%s正文", "\xe8%s\xb5", "a%s", "%s，相关", "ab%s"} {
			lines = append(lines, strings.ReplaceAll(f, "%s", w))
		}
		lines = append(lines, w[:len(w)-1], w[1:], "正文"+w[:len(w)-1])
	}
	lines = append(lines, "", "正文", "相关推", "赏", "Q", "EN", "E\xe2\x80", "关于推荐的说明", "\xe2\x80\xb9")
	// Lines of random pieces of the words (a word's first two bytes
	// with another's third, its halves apart).
	rng := rand.New(rand.NewPCG(3, 4))
	var pieces []string
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			pieces = append(pieces, w[:i+1], w[i:])
		}
	}
	pieces = append(pieces, "正", "文", " ", "\xe8", "\xb5")
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		want := false
		for _, w := range words {
			want = want || strings.Contains(l, w)
		}
		if got := set.any(l); got != want {
			t.Errorf("any(%q) = %v, want %v", l, got, want)
		}
	}
}

func FuzzNoCue(f *testing.F) {
	for _, l := range []string{"相关推荐", "延·伸·推·荐", "首页 > 新闻", "这是一段正文，内容很多。", "推荐99", "1/10"} {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		st := Measure(l)
		if NoCue(l, st) && (MarkerOf(l, st) != "" || Breadcrumb(l)) {
			t.Errorf("NoCue(%q) but Marker gives %q, Breadcrumb %v", l, MarkerOf(l, st), Breadcrumb(l))
		}
	})
}
