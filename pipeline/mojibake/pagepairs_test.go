package mojibake

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestPageRepeatsWord reads pages of UTF-8 with x/text's GBK reader: a word
// the page writes whole in one place and lost a character of in another
// (农村\uFFFD路 where 农村公路 came through) comes back from the page's own
// pairs, which the language model alone left U+FFFD. No character comes
// back wrong.
func TestPageRepeatsWord(t *testing.T) {
	tests := []struct{ page, span string }{
		{"市政务服务中心深化审批制度改革。\n工程建设项目审批时间压缩一半以上，审批环节减少三成。\n下一步将继续推行并联审批。", "深化审批制度"},
		{"区委区政府高度重视农村公路提档升级。\n全区完成农村公路提档升级八十公里，带动沿线群众增收。\n区委书记到现场督导提档升级工程。", "完成农村公路"},
		{"内河航道整治工程顺利完工。\n整治后航道等级提升到三级，千吨级船舶可全年通航。\n航道养护单位将加强日常巡查。", "内河航道整治"},
		{"桥梁检测中心完成危桥改造二十座。\n对全市桥梁实行定期检测，发现问题桥梁及时处置。\n桥梁安全管理纳入考核。", "桥梁检测中心"},
		{"乡村振兴战略推动农村公路建设。\n农村公路通达所有建制村，农村公路养护实现全覆盖。\n群众出行更加便捷。", "推动农村公路"},
	}
	r := New()
	for _, tc := range tests {
		bad, err := simplifiedchinese.GBK.NewDecoder().String(tc.page)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(bad, tc.span) {
			t.Fatalf("%s: the span is not garbled", tc.span)
		}
		out, edits := r.Repair(bad)
		checkEdits(t, bad, out, edits)
		if !strings.Contains(out, tc.span) {
			t.Errorf("got %s, want %s back", out, tc.span)
		}
		for i, line := range strings.Split(out, "\n") {
			got, want := []rune(line), []rune(strings.Split(tc.page, "\n")[i])
			if len(got) != len(want) {
				continue // a lost run left shorter or longer: nothing to align
			}
			for k := range got {
				if got[k] != want[k] && got[k] != '\uFFFD' {
					t.Errorf("%s: %c at %d is wrong", line, got[k], k)
				}
			}
		}
	}
}
