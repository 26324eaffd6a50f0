package mojibake

import (
	"strings"
	"testing"
)

// TestOneNumeralBeforeMetric: UTF-8 公里 read as GBK always loses a byte
// of 公 (ac e9 is no GBK pair), so a length written with one Chinese
// numeral (约六公里) comes back only if that numeral counts as a number
// before 公 and a metric unit's second character.
func TestOneNumeralBeforeMetric(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	for _, want := range []string{
		"新建便道约三公里,连接两个村",
		"全长共八公里，设计时速六十",
		"向东延伸五公里后与国道相接",
		"道路拓宽两公里，路面加铺沥青",
		"距市区不到九公里的路段",
		"新闢道路約六公里，預計明年通車",
		"改善路段全長二公里，預計年底完工",
		"修復受損路段四公里,恢復通行",
	} {
		in := d.decode([]byte(want))
		if !strings.Contains(in, "\uFFFD") {
			t.Fatalf("%s: the decoder lost nothing", want)
		}
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		k := strings.Index(want, "公里")
		if !strings.Contains(out, want[k-3:k+6]) {
			t.Errorf("%s: got %s", want, out)
		}
	}
}
