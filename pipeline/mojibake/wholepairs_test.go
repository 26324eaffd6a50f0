package mojibake

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// wholePairsPage is a page of the kind the WHATWG Big5 tests read.
var wholePairsPage = []string{
	"全市新建农村公路一百二十公里，完成投资三亿元。",
	"办理时限由原来的二十个工作日压缩至五个工作日，申请材料减少一半。",
	"《关于推进交通运输高质量发展的实施意见》正式印发。",
	"今年以来，我们坚持“一张蓝图绘到底”，全力推进重点项目建设。",
	"该项目总投资约四十五亿元，其中争取中央补助资金八亿元。",
	"他说：“路修好了，村民出行方便多了。”",
	"它们的审批流程已经全部实现网上办理，群众满意度明显提升。",
	"截至十月底，全省高速公路通车里程达到8300公里。",
	"我们将继续深化“放管服”改革，进一步优化营商环境。",
	"会议指出，要统筹发展和安全，守住不发生重大风险的底线。",
}

// TestHoleSizes writes each line as x/text's Big5 reader read it back in
// the wrong code, sizing its U+FFFDs with holeSizes, and checks the bytes
// against the line's UTF-8: as many, every byte kept equal, and every
// lone 0x80 a 0x80. Lines with a character Big5 writes two ways (HKSCS
// repeats) are skipped: their bytes as written need not be the ones read.
func TestHoleSizes(t *testing.T) {
	c := big5Codec()
	checked := 0
	for _, s := range wholePairsPage {
		raw, err := traditionalchinese.Big5.NewDecoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		win := []rune(string(raw))
		if slices.ContainsFunc(win, c.ambiguous) {
			continue
		}
		e, ok := encodeWindow(&encoded{}, win, c, true, true, -1)
		if !ok {
			t.Fatalf("%s: not written back", s)
		}
		want := []byte(s)
		if len(e.b) != len(want) {
			t.Errorf("%s: %d bytes, want %d\n % x\n % x", s, len(e.b), len(want), e.b, want)
			continue
		}
		for i, x := range e.b {
			if !e.hole[i] && x != want[i] || e.hole[i] && x == lone80 && want[i] != 0x80 {
				t.Errorf("%s: byte %d is %02x (hole %v), want %02x", s, i, x, e.hole[i], want[i])
			}
		}
		checked++
	}
	t.Logf("%d of %d lines checked", checked, len(wholePairsPage))
	if checked < 6 {
		t.Errorf("%d lines checked, want at least 6", checked)
	}
}

// repairInferred repairs the page decode made of lines, checks that every
// inferred character of the lines from first on is right, and returns how
// many were inferred and how many of those from two lost bytes.
func repairInferred(t *testing.T, decode func([]byte) ([]byte, error), lines []string, first int) (inferred, two int) {
	t.Helper()
	raw, err := decode([]byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	in := string(raw)
	out, edits := New().Repair(in)
	checkEdits(t, in, out, edits)
	bad, got := strings.Split(in, "\n"), strings.Split(out, "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d lines in, %d out", len(lines), len(got))
	}
	byLine := editsByLine(in, edits, len(bad))
	start := 0
	for i, s := range lines {
		if i >= first {
			inf := inferredAt(t, byLine[i], in, start)
			_, ok := alignInferred([]rune(got[i]), []rune(s), inf)
			for k, margin := range inf {
				if !ok[k] {
					t.Errorf("inferred %c at %d wrong\n got  %s\n want %s", []rune(got[i])[k], k, got[i], s)
				}
				if margin < 0 {
					two++ // inferredAt negates the margin of a two-byte loss
				}
			}
			inferred += len(inf)
		}
		start += len(bad[i]) + 1
	}
	return inferred, two
}

// TestWholePairs reads a page of UTF-8 with a WHATWG Big5 reader (x/text's,
// as browsers and most crawlers read) and checks the characters inferred
// from what the lost pairs left: every one right, and enough of them.
// Sized one byte to a U+FFFD, as Python's reader loses, the lost bytes
// put inferences out of step (它們 read as 宀 and a U+FFFD).
func TestWholePairs(t *testing.T) {
	inferred, _ := repairInferred(t, traditionalchinese.Big5.NewDecoder().Bytes, wholePairsPage, 0)
	t.Logf("%d characters inferred", inferred)
	if inferred < 9 {
		t.Errorf("%d characters inferred, want at least 9", inferred)
	}
}

// TestLostOpenerTitle: a line that is a title in 《》, at its start or
// after a colon, lost its opener to the reader; a mark inferred at its end
// is then no more 。 than 》, so none is guessed.
func TestLostOpenerTitle(t *testing.T) {
	lines := []string{
		"《国务院关于加快推进农村公路建设的意见》",
		"附件：《交通运输年度工作要点》",
		"文件名称:《高速公路养护管理办法》",
		"《关于做好春运工作的通知》",
		"标题：《全面深化改革实施方案》",
		"《城市道路设计规范》",
	}
	repairInferred(t, traditionalchinese.Big5.NewDecoder().Bytes, append(wholePairsPage, lines...), len(wholePairsPage))
}
