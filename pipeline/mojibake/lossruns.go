package mojibake

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// Runs of characters that are the mark of a loss, not text: 锟斤拷 is
// U+FFFD (EF BF BD) written as UTF-8 and read as GBK, two at a time, and
// 烫 and 屯 are CC CC and CD CD, the bytes debug builds fill fresh memory
// with, read as GBK. Nothing of the text is left in them; they become
// U+FFFD with an edit. A run of four or more is taken whatever is around
// it (eight bytes of fresh memory); a shorter one only where its
// neighbours make no word of it (fillWords): a real 烫烫 (热烫烫的) stays.

const (
	replacementGBK = "锟斤拷"
	// minFillRun is the fewest 烫 or 屯 taken for a run.
	minFillRun = 4
)

// lossRuns returns a replacement for each run in text.
func lossRuns(text string) []replacement {
	var at []int
	for i, r := range text {
		if isLossRunChar(r) {
			at = append(at, i)
		}
	}
	return lossRunsAt(text, at)
}

// lossRunsAt is lossRuns given the offsets of the characters of
// lossRunChars in text, in order (detector.scanLosses): every run starts
// at one of them.
func lossRunsAt(text string, at []int) []replacement {
	// index is strings.Index(text[from:], s) + from for s starting with
	// a character of lossRunChars, looked for only where one is.
	index := func(from int, s string) int {
		k, _ := slices.BinarySearch(at, from)
		for ; k < len(at); k++ {
			if strings.HasPrefix(text[at[k]:], s) {
				return at[k]
			}
		}
		return -1
	}
	var reps []replacement
	for from := 0; ; {
		a := index(from, replacementGBK)
		if a < 0 {
			break
		}
		// The damage may begin before the first 锟斤拷 (锟皆★拷 is U+FFFD, Ô
		// and U+FFFD): from the line's start when that reads through.
		if ls := from + strings.LastIndexAny(text[from:a], "\n\r") + 1; ls < a {
			if z, _, _ := doubleDamaged(text, ls); z > a {
				a = ls
			}
		}
		z, repl, n := doubleDamaged(text, a)
		reps = append(reps, replacement{start: a, end: z, repl: repl,
			reason: "锟斤拷: U+FFFD written as UTF-8 and read as GBK" + lostNote(n)})
		from = z
	}
	for _, fill := range []struct {
		c    string
		byte string
	}{{"烫", "CC"}, {"屯", "CD"}} {
		run := strings.Repeat(fill.c, 2)
		for from := 0; ; {
			a := index(from, run)
			if a < 0 {
				break
			}
			z := a
			for strings.HasPrefix(text[z:], fill.c) {
				z += len(fill.c)
			}
			from = z
			if n := (z - a) / len(fill.c); n < minFillRun && fillWords(text, a, z, fill.c, n) {
				continue
			}
			reps = append(reps, replacement{start: a, end: z, repl: "\uFFFD",
				reason: fmt.Sprintf("%s: uninitialised memory (%s bytes) read as GBK", strings.Repeat(fill.c, 3), fill.byte) + lostNote(1)})
		}
	}
	slices.SortFunc(reps, func(x, y replacement) int { return x.start - y.start })
	return reps
}

// fillWords reports whether the short run text[a:z] of n fill characters
// is words with its neighbours: the second half of an ABB adjective
// (滚烫烫, 热烫烫: the character before and the fill make a word),
// a doubled word before 的, 地 or 得 (烫烫的), a word of three or more
// characters that holds the run and a neighbour (殷殷屯屯), or, for three,
// a doubled word before a word that starts with the fill (烫烫 烫脚).
func fillWords(text string, a, z int, fill string, n int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:a])
	next, _ := utf8.DecodeRuneInString(text[z:])
	w := langmodel.DefaultWords()
	f, _ := utf8.DecodeRuneInString(fill)
	if n == 2 && (w.Has(string([]rune{prev, f})) || next == '的' || next == '地' || next == '得') {
		return true
	}
	if n == 3 && w.Has(string([]rune{f, next})) && w.Has(string([]rune{f, f})) {
		return true
	}
	// A longer word over the run and up to two characters on each side.
	var rs []rune
	for k, from := 0, a; k < 2 && from > 0; k++ {
		r, n := utf8.DecodeLastRuneInString(text[:from])
		rs = append([]rune{r}, rs...)
		from -= n
	}
	before := len(rs)
	rs = append(rs, []rune(text[a:z])...)
	after := len(rs)
	for k, from := 0, z; k < 2 && from < len(text); k++ {
		r, n := utf8.DecodeRuneInString(text[from:])
		rs = append(rs, r)
		from += n
	}
	for i := 0; i <= before; i++ {
		for j := max(after, i+3); j <= len(rs) && j-i <= 6; j++ {
			if (i < before || j > after) && w.Has(string(rs[i:j])) {
				return true
			}
		}
	}
	return false
}

// addLossRuns adds the runs to reps, sorted by start. A run of 锟斤拷 is
// read for certain (its bytes are the UTF-8 text), so a repair that
// overlaps one gives way to it; 烫烫烫 and 屯屯屯 runs give way to repairs,
// which have read their bytes already.
func addLossRuns(reps, runs []replacement) []replacement {
	if len(runs) == 0 {
		return reps
	}
	var certain, others []replacement
	for _, lr := range runs {
		if strings.HasPrefix(lr.reason, "锟斤拷") {
			certain = append(certain, lr)
		} else {
			others = append(others, lr)
		}
	}
	// Both are sorted by start and the runs do not overlap each other.
	kept := make([]replacement, 0, len(reps)+len(runs))
	k := 0
	for _, x := range reps {
		for k < len(certain) && certain[k].end <= x.start {
			k++
		}
		if k < len(certain) && certain[k].start < x.end {
			continue
		}
		kept = append(kept, x)
	}
	kept = append(kept, certain...)
	slices.SortFunc(kept, func(x, y replacement) int { return x.start - y.start })
	n := len(kept)
	for _, lr := range others {
		k, _ := slices.BinarySearchFunc(kept[:n], lr.start, func(x replacement, s int) int { return x.start - s })
		if k > 0 && kept[k-1].end > lr.start || k < n && kept[k].start < lr.end {
			continue
		}
		kept = append(kept, lr)
	}
	slices.SortFunc(kept, func(x, y replacement) int { return x.start - y.start })
	return kept
}

// doubleDamaged reads the stretch of text from a, which starts with
// 锟斤拷: a GBK page read as UTF-8 with replacement and the result read as
// GBK again. Between and around the 锟斤拷 stand the characters that the GBK
// reader made of the rest of those UTF-8 bytes (锟矫碉拷 is U+FFFD, õ and
// U+FFFD): the stretch's GBK bytes are the UTF-8 text, and reading them
// as UTF-8 gives it back, U+FFFD for each byte the first reader lost and
// the characters it read. It returns the end of the stretch, its reading
// and how many U+FFFD that holds. The stretch ends at the last character
// boundary where the bytes are whole UTF-8.
func doubleDamaged(text string, a int) (int, string, int) {
	var b []byte
	end, good := a, 0
	vp := 0 // b[:vp] is whole UTF-8, checked once
	var buf [4]byte
	for i, c := range text[a:] {
		if c == '\n' || c == '\r' {
			break
		}
		// The width as found: an invalid byte reads as U+FFFD, one byte.
		_, w := utf8.DecodeRuneInString(text[a+i:])
		e, ok := gbkBytes(buf[:0], c)
		switch {
		case c == utf8.RuneError && len(b)-vp == 2 && b[vp] == 0xef && b[vp+1] == 0xbf:
			// The GBK reader lost the last byte of a U+FFFD (锟 and
			// U+FFFD): it was BD, the only byte this text ends 锟 with.
			e = append(buf[:0], 0xbd)
		case c == utf8.RuneError:
			// A loss stays marked; the sequence it cut short is lost
			// with it (its other bytes alone are no character).
			b = append(b[:vp], "\uFFFD"...)
			vp = len(b)
			end, good = a+i+w, len(b)
			continue
		case !ok:
			return finish(b, a, end, good)
		}
		b = append(b, e...)
		for vp < len(b) {
			r, size := utf8.DecodeRune(b[vp:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			vp += size
		}
		if vp == len(b) {
			end, good = a+i+w, len(b)
		} else if len(b)-vp >= utf8.UTFMax || !utf8.FullRune(b[vp:]) && !startsRune(b[vp:]) {
			break // invalid, not a sequence cut at the end
		}
	}
	return finish(b, a, end, good)
}

// startsRune reports whether b, shorter than a whole UTF-8 sequence, can
// begin one.
func startsRune(b []byte) bool {
	if len(b) == 0 || b[0] < 0xc2 || b[0] > 0xf4 {
		return false
	}
	for _, c := range b[1:] {
		if c&0xc0 != 0x80 {
			return false
		}
	}
	return true
}

func finish(b []byte, a, end, good int) (int, string, int) {
	s := string(b[:good])
	return end, s, strings.Count(s, "\uFFFD")
}

// gbkBytes appends c in GBK (ASCII as itself); ok is false when GBK has
// no two-byte code for it.
func gbkBytes(dst []byte, c rune) ([]byte, bool) {
	if c < 0x80 {
		return append(dst, byte(c)), true
	}
	e, ok := gbTable().encodeRune(dst, c)
	return e, ok && len(e) == len(dst)+2
}
