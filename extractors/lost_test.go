package extractors

import (
	"slices"
	"testing"
)

// valueCase is a text and the values of the figures it must give, in
// order (nil: none).
type valueCase struct {
	text string
	want []float64
}

// checkValues extracts each case's text and compares the values.
func checkValues(t *testing.T, cases []valueCase) {
	t.Helper()
	set, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		var got []float64
		for _, f := range set.Extract(tc.text) {
			got = append(got, f.Value)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// A character lost in decoding (U+FFFD) inside a numeral leaves its value
// unknown ("22億92萬元" read as "22�92萬元" is not 92萬元): no figure. A
// lost character that is not part of the numeral changes nothing here
// (the pipeline marks the figure for review).
func TestLostCharacterInsideNumeral(t *testing.T) {
	checkValues(t, []valueCase{
		{"道路桥梁拓宽开辟17件、22\uFFFD92万元。", nil},
		{"该项目总投资3\uFFFD4,984万元，年内开工。", nil},
		{"全线总长十二\uFFFD五公里，按一级公路标准建设。", nil},
		{"县道改造工程总投资五\uFFFD六千万元，已全部到位。", nil},
		{"新建农村公路1\uFFFD5公里，完成年度目标。", nil},
		{"办理时间从20\uFFFD5个工作日压减至3个工作日。", nil},
		{"经交通部补助\uFFFD亿七千九百五十七万余元，加上县府自筹。", nil},
		{"该路段全长\uFFFD十二公里，按一级公路标准建设。", nil},
		{"省级财政下达\uFFFD千万元用于危桥改造。", nil},
		// The lost character is not next to the numeral.
		{"今年\uFFFD投资2000万元，用于县乡公路改造。", []float64{2e7}},
		{"该路段全长68.66公里，\uFFFD用双向四车道高速公路技术标准。", []float64{68.66}},
	})
}

// A from→to pair keeps its two numbers when a lost character (U+FFFD)
// only hides a word around them: a filler that the lost characters can
// spell ("由法定\uFFFD932天" is 法定的, "至\uFFFD\uFFFD3个" 目前 or 最多), or
// the mark of the target right after a cut verb ("精简\uFFFD14份" is 精简为,
// 到 or 至). Lost characters that spell no filler, or more than one after
// the verb, leave the pair unread.
func TestLostWordInFromTo(t *testing.T) {
	checkValues(t, []valueCase{
		// a filler with lost characters
		{"企业开办时间由原来\uFFFD5天压缩至现\uFFFD\uFFFD1天。", []float64{80}},
		{"不动产登记办理时限从以往\uFFFD30个工作日缩短到\uFFFD\uFFFD3个工作日。", []float64{90}},
		{"申报材料由过\uFFFD12份精简为\uFFFD6份。", []float64{50}},
		{"施工许可审批用时由法\uFFFD\uFFFD45天减少到承\uFFFD15天。", []float64{66.6667}},
		{"审批环节由\uFFFD8个压缩为4个。", []float64{50}},
		// the target's mark lost after the verb
		{"审批材料由15份压减\uFFFD8份。", []float64{46.6667}},
		{"办事环节从6个精简\uFFFD3个，群众少跑腿。", []float64{50}},
		{"项目审批时间由90天缩短\uFFFD30天以内。", []float64{66.6667}},
		{"营业执照办理时限由3个工作日压缩\uFFFD1个工作日。", []float64{66.6667}},
		{"群众跑办次数由5次减少\uFFFD1次。", []float64{80}},
		// not read
		{"办理时限由\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD20天缩短至5天。", nil}, // too many to be a filler
		{"办理时限由二\uFFFD20天缩短至5天。", nil},                        // spells no filler
		{"办理时限由法定\uFFFD十天缩短至5天。", nil},                        // a Chinese numeral may hold the lost one
		{"项目审批时间由90天缩短\uFFFD\uFFFD30天。", nil},                 // two lost after the verb
		{"项目审批时间由90天\uFFFD30天。", nil},                         // no verb: a range?
		{"审批材料由15份压减\uFFFD8件。", nil},                          // units differ
	})
}

// The 由 or 从 of a from→to pair lost: a lost character right before the
// first number reads as the mark only where a cut verb and a time or
// material noun say the pair is a cut.
func TestLostFromMark(t *testing.T) {
	checkValues(t, []valueCase{
		{"企业开办时间\uFFFD5个工作日压缩至1个工作日。", []float64{80}},
		{"施工许可审批时限\uFFFD60天压减到15天。", []float64{75}},
		{"申报材料\uFFFD12份精简为6份。", []float64{50}},
		{"审批环节\uFFFD8个压缩为4个。", []float64{50}},
		{"不动产登记时间\uFFFD30个工作日缩短至5个工作日。", []float64{83.3333}},
		// not read
		{"办理时间\uFFFD20个工作日。", nil},
		{"项目工期\uFFFD20天到30天不等。", nil},   // no verb
		{"办理时间\uFFFD20个工作日压减至5天。", nil}, // units differ
		{"全县\uFFFD60天缩短至15天。", nil},     // no time noun
		{"全县\uFFFD12个乡镇压缩为6个。", nil},    // no material noun
	})
}
