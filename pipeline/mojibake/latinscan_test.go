package mojibake

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// scanPieces are what the texts of the scan tests are made of: the
// examples latinShifts and trailShifts take or leave, Chinese text and
// punctuation, Latin letters with and without tone marks, and invalid
// UTF-8 (lone bytes, a cut sequence, a surrogate, U+FFFD written out).
var scanPieces = []string{
	"郉ebian", "D眅bian", "﹐rg", "共享攔oot", "的昒nix", "崁ecode", "淲PT", "De俠ian", "麼SS",
	"I18驨", "\"靘\"", "user鏎host", "亊/.vim", "僛5]", "ta〉get", "U〒FI", "FLATΕUB", "9\ue549c",
	"建設(瀞hè)", "引領(鄉ǐng)", "縣G、", "支援恣C這", "和岩[密", "GU埋 桌面", "（locale）", "20℃", "5％",
	"║U║", "fā", "Ã©", "·", "×", "é", "Debian", "GNOME", "在script下", "的", "中文", "报告", "，", "。",
	"、", " ", "\n", "\r\n", "(", ")", "2", "a", "Z", "_", "@", "\xff", "\xe4\xb8", "\xed\xa0\x80",
	"\ufffd", "\xc3", "𠀀", "ㄅ", "θ",
}

// scanText joins n pieces drawn with rng.
func scanText(rng *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteString(scanPieces[rng.IntN(len(scanPieces))])
	}
	return sb.String()
}

// TestLastChar: reading back from a character boundary y finds the
// character that reading forwards from a boundary a ends there, and the
// one before it, on text with invalid UTF-8 too.
func TestLastChar(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		text := scanText(rng, 1+rng.IntN(12))
		// Forward: each character's start and rune, as range reads them.
		var starts []int
		var runes []rune
		for i, c := range text {
			starts, runes = append(starts, i), append(runes, c)
		}
		starts = append(starts, len(text))
		for i := range len(runes) {
			for j := i + 1; j <= len(runes); j++ {
				a, y := starts[i], starts[j]
				b, prev := lastChar(text, a, y, 'P')
				wantPrev := rune('P')
				if j-1 > i {
					wantPrev = runes[j-2]
				}
				if b != starts[j-1] || prev != wantPrev {
					t.Fatalf("lastChar(%q, %d, %d) = %d, %q; want %d, %q", text, a, y, b, prev, starts[j-1], wantPrev)
				}
			}
		}
	}
}

// latinShiftsEach is latinShifts reading every character, without
// going past the ones no rule takes.
func latinShiftsEach(s latinScan) []replacement {
	var out []replacement
	prev := rune('\n')
	for a, c := range s.text {
		_, n := utf8.DecodeRuneInString(s.text[a:])
		if rp, ok := s.at(a, n, c, prev); ok {
			out = append(out, rp)
			s.taken = out
		}
		prev = c
	}
	return s.afterScan(out)
}

// trailShiftsEach is trailShifts reading every character.
func trailShiftsEach(r *Repairer, sh *mechanism, text string) []replacement {
	var out []replacement
	prev := rune('\n')
	for a := 0; a < len(text); {
		c, n := utf8.DecodeRuneInString(text[a:])
		if rp, d, ok := trailShiftAt(r.lm(), sh, text, nil, nil, a, n, c, prev); ok {
			out = append(out, rp)
			prev, a = d, rp.end
			continue
		}
		prev = c
		a += n
	}
	return out
}

// TestShiftScansSkipOnlyInert: latinShifts and trailShifts, which go past
// the characters that no rule of theirs can take, take what reading
// every character takes, on random texts of the characters the rules
// are about (and the rules do take some).
func TestShiftScansSkipOnlyInert(t *testing.T) {
	r := New()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, reason := range []string{"gb18030 frame shift", "big5 frame shift"} {
		sh := r.mechanism(reason)
		latinTaken, trailTaken := 0, 0
		for range 3000 {
			text := scanText(rng, 1+rng.IntN(40))
			want := latinShiftsEach(latinScan{lm: r.lm(), sh: sh, text: text})
			got := latinShifts(r.lm(), r.mechs, text, nil, reason)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: latinShifts(%q) = %v, reading every character %v", reason, text, got, want)
			}
			latinTaken += len(want)
			want = trailShiftsEach(r, sh, text)
			if got := trailShifts(r.lm(), sh, text, nil, nil); !slices.Equal(got, want) {
				t.Fatalf("%s: trailShifts(%q) = %v, reading every character %v", reason, text, got, want)
			}
			trailTaken += len(want)
		}
		if latinTaken == 0 || trailTaken == 0 {
			t.Errorf("%s: latinShifts took %d, trailShifts %d: the texts test nothing", reason, latinTaken, trailTaken)
		}
	}
}

// TestCommonHan: the characters latinShifts takes for Han without the
// table lookup are all of the Han script and none is a unit sign.
func TestCommonHan(t *testing.T) {
	n := 0
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if !commonHan(c) {
			continue
		}
		n++
		if !unicode.Is(unicode.Han, c) || unitSign(c) {
			t.Fatalf("%U: Han %v, unit sign %v", c, unicode.Is(unicode.Han, c), unitSign(c))
		}
	}
	if n != 0x9fff-0x4e00+1 {
		t.Errorf("%d common Han characters, want the block's %d", n, 0x9fff-0x4e00+1)
	}
}

// TestScanLossesFindsEveryLossChar: the detector's scan gives the offset
// of every occurrence of 锟, 烫 and 屯 in the text's bytes (where
// lossRunsAt looks for runs), on random texts with invalid UTF-8 and
// loss runs, and on the big corpus.
func TestScanLossesFindsEveryLossChar(t *testing.T) {
	d := detectorFor()
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := append(slices.Clone(scanPieces), "锟斤拷", "锟", "烫烫烫烫", "屯屯", "\xe9\x94", "\xe9", "锟皆★拷")
	texts := bigChunks(t, 2)
	for range 3000 {
		var sb strings.Builder
		for range 1 + rng.IntN(30) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, sb.String())
	}
	found := 0
	for _, text := range texts {
		var want []int
		for _, c := range lossRunChars {
			s := string(c)
			for from := 0; ; {
				i := strings.Index(text[from:], s)
				if i < 0 {
					break
				}
				want = append(want, from+i)
				from += i + len(s)
			}
		}
		slices.Sort(want)
		spots, losses := d.scanLosses(text)
		if !slices.Equal(losses, want) {
			t.Fatalf("scanLosses(%.200q) finds %v, the text holds them at %v", text, losses, want)
		}
		if s, loss := d.scan(text); !slices.Equal(s, spots) || loss != (len(want) > 0) {
			t.Fatalf("scan(%.200q) = %v, %v; scanLosses %v, %v", text, s, loss, spots, losses)
		}
		found += len(want)
	}
	if found == 0 {
		t.Fatal("no text holds a loss character: the test checks nothing")
	}
}

// TestUntrustedMemo: untrusted marks the same characters with lossOdds'
// answers kept as without, the second time round from the memo alone, on
// random runs of Chinese characters (some of which it marks).
func TestUntrustedMemo(t *testing.T) {
	r := New()
	c := r.mechanism("gb18030 frame shift").right
	rng := rand.New(rand.NewPCG(7, 8))
	memo := map[oddsKey]oddsAnswer{}
	marked := 0
	for range 300 {
		rs := make([]rune, 1+rng.IntN(6))
		for k := range rs {
			rs[k] = rune(0x4e00 + rng.IntN(0x9fa5-0x4e00))
		}
		left, right := rune(-1), rune(0x4e00+rng.IntN(0x9fa5-0x4e00))
		want := untrusted(r.lm(), c, rs, left, right, nil)
		for range 2 {
			if got := untrusted(r.lm(), c, rs, left, right, memo); !slices.Equal(got, want) {
				t.Fatalf("untrusted(%q) with the memo %v, without %v", string(rs), got, want)
			}
		}
		for _, m := range want {
			if m {
				marked++
			}
		}
	}
	if marked == 0 || len(memo) == 0 {
		t.Fatalf("%d characters marked, %d answers kept: the test checks nothing", marked, len(memo))
	}
}

// TestUntilByWords: asciiUntil and quietUntil, which read eight bytes at
// a time, stop where reading one byte at a time does, from every start.
func TestUntilByWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		text := scanText(rng, 1+rng.IntN(20))
		for i := 0; i <= len(text); i++ {
			a, q := i, i
			for a < len(text) && text[a] >= 0x80 {
				a++
			}
			for q < len(text) && quietByte(text[q]) {
				q++
			}
			if got := asciiUntil(text, i); got != a {
				t.Fatalf("asciiUntil(%q, %d) = %d, want %d", text, i, got, a)
			}
			if got := quietUntil(text, i); got != q {
				t.Fatalf("quietUntil(%q, %d) = %d, want %d", text, i, got, q)
			}
		}
	}
}
