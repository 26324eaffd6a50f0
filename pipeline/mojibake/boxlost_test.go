package mojibake

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// TestTableRowShift: rows of a text table on a GB18030 page, each shifted
// by a stray byte before it and read with Python's replacement. The row's
// opening rule (a9 a6 for │) pairs with the stray byte into a Han
// character, and its trail byte with the cell's first byte: with ASCII
// there, a private-use character of GB18030's user-defined codes (药\ue6c9
// for │c), which no text writes. Both the rule and the cell come back.
//
// Further on, the rule before the padding spaces (or the line end) lost
// its trail byte to them. Its lead a9 is GB2312's box-drawing row: the
// lost character is a rule, or is marked lost; never one of the signs GBK
// added to that row (〾, U+303E), which no text writes.
func TestTableRowShift(t *testing.T) {
	p := newShiftPage(t, "gb18030")
	rows := []string{
		// A cell of Chinese text.
		"│设置文件所在的目录│          │",
		"│显示全部已启用的服务│      说明",
		"│按回车键确认输入│    返回上一层",
		"│删除所有临时文件│",
		"│网络连接的当前状态│   ",
		"┃打印工作目录的路径┃      ",
		// A cell of ASCII: a key or an option.
		"│k           │向上移动光标            │",
		"│q           │退出当前的界面          │",
		"│h           │显示帮助信息            │",
		"│j*          │匹配零个或多个 “j”      │",
		"│s           │保存全部的修改          │",
	}
	strays := []byte{0xd2, 0xb8, 0xc4, 0xe3, 0xcf, 0xb0, 0xc1, 0xd5, 0xb6, 0xe8, 0xbb}
	for i, l := range rows {
		p.add(append([]byte{strays[i]}, p.enc(l)...), l)
	}
	bad := p.read()
	out, edits := New().Repair(bad)
	checkEdits(t, bad, out, edits)
	got, found := strings.Split(out, "\n")[2:], strings.Split(bad, "\n")[2:]
	for k, want := range p.want {
		if !sameOrRuleLost(got[k], want) {
			t.Errorf("row %d: got %q, want %q (as found %q)", k, got[k], want, found[k])
		}
	}
}

// sameOrRuleLost reports whether got is want, but for box-drawing
// characters of want that got marks lost (U+FFFD).
func sameOrRuleLost(got, want string) bool {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if g[i] != w[i] && !(g[i] == utf8.RuneError && w[i] >= 0x2500 && w[i] <= 0x257f) {
			return false
		}
	}
	return true
}

// TestMixedRuleLineStart: a stray a9 before a traditional line whose first
// character's lead pairs with it into a joint of mixed weights (╆, ┚, ┱,
// ╂) and whose trail byte is ASCII: 關閉 is found as ╆P闁. The garbled run
// is short (a word before ASCII). Tables are drawn with one weight, so
// such a joint opening a line is no table's rule (tableRule): the line is
// repaired.
func TestMixedRuleLineStart(t *testing.T) {
	p := newShiftPage(t, "gb18030")
	for _, l := range []string{
		"關閉 SELinux 的方法",
		"網址 http://example.org/ 已經失效",
		"說明 README 檔案的內容",
		"設定 PATH 變數",
		"鍵入 exit 離開",
	} {
		p.add(append([]byte{0xa9}, p.enc(l)...), l)
	}
	bad, _ := p.check()
	for _, l := range strings.Split(bad, "\n")[2:] {
		if r, _ := utf8.DecodeRuneInString(l); r < 0x2500 || r > 0x257f {
			t.Fatalf("%q: the line is not found starting with a joint", l)
		}
	}
}

// TestQuotedLetterShift: a stray byte before a letter quoted on its own
// in Chinese quotes or brackets makes one rare character of the two
// (“恈” for “c”). Chinese text quotes single Han characters too (“的”字),
// but common ones: a rare character alone between an opener and its
// closer whose trail byte is a letter is that letter.
func TestQuotedLetterShift(t *testing.T) {
	checkRareStrays(t, "gb18030", []string{
		"按下 “|q” 键退出程序",
		"选项 “|v” 表示显示详细信息",
		"用字母（|x）标出错误的位置",
		"在「|y」处输入确认",
		"把 “|d” 键设成删除",
	}, []string{"“的”字的用法", "把“和”换成“与”"})
}

// TestLetterBeforeDigitsShift: a stray byte before the letter of a token
// of a letter and digits (x64, v2, h264) makes one rare character of the
// two after a space. A rare character before digits after a space is no
// Chinese text; a common one is (第 1, 共 3).
func TestLetterBeforeDigitsShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"支持 |x64 架構的處理器",
			"版本 |v2 已經發布",
			"使用 |h264 編碼的影片",
			"在 |r3 上執行測試",
			"型號 |a7 的晶片",
		}, []string{"共 3 個檔案", "第 2 章"})
	}
}

// checkRareStrays repairs a page of code with lines that have a stray byte
// at their "|" making a rare Han character with the byte after it, and
// lines that stay as they are, and wants them all back.
func checkRareStrays(t *testing.T, code string, strays, stays []string) {
	t.Helper()
	lm := New().lm()
	p := newShiftPage(t, code)
	for _, s := range strays {
		p.strayBefore(s, func(r rune) bool { return unicode.Is(unicode.Han, r) && lm.UnigramLogProb(r) < rare })
	}
	for _, s := range stays {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestPlaceholderBeforeHan: templates write xx for a name to fill in (xx
// 縣, xx舉辦). On a GB18030-shifted page a character after it whose trail
// byte is a letter would make a "word" of the placeholder (縣 is bf 68:
// xxh; 舉 c5 65: xxe; 緊 be 6f: xxo), and the known-word list, drawn from
// program source, holds such words. A placeholder run of x is no word's
// evidence: the lines stay.
func TestPlaceholderBeforeHan(t *testing.T) {
	p := newShiftPage(t, "gb18030")
	for _, s := range []string{"xx縣的道路", "xx舉辦的會議", "xx緊急通知", "本市xx縣", "在xx舉行"} {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestBig5TableRowShift: rows of a text table on a Big5 page, each with a
// stray byte before it. Big5's rules have ASCII trail bytes (─ a2 77, │
// a2 78, ┌ a2 7a): the stray byte pairs with the rule's lead into a Han
// character, common or rare, and the trail byte stays a letter or mark
// before the cell ("哈xsecurity│"). The row's other rules, read in step,
// tell it; lines of the table read in step stay as they are.
func TestBig5TableRowShift(t *testing.T) {
	p := newShiftPage(t, "big5")
	rows := []string{
		"│ apt-get      │ 套件管理工具   │",
		"│2.6.32       │舊版核心       │",
		"│             │說明           │",
		"───────┼───────",
		"┌──────┬──────┐",
		"│vim          │文字編輯器     │",
	}
	for _, s := range rows {
		rest := p.enc(s)
		for _, x := range []byte{0xa4, 0xab, 0xb7, 0xc3, 0xe1} {
			p.add(append([]byte{x}, rest...), s)
		}
	}
	for _, s := range []string{"│ 設定 x 值    │ 說明           │", "共 3 項 │ 合計", "└──────┴──────┘"} {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestLoneRuleStays: a table's rule alone between spaces, on a page with
// frame shifts, is the table's, not a letter a stray byte ate: Big5's
// rules have letter trail bytes (│ a2 78, x), and so do GBK's double ones
// (║ a8 55, U). Between spaces a lone letter is rare; a rule is a
// column.
func TestLoneRuleStays(t *testing.T) {
	for _, c := range []struct{ code, rule string }{{"big5", "│"}, {"big5", "─"}, {"gb18030", "║"}} {
		p := newShiftPage(t, c.code)
		for _, s := range []string{"共 3 項 # 合計", "名稱 # 說明", "選項 # 預設值", "輸入 # 輸出", "A # B"} {
			s = strings.Replace(s, "#", c.rule, 1)
			p.add(p.enc(s), s)
		}
		p.check()
	}
}

// TestEatenOpenerShift: a stray byte before an opening quote or bracket
// that ASCII text follows, on a Big5 or GB18030 page. The stray byte pairs
// with the opener's lead (a1) into a Han character, common or rare. Where
// the opener's trail byte is ASCII (Big5's 「 a1 75, u) it stays a letter
// before the text; where it is not (“ a1 a7), it pairs with the text's
// first letter into a second character. The closer on the line, with no
// opener before it, tells it. Lines whose closer has its opener, or whose
// quote opened on the line before, stay.
func TestEatenOpenerShift(t *testing.T) {
	for _, code := range []string{"big5", "gb18030"} {
		p := newShiftPage(t, code)
		for _, s := range []string{
			"“git clone” 取得原始碼",
			"「rsync」可同步目錄",
			"『grub』是開機載入程式",
			"“x” 表示未知數",
			"“ssh -p 22” 連到遠端主機",
			"【ext4】檔案系統",
			"《Debian Reference》第二版",
			"你可以透過|“~/.vimrc” 設定",
			"在|“@home” 標籤下",
			"名為|“_init” 的函式",
			"用|“\\n” 換行",
			"編輯|「~/.profile」檔案",
		} {
			head, tail, _ := strings.Cut(s, "|")
			if tail == "" {
				head, tail = "", s
			}
			for _, x := range []byte{0xa4, 0xab, 0xb1, 0xc3, 0xe1} {
				p.add(slices.Concat(p.enc(head), []byte{x}, p.enc(tail)), head+tail)
			}
		}
		for _, s := range []string{"按 “q” 離開", "上一行的引文 end” 結束", "繼續使用 apt」即可", "情況如此” 他說"} {
			p.add(p.enc(s), s)
		}
		p.check()
	}
}

// TestLineEndLetterShift: a stray byte before the last letter of a path or
// an option that ends a line makes one rare character of it, after an
// ASCII mark ("s/d/耣" for s/d/b). There a rare character is the letter;
// a common one after a slash is text (是/否).
func TestLineEndLetterShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"比如 s/d/|b",
			"路徑 /usr/|s",
			"參數 -|v",
			"網址 http://|x",
			"選項 --|q",
		}, []string{"是/否", "上/下", "男/女"})
	}
}

// TestQuotedTokenShift: a stray byte before the first letter of a token
// of a letter and digits quoted on its own (“r1”, “x86”) makes one rare
// character of it, before the digits; one before a symbol quoted on its
// own (“\”, “~”) makes one rare character of the symbol, whose trail byte
// it is. Both are the quoted text's; common characters quoted stay.
func TestQuotedTokenShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"匹配 “|r1” 或 “r2”",
			"使用 “|x86” 架構",
			"選擇 “|v2” 版本",
			"輸入 “|h264” 格式",
			"設為 “|a1” 儲存格",
			"反斜線 “|\\” 表示跳脫",
			"波浪號 “|~” 代表家目錄",
			"脫字符 “|^” 表示行首",
			"底線 “|_” 可用於檔名",
			"小老鼠 “|@” 用於郵件地址",
		}, []string{"“的”字的用法", "把“和”換成“與”", "“第1”名"})
	}
}

// TestLetterAfterSlashShift: on a Big5 page a stray byte a3 before the
// first letter of a path's part makes a Greek letter or a bopomofo of it
// (a3 65 is κ: "/κtc" for /etc). After a slash and before lowercase
// letters, such a letter is the path's; alone it is text (θ 角).
func TestLetterAfterSlashShift(t *testing.T) {
	p := newShiftPage(t, "big5")
	greek := func(r rune) bool { return unicode.In(r, unicode.Greek, unicode.Bopomofo) }
	for _, s := range []string{
		"如果 \"/|etc/apt/preferences\" 檔案",
		"路徑 /|usr/bin 之下",
		"目錄 ~/|bin 中的程式",
		"放在 /|opt/app 裡",
		"見 /|var/log/syslog 記錄",
	} {
		p.strayBefore(s, greek)
	}
	for _, s := range []string{"θ 角", "ΔH 是焓變", "係數 α/β 的比值"} {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestLetterAfterNoBreakSpaceShift: numbered headings and captions set a
// no-break space before a lone letter (7.8.&nbsp;X 服务端连接). A stray
// byte before the letter makes one rare character of it there as after a
// space; a common one stays (图&nbsp;中 所示).
func TestLetterAfterNoBreakSpaceShift(t *testing.T) {
	checkRareStrays(t, "gb18030", []string{
		"7.8.\u00a0|X 服务端连接",
		"图\u00a0|B 所示",
		"附录\u00a0|C 参考",
		"3.1.\u00a0|Y 设置",
		"表\u00a0|D 列出",
	}, []string{"图\u00a0中 所示", "第\u00a03 章"})
}

// TestLoneSymbolShift: shell and code write symbols alone between spaces
// (cmd1 || cmd2, a ^ b, 行末的 \ 表示续行). A stray byte before one makes
// a rare character of it with the symbol its trail byte: there it is the
// symbol, as a rare character alone is a letter. Common ones stay, and so
// does a rare one between ASCII quotes: the quoted text.
func TestLoneSymbolShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"cmd1 ||| cmd2 表示或",
			"行末的 |\\ 表示續行",
			"a |^ b 表示互斥或",
			"x |~ y 表示相近",
			"寫成 |{ 與 } 成對",
		}, []string{"共 3 項", "是 或 否", "字 \"跋\" 的讀音"}) // 跋 is b6 5b ([) in Big5
	}
}

// TestCellStartShift: a stray byte before the first letter of a table's
// cell makes a rare character of it right after the rule. A rule parts a
// cell as a space parts words: the letter comes back, alone or before
// the rest of its word; a common character there is the cell's text.
func TestCellStartShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"│|c   │字元裝置節點│",
			"│|b   │區塊裝置│",
			"│|x86     │架構│",
			"│|apt     │套件工具│",
			"│|vim     │編輯器│",
		}, []string{"│的   │說明│", "│共 3 項│合計│"})
	}
}

// TestLineStartSymbolShift: a stray byte before a line that starts with an
// ASCII symbol of the trail range makes a rare character of it; where the
// line writes the same symbol again (the rules of an ASCII table, a path
// after a path) that is the symbol. A rare Chinese mark at a line start
// before a Latin word is that word's letter out of step too (〆macs for
// emacs): such marks are no Chinese text there.
func TestLineStartSymbolShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"|| xargs -n 1 echo   |把管道來的項分成多行|",
			"|| grep foo          |只留下含 foo 的行   |",
			"|| sort -u           |排序並去掉重複      |",
			"|~/.bashrc 與 ~/.profile 都會讀取",
			"|_init 與 _fini 兩個函式",
		}, []string{"共 3 項 | 合計", "在 ~ 之下"})
	}
	p := newShiftPage(t, "gb18030")
	mark := func(r rune) bool { return !unicode.Is(unicode.Han, r) && chineseText(r) }
	for _, s := range []string{"|emacs 中的正規表示式", "|exim 帶有一些程式", "|emerge 是套件工具", "|elinks 是文字瀏覽器", "|exec 取代目前的行程"} {
		p.strayBefore(s, mark)
	}
	for _, s := range []string{"、其他的", "。end"} {
		p.add(p.enc(s), s)
	}
	p.check()
	// The marks of running text start lines before Latin words.
	p = newShiftPage(t, "big5")
	for _, s := range []string{"「perl」和「Perl」有什麼不同？", "《Exploring Expect》一書", "。LP 是行印表機"} {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestCapitalizedWordShift: a stray byte after a capitalized word's first
// letter makes a mark or a letter of another script of the next letter
// (Big5 gives brackets and Greek letters letter trail bytes: D〔bian for
// Debian). Between a capital that starts a word and lowercase letters
// such a character is a letter out of step, as it is between letters of
// one case; the marks that stand between words (A、b) stay.
func TestCapitalizedWordShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		p := newShiftPage(t, code)
		other := func(r rune) bool {
			return r > 0x80 && r != utf8.RuneError && !unicode.Is(unicode.Han, r) && !(r >= 0xe000 && r <= 0xf8ff)
		}
		for _, s := range []string{"D|ebian 策略手冊", "L|inux 核心", "U|buntu 發行版", "F|irefox 瀏覽器", "G|nome 桌面"} {
			p.strayBefore(s, other)
		}
		for _, s := range []string{"A、b 兩項", "選 Y／n 之一"} {
			p.add(p.enc(s), s)
		}
		p.check()
	}
}

// TestRuleBeforeASCIIShift: on a GB18030 page a stray byte before a
// table's rule that ASCII follows, inside a row or at its start, pairs
// with the rule's lead (a9) into a Han character, and the rule's trail
// byte (a6 for │) with the ASCII byte into a private-use character
// (upgrades洎\ue6bc:258 for upgrades│V:258). The row's other rules tell
// it; a private-use character is no text.
func TestRuleBeforeASCIIShift(t *testing.T) {
	p := newShiftPage(t, "gb18030")
	for _, s := range []string{
		"│unattended-upgrades|│V:258,│263 │",
		"│\\>   |│\\>       │單詞的結束位置│",
		"|│\\(r1\\│r2\\)     │(r1│r2)  │",
		"│doc-debian|│I:855│166 │",
		"│apt|│V:123│說明│",
	} {
		head, tail, _ := strings.Cut(s, "|")
		for _, x := range []byte{0xb0, 0xc8, 0xd6, 0xe4, 0xf0} {
			p.add(slices.Concat(p.enc(head), []byte{x}, p.enc(tail)), head+tail)
		}
	}
	p.check()
}

// TestOtherScriptLetterShift: on a GB18030 page of simplified text, a
// stray byte before a letter makes a character of GBK's extension, most
// of them traditional forms. Where the form's simplified one is common
// (慶, 淺) the model does not count it rare, yet a traditional character
// alone on a simplified line is as odd there: it is taken where a rare one
// would be. On a traditional line it is text and stays.
func TestOtherScriptLetterShift(t *testing.T) {
	checkOtherScriptStrays(t, []string{
		"│|c   │字符设备节点│",
		"反斜杠 “|\\” 会跳脱换行符",
		"这样写 s/d/|b",
		"选项 “|q” 表示退出程序",
		"7.8. |X 服务端连接",
	}, []string{"│慶   │字元裝置節點│", "請用 “淺” 字說明"})
}

// TestOtherScriptAfterHanShift: after a Chinese character, before a Latin
// word, a stray byte makes a character of the word's first letter; a
// traditional form there on a simplified line is no text (不共享攔oot for
// root), as a rare character is not. A traditional line keeps its own.
func TestOtherScriptAfterHanShift(t *testing.T) {
	checkOtherScriptStrays(t, []string{
		"不共享|root密码给其他人",
		"请安装|vim编辑器来修改",
		"这里运行|make命令来编译",
		"可以用|grep过滤输出结果",
		"然后执行|sudo获取权限",
	}, []string{"請安裝vim編輯器", "這裡執行make指令"})
}

// checkOtherScriptStrays repairs a GB18030 page with lines that have a
// stray byte at their "|" making a traditional-only character the model
// does not count rare, and lines that stay, and wants them all back.
func checkOtherScriptStrays(t *testing.T, strays, stays []string) {
	t.Helper()
	lm := New().lm()
	p := newShiftPage(t, "gb18030")
	for _, s := range strays {
		p.strayBefore(s, func(r rune) bool {
			return langmodel.ScriptOf(r) == langmodel.TraditionalOnly && lm.UnigramLogProb(r) >= rare
		})
	}
	for _, s := range stays {
		p.add(p.enc(s), s)
	}
	p.check()
}

// TestEscapeMarkShift: a stray byte before a backslash or a backquote
// that starts an escape, a path's part or quoted code (\d, C:\Users,
// `date`) makes one rare character of the two: the mark is its trail
// byte. Before more ASCII, the rare character is the mark, whatever stands
// before it (a Chinese character too).
func TestEscapeMarkShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			`在正規表示式中 |\d 代表數字`,
			`轉義字元|\t表示跳格`,
			"命令替換用 |`date` 取得日期",
			`使用者目錄在 C:|\Users 之下`,
			"反引號括住的|`ls -l` 會先執行",
			`字串 |\x41 等於 A`,
		}, []string{`使用 \n 換行`, "反引號 `cmd` 的用法", `路徑 C:\Windows 之下`})
	}
}

// TestOpeningBracketShift: a stray byte before an ASCII opening bracket
// ([ or {) makes one rare character of the two, whose trail byte is the
// bracket; its closer, later on the line, has no opener then. Whatever
// the bracket holds (options in Chinese, an index, a name), the rare
// character is the bracket.
func TestOpeningBracketShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		checkRareStrays(t, code, []string{
			"語法：cp |[選項] 來源 目的",
			"可選的參數寫在|[方括號]裡",
			"陣列 a|[0] 是第一個元素",
			"設定檔中的 |[global] 段落",
			"模板變數 |{name} 會被替換",
			"物件寫成|{\"id\": 1} 的樣子",
		}, []string{"陣列 a[0] 的值", "使用 [選項] 執行", "變數 {name} 的值"})
	}
}

// TestOptionLetterShift: a stray byte before the letter of a one-letter
// option (-v, "-h", (-r)) makes one character of the two, common ones
// too (Big5's common characters have letter trail bytes: 泄 is aa 6e,
// n). After a hyphen that opens a token and before a mark, a space or the
// line end, a Han character is no text: it is the option's letter. A
// Chinese numeral there is a negative number's (溫度 -二 度) and stays.
func TestOptionLetterShift(t *testing.T) {
	for _, code := range []string{"gb18030", "big5"} {
		p := newShiftPage(t, code)
		for _, s := range []string{
			"使用 -|v 參數顯示詳細訊息",
			"加上 -|q, --quiet 進入安靜模式",
			"執行 \"-|h\" 取得說明",
			"此選項(-|r)會遞迴處理目錄",
			"-|f 強制覆寫已有的檔案",
			"參數 -|n=5 指定重試次數",
		} {
			p.strayBefore(s, func(r rune) bool { return unicode.Is(unicode.Han, r) && !strings.ContainsRune(chineseNumerals, r) })
		}
		for _, s := range []string{"溫度 -二 度", "清單：-項目一", "範圍 -10 到 10", "北京 -上海 的路線"} {
			p.add(p.enc(s), s)
		}
		p.check()
	}
}
