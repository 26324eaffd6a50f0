package extractors

import "testing"

// A character lost in decoding (U+FFFD) inside a numeral leaves its value
// unknown ("22億92萬元" read as "22�92萬元" is not 92萬元): no figure. A
// lost character that is not part of the numeral changes nothing here
// (the pipeline marks the figure for review).
func TestLostCharacterInsideNumeral(t *testing.T) {
	set, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []float64 // values, in order
	}{
		{"道路桥梁拓宽开辟17件、22\uFFFD92万元。", nil},
		{"该项目总投资3\uFFFD4,984万元，年内开工。", nil},
		{"全线总长十二\uFFFD五公里，按一级公路标准建设。", nil},
		{"县道改造工程总投资五\uFFFD六千万元，已全部到位。", nil},
		{"新建农村公路1\uFFFD5公里，完成年度目标。", nil},
		{"办理时间从20\uFFFD5个工作日压减至3个工作日。", nil},
		{"经交通部补助\uFFFD亿七千九百五十七万余元，加上县府自筹。", nil},
		{"该路段全长\uFFFD十二公里，按一级公路标准建设。", nil},
		{"省级财政下达\uFFFD千万元用于危桥改造。", nil},
		// The lost character is not next to the numeral.
		{"今年\uFFFD投资2000万元，用于县乡公路改造。", []float64{2e7}},
		{"该路段全长68.66公里，\uFFFD用双向四车道高速公路技术标准。", []float64{68.66}},
	} {
		var got []float64
		for _, f := range set.Extract(tc.text) {
			got = append(got, f.Value)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.text, got, tc.want)
			}
		}
	}
}
