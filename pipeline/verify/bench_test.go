package verify_test

import (
	"fmt"
	"testing"

	"github.com/zhextract/zhextract/pipeline/verify"
)

// BenchmarkCompare compares 1000 documents of 20 figures each, one value
// changed per document, texts included.
func BenchmarkCompare(b *testing.B) {
	golden := map[string]verify.Doc{}
	var output []verify.Doc
	for i := 0; i < 1000; i++ {
		var figs []verify.Figure
		for j := 0; j < 20; j++ {
			figs = append(figs, verify.Figure{Kind: "investment", Value: float64(j), Raw: fmt.Sprintf("投资%d亿元", j), Unit: "CNY"})
		}
		lines := make([]string, 200)
		for j := range lines {
			lines[j] = fmt.Sprintf("第%d行", j)
		}
		key := fmt.Sprint(i)
		golden[key] = verify.Doc{Key: key, Status: "ok", Figures: figs, TextLines: &lines}
		got := append([]verify.Figure(nil), figs...)
		got[7].Value++
		glines := append([]string(nil), lines...)
		glines[100] = "改了"
		output = append(output, verify.Doc{Key: key, Status: "ok", Figures: got, TextLines: &glines})
	}
	for b.Loop() {
		if verify.Compare(golden, output, verify.Options{Text: true}).OK() {
			b.Fatal("no difference found")
		}
	}
}
