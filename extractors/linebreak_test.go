package extractors

import "testing"

// A from→to pair broken across lines (hard-wrapped text, PDF lines): the
// line ends inside the sentence and the next starts with the pair's to
// mark, which no sentence starts with. Found in a blind probe (p4-173,
// odd half), written here in other words.
func TestFromToAcrossLineBreak(t *testing.T) {
	checkValues(t, []valueCase{
		{"建设项目选址意见书办理时限由20个工作日\n压缩至7个工作日，实现一次办结。", []float64{65}},
		{"审批时间从原来的45天\n缩短到15天。", []float64{66.6667}},
		{"申请材料由12份\n精简为5份。", []float64{58.3333}},
		{"企业开办时间由5个工作日\n压减至1个工作日以内。", []float64{80}},
		{"不动产登记办理时限由30个工作日\r\n缩短为5个工作日。", []float64{83.3333}},
		// a line that starts otherwise still starts a sentence
		{"办理时限20个工作日\n今年新建农村公路12公里。", []float64{12}},
	})
}
