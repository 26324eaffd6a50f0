package mojibake

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// A frame shift is repaired by dropping the byte taken for the stray one
// and reading the rest. On a short run the lattice, and trailShifts that
// reads one character, can take that byte one character early or late:
// "滑际笾饕I" is 滑鼠主要鍵 with the stray byte as 际's lead, read as
// 滑际主要鍵 with it as 笾's; "骨鐣r" at a line start is 晴時, read as
// 骨時. placeShifts tries the stray byte at each of the characters around
// the one taken (inside the line, outside other repairs) and keeps the
// reading the model prefers by shiftPlaceGain.

// shiftPlaceMoves is how many characters the stray byte is tried before
// and after the one taken; shiftPlaceGain the least gain, in nats, of a
// reading with the stray byte elsewhere. Set on the tuning half of the
// realistic corruption benchmark.
const (
	shiftPlaceMoves = 3
	shiftPlaceGain  = 2.0
)

// placeShifts returns reps with each of sh's frame-shift repairs moved to
// where the model reads the run best. reps are in text order and do not
// overlap; so are those returned.
func placeShifts(lm *langmodel.Model, fold func(rune) rune, sh *mechanism, text string, reps []replacement) []replacement {
	if sh == nil {
		return reps
	}
	// A letter read back out of a character that ate it (latinShifts) is
	// a run of one character too: 员籫zip is 被gzip, not 员gzip.
	prefix, letter := sh.reason+" (stray byte ", sh.reason+" before a letter (stray byte "
	var enc []byte
	var cand []int
	for i := range reps {
		rp := reps[i]
		if !strings.HasPrefix(rp.reason, prefix) && !strings.HasPrefix(rp.reason, letter) {
			continue
		}
		// A reason is the shift's, or the shift's with the characters
		// decoded beside a loss (untrusted.go), judged again below.
		note := strings.Index(rp.reason, " dropped)") + len(" dropped)")
		if note < len(" dropped)") || note < len(rp.reason) && !strings.HasPrefix(rp.reason[note:], "; "+untrustedNote) {
			continue
		}
		lo := 0
		if i > 0 {
			lo = reps[i-1].end
		}
		// The characters the stray byte may be the lead of: the one
		// taken, up to shiftPlaceMoves before it on the line, and up
		// to as many after it inside the run.
		cand = cand[:0]
		for s, k := rp.start, 0; s > lo && k < shiftPlaceMoves; k++ {
			c, n := utf8.DecodeLastRuneInString(text[lo:s])
			if c < 0x80 || c == utf8.RuneError || c == '\n' {
				break
			}
			s -= n
			cand = append(cand, s)
		}
		for s, k := rp.start, 0; s < rp.end && k <= shiftPlaceMoves; k++ {
			cand = append(cand, s)
			_, n := utf8.DecodeRuneInString(text[s:])
			s += n
		}
		base, ok := readShifted(&enc, sh, text[rp.start:rp.end])
		if !ok || base != rp.repl {
			continue // not a plain shift: lost or inferred characters
		}
		from := rp.start
		for _, s := range cand {
			from = min(from, s)
		}
		// The line's script, from its text outside the characters tried
		// and the run's reading after its first character (which the
		// readings share): a character of the other script costs what it
		// costs a lost one (滑际 in a traditional line).
		ls := strings.LastIndexByte(text[:from], '\n') + 1
		le := strings.IndexByte(text[rp.end:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += rp.end
		}
		_, first := utf8.DecodeRuneInString(base)
		vs := variantsOf(fold, []rune(text[ls:from]+base[first:]+text[rp.end:le]))
		// On a line drawn as a table, its border characters are
		// scored as the space they stand for: the model knows a word
		// after a space, not after "│" ("穿\ue6d9udo" is "│sudo").
		drawn := drawnLine(text, from, rp.end)
		cell := func(c rune) rune {
			if drawn && boxDrawing(c) {
				return ' '
			}
			return halfwidth(c)
		}
		// Fullwidth letters and digits are scored as ASCII: the model
		// knows digits run on (９５４－１００１), not their fullwidth forms.
		score := func(s int, reading string) float64 {
			sc := lm.Scorer()
			left := rune('\n')
			if from > 0 {
				left, _ = utf8.DecodeLastRuneInString(text[:from])
			}
			sc.Next(cell(left))
			lp := 0.0
			for _, c := range text[from:s] {
				lp += sc.Next(cell(c)) - vs.otherScript(c)
			}
			for _, c := range reading {
				lp += sc.Next(cell(c)) - vs.otherScript(c)
			}
			k := 0
			for _, c := range text[rp.end:] {
				if c == '\n' || k >= 12 {
					break
				}
				lp += sc.Next(cell(c))
				k++
			}
			return lp
		}
		best, bestLP, bestRead := rp.start, score(rp.start, base), base
		baseLP := bestLP
		for _, s := range cand {
			if s == rp.start {
				continue
			}
			read, ok := readShifted(&enc, sh, text[s:rp.end])
			if !ok {
				continue
			}
			if lp := score(s, read); lp > bestLP {
				best, bestLP, bestRead = s, lp, read
			}
		}
		if best == rp.start || bestLP-baseLP < shiftPlaceGain {
			continue
		}
		b, _ := sh.wrong.encode(enc[:0], []rune(text[best:rp.end])[0])
		reason := fmt.Sprintf("%s (stray byte %X dropped)", sh.reason, b[:1])
		if note < len(rp.reason) {
			left, right := rune(-1), rune(-1)
			if best > 0 {
				left, _ = utf8.DecodeLastRuneInString(text[:best])
			}
			if rp.end < len(text) {
				right, _ = utf8.DecodeRuneInString(text[rp.end:])
			}
			rs := []rune(bestRead)
			reason += untrustedText(rs, untrusted(lm, sh.right, rs, left, right, nil))
		}
		reps[i] = replacement{start: best, end: rp.end, repl: bestRead, reason: reason}
	}
	return reps
}

// readShifted reads run as sh's frame shift: its bytes in the wrong code,
// the first dropped, the rest read in the right code. ok is false when a
// character has no bytes, the rest is no whole characters, or it reads a
// character of the private use area.
func readShifted(buf *[]byte, sh *mechanism, run string) (string, bool) {
	b := (*buf)[:0]
	for _, c := range run {
		var ok bool
		if b, ok = sh.wrong.encode(b, c); !ok {
			return "", false
		}
	}
	*buf = b
	if len(b) < 2 {
		return "", false
	}
	var out strings.Builder
	for p := 1; p < len(b); {
		r, n, ok := sh.right.decode(b[p:])
		if !ok || n < 1 || r >= 0xe000 && r <= 0xf8ff {
			return "", false
		}
		out.WriteRune(r)
		p += n
	}
	return out.String(), true
}

// halfwidth returns the ASCII letter or digit of a fullwidth one, r for
// any other.
func halfwidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xfee0
	}
	return r
}
