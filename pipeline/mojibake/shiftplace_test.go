package mojibake

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestShiftPlacement: a frame-shift repair whose stray byte was taken one
// character late or early (inside the run, or one character before it)
// is moved to where the run reads best. Each line has a stray byte before
// its character k; the run it garbles ends in the Latin word's first
// letter, which the last character ate.
func TestShiftPlacement(t *testing.T) {
	for _, c := range []struct {
		line string
		k    int // the character the stray byte goes before
	}{
		{"開啟設定頁面Firefox", 0},
		{"請按下確認鍵Enter", 2},
		{"我们使用开源软件Linux", 4},
		{"本机安装的数据库MySQL", 3},
		{"選單中按下儲存Save", 1},
	} {
		runes := []rune(c.line)
		enc := simplifiedchinese.GB18030.NewEncoder()
		head, err := enc.Bytes([]byte(string(runes[:c.k])))
		if err != nil {
			t.Fatal(err)
		}
		b, err := enc.Bytes([]byte(c.line))
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Join([][]byte{b[:len(head)], b[len(head):]}, []byte{0x8f})
		bad := decoderNamed(t, "python gb18030 replace").decode(b)
		latin := strings.IndexFunc(c.line, func(r rune) bool { return r < 0x80 })
		suffix := c.line[latin+1:]
		if !strings.HasSuffix(bad, suffix) || strings.ContainsRune(bad, utf8.RuneError) {
			t.Fatalf("%q: the stray byte garbled it to %q, not a run that ate %q", c.line, bad, c.line[latin:latin+1])
		}
		start := len(string([]rune(bad)[:c.k]))
		end := len(bad) - len(suffix)
		want := c.line[len(string(runes[:c.k])) : latin+1]
		sh := New().mechanism("gb18030 frame shift")
		var buf []byte
		if got, ok := readShifted(&buf, sh, bad[start:end]); !ok || got != want {
			t.Fatalf("%q: the run reads %q, want %q", c.line, got, want)
		}
		moved := []int{start + len(string([]rune(bad[start:])[:1]))}
		if c.k > 0 {
			_, n := utf8.DecodeLastRuneInString(bad[:start])
			moved = append(moved, start-n)
		}
		for _, s := range moved {
			read, ok := readShifted(&buf, sh, bad[s:end])
			if !ok {
				continue // no reading there: nothing to move from
			}
			reps := []replacement{{start: s, end: end, repl: read, reason: sh.reason + " (stray byte 00 dropped)"}}
			got := placeShifts(New().lm(), sh, bad, reps)
			if got[0].start != start || got[0].repl != want {
				t.Errorf("%q: stray byte taken at %d: got %q at %d, want %q at %d", c.line, s, got[0].repl, got[0].start, want, start)
			}
		}
	}
}
