package mojibake

import (
	"math"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// The lattice of best scores every reading with the language model, and on
// clean text its best path is nearly always the text as found: the spots
// there are rare but real characters, and each mechanism's reading of them
// is a string of rarer ones. mayGain runs the same lattice with an upper
// bound of each score where a path's scorer may differ from the text's as
// found (mostly table lookups: the unigram score and the detector's pair
// set), and best skips the exact lattice when no path that reads anything
// can beat the text as found even so. The bound is sound, so the lattice
// is skipped only where it would have found nothing: repairs do not
// change. On clean report text it skips more than nine lattices in ten.
//
// The bounds follow Scorer.Next. A character the model counts scores
// log((c + free·P(r)) / (count + smoothing)) after one it counts (c: the
// pair's count) and log P(r) after anything else; a doubled one at least
// reduplication. Characters the model does not count score their class's
// constant, raised in a few classes by what came before (see ubUnknown).
// TestBoundsScorer checks the bounds against the model, and
// TestBoundKeepsLattice that best returns the same with and without them.
const (
	// boundSlack bounds a character's score above its unigram score
	// where no other bound is at hand.
	boundSlack = 0.1
	// boundRound covers the rounding of a score computed another way.
	boundRound = 1e-9
	// boundReplacement bounds the score of U+FFFD (the model's
	// reduplication, after another U+FFFD).
	boundReplacement = -5.0
	reduplicationLP  = -5.0
)

// boundScratch holds mayGain's arrays, reused between calls.
type boundScratch struct {
	// clean, dirty: keeping, with the scorer as in the text as found or
	// not; read: reading, after a piece; started: a reading started at
	// the byte, no piece read yet (each a path that read something).
	clean, dirty, read, started []float64
	// kAt[p] is the index of the character starting at byte p, or -1.
	kAt []int
	// endsAt[p] heads the list, through nextEnd, of the pieces that end at
	// byte p and leave a character the next score depends on.
	endsAt, nextEnd []int
	// lostAt[p]: a lost piece or a decoded U+FFFD ends at byte p.
	lostAt []bool
}

// boundTable holds, for each character of the Basic Multilingual Plane,
// the part of its bounds that depends on it alone: for one the model
// counts, its discount as a predecessor (see discount), for any other its
// score's bound (see ubUnknown). Built once per model (a few milliseconds,
// on the first text with a suspicious spot), then only read.
type boundTable [0x10000]float32

// boundTableRound covers the float32 rounding of the table's entries.
const boundTableRound = 1e-5

func newBoundTable(lm *langmodel.Model) *boundTable {
	t := new(boundTable)
	for r := range rune(0x10000) {
		if lm.Known(r) {
			t[r] = float32(probeDiscount(lm, r))
		} else {
			t[r] = float32(probeUnknown(lm, r))
		}
	}
	return t
}

// bounder is one call of mayGain: what the bounds of its scores read.
type bounder struct {
	d       *detector
	lm      *langmodel.Model
	bs      *boundScratch
	table   *boundTable
	pcs     []piece
	win     []rune
	left    rune
	shifted bool
	// keepLP, right and rightLP are the text's scores as found (see
	// mayGain).
	keepLP  []float64
	right   rune
	rightLP float64
}

// What came before a score at byte p, for ubChar: a piece read up to p
// (afterPiece: a reading goes on, or a character is kept or the right one
// scored after leaving it, or after ASCII letters kept since); also the
// character kept before p (startRead: a reading starts at p); or what came
// before byte p-1 (startShift: a frame shift's stray byte is p-1).
const (
	afterPiece = iota
	startRead
	startShift
)

// ubChar bounds Scorer.Next(r) for any scorer that may score r at byte p
// in a step of the kind given: the most of its bound after each character
// that may come before.
func (b *bounder) ubChar(r rune, p, kind int) float64 {
	if !b.lm.Known(r) {
		return b.ubUnknown(r)
	}
	uni := b.lm.UnigramLogProb(r)
	ub := math.Inf(-1)
	// A piece read at a character boundary that gives back the text's
	// character after the text's own one (a shifted reading back in
	// step) scores as the text does there: after a character the model
	// counts, a score depends on the two characters alone.
	asFound := math.Inf(-1)
	if k := b.bs.kAt[p]; k > 0 && k <= len(b.win) && b.lm.Known(b.win[k-1]) {
		if k < len(b.win) && r == b.win[k] {
			asFound = b.keepLP[k]
		} else if k == len(b.win) && r == b.right {
			asFound = b.rightLP
		}
	}
	if kind == startShift {
		p--
	}
	for q := b.bs.endsAt[p]; q >= 0; q = b.bs.nextEnd[q] {
		a := b.pcs[q].r
		if asFound > math.Inf(-1) && kind == afterPiece && a == b.win[b.bs.kAt[p]-1] {
			ub = max(ub, asFound+boundRound)
			continue
		}
		ub = max(ub, b.ubAfter(a, r, uni))
	}
	if b.bs.lostAt[p] {
		ub = max(ub, uni) // after U+FFFD the scorer has no character
	}
	if k := b.bs.kAt[p]; k == 0 && kind != afterPiece {
		ub = max(ub, b.ubAfter(b.left, r, uni))
	} else if k > 0 && (kind != afterPiece || asciiLetter(b.win[k-1])) {
		// After a reading, the scorer's character is a kept one only
		// past kept ASCII letters.
		ub = max(ub, b.ubAfter(b.win[k-1], r, uni))
	}
	if ub == math.Inf(-1) {
		ub = uni + boundSlack // no step reaches p: any bound will do
	}
	return ub
}

// ubAfter bounds the score of r, which the model counts, after a (-1: no
// character), given uni, log P(r). After a character the model does not
// count it is uni; after one it counts, log((c + free·P(r)) / (count +
// smoothing)): exact for a pair the model counted (c > 0), and uni plus
// a's discount log(free / (count + smoothing)) otherwise. A doubled
// character scores at least reduplication.
func (b *bounder) ubAfter(a, r rune, uni float64) float64 {
	if a < 0 || !b.lm.Known(a) {
		return uni
	}
	var ub float64
	if b.d.pairSeen(pairHash(a, r)) {
		s := b.lm.Scorer()
		s.Next(a)
		ub = s.Next(r) + boundRound
	} else {
		ub = uni + b.discount(a)
	}
	if a == r {
		ub = max(ub, reduplicationLP)
	}
	return ub
}

// discount returns log(free / (count + smoothing)) of a, which the model
// counts: how far the score of a character after a that does not pair
// with it lies below its unigram score.
func (b *bounder) discount(a rune) float64 {
	if a < 0x10000 {
		return float64(b.table[a]) + boundTableRound
	}
	return probeDiscount(b.lm, a)
}

// probeDiscount reads a's discount off the score of a character that does
// not pair with it; without one at hand it is boundSlack, above every
// discount.
func probeDiscount(lm *langmodel.Model, a rune) float64 {
	for _, r0 := range discountProbes {
		if r0 != a && lm.Known(r0) && !lm.PairSeen(a, r0) {
			s := lm.Scorer()
			s.Next(a)
			return s.Next(r0) - lm.UnigramLogProb(r0) + boundRound
		}
	}
	return boundSlack
}

// discountProbes are rare characters that pair with few others.
var discountProbes = [...]rune{'鼗', '龠', '齉', '爨', '彧'}

// ubUnknown bounds Scorer.Next(r) for a character the model does not
// count. Its score is its class's, raised only after a character of its
// own run (bopomofo, box drawing, Greek, a doubled rare character) or, for
// a toned vowel, after a Latin letter: the most of the scores after no
// character, after r and after a letter bounds it.
func (b *bounder) ubUnknown(r rune) float64 {
	if r >= 0 && r < 0x10000 {
		return float64(b.table[r]) + boundTableRound
	}
	return probeUnknown(b.lm, r)
}

func probeUnknown(lm *langmodel.Model, r rune) float64 {
	ub := math.Inf(-1)
	for _, before := range [3]rune{-1, r, 'a'} {
		s := lm.Scorer()
		if before >= 0 {
			s.Next(before)
		}
		ub = max(ub, s.Next(r))
	}
	return ub
}

// ubPiece bounds encoded.score of the piece read at byte p, in a step of
// the kind given (see predsAt).
func (b *bounder) ubPiece(e *encoded, m *mechanism, p, kind int) float64 {
	pc := b.pcs[p]
	switch {
	case pc.lost:
		return boundReplacement - lostCost*float64(pc.end-pc.start)
	case pc.r == utf8.RuneError:
		return decodedReplacement
	}
	ub := b.ubChar(pc.r, p, kind)
	if e.asciiPays(m, pc) {
		ub -= asciiCost
	}
	return ub
}

// mayGain reports whether a path of best's lattice that reads something
// may score above orig, the text as found (see the comment above). keepLP
// are the scores of win's characters as found, rightLP that of right after
// them; pcs are the readings at each byte of e. again: m is the frame
// shift the page was already repaired with (see best).
func (d *detector) mayGain(bs *boundScratch, table *boundTable, lm *langmodel.Model, e *encoded, pcs []piece, win []rune, keepLP []float64, left, right rune, rightLP, orig float64, m *mechanism, again bool) bool {
	L := len(e.b)
	inf := math.Inf(-1)
	grow := func(s []float64) []float64 {
		if cap(s) < L+1 {
			s = make([]float64, L+1)
		}
		s = s[:L+1]
		for i := range s {
			s[i] = inf
		}
		return s
	}
	bs.clean, bs.dirty, bs.read, bs.started = grow(bs.clean), grow(bs.dirty), grow(bs.read), grow(bs.started)
	clean, dirty, read, started := bs.clean, bs.dirty, bs.read, bs.started
	growInt := func(s []int) []int {
		if cap(s) < L+1 {
			s = make([]int, L+1)
		}
		s = s[:L+1]
		for i := range s {
			s[i] = -1
		}
		return s
	}
	bs.kAt, bs.endsAt, bs.nextEnd = growInt(bs.kAt), growInt(bs.endsAt), growInt(bs.nextEnd)
	kAt, endsAt, nextEnd := bs.kAt, bs.endsAt, bs.nextEnd
	for k, p := range e.bounds {
		kAt[p] = k
	}
	if cap(bs.lostAt) < L+1 {
		bs.lostAt = make([]bool, L+1)
	}
	bs.lostAt = bs.lostAt[:L+1]
	clear(bs.lostAt)
	for q, pc := range pcs {
		if pc.end > L {
			continue
		}
		if pc.lost || pc.r == utf8.RuneError {
			// Leaves no modelled character before the next score.
			bs.lostAt[pc.end] = true
			continue
		}
		nextEnd[q] = endsAt[pc.end]
		endsAt[pc.end] = q
	}
	b := bounder{d: d, lm: lm, bs: bs, table: table, pcs: pcs, win: win, left: left, shifted: m.shift, keepLP: keepLP, right: right, rightLP: rightLP}
	all := 0.0 // the text as found, up to the boundary reached
	for p := 0; p <= L; p++ {
		k := kAt[p]
		if k >= 0 {
			// Leave the reading at a character boundary.
			dirty[p] = max(dirty[p], read[p])
		}
		if p == L {
			break
		}
		if k >= 0 {
			next := e.bounds[k+1]
			c := win[k]
			// Keep the character: as found after a state as found (a
			// kept non-letter resets the scorer), bounded after a reading.
			clean[next] = max(clean[next], clean[p]+keepLP[k])
			if dirty[p] > inf {
				s := dirty[p] + b.ubChar(c, p, afterPiece)
				if asciiLetter(c) {
					dirty[next] = max(dirty[next], s)
				} else {
					clean[next] = max(clean[next], s)
				}
			}
			// Start a reading.
			from := max(all, clean[p], dirty[p])
			if m.shift {
				if !e.hole[p] && e.b[p] >= 0x80 {
					// What the lattice charges for the drop: at a line
					// start of a page already shifted with m,
					// lineStartDropDiscount less.
					cost := shiftLatticeCost
					if again && (k == 0 && (left < 0 || left == '\n') || k > 0 && win[k-1] == '\n') {
						cost -= lineStartDropDiscount
					}
					started[p+1] = max(started[p+1], from-cost)
				}
			} else {
				started[p] = max(started[p], from-m.cost)
			}
			all += keepLP[k]
		}
		if end := pcs[p].end; end <= L && max(read[p], started[p]) > inf {
			if read[p] > inf {
				read[end] = max(read[end], read[p]+b.ubPiece(e, m, p, afterPiece))
			}
			if started[p] > inf {
				kind := startRead
				if m.shift {
					kind = startShift
				}
				read[end] = max(read[end], started[p]+b.ubPiece(e, m, p, kind))
			}
		}
	}
	best := clean[L]
	if right >= 0 {
		best += rightLP
	}
	if dirty[L] > inf {
		s := dirty[L]
		if right >= 0 {
			s += b.ubChar(right, L, afterPiece)
		}
		best = max(best, s)
	}
	// best's lattice takes nothing below a gain of 1e-9; the margin
	// covers the sums' rounding.
	return best-orig > -1e-6
}
