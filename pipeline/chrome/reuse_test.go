package chrome

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/internal/seedtest"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// reuseTexts are the texts TestReuseCleansAlike cleans twice: the seeds in
// both scripts, each also with white space around its first and last lines
// (which trimming the first pass's output then cuts), and generated texts.
func reuseTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, s := range seedtest.BothScripts(t, filepath.Join("..", "..")) {
		texts = append(texts, s, "\u3000 "+s+" \u3000\n\n", " \n"+s)
	}
	// Generated texts: lines that rules name in both scripts, titles,
	// bylines, prose short and long (over measurePrefix bytes, so measured
	// in part), white space and blank lines, in random order.
	pieces := []string{
		"相關新聞", "相关新闻", "責任編輯：王明", "来源：新华社", "發佈時間：2024-05-20 10:12", "2023年10月26日 08:12　來源：市政府",
		"首頁 > 新聞 > 地方新聞", "分享到：微信　微博", "版權所有 © 某某網", "3小時前", "1024",
		"市區道路改善計劃啟動", "县道拓宽工程开工", "標題：某某市發佈新規",
		"　　市政府今日宣布啟動市區道路改善計劃，今年將改善道路約12公里。",
		"公路局表示，驾照换发时间由原来的30分钟缩短为10分钟，民众办事更加便利",
		strings.Repeat("連接路全長約一點八公里，包括一條長約一公里的海上高架橋，", 12) + "。",
		strings.Repeat("工务局表示今年已完成多条道路的路面重铺", 10),
		"", "", " ", "\u3000", "\t",
	}
	seed := uint64(20261207)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for range 3000 {
		var b strings.Builder
		for j := range 2 + rnd(14) {
			if j > 0 {
				b.WriteByte('\n')
			}
			switch rnd(8) {
			case 0:
				b.WriteString("\u3000 ") // cut when it starts the output
			case 1:
				b.WriteString("  ")
			}
			b.WriteString(pieces[rnd(len(pieces))])
			if rnd(6) == 0 {
				b.WriteString(" \u3000")
			}
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestReuseCleansAlike holds a second CleanWith reusing the first one's
// Record to the full second pass the chrome stage made before (Kept, no
// reuse): the same lines, Stats and folded view, and the same output,
// edits and metadata, with every option the stage may set; and every line
// but the first and last reused. It also holds
// that lines and folds were reused at all, first lines changed by
// trimming among the texts.
func TestReuseCleansAlike(t *testing.T) {
	opts := []Options{{}, {NotEnd: true}, {NotStart: true}, {JoinBroken: true}}
	var reused, folds, trimmed int
	for _, s := range reuseTexts(t) {
		var rec Lines
		out, _, _ := CleanWith(s, Options{Record: &rec})
		text := strings.TrimSpace(out)
		if rec.Text() != text {
			t.Fatalf("Record's text %q, want the output trimmed %q", rec.Text(), text)
		}
		if text == "" {
			continue
		}
		if !strings.HasPrefix(out, text) {
			trimmed++
		}
		full, fullView := lineView(nil, text, false, nil, 0, nil)
		reuse, base := reusable(Options{Reuse: &rec}, text)
		got, gotView := lineView(nil, text, false, reuse, base, nil)
		if gotView != fullView {
			t.Errorf("view with reuse:\n%q\nwant\n%q", gotView, fullView)
		}
		if len(got) != len(full) {
			t.Fatalf("%d lines with reuse, want %d", len(got), len(full))
		}
		for i := range got {
			if got[i].reused {
				reused++
				if reuse[base+i].fold != "" {
					folds++
				}
			}
			// Only the first and last lines may have changed: every other
			// line is the output's whole and is reused.
			if !got[i].reused && i > 0 && i < len(got)-1 {
				t.Errorf("line %d of %q measured again", i, text)
			}
			got[i].reused = false
			if got[i] != full[i] {
				t.Errorf("line %d with reuse %+v, want %+v (text %q)", i, got[i], full[i], text)
			}
		}
		for _, o := range opts {
			o.Kept = true
			want, wantEds, wantMeta := CleanWith(text, o)
			o.Reuse = &rec
			got, gotEds, gotMeta := CleanWith(text, o)
			if got != want || !reflect.DeepEqual(gotEds, wantEds) || gotMeta != wantMeta {
				t.Errorf("options %+v: CleanWith with reuse gives\n%s\nwant\n%s", o, render(gotMeta, gotEds, got), render(wantMeta, wantEds, want))
			}
		}
	}
	// The comparisons above test reuse only if lines, folded ones among
	// them, were reused, and trimming changed some outputs' first lines.
	if reused < 1000 || folds < 100 || trimmed < 100 {
		t.Errorf("%d lines reused, %d of them folded, %d outputs trimmed at the start: too few to test reuse", reused, folds, trimmed)
	}
}

// TestReuseIgnoredOnOtherText: a Record applies only to its own output,
// and a CleanWith that joins lines records none; CleanWith of another
// text measures and folds every line.
func TestReuseIgnoredOnOtherText(t *testing.T) {
	s := "標題：某某市發佈新規\n相關新聞\n　　市政府今日宣布啟動市區道路改善計劃，今年將改善道路約12公里\n\n工程預計明年完工，預計年底通車。\n責任編輯：王明"
	for _, tc := range []struct {
		join  bool
		texts []string // texts the record must not apply to
	}{
		{false, []string{s, "x"}},
		{true, []string{s, "x"}},
	} {
		var rec Lines
		out, eds, _ := CleanWith(s, Options{Record: &rec, JoinBroken: tc.join})
		trimmed := strings.TrimSpace(out)
		if tc.join {
			if !slices.ContainsFunc(eds, func(e textedit.Edit) bool { return e.Reason == ReasonJoined }) {
				t.Fatalf("no line joined: %+v", eds)
			}
			if rec.Text() != "" {
				t.Errorf("joining CleanWith recorded %q", rec.Text())
			}
			tc.texts = append(tc.texts, trimmed)
		} else {
			tc.texts = append(tc.texts, trimmed+"\n相關新聞", "x"+trimmed)
		}
		for _, text := range tc.texts {
			if reuse, _ := reusable(Options{Reuse: &rec}, text); reuse != nil {
				t.Errorf("join %v: record of %q reused for %q", tc.join, rec.Text(), text)
			}
		}
	}
}
