package extractors

import "testing"

// TestApprovalStagesCut: stages of an approval (审批阶段) are steps, which
// the policy counts as material_cut like 环节 and 程序.
func TestApprovalStagesCut(t *testing.T) {
	checkKinds(t, []kindCase{
		{"工程建设项目审批阶段由6个精简为4个。", []string{"material_cut 33.3333"}},
		{"审批阶段从5个压减至3个，实行并联审批。", []string{"material_cut 40"}},
		{"办理阶段由原来的4个减少为2个。", []string{"material_cut 50"}},
		{"全流程审批阶段由7个精简为4个。", []string{"material_cut 42.8571"}},
		{"将施工许可审批阶段由3个压缩为1个。", []string{"material_cut 66.6667"}},
		{"审批由6个阶段精简为4个阶段。", []string{"material_cut 33.3333"}},
		{"项目分三个阶段实施，第一阶段投资2亿元。", []string{"investment 2e+08"}},
	})
}
