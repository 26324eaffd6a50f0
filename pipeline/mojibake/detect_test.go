package mojibake

import (
	"slices"
	"testing"
)

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

// TestScanLoss: the scan reports the characters loss runs are made of, so
// that text without one skips lossRuns; text where lossRuns finds a run
// must report one, at any offset (the scan's fast path needs two bytes
// after a lead byte, and the last character takes the other path).
func TestScanLoss(t *testing.T) {
	d := detectorFor()
	for _, tc := range []struct {
		name, text string
		loss       bool
	}{
		{"empty", "", false},
		{"clean", "公路建设投资2.5亿元", false},
		{"replacement read as gbk", "报告锟斤拷锟斤拷书", true},
		{"run at the end", "报告锟斤拷", true},
		{"lone character at the end", "报告锟", true},
		{"fill of CC bytes", "烫烫烫烫烫", true},
		{"fill of CD bytes", "a屯屯屯屯", true},
		{"real word", "热烫烫的水", true}, // reported, though lossRuns takes no run
		{"after a marker", "æŠ¥烫", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spots, loss := d.scan(tc.text)
			if loss != tc.loss {
				t.Errorf("scan(%q) loss = %v, want %v", tc.text, loss, tc.loss)
			}
			if !slices.Equal(spots, d.suspicious(tc.text)) {
				t.Errorf("scan(%q) spots %v differ from suspicious", tc.text, spots)
			}
			if len(lossRuns(tc.text)) > 0 && !loss {
				t.Errorf("lossRuns(%q) finds a run the scan does not report", tc.text)
			}
		})
	}
}
