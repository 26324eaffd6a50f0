package extractors

import (
	"strings"
	"testing"
)

// Hard-wrapped text breaks lines inside figures; the break is read over and
// the figure's span, mapped back, holds it. Found in a blind probe of
// PDF-style documents (probe5, odd half), written here in other words.
func TestFigureAcrossHardWrap(t *testing.T) {
	set := newSet(t)
	for _, tc := range []struct {
		text string
		want []float64
		// joined: the break is inside the figures, whose spans are those
		// of the text without it, with the break in them
		joined bool
	}{
		{"今年以来，全县交通基础设施建设完成投资超过26.19\n亿元，同比增长12%。", []float64{2.619e9}, true},
		{"截至十一月底，全市农村公路新改建累计完成79.1\n公里，占年度计划的九成。", []float64{79.1}, true},
		{"企业投资项目审批的办理时限由120\n个工作日压减至86个工作日。", []float64{28.3333}, true},
		{"积极向上争取，全年争取省级补助资金8900\r\n万元，用于危桥改造。", []float64{8.9e7}, true},
		{"推行容缺受理后，平均办理时间从50天缩短到\n36天，群众满意度明显提高。", []float64{28}, true},
		// a number broken between its thousands
		{"全年完成交通运输固定资产投资2\n186.4亿元，同比增长6.2%。", []float64{2.1864e11}, true},
		{"其中，全省普通国省道完成投资1\n642亿元，占比过半。", []float64{1.642e11}, true},
		{"今年全市新改建农村公路1\n235公里，完成年度任务。", []float64{1235}, true},
		{"全年累计争取中央车购税补助资金3\n450万元，用于国道改建。", []float64{3.45e7}, true},
		{"全年完成普通公路养护工程投资12\n860万元，同比持平。", []float64{1.286e8}, true},
		// a decimal broken among its decimals
		{"该项目全线按一级公路标准新建路段16.8\n2公里，利用老路改造21.6公里。", []float64{16.82, 21.6}, true},
		{"今年全县农村公路完成投资3.4\n5亿元，同比增长8%。", []float64{3.45e8}, true},
		{"项目审批办理时间由平均12.5\n0个工作日压缩至4个工作日。", []float64{68}, true},
		{"全年新建农村公路共计128.3\n6公里，超额完成任务。", []float64{128.36}, true},
		{"累计争取车购税补助资金2.1\n8亿元，全部用于国省干线。", []float64{2.18e8}, true},
		// breaks that end a line of its own stay: a short line, a list
		// item, a page number, a list of years
		{"新建农村公路12\n公里", nil, false},
		{"全年新建农村公路共计十二公里，其中\n1.县道改建5公里", []float64{12, 5}, false},
		{"第3页\n12公里以外的路段另行招标", nil, false},
		{"本年度完成的重点项目清单如下：2023\n2024年计划投资3亿元", []float64{3e8}, false},
	} {
		figs := set.Extract(tc.text)
		var got []float64
		for _, f := range figs {
			got = append(got, f.Value)
			if f.Start < 0 || f.End > len(tc.text) || f.Start >= f.End {
				t.Fatalf("%q: span [%d,%d) outside the text", tc.text, f.Start, f.End)
			}
		}
		if !sameValues(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
			continue
		}
		if !tc.joined {
			continue
		}
		flat := strings.NewReplacer("\r\n", "", "\n", "").Replace(tc.text)
		ref := set.Extract(flat)
		for i, f := range figs {
			g := tc.text[f.Start:f.End]
			if !strings.ContainsAny(g, "\n") && i == 0 {
				t.Errorf("%q: span %q does not hold the break", tc.text, g)
			}
			if w := flat[ref[i].Start:ref[i].End]; strings.NewReplacer("\r\n", "", "\n", "").Replace(g) != w {
				t.Errorf("%q: span %q, want %q with the break", tc.text, g, w)
			}
		}
	}
}

func sameValues(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		d := got[i] - want[i]
		if d < 0 {
			d = -d
		}
		if d > 1e-3*max(1, want[i]) {
			return false
		}
	}
	return true
}

// dewrap removes only the breaks it judges inside figures, and rewrap maps
// every byte of the dewrapped text back to the same byte of the text.
func TestDewrapMapsBack(t *testing.T) {
	text := "全县农村公路建设完成投资18.97\r\n亿元，完成改造任务共计三十\n公里。\n短行\n12公里"
	flat, cut := dewrap(text)
	if want := strings.Replace(text, "18.97\r\n亿元", "18.97亿元", 1); flat != want {
		t.Fatalf("dewrap: %q, want %q", flat, want)
	}
	for p := 0; p < len(flat); p++ {
		f := []Figure{{Start: p, End: p + 1}}
		rewrap(f, text, flat, cut)
		if text[f[0].Start] != flat[p] {
			t.Fatalf("byte %d of the dewrapped text maps to %d, which holds %q, not %q", p, f[0].Start, text[f[0].Start], flat[p])
		}
	}
}

// FuzzDewrap: for any text, every byte of the dewrapped text maps back to
// the same byte of the text, and only line breaks (and the \r before one)
// are removed.
func FuzzDewrap(f *testing.F) {
	for _, s := range []string{"完成投资超过26.19\n亿元", "由120\r\n个工作日", "缩短到\n36天", "\n\n1\n2", "", "\xff\n\xfe亿", "全县农村公路建设累计完成12\n\n公里"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		flat, cut := dewrap(text)
		if len(flat)+len(cut) != len(text) {
			t.Fatalf("%d bytes kept and %d cut of %d", len(flat), len(cut), len(text))
		}
		for _, k := range cut {
			if text[k] != '\n' && text[k] != '\r' {
				t.Fatalf("cut byte %d is %q", k, text[k])
			}
		}
		for p := 0; p < len(flat); p++ {
			fs := []Figure{{Start: p, End: p + 1}}
			rewrap(fs, text, flat, cut)
			if text[fs[0].Start] != flat[p] {
				t.Fatalf("byte %d maps to %d", p, fs[0].Start)
			}
		}
	})
}

// TestDecimalAtHardWrap: a line of a hard-wrapped text that starts with a
// decimal number (18.6亿元) goes on the sentence before it, as a whole
// number does; "1." before Han starts a list item. A break inside the
// decimal (132. | 6公里) is read over too.
func TestDecimalAtHardWrap(t *testing.T) {
	set := newSet(t)
	for _, tc := range []struct {
		text string
		want []float64
	}{
		{"今年以来累计完成公路建设投资超过二十亿元，其中农村公路完成投资\n12.35亿元，占比过半。", []float64{2e9, 1.235e9}},
		{"上级下达的车购税补助资金共计\n8.75亿元，已全部拨付到位。", []float64{8.75e8}},
		{"项目审批时限由原来的平均\n45.5个工作日压减至20个工作日。", []float64{56.044}},
		{"全县今年累计新改建农村公路132.\n6公里，实施安防工程96.3公里。", []float64{132.6, 96.3}},
		{"全年争取中央和省级补助资金4.\n28亿元，同比增长一成。", []float64{4.28e8}},
		{"全年新建农村公路共计十二公里，其中\n1.县道改建5公里", []float64{12, 5}},
	} {
		var got []float64
		for _, f := range set.Extract(tc.text) {
			got = append(got, f.Value)
		}
		if !sameValues(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// BenchmarkDewrap looks for hard-wrap breaks at every line break of the
// test corpus as one text.
func BenchmarkDewrap(b *testing.B) {
	text := longText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_, _ = dewrap(text)
	}
}

// FuzzDigitNextTo: every break figureBreakAt takes has a digit or a point
// next to it, so figureBreak may ask digitNextTo first.
func FuzzDigitNextTo(f *testing.F) {
	for _, s := range [][2]string{{"完成投资超过26.19", "亿元"}, {"由120", "个工作日"}, {"缩短到", "36天"}, {"投资2", "186.4亿元"}, {"共132.", "6公里"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, line, rest string) {
		if figureBreakAt(line, rest) && !digitNextTo(line, rest) {
			t.Fatalf("figureBreakAt(%q, %q) with no digit next to the break", line, rest)
		}
	})
}
