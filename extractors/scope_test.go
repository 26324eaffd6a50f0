package extractors

import "testing"

// TestJurisdictionScope: a way's total length within a jurisdiction
// (县内, 辖内, 市内) is the network's stock, as with 境内 and 辖区.
func TestJurisdictionScope(t *testing.T) {
	checkKinds(t, []kindCase{
		{"目前全市辖内农村公路总长约3,260公里。", nil},
		{"县内县乡道总长约980公里，其中三成路面老化。", nil},
		{"市内城市道路总长1,120公里。", nil},
		{"区内公路全长达到640公里，密度居全省前列。", nil},
		{"省内高速公路总长约8,300公里。", nil},
		{"今年县内新建农村公路120公里。", []string{"road_length 120"}},
	})
}

// TestUnitInBrackets: a unit in brackets after a noun (预算（百万元）,
// 金额（千万元）) names the unit of a table's column, not an amount.
func TestUnitInBrackets(t *testing.T) {
	checkKinds(t, []kindCase{
		{"工程项目 | 道路长度 | 核准预算（百万元） | 预计完工", nil},
		{"项目名称\t投资额（千万元）\t进度", nil},
		{"表4 各区补助（百万元）", nil},
		{"全年投资约百万元用于养护。", []string{"investment 1e+06"}},
	})
}

// TestTableScaledUnits: columns in 百万元, 千万元 or 千元 (Hong Kong and
// Macau tables write 百萬元) are read at their scale.
func TestTableScaledUnits(t *testing.T) {
	checkKinds(t, []kindCase{
		{"工程项目 | 道路长度（公里） | 核准投资（百万元）\n屯门公路扩阔 | 3.2 | 1,850\n东涌道改善 | 1.4 | 620",
			[]string{"road_length 3.2", "investment 1.85e+09", "road_length 1.4", "investment 6.2e+08"}},
		{"项目\t投资额（千元）\t备注\n乡道修复\t8,600\t完工", []string{"investment 8.6e+06"}},
	})
}
