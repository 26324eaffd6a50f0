package extractors

import (
	"math"
	"strings"
	"testing"
)

// FuzzExtract: any text, valid UTF-8 or not, gives figures with spans inside
// the text, in order, with finite values that match their ValueText.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2023年，全市新改建农村公路1200公里，完成投资18.6亿元。",
		"办理时间由60个工作日缩减至最多5个工作日",
		"2022年、2023年、2024年连续三年画出30亿、40亿、50亿投资曲线",
		"总投资约390亿元的大型豪华客\n\n滚船投入运营，援助3万余元",
		"审批办理时限压减 87.5%、申请材料精简 37.5%",
		"\xff\xfe投资\xe5亿元", "元元元", "投资", "",
		"此前需要8个工作日。如今3个工作日即可办结。", "由受理、审查、决定3个环节压缩为受理、决定2个环节", "由、、3个压缩为、1个", "原需3份。现只需1份。。", "过去5天\n如今2天即可办结",
		"总投资：3.6亿元。", "建设里程：86.4公里；总投资：5.2亿元", "争取资金：2000万元", "投资:",
		"全县交通基础设施建设完成投资超过26.19\n亿元", "办理时限由120\r\n个工作日压减至86个工作日", "平均办理时间从50天缩短到\n36天",
		"序号 项目名称 里程（公里） 投资（万元）\n1 东环公路 12.6 4580\n合计 12.6", "名称｜长度(km)｜补助资金(万元)\n｜｜\n甲路｜｜9", "里程（公里）\t投资（亿元）\tx\n1\t2\t3",
		"分别由5个、20个工作日压缩至1个、8个工作日", "分别由、5个压缩至1个、", "总投资由45亿元调增至52.6亿元", "投资较上年增加3.1亿元，达到28.7亿元",
	} {
		f.Add(s)
	}
	set := newSet(f)
	f.Fuzz(func(t *testing.T, text string) {
		figs := set.Extract(text)
		prev := -1
		for _, g := range figs {
			if g.Start < 0 || g.End > len(text) || g.Start >= g.End {
				t.Fatalf("span [%d,%d) outside text of %d bytes", g.Start, g.End, len(text))
			}
			if g.Start < prev {
				t.Fatalf("figures out of order")
			}
			prev = g.Start
			if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) || g.ValueText == "" {
				t.Fatalf("bad value %v %q", g.Value, g.ValueText)
			}
			if g.Evidence == "" || g.Extractor == "" {
				t.Fatalf("figure %q without evidence or rule", text[g.Start:g.End])
			}
			if !strings.Contains(text, g.Sentence) {
				t.Fatalf("sentence not in text")
			}
		}
	})
}
