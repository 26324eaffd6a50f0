package extractors

import (
	"fmt"
	"slices"
	"testing"
)

// Tables whose unit stands in a caption line above them (单位：万元), whose
// cells write thousands separators or full-width digits, whose rows carry
// their own unit in the row label (a statistics table with a column per
// year), and approval-reform tables (a before and an after column, and a
// stated ratio). From probe13 misses (odd half), written in other words.
func TestTableCaptionUnit(t *testing.T) {
	checkKinds(t, []kindCase{
		{"各县区公路建设投资完成情况\n（单位：万元）\n县区\t年度计划投资\t实际完成投资\t完成率（%）\n东平县\t12,500\t13,020\t104.2\n西林县\t8,600\t8,410\t97.8",
			[]string{"investment 1.25e+08", "investment 1.302e+08", "investment 8.6e+07", "investment 8.41e+07"}},
		{"单位：亿元\n项目\t总投资\t已完成投资\n沿江高速\t86.5\t31.2\n环城快速路\t24.8\t9.6",
			[]string{"investment 8.65e+09", "investment 3.12e+09", "investment 2.48e+09", "investment 9.6e+08"}},
		{"表3 农村公路建设任务（单位：公里）\n乡镇 新改建里程 养护里程 危桥（座）\n青石镇 18.6 42 3\n白马乡 9.4 27 1",
			[]string{"road_length 18.6", "road_length 42", "road_length 9.4", "road_length 27"}},
		{"2024年车购税补助资金分配表\n单位：万元\n县（市、区）｜下达资金｜其中：农村公路\n临江县｜3,260｜1,850\n北山区｜2,140｜960",
			[]string{"funding 3.26e+07", "funding 1.85e+07", "funding 2.14e+07", "funding 9.6e+06"}},
		{"单位：万元\n项目名称 总投资 年度计划 增长率（%）\n码头扩建 ４５００ １２００ 6.5\n客运站改造 ３２００ ８００ 3.1",
			[]string{"investment 4.5e+07", "investment 1.2e+07", "investment 3.2e+07", "investment 8e+06"}},
		// a caption over a table of counts and rates gives no figure
		{"单位：万元\n县区\t项目个数\t完成率（%）\n东平县\t12\t98.5", nil},
	})
}

func TestTableRowUnits(t *testing.T) {
	checkKinds(t, []kindCase{
		{"主要指标\n指标  2022年  2023年\n新改建农村公路（公里）  318  402\n完成交通投资（亿元）  45.6  52.3\n公路总里程（公里）  8650  8960",
			[]string{"road_length 318", "road_length 402", "investment 4.56e+09", "investment 5.23e+09"}},
		{"项目\t2021年\t2022年\t2023年\n改造国省干线（公里）\t56\t61.5\t70.2\n客运量（万人次）\t1200\t980\t1350",
			[]string{"road_length 56", "road_length 61.5", "road_length 70.2"}},
		{"指标名称 上年 本年\n争取上级补助资金（万元） 8,200 9,650\n同比增长（%） 3.2 17.7",
			[]string{"funding 8.2e+07", "funding 9.65e+07"}},
		{"类别  2023年  2024年计划\n农村公路养护里程（公里）  1200  1350\n铁路营业里程（公里）  210  210",
			[]string{"road_length 1200", "road_length 1350"}},
		{"统计项目 2022年 2023年\n公路密度（公里/百平方公里） 96.1 98.4\n高速公路通车里程（公里） 410 455", nil},
	})
}

func TestTableReformRows(t *testing.T) {
	checkKinds(t, []kindCase{
		{"| 事项 | 改革前时限（工作日） | 改革后时限（工作日） | 压缩比例 |\n| --- | --- | --- | --- |\n| 不动产登记 | 15 | 3 | 80% |\n| 水电气报装 | 10 | 4 |  |",
			[]string{"time_cut 80", "time_cut 60"}},
		{"审批事项\t原办理时限（天）\t现办理时限（天）\n施工许可\t20\t5\n竣工验收备案\t12\t3",
			[]string{"time_cut 75", "time_cut 75"}},
		{"事项名称｜改革前材料（份）｜改革后材料（份）｜精简比例\n企业开办｜12｜4｜66.7%\n税务登记｜8｜5｜37.5%",
			[]string{"material_cut 66.7", "material_cut 37.5"}},
		{"环节 改革前（工作日） 改革后（工作日）\n规划许可 30 10\n用地审批 25 25",
			[]string{"time_cut 66.6667"}},
		{"事项 原时限（日） 现时限（日）\n户外广告设置 10 4\n临时占道 6 2",
			[]string{"time_cut 60", "time_cut 66.6667"}},
		{"事项\t法定时限（工作日）\t承诺时限（工作日）\t压缩率\n道路运输经营许可\t20\t5\t75%\n危货运输许可\t20\t8\t60%",
			[]string{"time_cut 75", "time_cut 60"}},
	})
}

// TestTableFundColumns: a money column named for granted or matching
// money (车购税资金, 配套资金, 中央预算内) is funding, as in a sentence.
func TestTableFundColumns(t *testing.T) {
	checkKinds(t, []kindCase{
		{"项目\t车购税资金（万元）\t地方配套资金（万元）\n国道改建\t2400\t800",
			[]string{"funding 2.4e+07", "funding 8e+06"}},
		{"县区｜中央预算内资金（万元）｜总投资（万元）\n北城区｜1500｜6200",
			[]string{"funding 1.5e+07", "investment 6.2e+07"}},
		{"单位：万元\n项目名称 转移支付 专项债 自筹资金\n县道提升 300 500 260",
			[]string{"funding 3e+06", "funding 5e+06", "investment 2.6e+06"}},
	})
}

// TestTableCellPerLine: a page's table read one cell per line, header
// cells first, an empty cell an empty line, units in the header, in a
// caption or in each cell.
func TestTableCellPerLine(t *testing.T) {
	checkKinds(t, []kindCase{
		{"表1 重点公路项目\n序号\n项目名称\n建设里程（公里）\n总投资（万元）\n1\n北环公路改建\n14.2\n22600\n2\n南山连接线\n6.8\n\n3\n东湖大道延伸\n3.5\n9800\n备注：投资含征拆。",
			[]string{"road_length 14.2", "investment 2.26e+08", "road_length 6.8", "road_length 3.5", "investment 9.8e+07"}},
		{"单位：万元\n县区\n下达补助资金\n其中：农村公路\n青山县\n1200\n800\n白水县\n950\n600\n以上资金请及时拨付。",
			[]string{"funding 1.2e+07", "funding 8e+06", "funding 9.5e+06", "funding 6e+06"}},
		{"事项\n优化前\n优化后\n压缩比例\n用地许可\n20天\n8天\n60%\n规划许可\n15天\n5天\n—\n施工许可\n10天\n3天\n70%",
			[]string{"time_cut 60", "time_cut 66.6667", "time_cut 70"}},
		{"路段\n里程\n投资\n城西段\n8.4公里\n1.2亿元\n城东段\n5.1公里\n0.8亿元\n合计",
			[]string{"road_length 8.4", "investment 1.2e+08", "road_length 5.1", "investment 8e+07"}},
		{"项目\n建设里程（公里）\n完成投资（亿元）\n绕城公路\n32.6\n18.4\n滨江路\n9.2\n4.6",
			[]string{"road_length 32.6", "investment 1.84e+09", "road_length 9.2", "investment 4.6e+08"}},
	})
}

// TestTableRoadCode: a row named by a road's number (G345线, X061) is a
// road's, whatever place names (花桥, 石桥) it holds.
func TestTableRoadCode(t *testing.T) {
	checkKinds(t, []kindCase{
		{"序号\t项目名称\t建设里程（公里）\n1\tG345线石门至河口段改建工程\t28.6\n2\t县道X061花桥至柳溪段提质改造\t17.9\n3\tS218线城关过境段\t12.4\n4\t石桥镇至河口渡槽改造\t3.2",
			[]string{"road_length 28.6", "road_length 17.9", "road_length 12.4"}},
	})
}

// TestTableReformPairs: a reform table with two pairs of before and
// after columns (materials, then trips), a ratio stated for the first.
func TestTableReformPairs(t *testing.T) {
	checkKinds(t, []kindCase{
		{"事项｜改革前材料（份）｜改革后材料（份）｜精简比例｜改革前跑动次数｜改革后跑动次数\n出租车经营许可｜10｜4｜60%｜4｜1\n驾培机构备案｜6｜3｜50%｜2｜2",
			[]string{"material_cut 60", "material_cut 75", "material_cut 50"}},
	})
}

// TestTableCellTitle: the title line above a header read one cell per line
// is not its first cell (the rows' shape repeats whatever line the header
// is taken to start at, so the row names came out one cell early).
func TestTableCellTitle(t *testing.T) {
	checkFigures(t, []kindCase{
		{"表2 重点项目进展情况表\n序号\n项目名称\n建设里程（公里）\n总投资（万元）\n进度\n1\n北环公路改建\n14.2\n22600\n路基施工\n2\n南环公路新建\n6.8\n9800\n完工\n3\n东环公路提质\n3.3\n4100\n设计",
			[]string{"road_length 14.2 北环公路改建", "investment 2.26e+08 北环公路改建", "road_length 6.8 南环公路新建", "investment 9.8e+07 南环公路新建", "road_length 3.3 东环公路提质", "investment 4.1e+07 东环公路提质"}},
	}, false, func(f Figure) string { return fmt.Sprintf("%s %g %s", f.Kind, f.Value, f.Subject) })
}

// TestTableUnitsInCells: a header that names its columns without a unit
// (建设里程, 总投资, 下达资金) over cells that write theirs (46.3公里,
// 7380万元), one cell per line or between tabs; a cell's own money unit
// is its value's.
func TestTableUnitsInCells(t *testing.T) {
	checkKinds(t, []kindCase{
		{"项目名称\n建设性质\n建设里程\n总投资\n完成投资\n沿江公路\n续建\n46.3公里\n98.6亿元\n31.2亿元\n环城公路\n新开工\n18.2公里\n7.85亿元\n4300万元",
			[]string{"road_length 46.3", "investment 9.86e+09", "investment 3.12e+09", "road_length 18.2", "investment 7.85e+08", "investment 4.3e+07"}},
		{"序号\t项目名称\t建设规模\t下达资金\t备注\n1\tG242线改建工程\t24.6公里\t7380万元\t二级公路\n2\tS218线过境段\t11.2公里\t3136万元\t二级公路",
			[]string{"road_length 24.6", "funding 7.38e+07", "road_length 11.2", "funding 3.136e+07"}},
		{"路线\t里程\t投资\nX061线\t12.5公里\t3.2亿元\nY203线\t4.8公里\t6500万元",
			[]string{"road_length 12.5", "investment 3.2e+08", "road_length 4.8", "investment 6.5e+07"}},
		{"县区\n补助资金\n新改建公路里程\n东城区\n1,200万元\n35.5公里\n西城区\n860万元\n22公里\n南城区\n540万元\n14.6公里",
			[]string{"funding 1.2e+07", "road_length 35.5", "funding 8.6e+06", "road_length 22", "funding 5.4e+06", "road_length 14.6"}},
		{"名称\t长度\t估算投资\n滨河大道\t6.2公里\t4.1亿元\n工业园路\t3.4公里\t9800万元",
			[]string{"road_length 6.2", "investment 4.1e+08", "road_length 3.4", "investment 9.8e+07"}},
	})
}

// TestTableSpaceLayout: a PDF's table laid out with spaces: its caption
// right-aligned, category headings between rows (一 高速公路), and a
// totals row without a serial number placed by where its cells stand.
func TestTableSpaceLayout(t *testing.T) {
	checkKinds(t, []kindCase{
		{"                                        单位：公里、万元\n序号 项目名称        建设规模  总投资\n一   高速公路\n1    北环高速公路    86.4      1,486,500\n二   普通国省道\n2    G237线改建      18.35     146,800",
			[]string{"road_length 86.4", "investment 1.4865e+10", "road_length 18.35", "investment 1.468e+09"}},
		{"                                   单位：公里、亿元\n序号 路线名称        里程      投资\n1    S312线          31.2      8.96\n2    X115线          12        2.5\n     合计            43.2      11.46",
			[]string{"road_length 31.2", "investment 8.96e+08", "road_length 12", "investment 2.5e+08", "road_length 43.2", "investment 1.146e+09"}},
		{"                                      单位：工作日、份\n序号 事项名称          法定时限 承诺时限 原申请材料 现申请材料\n1    道路运输经营许可  20       5        9          4\n2    涉路施工许可      20       8        10         6",
			[]string{"time_cut 75", "material_cut 55.5556", "time_cut 60", "material_cut 40"}},
		{"                                   单位：万元\n序号 项目名称        总投资    年度计划\n（一）续建项目\n1    南环公路        52,000    18,000\n（二）新开工项目\n2    东山公路        31,500    9,000",
			[]string{"investment 5.2e+08", "investment 1.8e+08", "investment 3.15e+08", "investment 9e+07"}},
		{"                                                    单位：千米、万元\n序号 工程名称          里程    投资\n1    农村公路提升      420     63,000\n2    县道改造          56.5    8,400\n三   其他\n3    县乡公路安防      120     3,600",
			[]string{"road_length 420", "investment 6.3e+08", "road_length 56.5", "investment 8.4e+07", "road_length 120", "investment 3.6e+07"}},
	})
}

// TestRoadCodeJunction: a route that starts or ends at a numbered road's
// junction (X061线路口) names no line of another kind: 线路 there is the
// 线 of the number and the 路口 after it.
func TestRoadCodeJunction(t *testing.T) {
	checkKinds(t, []kindCase{
		{"本工程起自X061线路口，终点为花桥村，全长约9.3公里。", []string{"road_length 9.3"}},
		{"该项目起于城关镇，止于S218线路口，全长14.2公里。", []string{"road_length 14.2"}},
		{"本工程起自卓兰镇苗52线路口，终点为东势区附近，全长约7.8公里。", []string{"road_length 7.8"}},
		{"改造段从G105线路口至河口村，全长5.6公里。", []string{"road_length 5.6"}},
		{"起点位于Y203线路口，终点接县城南环，路线全长11公里。", []string{"road_length 11"}},
	})
}

// TestJurisdictionStock: the roads an office has in its charge (辖管,
// 管辖, 所辖, 管养, 列养) are its network's stock, whatever the office's name
// says (养护中心 holds a works verb): no project's length.
func TestJurisdictionStock(t *testing.T) {
	checkKinds(t, []kindCase{
		{"市公路养护中心辖管国省道约860公里，今年完成路面修复32公里。", []string{"road_length 32"}},
		{"中区养护工程分局管辖省道1,150公里，今年计划大修45公里。", []string{"road_length 45"}},
		{"公路养护段列养农村公路2,300公里，完成新改建28公里。", []string{"road_length 28"}},
		{"县公路建设养护中心所辖公路612公里，其中高速公路128公里。", nil},
		{"养护工区管养干线公路约430公里，年内改造危桥5座。", nil},
	})
}

// TestTableHeadingsAndTotals: category headings between a table's rows
// (一、高速公路) do not end it, whatever separates its cells; a totals row
// laid out with spaces, its serial number and name cells empty, is read
// under the header by where its cells stand.
func TestTableHeadingsAndTotals(t *testing.T) {
	checkKinds(t, []kindCase{
		{"序号\t项目名称\t里程（公里）\t投资（万元）\n一、高速公路\n1\tG5高速北段\t32.5\t12000\n二、普通国省道\n2\tG318线改建\t18.2\t5600",
			[]string{"road_length 32.5", "investment 1.2e+08", "road_length 18.2", "investment 5.6e+07"}},
		{"序号|路线|里程（公里）|补助资金（万元）\n（一）国道\n1|G213线|12.4|800\n（二）省道\n2|S302线|9.6|450",
			[]string{"road_length 12.4", "funding 8e+06", "road_length 9.6", "funding 4.5e+06"}},
		{"序号 项目名称          里程（公里） 投资（万元）\n1    北外环公路        12.5         8,600\n2    南外环公路        9.5          6,400\n     合计              22           15,000",
			[]string{"road_length 12.5", "investment 8.6e+07", "road_length 9.5", "investment 6.4e+07", "road_length 22", "investment 1.5e+08"}},
		{"序号 路段名称          建设里程（公里） 总投资（亿元）\n1    城关至河口公路    21.3             6.8\n2    河口至柳溪公路    14.7             4.2\n     合计                                 11",
			[]string{"road_length 21.3", "investment 6.8e+08", "road_length 14.7", "investment 4.2e+08", "investment 1.1e+09"}},
	})
}

// TestRouteLengthWithQualifier: 路线长约 (主线长约, 路线总长约) is a project's
// length though the 约 belongs to the number: the length word is 路线长.
func TestRouteLengthWithQualifier(t *testing.T) {
	checkKinds(t, []kindCase{
		{"东西向快速路二期，路线长约2.6公里。", []string{"road_length 2.6"}},
		{"城北快速路工程路线长约3.4公里，双向六车道。", []string{"road_length 3.4"}},
		{"该公路改建工程路线总长约18.5公里。", []string{"road_length 18.5"}},
		{"城南快速路项目，主线长约12.3公里。", []string{"road_length 12.3"}},
		{"滨江大道改造，路段长约4.6公里，计划年内开工。", []string{"road_length 4.6"}},
		{"地铁3号线路线长约21公里。", nil},
	})
}

// TestTaiwanProcessingTime: Taiwan's and Hong Kong's words for the time a
// procedure takes (期程) and for issuing or applying (核发, 申办, 审理)
// make a cut of processing time; a works schedule (工程期程) does not.
func TestTaiwanProcessingTime(t *testing.T) {
	checkKinds(t, []kindCase{
		{"建照核发天数由14天缩短至7天。", []string{"time_cut 50"}},
		{"建造执照审查期程缩短40%。", []string{"time_cut 40"}},
		{"案件审理时间由30日缩短为20日。", []string{"time_cut 33.3333"}},
		{"营业登记核定天数从10天减为4天。", []string{"time_cut 60"}},
		{"整体申办期程缩短约40%。", []string{"time_cut 40"}},
		{"受疫情影响，工程期程缩短约30%。", nil},
	})
}

// TestFundProgrammes: money of a named programme of granted funds
// (以工代赈, 衔接资金) is funding, as an item after another grant too;
// a programme that names no money (以工代赈方式) gives none.
func TestFundProgrammes(t *testing.T) {
	checkKinds(t, []kindCase{
		{"下达农村公路建设补助资金8,650万元，以工代赈资金1,200万元。", []string{"funding 8.65e+07", "funding 1.2e+07"}},
		{"到位上级补助资金5200万元，衔接资金1800万元。", []string{"funding 5.2e+07", "funding 1.8e+07"}},
		{"下达车购税资金3100万元，以工代赈资金640万元，一般债券资金2000万元。", []string{"funding 3.1e+07", "funding 6.4e+06", "funding 2e+07"}},
		{"通过以工代赈方式，带动群众务工增收1200万元。", nil},
		{"争取上级补助资金4000万元，以工代赈资金800万元，财政衔接资金600万元。", []string{"funding 4e+07", "funding 8e+06", "funding 6e+06"}},
		{"争取上级补助资金4000万元，资金缺口800万元。", []string{"funding 4e+07"}},
	})
}

// TestCostShare: the share of a project's cost a higher government bears
// (中央负担, 省级负担) is money granted to it: funding, as an item of the
// total's list too; a burden lightened (减轻企业负担) is none.
func TestCostShare(t *testing.T) {
	checkKinds(t, []kindCase{
		{"本工程总经费18.6亿元，其中中央负担约15.2亿元，其余由地方政府配合分担。", []string{"investment 1.86e+09", "funding 1.52e+09"}},
		{"工程总投资12亿元，由中央负担9亿元。", []string{"investment 1.2e+09", "funding 9e+08"}},
		{"项目计划投资5.4亿元，省级负担2亿元。", []string{"investment 5.4e+08", "funding 2e+08"}},
		{"该计划中央政府负担经费3.6亿元。", []string{"funding 3.6e+08"}},
		{"总投资8亿元，其中省负担3亿元，其余由县自筹。", []string{"investment 8e+08", "funding 3e+08"}},
		{"全年减轻企业负担1200万元。", nil},
	})
}

// TestLicenceTime: the time a licence (准照, 执照, 牌照) takes to be
// issued is a processing time, as a permit's is; its validity made
// longer is no cut.
func TestLicenceTime(t *testing.T) {
	checkKinds(t, []kindCase{
		{"小型修葺工程的准照发出时间由原来的二十个工作日缩短至十个工作日。", []string{"time_cut 50"}},
		{"建筑执照发出时间由30天缩短为15天。", []string{"time_cut 50"}},
		{"营业执照领取时间由5天缩短至1天。", []string{"time_cut 80"}},
		{"车辆牌照换发时间由10个工作日减至3个工作日。", []string{"time_cut 70"}},
		{"工程准照签发时间缩短40%。", []string{"time_cut 40"}},
		{"执照有效时间由3年延长至5年。", nil},
	})
}

// TestNetworkAsItStands: a way's total length as it stands (目前, 现时,
// 截至年底, 本市) is the network's stock, not a project's, unless a works
// verb before it makes it one (目前正在建设的…全长).
func TestNetworkAsItStands(t *testing.T) {
	checkKinds(t, []kindCase{
		{"香港目前道路总长约二千一百九十公里，每公里道路约有三百七十部车辆。", nil},
		{"澳门现时行车道路总长约四百三十公里。", nil},
		{"截至2024年底省道总长度为5,307公里，公路密度持续提高。", nil},
		{"目前本市道路总长约2,800公里，市区道路平均宽度约15米。", nil},
		{"台湾目前公路总长约二万一千九百公里，其中省道约五千三百公里。", nil},
		{"现有农村公路总长1,860公里，今年改造32公里。", []string{"road_length 32"}},
		{"该路线全长约12.5公里，计划年内开工。", []string{"road_length 12.5"}},
		{"目前正在建设的城北快速路全长约9.6公里。", []string{"road_length 9.6"}},
	})
}

// TestInstalledWays: paths a road's works install (并设置人行道及自行车道,
// 配建慢行道), named after its 全长, are parts of the project, not what it
// is; the road named in the sentence before is. A length that is a path's
// (为滨河自行车道) stays out.
func TestInstalledWays(t *testing.T) {
	checkKinds(t, []kindCase{
		{"市政府今日举行联外道路新辟工程动土典礼。市长表示，本工程全长约2.9公里，规划为双向四车道并设置人行道及自行车道。", []string{"road_length 2.9"}},
		{"今日举行城东大道开工仪式。项目全长约5.2公里，同步设有自行车道。", []string{"road_length 5.2"}},
		{"城区道路新建工程举行开工仪式。本工程全长3.6公里，沿线增设人行步道。", []string{"road_length 3.6"}},
		{"县道改建工程今日开工。该工程全长约6.1公里，并配建慢行道。", []string{"road_length 6.1"}},
		{"新建道路工程已动工。本工程全长约4.5公里，两侧布设人行道。", []string{"road_length 4.5"}},
		{"滨河绿化工程开工。本工程全长约12公里，为滨河自行车道。", nil},
	})
}

// TestTableRoadToStation: a table's road named for the station or the new
// town it leads to (城区至高铁站快速通道, 高铁新城连接路) is a road; a
// rail line's row is none.
func TestTableRoadToStation(t *testing.T) {
	checkKinds(t, []kindCase{
		{"序号\t项目名称\t建设里程（公里）\n1\t城区至高铁站快速通道\t8.6\n2\t县城至火车站连接线\t4.2", []string{"road_length 8.6", "road_length 4.2"}},
		{"项目\t里程（公里）\t投资（万元）\n机场至高铁站通道\t12.5\t36000\n高铁新城连接路\t3.8\t9800", []string{"road_length 12.5", "investment 3.6e+08", "road_length 3.8", "investment 9.8e+07"}},
		{"序号\t名称\t长度（公里）\n1\t地铁站接驳道路\t2.6\n2\t港口至城际站疏港通道\t7.4", []string{"road_length 2.6", "road_length 7.4"}},
		{"项目\t里程（公里）\n城际铁路\t45.2\n高铁联络线\t12.6", nil},
	})
}

// TestRenewalUpdate: renewing a road's surface (更新路面, 更新路段) is road
// works; buses renewed and their mileage are not.
func TestRenewalUpdate(t *testing.T) {
	checkKinds(t, []kindCase{
		{"对路氹连贯公路进行沥青路面更新，计划更新路段长约3.8公里。", []string{"road_length 3.8"}},
		{"年内将更新老旧路段约6.4公里。", []string{"road_length 6.4"}},
		{"本年度更新柏油路面约11公里。", []string{"road_length 11"}},
		{"明年计划更新沥青路面约9.2公里。", []string{"road_length 9.2"}},
		{"下半年更新县道水泥路面约7.5公里。", []string{"road_length 7.5"}},
		{"全市更新新能源公交车120辆，累计行驶里程超过300万公里。", nil},
	})
}

// TestDocumentsNeeded: the documents an application needs (所需文件,
// 提交文件, 递交文件, 证明文件) are materials: their cut is a material_cut,
// not the time_cut of the clause before; documents a government issues
// are none.
func TestDocumentsNeeded(t *testing.T) {
	checkKinds(t, []kindCase{
		{"整体而言，审批时间平均缩短约四成，所需文件减少约百分之四十。", []string{"time_cut 40", "material_cut 40"}},
		{"申请所需文件减少30%。", []string{"material_cut 30"}},
		{"需递交的文件减少约一半以上，递交文件由12份减至5份。", []string{"material_cut 58.3333"}},
		{"企业提交文件精简45%。", []string{"material_cut 45"}},
		{"申请时应备文件由原来7种简化为3种。", []string{"material_cut 57.1429"}},
		{"应备资料由9项减为4项。", []string{"material_cut 55.5556"}},
		{"所需证明文件压减60%。", []string{"material_cut 60"}},
		{"全年印发各类文件减少20%。", nil},
	})
}

// TestCutInTenths: a cut stated in tenths (缩短约四成, 压减七成以上, 减少近
// 三成, 压减5成) is the percentage it states, with its qualifier; a share
// in tenths that no cut verb governs (八成以上事项, 满意度达九成) is none.
func TestCutInTenths(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全年完成投资5亿元。整体申办期程缩短约四成。", []string{"investment 5e+08", "time_cut 40"}},
		{"企业开办时间压减七成以上。", []string{"time_cut 70"}},
		{"申请材料减少近三成。", []string{"material_cut 30"}},
		{"审批环节压减5成。", []string{"material_cut 50"}},
		{"项目审批时间平均缩短六成。", []string{"time_cut 60"}},
		{"全市八成以上事项实现网上办理。", nil},
		{"群众满意度达九成。", nil},
		{"投资完成率达到九成以上。", nil},
	})
}

// TestQuotedEnds: a cut's before and after written as quoted slogans
// ("最多跑5次", 「4次」) read as the numbers in them. The time complaints
// take to handle is no approval's (a blind set left it out).
func TestQuotedEnds(t *testing.T) {
	checkKinds(t, []kindCase{
		{"企业跑动次数由过去的“最多跑5次”降为“最多跑1次”。", []string{"material_cut 80"}},
		{"办事跑动次数由“最多跑3次”减少到“最多跑1次”。", []string{"material_cut 66.6667"}},
		{"群众到场次数由「4次」减为「1次」。", []string{"material_cut 75"}},
		{"申请材料由“12份”精简为“5份”。", []string{"material_cut 58.3333"}},
		{"审批时限由“20个工作日”压缩至“8个工作日”。", []string{"time_cut 60"}},
		{"群众陈情案件平均处理天数由5.6天缩短至3.1天。", nil},
	})
}

// TestBudgetSpending: a budget's spending (预算支出安排, 交通运输支出, 养护
// 支出) is neither investment nor money granted, though 安排 heads it.
func TestBudgetSpending(t *testing.T) {
	checkKinds(t, []kindCase{
		{"省级一般公共预算支出安排1,236.5亿元，增长3.2%。", nil},
		{"其中，安排交通运输支出165.2亿元，下降11.9%。", nil},
		{"全年一般公共预算支出完成86.3亿元。", nil},
		{"交通运输支出决算数为12.4亿元。", nil},
		{"全年安排公路养护支出3.2亿元。", nil},
		{"安排农村公路建设补助资金2.5亿元。", []string{"funding 2.5e+08"}},
		{"今年计划投资3.6亿元。", []string{"investment 3.6e+08"}},
	})
}

// TestScopedStock: a length right after an area's scope word (确保全县
// 2,869公里农村公路安全畅通) is the area's network, whatever works an earlier
// clause names, unless its own clause names works (全县120公里农村公路完成
// 提质改造).
func TestScopedStock(t *testing.T) {
	checkKinds(t, []kindCase{
		{"同时做好日常养护，确保全县2,869公里农村公路安全畅通。", nil},
		{"加强日常养护，确保全市1,520公里国省干线安全畅通。", nil},
		{"全面完成改造，全省8,800公里高速公路实现视频监控全覆盖。", nil},
		{"强化养护管理，辖区内约630公里公路保持安全畅通。", nil},
		{"加大巡查力度，全县1,860公里县乡道全部纳入网格化管理。", nil},
		{"今年全县120公里农村公路完成提质改造。", []string{"road_length 120"}},
		{"全县新改建农村公路120公里。", []string{"road_length 120"}},
		{"今年全市完成农村公路新改建326公里。", []string{"road_length 326"}},
	})
}

// TestCueLostLastCharacter: in text a reader damaged, the character before
// a number is the one most often lost (its last byte met the digit's):
// a cue whose last character is U+FFFD still decides when the rest of it
// begins only that cue (总经� for 总经费, 路线全� for 路线全长); the
// figure's clause holds the loss and is marked for review downstream.
func TestCueLostLastCharacter(t *testing.T) {
	checkKinds(t, []kindCase{
		{"加上地方配合款，总经\uFFFD3,430万元，进行路面改善。", []string{"investment 3.43e+07"}},
		{"今年争取补助资\uFFFD1200万元，用于农村公路。", []string{"funding 1.2e+07"}},
		{"该项目起于城关镇，止于河口乡，路线全\uFFFD12.6公里。", []string{"road_length 12.6"}},
		{"全年累计完成投\uFFFD3.2亿元，同比增长5%。", []string{"investment 3.2e+08"}},
		{"省厅下达车购税资\uFFFD8,650万元。", []string{"funding 8.65e+07"}},
		{"全年旅游收\uFFFD12亿元。", nil},
	})
}

// TestCueLostInnerCharacter: a cue of four or more characters whose text
// lost one character inside it (建\uFFFD里程 for 建设里程) still decides when
// its first and last characters and the rest hold and no cue of another
// role fits alike; three characters with one lost say too little
// (公路\uFFFD长 is 总长, stock, not 路线长).
func TestCueLostInnerCharacter(t *testing.T) {
	checkKinds(t, []kindCase{
		{"今年共实施项目23个，建\uFFFD里程327.05公里。", []string{"road_length 327.05"}},
		{"二期工程建\uFFFD里程18.6公里，总投资9.2亿元。", []string{"road_length 18.6", "investment 9.2e+08"}},
		{"该标段改\uFFFD长度8.6公里。", []string{"road_length 8.6"}},
		{"今年新增生\uFFFD能力61公里。", []string{"road_length 61"}},
		{"项目建\uFFFD里程约42公里，计划年底完工。", []string{"road_length 42"}},
		{"实测境内高速公路\uFFFD长约为139公里。", nil},
	})
}

// TestLostEndBeforeItem: a line whose last character was lost (its 。,
// most often) before a list item's line is no line broken mid-sentence:
// the item is a paragraph of its own, so each line gives the figures it
// gives with its 。 (a head after the amount, 4872万元车购税补助资金, needs
// the line's end).
func TestLostEndBeforeItem(t *testing.T) {
	set, err := New()
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(text string) []string {
		var out []string
		for _, f := range set.Extract(text) {
			out = append(out, fmt.Sprintf("%s %g", f.Kind, f.Value))
		}
		return out
	}
	for _, lines := range [][2]string{
		{"一、国道G534三元区官洋坑至黄沙公路一期4872万元车购税补助资金,该项目由市交发集团作为业主,资金下达市交发集团", "二、清流G356线路面改造工程1410万元、危旧桥改造54万元,合计1464万元车购税补助资金,以上项目由市公路中心组织实施。"},
		{"一、旅游公路项目1800万元以奖代补资金,由文旅集团作为业主单位,资金直接下达文旅集团", "二、客运站改造项目450万元以奖代补资金,资金下达市运输中心。"},
		{"（一）县道X012线改造工程完成投资3200万元,路面全部硬化,群众出行条件明显改善", "（二）乡道Y105线新改建12.5公里,总投资2100万元,计划年底前完工。"},
		{"1.农村公路安防工程下达省级补助资金860万元,资金已全部拨付到各县区交通部门", "2.危桥改造项目下达补助资金1200万元,涉及危桥15座。"},
		{"三、全年新建改建农村公路186公里,完成投资5.6亿元,超额完成年度目标任务", "四、养护工程完成大中修里程42公里,投入养护资金8000万元。"},
		{"2、国省干线公路完成投资18.6亿元,同比增长12%,占全市交通投资的比重达到六成", "3、农村公路完成投资7.2亿元,新改建里程320公里。"},
	} {
		clean := kinds(lines[0] + "。\n" + lines[1])
		if len(clean) == 0 {
			t.Fatalf("%s: no figures with its 。", lines[0])
		}
		if got := kinds(lines[0] + "\uFFFD\n" + lines[1]); !slices.Equal(got, clean) {
			t.Errorf("%s\uFFFD: got %q, want %q as with its 。", lines[0], got, clean)
		}
	}
}

// TestAfterAsItIsNow: an after written as it is now (目前的80个工作日,
// 当前的8天) or a before as it was (原有的9个) ends a cut like a bare one.
func TestAfterAsItIsNow(t *testing.T) {
	checkKinds(t, []kindCase{
		{"审批时间由改革前的平均180个工作日压缩到目前的80个工作日以内。", []string{"time_cut 55.5556"}},
		{"办理时限由原来的20天缩短为当前的8天。", []string{"time_cut 60"}},
		{"申请材料由过去的15份精简至目前的6份。", []string{"material_cut 60"}},
		{"跑动次数由以前的4次减少到当前的1次。", []string{"material_cut 75"}},
		{"审批环节由原有的9个压减为目前的5个。", []string{"material_cut 44.4444"}},
	})
}

// TestThousandsCommaNoClause: the comma of a thousands separator (1,003亿元)
// is no clause break, so a list's later items keep their head.
func TestThousandsCommaNoClause(t *testing.T) {
	checkKinds(t, []kindCase{
		{"三年分别完成投资968亿元、1,003亿元和1,015亿元。", []string{"investment 9.68e+10", "investment 1.003e+11", "investment 1.015e+11"}},
		{"两批分别下达补助资金2,350万元和1,860万元。", []string{"funding 2.35e+07", "funding 1.86e+07"}},
		{"分别新改建农村公路1,235公里、1,410公里和1,502公里。", []string{"road_length 1235", "road_length 1410", "road_length 1502"}},
		{"其中高速公路完成投资1,120亿元、普通国省道2,030亿元。", []string{"investment 1.12e+11", "investment 2.03e+11"}},
		{"三个标段投资分别为1,200万元、3,450万元、2,100万元。", []string{"investment 1.2e+07", "investment 3.45e+07", "investment 2.1e+07"}},
	})
}

// TestMillAndPaveSpeedSection: milling and repaving (刨铺, 铣刨) is road
// works; a stretch watched for speed (区间测速路段) is no works' road,
// whatever its length.
func TestMillAndPaveSpeedSection(t *testing.T) {
	checkKinds(t, []kindCase{
		{"112年度办理道路刨铺62公里，刨铺面积约35万平方米。", []string{"road_length 62"}},
		{"本年度办理路面刨铺约30公里。", []string{"road_length 30"}},
		{"市区道路刨铺及标线重划共15公里。", []string{"road_length 15"}},
		{"今年县道路面铣刨约22公里。", []string{"road_length 22"}},
		{"辖区乡道刨铺18.6公里，改善路面平整度。", []string{"road_length 18.6"}},
		{"全线速限维持每小时七十公里，区间测速路段长度约六公里。", nil},
		{"新增区间测速路段3处，总长约25公里。", nil},
		{"该路段设置区间测速，测速路段全长约8公里。", nil},
	})
}
