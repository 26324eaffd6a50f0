package extractors

import (
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// Qualifier words the first reading got wrong or lost (found by checking
// qualifiers on realdev, probe4 and probe6 odd halves): 不超过 and 不高于 are
// at most (超过 inside them is not over), 约为 is about (not a filler), a
// currency named between 约 and the number (約新台幣202億元) keeps the 约,
// and 及以下 / 及以上 after the unit bound the amount.
func TestQualifierWords(t *testing.T) {
	set, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, want string
	}{
		{"全线建设里程不超过46公里，按二级公路标准建设。", QualUnder},
		{"项目总投资不超过3亿元。", QualUnder},
		{"新建县道不高于20公里。", QualUnder},
		{"改建农村公路不少于150公里。", QualOver},
		{"该路段改善长度约为2.3公里。", QualApprox},
		{"项目总投资约为12.6亿元。", QualApprox},
		{"工程總經費約新台幣202億元。", QualApprox},
		{"計畫總經費約新台幣九百五十億元。", QualApprox},
		{"工程造价约人民币3.5亿元。", QualApprox},
		{"项目总投资1000万元及以下的，由县级审批。", QualUnder},
		{"总投资5000万元及以上的重大项目由市级审批。", QualOver},
		// still over and still about
		{"全年完成投资超过20亿元。", QualOver},
		{"新建农村公路约120公里。", QualApprox},
	} {
		figs := set.Extract(t2sForTest(t, c.text))
		if len(figs) != 1 {
			t.Errorf("%s: %d figures, want 1", c.text, len(figs))
			continue
		}
		if figs[0].Qualifier != c.want {
			t.Errorf("%s: qualifier %q, want %q", c.text, figs[0].Qualifier, c.want)
		}
	}
}

// t2sForTest converts traditional text as the pipeline does before the
// extractors read it.
func t2sForTest(t *testing.T, s string) string {
	t.Helper()
	conv, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	return conv.Convert(s)
}
