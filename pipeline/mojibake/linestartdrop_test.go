package mojibake

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLineStartDrop: on a GB18030 page already repaired with a frame
// shift, a stray byte before a line whose first character it makes common
// (B9 before 晴 reads 骨) is dropped at the line start, not a character
// later (骨時 for 晴時).
func TestLineStartDrop(t *testing.T) {
	d := decoderNamed(t, "python gb18030 replace")
	shifted := []string{"對於目的地址為同一主機的郵件進行本地分發", "計算機系統從上電事件到能為使用者提供完整的作業系統功能為止"}
	lines := []string{"晴時多雲偶陣雨", "晴天時有陣風"}
	var page [][]byte
	for _, l := range append(append([]string(nil), shifted...), lines...) {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(l))
		if err != nil {
			t.Fatal(err)
		}
		page = append(page, append([]byte{0xb9}, b...))
	}
	var joined []byte
	for i, b := range page {
		if i > 0 {
			joined = append(joined, '\n')
		}
		joined = append(joined, b...)
	}
	in := d.decode(joined)
	out, edits := New().Repair(in)
	checkEdits(t, in, out, edits)
	got := strings.Split(out, "\n")
	for i, want := range lines {
		if g := got[len(shifted)+i]; g != want {
			t.Errorf("%q repaired to %q, want %q", strings.Split(in, "\n")[len(shifted)+i], g, want)
		}
	}
}
