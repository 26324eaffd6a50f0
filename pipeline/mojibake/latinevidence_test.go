package mojibake

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLatinOnlyShiftPage: a GB18030 page whose stray bytes all fell inside
// or beside Latin words (a rare character of the stray byte and a letter:
// ser豽er for server). No window reads better with a frame shift, so only
// the words tell: two or more known words given back make the page a
// shifted one, and its letters come back.
func TestLatinOnlyShiftPage(t *testing.T) {
	checkLatinOnlyPages(t, [][]string{
		{"请先安装 ser|ver 软件包", "然后重启 net|work 服务", "最后检查系统日志"},
		{"编辑 con|fig 文件", "保存后运行 ins|tall 脚本", "完成后退出"},
		{"内核 ker|nel 参数说明", "使用 mod|ule 命令加载", "详见手册"},
		{"打开 term|inal 窗口", "输入 pass|word 并回车", "等待提示"},
		{"下载 pack|age 列表", "更新 sys|tem 时间", "重启机器"},
	})
}

// TestInsideWordShiftPage: a page whose one stray byte fell inside a Latin
// word, between two of its letters (m馻n for man, the last line of every
// Chinese man page): no clean text writes a rare character between two
// letters of a word, so one such character whose letter gives back a
// known word makes the page a shifted one.
func TestInsideWordShiftPage(t *testing.T) {
	checkLatinOnlyPages(t, [][]string{
		{"本手册由中文 ma|nual 计划翻译", "欢迎提出意见"},
		{"请修改 pro|file 中的设置", "然后重新登录"},
		{"该命令读取 sett|ings 文件", "并输出结果"},
		{"详见 doc|ument 目录", "其余从略"},
		{"关闭 win|dow 之前", "先保存文件"},
		{"一行文字 ab中cd 之后", "另一行"},
	})
}

// TestPageWordShiftPage: a page whose stray bytes fell before Latin words
// that the page writes whole elsewhere (梡wconv on a page that lists
// pwconv): the word the letter gives back is the page's own, so each
// such character is evidence, known word or not.
func TestPageWordShiftPage(t *testing.T) {
	checkLatinOnlyPages(t, [][]string{
		{"lsattr, chattr - 文件属性工具", "l|sattr 列出属性", "c|hattr 修改属性"},
		{"ipcs 与 ipcrm 的用法", "i|pcs 显示资源", "i|pcrm 删除资源"},
		{"mkfs.ext4 和 tune2fs 命令", "m|kfs.ext4 创建文件系统", "t|une2fs 调整参数"},
		{"本页介绍 vipw 和 vigr", "v|ipw 编辑口令文件", "v|igr 编辑组文件"},
		{"相关命令：lsblk、blkid", "l|sblk 列出块设备", "b|lkid 显示标识"},
	})
}

// checkLatinOnlyPages repairs each GB18030 page, its lines joined, where a
// "|" in a line is a stray byte that makes a rare Han character of itself
// and the letter after it, and wants the lines back without the "|".
func checkLatinOnlyPages(t *testing.T, pages [][]string) {
	t.Helper()
	dec := decoderNamed(t, "python gb18030 replace")
	lm := New().lm()
	enc := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// stray returns s with a stray byte at its "|" that makes a rare Han
	// character of itself and the letter after it.
	stray := func(s string) []byte {
		head, tail, _ := strings.Cut(s, "|")
		for x := 0x81; x <= 0xfe; x++ {
			r := []rune(dec.decode([]byte{byte(x), tail[0]}))
			if len(r) == 1 && unicode.Is(unicode.Han, r[0]) && lm.UnigramLogProb(r[0]) < rare {
				return append(append(enc(head), byte(x)), enc(tail)...)
			}
		}
		t.Fatalf("%q: no stray byte makes a rare character", s)
		return nil
	}
	for _, page := range pages {
		var lines [][]byte
		var want []string
		for _, l := range page {
			if strings.Contains(l, "|") {
				lines = append(lines, stray(l))
			} else {
				lines = append(lines, enc(l))
			}
			want = append(want, strings.ReplaceAll(l, "|", ""))
		}
		bad := dec.decode(bytes.Join(lines, []byte("\n")))
		out, edits := New().Repair(bad)
		checkEdits(t, bad, out, edits)
		if out != strings.Join(want, "\n") {
			t.Errorf("got %q, want %q (as found %q)", out, strings.Join(want, "\n"), bad)
		}
	}
}

// TestFrequentHanBeforeWord: on a shifted page, one of the most frequent
// characters (將 與 是 和 以 向 無 果) before a Latin word at a line start,
// or before a word of capitals after a space, is text ("將EBCDIC轉換成",
// "與zcat相同"): in Big5 those characters have letter trail bytes (將 b1
// 4e, N; 與 bb 50, P), and a stray byte before a word seldom pairs into
// one. The word the letter gives back (NEBCDIC, Pzcat) is written nowhere
// on the page. The lines that follow a stray byte must still be repaired.
func TestFrequentHanBeforeWord(t *testing.T) {
	p := newShiftPage(t, "big5")
	for _, s := range []string{
		"將UTF-8文字轉為本地編碼。",
		"與Linux核心的版本無關",
		"是GNU專案的一部分",
		"以CSV格式匯出查詢結果",
		"向DHCP伺服器要求新的位址",
		"請參考 和Emacs一起安裝的說明文件",
		"此程式 無X11支援時仍可使用",
		"設定後 將HOME目錄設為唯讀",
		"將tmpfs掛載到記憶體",
		"與rsync的差異在於增量傳輸",
		"向syslog寫入一筆紀錄",
		"果然crontab沒有被執行",
		"與grep搭配使用效果更好",
	} {
		p.add(p.enc(s), s)
	}
	for _, s := range []string{"|Makefile 會呼叫編譯器", "|Debian 套件的說明"} {
		p.strayBefore(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	p.check()
}
