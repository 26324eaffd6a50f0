package mojibake

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// A stray byte before a Latin word in a GB18030 page pairs with the
// word's first letter into one character, whose trail byte is that letter:
// "郉ebian" for "Debian", "﹐rg" for "org", and inside a word "D眅bian".
// The reader is back in step at once, so the lattice sees a run of one
// character whose reading holds no Han character, and the character model
// alone cannot tell it from a rare character beside a Latin word. What
// tells it is the page: on a page with GB18030 frame shifts repaired
// elsewhere, a rare character (or a symbol) whose trail byte is a letter,
// after a line start or ASCII and inside or before a Latin word, is that
// letter with a
// stray byte before it.

// latinShifts returns, for a page with frame shifts among its other
// repairs (reps), the replacements of such characters that overlap none
// of reps. At a line start, where the stray bytes of the benchmark's
// pages and of real ones fall, any character whose trail byte is a letter
// and which runs on into Latin letters or digits is taken (Big5 gives
// common characters such trail bytes: 二 is a4 47), and a U+FFFD before
// ASCII is the stray byte itself: no character of the page has a lead
// byte that ASCII below 0x40 follows, so nothing of the text was lost.
// force names the frame shift to assume when reps hold none (one was
// repaired in an earlier chunk of the document), "" for none.
func latinShifts(lm *langmodel.Model, mechs func() []*mechanism, text string, reps []replacement, force string) []replacement {
	sh := shiftOf(mechs, reps)
	if sh == nil && force != "" {
		for _, m := range mechs() {
			if m.reason == force {
				sh = m
			}
		}
	}
	if sh == nil {
		return nil
	}
	var out []replacement
	var buf [4]byte
	prev := rune('\n')
	for a, c := range text {
		n := utf8.RuneLen(c)
		p := prev
		prev = c
		// After Chinese punctuation a Latin word may start too (（locale）).
		afterPunct := p >= 0x80 && chineseText(p) && !unicode.Is(unicode.Han, p)
		if c < 0x80 || p >= 0x80 && !afterPunct || a+n >= len(text) && !asciiLetter(p) {
			continue
		}
		next := rune(-1)
		if a+n < len(text) {
			next = rune(text[a+n])
		}
		lineStart := p == '\n'
		if c == utf8.RuneError {
			if lineStart && next >= 0 && next < 0x80 && next != '\n' && next != '\r' && !overlaps(reps, a, a+n) {
				out = append(out, replacement{start: a, end: a + n, repl: "", reason: sh.reason + " (stray byte at line start dropped)"})
			}
			continue
		}
		han := unicode.Is(unicode.Han, c)
		if !asciiLetter(p) && !asciiLetter(next) && !lineStart || !han && chineseText(c) || afterPunct && !lower(next) {
			// Chinese punctuation keeps its place: Big5 gives ，、。
			// trail bytes A, B, C, and they follow Latin words.
			continue
		}
		b, ok := sh.wrong.encode(buf[:0], c)
		// An underscore inside an identifier is a letter here (pam_group).
		underscore := len(b) == 2 && b[1] == '_' && lower(p) && lower(next)
		if !ok || len(b) != 2 || !asciiLetter(rune(b[1])) && !underscore || overlaps(reps, a, a+n) || !han && unicode.IsLetter(c) {
			// Latin letters with tone marks (fā, the pinyin of a page)
			// stay: Big5's extensions give them letter trail bytes.
			continue
		}
		if sh.wrong.name == "big5" && (b[0] < 0xa1 || b[0] > 0xf9) {
			continue // a lead byte Python's and glibc's Big5 readers lack
		}
		// At a line start, the letter must run on into the word: a
		// lowercase letter after it ("崁ecode" for recode), or capitals
		// after a capital ("淲PT" for APT). A Han character before a
		// Latin word starts many clean lines (在GNOME), never so.
		t := rune(b[1])
		rareHan := han && lm.UnigramLogProb(c) < rare
		var take bool
		if lineStart {
			// Before ASCII: the word runs on, or a rare character, or a
			// symbol (not a bullet before a space) runs into a word.
			take = next >= 0 && next < 0x80 && next != '\n' && (lower(next) || upper(next) && upper(t) || rareHan || !han && asciiAlnum(next))
		} else {
			// Inside a lowercase word, a lowercase letter (De俠ian; not
			// git和svn, whose 和 is M in Big5), or at the start of a word
			// of capitals, a capital (麼SS for NSS), whatever the
			// character; beside a word, a rare character or a symbol.
			take = lower(p) && lower(next) && (lower(t) || t == '_') || !asciiAlnum(p) && p < 0x80 && upper(next) && upper(t) || (asciiLetter(p) || asciiLetter(next)) && (rareHan || !han) && (!afterPunct || lower(t))
		}
		if take {
			out = append(out, replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("%s before a letter (stray byte %X dropped)", sh.reason, b[:1])})
		}
	}
	return out
}

// overlaps reports whether [a, z) overlaps one of reps (in text order).
func overlaps(reps []replacement, a, z int) bool {
	k, _ := slices.BinarySearchFunc(reps, a, func(x replacement, s int) int { return x.start - s })
	return k > 0 && reps[k-1].end > a || k < len(reps) && reps[k].start < z
}

func lower(r rune) bool { return r >= 'a' && r <= 'z' }

func upper(r rune) bool { return r >= 'A' && r <= 'Z' }

// shiftOf returns the frame-shift mechanism that one of reps was repaired
// with, nil if none.
func shiftOf(mechs func() []*mechanism, reps []replacement) *mechanism {
	for _, rp := range reps {
		for _, m := range mechs() {
			if m.shift && strings.Contains(rp.reason, m.reason) {
				return m
			}
		}
	}
	return nil
}
