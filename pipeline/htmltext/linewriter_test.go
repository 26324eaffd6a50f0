package htmltext

import (
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
)

// refWrite is lineWriter.write as it was before it copied slices of its
// input: one WriteRune per kept character. TestLineWriterWrite holds the
// faster writer to its output.
func refWrite(w *lineWriter, s string, inLink, pre bool) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			if pre && r == '\n' {
				w.flush()
				continue
			}
			w.space = true
			if r == '\n' || r == '\r' {
				w.brk = true
			}
			continue
		}
		if w.edge && alnum(w.last) && alnum(r) {
			w.space = true
		}
		w.edge = false
		if w.buf.Len() > 0 && w.space && !(w.brk && cjk(w.last) && cjk(r)) && w.last != '\t' {
			w.buf.WriteByte(' ')
		}
		w.space, w.brk = false, false
		w.buf.WriteRune(r)
		w.last = r
		if cue.IsSpace(r) {
			continue
		}
		w.cur.runes++
		if inLink {
			w.cur.links++
		} else if isPunct(r) {
			w.cur.punct++
		}
	}
}

func TestLineWriterWrite(t *testing.T) {
	// Each case is a sequence of text nodes; "|" between them marks an
	// inline element edge, "#" a table cell.
	cases := []string{
		"交通运输厅 发布\n通知，全年投资 120 亿元。",
		"  leading and trailing  ",
		"公路\n建设|2023|-03-10|4",
		"bad \xff byte\xe4\xbd and \xe4 more",
		"\u00a0\u3000全角空格\u3000之后",
		"a#b# c #\td",
		"一行\r\n两行\n\n三行",
		"“引号”\n—— 破折号 …\n省略",
		"link|text|",
		// three-byte edge cases of the inline decoder: a surrogate, the
		// first three-byte character, a literal U+FFFD, a cut sequence
		"\xed\xa0\x80中\xe0\xa0\x80文\xef\xbf\xbd，\xe1\x80",
		"末尾\xe4\xbd",
		"",
		// runs of ideographs read without the per-rune tests
		"2023年|12月|3日|abc文字|链接文字|，后文。",
		"䷀\n䷁ 一\n丁 鿿\n䀀",
		"甲乙丙\xe4\xbd\xa0\xe4\xbd",
		// runs long enough to be read two characters at a time, broken
		// by a cut character, a non-ideograph lead and a space
		"中文中文\xe4\xbd中文中文中文|中文中文。中文中文中文 中文中文\xea\x80\x80中文中文",
		"䀀䷀一鿿丁䷁中文中文中\xe9\xbf文中文中文中文中文x",
		// the marks of prose read in the runs, in and out of links, at
		// a run's ends, cut, and marks beside them that are not read
		"甲，乙。丙、丁：戊；己！庚？“辛”|“链接，文字。”|，|末尾。",
		"。开头|！|中文\xef\xbc|\xe3\x80中文\xe2\x80\x9c\xe2\x80中文—— …（注）《书》",
		"中文，\n中文。 中文“ ”中文",
		// text nodes of white space only, or opening with it (the
		// indentation between tags), before and after text
		"\n\t\t|文字|\r\n  |\v|  前导\f空白|\n|a| \r|b#\n c|\u00a0 x",
		"字\n|\n\t|字| |1|\n|2",
		// runs of printable ASCII read without the per-rune tests:
		// after an edge, a space, a tab cell, in and out of links
		"abc|def|2024-01-02|x",
		"http://www.gov.cn/a?b=1&c=2 文字 v2.0,ok;!?",
		"word#next# 12#\t34|~^`{}",
		"a\x7fb\x20c\x21d",
		// lines that are one piece of one text node (their text a
		// slice of it), trimmed at either end or not, and lines that
		// only start as one
		"\u3000一段\u3000",
		"\u200b零宽\u200b ",
		"  整行  ",
		"一段|续",
		"一段\xff坏",
		"甲#乙",
	}
	for _, c := range cases {
		checkLineWriter(t, c)
	}
}

func FuzzLineWriter(f *testing.F) {
	f.Add("2023年|12月|3日|abc文字|链接文字|，后文。")
	f.Add("一行\r\n两行#\n三行|x")
	f.Add("甲，乙。丙、丁：戊；己！庚？“辛”|“链接，文字。”|，|末尾。")
	f.Fuzz(func(t *testing.T, c string) {
		checkLineWriter(t, c)
	})
}

// checkLineWriter writes c ("|" marks an inline element edge, "#" a table
// cell) with write and with refWrite and compares the lines.
func checkLineWriter(t *testing.T, c string) {
	t.Helper()
	for _, pre := range []bool{false, true} {
		got, want := &lineWriter{}, &lineWriter{}
		for k, node := range strings.Split(c, "|") {
			if k > 0 {
				got.edge, want.edge = true, true
			}
			for j, cell := range strings.Split(node, "#") {
				if j > 0 {
					got.cell()
					want.cell()
				}
				got.write(cell, k%2 == 1, pre)
				refWrite(want, cell, k%2 == 1, pre)
			}
		}
		got.flush()
		want.flush()
		if !reflect.DeepEqual(got.lines, want.lines) {
			t.Errorf("%q (pre %v): lines %+v, want %+v", c, pre, got.lines, want.lines)
		}
	}
}
