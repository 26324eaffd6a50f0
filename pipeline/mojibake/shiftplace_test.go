package mojibake

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestShiftPlacement: a frame-shift repair whose stray byte was taken one
// character late or early (inside the run, or one character before it)
// is moved to where the run reads best. Each line has a stray byte before
// its character k; the run it garbles ends in the Latin word's first
// letter, which the last character ate.
func TestShiftPlacement(t *testing.T) {
	gb := simplifiedchinese.GB18030.NewEncoder()
	b5 := traditionalchinese.Big5.NewEncoder()
	for _, c := range []struct {
		code string
		line string
		k    int // the character the stray byte goes before
	}{
		{"gb18030", "開啟設定頁面Firefox", 0},
		{"gb18030", "請按下確認鍵Enter", 2},
		{"gb18030", "我们使用开源软件Linux", 4},
		{"gb18030", "本机安装的数据库MySQL", 3},
		{"gb18030", "選單中按下儲存Save", 1},
		// Fullwidth digits, which the model scores as ASCII ones; Big5's
		// ） ends in 5E, read as ^ at the line end.
		{"big5", "作者：王禹偁（９５４－１００１）", 10},
		{"big5", "計畫期程（２０２３－２０２６）", 10},
		{"big5", "核定編號（第１２０５號）", 7},
		// Runs of two characters, the second of which ate the letter:
		// latinShifts reads the letter back and leaves the first.
		{"gb18030", "從被gzip壓縮過的檔案", 1},
		{"gb18030", "衡量包大小的方法。MSS 和", 8},
		{"gb18030", "請用bash執行", 1},
		{"gb18030", "開啟新vim視窗", 2},
		{"gb18030", "系統核心Kernel設定", 3},
	} {
		enc, stray, decoder := gb, byte(0x8f), "python gb18030 replace"
		if c.code == "big5" {
			enc, stray, decoder = b5, 0xb0, "python big5 replace"
		}
		runes := []rune(c.line)
		head, err := enc.Bytes([]byte(string(runes[:c.k])))
		if err != nil {
			t.Fatal(err)
		}
		b, err := enc.Bytes([]byte(c.line))
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Join([][]byte{b[:len(head)], b[len(head):]}, []byte{stray})
		bad := decoderNamed(t, decoder).decode(b)
		// The run ends after the Latin word's first letter, which it
		// ate, or at the line end.
		suffix := ""
		if latin := strings.IndexFunc(c.line, func(r rune) bool { return r < 0x80 }); latin >= 0 {
			suffix = c.line[latin+1:]
		}
		if !strings.HasSuffix(bad, suffix) || strings.ContainsRune(bad, utf8.RuneError) {
			t.Fatalf("%q: the stray byte garbled it to %q, not a run that loses nothing", c.line, bad)
		}
		start := len(string([]rune(bad)[:c.k]))
		end := len(bad) - len(suffix)
		want := c.line[len(string(runes[:c.k])) : len(c.line)-len(suffix)]
		sh := New().mechanism(c.code + " frame shift")
		var buf []byte
		if got, ok := readShifted(&buf, sh, bad[start:end]); !ok || got != want {
			t.Fatalf("%q: the run reads %q, want %q", c.line, got, want)
		}
		moved := []int{start + len(string([]rune(bad[start:])[:1]))}
		if c.k > 0 {
			_, n := utf8.DecodeLastRuneInString(bad[:start])
			moved = append(moved, start-n)
		}
		tried := 0
		for _, s := range moved {
			read, ok := readShifted(&buf, sh, bad[s:end])
			if !ok {
				continue // no reading there: nothing to move from
			}
			tried++
			reps := []replacement{{start: s, end: end, repl: read, reason: sh.reason + " (stray byte 00 dropped)"}}
			got := placeShifts(New().infer(), t2sFold(), sh, bad, reps)
			if got[0].start != start || got[0].repl != want {
				t.Errorf("%q: stray byte taken at %d: got %q at %d, want %q at %d", c.line, s, got[0].repl, got[0].start, want, start)
			}
		}
		if last := []rune(bad[start:end]); len(last) == 2 {
			// The letter read out of the second character alone.
			s := start + len(string(last[:1]))
			reps := []replacement{{start: s, end: end, repl: want[len(want)-1:], reason: sh.reason + " before a letter (stray byte 00 dropped)"}}
			got := placeShifts(New().infer(), t2sFold(), sh, bad, reps)
			if got[0].start != start || got[0].repl != want {
				t.Errorf("%q: letter read at %d: got %q at %d, want %q at %d", c.line, s, got[0].repl, got[0].start, want, start)
			}
			tried++
		}
		if tried == 0 {
			t.Errorf("%q: no misplaced reading to move", c.line)
		}
	}
}

// TestShiftPlacementScript: in a traditional line, a stray byte that pairs
// with the run's first lead byte into a simplified-only character (滑际
// for 滑鼠, with the stray byte taken one character late) can fool the
// model into keeping the stray byte late; the line's script moves it. For
// each line the test takes the stray bytes that make such a character and
// fool the model alone, and wants each of them placed with the script.
func TestShiftPlacementScript(t *testing.T) {
	lines := []struct {
		line string
		k    int
	}{
		{"也可以使用滑鼠主要鍵點選。", 6},
		{"請從選單開啟檔案總管視窗。", 4},
		{"這個設定會影響鍵盤配置與輸入法。", 5},
		{"在終端機中執行指令並檢查輸出。", 3},
		{"系統管理員應定期備份資料庫內容。", 7},
	}
	gb := simplifiedchinese.GB18030.NewEncoder()
	sh := New().mechanism("gb18030 frame shift")
	lm := New().infer()
	dec := decoderNamed(t, "python gb18030 replace")
	fooled := 0
	for _, c := range lines {
		runes := []rune(c.line)
		head, err := gb.Bytes([]byte(string(runes[:c.k])))
		if err != nil {
			t.Fatal(err)
		}
		b, err := gb.Bytes([]byte(c.line))
		if err != nil {
			t.Fatal(err)
		}
		for x := 0x81; x <= 0xfe; x++ {
			r, _, ok := sh.right.decode([]byte{byte(x), b[len(head)]})
			if !ok || langmodel.ScriptOf(r) != langmodel.SimplifiedOnly {
				continue
			}
			bad := dec.decode(bytes.Join([][]byte{b[:len(head)], b[len(head):]}, []byte{byte(x)}))
			if strings.ContainsRune(bad, utf8.RuneError) {
				continue
			}
			start := len(string([]rune(bad)[:c.k]))
			end := strings.LastIndex(bad, "。")
			var buf []byte
			want, ok := readShifted(&buf, sh, bad[start:end])
			if !ok || !strings.HasPrefix(c.line[len(head)/2*3:], want) {
				continue // the run does not end before the full stop
			}
			late := start + len(string([]rune(bad[start:])[:1]))
			read, ok := readShifted(&buf, sh, bad[late:end])
			if !ok {
				continue
			}
			reps := []replacement{{start: late, end: end, repl: read, reason: sh.reason + " (stray byte 00 dropped)"}}
			if got := placeShifts(lm, nil, sh, bad, slices.Clone(reps)); got[0].start == start {
				continue // the model alone places it
			}
			fooled++
			if got := placeShifts(lm, t2sFold(), sh, bad, slices.Clone(reps)); got[0].start != start || got[0].repl != want {
				t.Errorf("%q (stray %X, %q): got %q at %d, want %q at %d", c.line, x, r, got[0].repl, got[0].start, want, start)
			}
		}
	}
	if fooled < 5 {
		t.Errorf("only %d stray bytes fool the model alone: too few to test the script", fooled)
	}
	t.Logf("%d stray bytes fool the model alone", fooled)
}

// TestShiftBeforeTableBorder: a stray byte before a table's border "│"
// (a9 a6) at a line start reads as a character and a private-use one
// whose trail is the first letter of the cell ("穿\ue6d9udo" for "│sudo",
// and with a stray a6 "Ι\ue6caebian" for "│debian"); on a line drawn with
// "│" the border is read back, not the letter alone.
func TestShiftBeforeTableBorder(t *testing.T) {
	lines := []string{
		"对于目的地址为同一主机的邮件进行本地分发",
		"计算机系统从上电事件到能为用户提供完整的操作系统功能为止",
		"│vim       │V:95,   │3741 │功能强大的文本编辑器             │",
		"│rsync     │V:310,  │781  │远程文件同步工具                 │",
		"│curl      │V:202,  │495  │命令行下的网址传输工具           │",
		"│openssh   │I:880,  │1023 │安全外壳协议的客户端             │",
		"│mutt      │V:12,   │7565 │文本界面的邮件客户端             │",
	}
	for _, strays := range [][]byte{{0x8f, 0x8f, 0xb4, 0xc1, 0xd0, 0xb4, 0xe3}, {0x8f, 0x8f, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}} {
		var page [][]byte
		for i, s := range lines {
			b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			page = append(page, append([]byte{strays[i]}, b...))
		}
		bad := decoderNamed(t, "python gb18030 replace").decode(bytes.Join(page, []byte("\n")))
		out, edits := New().Repair(bad)
		checkEdits(t, bad, out, edits)
		got := strings.Split(out, "\n")
		for k := 2; k < len(lines); k++ {
			if got[k] != lines[k] {
				t.Errorf("stray %X: line %d: got %q, want %q (as found %+q)", strays[k], k, got[k], lines[k], strings.Split(bad, "\n")[k])
			}
		}
	}
}

// TestVariantsNeedEvidence: a line's script is judged from characters of
// one script only; characters both scripts write leave it unknown, so
// neither script's characters pay for being the other's.
func TestVariantsNeedEvidence(t *testing.T) {
	fold := New().fold()
	for _, c := range []struct {
		text string
		want int
	}{
		{"下列的任意一行", 0},
		{"其中一个的目的", -1},
		{"其中一個的目的", 1},
		{"可以在上面的文件中找到", 0},
		{"可以在上面的文件中找到这", -1},
		{"一二三四五六七八九十", 0},
		{"大家都知道的事情", 0},
		{"时间的长短是一样的", -1},
	} {
		if got := variantsOf(fold, []rune(c.text)).script; got != c.want {
			t.Errorf("%s: script %d, want %d", c.text, got, c.want)
		}
	}
}
