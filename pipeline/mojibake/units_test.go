package mojibake

import (
	"strings"
	"testing"
)

// TestUnitMemory: the followers read after a number are noted, inferred
// (lost) ones and followers after no number are not, and a noted one
// gains pageUnit after a later number.
func TestUnitMemory(t *testing.T) {
	for _, tc := range []struct {
		prefix, run string
		want        string
	}{
		{"完成投资", "21552万元", "万元"},
		{"共计", "3.5亿元", "亿元"},
		{"全长十二", "公里", "公"},
		{"", "统一规划", ""},
		{"投资3876", "\uFFFD，", ""}, // lost: nothing read
		{"从7", "天减为5天", "天"},
		{"已投入26", "\uFFFD5,636\uFFFD元", "元"}, // after a lost multiplier
		{"共", "\uFFFD元", ""},                 // no number before the lost one
	} {
		var u unitMemory
		u.note([]rune(tc.prefix), []rune(tc.run))
		if got := string(u.seen); got != tc.want {
			t.Errorf("note(%q, %q) = %q, want %q", tc.prefix, tc.run, got, tc.want)
		}
	}
	u := unitMemory{seen: []rune("元")}
	if got := numberContext('元', '6', []rune("投资3876"), nil, &u); got != afterNumber+pageUnit {
		t.Errorf("a unit of the page after a number: %v, want %v", got, afterNumber+pageUnit)
	}
	if got := numberContext('年', '6', []rune("投资3876"), nil, &u); got != afterNumber {
		t.Errorf("another follower: %v, want %v", got, afterNumber)
	}
	u.fix()
	u.note(nil, []rune("5年"))
	if u.has('年') {
		t.Error("a fixed memory noted more")
	}
}

// TestPageUnitInferred: a page that writes 元 after numbers where it can
// be read gets it back where it was lost, before as well as after.
func TestPageUnitInferred(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	for _, want := range []string{
		"完成投资3876元,完工399公里。\n乡镇三级路完成投资21552万元。",
		"补助资金860元,用于养护。\n全年到位资金45000万元。",
	} {
		in := d.decode([]byte(want))
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		first, _, _ := strings.Cut(want, "\n")
		if !strings.HasPrefix(out, first) {
			t.Errorf("%s: got %s, want %s", in, out, want)
		}
	}
}

// A money unit after a multiplier, both lost: before ASCII punctuation,
// UTF-8 萬元 read as GBK loses a byte of each ("1,200钀�鍏�,"). The unit is
// judged once the multiplier is chosen (multiplierPairs), and 公 is no
// unit's start unless a metric unit's second character follows.
func TestMultiplierUnitPair(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	for _, want := range []string{
		"今年獲得省府補助1,200萬元,加上縣府自籌經費",
		"本案總工程費約2,460萬元,由中央負擔",
		"市府爭取前瞻基礎建設計畫經費7,500萬元,地方配合",
		"縣道拓寬工程經費1億3,200萬元,預計明年完工.",
		"改善工程總經費2,980萬元,去年已撥付",
	} {
		in := d.decode([]byte(want))
		if !strings.Contains(in, "\uFFFD") {
			t.Fatalf("%s: the decoder lost nothing", want)
		}
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if !strings.Contains(out, "萬元,") {
			t.Errorf("%s: got %s", want, out)
		}
	}
	// 公 before a metric unit stays possible.
	for _, tc := range []struct{ r, next rune }{{'公', '里'}, {'公', '分'}, {'公', '噸'}} {
		if got := numberContext(tc.r, '5', []rune("全長5"), []slot{{r: tc.next}}, nil); got <= 0 {
			t.Errorf("%c%c after 5: %v, want a gain", tc.r, tc.next, got)
		}
	}
	if got := numberContext('公', '5', []rune("全長5"), []slot{{r: ','}}, nil); got != -notMetric {
		t.Errorf("公, after 5: %v, want %v", got, -notMetric)
	}
}

// TestUnitGoesOn: a unit of two or more characters that followed a number
// earlier on the line goes on the same way after a later number.
func TestUnitGoesOn(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string
	}{
		{"办理时间从20个工作日压减至5个工作", "日"},
		{"新建3平方公里，改造5平方米，又建7平方", "公米"},
		{"完成3个项目、5个", ""}, // one character: a measure word
		{"个工作日，5个工作", ""}, // no number before the first
		{"办理时间从20个工作日压减至个工作", ""},
	} {
		if got := string(unitGoesOn([]rune(tc.line))); got != tc.want {
			t.Errorf("unitGoesOn(%s) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestUnitGoesOnInferred: the unit's last character, lost before ASCII
// punctuation (工作日, read as GBK loses a byte of 日), comes back as the
// line wrote it after the first number.
func TestUnitGoesOnInferred(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	for _, want := range []string{
		"办理时间从20个工作日压减至最多5个工作日,申请材料",
		"审批时限由15个工作日压缩为3个工作日,群众少跑腿",
	} {
		in := d.decode([]byte(want))
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if !strings.Contains(out, "个工作日,") || strings.Count(out, "工作日") != 2 {
			t.Errorf("%s: got %s", want, out)
		}
	}
}
