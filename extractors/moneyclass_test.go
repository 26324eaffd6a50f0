package extractors

import (
	"fmt"
	"slices"
	"testing"
)

// kindCase is a text and the figures wanted from it, "kind value" each.
type kindCase struct {
	text string
	want []string
}

func checkKinds(t *testing.T, cases []kindCase) {
	t.Helper()
	checkFigures(t, cases, false, func(f Figure) string { return fmt.Sprintf("%s %g", f.Kind, f.Value) })
}

// checkFigures extracts each case's text (converted to simplified first
// when t2s is set) and compares show of each figure with the case's want.
func checkFigures(t *testing.T, cases []kindCase, t2s bool, show func(Figure) string) {
	t.Helper()
	set, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		text := tc.text
		if t2s {
			text = t2sForTest(t, text)
		}
		var got []string
		for _, f := range set.Extract(text) {
			got = append(got, show(f))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Money a project saved is no investment, also when a word stands between
// the saving verb and the head ("为企业节省接电投资4500万元"). Written after
// a probe6 miss (odd half), in other words.
func TestSavedInvestmentNotInvestment(t *testing.T) {
	checkKinds(t, []kindCase{
		{"通过优化设计方案，为项目节约建设投资约1200万元。", nil},
		{"实行联合审图，累计为企业节省工程投资3800万元。", nil},
		{"推行代办服务，共为企业节约接电投资2.6亿元。", nil},
		{"采用装配式工艺，节省桥梁投资650万元。", nil},
		{"优化线位后，可节约征拆投资约1.5亿元。", nil},
		// a saving named elsewhere in the sentence leaves the head alone
		{"在节约用地的前提下，项目完成投资3.2亿元。", []string{"investment 3.2e+08"}},
	})
}

// 中央预算内投资 and 中央投资 are money granted from the central budget:
// funding, though the head word is 投资. From a probe6 miss (odd half).
func TestCentralBudgetInvestmentIsFunding(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全年争取中央预算内投资1.6亿元，用于国省干线改造。", []string{"funding 1.6e+08"}},
		{"项目获得中央预算内投资8000万元支持。", []string{"funding 8e+07"}},
		{"我市共下达中央预算内投资3.4亿元。", []string{"funding 3.4e+08"}},
		{"积极向上对接，争取中央投资2.1亿元。", []string{"funding 2.1e+08"}},
		{"该工程已落实省级预算内投资5000万元。", []string{"funding 5e+07"}},
		// a project's own investment stays investment
		{"该项目总投资12亿元，其中中央预算内投资3亿元。", []string{"investment 1.2e+09", "funding 3e+08"}},
	})
}

// The amount a change of a total arrives at is the total's too: "总投资由
// 2680亿元调增至3050亿元" gives both, and "投资较上年减少5.6亿元，为32.4亿元"
// gives the second (the first is a change). From probe6 misses (odd half),
// in other words.
func TestAmountAChangeArrivesAt(t *testing.T) {
	checkKinds(t, []kindCase{
		{"项目中期调整后，总投资由45亿元调增至52.6亿元。", []string{"investment 4.5e+09", "investment 5.26e+09"}},
		{"经重新核定，工程概算由18.2亿元调整为21亿元。", []string{"investment 1.82e+09", "investment 2.1e+09"}},
		{"受征拆费用上涨影响，总投资从9.8亿元提高到11.3亿元。", []string{"investment 9.8e+08", "investment 1.13e+09"}},
		{"全年完成交通投资较上年增加3.1亿元，达到28.7亿元。", []string{"investment 2.87e+09"}},
		{"今年公路建设投资比上年减少2亿元，为15.4亿元。", []string{"investment 1.54e+09"}},
		{"争取上级补助资金同比增加0.8亿元，达到6.5亿元。", []string{"funding 6.5e+08"}},
		// an increase alone is no total
		{"全年交通投资较上年增加3.1亿元。", nil},
		// a price or an income that rose stays out
		{"全年营业收入较上年增加2亿元，达到12亿元。", nil},
	})
}

// Refinancing and replacement bonds roll over old debt: no money secured
// for projects (a probe6 false figure, odd half: 发行再融资债券8亿元).
func TestRefinancingBondsNotFunding(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全年发行再融资债券8亿元，用于偿还到期债券本金。", nil},
		{"争取置换债券12.5亿元，降低融资成本。", nil},
		{"省财政下达再融资一般债券3亿元。", nil},
		{"完成存量债务置换债券发行5.6亿元。", nil},
		{"我市获批再融资专项债券2.2亿元。", nil},
		// new bonds for projects stay funding
		{"争取新增专项债券资金9.3亿元用于交通项目。", []string{"funding 9.3e+08"}},
	})
}

// A project's or works' budget (工程预算, 项目预算) is its total investment; a
// government's budget is not. From a probe7 miss (odd half).
func TestWorksBudgetIsInvestment(t *testing.T) {
	checkKinds(t, []kindCase{
		{"该路段改造长度为4.2公里，工程预算约1600万元。", []string{"road_length 4.2", "investment 1.6e+07"}},
		{"大桥维修加固工程预算为860万元。", []string{"investment 8.6e+06"}},
		{"项目预算总额3.2亿元，由省市两级共同出资。", []string{"investment 3.2e+08"}},
		{"该项目预算2.5亿元，计划明年开工。", []string{"investment 2.5e+08"}},
		{"县道改建项目预算约4500万元。", []string{"investment 4.5e+07"}},
		// a government's budget is no investment
		{"全县一般公共预算收入12亿元。", nil},
	})
}

// A discount or a remission (通行费优惠, 减免) is money not collected: no
// funding, though a granting verb stands before it. From a probe10 false
// figure (odd half), in other words. Only the first sentence's class was
// read wrong before (a granting verb with 优惠 between it and the amount);
// the others guard the neighbours.
func TestDiscountNotFunding(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全年落实货车ETC通行费优惠约1860万元。", nil},
		{"累计减免车辆通行费2.3亿元。", nil},
		{"为企业落实减免税费3200万元。", nil},
		{"落实鲜活农产品运输绿色通道政策，优惠通行费1.2亿元。", nil},
		{"向物流企业让利约800万元。", nil},
		// funding that is granted stays
		{"全年落实上级补助资金1.2亿元。", []string{"funding 1.2e+08"}},
	})
}
