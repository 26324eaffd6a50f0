package extractors

import "testing"

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
