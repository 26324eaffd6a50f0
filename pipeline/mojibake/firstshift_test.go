package mojibake

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
)

// TestFirstShiftOtherCode: a Big5 page whose first shifted line is short
// enough to read better, by chance, as a GB18030 frame shift. The page
// has one code; its next shifted lines read clearly as Big5's shift and
// must be repaired so, not locked to the first line's code.
func TestFirstShiftOtherCode(t *testing.T) {
	dec := decoderNamed(t, "python big5 replace")
	enc := func(s string) []byte {
		b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return b
	}
	// shortFirst returns short with a stray byte before it that makes a
	// reading the repair takes as GB18030's, or nil.
	shortFirst := func(short string) []byte {
		for x := 0x81; x <= 0xfe; x++ {
			b := append([]byte{byte(x)}, enc(short)...)
			bad := dec.decode(b)
			if _, edits := New().Repair(bad); len(edits) > 0 && strings.Contains(edits[0].Reason, "gb18030 frame shift") {
				return b
			}
		}
		return nil
	}
	rest := []string{
		"每個檔案都會保留原本的修改時間與權限",
		"如果沒有指定檔名就從標準輸入讀取資料",
		"在壓縮之前先確認磁碟還有足夠的空間",
	}
	pages := 0
	for _, short := range []string{"說明", "作者", "範例", "參見", "選項", "描述", "名稱", "注意", "版權", "錯誤", "簡介", "摘要", "用法", "檔案", "設定", "環境", "狀態", "歷史", "附註", "返回值", "另見", "安裝", "問題", "結果"} {
		if pages == 6 {
			break
		}
		first := shortFirst(short)
		if first == nil {
			continue
		}
		pages++
		lines := [][]byte{first, enc("這一行沒有問題")}
		for _, l := range rest {
			b := enc(l)
			// The stray byte that reads the line out of step longest.
			lines = append(lines, slices.Concat([]byte{0xa4}, b))
		}
		bad := dec.decode(bytes.Join(lines, []byte("\n")))
		out, edits := New().Repair(bad)
		checkEdits(t, bad, out, edits)
		got := strings.Split(out, "\n")
		for k, want := range rest {
			if got[2+k] != want {
				t.Errorf("after %q: line %d: got %q, want %q (as found %q)", short, k, got[2+k], want, strings.Split(bad, "\n")[2+k])
			}
		}
	}
	if pages < 5 {
		t.Fatalf("only %d short lines read as GB18030's frame shift; want 5", pages)
	}
}

// TestEatenCloserShift: a stray byte before the last characters of a
// bracket's text puts the reader out of step up to the ASCII closer, whose
// byte it reads as the last character's trail (选蚕頬 for 选项]). The
// closer's opener, open before it on the line, tells the reading that
// gives the closer back.
func TestEatenCloserShift(t *testing.T) {
	for code, lines := range map[string][]string{
		"big5": {
			"用法：tar [|選項] 檔案",
			"語法 cp [|來源檔案] 目的",
			"格式為 {|網路介面} 的字串",
			"參數 [-n |次數] 可以省略",
			"設定 [|參數] 之後重新啟動",
		},
		"gb18030": {
			"用法：tar [|选项] 文件",
			"语法 cp [|来源文件] 目的",
			"格式为 {|用户名称} 的字符串",
			"参数 [-n |次数] 可以省略",
			"设定 [|默认值] 之后重新启动",
		},
	} {
		p := newShiftPage(t, code)
		for _, s := range lines {
			head, tail, _ := strings.Cut(s, "|")
			closer := "]"
			if strings.Contains(head, "{") {
				closer = "}"
			}
			// A stray byte whose reading, losing nothing, eats the closer
			// and starts with a Han character (one that makes a symbol
			// of the first is another case: ’蜈釁 for 次數] stays).
			found := false
			for x := 0x81; x <= 0xfe && !found; x++ {
				b := slices.Concat(p.enc(head), []byte{byte(x)}, p.enc(tail))
				r := p.dec.decode(b)
				first, _ := utf8.DecodeRuneInString(r[len(head):])
				if !strings.Contains(r, closer) && !strings.ContainsRune(r, utf8.RuneError) && unicode.Is(unicode.Han, first) {
					p.add(b, head+tail)
					found = true
				}
			}
			if !found {
				t.Fatalf("%s: %q: no stray byte eats the closer", code, s)
			}
		}
		p.add(p.enc("陣列 a[0] 的值"), "陣列 a[0] 的值")
		p.check()
	}
}
