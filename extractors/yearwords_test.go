package extractors

import (
	"fmt"
	"testing"
)

// checkYears extracts each text (after t2s) and compares "value year" of
// its figures.
func checkYears(t *testing.T, cases []kindCase) {
	t.Helper()
	checkFigures(t, cases, true, func(f Figure) string { return fmt.Sprintf("%g %d", f.Value, f.Year) })
}

// Years the first reading missed or got wrong, found by checking years on
// probe7's odd half: years in Chinese numerals (二〇二三年), Republic of
// China years (民國112年 is 2023), and 去年 or 明年 in a figure's own clause
// after a dateline year (本报讯（2025年3月12日）…；去年，…197.5亿元 is 2024,
// not 2025). Five sentences of each class, in other words.
func TestYearWords(t *testing.T) {
	checkYears(t, []kindCase{
		{"二〇二三年，全县新改建农村公路一百二十公里。", []string{"120 2023"}},
		{"二〇二二年完成交通投资三点五亿元。", []string{"3.5e+08 2022"}},
		{"二〇二四年计划新建县道18公里。", []string{"18 2024"}},
		{"二〇二一年，全市争取上级补助资金8600万元。", []string{"8.6e+07 2021"}},
		{"一九九八年建成的老路改建12公里。", []string{"12 1998"}},
		{"民國112年完成改善道路約11.5公里。", []string{"11.5 2023"}},
		{"民國111年度核定補助經費新臺幣3億元。", []string{"3e+08 2022"}},
		{"民國113年預計完成拓寬工程8公里。", []string{"8 2024"}},
		{"本縣民國110年完成道路改善27公里。", []string{"27 2021"}},
		{"民國 109 年完成新建道路5公里。", []string{"5 2020"}},
		{"本报讯（2025年3月12日）今年我市计划投资210亿元；去年，全市完成交通投资197.5亿元。", []string{"2.1e+10 2025", "1.975e+10 2024"}},
		{"日前（2023年11月）会议指出，明年计划投资160亿元。", []string{"1.6e+10 2024"}},
		{"2024年1月消息，去年全县新建农村公路86公里。", []string{"86 2023"}},
		{"记者2022年12月获悉，明年将改建国道G210线24公里。", []string{"24 2023"}},
		{"发布于2021年3月：去年，该市完成投资52亿元。", []string{"5.2e+09 2020"}},
		// a comparison with last year is no year of the figure
		{"2023年全市完成投资52亿元，较去年增长8%。", []string{"5.2e+09 2023"}},
		{"2023年上半年完成投资52亿元，去年同期为48亿元。", []string{"5.2e+09 2023"}},
	})
}
