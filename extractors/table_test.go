package extractors

import "testing"

// Tables flattened to text give their units in the header; the rows'
// bare numbers are figures of their columns. From probe6 misses (odd
// half); the tables here are written in other shapes: spaces, ｜, tabs,
// 亿元 and 万元, lengths of roads and of other ways.
func TestTableColumns(t *testing.T) {
	checkKinds(t, []kindCase{
		{"2024年公路建设计划\n序号 项目名称 里程（公里） 总投资（亿元）\n1 G318线改建工程 56.2 12.4\n2 县道X203升级改造 18.5 2.36",
			[]string{"road_length 56.2", "investment 1.24e+09", "road_length 18.5", "investment 2.36e+08"}},
		{"项目名称｜建设里程（公里）｜年度计划投资（万元）\n环城北路｜4.8｜3600\n滨河大道｜6.1｜5200\n注：计划投资含征拆费用。",
			[]string{"road_length 4.8", "investment 3.6e+07", "road_length 6.1", "investment 5.2e+07"}},
		{"序号\t路线名称\t改造长度(km)\t补助资金(万元)\n1\t青山村通组公路\t3.2\t96\n2\t石桥至河口公路\t7.5\t225",
			[]string{"road_length 3.2", "funding 960000", "road_length 7.5", "funding 2.25e+06"}},
		// a page's table, its cells read with tabs, one of them empty
		{"序号\t项目名称\t建设性质\t里程（公里）\t投资（万元）\n1\t东环路\t新建\t\t2800\n2\t南山路\t改建\t3.6\t1500",
			[]string{"investment 2.8e+07", "road_length 3.6", "investment 1.5e+07"}},
		// a tunnel's or a railway's length is no road's; its money is
		// still an investment
		{"重点项目表\n项目 长度（公里） 投资（亿元）\n城际铁路 35.6 120\n白云隧道 2.4 8.8",
			[]string{"investment 1.2e+10", "investment 8.8e+08"}},
		// network stock, and a row that does not fit the header
		{"全县路网情况\n乡镇 总里程（公里） 密度 备注\n城关镇 120.5 1.2 无\n合计 356",
			nil},
		// a line that only looks like a header: one cell
		{"（单位：万元）\n全年完成投资3600万元。", []string{"investment 3.6e+07"}},
	})
}
