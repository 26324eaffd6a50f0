package extractors

import "testing"

// runeFlagsByScan is runeFlags as it was built before flaggedRunes: every
// character of the plane asked of in turn.
func runeFlagsByScan() *[0x10000]uint8 {
	t := new([0x10000]uint8)
	for r := range rune(0x10000) {
		if numeralRune(r) {
			t[r] |= flagNumeralRune
		}
	}
	for r := rune('0'); r <= '9'; r++ {
		t[r] |= flagNumeral
		if r != '0' {
			t[r] |= flagPrefix
		}
	}
	t['%'] |= flagMark
	t['k'] |= flagPrefix
	t['K'] |= flagPrefix
	t['!'] |= flagStop
	t['?'] |= flagStop
	for r := rune(0x80); r < 0x10000; r++ {
		switch r {
		case '元', '亿', '万', '％', '由', '从', '\uFFFD':
			t[r] |= flagMark
		case '公', '千', '百', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九':
			t[r] |= flagPrefix
		case '前', '去', '往', '原', '此', '定':
			t[r] |= flagBefore
		case '。', '！', '？':
			t[r] |= flagStop
		}
		if r == '亿' {
			t[r] |= flagNumeral
		}
		if asciiDigit(r) >= 0 || r == '十' || r == '百' || r == '千' || isChineseDigit(r) || tensRune[r] != 0 {
			t[r] |= flagNumeral
		}
	}
	return t
}

// TestRuneFlagsListed checks that building runeFlags from flaggedRunes
// gives every character the flags a scan of the whole plane gives it.
func TestRuneFlagsListed(t *testing.T) {
	want := runeFlagsByScan()
	got := runeFlags()
	for r := range rune(0x10000) {
		if got[r] != want[r] {
			t.Errorf("%U %q: flags %08b, want %08b", r, r, got[r], want[r])
		}
	}
}
