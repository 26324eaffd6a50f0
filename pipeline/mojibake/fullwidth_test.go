package mojibake

import "testing"

// TestFullWidthCellsClean: full-width digits and marks between ASCII
// separators are a table's cells (达州|１１|２２６．９), which Chinese pages
// write; read as a Big5 or GB18030 frame shift they gave 院 for "１|" and
// D for "．".
func TestFullWidthCellsClean(t *testing.T) {
	r := New()
	for _, text := range []string{
		"各市州資金安排如下：\n市州|項目個數|建設里程（公里）|下達資金\n達州|１１|２２６．９|４．３８\n宜賓|８|１５９．４|３．１５\n合計|５４|１，２０５．６|２３．４６",
		"各市州资金安排如下：\n市州|项目个数|建设里程（公里）|下达资金\n达州|１１|２２６．９|４．３８\n宜宾|８|１５９．４|３．１５\n合计|５４|１，２０５．６|２３．４６",
		"序号|路段|长度\n１|城北段|３．２\n２|城南段|４．８\n３|东环段|１２．６",
		"项目 编号 Ａ１|Ｂ２|Ｃ３ 已完成",
		"第１|２|３标段已开工，第４|５标段年底开工。",
		"表２ 投资完成情况|单位：億元\n高速公路|１８．６|２１．３\n國省道|９．４|１０．２",
	} {
		out, edits := r.Repair(text)
		if out != text || len(edits) > 0 {
			t.Errorf("clean text changed:\n in  %s\n out %s\n edits %v", text, out, edits)
		}
	}
}
