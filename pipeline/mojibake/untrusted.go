package mojibake

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// A frame shift is itself the trace of a loss: its stray byte is what is
// left of a character whose other bytes the page lost. Pages that lose
// bytes once lose them again inside the run, and GB18030 decodes almost
// any two bytes, so the character that spans such a loss reads as some
// character made of the lead byte of one and the trail byte of another
// ("（二）服" that lost FE A3 reads "（订服"). The text keeps it (it is what
// the bytes hold); the edit says it is not to be trusted.
//
// The model judges each two-byte character of a frame-shift reading
// between two hypotheses: the character is real (it follows its left
// neighbour and its right neighbour follows it), or a loss lies inside it
// (some character with its lead byte ends the text before the loss, some
// character with its trail byte starts the text after it, unconditioned).
// lossOdds is their log likelihood ratio, each hypothesis summed over the
// characters it allows.

// untrustedOdds is the least lossOdds of a character marked untrusted.
// The garbage characters of seed 002 score 1.5 (Ｎ) to 5.6, the real
// characters of its runs at most -0.3. On the frame shifts the corruption
// benchmark restores exactly (no byte lost inside, so every mark is
// false), 1 nat marks none of 1450 characters and 5 of 3862 held out, all
// rare characters beside unrelated ones (快取溢位, 硬連結, 跨版本); 0 nats
// would mark 31, 2 nats would miss 订 and Ｎ.
const untrustedOdds = 1.0

// untrustedNote is how a reason names the untrusted characters of an edit.
const untrustedNote = "untrusted: "

// lossOdds returns the log odds that r, read with the double-byte code c
// between left and right (-1: none known), was decoded from bytes on the
// two sides of a loss rather than being a real character. ok is false for
// a character that is not two bytes of c.
func lossOdds(lm *langmodel.Model, c *codec, r, left, right rune) (float64, bool) {
	var buf [4]byte
	b, ok := c.encode(buf[:0], r)
	if !ok || len(b) != 2 {
		return 0, false
	}
	lead, trail := b[0], b[1]
	start := lm.Scorer()
	if left >= 0 {
		start.Next(left)
	}
	s := start
	own := s.Next(r)
	if right >= 0 {
		own += s.Next(right)
	}
	var pair [2]byte
	// Before the loss: P(a character with this lead byte | left).
	before := 0.0
	for t := 0x40; t <= 0xfe; t++ {
		pair[0], pair[1] = lead, byte(t)
		if x, n, ok := c.decode(pair[:]); ok && n == 2 {
			s := start
			before += math.Exp(s.Next(x))
		}
	}
	// After it: P(a character with this trail byte, then right).
	after := 0.0
	for l := 0x81; l <= 0xfe; l++ {
		pair[0], pair[1] = byte(l), trail
		if x, n, ok := c.decode(pair[:]); ok && n == 2 {
			s := lm.Scorer()
			v := s.Next(x)
			if right >= 0 {
				v += s.Next(right)
			}
			after += math.Exp(v)
		}
	}
	return math.Log(before) + math.Log(after) - own, true
}

// untrusted marks the characters of a reading rs, read with c between
// left and right, that are more probably garbage from a loss than real.
// A character that forms a pair the model counted with a neighbour is
// trusted: rare real characters mostly stand in words (堅韌, 鑰匙), and
// garbage seldom lands on one.
//
// memo, nil or the answers of lossOdds within one call of repair, saves
// reading the model again for a character between the same neighbours.
func untrusted(lm *langmodel.Model, c *codec, rs []rune, left, right rune, memo map[oddsKey]oddsAnswer) []bool {
	var marks []bool
	for k, r := range rs {
		if r < 0x80 || r == utf8.RuneError {
			continue
		}
		l, n := left, right
		if k > 0 {
			l = rs[k-1]
		}
		if k+1 < len(rs) {
			n = rs[k+1]
		}
		// Beside a lost position nothing is known of the neighbour.
		if l == utf8.RuneError {
			l = -1
		}
		if n == utf8.RuneError {
			n = -1
		}
		if l >= 0 && lm.PairSeen(l, r) || n >= 0 && lm.PairSeen(r, n) {
			continue
		}
		key := oddsKey{c: c, r: r, left: l, right: n}
		a, known := memo[key]
		if !known {
			a.odds, a.ok = lossOdds(lm, c, r, l, n)
			if memo != nil {
				memo[key] = a
			}
		}
		if a.ok && a.odds > untrustedOdds {
			if marks == nil {
				marks = make([]bool, len(rs))
			}
			marks[k] = true
		}
	}
	return marks
}

// oddsKey is what lossOdds depends on besides the model: a page repeats
// its runs, and each answer reads some 300 characters of the model.
type oddsKey struct {
	c              *codec
	r, left, right rune
}

// oddsAnswer is what lossOdds returns.
type oddsAnswer struct {
	odds float64
	ok   bool
}

// untrustedText is what a reason says of the marked characters of rs:
// each run of consecutive marked characters with the index (in characters,
// from 0) of its first one in the edit's new text, e.g.
// "; untrusted: 醛@1 Ｎ@8 (decoded from bytes beside a loss)".
func untrustedText(rs []rune, marks []bool) string {
	var groups []string
	for k := 0; k < len(marks); {
		if !marks[k] {
			k++
			continue
		}
		j := k
		for j < len(marks) && marks[j] {
			j++
		}
		groups = append(groups, fmt.Sprintf("%s@%d", string(rs[k:j]), k))
		k = j
	}
	if len(groups) == 0 {
		return ""
	}
	return "; " + untrustedNote + strings.Join(groups, " ") + " (decoded from bytes beside a loss)"
}
