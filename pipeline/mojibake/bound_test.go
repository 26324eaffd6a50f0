package mojibake

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// boundRunes are the characters TestBoundsScorer scores: those of the
// seeds, and some of every class the model scores by hand.
func boundRunes(t *testing.T) []rune {
	seen := map[rune]bool{}
	var rs []rune
	add := func(s string) {
		for _, r := range s {
			if !seen[r] {
				seen[r] = true
				rs = append(rs, r)
			}
		}
	}
	for _, d := range seedClean(t) {
		add(d.text)
	}
	for c := rune(0); c < 0x80; c++ {
		add(string(c))
	}
	add("\uFFFD\ue4d2\uf8f0ㄅㄆㄒ┌─│αβЖжāáǎàüÀÖ×·°€™，。、（）：；！？％０９ＡＺｚ　「」《》鼗龠齉爨彧锟斤拷烫屯")
	return rs
}

// TestBoundsScorer: the bounds of bound.go lie above Scorer.Next in every
// state the repair lattice can reach, so that skipping the lattice where
// they say no reading gains never changes a repair. Each character is
// scored after each of a sample of others (the seeds' own pairs among
// them), after a lone letter and after a run of letters.
func TestBoundsScorer(t *testing.T) {
	lm := langmodel.Default()
	b := bounder{d: detectorFor(), lm: lm, bs: new(boundScratch), table: newBoundTable(lm)}
	rs := boundRunes(t)
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	check := func(before []rune, r rune) {
		s := lm.Scorer()
		for _, c := range before {
			s.Next(c)
		}
		got := s.Next(r)
		var ub float64
		if lm.Known(r) {
			a := rune(-1)
			if n := len(before); n > 0 {
				a = before[n-1]
			}
			ub = b.ubAfter(a, r, lm.UnigramLogProb(r))
		} else {
			ub = b.ubUnknown(r)
		}
		if got > ub {
			t.Errorf("Next(%q) after %q = %.6f, above its bound %.6f", r, string(before), got, ub)
		}
		checked++
	}
	var seeds []rune
	for _, d := range seedClean(t) {
		seeds = append(seeds, []rune(d.text)...)
	}
	for _, r := range rs {
		check(nil, r)
		check([]rune{r}, r)
		check([]rune{'中', 'x'}, r)
		check([]rune{'中', 'x', 'y'}, r)
		check([]rune{'x'}, r)
		for range 40 {
			check([]rune{rs[rng.IntN(len(rs))]}, r)
		}
	}
	for i := 1; i < len(seeds); i++ {
		check(seeds[i-1:i], seeds[i])
	}
	// A lost piece's score is bounded by boundReplacement (ubPiece).
	if ub := probeUnknown(lm, utf8.RuneError); ub > boundReplacement {
		t.Errorf("U+FFFD scores up to %.2f, above boundReplacement %.2f", ub, boundReplacement)
	}
	t.Logf("%d scores checked", checked)
}

// TestBoundKeepsLattice: with the bound, best returns exactly what the
// lattice alone returns, for every mechanism, on windows of clean lines
// and of the same lines garbled by each corruption. The test also counts
// the lattices the bound skipped and the readings that gained, and fails
// when either is none (it would then check nothing).
func TestBoundKeepsLattice(t *testing.T) {
	r := New()
	lm := r.lm()
	var lines []string
	for _, d := range seedClean(t) {
		lines = append(lines, benchLines(d.text, 40)...)
	}
	var wins []string
	for _, l := range lines {
		wins = append(wins, l)
		for _, c := range corruptions() {
			if g, ok := c.corrupt(l); ok {
				wins = append(wins, g)
			}
		}
	}
	with, without := &scratch{table: r.bounds()}, &scratch{noBound: true}
	skipped, gained := 0, 0
	for _, w := range wins {
		win := []rune(w)
		if len(win) > 48 {
			win = win[:48]
		}
		for at := 0; at+1 < len(win); at += 5 {
			sub := win[at:min(at+24, len(win))]
			left, right := rune(-1), rune(-1)
			if at > 0 {
				left = win[at-1]
			}
			if at+len(sub) < len(win) {
				right = win[at+len(sub)]
			}
			for _, m := range r.mechs() {
				if !encodable(m, sub) {
					continue
				}
				// A shift also on a page already repaired with it, where
				// a drop at a line start costs less.
				pages := []*mechanism{nil}
				if m.shift {
					pages = append(pages, m)
				}
				for _, page := range pages {
					with.shifted, without.shifted = page, page
					with.scanWindow(lm, sub, left)
					without.scanWindow(lm, sub, left)
					runsA, gainA := best(with, lm, sub, 0, left, right, m)
					runsB, gainB := best(without, lm, sub, 0, left, right, m)
					if gainA != gainB || !reflect.DeepEqual(runsA, runsB) {
						t.Errorf("%s (page shifted: %v) on %q: with the bound %v %.4f, without %v %.4f", m.reason, page != nil, string(sub), runsA, gainA, runsB, gainB)
					}
					if gainB > 0 {
						gained++
					}
					if !mayGainLattice(with, lm, sub, left, right, m) {
						skipped++
					}
				}
				with.shifted, without.shifted = nil, nil
			}
		}
	}
	t.Logf("%d windows: %d lattices skipped, %d readings gained", len(wins), skipped, gained)
	if skipped == 0 || gained == 0 {
		t.Errorf("skipped %d, gained %d: the test checks nothing", skipped, gained)
	}
}

// encodable reports whether the mechanism's wrong code writes every
// character of win (U+FFFD aside), as bestStretches asks of a stretch.
func encodable(m *mechanism, win []rune) bool {
	var buf []byte
	for _, c := range win {
		if c == utf8.RuneError {
			continue
		}
		var ok bool
		if buf, ok = m.wrong.encode(buf[:0], c); !ok {
			return false
		}
	}
	return true
}

// mayGainLattice reports whether best ran its lattice on win: it returns
// the same with the bound and with the bound made to pass everything.
func mayGainLattice(sc *scratch, lm *langmodel.Model, win []rune, left, right rune, m *mechanism) bool {
	e, ok := encodeWindow(&sc.enc, win, m.wrong, m.right.name == "utf-8", false, unknownAfter)
	if !ok || m.right.name == "utf-8" && !holdsUTF8(e.b) {
		return true
	}
	pcs := make([]piece, len(e.b))
	for p := range e.b {
		pcs[p] = e.readAt(m, p)
	}
	orig := 0.0
	for _, lp := range sc.keepLP {
		orig += lp
	}
	rightLP := 0.0
	if right >= 0 {
		s := sc.keepSt[len(win)-1]
		rightLP = s.Next(right)
		orig += rightLP
	}
	return detectorFor().mayGain(&sc.bound, sc.table, lm, &e, pcs, win, sc.keepLP, left, right, rightLP, orig, m, sc.shifted == m)
}
