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
// of reps.
// With force it does so whatever reps hold (a frame shift was repaired in
// an earlier chunk of the document).
func latinShifts(lm *langmodel.Model, mechs func() []*mechanism, text string, reps []replacement, force bool) []replacement {
	if !force && !slices.ContainsFunc(reps, func(rp replacement) bool { return strings.Contains(rp.reason, "gb18030 frame shift") }) {
		return nil
	}
	var gb *codec
	for _, m := range mechs() {
		if m.shift && m.wrong.name == "gbk" {
			gb = m.wrong
		}
	}
	if gb == nil {
		return nil
	}
	var out []replacement
	var buf [4]byte
	prev := rune('\n')
	for a, c := range text {
		n := utf8.RuneLen(c)
		p := prev
		prev = c
		if c < 0x80 || p >= 0x80 || a+n >= len(text) && !asciiLetter(p) {
			continue
		}
		next := rune(-1)
		if a+n < len(text) {
			next = rune(text[a+n])
		}
		if !asciiLetter(p) && !asciiLetter(next) {
			continue
		}
		b, ok := gb.encode(buf[:0], c)
		if ok && len(b) == 2 && asciiLetter(rune(b[1])) && (lm.UnigramLogProb(c) < rare || !unicode.Is(unicode.Han, c)) && !overlaps(reps, a, a+n) {
			out = append(out, replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("gb18030 frame shift before a letter (stray byte %X dropped)", b[:1])})
		}
	}
	return out
}

// overlaps reports whether [a, z) overlaps one of reps (in text order).
func overlaps(reps []replacement, a, z int) bool {
	k, _ := slices.BinarySearchFunc(reps, a, func(x replacement, s int) int { return x.start - s })
	return k > 0 && reps[k-1].end > a || k < len(reps) && reps[k].start < z
}
