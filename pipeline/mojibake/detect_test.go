package mojibake

import "testing"

// TestDetectorSpots: what the detector sends to the repair search. Every
// spot costs a search of ±16 characters by every mechanism, so clean text
// should raise as few as it can without missing mojibake.
func TestDetectorSpots(t *testing.T) {
	d := detectorFor()
	for _, tc := range []struct {
		name, text string
		spots      bool
	}{
		{"breadcrumb", "首页 › 新闻中心 › 正文", false},
		{"breadcrumb without spaces", "首页›新闻中心›正文", false},
		{"breadcrumb with no-break spaces", "首页 \u00a0›\u00a0 专栏", false},
		{"trademark after a name", "使用Windows™系统", false},
		// GB18030 has € as a two-byte character (A2E3), so a GB18030
		// reading can make a lone one.
		{"euro amount", "约合€1200万元", true},
		{"utf-8 read as windows-1252", "æŠ¥å‘Š", true},
		{"gbk read as windows-1252", "ÖÐÎÄ", true},
		{"gbk read as windows-1252 with an ASCII trail", "报告Ö@书", true},
		// GBK's pinyin letters come out of GBK and Big5 readings one at a
		// time, so a lone one inside Chinese text stays suspicious.
		{"lone GBK pinyin letter", "公ê告", true},
		{"C1 control", "公\u0085告", true},
		{"box drawing in a table", "│ 项目 │ 金额 │", false},
		{"box drawing in prose", "。ㄒ唬┌l展", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := d.suspicious(tc.text)
			if (len(got) > 0) != tc.spots {
				t.Errorf("suspicious(%q) = %v, want spots: %v", tc.text, got, tc.spots)
			}
		})
	}
}
