package chrome

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", name))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return string(b)
}

// render writes what Clean did in a form a reviewer can read.
func render(m Meta, eds []textedit.Edit, out string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\npublisher: %s\npublished_at: %s\n\n# edits\n", m.Title, m.Publisher, m.PublishedAt)
	for _, e := range eds {
		fmt.Fprintf(&b, "%d-%d %s: %q\n", e.Start, e.End, e.Reason, e.Old)
	}
	b.WriteString("\n# text\n")
	b.WriteString(out)
	return b.String()
}

func TestGoldenSeeds(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, path := range seeds {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			in := readSeed(t, name)
			out, eds, m := Clean(in)
			if got := textedit.Apply(in, eds); got != out {
				t.Fatalf("edits do not reproduce the output")
			}
			got := render(m, eds, out)
			golden := filepath.Join("..", "..", "testdata", "chrome", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s; rerun with -update and review the diff", golden)
			}
		})
	}
}

// The chrome cases the issue names, checked directly so that a golden file
// rewritten by mistake cannot hide them.
func TestSeedCases(t *testing.T) {
	tests := []struct {
		seed           string
		title, pub, at string
		gone, kept     []string // lines that must go / text that must stay
		reasons        []string // reasons that must appear among the edits
	}{
		{
			seed:    "000_57ee527ed9377c6b.txt",
			title:   "精致模范机关创建系列党建访谈录⑩",
			pub:     "齐鲁晚报·齐鲁壹点",
			gone:    []string{"齐鲁晚报·齐鲁壹点记者 刘宁 李英豪"},
			kept:    []string{"使党建工作与业务工作两者相互影响", "夯实党建工作基础\n\n打造精致模范机关\n", "威海市交通运输局\n", "总投资约390亿元"},
			reasons: []string{ReasonJoined, "byline"},
		},
		{
			seed:    "001_7f9ab2896b09be6e.txt",
			title:   "青岛 | 城阳区交通运输局——以模范机关党建引领交通运输高质量发展",
			pub:     "山东省交通运输厅",
			at:      "2024-12-16T20:10:00+08:00",
			gone:    []string{"专栏名称: 山东省交通运输厅", "目录", "相关文章推荐", "13 小时前", "51好读", "2024-12-16 20:10", "正文\n", "解读交通 服务出行"},
			kept:    []string{"青岛 | 城阳区交通运输局——以模范机关党建引领交通运输高质量发展\n", "党旗领航风帆劲 凝心聚力谱新篇", "总投资18.4亿元"},
			reasons: []string{"navigation", "related articles", "byline"},
		},
		{
			seed:    "003_152db1442ce30948.txt",
			title:   "舌尖上崛起百亿级产业",
			gone:    []string{"相关推荐", "评论列表", "暂无评论", "发表评论"},
			kept:    []string{"舌尖上崛起百亿级产业\n按(àn)", "通讯员:王翔翔", "申请材料精简(jīngjiǎn) 37.5%"},
			reasons: []string{ReasonRepeatedTitle, "comment widget"},
		},
		{
			seed: "002_bd1b06f2a63dcd9f.txt",
			kept: []string{"一、案例背景\n近年來", "二、主要做法\n"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.seed, func(t *testing.T) {
			in := readSeed(t, tc.seed)
			out, eds, m := Clean(in)
			if m.Title != tc.title || m.Publisher != tc.pub || m.PublishedAt != tc.at {
				t.Errorf("meta = %+v, want title %q publisher %q at %q", m, tc.title, tc.pub, tc.at)
			}
			for _, g := range tc.gone {
				if strings.Contains(out, g) {
					t.Errorf("chrome %q kept", g)
				}
			}
			for _, k := range tc.kept {
				if !strings.Contains(out, k) {
					t.Errorf("text %q lost", k)
				}
			}
			have := map[string]bool{}
			for _, e := range eds {
				have[e.Reason] = true
				if e.Stage != Stage {
					t.Errorf("edit stage %q", e.Stage)
				}
			}
			for _, r := range tc.reasons {
				if !have[r] {
					t.Errorf("no %q edit", r)
				}
			}
			if strings.Count(out, tc.title) > 1 && tc.title != "" {
				t.Errorf("title kept %d times", strings.Count(out, tc.title))
			}
		})
	}
}

// Every sentence (a run ending in 。) of every seed survives, so no article
// text is removed.
func TestSeedsKeepSentences(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, path := range seeds {
		in := readSeed(t, filepath.Base(path))
		out, _, _ := Clean(in)
		flat := strings.ReplaceAll(out, "\n", "")
		for _, line := range strings.Split(in, "\n") {
			for _, s := range strings.SplitAfter(line, "。") {
				if strings.HasSuffix(s, "。") && !strings.Contains(flat, s) {
					t.Errorf("%s: sentence lost: %q", filepath.Base(path), s)
				}
			}
		}
	}
}

func TestClean(t *testing.T) {
	const para = "正文第一段，全市完成交通固定资产投资12.6亿元，同比增长8%。"
	tests := []struct {
		name, in, want string
	}{
		{"plain text untouched", "第一段，内容。\n第二段，内容。\n", "第一段，内容。\n第二段，内容。\n"},
		{"heading after paragraph stays", "今年以来，我们完成了很多项工作并取得成效\n\n夯实党建工作基础\n\n正文内容，继续。", "今年以来，我们完成了很多项工作并取得成效\n\n夯实党建工作基础\n\n正文内容，继续。"},
		{"list item not joined", "1.实施主体：全市交通运输系统所有单位\n2.实施时间：即日起至年底", "1.实施主体：全市交通运输系统所有单位\n2.实施时间：即日起至年底"},
		{"broken sentence joined", "我们统筹实施党建与业务融合发展，使党建工作与业务工\n\n作两者相互影响，相互促进。", "我们统筹实施党建与业务融合发展，使党建工作与业务工作两者相互影响，相互促进。"},
		{"footer with prose after is kept", "正文第一段，内容。\n相关阅读\n这是一段很长的正文内容，包含逗号，也包含句号。后面还有更多的内容，继续写下去。", "正文第一段，内容。\n这是一段很长的正文内容，包含逗号，也包含句号。后面还有更多的内容，继续写下去。"},
		{"trailing share and editor", "正文第一段，内容很长很长。\n\n责任编辑：张三\n分享到：微信 微博", "正文第一段，内容很长很长。"},
		{"marker inside prose kept", "文章提到相关推荐机制，要求各单位认真落实，确保工作取得实效。", "文章提到相关推荐机制，要求各单位认真落实，确保工作取得实效。"},

		{"tail notices and end mark", "%[1]s\n- THE END -\n来源：交通运输部网站\n转载请注明出处，如有侵权请联系删除。", "%[1]s"},
		{"special statement and its translation", "%[1]s\n特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。\nNotice: The content above is uploaded and posted by a user of the platform, which only provides information storage services.", "%[1]s"},
		{"labelled source and date lines at the end", "%[1]s\n发布机构：\t某某区交通运输局\n发布日期：\t2023-01-16", "%[1]s"},
		{"signature and date stay", "%[1]s\n某某市交通运输局\n2021年1月18日", "%[1]s\n某某市交通运输局\n2021年1月18日"},
		{"data source under a table stays", "%[1]s\n项目\t投资\n数据来源：国家统计局", "%[1]s\n项目\t投资\n数据来源：国家统计局"},
		{"law adoption line stays", "某某省农村公路条例\n（2019年7月25日某某省第十三届人民代表大会常务委员会第十二次会议通过）\n第一条 为了促进农村公路发展，根据有关法律，制定本条例。", "某某省农村公路条例\n（2019年7月25日某某省第十三届人民代表大会常务委员会第十二次会议通过）\n第一条 为了促进农村公路发展，根据有关法律，制定本条例。"},
		{"dated first sentence stays", "2023年4月28日，市交通运输局发布五一假期出行提示：\n一、假期前一天下午为出城高峰，请错峰出行。", "2023年4月28日，市交通运输局发布五一假期出行提示：\n一、假期前一天下午为出城高峰，请错峰出行。"},
		{"view count above the text goes, section number inside stays", "新增3条定制公交线路\n4\n%[1]s\n1\n%[1]s", "新增3条定制公交线路\n%[1]s\n1\n%[1]s"},
		{"shortened second title goes", "航拍：黄河大桥主塔封顶\n1/10\n黄河大桥主塔封顶\n%[1]s", "航拍：黄河大桥主塔封顶\n%[1]s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.in, "%[1]s") {
				tc.in, tc.want = fmt.Sprintf(tc.in, para), fmt.Sprintf(tc.want, para)
			}
			out, eds, _ := Clean(tc.in)
			if out != tc.want {
				t.Errorf("Clean = %q, want %q", out, tc.want)
			}
			if textedit.Apply(tc.in, eds) != out {
				t.Errorf("edits do not reproduce output")
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	f.Add("标题\n标题\n2024-12-16 20:10 来源：某某\n正文，内容。\n相关推荐\n评论")
	f.Add("a\n\n\nb")
	f.Add("业务工\n\n作两者，相互。")
	f.Fuzz(func(t *testing.T, s string) {
		out, eds, _ := Clean(s)
		if textedit.Apply(s, eds) != out {
			t.Fatalf("edits do not reproduce output for %q", s)
		}
		for _, e := range eds {
			if e.Start < 0 || e.End > len(s) || e.Start > e.End {
				t.Fatalf("bad edit %+v", e)
			}
		}
	})
}

func BenchmarkClean(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	var all []string
	n := 0
	for _, p := range seeds {
		s := readSeed(b, filepath.Base(p))
		all = append(all, s)
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range all {
			Clean(s)
		}
	}
}

// TestKeptCleansAlike holds Options.Kept to what it promises: on the
// trimmed output of an earlier clean without JoinBroken (as htmltext makes
// an article), a clean that skips classifying the inner lines gives the
// same text, edits and metadata as one that classifies them all, with
// every combination of the other options.
func TestKeptCleansAlike(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	texts := []string{
		"相关推荐\n正文第一段，说明情况。\n\n  分享到：微信  \n",
		"  标题\n\n来源：新华社 2024-01-02\n正文，一句话。\n责任编辑：张三",
	}
	for _, p := range seeds {
		texts = append(texts, readSeed(t, filepath.Base(p)))
	}
	for i, in := range texts {
		for _, first := range []Options{{}, {NotStart: true}, {NotEnd: true}} {
			out, _, _ := CleanWith(in, first)
			out = strings.TrimSpace(out)
			for _, opt := range []Options{{}, {NotStart: true}, {NotEnd: true}, {JoinBroken: true}} {
				kept := opt
				kept.Kept = true
				o, eds, m := CleanWith(out, opt)
				want := render(m, eds, o)
				o, eds, m = CleanWith(out, kept)
				got := render(m, eds, o)
				if got != want {
					t.Errorf("text %d, %+v then %+v: with Kept\n%s\nwithout\n%s", i, first, opt, got, want)
				}
			}
		}
	}
}

// TestTailLabelSet holds hasLabel's one-pass search to a strings.Contains
// per label.
func TestTailLabelSet(t *testing.T) {
	lines := []string{"", "来源", "（文章来源：某某证券报）", "来源:新华社", "数据来源：国家统计局", "发布日期：2023-01-16", "发布", "\xe6\x9d来源：x"}
	for _, w := range tailLabels {
		lines = append(lines, "本文"+w+"某某", w[:len(w)-1])
	}
	for _, s := range lines {
		want := false
		for _, w := range tailLabels {
			want = want || strings.Contains(s, w)
		}
		if got := tailLabelSet.Any(s); got != want {
			t.Errorf("tailLabelSet.Any(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkCleanLarge cleans a chunk of a large plain-text document (the
// seeds over and over, 1 MB) as the split stages do: mostly lines that
// are no chrome, where every line is classified.
func BenchmarkCleanLarge(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, p := range seeds {
			sb.WriteString(readSeed(b, filepath.Base(p)))
			sb.WriteString("\n\n")
		}
	}
	s := sb.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		CleanWith(s, Options{JoinBroken: true, NotStart: true, NotEnd: true})
	}
}

func TestTitleCopy(t *testing.T) {
	const title = "航拍：黄河大桥主塔封顶"
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{title, true},
		{"黄河大桥主塔封顶", true},      // most of the title
		{"黄河大桥", false},         // too small a part
		{"主塔封顶。", false},        // not in the title
		{"航拍：黄河大桥主塔封顶了", false}, // longer than the title
		{"", false},
		{"黄河大桥主塔封顶！", false}, // a sentence, not in the title either
		{"大桥主塔封顶", false},    // 6 of 11 runes: under three fifths
	} {
		if got := titleCopy(tc.s, title); got != tc.want {
			t.Errorf("titleCopy(%q, %q) = %v, want %v", tc.s, title, got, tc.want)
		}
	}
	// A part of the title that ends a sentence is no copy.
	if titleCopy("大桥主塔封顶！", "黄河大桥主塔封顶！") {
		t.Errorf("a sentence taken for a copy of the title")
	}
}

// TestCleanScratch holds CleanWith with one Scratch lent from text to
// text (longer texts after shorter and the other way, as a caller's
// pages come) to CleanWith without one.
func TestCleanScratch(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) < 3 {
		t.Fatalf("want the seed texts, found %d (%v)", len(seeds), err)
	}
	texts := []string{"", "标题\n\n来源：新华社 2024-12-16\n\n正文，句子。\n相关推荐\n其他文章"}
	for _, p := range seeds {
		texts = append(texts, readSeed(t, filepath.Base(p)))
	}
	texts = append(texts, texts[1])
	var sc Scratch
	for _, opt := range []Options{{}, {JoinBroken: true}, {Kept: true}} {
		for i, text := range texts {
			want, wantEds, wantMeta := CleanWith(text, opt)
			lent := opt
			lent.Scratch = &sc
			got, eds, meta := CleanWith(text, lent)
			if got != want || fmt.Sprint(eds) != fmt.Sprint(wantEds) || meta != wantMeta {
				t.Errorf("text %d (%+v): with a Scratch CleanWith gives another result", i, opt)
			}
		}
	}
}
