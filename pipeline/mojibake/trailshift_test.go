package mojibake

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
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

// TestTrailShiftPageWrites: a stray byte before a character whose trail
// byte is a letter leaves a character and a lone letter ("收看無喚Q電視"
// for 收看無綫電視); where the model barely knows the character read back
// (綫, 歎, 纔, 甦, and 體 after 羣), the reading gains too little to be
// taken on its own, and the page writing the character beside the same
// neighbour, whole, elsewhere tells it. Clean lines with a lone letter
// between Chinese characters stay.
func TestTrailShiftPageWrites(t *testing.T) {
	garbled := []struct {
		s     string // '|' marks where the stray byte goes
		stray byte
	}{
		{"收看無|綫電視節目", 0x86}, {"他輕輕|歎息", 0x8c}, {"這樣|纔能成功", 0xb5}, {"經濟復|甦", 0xa1}, {"弱勢羣|體", 0xb4},
	}
	whole := []string{"本台的無綫電視節目表。", "大家聽了都歎息不已。", "努力了纔能有收穫。", "市場逐步復甦。", "關心弱勢羣體的生活。"}
	clean := []string{"他去醫院照X光檢查。", "去年買了A股基金。"}
	enc := simplifiedchinese.GB18030.NewEncoder()
	var page [][]byte
	var want []string
	shifted, err := enc.Bytes([]byte("對於目的地址為同一主機的郵件進行本地分發"))
	if err != nil {
		t.Fatal(err)
	}
	page = append(page, append([]byte{0x8f}, shifted...))
	want = append(want, "對於目的地址為同一主機的郵件進行本地分發")
	for _, s := range append(whole, clean...) {
		b, err := enc.Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		page = append(page, b)
		want = append(want, s)
	}
	for _, g := range garbled {
		head, tail, _ := strings.Cut(g.s, "|")
		h, err := enc.Bytes([]byte(head))
		if err != nil {
			t.Fatal(err)
		}
		r, err := enc.Bytes([]byte(tail))
		if err != nil {
			t.Fatal(err)
		}
		page = append(page, slices.Concat(h, []byte{g.stray}, r))
		want = append(want, head+tail)
	}
	bad := decoderNamed(t, "python gb18030 replace").decode(bytes.Join(page, []byte("\n")))
	out, edits := New().Repair(bad)
	checkEdits(t, bad, out, edits)
	got, found := strings.Split(out, "\n"), strings.Split(bad, "\n")
	for k := 1; k < len(want); k++ {
		if got[k] != want[k] {
			t.Errorf("line %d: got %q, want %q (as found %q)", k, got[k], want[k], found[k])
		}
	}
	// A line that ends a scope between the words written whole and the
	// lines that lost them (a document may be cut there): the page's
	// words before it tell nothing after it.
	garbledAt := 1 + len(whole) + len(clean)
	cut := strings.Join(found[:garbledAt], "\n") + "\nEND\n" + strings.Join(found[garbledAt:], "\n")
	out, edits = NewScoped(func(line string) bool { return line == "END" }).Repair(cut)
	checkEdits(t, cut, out, edits)
	got = strings.Split(out, "\n")[garbledAt+1:]
	for k, g := range garbled {
		if w := want[garbledAt+k]; got[k] == w {
			t.Errorf("%s: read back as %q from words before the scope's end", g.s, w)
		}
	}
}
