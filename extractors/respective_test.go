package extractors

import (
	"fmt"
	"testing"
)

// "分别由5个、20个工作日压缩至1个、8个工作日": two limits cut at once, each
// from its own before to its own after, in the order given. From a probe6
// miss (odd half), written here in other words.
func TestRespectiveFromTo(t *testing.T) {
	checkKinds(t, []kindCase{
		{"企业投资项目备案、核准的办理时限分别由5个、20个工作日压缩至1个、8个工作日。", []string{"time_cut 80", "time_cut 60"}},
		{"施工许可和竣工验收时限分别从15天、30天缩短至5天、10天。", []string{"time_cut 66.6667", "time_cut 66.6667"}},
		{"两类事项的审批时间分别由20个、12个工作日压减至10个、3个工作日。", []string{"time_cut 50", "time_cut 75"}},
		{"设立登记和变更登记的申请材料分别由12份、8份精简为6份、4份。", []string{"material_cut 50", "material_cut 50"}},
		{"不动产一般登记、抵押登记办理时限分别由10个、5个工作日压缩至4个、1个工作日。", []string{"time_cut 60", "time_cut 80"}},
		// one pair stays one cut
		{"审批时限由20个工作日压缩至5个工作日。", []string{"time_cut 75"}},
	})
}

// A negative word that begins a permit's name (通行许可, 占道施工许可) does not
// make the permit's processing time a travel time. From a probe7 miss (odd
// half); travel times stay out.
func TestPermitNamedWithNegative(t *testing.T) {
	checkKinds(t, []kindCase{
		{"超限运输车辆通行许可由5个工作日压缩至1个工作日。", []string{"time_cut 80"}},
		{"车辆通行证办理时间由3天缩短至1天。", []string{"time_cut 66.6667"}},
		{"道路通行许可审批由10个工作日压减至3个工作日。", []string{"time_cut 70"}},
		{"占道施工许可由7个工作日压缩至2个工作日。", []string{"time_cut 71.4286"}},
		{"大件运输通行许可由15天缩短为5天。", []string{"time_cut 66.6667"}},
		// travel times are no processing time
		{"通行时间由40分钟缩短至15分钟。", nil},
		{"两地行车时间由3小时缩短至1.5小时。", nil},
	})
}

// Words a from→to pair is written with in Taiwan (原本的, 工作天, 種 of
// 申請文件 or 書件) and before a last year's or a summed from value (去年的,
// 累计). From probe10 misses (odd half), in other words; a count of kinds
// without a material noun stays out.
func TestFromToWords(t *testing.T) {
	checkFigures(t, []kindCase{
		{"審查期限由原本的10個工作天縮短為5個工作天。", []string{"time_cut 50"}},
		{"建照核發辦理時限由20個工作天縮短為8個工作天。", []string{"time_cut 60"}},
		{"申請文件由9種減為5種。", []string{"material_cut 44.4444"}},
		{"應備書件由原本的12種精簡為6種。", []string{"material_cut 50"}},
		{"项目审批平均用时由去年的40天缩短到25天。", []string{"time_cut 37.5"}},
		{"并联审批办理时限由累计45个工作日压缩至10个工作日。", []string{"time_cut 77.7778"}},
		{"施工许可审批时间由上年的30天压减至12天。", []string{"time_cut 60"}},
		// a count of kinds that is no material stays out
		{"公交线路由9种票价减为5种。", nil},
	}, true, func(f Figure) string { return fmt.Sprintf("%s %g", f.Kind, f.Value) })
}
