package mojibake

import (
	"strings"
	"testing"
)

func TestPunctContext(t *testing.T) {
	for _, c := range []struct {
		r       rune
		prefix  string
		lineEnd bool
		want    float64
	}{
		{'”', "他说“好", false, closerOpen},
		{'”', "他说“好”，又说", false, punctMisplaced},
		{'）', "（一", true, closerOpen + lineEnder},
		{'）', "（一", false, closerOpen},
		{'）', "一", false, punctMisplaced},
		{'“', "他说", true, punctMisplaced},
		{'“', "他说", false, 0},
		{'。', "格局", true, lineEnder},
		{'。', "格局", false, 0},
		{'、', "一", true, punctMisplaced},
		{'、', "一", false, 0},
		{'局', "格", true, 0},
	} {
		if got := punctContext(c.r, []rune(c.prefix), c.lineEnd); got != c.want {
			t.Errorf("punctContext(%q, %q, %v) = %v, want %v", c.r, c.prefix, c.lineEnd, got, c.want)
		}
	}
}

// TestInferLineEnd: a full stop lost at a line end (銆� at the end of
// UTF-8 read as GBK) is inferred.
func TestInferLineEnd(t *testing.T) {
	r := New()
	d := decoderNamed(t, "python gbk replace")
	for _, want := range []string{"为进一步提升机关党建活力，深化精致模范机关创建成效。", "第二行文字内容在这里。"} {
		in := d.decode([]byte(want))
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if !strings.HasSuffix(out, "。") {
			t.Errorf("%s: got %s, want %s", in, out, want)
		}
	}
}

// TestInferAfterNumber: 公 of 公里 lost after a number (鍏�閲�) is
// inferred, though 八里 and 六里 are words too.
func TestInferAfterNumber(t *testing.T) {
	for _, c := range []struct {
		r, left rune
		prefix  string
		want    float64
	}{
		{'公', '5', "长", afterNumber}, {'月', '９', "", afterNumber}, {'八', '5', "", -notAfterNumber}, {'公', '国', "", 0},
		// Another Han character after a number loses; punctuation does not.
		{'全', '6', "投资3876", -notAfterNumber},
		// A reading annotation between the number and the unit.
		{'公', ')', "9.7萬(wàn)", afterNumber}, {'公', ')', "村(cūn)", 0}, {'公', ')', "(2022)", 0}, {'，', '6', "投资3876", 0}, {'）', '5', "", 0},
		{'天', '5', "从7天减为", afterNumber + repeatedUnit}, {'份', '5', "从7天减为", afterNumber},
		// Chinese numerals: two of them, or a multiplier after digits.
		{'公', '二', "全长十二", afterNumber}, {'元', '万', "投资2000多万", afterNumber}, {'元', '亿', "3.5亿", afterNumber},
		{'里', '百', "三百", afterNumber}, {'个', '一', "统一", 0}, {'元', '万', "万", 0}, {'公', '二', "第二", 0},
	} {
		if got := numberContext(c.r, c.left, []rune(c.prefix), nil, nil); got != c.want {
			t.Errorf("numberContext(%q, %q) = %v, want %v", c.r, c.left, got, c.want)
		}
	}
	r := New()
	d := decoderNamed(t, "python gbk replace")
	for _, want := range []string{"审批类从7件减少为2件，减少", "省道共364.5公里，彻底改善", "建成农村公路265公里，通村公路200公里，"} {
		in := d.decode([]byte(want))
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if strings.Count(out, "公里") != strings.Count(want, "公里") || strings.Count(out, "件") != strings.Count(want, "件") {
			t.Errorf("%s: got %s, want %s", in, out, want)
		}
	}
}

// TestInferScriptFormsAndLengths: a lost 长 before a length (全�68公里,
// where 全镇 is as probable to the model) is inferred, in the script of
// its line: 長 and 长 are one choice to the margin, and the line decides.
func TestInferScriptFormsAndLengths(t *testing.T) {
	r := New()
	d := decoderNamed(t, "python gbk replace")
	for _, c := range []struct{ line, want string }{
		{"该路段全长68公里，按一级公路标准建设。", "全长68公里"},
		{"該路段全長68公里，按一級公路標準建設。", "全長68公里"},
		{"该隧道全长3公里，是全省最长的隧道。", "全长3公里"},
		{"該隧道全長3公里，是全省最長的隧道。", "全長3公里"},
	} {
		in := d.decode([]byte(c.line))
		if !strings.Contains(in, "\uFFFD") {
			t.Fatalf("%s: the decoder lost nothing (%s)", c.line, in)
		}
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: got %s, want %s in it", in, out, c.want)
		}
	}
}

// TestCountContext: 个 between a number and what it counts, and 从/由
// before a number that a from-to verb follows in the clause.
func TestCountContext(t *testing.T) {
	slots := func(s string) []slot {
		var out []slot
		for _, r := range s {
			out = append(out, slot{r: r})
		}
		return out
	}
	for _, c := range []struct {
		r, left rune
		prefix  string
		after   string
		want    float64
	}{
		{'个', '0', "时间从20", "工作日压减至5个", countWord},
		{'個', '3', "審批時限3", "月縮短為1個月", countWord},
		{'个', '二', "全市十二", "乡镇", countWord},
		{'个', '0', "投资20", "亿元", 0},
		{'个', '你', "你", "工作日", 0},
		{'从', '间', "办理时间", "20个工作日压减至5个工作日", fromWord},
		{'由', '限', "時限", "59個工作日縮短為7個工作日", fromWord},
		{'从', '间', "办理时间", "20个工作日，全年减至5个", 0},
		{'从', '市', "全市", "今年起实施", 0},
	} {
		if got := countContext(c.r, c.left, []rune(c.prefix), slots(c.after)); got != c.want {
			t.Errorf("countContext(%q, %q, %q) = %v, want %v", c.r, c.prefix, c.after, got, c.want)
		}
	}
}
