package mojibake

import (
	"testing"
	"unicode"
)

// TestReadingKeepsPairs: on a shifted page, clean lines whose brackets or
// quotes pair up stay as they are where a shift's reading would eat one
// side of a pair ("[顯示模式]" as "[顯示模（": 式] is a6 a1 5d in Big5,
// and a1 5d is （; "[用户组]" as "[用户閉" in GB18030). Lines after a stray
// byte whose reading gives back a closer the line opens nowhere (a
// wrapped line) are still repaired.
func TestReadingKeepsPairs(t *testing.T) {
	for code, lines := range map[string][]string{
		"big5":    {"[顯示模式]", "[輸出格式]", "在‘[^’之後", "用‘\\’分隔", "字元‘[’的意義", "寫成“@ user”形式", "見[第三頁]", "[工作模式]", "[連線方式]"},
		"gb18030": {"[:[组]] 文件", "[用户组]"},
	} {
		p := newShiftPage(t, code)
		for _, s := range lines {
			p.add(p.enc(s), s)
		}
		if code == "big5" {
			// The wrapped lines on one page: a GB18030 shift at a line
			// start loses the last byte before ASCII, which is
			// inference's case, not this test's.
			for _, s := range []string{"|使用者權限）。另見 README（附錄）", "|網路連線）的說明 1."} {
				p.strayBefore(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
			}
		}
		p.check()
	}
}

// TestEscapeAfterCommonHan: on a shifted page, an escape mark (` or \)
// that opens a code token after a common character is text (分別用`\t'
// and 中\`*`), though the character's trail byte and the mark read as one
// character (用` as 复 in Big5, 中\ as 么). A mark a stray byte left
// before Chinese text ("小襄`：" for 小節：) is still read back.
func TestEscapeAfterCommonHan(t *testing.T) {
	for code, lines := range map[string][]string{
		"big5": {"分別用`\\t'和`\\r'代表", "將清單中\\`*`展開", "設定檔中宏\\\\t被保留", "右花括號字元`}'結束區塊",
			"兩個欄位中\\`|`分隔", "這些宏\\\\r會被忽略", "結束字元`]'之後", "路徑中\\\\server要加倍"},
		"gb18030": {"列表中\\`*`展开"},
	} {
		p := newShiftPage(t, code)
		for _, s := range lines {
			p.add(p.enc(s), s)
		}
		if code == "big5" {
			for _, s := range []string{"本書第二|節：", "不支援搜尋，|也不支援呼叫"} {
				p.strayBefore(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
			}
		}
		p.check()
	}
}
