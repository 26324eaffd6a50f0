package mojibake

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestCandMargin(t *testing.T) {
	gbk := &mechanism{wrong: &codec{name: "gbk"}, right: &codec{name: "utf-8"}}
	big5 := &mechanism{wrong: &codec{name: "big5"}, right: &codec{name: "utf-8"}}
	tests := []struct {
		m    *mechanism
		two  bool
		n    int
		want float64
	}{
		{gbk, false, 3000, inferMargin},
		{gbk, true, 64, inferMargin},
		{gbk, true, 4096, inferMargin2Running},
		{gbk, true, 10000, inferMargin2Running},
		{gbk, true, 512, inferMargin + (inferMargin2Running-inferMargin)/2},
		{big5, false, 3000, inferMarginOther},
		{big5, true, 64, inferMarginOther},
		{big5, true, 4096, inferMargin2},
		{big5, true, 512, inferMarginOther + (inferMargin2-inferMarginOther)/2},
	}
	for _, tc := range tests {
		if got := candMargin(tc.m, tc.two, tc.n); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("candMargin(%s, two %v, %d) = %.3f, want %.3f", tc.m.wrong.name, tc.two, tc.n, got, tc.want)
		}
	}
}

// TestDroppedPairInference reads UTF-8 lines with x/text's GBK reader,
// which drops a pair it has no character for whole (A1 8C of 行), and
// checks the characters inferred where two bytes were lost together: the
// pair's failing narrows 4,096 candidates to a few hundred, so the lead
// such a character needs is less, and every one inferred is right.
func TestDroppedPairInference(t *testing.T) {
	lines := []string{
		"党建领航，当好先行，写好精致模范机关创建的交通篇。",
		"疫情初期牵头在交通要道和枢纽设置卡口，加强重点人员排查。",
		"夯实党建工作基础，强化组织引领，推动各项工作落到实处。",
		"这是一项重要的民生工程，关系到沿线群众的出行安全。",
		"坚持规划先行、统筹推进，确保项目按期建成通车运行。",
		"加快推进农村公路提档升级，打通群众出行的最后一公里。",
		"全面落实安全生产责任制，严格执行各项规章制度要求。",
		"围绕重要节点和关键领域，开展专项执法检查行动。",
		"市交通运输局主要领导带队赴现场督导，要求加快施工进度。",
		"银行贷款和地方财政资金共同保障项目建设需要。",
		"公交线路优化调整后，乘客换乘更加便捷，出行时间明显缩短。",
		"各县区要切实履行属地责任，认真做好道路养护和应急保障工作。",
		"该路段实行交通管制，过往车辆请提前绕行，注意行车安全。",
		"领导干部要带头深入基层，了解群众需求，解决实际困难。",
	}
	inferred, two := repairInferred(t, simplifiedchinese.GBK.NewDecoder().Bytes, lines, 0)
	t.Logf("%d inferred, %d of them from two lost bytes", inferred, two)
	if two < 5 {
		t.Errorf("%d characters inferred from two lost bytes, want at least 5", two)
	}
}
