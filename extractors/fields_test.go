package extractors

import "testing"

// Project tables flattened to text write a field name, a colon and the
// value ("总投资：5.2亿元", "建设里程：86.4公里"). The colon ends a clause,
// so the head stands in the clause before the number; a head there once
// made the money span reach back past its clause and panic, failing the
// whole document (found by probe4's odd half, p4-171).
func TestFieldColonValue(t *testing.T) {
	checkValues(t, []valueCase{
		{"总投资：3.6亿元。", []float64{3.6e8}},
		{"该项目总投资：3.6亿元。", []float64{3.6e8}},
		{"总投资:2.8亿元;建设规模：新建二级公路18公里", []float64{2.8e8, 18}},
		{"估算总投资：9.8亿元，计划工期三年。", []float64{9.8e8}},
		{"争取中央补助资金：2000万元。", []float64{2e7}},
		{"项目名称：县道改建工程；总投资：5.2亿元；建设年限：2024—2026年。", []float64{5.2e8}},
	})
}

// The same for a length: "建设里程：86.4公里" keeps its keyword across the
// colon (the span reached back past the number's clause and panicked).
func TestFieldColonLength(t *testing.T) {
	checkValues(t, []valueCase{
		{"项目名称：县道改建工程；建设里程：86.4公里；建设标准：二级公路。", []float64{86.4}},
		{"路线全长：26.5公里，双向四车道。", []float64{26.5}},
		{"改建里程：12公里。", []float64{12}},
		{"建设规模：新建农村公路：35公里。", []float64{35}},
		{"通车里程：5000公里。", nil},
	})
}
