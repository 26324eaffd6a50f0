package mojibake

import "testing"

// TestGBPrivateUse checks the table against the pinned Python reader, and
// that the codec writes those characters with their two-byte codes.
func TestGBPrivateUse(t *testing.T) {
	d := decoderNamed(t, "python gb18030 replace")
	c := gb18030Codec()
	n := 0
	for _, x := range gbPrivateUse {
		for k := range x.n {
			code, r := x.code+k, x.r+rune(k)
			if got := d.decode([]byte{byte(code >> 8), byte(code)}); got != string(r) {
				t.Errorf("%04X: Python reads %q, table says %U", code, got, r)
			}
			b, ok := c.encode(nil, r)
			if !ok || len(b) != 2 || b[0] != byte(code>>8) || b[1] != byte(code) {
				t.Errorf("%U: encoded % X, want %04X", r, b, code)
			}
			n++
		}
	}
	if n != 174 {
		t.Errorf("%d characters, want 174", n)
	}
}
