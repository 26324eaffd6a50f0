package mojibake

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// TestTrailShift: on a Big5 page that Python read with stray bytes before
// some lines, a line whose first character's trail byte the stray byte
// left on its own as ASCII ("縣G、" for "二、") gets its character back;
// so does one inside a line ("支援恣C這" for "支援。這"); the page's clean
// lines, even with a character and a lone Latin letter, stay as they are.
func TestTrailShift(t *testing.T) {
	d := decoderNamed(t, "python big5 replace")
	lines := []struct {
		text  string
		stray byte // 0: none
		at    int  // the character the stray byte goes before
	}{
		{"（二）工作要求如下。", 0xe1, 0},
		{"維C、維E的含量都很高。", 0, 0},
		{"三、保障措施與經費來源", 0xa4, 0},
		{"在 2024 年底前完成全部工程。", 0xb5, 0},
		{"（四）附則。", 0xc9, 0},
		{"五、其他事項", 0xd9, 0},
		{"醫院的X光設備已經更新。", 0, 0},
		{"本辦法自發布之日起施行。", 0, 0},
		{"在各縣市推動道路改善，預計明年完工。", 0xf4, 0},
		{"國道資料的安全和管理方式如下。", 0xd9, 0},
		{"工程進度良好。下個月通車", 0xc3, 6},
		{"經費由中央和地方分擔", 0xe8, 5},
		{"請參閱附件（路線圖）", 0xb1, 9},
		{"總長約十公里，預計年底完工", 0xda, 7},
	}
	var page []byte
	for i, l := range lines {
		b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(l.text))
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			page = append(page, '\n')
		}
		if l.stray == 0 {
			page = append(page, b...)
			continue
		}
		head, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string([]rune(l.text)[:l.at])))
		if err != nil {
			t.Fatal(err)
		}
		k := len(head)
		page = append(append(append(page, b[:k]...), l.stray), b[k:]...)
	}
	in := d.decode(page)
	out, edits := New().Repair(in)
	checkEdits(t, in, out, edits)
	for _, e := range edits {
		t.Logf("%q -> %q: %s", e.Old, e.New, e.Reason)
	}
	got := strings.Split(out, "\n")
	bad := strings.Split(in, "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d lines, want %d", len(got), len(lines))
	}
	for i, l := range lines {
		if got[i] != l.text {
			t.Errorf("line %d: %q repaired to %q, want %q", i, bad[i], got[i], l.text)
		}
	}
}
