package cue

import (
	"strings"
	"testing"
	"unicode"
)

func TestMarker(t *testing.T) {
	tests := []struct{ line, want string }{
		{"相关推荐", Related},
		{"相关文章推荐", Related},
		{"评论列表", Comments},
		{"暂无评论,快抢沙发吧~", Comments},
		{"你 发表评论:", Comments},
		{"跟贴 0 参与 0", Comments},
		{"评论（0）", Comments},
		{"分享到：微信 微博", Share},
		{"扫一扫在手机打开当前页", Share},
		{"推荐99", Share},
		{"（责任编辑：李英豪）", Editor},
		{"版权所有：威海市交通运输局", Copyright},
		{"鲁ICP备05010000号", Copyright},
		{"打印字体：放大正常缩小", Navigation},
		{"【打印本页】【关闭窗口】", Navigation},
		{"当前位置：首页 > 新闻中心", Navigation},
		{"正文", Navigation},
		{"网友提问", Comments},
		// Article text is never a marker.
		{"文章提到相关推荐机制，要求各单位认真落实，确保工作取得实效，群众满意度持续提升。", ""},
		{"夯实党建工作基础", ""},
		{"一、案例背景", ""},
		{"中国人", ""},
		{"延伸·推荐", Related},
		{"为你推荐", Related},
		{"相关资讯请关注：某某水运网港口频道", Related},
		{"+关注", Share},
		{"举报/反馈", Share},
		{"用户登录", Navigation},
		{"加载中...", Navigation},
		{"- THE END -", Notice},
		{"—END—", Notice},
		{"特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台用户上传并发布，本平台仅提供信息存储服务。", Notice},
		{"免责声明：本文内容与数据仅供参考，不构成投资建议，使用前请核实。据此操作，风险自担。", Notice},
		{"声明：如有版权问题，请作者在一个月内与本网联系。", Notice},
		{"转载请注明出处，如有侵权请联系删除。", Notice},
		{"1/10", Counter},
		{"0:00 / 1:25", Counter},
		// Text that only mentions these words stays.
		{"（完）", ""},
		{"该公司发表声明称，将依法追究相关人员的责任，并向消费者致歉。", ""},
		{"2024-12-16", ""},
		{"2019\t12.5", ""},
		{"1", ""},
	}
	for _, tc := range tests {
		if got := Marker(tc.line); got != tc.want {
			t.Errorf("Marker(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"山东省交通运输厅 · 公众号 · 山东 · 2024-12-16 20:10", "2024-12-16T20:10:00+08:00"},
		{"2024年12月16日 20:10", "2024-12-16T20:10:00+08:00"},
		{"2024年12月16日20时10分", "2024-12-16T20:10:00+08:00"},
		{"发布日期：2024/12/17", "2024-12-17T00:00:00+08:00"},
		{"2024.12.16", "2024-12-16T00:00:00+08:00"},
		{"2020-10-15T10:00:00+08:00", "2020-10-15T10:00:00+08:00"},
		{"2019-11-25T08:04:30Z", "2019-11-25T08:04:30Z"},
		{"2019-09-09 21:38:04", "2019-09-09T21:38:04+08:00"},
		{"2024-02-30", ""},
		{"12024-12-16", ""},
		{"编号12024-12-16，发布于2024-12-17", "2024-12-17T00:00:00+08:00"},
		{"2024-13-01 至 2024-12-31", "2024-12-31T00:00:00+08:00"},
		{"第1920192号 2019年5月1日", "2019-05-01T00:00:00+08:00"},
		{"共12.5亿元", ""},
		{"1-10月", ""},
	}
	for _, tc := range tests {
		got, _ := ParseDate(tc.in)
		if got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		pub, at string
	}{
		{"山东省交通运输厅  · 公众号  · 山东  · 2024-12-16 20:10", true, "山东省交通运输厅", "2024-12-16T20:10:00+08:00"},
		{"发布时间：2020-10-15 09:32  来源：齐鲁晚报  浏览次数：1268", true, "齐鲁晚报", "2020-10-15T09:32:00+08:00"},
		{"齐鲁晚报·齐鲁壹点记者 刘宁 李英豪", true, "齐鲁晚报·齐鲁壹点", ""},
		{"2024年9月30日，文莱高速正式建成通车，比计划建成时间整整提前。", false, "", ""},
		{"夯实党建工作基础", false, "", ""},
		{"来源：某某日报2021-11-08 09:41", true, "某某日报", "2021-11-08T09:41:00+08:00"},
		{"（文章来源：某某证券报）", true, "某某证券报", ""},
		{"发布机构：\t某某区交通运输局", true, "某某区交通运输局", ""},
		{"2023年4月28日，市交通运输局发布五一假期出行提示：", false, "", ""},
		{"2019年9月7日上午，记者从市交通运输局获悉：", false, "", ""},
		{"（2019年7月25日某某省第十三届人民代表大会常务委员会第十二次会议通过）", false, "", ""},
		{"（2019-09-07 10:00 来源：人民网）", true, "人民网", "2019-09-07T10:00:00+08:00"},
	}
	for _, tc := range tests {
		b, ok := ParseByline(tc.in)
		if ok != tc.ok || b.Publisher != tc.pub || b.PublishedAt != tc.at {
			t.Errorf("ParseByline(%q) = %+v, %v; want %q %q %v", tc.in, b, ok, tc.pub, tc.at, tc.ok)
		}
	}
}

func TestNumbered(t *testing.T) {
	for _, s := range []string{"一、指导思想", "（一）共性任务", "(二)服务水平", "1.实施主体", "2、实施时间", "①以政治建设为统领", "第一章 总则"} {
		if !Numbered(s) {
			t.Errorf("Numbered(%q) = false", s)
		}
	}
	for _, s := range []string{"作两者相互影响", "今年以来", "一定要"} {
		if Numbered(s) {
			t.Errorf("Numbered(%q) = true", s)
		}
	}
}

func TestRelativeTimeAndBreadcrumb(t *testing.T) {
	if !RelativeTime("山东省交通运输厅  ·  青岛 | ... ·  13 小时前  ") {
		t.Error("relative time not found")
	}
	if RelativeTime("三天前我们完成了验收") {
		t.Error("relative time inside prose")
	}
	if !Breadcrumb("51好读  ›  专栏  ›  山东省交通运输厅") || !Breadcrumb("首页 > 新闻中心 > 工作动态") {
		t.Error("breadcrumb not found")
	}
	if Breadcrumb("投资增长>10%，收入增长>5%。") {
		t.Error("prose taken for a breadcrumb")
	}
}

// refMeasure is Measure as first written, ranging over the string; the
// inline decoder must agree with it on any input.
func refMeasure(s string) Stats {
	var st Stats
	for _, r := range s {
		if r < 0x80 {
			switch r {
			case ' ', '\t', '\n', '\r', '\v', '\f':
				continue
			case '!', '?':
				st.Punct++
				st.Stops++
			case ',', ';':
				st.Punct++
				st.Comma++
			}
			st.Runes++
			continue
		}
		switch {
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf, r >= 0x20000 && r <= 0x2ffff:
			st.Han++
		case r == '。' || r == '！' || r == '？':
			st.Punct++
			st.Stops++
		case r == '，' || r == '、' || r == '；':
			st.Punct++
			st.Comma++
		case r == '：':
			st.Punct++
		case IsSpace(r):
			continue
		}
		st.Runes++
	}
	return st
}

func FuzzMeasure(f *testing.F) {
	for _, s := range []string{"", "总投资约390亿元。", "a, b; c!", "\xe4\xb8", "\xed\xa0\x80后", "𠀀，　\u00a0x", "\xef\xbc\x8c\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Measure(s), refMeasure(s); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// TestIsSpaceEveryRune checks the hand-written White_Space list and the
// Han fast path against the unicode package for every code point.
func TestIsSpaceEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
		if got := IsSpace(r); got != want {
			t.Errorf("IsSpace(%U) = %v, want %v", r, got, want)
		}
		if got, want := IsHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Errorf("IsHan(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestMeasureEveryRune holds Measure's byte-level fast paths to refMeasure
// for every code point and for every two-byte start of a multi-byte
// sequence followed by a continuation byte or not.
func TestMeasureEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "，"
		if got, want := Measure(s), refMeasure(s); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", s, got, want)
		}
	}
	for c := 0xc0; c <= 0xff; c++ {
		for b1 := 0; b1 <= 0xff; b1++ {
			for _, b2 := range []byte{0x00, 0x80, 0xbf, 0xc0} {
				for _, s := range []string{string([]byte{byte(c), byte(b1)}), string([]byte{byte(c), byte(b1), b2}), string([]byte{byte(c), byte(b1), b2, 0x80, '!'})} {
					if got, want := Measure(s), refMeasure(s); got != want {
						t.Fatalf("Measure(%q) = %+v, want %+v", s, got, want)
					}
				}
			}
		}
	}
}

// TestMeasureRunBytes holds Measure and RuneLen to refMeasure on runs of
// ideographs long enough for hanRun to read them two at a time, with each
// byte of the run in turn changed to bytes at the edges of what an
// ideograph's bytes may be.
func TestMeasureRunBytes(t *testing.T) {
	run := []byte("中文一鿿字䷿词语句子标点")
	for _, lead := range []string{"", "a", "，", "\u3000"} {
		for p := range run {
			for _, b := range []byte{0x00, 0x20, 0x7f, 0x80, 0xb7, 0xb8, 0xbf, 0xc0, 0xe3, 0xe4, 0xe5, 0xe9, 0xea, 0xed, 0xff} {
				r := append([]byte(lead), run...)
				r[len(lead)+p] = b
				s := string(r)
				want := refMeasure(s)
				if got := Measure(s); got != want {
					t.Fatalf("Measure(%q) = %+v, want %+v", s, got, want)
				}
				if got := RuneLen(s); got != want.Runes {
					t.Fatalf("RuneLen(%q) = %d, want %d", s, got, want.Runes)
				}
			}
		}
	}
}

func TestTrim(t *testing.T) {
	for _, s := range []string{
		"", " ", "\u3000\u00a0", "  中文  ", "\u3000全角\u3000", "\xff x \xff", " \xe3\x80", "\xe3\x80 ", "x\xe3\x80 ",
		"\u200b零宽\u200b", "\t\n\r\v\f a \u2028\u205f", "\u0085x\u0085", "a", "\xc2 \xc2\x85", "\xe2\x80\xa8\xe2\x80",
		// Three-byte forms that are no character (surrogate, overlong) or
		// cut short, at either end, next to U+3000.
		"\xed\xa0\x80\u3000", "\u3000\xed\xa0\x80", "\xe0\x80\x80\u3000x\u3000\xe0\x80\x80", "\x80\x80\u3000", "\u3000\xe3\x80\x80\x80",
	} {
		if got, want := Trim(s), strings.TrimFunc(s, IsSpace); got != want {
			t.Errorf("Trim(%q) = %q, want %q", s, got, want)
		}
	}
	// Every code point between two letters and at both ends.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r) + "a" + string(r) + "b" + string(r)
		if got, want := Trim(s), strings.TrimFunc(s, IsSpace); got != want {
			t.Fatalf("Trim(%q) = %q, want %q", s, got, want)
		}
	}
}

// sectionLines are lines built from every marker, contained cue and
// counter word, bare and with the decoration, counts and text Marker
// looks through.
func sectionLines() []string {
	var words []string
	for _, list := range [][]marker{markers, contained} {
		for _, m := range list {
			words = append(words, m.word)
		}
	}
	for w := range counters {
		words = append(words, w)
	}
	var lines []string
	for _, w := range words {
		r := []rune(w)
		dotted := string(r[:1]) + "·" + string(r[1:])
		for _, f := range []string{"%s", "【%s】", "%s：", " %s 12", "%s（0）", "%s99", "· %s ·", "%s：某某网站", "关于%s的说明",
			"各地%s，要求认真落实，确保工作取得实效。", "%s 首页 > 新闻", "- %s -"} {
			lines = append(lines, strings.ReplaceAll(f, "%s", w), strings.ReplaceAll(f, "%s", dotted))
		}
	}
	return lines
}

func TestSectionMarker(t *testing.T) {
	lines := sectionLines()
	for _, l := range []string{"相关推荐", "延伸·推荐", "分享到：微信 微博", "正文", "1/10", "- THE END -", "", "中国人"} {
		lines = append(lines, l)
	}
	named := 0
	for _, l := range lines {
		want := Marker(l)
		if want != Related && want != Comments && want != Share {
			want = ""
		} else {
			named++
		}
		if got := SectionMarker(l); got != want {
			t.Errorf("SectionMarker(%q) = %q, want %q", l, got, want)
		}
	}
	if named < 100 {
		t.Errorf("only %d of %d lines are section markers: the lines do not exercise the word set", named, len(lines))
	}
}

func FuzzSectionMarker(f *testing.F) {
	for _, l := range sectionLines()[:40] {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		want := Marker(l)
		if want != Related && want != Comments && want != Share {
			want = ""
		}
		if got := SectionMarker(l); got != want {
			t.Fatalf("SectionMarker(%q) = %q, want %q", l, got, want)
		}
	})
}

// FuzzOverBylineSize holds ParseByline's early exit to the Measure test
// it stands before.
func FuzzOverBylineSize(f *testing.F) {
	long := strings.Repeat("交通运输", 30)
	for _, s := range []string{"", "来源：新华社 2024-01-02", long, long + "。", "。" + long, strings.Repeat("a ", 101),
		strings.Repeat("路", 100), strings.Repeat("路", 101), strings.Repeat("路\u3000", 101), strings.Repeat("\xe4", 150),
		strings.Repeat("x", 99) + "!", strings.Repeat("道", 40) + "？", strings.Repeat("道", 140), strings.Repeat("道 ", 101) + "。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st := Measure(s)
		if got, want := overBylineSize(s), st.Runes > 100 || st.Stops > 0; got && !want || !got && want && len(s) > overBylineScan {
			t.Fatalf("overBylineSize(%q) = %v, Measure gives %+v", s, got, st)
		}
	})
}

// TestRuneLenMax checks the bounded count against the count of every
// non-space rune (range decodes an invalid byte as one U+FFFD).
func TestRuneLenMax(t *testing.T) {
	for _, s := range []string{"", "  ", "相关推荐", " 相 关\u3000推荐 ", "abc def", "\xe4\xb8", "\xed\xa0\x80后", "𠀀，\u00a0x\xff", strings.Repeat("新闻 ", 20),
		strings.Repeat("一二三四五", 9) + "\xe4\xb8" + "丁", "丁\xe4\xb8\xb7丁\xe4\xb7\xbf丁\xea\x80\x80"} {
		all := 0
		for _, r := range s {
			if !IsSpace(r) {
				all++
			}
		}
		for limit := 0; limit <= 45; limit++ {
			if got, want := RuneLenMax(s, limit), min(all, limit+1); got != want {
				t.Errorf("RuneLenMax(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// refBreadcrumb and refRelativeTime are Breadcrumb and RelativeTime as
// they were before their one-pass filters.
func refBreadcrumb(s string) bool {
	for _, sep := range []string{"›", "»", ">", "＞", "→"} {
		if n := strings.Count(s, sep); n < 2 && !(n == 1 && strings.Contains(s, "首页")) {
			continue
		}
		ok := true
		for _, p := range strings.Split(s, sep) {
			if st := Measure(p); st.Runes > 24 || st.Stops > 0 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func refRelativeTime(s string) bool {
	s = Trim(s)
	for _, w := range []string{"分钟前", "小时前", "天前", "周前", "个月前", "秒前"} {
		if !strings.HasSuffix(s, w) {
			continue
		}
		j := len(s) - len(w)
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			return true
		}
	}
	return false
}

func checkFilters(t *testing.T, s string) {
	if got, want := Breadcrumb(s), refBreadcrumb(s); got != want {
		t.Errorf("Breadcrumb(%q) = %v, want %v", s, got, want)
	}
	if got, want := RelativeTime(s), refRelativeTime(s); got != want {
		t.Errorf("RelativeTime(%q) = %v, want %v", s, got, want)
	}
}

func TestBreadcrumbRelativeTimeFilters(t *testing.T) {
	for _, s := range []string{
		"", ">", ">>", "a>b>c", "首页>新闻", "首页 › 新闻", "a›b", "a›b›c", "a»b»c", "\xc2»»", "a＞b＞c", "a→b→c", "首页→正文",
		"›»>＞→", "\xe2\x80", "\xe2\x80\xba", "\xef\xbc", "投资增长>10%，收入增长>5%。", "首页 > " + strings.Repeat("很长的栏目名称", 5) + " > 正文",
		"13 小时前", "13小时前  ", "三天前", "5 分钟前", "2个月前", "秒前", "9秒前", "\u3000 3天前\u3000", "前", "1 周前x",
	} {
		checkFilters(t, s)
	}
}

func FuzzBreadcrumbRelativeTime(f *testing.F) {
	for _, s := range []string{"首页 > 新闻 > 正文", "a›b›c", "13 小时前", "a＞b→c»d"} {
		f.Add(s)
	}
	f.Fuzz(checkFilters)
}

// FuzzMarkerOf holds MarkerOf, which takes the line's counts from its
// caller, to Marker.
func FuzzMarkerOf(f *testing.F) {
	for _, s := range []string{"", "相关推荐", "【相关阅读】", "责任编辑：张三", "分享到：", "首页·新闻", "  扫一扫  ",
		"这是一段正文，很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。", "阅读 1234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := MarkerOf(line, Measure(line)), Marker(line); got != want {
			t.Errorf("MarkerOf(%q) = %q, Marker gives %q", line, got, want)
		}
	})
}

// TestBylineMemo holds the memo to ParseByline over more lines than it
// keeps, each asked again at once and after the memo has moved on, and with
// equal lines that are different strings.
func TestBylineMemo(t *testing.T) {
	lines := []string{
		"2024-12-16 20:10 来源：新华社", "来源：人民网-文化频道 原创稿", "齐鲁晚报·齐鲁壹点记者 刘宁",
		"山东省交通运输厅 · 公众号 · 山东 · 2024-12-16 20:10", "这是一句正文，不是署名。", "",
		"发布时间：2024-12-16 20:10 浏览次数：12", "标题", "2019年9月7日", "作者：张三",
	}
	for i := range 12 { // more lines than the memo keeps
		lines = append(lines, strings.Repeat("新", i+1)+" 2020-01-02")
	}
	var m BylineMemo
	var nilMemo *BylineMemo
	for round := range 3 {
		for _, l := range lines {
			want, wantOK := ParseByline(l)
			asks := []string{l, strings.Clone(l)}
			for _, a := range asks {
				if got, ok := m.Parse(a); got != want || ok != wantOK {
					t.Errorf("round %d: Parse(%q) = %+v %v, want %+v %v", round, a, got, ok, want, wantOK)
				}
			}
			if got, ok := nilMemo.Parse(l); got != want || ok != wantOK {
				t.Errorf("nil memo: Parse(%q) = %+v %v, want %+v %v", l, got, ok, want, wantOK)
			}
		}
	}
	if b, ok := m.Parse(lines[0]); !ok || b.PublishedAt == "" {
		t.Fatalf("Parse(%q) = %+v %v: the case lost its date", lines[0], b, ok)
	}
	m.Reset()
	for _, e := range m.entries {
		if e.in || e.line != "" {
			t.Fatalf("Reset kept %q", e.line)
		}
	}
}
