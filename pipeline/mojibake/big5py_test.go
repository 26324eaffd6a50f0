package mojibake

import (
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// TestBig5ShiftCodec: the Big5 frame shift writes a character Python's
// reader gives back with the code Python read it from (う is C6AA, which
// x/text reads as ⑩), and every other character as x/text writes it.
func TestBig5ShiftCodec(t *testing.T) {
	d := decoderNamed(t, "python big5 replace")
	c := big5ShiftCodec()
	for _, p := range big5PythonPairs {
		b, ok := c.encode(nil, p.r)
		if !ok || len(b) != 2 || b[0] != byte(p.code>>8) || b[1] != byte(p.code) {
			t.Fatalf("%c: encoded % X, want %04X", p.r, b, p.code)
		}
		if got := d.decode(b); got != string(p.r) {
			t.Errorf("%04X: Python reads %q, table says %c", p.code, got, p.r)
		}
	}
	for _, r := range "二資料的安全（）" {
		want, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string(r)))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := c.encode(nil, r); string(got) != string(want) {
			t.Errorf("%c: % X, want % X", r, got, want)
		}
	}
	if b, _ := c.encode(nil, 'う'); len(b) != 2 || b[0] != 0xc6 || b[1] != 0xaa {
		t.Errorf("う: % X, want C6 AA", b)
	}
}

// TestOtherScript: in a run judged traditional a simplified-only
// character pays otherScriptCost, and the other way round; characters
// both scripts write, and runs of unknown script, pay nothing.
func TestOtherScript(t *testing.T) {
	fold := New().fold()
	if fold == nil {
		t.Skip("no OpenCC t2s table")
	}
	trad := variantsOf(fold, []rune("經費由中央和地方分擔"))
	simp := variantsOf(fold, []rune("经费由中央和地方分担"))
	none := variantsOf(fold, []rune("中"))
	for _, tc := range []struct {
		v    variants
		r    rune
		want float64
	}{
		{trad, '儿', otherScriptCost}, {trad, '億', 0}, {trad, '里', 0},
		{simp, '億', otherScriptCost}, {simp, '儿', 0}, {simp, '公', 0},
		{none, '儿', 0}, {none, '億', 0},
	} {
		if got := tc.v.otherScript(tc.r); got != tc.want {
			t.Errorf("script %d, %c: %v, want %v", tc.v.script, tc.r, got, tc.want)
		}
	}
}

// TestBig5ShiftCodecMatchesSearch: the shift codec, which looks a
// character up in Python's list only when its bit is set, writes every
// character as the list's binary search and then Big5 do.
func TestBig5ShiftCodecMatchesSearch(t *testing.T) {
	c, plain := big5ShiftCodec(), big5Codec()
	listed := 0
	for r := rune(-1); r < 0x10100; r++ {
		want, okW := encodeBig5Python(nil, r)
		if okW {
			listed++
		} else {
			want, okW = plain.encode(nil, r)
		}
		got, ok := c.encode(nil, r)
		if ok != okW || string(got) != string(want) {
			t.Fatalf("%U: % X %v, want % X %v", r, got, ok, want, okW)
		}
	}
	if listed != len(big5PythonPairs) {
		t.Errorf("%d characters of Python's list met, want %d", listed, len(big5PythonPairs))
	}
}
