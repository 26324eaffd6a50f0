package extractors

import "testing"

// TestQualifiedFromTo: a before or an after that carries a qualifier (约,
// 大约, 近, 将近) is still one end of the cut: "由以往平均约40天压缩到10天".
func TestQualifiedFromTo(t *testing.T) {
	checkKinds(t, []kindCase{
		{"办理时限由过去约20个工作日压缩至5个工作日。", []string{"time_cut 75"}},
		{"审批时间由原来的大约45天缩短为15天。", []string{"time_cut 66.6667"}},
		{"企业开办时间从平均近8天压减至2天。", []string{"time_cut 75"}},
		{"办结时间由约15个工作日缩减至约6个工作日。", []string{"time_cut 60"}},
		{"申请材料由原来的约30份精简至12份。", []string{"material_cut 60"}},
		{"竣工验收时间由以往平均约40天压缩到10天。", []string{"time_cut 75"}},
		{"施工许可时间由将近50个工作日压减为20个工作日。", []string{"time_cut 60"}},
	})
}
