package extractors

import "testing"

// TestDifferenceIsNoEnd: an amount a verb took off (减少120天, 缩短了15天)
// is neither the before nor the after of a cut; paired with one, it gave
// a wrong percentage (压缩至90天…减少约120天 read as 120→90, 25%).
func TestDifferenceIsNoEnd(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全流程审批时间压缩至90天以内，比改革前平均减少约120天。", nil},
		{"办理时限压缩至5个工作日，比原来减少15个工作日。", nil},
		{"原来办理需要20天，现在缩短了15天。", nil},
		{"过去办理需要30个工作日，如今节省了18个工作日。", nil},
		{"申请材料精简至8份，比以前减少12份。", nil},
		{"审批时间由原来的45天压缩至20天，减少25天。", []string{"time_cut 55.5556"}},
		{"改革前需要20个工作日；改革后，2个工作日即可办结。", []string{"time_cut 90"}},
		{"过去办理至少需要20个工作日，现在最少5个工作日即可办结。", []string{"time_cut 75"}},
	})
}
