package extractors

import "testing"

// TestStatedCutBase: a before whose clause states the cut made of it
// (较改革前的236个工作日压减66.1%) is that cut's base, not the before of
// another subject's after in the next clause.
func TestStatedCutBase(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全流程审批时间控制在60个工作日以内，较改革前的180个工作日压减66.7%；小型项目审批时间压缩至20个工作日以内。", []string{"time_cut 66.7"}},
		{"办理时限较改革前的30个工作日压缩50%；简易事项办理时限压缩至3个工作日。", []string{"time_cut 50"}},
		{"全流程审批用时较以往的120天缩短60%，低风险项目审批时间压缩至10天以内。", []string{"time_cut 60"}},
		{"申请材料较过去的40份精简45%；个人事项申请材料减少至5份。", []string{"material_cut 45"}},
		{"审批时限比改革前的90天缩减70%；告知承诺事项审批时间缩短至1天。", []string{"time_cut 70"}},
		{"一般项目审批时间较改革前的100个工作日压减60%；简易低风险项目审批时间压缩至15个工作日。", []string{"time_cut 60"}},
		{"不动产登记时间较改革前的15个工作日压缩80%；抵押登记压缩至1个工作日。", []string{"time_cut 80"}},
		{"过去办理需要20个工作日，现在只需5个工作日。", []string{"time_cut 75"}},
	})
}
