package mojibake

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// A stray byte before a GB18030 line that starts with a Latin word pairs
// with the word's first letter into one character, whose trail byte is
// that letter: "郉ebian" for "Debian", "﹐rg" for "org". The reader is
// back in step at once, so the lattice sees a run of one character whose
// reading holds no Han character, and the character model alone cannot
// tell it from a rare character before a Latin word. What tells it is the
// page: on a page with frame shifts repaired elsewhere, a line that starts with a
// rare character (or a symbol) whose trail byte is a letter, right before
// more letters, is the letter with a stray byte before it.

// lineStartShifts returns, for a page with frame shifts among its other
// repairs (reps), the replacements of such line starts that overlap none
// of reps.
func lineStartShifts(lm *langmodel.Model, gb *codec, text string, reps []replacement) []replacement {
	if !slices.ContainsFunc(reps, func(rp replacement) bool { return strings.Contains(rp.reason, "frame shift") }) {
		return nil
	}
	var out []replacement
	var buf [4]byte
	for a := 0; a < len(text); {
		c, n := utf8.DecodeRuneInString(text[a:])
		if c >= 0x80 && a+n < len(text) && asciiLetter(rune(text[a+n])) {
			b, ok := gb.encode(buf[:0], c)
			if ok && len(b) == 2 && asciiLetter(rune(b[1])) && (lm.UnigramLogProb(c) < rare || !unicode.Is(unicode.Han, c)) && !overlaps(reps, a, a+n) {
				out = append(out, replacement{start: a, end: a + n, repl: string(b[1:]), reason: fmt.Sprintf("gb18030 frame shift at a line start (stray byte %X dropped)", b[:1])})
			}
		}
		e := strings.IndexByte(text[a:], '\n')
		if e < 0 {
			break
		}
		a += e + 1
	}
	return out
}

// overlaps reports whether [a, z) overlaps one of reps (in text order).
func overlaps(reps []replacement, a, z int) bool {
	k, _ := slices.BinarySearchFunc(reps, a, func(x replacement, s int) int { return x.start - s })
	return k > 0 && reps[k-1].end > a || k < len(reps) && reps[k].start < z
}
