package extractors

import "testing"

// A from→to pair whose numbers follow the list of what they count ("由受理、
// 审查、决定3个环节压缩为受理、决定2个环节"): the list is skipped on both
// sides, as a filler is.
func TestFromToAfterList(t *testing.T) {
	checkValues(t, []valueCase{
		{"办理环节由受理、审查、决定3个环节压缩为受理、决定2个环节。", []float64{33.3333}},
		{"审批流程由申请、受理、审核、批准4个环节精简为申请、批准2个环节。", []float64{50}},
		{"所需材料由身份证、户口本、结婚证、房产证4份减少到身份证1份。", []float64{75}},
		{"办事环节由窗口受理、部门审核、领导签批、办结4个环节压减为受理、办结2个环节。", []float64{50}},
		{"申请材料由申请表、营业执照、法人身份证明等5份精简为申请表1份。", []float64{80}},
		// a list with no cut: none
		{"该项目由市、县两级财政共同承担，共3个项目。", nil},
		{"由甲、乙2个部门联合办理，时间为5个工作日。", nil},
	})
}
