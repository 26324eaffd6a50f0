package cue

import (
	"strings"
	"testing"
)

// TestWordSetFind checks the one-pass search against strings.Contains for
// every word, including lines of invalid UTF-8 and overlapping words.
func TestWordSetFind(t *testing.T) {
	words := []string{"转载请注明", "如有侵权", "ICP备", "©", "二维码", "维码", "请联系删除"}
	set := newWordSet(words)
	lines := []string{
		"",
		"a",
		"本文转载请注明出处",
		"如有侵权请联系删除",
		"鲁ICP备05010000号 © 2024",
		"扫描二维码关注",
		"\xe4\xba\x8c\xe7维码", // a broken 二维 before 码
		"\xff\xfe转载请注明",      // invalid bytes first
		"ICP ICP证 IC",        // near misses
		strings.Repeat("交通运输", 50) + "如有侵权", // the word at the end of a long line
		"如有侵",
		"\xe4\xbd如有侵权",        // a truncated character right before the word
		"\xe4\xbd\xa0\xbd维码©", // a stray continuation byte after a character
		"\xef\xbc二维码\xc2",     // a word after a lead byte and one continuation byte
	}
	for _, line := range lines {
		var want uint64
		for i, w := range words {
			if strings.Contains(line, w) {
				want |= 1 << i
			}
		}
		if got := set.find(line); got != want {
			t.Errorf("find(%q) = %b, want %b", line, got, want)
		}
		if got := set.any(line); got != (want != 0) {
			t.Errorf("any(%q) = %v, want %v", line, got, want != 0)
		}
	}
}

// TestRuneLen checks the inline decoding and the early stop against a
// plain range over the string.
func TestRuneLen(t *testing.T) {
	lines := []string{
		"", " \t\n", "交通运输　厅", "a b c", "\u00a0\u2003x\u3000\ufeff", "\xff\xe4\xba", "\xed\xa0\x80x",
		"\xe0\xa4\x85\xe2\x80\x8b", "𠀀𠀁 ok", strings.Repeat("公路 ", 40),
	}
	for _, line := range lines {
		want := 0
		for _, r := range line {
			if !IsSpace(r) {
				want++
			}
		}
		if got := RuneLen(line); got != want {
			t.Errorf("RuneLen(%q) = %d, want %d", line, got, want)
		}
		for _, limit := range []int{0, 1, 5, 16} {
			got := runeLen(line, limit)
			if want <= limit && got != want || want > limit && got <= limit {
				t.Errorf("runeLen(%q, %d) = %d, full count %d", line, limit, got, want)
			}
		}
	}
}

// FuzzWordSet holds find and any to strings.Contains for every word, on
// the package's own sets and a set of words sharing first bytes.
func FuzzWordSet(f *testing.F) {
	for _, s := range []string{"", "相关文章", "扫一扫二维码", "转载请注明如有侵权", "QQ Qzone", "\xe7\x9b相关\xff"} {
		f.Add(s)
	}
	sets := [][]string{sectionWords.words, noticeWordSet.words, containedSet.words,
		{"相关", "相关文章", "相", "相反", "ab", "abc", "a\xff"}}
	f.Fuzz(func(t *testing.T, line string) {
		for _, words := range sets {
			checkWordSet(t, newWordSet(words), line)
		}
	})
}

func checkWordSet(t *testing.T, set *wordSet, line string) {
	var want uint64
	for i, w := range set.words {
		if strings.Contains(line, w) {
			want |= 1 << i
		}
	}
	if got := set.find(line); got != want {
		t.Errorf("find(%q) in %q = %b, want %b", line, set.words, got, want)
	}
	if got := set.any(line); got != (want != 0) {
		t.Errorf("any(%q) in %q = %v, want %v", line, set.words, got, want != 0)
	}
}
