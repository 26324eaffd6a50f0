package mojibake

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLatinShift: on a GB18030 page read with a stray byte before each
// line, a Latin word gets its letter back ("廌ebian" is "Debian", and
// inside a word too); the same line on a page with no frame shift, or
// a common character before a Latin word, stays.
func TestLatinShift(t *testing.T) {
	lines := []string{"Debian 参考手册", "计算机系统从上电事件到能为用户提供完整的操作系统", "GNOME 桌面环境", "libc 库提供的特性", "7.8.3. X 服务端 chroot 连接"}
	var page [][]byte
	for _, s := range lines {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		if k := bytes.Index(b, []byte("oot")); k >= 0 {
			b = bytes.Join([][]byte{b[:k+1], b[k+1:]}, []byte{0xb4})
		} else {
			b = append([]byte{0x8f}, b...)
		}
		page = append(page, b)
	}
	bad := decoderNamed(t, "python gb18030 replace").decode(bytes.Join(page, []byte("\n")))
	r := New()
	out, edits := r.Repair(bad)
	checkEdits(t, bad, out, edits)
	got := strings.Split(out, "\n")
	for _, k := range []int{0, 2, 3, 4} {
		if got[k] != lines[k] {
			t.Errorf("line %d: got %q, want %q", k, got[k], lines[k])
		}
	}
	// Alone, the first line is a rare character before a Latin word.
	first := strings.Split(bad, "\n")[0]
	for _, in := range []string{first, "用Debian 参考手册\n" + first} {
		if out, edits := r.Repair(in); out != in || len(edits) > 0 {
			t.Errorf("%q: repaired to %q, want it unchanged", in, out)
		}
	}
}
