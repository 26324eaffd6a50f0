package extractors

import "testing"

// TestMatchingFunds: matching funds (配套资金) a level of government puts
// up are money allocated, named or not by a verb.
func TestMatchingFunds(t *testing.T) {
	checkKinds(t, []kindCase{
		{"争取省级补助资金1.2亿元，市级配套资金800万元。", []string{"funding 1.2e+08", "funding 8e+06"}},
		{"项目总投资3.2亿元，其中县级配套资金2,300万元。", []string{"investment 3.2e+08", "funding 2.3e+07"}},
		{"地方配套资金1.5亿元已全部拨付到位。", []string{"funding 1.5e+08"}},
		{"省级配套资金3,600万元用于农村公路安防工程。", []string{"funding 3.6e+07"}},
		{"区财政配套资金450万元，确保工程顺利推进。", []string{"funding 4.5e+06"}},
	})
}
