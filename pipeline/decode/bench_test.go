package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// BenchmarkDecodeGBK decodes a GBK document that declares no charset: the
// decoder tries both legacy charsets on it before decoding it for real.
func BenchmarkDecodeGBK(b *testing.B) {
	text := strings.Repeat("2023年全省完成交通固定资产投资1250亿元，新改建农村公路5000公里。\n", 80)
	doc, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	d := New(nil)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := d.Decode(doc, "")
		if err != nil || r.Encoding != "gb18030" {
			b.Fatalf("decoded as %q (%v)", r.Encoding, err)
		}
	}
}
