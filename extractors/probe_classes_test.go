package extractors

import "testing"

// Customs clearance is a government procedure: its time is a processing
// time like an approval's (通关时间, 报关时间, 清关时间); travel and waiting
// times still are not.
func TestCustomsTimeCut(t *testing.T) {
	checkValues(t, []valueCase{
		{"口岸整体通关时间压缩至30小时，较去年压缩45%。", []float64{45}},
		{"推行两步申报后，企业报关时间缩短60%。", []float64{60}},
		{"今年出口通关时间较2017年压缩85.2%。", []float64{85.2}},
		{"跨境电商包裹清关时间平均压缩40%。", []float64{40}},
		{"进口货物通关时间由48小时压缩至12小时。", []float64{75}},
		{"新线开通后，两地通行时间缩短30%。", nil},
		{"旅客平均候车时间缩短20%。", nil},
	})
}

// Money allocated down the line (下拨, 预拨, 划拨, 拨出) is funding, as
// 拨付 and 下达 already were.
func TestAllocationVerbFunding(t *testing.T) {
	checkValues(t, []valueCase{
		{"省财政厅下拨5000万元专项资金用于农村公路养护。", []float64{5e7}},
		{"市政府紧急预拨救灾资金3000万元。", []float64{3e7}},
		{"交通运输部向该省划拨车购税资金2.3亿元。", []float64{2.3e8}},
		{"县财政已拨出配套资金800万元。", []float64{8e6}},
		{"中央财政提前下拨明年农村公路建设资金12亿元。", []float64{1.2e9}},
	})
}

// A bridge's or tunnel's approach road (接线, like 连接线) is road: its
// length is a road project's, though a bridge is named before it.
func TestApproachRoad(t *testing.T) {
	checkValues(t, []valueCase{
		{"长江大桥南岸接线工程全长4.6公里，计划明年建成。", []float64{4.6}},
		{"该桥北接线全长2.8公里，已完成路基施工。", []float64{2.8}},
		{"隧道南口接线工程全长1.9公里。", []float64{1.9}},
		{"黄河大桥东接线全长3.1公里，目前正在铺设沥青。", []float64{3.1}},
		{"跨海大桥香港段接线工程全长约九公里。", []float64{9}},
		// the bridge itself is not road
		{"跨江大桥主桥全长1.2公里。", nil},
	})
}

// Utility connections (供水/供电/燃气报装) and surveying (测绘) are steps of
// the approvals that business-environment reforms cut: their 时间 is a
// processing time.
func TestServiceStepTimeCut(t *testing.T) {
	checkValues(t, []valueCase{
		{"城市供水报装时间从15个工作日缩短为5个工作日。", []float64{66.6667}},
		{"低压用电报装时间压缩60%。", []float64{60}},
		{"燃气报装时间由12个工作日减至4个工作日。", []float64{66.6667}},
		{"推行多测合一后，测绘时间由30天缩短至10天。", []float64{66.6667}},
		{"竣工测绘时间压缩50%以上。", []float64{50}},
		// a trip's time is still none
		{"新线通车后，两地通行时间缩短40%。", nil},
	})
}

// 天数 after an approval word is the time itself ("审查天数由42天降至28天").
func TestDayCountTimeCut(t *testing.T) {
	checkValues(t, []valueCase{
		{"简化流程后，平均审查天数由40天降至25天。", []float64{37.5}},
		{"建照审批天数缩短约30%。", []float64{30}},
		{"企业开办天数由8天压缩至2天。", []float64{75}},
		{"不动产登记办理天数压减至3天，较去年缩短50%。", []float64{50}},
		{"项目审批天数从120天减少到60天。", []float64{50}},
		// days of rain or of a holiday are not
		{"今年降雨天数较去年减少30%。", nil},
	})
}

// Works verbs of Hong Kong, Taiwan and formal mainland text: 兴建 (build),
// 扩阔 (widen), as 新建 and 拓宽.
func TestFormalWorksVerbs(t *testing.T) {
	checkValues(t, []valueCase{
		{"政府计划兴建约三十公里新道路。", []float64{30}},
		{"县府将兴建一条长8公里的产业道路。", []float64{8}},
		{"路政署正扩阔一段长约3.5公里的公路。", []float64{3.5}},
		{"粉岭公路扩阔工程涉及路段长约五点九公里。", []float64{5.9}},
		{"今年兴建农村道路12公里。", []float64{12}},
	})
}

// Light rail (轻轨) is a rail way like 轻铁 and 城轨: its length is no road's.
func TestLightRailNotRoad(t *testing.T) {
	checkValues(t, []valueCase{
		{"轻轨东线全长约7.7公里，设车站6座。", nil},
		{"新建轻轨线路12公里。", nil},
		{"该市轻轨二期工程全长18公里。", nil},
		{"轻轨延伸段长约3公里，明年通车。", nil},
		{"沿轻轨新建配套道路4公里。", []float64{4}},
	})
}
