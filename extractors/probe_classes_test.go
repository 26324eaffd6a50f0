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
