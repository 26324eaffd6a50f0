// Package cue holds the textual cues of Chinese page chrome that both the
// HTML extractor (htmltext) and the plain-text cleaner (chrome) rely on:
// marker lines such as 相关推荐 or 责任编辑, relative times of related-article
// lists, byline dates and publishers, and rune statistics of a line.
//
// Nothing here is site-specific: the cues are the words Chinese sites use
// for their own widgets.
package cue

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stats counts what a line is made of.
type Stats struct {
	Runes int // non-space runes
	Han   int // Han ideographs
	Punct int // sentence punctuation (，。、；：！？ and ASCII ,;!?)
	Stops int // sentence-final punctuation (。！？ and ASCII !?)
	Comma int // clause punctuation (，、；,;), not colons, which titles use
}

// Measure returns the Stats of s. It is on the hot path of chrome (every
// line) and of htmltext (every text node), so the common cases come first.
func Measure(s string) Stats {
	var st Stats
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch c {
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
		var r rune
		// Chinese text is mostly three-byte characters: decode them inline
		// (range's decoder call was most of the function's time), and take
		// the unified ideographs (U+4E00-U+9FFF: lead byte E4 with a second
		// byte from B8, or E5-E9) from their bytes alone.
		if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			if c >= 0xe5 && c <= 0xe9 || c == 0xe4 && s[i+1] >= 0xb8 {
				// The ideographs that follow are counted in a loop of
				// their own: a run of them is most of Chinese text.
				n := hanRun(s, i+3)
				st.Han += 1 + n
				st.Runes += 1 + n
				i += 3 * (1 + n)
				continue
			}
			r = rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		switch {
		case r >= 0x3400 && r <= 0x4dbf, r >= 0x20000 && r <= 0x2ffff:
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

// hanRun counts the unified ideographs (U+4E00-U+9FFF) starting at i, one
// after another.
func hanRun(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	// t shrinks from the front, so that len(t) >= 3 proves the three
	// reads in bounds: with s[i+2] the compiler checked each one.
	t := s[i:]
	n := 0
	// Two characters at a time while eight bytes are left: one load, and
	// one test of their four continuation bytes. The loop below takes the
	// rest, and the first character of a pair that fails.
	for len(t) >= 8 {
		v := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if v&0x0000c0c000c0c000 != 0x0000808000808000 || !hanLead(byte(v), byte(v>>8)) || !hanLead(byte(v>>24), byte(v>>32)) {
			break
		}
		n += 2
		t = t[6:]
	}
	for len(t) >= 3 {
		if c1, c2 := t[1], t[2]; !hanLead(t[0], c1) || c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
			break
		}
		n++
		t = t[3:]
	}
	return n
}

// hanLead reports the first two bytes of a unified ideograph's three.
func hanLead(c, c1 byte) bool {
	// c-0xe5 <= 4 is 0xe5 <= c <= 0xe9 (byte arithmetic wraps).
	return c-0xe5 <= 4 || c == 0xe4 && c1 >= 0xb8
}

// IsSpace reports white space, including the ideographic space and NBSP
// that Chinese pages use for indentation.
// It is called for every character of every page, so it tests the
// Unicode White_Space list itself instead of unicode.IsSpace's table search.
func IsSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// Trim trims IsSpace runes from both ends. It is strings.TrimFunc(s,
// IsSpace) without a call through a function value for every rune: it
// trims every text node and line.
func Trim(s string) string {
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			// A three-byte character (most of Chinese text, and U+3000)
			// is decoded inline, as Measure does; the rest by the decoder.
			if c := s[0]; c >= 0xe1 && c <= 0xef && c != 0xed && len(s) >= 3 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 {
				r, n = rune(c&0x0f)<<12|rune(s[1]&0x3f)<<6|rune(s[2]&0x3f), 3
			} else {
				r, n = utf8.DecodeRuneInString(s)
			}
		}
		if !IsSpace(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			// Two continuation bytes after such a first byte are the last
			// character, which DecodeLastRuneInString would decode.
			if k := len(s) - 3; k >= 0 && s[k] >= 0xe1 && s[k] <= 0xef && s[k] != 0xed && s[k+1]&0xc0 == 0x80 && s[k+2]&0xc0 == 0x80 {
				r, n = rune(s[k]&0x0f)<<12|rune(s[k+1]&0x3f)<<6|rune(s[k+2]&0x3f), 3
			} else {
				r, n = utf8.DecodeLastRuneInString(s)
			}
		}
		if !IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// RuneLen counts the non-space runes of s.
func RuneLen(s string) int { return runeLen(s, len(s)) }

// RuneLenMax is RuneLen that stops counting once the count passes limit:
// it returns limit+1 for a longer s.
func RuneLenMax(s string, limit int) int { return runeLen(s, limit) }

// runeLen counts the non-space runes of s, stopping once the count
// passes limit (callers that compare with a bound need not read a long
// line to its end). Like Measure, it decodes three-byte characters inline.
func runeLen(s string, limit int) int {
	n := 0
	for i := 0; i < len(s) && n <= limit; {
		c := s[i]
		if c < 0x80 {
			if c != ' ' && (c < '\t' || c > '\r') {
				n++
			}
			i++
			continue
		}
		if k := hanRun(s, i); k > 0 { // ideographs: no space among them
			n += k
			i += 3 * k
			continue
		}
		var r rune
		if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			r = rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			i += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if !IsSpace(r) {
			n++
		}
	}
	return min(n, limit+1) // a run may have counted past the limit
}

// IsHan reports a Han ideograph.
func IsHan(r rune) bool {
	// The common cases first: the unified ideographs, and everything below
	// the first Han block (radicals at U+2E80).
	if r >= 0x4e00 && r <= 0x9fff {
		return true
	}
	if r < 0x2e80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// Prose reports whether a line reads as article prose rather than a label
// or a headline: long enough and punctuated like sentences (a headline may
// have ！ and ？ but rarely both a clause break and a full stop).
func Prose(s string) bool { return Measure(s).Prose() }

// Prose is Prose of the text st measures: callers that measured a line
// already need not read it again.
func (st Stats) Prose() bool {
	return st.Runes >= 40 && st.Punct >= 2 && st.Comma >= 1 || st.Runes >= 20 && st.Stops >= 1 && st.Comma >= 1
}

// Marker kinds, used as edit reasons.
const (
	Navigation = "navigation"
	Related    = "related articles"
	Comments   = "comment widget"
	Share      = "share bar"
	Copyright  = "copyright notice"
	Editor     = "editor credit"
	BylineLine = "byline"
	// Notice: a disclaimer, reprint or infringement notice, or an end mark
	// (特别声明, 转载请注明, - THE END -).
	Notice = "notice"
	// Counter: a line of numbers only, such as a view count or "1/10".
	Counter = "counter"
)

type marker struct {
	word   string
	kind   string
	prefix bool // the line may continue after the word (e.g. 责任编辑：张三)
	max    int  // longest line (in non-space runes) the marker may head
}

// markers are the chrome labels. Exact ones must be the whole line (after
// trimming colons and brackets); prefix ones may head a short line.
var markers = []marker{
	{"目录", Navigation, false, 0},
	{"用户登录", Navigation, true, 20},
	{"会员登录", Navigation, true, 20},
	{"加载中", Navigation, true, 12},
	{"正在加载", Navigation, true, 12},
	{"举报", Share, true, 8},
	{"正文", Navigation, false, 0},
	{"首页", Navigation, false, 0},
	{"返回顶部", Navigation, false, 0},
	{"返回首页", Navigation, false, 0},
	{"返回列表", Navigation, false, 0},
	{"打印本页", Navigation, true, 20},
	{"关闭窗口", Navigation, true, 20},
	{"【打印】", Navigation, true, 30},
	{"【关闭】", Navigation, true, 30},
	{"[打印]", Navigation, true, 30},
	{"当前位置", Navigation, true, 60},
	{"您的位置", Navigation, true, 60},
	{"你的位置", Navigation, true, 60},
	{"所在位置", Navigation, true, 60},
	{"专栏名称", Navigation, true, 40},
	{"上一篇", Navigation, true, 60},
	{"下一篇", Related, true, 60},
	{"阅读下一篇", Related, true, 60},
	{"正文已结束", Navigation, true, 40},
	{"关注", Share, false, 0},
	{"字号", Navigation, true, 20},
	{"阅读原文", Navigation, false, 0},
	{"阅读全文", Navigation, false, 0},
	{"点击展开全文", Navigation, false, 0},
	{"展开全文", Navigation, false, 0},
	{"相关推荐", Related, true, 12},
	{"相关阅读", Related, true, 12},
	{"相关新闻", Related, true, 12},
	{"相关文章", Related, true, 12},
	{"相关链接", Related, true, 12},
	{"推荐阅读", Related, true, 12},
	{"延伸阅读", Related, true, 12},
	{"猜你喜欢", Related, true, 12},
	{"热门推荐", Related, true, 12},
	{"热点推荐", Related, true, 12},
	{"精彩推荐", Related, true, 12},
	{"为您推荐", Related, true, 12},
	{"为你推荐", Related, true, 12},
	{"延伸推荐", Related, true, 12},
	{"相关资讯", Related, true, 30},
	{"更多阅读", Related, true, 12},
	{"更多精彩", Related, true, 12},
	{"热门文章", Related, true, 12},
	{"热门新闻", Related, true, 12},
	{"热点新闻", Related, true, 12},
	{"今日推荐", Related, true, 12},
	{"排行榜", Related, true, 12},
	{"跟贴", Comments, true, 30},
	{"跟帖", Comments, true, 30},
	{"热门跟贴", Comments, true, 30},
	{"热门跟帖", Comments, true, 30},
	{"最新跟贴", Comments, true, 30},
	{"最新跟帖", Comments, true, 30},
	{"评论列表", Comments, true, 20},
	{"网友评论", Comments, true, 20},
	{"热门评论", Comments, true, 20},
	{"最新评论", Comments, true, 20},
	{"全部评论", Comments, true, 20},
	{"暂无评论", Comments, true, 30},
	{"发表评论", Comments, true, 20},
	{"我要评论", Comments, true, 20},
	{"查看评论", Comments, true, 20},
	{"评论", Comments, false, 0},
	{"网友提问", Comments, true, 30},
	{"我要跟帖", Comments, true, 20},
	{"我要跟贴", Comments, true, 20},
	{"已输入", Comments, true, 12},
	{"文明上网", Comments, true, 40},
	{"登录后", Comments, true, 30},
	{"分享到", Share, true, 30},
	{"分享至", Share, true, 30},
	{"扫一扫", Share, true, 30},
	{"微信扫一扫", Share, true, 30},
	{"扫描二维码", Share, true, 30},
	{"手机扫描", Share, true, 30},
	{"点赞", Share, false, 0},
	{"在看", Share, false, 0},
	{"收藏", Share, false, 0},
	{"分享", Share, false, 0},
	{"版权所有", Copyright, true, 120},
	{"Copyright", Copyright, true, 120},
	{"copyright", Copyright, true, 120},
	{"COPYRIGHT", Copyright, true, 120},
	{"©", Copyright, true, 120},
	{"主办单位", Copyright, true, 80},
	{"网站标识码", Copyright, true, 60},
	{"责任编辑", Editor, true, 30},
	{"责编", Editor, true, 30},
	{"编辑：", Editor, true, 20},
	{"编辑:", Editor, true, 20},
	{"审核：", Editor, true, 20},
	{"校对：", Editor, true, 20},
}

// contained cues mark a short line wherever they occur in it.
var contained = []marker{
	{"版权所有", Copyright, true, 120},
	{"ICP备", Copyright, true, 120},
	{"ICP证", Copyright, true, 120},
	{"公网安备", Copyright, true, 120},
	{"不良信息举报", Copyright, true, 80},
	{"扫一扫", Share, true, 30},
	{"暂无评论", Comments, true, 30},
	{"发表评论", Comments, true, 20},
	{"责任编辑", Editor, true, 30},
	{"快抢沙发", Comments, true, 30},
	{"二维码", Share, true, 60},
	{"公众号", Share, true, 10},
}

// markersByPair indexes markers by their first two bytes.
var markersByPair = func() map[string][]int {
	m := map[string][]int{}
	for i, mk := range markers {
		if len(mk.word) < 2 {
			panic("cue: a marker needs two bytes: " + mk.word)
		}
		m[mk.word[:2]] = append(m[mk.word[:2]], i)
	}
	return m
}()

var containedSet = newWordSet(func() []string {
	w := make([]string, len(contained))
	for i, m := range contained {
		w[i] = m.word
	}
	return w
}())

// counters are widget words that may carry a count: 推荐99, 评论（0）, 点赞 12.
var counters = map[string]string{"推荐": Share, "点赞": Share, "赞": Share, "在看": Share, "收藏": Share,
	"分享": Share, "转发": Share, "举报": Share, "评论": Comments, "跟贴": Comments,
	"微博": Share, "微信": Share, "Qzone": Share, "QQ空间": Share, "QQ": Share, "朋友圈": Share, "豆瓣": Share, "跟帖": Comments, "阅读": Share, "阅读数": Share}

// utility words are page tools: 打印 关闭 字体 放大 缩小 ...
var utility = []string{"打印本页", "关闭窗口", "返回顶部", "打印", "关闭", "收藏", "分享", "返回", "字号", "字体",
	"放大", "正常", "缩小", "默认", "保存", "纠错", "本页", "窗口", "调整", "大", "中", "小"}

// toolsOnly reports a line made only of page-tool words and decoration,
// such as "打印关闭" or "打印字体：放大正常缩小".
func toolsOnly(s string) bool {
	if len(s) > 120 || !(strings.Contains(s, "打印") || strings.Contains(s, "关闭") || strings.Contains(s, "字号") ||
		strings.Contains(s, "字体") || strings.Contains(s, "返回") || strings.Contains(s, "放大")) || RuneLen(s) > 30 {
		return false
	}
	for _, w := range utility {
		s = strings.ReplaceAll(s, w, "")
	}
	return stripLabel(strings.Map(func(r rune) rune {
		if strings.ContainsRune("【】[]()（）：:|｜/", r) || IsSpace(r) {
			return -1
		}
		return r
	}, s)) == ""
}

// counter reports a widget word with a count, such as 推荐99 or 评论（0）.
func counter(s string) string {
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || IsSpace(r) || strings.ContainsRune("()（）[]【】+万wW.", r)
	})
	return counters[t]
}

// stripLabel drops decoration around a label: brackets, colons, spaces,
// and the middle dot that spaces a label's characters (延伸·推荐).
func stripLabel(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return IsSpace(r) || strings.ContainsRune("：:【】[]（）()>›»|·-—_~～+＋", r)
	})
	if strings.Contains(s, "·") && RuneLen(s) <= 12 {
		s = strings.ReplaceAll(s, "·", "")
	}
	return s
}

// noticeHeads open a site's notice; the line may be long prose.
var noticeHeads = []string{"特别声明", "免责声明", "版权声明", "郑重声明", "转载声明", "声明：", "声明:",
	"转载请注明", "转载请联系", "本文转自", "未经授权", "未经许可", "未经本网授权", "如有侵权", "如涉及侵权", "如涉及版权"}

// noticeWords mark a short line as a notice wherever they occur.
var noticeWords = []string{"转载请注明", "如有侵权", "请联系删除", "联系我们删除", "不代表本站观点", "不代表本网观点",
	"不代表本平台观点", "仅代表作者本人", "信息存储服务"}

// notice reports a disclaimer, reprint or infringement notice, or an end
// mark. Such lines read as prose, so they are tested before the prose check.
func notice(s string) bool {
	if len(s) > 200*3 {
		return false
	}
	if len(s) >= 2 {
		for _, w := range noticeHeadsByPair[s[:2]] {
			if strings.HasPrefix(s, w) {
				return true
			}
		}
	}
	if noticeWordSet.any(s) && runeLen(s, 120) <= 120 {
		return true
	}
	return endMark(s)
}

var noticeWordSet = newWordSet(noticeWords)

// noticeHeadsByPair indexes noticeHeads by their first two bytes.
var noticeHeadsByPair = func() map[string][]string {
	m := map[string][]string{}
	for _, w := range noticeHeads {
		if len(w) < 2 {
			panic("cue: a notice head needs two bytes: " + w)
		}
		m[w[:2]] = append(m[w[:2]], w)
	}
	return m
}()

// endMark reports an end-of-article mark: END, THE END, —END— and the
// like (but not （完）, which is part of a news agency's text).
func endMark(s string) bool {
	if len(s) > 40 || !strings.Contains(s, "END") && !strings.Contains(s, "End") && !strings.Contains(s, "end") {
		return false
	}
	t := strings.ToUpper(strings.Map(func(r rune) rune {
		if IsSpace(r) || strings.ContainsRune("-—–_~～·•=*#【】[]（）()<>《》「」", r) {
			return -1
		}
		return r
	}, s))
	return t == "END" || t == "THEEND"
}

// Counts reports a line of numbers joined by a slash or colon ("1/10",
// "0:00 / 1:25"): gallery and player positions. Dates and table rows (cells
// are tab-separated) are not counts.
func Counts(line string) bool {
	s := Trim(line)
	if s == "" || runeLen(s, 16) > 16 || strings.ContainsRune(s, '\t') {
		return false
	}
	digit, sep := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '/' || r == ':' || r == '／':
			sep = true
		case r == '.' || r == '|' || r == ' ':
		default:
			return false
		}
	}
	// A bare number may be a section number of the article ("1", "2"
	// heading its parts); chrome drops it only in the page header.
	if !digit || !sep {
		return false
	}
	_, ok := ParseDate(s)
	return !ok
}

// BareNumber reports a line that is one number, such as a view count.
func BareNumber(line string) bool {
	s := Trim(line)
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Marker classifies a line as a chrome label. It returns the kind (one of
// the constants above) or "" when the line is not a label. It is
// conservative: a line that reads as prose is never a marker.
func Marker(line string) string { return markerOf(line, Stats{}, false) }

// MarkerOf is Marker of a line the caller measured: st is Measure(line).
func MarkerOf(line string, st Stats) string { return markerOf(line, st, true) }

func markerOf(line string, lineSt Stats, measured bool) string {
	s := stripLabel(line)
	if s == "" {
		return ""
	}
	if notice(s) {
		return Notice
	}
	if t := Trim(line); t != s && notice(t) {
		return Notice
	}
	if Counts(s) {
		return Counter
	}
	// One Measure gives the length and the prose test (a runeLen and a
	// Prose read the line twice); stripLabel only removes, so a label it
	// left as long as it was is the line the caller measured.
	st := lineSt
	if !measured || len(s) != len(line) {
		st = Measure(s)
	}
	n := st.Runes
	if n > 120 {
		return ""
	}
	if n > 30 && st.Prose() {
		return ""
	}
	// Only the markers that share the line's first two bytes can be it or
	// head it (every marker has two bytes); they keep the list's order.
	if len(s) >= 2 {
		for _, i := range markersByPair[s[:2]] {
			m := markers[i]
			if s == m.word {
				return m.kind
			}
			if m.prefix && n <= m.max && strings.HasPrefix(s, m.word) {
				return m.kind
			}
		}
	}
	if found := containedSet.find(s); found != 0 {
		for i, m := range contained {
			if n <= m.max && found&(1<<i) != 0 {
				return m.kind
			}
		}
	}
	if n <= 12 {
		if k := counter(s); k != "" {
			return k
		}
	}
	if toolsOnly(s) {
		return Navigation
	}
	return ""
}

// sectionWords are the words through which Marker can name a line
// Related, Comments or Share (markers, contained cues and counters of those
// kinds), less those that hold a shorter one: a line without any of them
// is none of the three.
var sectionWords = newWordSet(func() []string {
	section := func(kind string) bool { return kind == Related || kind == Comments || kind == Share }
	var all []string
	for _, list := range [][]marker{markers, contained} {
		for _, m := range list {
			if section(m.kind) {
				all = append(all, m.word)
			}
		}
	}
	for w, kind := range counters {
		if section(kind) {
			all = append(all, w)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	var words []string
	for _, w := range all {
		if !slices.ContainsFunc(all, func(v string) bool { return v != w && strings.Contains(w, v) }) {
			words = append(words, w)
		}
	}
	return words
}())

// SectionMarker is Marker(line) when that is Related, Comments or Share,
// else "". Most short texts of a page hold none of those kinds' words and
// skip Marker's other tests (htmltext asks it of every short element).
func SectionMarker(line string) string {
	line = Fold(line) // 相關新聞 as 相关新闻
	// Without a '·' (which stripLabel may take out from between the
	// characters of a word), stripLabel only trims the ends: a line
	// without the words has none after it, and most lines are ruled out
	// without trimming them.
	if !strings.Contains(line, "·") && !sectionWords.any(line) || !sectionWords.any(stripLabel(line)) {
		return ""
	}
	switch k := Marker(line); k {
	case Related, Comments, Share:
		return k
	}
	return ""
}

// SectionHead reports a marker that heads a trailing section of chrome
// (related articles, comments, share bars, copyright), after which a page
// rarely has more article text.
func SectionHead(kind string) bool {
	switch kind {
	case Related, Comments, Share, Copyright, Editor, Notice:
		return true
	}
	return false
}

// RelativeTime reports a line that ends in a relative time such as
// "13 小时前" or "昨天", the mark of a list of related or recent articles.
func RelativeTime(s string) bool {
	s = Trim(s)
	// Every suffix ends in 前: most lines end otherwise and skip the list.
	if !strings.HasSuffix(s, "前") {
		return false
	}
	for _, w := range []string{"分钟前", "小时前", "天前", "周前", "个月前", "秒前"} {
		if !strings.HasSuffix(s, w) {
			continue
		}
		i := len(s) - len(w)
		// a number must come right before (spaces allowed)
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			return true
		}
	}
	return false
}

// Breadcrumb reports a navigation trail such as "51好读 › 专栏 › 山东省交通运输厅"
// or "首页 > 新闻 > 正文": two or more separators between short parts.
func Breadcrumb(s string) bool {
	// One pass counts every separator (no separator's end starts it, so
	// a count at every offset is strings.Count): a count per separator
	// made five passes over every line, most of which have none.
	var counts [len(breadcrumbSeps)]int
	found := false
	for i := 0; i < len(s); i++ {
		k := -1
		switch c := s[i]; {
		case c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// An ideograph: its continuation bytes start no separator.
			i += 2
			continue
		case c == '>':
			k = 2
		case c == 0xc2:
			if strings.HasPrefix(s[i:], "»") {
				k = 1
			}
		case c == 0xe2:
			if strings.HasPrefix(s[i:], "›") {
				k = 0
			} else if strings.HasPrefix(s[i:], "→") {
				k = 4
			}
		case c == 0xef:
			if strings.HasPrefix(s[i:], "＞") {
				k = 3
			}
		}
		if k >= 0 {
			counts[k]++
			found = true
		}
	}
	if !found {
		return false
	}
	for k, sep := range breadcrumbSeps {
		if n := counts[k]; n < 2 && !(n == 1 && strings.Contains(s, "首页")) {
			continue
		}
		parts := strings.Split(s, sep)
		ok := true
		for _, p := range parts {
			st := Measure(p)
			if st.Runes > 24 || st.Stops > 0 {
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

// breadcrumbSeps separate a breadcrumb's parts, in the order Breadcrumb
// tries them (its byte switch names them by index).
var breadcrumbSeps = [...]string{"›", "»", ">", "＞", "→"}

// Numbered reports a line that starts like a heading or a list item:
// 一、 （一） (1) 1. 1、 ① 第一 — such lines keep their own line.
func Numbered(s string) bool {
	s = Trim(s)
	if s == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳', r >= '⑴' && r <= '⒇', r == '●', r == '■', r == '◆', r == '▲', r == '★', r == '·', r == '•', r == '-', r == '*', r == '—':
		return true
	case r == '（' || r == '(':
		r2, _ := utf8.DecodeRuneInString(s[size:])
		return strings.ContainsRune("一二三四五六七八九十", r2) || r2 >= '0' && r2 <= '9'
	case strings.ContainsRune("一二三四五六七八九十", r):
		rest := strings.TrimLeft(s, "一二三四五六七八九十")
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "是") && len(rest) < len(s)
	case r == '第':
		rest := strings.TrimLeft(s[size:], "一二三四五六七八九十百0123456789")
		return len(rest) < len(s)-size && (strings.HasPrefix(rest, "章") || strings.HasPrefix(rest, "节") || strings.HasPrefix(rest, "条") || strings.HasPrefix(rest, "部分"))
	case r >= '0' && r <= '9':
		rest := strings.TrimLeft(s, "0123456789")
		return strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．") || strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "）")
	}
	return false
}
