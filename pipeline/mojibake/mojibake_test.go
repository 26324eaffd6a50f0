package mojibake

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

type seedCase struct {
	seed, found, want, how, notes string
}

// seedCases reads testdata/seeds/mojibake-cases.tsv: every real case in
// the seeds with the best text its bytes still hold.
func seedCases(tb interface{ Fatal(...any) }) []seedCase {
	data, err := os.ReadFile("../../testdata/seeds/mojibake-cases.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	var cs []seedCase
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 5 {
			continue
		}
		cs = append(cs, seedCase{f[0], f[1], f[2], f[3], f[4]})
	}
	if len(cs) == 0 {
		tb.Fatal("no cases in mojibake-cases.tsv")
	}
	return cs
}

// checkEdits verifies the contract every caller relies on: edits are in
// order, carry the stage and a reason, and applying them to the input gives
// the output, so no byte changes without an edit that says so.
func checkEdits(t testing.TB, in, out string, edits []textedit.Edit) {
	t.Helper()
	prev := 0
	for _, e := range edits {
		if e.Stage != Stage || e.Reason == "" || e.Start < prev || e.End < e.Start || e.End > len(in) || in[e.Start:e.End] != e.Old {
			t.Fatalf("bad edit %+v", e)
		}
		prev = e.End
	}
	if got := textedit.Apply(in, edits); got != out {
		t.Fatalf("edits do not give the output:\n in  %q\n out %q\n got %q", in, out, got)
	}
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 out of valid input: %q", out)
	}
}

// seedGarbage lists, for each case of mojibake-cases.tsv (by its best
// recoverable text) whose notes call characters garbage from lost bytes,
// those characters: the notes say of "（一）強晃襂" that 晃襂 is garbage, of
// "（订服務謈建設" that 订 and 謈 are, and of "（醛堅持嚴管厚愛Ｎ干事�" that 醛, Ｎ
// and the U+FFFD are (the U+FFFD is marked unrecoverable, not untrusted).
var seedGarbage = map[string][]string{
	"（一）強晃襂,把準交通事業(yè)“方向盤”":         {"晃襂"},
	"（订服務謈建設,奏響黨建業(yè)務融合“協(xié)作曲”": {"订", "謈"},
	"（醛堅持嚴管厚愛Ｎ干事�(chuàng)業(yè)“壓艙石”": {"醛", "Ｎ"},
}

// untrustedIn returns the runs of characters an edit's reason marks
// untrusted, each checked against the edit's new text at the index the
// reason gives.
func untrustedIn(t testing.TB, e textedit.Edit) []string {
	t.Helper()
	_, list, ok := strings.Cut(e.Reason, "; "+untrustedNote)
	if !ok {
		return nil
	}
	list, _, ok = strings.Cut(list, " (")
	if !ok {
		t.Fatalf("reason %q: untrusted list not closed", e.Reason)
	}
	var groups []string
	for _, g := range strings.Fields(list) {
		chars, at, ok := strings.Cut(g, "@")
		k, err := strconv.Atoi(at)
		rs := []rune(e.New)
		if !ok || err != nil || k < 0 || k >= len(rs) || !strings.HasPrefix(string(rs[k:]), chars) {
			t.Fatalf("reason %q: group %q does not name characters of %q", e.Reason, g, e.New)
		}
		groups = append(groups, chars)
	}
	return groups
}

// TestSeedCases: every real case gives the best text its bytes still hold,
// through one edit that names the mechanism and the characters decoded
// from bytes beside a loss.
func TestSeedCases(t *testing.T) {
	r := New()
	for _, c := range seedCases(t) {
		t.Run(c.found, func(t *testing.T) {
			out, edits := r.Repair(c.found)
			checkEdits(t, c.found, out, edits)
			if out != c.want {
				t.Errorf("repair of %q:\n got  %q\n want %q", c.found, out, c.want)
			}
			if len(edits) != 1 || !strings.HasPrefix(edits[0].Reason, "gb18030 frame shift") {
				t.Errorf("edits %+v, want one gb18030 frame shift edit", edits)
			}
			if strings.ContainsRune(out, utf8.RuneError) && !strings.Contains(edits[0].Reason, "unrecoverable") {
				t.Errorf("U+FFFD in output without an edit saying so: %+v", edits)
			}
			var got []string
			for _, e := range edits {
				got = append(got, untrustedIn(t, e)...)
			}
			if want := seedGarbage[c.want]; !slices.Equal(got, want) {
				t.Errorf("untrusted %q, want %q (edits %+v)", got, want, edits)
			}
		})
	}
	for want := range seedGarbage {
		if !slices.ContainsFunc(seedCases(t), func(c seedCase) bool { return c.want == want }) {
			t.Errorf("seedGarbage names %q, which is no case of mojibake-cases.tsv", want)
		}
	}
}

// TestSeed002 repairs the whole traditional seed: its headings come back,
// its mojibake is gone, and nothing else changes.
func TestSeed002(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seeds/002_bd1b06f2a63dcd9f.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := string(data)
	out, edits := New().Repair(in)
	checkEdits(t, in, out, edits)
	for _, want := range []string{"（一）發(fā)展質(zhì)效持續(xù)攀升", "堅持嚴管厚愛", "通先行的時代重任", "主題演講比賽", "（一）強"} {
		if !strings.Contains(out, want) {
			t.Errorf("repaired seed 002 lacks %q", want)
		}
	}
	for _, bad := range []string{"ㄒ唬", "ǘ┓", "ㄈ﹫", "煌ㄏ", "敝黝"} {
		if strings.Contains(out, bad) {
			t.Errorf("repaired seed 002 still holds %q", bad)
		}
	}
	if len(edits) != len(seedCases(t)) {
		t.Errorf("%d edits, want one per case in mojibake-cases.tsv (%d):", len(edits), len(seedCases(t)))
		for _, e := range edits {
			t.Logf("  %q -> %q (%s)", e.Old, e.New, e.Reason)
		}
	}
}

// TestRepairMechanisms: one short sample per mechanism, in context.
func TestRepairMechanisms(t *testing.T) {
	r := New()
	for _, tc := range []struct{ clean, reason string }{
		{"交通运输局发布年度报告", "utf-8 read as gbk"},
		{"交通运输局发布年度报告", "utf-8 read as cp1252"},
		{"交通运输局发布年度报告", "double-encoded utf-8"},
		{"交通运输局发布年度报告", "gbk read as cp1252"},
		{"交通運輸局發布年度報告", "big5 read as gbk"},
		{"交通运输局发布年度报告", "gbk read as big5"},
		{"交通运输局发布年度报告", "gb18030 frame shift"},
	} {
		var bad string
		for _, c := range corruptions() {
			if c.name == tc.reason {
				b, ok := c.corrupt(tc.clean)
				if !ok {
					t.Fatalf("%s: cannot corrupt %q", tc.reason, tc.clean)
				}
				bad = b
			}
		}
		in := "本市消息：" + bad + "。\n"
		want := "本市消息：" + tc.clean + "。\n"
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if len(edits) == 0 || !strings.HasPrefix(edits[0].Reason, tc.reason) {
			t.Errorf("%s: %q gave edits %+v", tc.reason, in, edits)
			continue
		}
		if !lossy(bad) {
			if out != want {
				t.Errorf("%s: %q gave %q, want %q", tc.reason, in, out, want)
			}
			continue
		}
		// The reader lost the last character's bytes: the rest comes back
		// and the loss is marked.
		prefix := "本市消息：" + string([]rune(tc.clean)[:4])
		if !strings.HasPrefix(out, prefix) || !strings.ContainsRune(out, utf8.RuneError) {
			t.Errorf("%s (lossy): %q gave %q %+v, want prefix %q and U+FFFD kept", tc.reason, in, out, edits, prefix)
		}
	}
}

// TestHardCases: the kinds of run the repair once missed, each in the
// context of a clean line: short headings read with the other double-byte
// code (judged on the whole line), a character Big5 holds twice (HKSCS),
// and one-character frame shifts that leave a lone letter or sign.
func TestHardCases(t *testing.T) {
	r := New()
	shiftAt := func(s string, at int, stray byte) string {
		i := strings.Index(s, string([]rune(s)[at]))
		head, _ := encodeAll(gbk, s[:i])
		tail, _ := encodeAll(gbk, s[i:])
		return decodeAll(gbk, append(append(head, stray), tail...))
	}
	b5gbk := func(s string) string { b, _ := encodeAll(big5, s); return decodeAll(gbk, b) }
	gbkb5 := func(s string) string { b, _ := encodeAll(gbk, s); return decodeAll(big5, b) }
	for _, tc := range []struct{ clean, bad, reason string }{
		{"章 9. 系統技巧", b5gbk("章 9. 系統技巧"), "big5 read as gbk"},
		{"1.1.13. 动手时间", gbkb5("1.1.13. 动手时间"), "gbk read as big5"},
		{"影像是根文件系统映像", gbkb5("影像是根文件系统映像"), "gbk read as big5"},
		{"8.1.2. 語言環境的重新配置", shiftAt("8.1.2. 語言環境的重新配置", 7, 0xbb), "gb18030 frame shift"},
		{"使用者名稱或註釋欄位", shiftAt("使用者名稱或註釋欄位", 4, 0x90), "gb18030 frame shift"},
		{"電子郵件基礎", shiftAt("電子郵件基礎", 2, 0xc7), "gb18030 frame shift"},
		// A stray byte of the symbol rows (A1-A9) before a character
		// whose trail byte is ASCII: a symbol and a letter ("ＴO").
		{"修改預設設定", shiftAt("修改預設設定", 4, 0xa3), "gb18030 frame shift"},
		{"上網找資料前請先設定代理", shiftAt("上網找資料前請先設定代理", 1, 0xa2), "gb18030 frame shift"},
	} {
		if tc.bad == tc.clean || lossy(tc.bad) {
			t.Fatalf("%s: sample %q not corrupted without loss: %q", tc.reason, tc.clean, tc.bad)
		}
		in := "前文照常。\n" + tc.bad + "\n后文照常。"
		out, edits := r.Repair(in)
		checkEdits(t, in, out, edits)
		if want := "前文照常。\n" + tc.clean + "\n后文照常。"; out != want {
			t.Errorf("%s: %q gave %q, want %q", tc.reason, tc.bad, out, want)
			continue
		}
		for _, e := range edits {
			if !strings.HasPrefix(e.Reason, tc.reason) {
				t.Errorf("%s: edit %+v", tc.reason, e)
			}
		}
	}
}

// TestLostBytes: a truncated UTF-8 character read as GBK is marked, not
// guessed.
func TestLostBytes(t *testing.T) {
	in := "年度报告书" // 15 bytes: read as GBK, the last one pairs with the newline and is lost
	bad := decodeAll(gbk, []byte(in+"\n"))
	if !lossy(bad) {
		t.Fatalf("sample %q lost no byte", bad)
	}
	out, edits := New().Repair(bad)
	checkEdits(t, bad, out, edits)
	if out != "年度报告\uFFFD\n" {
		t.Fatalf("got %q, want the four whole characters and one U+FFFD", out)
	}
	if len(edits) == 0 || !strings.Contains(edits[len(edits)-1].Reason, "bytes lost") {
		t.Fatalf("edits %+v", edits)
	}
}

func FuzzRepair(f *testing.F) {
	for _, c := range seedCases(f) {
		f.Add(c.found)
	}
	for _, s := range []string{"", "ä¸­æ–‡", "ÖÐÎÄ", "涓枃", "锟斤拷", "\xff\xfe", "ㄅㄆㄇ注音", "┌──┐", "a\uFFFDb", "鍏�閲�3", "寤鸿�捐�╁厷", "辰旌� 当好", "锟斤拷锟斤拷烫烫烫烫屯屯屯屯", "\ue4d2x市", "銝劐瑪����\n", "�睲賑�𡁏��靝�撘�", "摰�使你", "建設(瀞hè)貴陽", "引領(鄉ǐng)，", "(\uFFFDa)", "║ 年份 ║\n郉ebian", "瑗块儴鐜�北璺�疄鐜",
		// Big5 and GB18030 pages with frame shifts: table rows, eaten
		// openers, quoted tokens, lone letters and symbols.
		"允鴭韞堛漲a址為同一主機的郵件進行本地分發\n五p算機系統從上電事件到能為使用者提供完整的作業系統功能為止\n哈xsecurity.debian.org│stable\n哄吧pt-get” 等\n哄usudo」指令\ns/d/剎\n7.8. 俄 服務\ncmd1 咽| cmd2\n│剃   │字元│\n�/etc/apt\nD前bian",
		"徲嬎銠C系統從上電事件到能為使用者提供完整的作業系統功能為止\n│upgrades\ue066\ue6bc:258,│263 │\n珅 xargs |說明|\n玡macs 中\n“玶1” 或\n\ue05e皛/.bashrc”"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, s string) {
		out, edits := r.Repair(s)
		checkEdits(t, s, out, edits)
	})
}

// TestRepairConcurrent runs one Repairer from several goroutines over
// corrupted and clean documents and requires the results of running them
// one at a time: the buffers it keeps between documents (and the line it
// caches by offsets) must not leak from one document into another.
func TestRepairConcurrent(t *testing.T) {
	var texts []string
	for _, d := range seedClean(t) {
		lines := benchLines(d.text, 40)
		texts = append(texts, d.text)
		for _, c := range corruptions() {
			var bad []string
			for _, l := range lines {
				if b, ok := c.corrupt(l); ok {
					bad = append(bad, b)
				}
			}
			texts = append(texts, strings.Join(bad, "\n"))
		}
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i], _ = New().Repair(s)
	}
	r := New()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range texts {
				i := (k*7 + g*13) % len(texts)
				if got, _ := r.Repair(texts[i]); got != want[i] {
					t.Errorf("text %d repaired differently when run concurrently", i)
				}
			}
		})
	}
	wg.Wait()
}

// TestRepairForgetsTheLastText repairs a text whose line was read with the
// other double-byte code, then a clean text with a line at the same offsets:
// what the Repairer keeps between texts must not carry the first line over.
func TestRepairForgetsTheLastText(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seeds/001_7f9ab2896b09be6e.txt")
	if err != nil {
		t.Fatal(err)
	}
	var clean string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "铸魂") { // a rare pair the detector flags
			clean = l
		}
	}
	b, ok := encodeAll(big5, "交通運輸部門持續推進農村公路建設與養護管理工作")
	garbled := decodeAll(gbk, b)
	if clean == "" || !ok || len(garbled) > len(clean) {
		t.Fatalf("test texts: clean %d bytes, garbled %d bytes, ok %v", len(clean), len(garbled), ok)
	}
	garbled += strings.Repeat(" ", len(clean)-len(garbled))
	first, second := garbled+"\n", clean+"\n"
	want, wantEdits := New().Repair(second)
	r := New()
	if out, _ := r.Repair(first); out == first {
		t.Fatalf("the garbled line was not repaired: %q", first)
	}
	if got, edits := r.Repair(second); got != want || len(edits) != len(wantEdits) {
		t.Errorf("after another text, Repair(%q) = %q with %d edits, want %q with %d", second, got, len(edits), want, len(wantEdits))
	}
}

// TestMechanismsFitTheGate: the gate keeps the mechanisms that pass in a
// 64-bit set.
func TestMechanismsFitTheGate(t *testing.T) {
	if n := len(New().mechs()); n > 64 {
		t.Fatalf("%d mechanisms; the gate's set holds 64", n)
	}
}
