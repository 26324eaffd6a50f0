package mojibake

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/pinyin"
)

// Inference of lost characters. A reader that could not place a byte
// wrote U+FFFD for it (Python's errors="replace" writes one per byte, at
// the byte that began the pair it could not read), so a repaired reading
// knows where the byte was and the bytes around it: in UTF-8 read as GBK,
// "鍏�" holds e5 85 and one lost byte, one of the 64 characters e5 85 80 to
// e5 85 bf. Two facts narrow them: the character must be one the right
// code has, and the lost byte must be one the wrong reader could not read
// before the byte that follows it (else it would not be lost). The
// language model, with the characters on both sides, ranks the rest; the
// best is written only when it is ahead of the second by inferMargin, and
// every inferred character is an edit of its own whose reason starts with
// "inferred".

// inferMargin is the least lead, in nats of the model's log probability
// with both neighbours, of the best candidate over the second, for a
// character of UTF-8 text that lost one byte to a GBK reader. Set on the
// tuning half of the realistic corruption benchmark (realistic_test.go)
// with the running-text model (langmodel.Running): at this lead 99.6% of
// the inferences of each such mechanism were right there.
const inferMargin = 4.0

// inferMarginOther is inferMargin for the other mechanisms, as it was set
// before the running-text model: a Big5 reader's text is still ranked by
// the dictionary model. (A frame shift has inferMarginShift.)
const inferMarginOther = 6.0

// inferMarginLineStart is inferMargin for the lost character of a
// GB18030 frame shift at a line's start, most often the last of its
// garbled run, whose trail byte the reader failed on (党建领� for 党建领航):
// the whole run before it is read, so the model has its left context.
// Set on the tuning half of the realistic corruption benchmark at 400
// lines a document: from 6 to 5 took 131 more inferences there (680 ->
// 811, 99.41% -> 99.38% right). Inside a line and for Big5 the held-out
// half lost precision at 5 (GB18030 inside 99.17% -> 98.95%), so they
// keep inferMarginOther.
const inferMarginLineStart = 5.0

// inferMargin2 is inferMargin for a character that lost two bytes: 4,096
// candidates, and the tuning half had 15 wrong in 276 at a margin of 5
// with the dictionary model, which still ranks text a Big5 reader
// garbled.
const inferMargin2 = 8.0

// inferMargin2Running is inferMargin2 for text ranked by the running-text
// model with the page's pairs (pagepairs.go). Set on the tuning half of
// the realistic corruption benchmark: from 8 to 5, UTF-8 read as GBK by
// x/text (page read twice) went from 96.20% to 96.41% of characters right, its inferences
// from 99.75% to 99.59% right; every GBK-family mechanism's stayed ≥
// 99.5% right. Big5 fell to 99.10% at 5 and keeps inferMargin2.
const inferMargin2Running = 5.0

// marginFor is the margin a character that lost one or two bytes to the
// wrong reader of m needs.
func marginFor(m *mechanism, two bool) float64 {
	switch {
	case two && m.wrong.name == "big5":
		return inferMargin2
	case two:
		return inferMargin2Running
	case m.shift || m.wrong.name != "gbk":
		return inferMarginOther
	}
	return inferMargin
}

// candMargin is the margin of a lost character with n candidates: two
// lost bytes leave up to 4,096 and need marginFor two, but where the reader
// could not read them as a pair (x/text drops only pairs it has no
// character for) far fewer are left; the margin then falls with the log
// of their number to the one-byte margin at 64, the candidates one lost
// byte leaves.
func candMargin(m *mechanism, two bool, n int) float64 {
	lo := marginFor(m, false)
	if !two || n <= 64 {
		return lo
	}
	f := (math.Log(float64(n)) - math.Log(64)) / (math.Log(4096) - math.Log(64))
	return lo + min(1, f)*(marginFor(m, true)-lo)
}

// inference is a character inferred for a lost position.
type inference struct {
	r      rune
	margin float64 // lead of the best choice over the second
	second rune    // this position in the second choice, 0 if none
	known  string  // the surviving bytes, "??" for a lost one
}

// maxChoices bounds the combinations a run of adjacent lost characters
// may have: beyond it they stay U+FFFD.
const maxChoices = 1 << 16

// candidates returns the characters the bytes b (hole marks the lost
// ones) can be: characters of Chinese text that the right code has, whose
// lost bytes the wrong reader could not read before the byte after each
// (next: the byte after b, -1 if unknown). ok is false when too many bytes
// are lost to try.
func candidates(m *mechanism, b []byte, hole []bool, next int) ([]rune, bool) {
	var at []int
	for i, h := range hole {
		if h {
			at = append(at, i)
		}
	}
	if len(at) == 0 || len(at) > 2 || len(b) < 2 || len(b) > 4 {
		return nil, false
	}
	var buf [4]byte
	copy(buf[:], b)
	after := func(k int) int {
		if at[k]+1 < len(b) {
			return int(buf[at[k]+1])
		}
		return next
	}
	var rs []rune
	try := func() {
		for k := range at {
			if b[at[k]] == pairSecond {
				// The second byte of a pair dropped whole (droppedPair):
				// read as a trail, so the pair is what failed, checked
				// with the byte before it.
				continue
			}
			if !wrongFails(m.wrong, buf[at[k]], after(k)) || pairAfter(b, hole, at[k]) && !dropsWhole(buf[at[k]]) {
				return
			}
		}
		r, n, ok := m.right.decode(buf[:len(b)])
		if ok && n == len(b) && r != utf8.RuneError && inferable(r) {
			rs = append(rs, r)
		}
	}
	lo, hi := 0x80, 0xff
	if b[at[0]] == lone80 {
		lo, hi = lone80, lone80 // a lone 0x80 (holeSizes)
	}
	for x := lo; x <= hi; x++ {
		buf[at[0]] = byte(x)
		if len(at) == 1 {
			try()
			continue
		}
		for y := 0x80; y <= 0xff; y++ {
			buf[at[1]] = byte(y)
			try()
		}
	}
	return rs, true
}

// knownBytes writes b with "??" for its lost bytes.
func knownBytes(b []byte, hole []bool) string {
	var known []string
	for i, c := range b {
		if hole[i] {
			known = append(known, "??")
		} else {
			known = append(known, fmt.Sprintf("%02x", c))
		}
	}
	return strings.Join(known, " ")
}

// choose picks candidates for a run of adjacent lost positions, between
// left and right (-1: unknown), scoring each choice as a whole with the
// model: "鍏�閲�" is 公里 because 里 follows 公, though neither alone is
// clear. For each position it returns the character of the best choice,
// the best character there in a choice that differs there (0 if none),
// and the lead of the first over the second: a position is settled when
// the lead is need nats, whatever the others.
//
// adj, when not nil, holds log odds added to each candidate (see
// punctContext).
//
// pair, when not nil, holds log odds that a candidate at i gains after a
// given candidate at i-1 (see multiplierPairs).
func choose(lm *langmodel.Model, cands [][]rune, adj [][]float64, pair []map[rune][]float64, left, right rune, v variants, chained bool) (best, second []rune, margin []float64, ok bool) {
	total, chain := 1, 0
	for i, c := range cands {
		if len(c) == 0 {
			return nil, nil, nil, false
		}
		total = min(total*len(c), maxChoices+1)
		if i > 0 {
			chain += len(cands[i-1]) * len(c)
		}
	}
	if total > maxChoices && (!chained || chain > maxChain) {
		return nil, nil, nil, false
	}
	start := lm.Scorer()
	if left >= 0 {
		start.Next(left)
	}
	var top [][]float64
	if total > maxChoices {
		top = chainTop(start, cands, adj, pair, right)
	} else {
		top = walkTop(start, cands, adj, pair, right)
	}
	best, second, margin = make([]rune, len(cands)), make([]rune, len(cands)), make([]float64, len(cands))
	for i, c := range cands {
		bj := 0
		for j, x := range top[i] {
			if x > top[i][bj] {
				bj = j
			}
		}
		// The script forms of one character (長 and 长, 龍 and 龙) are
		// one choice to the margin: the model cannot tell them apart by
		// their neighbours, the line's script does.
		fb := v.fold(c[bj])
		pick, b, s := bj, top[i][bj], math.Inf(-1)
		for j, x := range top[i] {
			if v.fold(c[j]) != fb {
				if x > s {
					s, second[i] = x, c[j]
				}
				continue
			}
			if j != pick && x > b-variantSpan && v.prefers(c[j], c[pick]) {
				pick = j
			}
		}
		best[i], margin[i] = c[pick], b-s
	}
	return best, second, margin, true
}

// walkTop returns top[i][j], the best score of a choice with candidate j
// at i, trying every combination.
func walkTop(start langmodel.Scorer, cands [][]rune, adj [][]float64, pair []map[rune][]float64, right rune) [][]float64 {
	top := make([][]float64, len(cands))
	for i, c := range cands {
		top[i] = make([]float64, len(c))
		for j := range top[i] {
			top[i][j] = math.Inf(-1)
		}
	}
	cur := make([]int, len(cands))
	var walk func(i int, s langmodel.Scorer, v float64)
	walk = func(i int, s langmodel.Scorer, v float64) {
		if i == len(cands) {
			if right >= 0 {
				v += s.Next(right)
			}
			for p, j := range cur {
				top[p][j] = max(top[p][j], v)
			}
			return
		}
		for j, r := range cands[i] {
			s2 := s
			cur[i] = j
			lp := s2.Next(r)
			if adj != nil {
				lp += adj[i][j]
			}
			if i > 0 && pair != nil && pair[i] != nil {
				if p := pair[i][cands[i-1][cur[i-1]]]; p != nil {
					lp += p[j]
				}
			}
			walk(i+1, s2, v+lp)
		}
	}
	walk(0, start, 0)
	return top
}

// maxChain bounds the pairs of neighbouring candidates chainTop scores:
// two adjacent characters that each lost two bytes (a few hundred
// candidates each) fit, longer runs of them do not.
const maxChain = 1 << 18

// chainTop is walkTop for groups with too many combinations to try: the
// model scores a character after the one before it, so the best choice
// through each candidate is the best way to it (forward) plus the best
// way on from it (backward). A scorer's state after a character that is
// no ASCII letter (and a lost one never is: its bytes are a multi-byte
// character's) is that character's, whatever came before, so the scores
// are walkTop's.
func chainTop(start langmodel.Scorer, cands [][]rune, adj [][]float64, pair []map[rune][]float64, right rune) [][]float64 {
	n := len(cands)
	fwd := make([][]float64, n)
	states := make([][]langmodel.Scorer, n)
	step := func(i, j int, s langmodel.Scorer, prev rune) (float64, langmodel.Scorer) {
		lp := s.Next(cands[i][j])
		if adj != nil {
			lp += adj[i][j]
		}
		if i > 0 && pair != nil && pair[i] != nil {
			if p := pair[i][prev]; p != nil {
				lp += p[j]
			}
		}
		return lp, s
	}
	for i, c := range cands {
		fwd[i] = make([]float64, len(c))
		states[i] = make([]langmodel.Scorer, len(c))
		for j := range c {
			if i == 0 {
				fwd[0][j], states[0][j] = step(0, j, start, -1)
				continue
			}
			fwd[i][j] = math.Inf(-1)
			for k, pr := range cands[i-1] {
				lp, st := step(i, j, states[i-1][k], pr)
				if v := fwd[i-1][k] + lp; v > fwd[i][j] {
					fwd[i][j], states[i][j] = v, st
				}
			}
		}
	}
	bwd := make([][]float64, n)
	for i := n - 1; i >= 0; i-- {
		bwd[i] = make([]float64, len(cands[i]))
		for k := range cands[i] {
			if i == n-1 {
				if right >= 0 {
					s := states[i][k]
					bwd[i][k] = s.Next(right)
				}
				continue
			}
			bwd[i][k] = math.Inf(-1)
			for j := range cands[i+1] {
				lp, _ := step(i+1, j, states[i][k], cands[i][k])
				bwd[i][k] = max(bwd[i][k], lp+bwd[i+1][j])
			}
		}
	}
	for i := range fwd {
		for j := range fwd[i] {
			fwd[i][j] += bwd[i][j]
		}
	}
	return fwd
}

// wrongFails reports whether the wrong code's reader could have failed on
// byte x followed by next (-1: unknown): a byte it reads is not lost. The
// lone byte 0x80 is the euro sign in x/text's GBK but unreadable to
// Python and glibc, and Big5 readers differ outside the A1-F9 leads, so
// those count as failing.
func wrongFails(c *codec, x byte, next int) bool {
	if x < 0x80 {
		return false // ASCII reads as itself
	}
	if x == 0x80 || next < 0 {
		return true
	}
	if c.name == "big5" && (x < 0xa1 || x > 0xf9) {
		return true
	}
	_, _, ok := c.decode([]byte{x, byte(next)})
	return !ok
}

// emit turns one repaired run, between the characters left and right of
// the text as found, into replacements of the input text: one for each
// inferred character (as narrow as the text's characters allow) and one
// for each stretch between them.
//
// prefix is the text of the line before the run, and suffix some of the
// text after it, as found.
func emit(reps []replacement, lm, inferLM *langmodel.Model, fold func() func(rune) rune, units *unitMemory, pairs *pairMemory, odds map[oddsKey]oddsAnswer, m *mechanism, offs []int, rn run, prefix, suffix []rune, left, right rune) []replacement {
	type out struct {
		r       rune
		pc      piece
		inf     *inference
		dropped bool
	}
	var outs []out
	var rs []rune
	for _, pc := range rn.pieces {
		switch {
		case pc.dropped:
			outs = append(outs, out{pc: pc, dropped: true})
		case pc.lost:
			outs = append(outs, out{r: utf8.RuneError, pc: pc})
			rs = append(rs, utf8.RuneError)
		default:
			outs = append(outs, out{r: pc.r, pc: pc})
			rs = append(rs, pc.r)
		}
	}
	units.note(prefix, rs)
	pairs.note(rs)
	// Infer lost characters: each run of adjacent ones is chosen as a
	// whole, between the characters on either side.
	type lostAt struct {
		out   int // index in outs
		k     int // index in rs
		cands []rune
		known string
		two   bool // two bytes lost
		// first lost and read as the trail of the byte before it (a pair
		// dropped whole), last byte lost
		swallowed, endsLost bool
	}
	var group []lostAt
	km := ""
	if !m.shift {
		// A frame shift garbles 公里 by where it falls, not one way.
		km = garbled(m, "公")
	}
	var candsAt [][]rune // by index in rs, nil when not lost
	var vs *variants     // the run's script, judged once at the first group
	settle := func(nextR rune) {
		if len(group) == 0 {
			return
		}
		l := left
		if k0 := group[0].k; k0 > 0 {
			l = rs[k0-1]
		}
		if l == utf8.RuneError {
			l = -1
		}
		// A lost character after the group is no line end: the line
		// goes on, unread.
		lineEnd := nextR != utf8.RuneError && (nextR < 0 || nextR == '\n' || nextR == '\r')
		if nextR == utf8.RuneError {
			nextR = -1
		}
		if vs == nil {
			v := variantsOf(fold(), rs)
			vs = &v
		}
		cands := make([][]rune, len(group))
		adj := make([][]float64, len(group))
		for i, g := range group {
			cands[i] = g.cands
			adj[i] = make([]float64, len(g.cands))
			line := append(append([]rune(nil), prefix...), rs[:g.k]...)
			before := l
			if i > 0 {
				before = -1
			}
			after := afterSlots(rs[g.k+1:], candsAt[g.k+1:], suffix)
			goesOn := unitGoesOn(line)
			for j, r := range g.cands {
				pc := punctContext(r, line, lineEnd && i == len(group)-1)
				if op, ok := pairOf[r]; ok && pc == punctMisplaced && lostOpener(op, prefix, rs[:g.k], candsAt[:g.k]) {
					// The line may open with the opener, lost (《渭川田家》
					// with 《 lost): the closer is as likely as any mark.
					pc = punctContext('。', line, lineEnd && i == len(group)-1)
				}
				adj[i][j] = pc + numberContext(r, before, line, after, units) + countContext(r, before, line, after)
				if slices.Contains(goesOn, r) {
					adj[i][j] += repeatedUnit
				}
				if i == len(group)-1 {
					adj[i][j] += lengthContext(r, after, km)
				}
			}
			if i == len(group)-1 {
				readingContext(adj[i], g.cands, after)
			}
			if wordsFor(m, g.two, len(g.cands)) {
				wordContext(adj[i], g.cands, line, rs[g.k+1:], suffix)
			}
			pl, pr := rune(-1), rune(-1)
			if i == 0 {
				pl = l
			}
			if i == len(group)-1 {
				pr = nextR
			}
			pageContext(adj[i], g.cands, pl, pr, pairs)
			for j, r := range g.cands {
				adj[i][j] -= vs.otherScript(r)
			}
		}
		pair := multiplierPairs(cands, prefix, rs, group[0].k, func(i int) []slot {
			return afterSlots(rs[group[i].k+1:], candsAt[group[i].k+1:], suffix)
		}, units)
		pair = pagePairs(pair, cands, pairs)
		for i := 1; i < len(group); i++ {
			if group[i].swallowed && group[i-1].endsLost {
				pair = droppedPairs(pair, m.wrong, cands, i)
			}
		}
		rank := inferLM
		if m.wrong.name == "big5" {
			// Text a Big5 reader garbled: the running-text model, tuned
			// on simplified pages, ranked worse than the dictionary's
			// on the tuning half (98.9% of inferences right against
			// 99.6%), so the detection model ranks.
			rank = lm
		}
		if best, second, margin, ok := choose(rank, cands, adj, pair, l, nextR, *vs, m.wrong.name != "big5"); ok {
			for i, g := range group {
				need := candMargin(m, g.two, len(g.cands))
				if m.shift && strings.HasPrefix(m.reason, "gb18030") && !g.two && len(prefix) == 0 && !slices.Contains(rs[:g.k], '\n') {
					need = inferMarginLineStart
				}
				if margin[i] < need && !(marginFor(m, false) == inferMargin && margin[i] >= closerOpen && closesOpen(best[i], append(append([]rune(nil), prefix...), rs[:g.k]...))) {
					// In UTF-8 a GBK reader garbled, a closer whose opener
					// is open on the line needs only the lead its pairing
					// gives: the model scores ” and ‐ alike before ASCII,
					// and the two bytes a closer lost there leave a few
					// dozen marks, not 4,096 characters. (Frame shifts and
					// Big5 lost precision on the tuning half with it.)
					continue
				}
				in := &inference{r: best[i], margin: margin[i], second: second[i], known: g.known}
				outs[g.out].r, outs[g.out].inf = in.r, in
				rs[g.k] = in.r
			}
		}
		group = group[:0]
	}
	// The candidates of every lost position first: what a later one can
	// be is context for an earlier one (lengthContext).
	candsAt = make([][]rune, len(rs))
	k := 0
	for i := range outs {
		o := &outs[i]
		if o.dropped {
			continue
		}
		if o.r == utf8.RuneError && rn.b != nil {
			a, z := o.pc.start-rn.from, o.pc.end-rn.from
			next := -1
			if z < len(rn.b) && !rn.hole[z] {
				next = int(rn.b[z])
			} else if z == len(rn.b) && right >= 0 {
				// The run ends here: the byte after is the first of the
				// text's next character, written in the wrong code.
				var nb [4]byte
				if w, ok := m.wrong.encode(nb[:0], right); ok && len(w) > 0 {
					next = int(w[0])
				}
			}
			if m.right.name == "utf-8" && next >= 0x80 && next <= 0xbf && z < len(rn.b) {
				// A continuation byte that begins no character after a
				// lost one: more bytes were lost there than the one a
				// U+FFFD stands for (x/text's GBK reader drops both bytes
				// of a pair it has no character for, 鍑犱� for 几个阶),
				// so these bytes are not what they seem.
				k++
				continue
			}
			if m.wrong.ambiguous != nil && ambiguousNear(m.wrong, rn, a, z) {
				// A character beside the lost one that the wrong code
				// writes two ways (HKSCS repeats): its bytes as written
				// here may not be the ones the text was read from.
				k++
				continue
			}
			if cands, ok := candidates(m, rn.b[a:z], rn.hole[a:z], next); ok {
				// Never nil: no candidate at all keeps the whole group
				// U+FFFD (choose), unlike too many to try.
				candsAt[k] = append(make([]rune, 0, len(cands)), cands...)
			}
		}
		k++
	}
	k = 0
	for i := range outs {
		o := &outs[i]
		if o.dropped {
			continue
		}
		if o.r != utf8.RuneError || rn.b == nil {
			settle(o.r)
			k++
			continue
		}
		a, z := o.pc.start-rn.from, o.pc.end-rn.from
		cands := candsAt[k]
		if cands == nil {
			settle(utf8.RuneError)
			k++
			continue
		}
		lost := 0
		for _, h := range rn.hole[a:z] {
			if h {
				lost++
			}
		}
		sw := rn.hole[a] && rn.b[a] == pairSecond
		group = append(group, lostAt{out: i, k: k, cands: cands, known: knownBytes(rn.b[a:z], rn.hole[a:z]), two: lost > 1, swallowed: sw, endsLost: rn.hole[z-1]})
		k++
	}
	settle(right)
	var marks []bool
	if m.shift {
		// Only a frame shift implies lost bytes (see untrusted.go).
		marks = untrusted(lm, m.right, rs, left, right, odds)
	}
	// Cut the run where a character of the text as found and a character
	// of the reading both end, keeping inferred characters apart.
	isBound := make(map[int]int, len(rn.bounds))
	for i, q := range rn.bounds {
		isBound[q] = i
	}
	segStart, segChar, segRune := 0, 0, 0 // first out, text character and rune of the segment
	k = 0
	flush := func(endOut, endChar, endRune int) {
		seg := outs[segStart:endOut]
		var sb strings.Builder
		var dropped []byte
		var notes []string
		lost := 0
		for _, o := range seg {
			switch {
			case o.dropped:
				dropped = append(dropped, o.pc.b)
			case o.inf != nil:
				sb.WriteRune(o.r)
			default:
				sb.WriteRune(o.r)
				if o.r == utf8.RuneError {
					lost++
				}
			}
		}
		idx := 0
		for _, o := range seg {
			if o.dropped {
				continue
			}
			if in := o.inf; in != nil {
				if in.second == 0 {
					notes = append(notes, fmt.Sprintf("%c@%d from %s, the only candidate", in.r, idx, in.known))
				} else {
					notes = append(notes, fmt.Sprintf("%c@%d from %s, %.1f nats over %c", in.r, idx, in.known, in.margin, in.second))
				}
			}
			idx++
		}
		reason := m.reason
		if len(dropped) > 0 {
			reason += fmt.Sprintf(" (stray byte %X dropped)", dropped)
		}
		reason += lostNote(lost)
		if marks != nil {
			reason += untrustedText(rs[segRune:endRune], marks[segRune:endRune])
		}
		if len(notes) > 0 {
			reason = inferredReason + " " + strings.Join(notes, ", ") + " (" + reason + ")"
		}
		if endChar > segChar || sb.Len() > 0 {
			reps = append(reps, replacement{start: offs[rn.charFrom+segChar], end: offs[rn.charFrom+endChar], repl: sb.String(), reason: reason})
		}
		segStart, segChar, segRune = endOut, endChar, endRune
	}
	hasInf := func(a, b int) bool {
		for _, o := range outs[a:b] {
			if o.inf != nil {
				return true
			}
		}
		return false
	}
	lastCut, lastChar, lastRune := -1, 0, 0 // the last place a cut may go
	for i, o := range outs {
		if !o.dropped {
			k++
		}
		c, ok := isBound[o.pc.end-rn.from]
		if !ok || i == len(outs)-1 {
			continue
		}
		// A cut here is possible. Cut when the stretch since the last
		// possible cut and the segment so far differ in holding an
		// inferred character.
		if lastCut >= segStart && hasInf(segStart, lastCut+1) != hasInf(lastCut+1, i+1) {
			flush(lastCut+1, lastChar, lastRune)
		}
		lastCut, lastChar, lastRune = i, c, k
	}
	if lastCut >= segStart && lastCut < len(outs)-1 && hasInf(segStart, lastCut+1) != hasInf(lastCut+1, len(outs)) {
		flush(lastCut+1, lastChar, lastRune)
	}
	flush(len(outs), len(rn.bounds)-1, len(rs))
	return reps
}

// inferable reports a character a lost one may be: Chinese text
// (chineseText) but the signs of U+3020-U+303F (Hangzhou and Suzhou
// numerals, kana repeat marks, 〾), which GBK added to the box-drawing
// row a9 and no text writes, and box drawing, which text tables do.
func inferable(r rune) bool {
	if r >= 0x3020 && r <= 0x303f {
		return false
	}
	return chineseText(r) || boxRule(r)
}

// boxRule reports box drawing (U+2500-U+257F): the rules of text tables.
func boxRule(r rune) bool { return r >= 0x2500 && r <= 0x257f }

// chineseText reports a Han character or the punctuation of Chinese text
// (CJK and full-width punctuation, quotes and dashes): what the repaired
// readings restore.
func chineseText(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff65 || r >= 0x2010 && r <= 0x2027
}

// variantSpan is how far, in nats, the model may prefer one script form
// of a lost character over another before the line's script stops
// deciding between them.
const variantSpan = 4.0

// variants folds characters to one script form and knows the script of
// the text around a lost character.
type variants struct {
	t2s    func(rune) rune // nil: no folding
	script int             // 1 traditional, -1 simplified, 0 unknown
}

// variantsOf judges the script from the characters of a repaired run (the
// text as found around it may be mojibake, whose characters are often
// traditional forms): a traditional-only character is evidence of
// traditional text, and a run of several Han characters without one, but
// with a simplified-only one, of simplified text. Characters both scripts
// write are no evidence: 下列的任意一行 is either.
func variantsOf(fold func(rune) rune, rs []rune) variants {
	v := variants{t2s: fold}
	if fold == nil {
		return v
	}
	han, trad, simp := 0, 0, 0
	for _, r := range rs {
		if r == utf8.RuneError || !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if fold(r) != r {
			trad++
		} else if langmodel.ScriptOf(r) == langmodel.SimplifiedOnly {
			simp++
		}
	}
	switch {
	case trad >= 2 || trad == 1 && han < 8:
		v.script = 1
	case trad == 0 && han >= 6 && simp > 0:
		v.script = -1
	}
	return v
}

// otherScriptCost is what a character of the other script alone loses in
// a run whose script is known: 儿 in traditional text, where 億 was lost.
// Set on the tuning half of the realistic corruption benchmark: at 4, 95
// more inferences for UTF-8 read as GBK with none more wrong; above it
// little changes.
const otherScriptCost = 4.0

// otherScript returns otherScriptCost for a character that only the other
// script writes, 0 otherwise.
func (v variants) otherScript(r rune) float64 {
	switch sc := langmodel.ScriptOf(r); {
	case v.script == 1 && sc == langmodel.SimplifiedOnly, v.script == -1 && sc == langmodel.TraditionalOnly:
		return otherScriptCost
	}
	return 0
}

func (v variants) fold(r rune) rune {
	if v.t2s == nil {
		return r
	}
	return v.t2s(r)
}

// prefers reports whether a, a script form of the same character as b,
// fits the text's script and b does not.
func (v variants) prefers(a, b rune) bool {
	aTrad, bTrad := v.fold(a) != a, v.fold(b) != b
	switch v.script {
	case 1:
		return aTrad && !bTrad
	case -1:
		return !aTrad && bTrad
	}
	return false
}

// wordWeight scales the word model's evidence (langmodel.Words.Gain)
// against the character model's, which already counts two-character
// words; wordWindow is how many Han characters on either side of a lost
// one it reads. Set on the tuning half of the realistic corruption
// benchmark: at 0.3, 33% more inferences for UTF-8 read as GBK, and
// every mechanism's inferences still ≥ 99.3% right there; at 0.5, those
// of UTF-8 read as Big5 fell to 97.9% right.
const (
	wordWeight = 0.3
	wordWindow = 3
)

// maxWordCands bounds the candidates of a character that lost two bytes
// the word model weighs: where a GBK reader dropped a pair it has no
// character for (x/text's), a few hundred are left, and the words around
// them pick one as well as around a lost byte (on the tuning half, UTF-8
// read as GBK by x/text: 95.27% -> 95.59% of characters right, inferences
// 99.70% -> 99.61% right); with all 4,096 they cost much and gain little.
const maxWordCands = 512

// wordsFor reports whether the word model weighs the candidates of a
// lost character: one that lost one byte, or two with few candidates in
// text a GBK-family reader garbled. Text a Big5 reader garbled is ranked
// by the dictionary model, and its inferences fell from 99.57% to 99.21%
// right on the tuning half with words for two lost bytes.
func wordsFor(m *mechanism, two bool, n int) bool {
	return !two || m.wrong.name != "big5" && n <= maxWordCands
}

// wordContext adds to adj the word model's evidence for each candidate of
// a lost position: how much better the Han characters around it read as
// words with the candidate in place (wordsFor says for which lost
// characters).
func wordContext(adj []float64, cands []rune, line, after, suffix []rune) {
	var left []rune
	for i := len(line) - 1; i >= 0 && len(left) < wordWindow && unicode.Is(unicode.Han, line[i]); i-- {
		left = append(left, line[i])
	}
	slices.Reverse(left)
	var right []rune
	for _, part := range [][]rune{after, suffix} {
		done := false
		for _, r := range part {
			if len(right) == wordWindow || !unicode.Is(unicode.Han, r) {
				done = true
				break
			}
			right = append(right, r)
		}
		if done {
			break
		}
	}
	if len(left)+len(right) == 0 {
		return
	}
	w := langmodel.DefaultWords()
	// Only words that hold the candidate count: the words of the sides
	// alone are there whatever the candidate, and counting them would
	// favour every Han candidate over punctuation.
	base := w.Gain(string(left)) + w.Gain(string(right))
	buf := make([]rune, 0, len(left)+1+len(right))
	for j, r := range cands {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		buf = append(append(append(buf[:0], left...), r), right...)
		adj[j] += wordWeight * (w.Gain(string(buf)) - base)
	}
}

// readingContext adds to adj the evidence of a reading annotation right
// after a lost character, 萬(wàn), as sites leave them inline: when the
// annotation ends with a reading of some candidates (pinyin.EndsWithReading),
// they gain readingMatch and the other Han candidates lose readingMiss.
func readingContext(adj []float64, cands []rune, after []slot) {
	if len(after) < 3 || after[0].r != '(' && after[0].r != '（' {
		return
	}
	var b strings.Builder
	closed := false
	for _, sl := range after[1:min(len(after), 40)] {
		if sl.r == ')' || sl.r == '）' {
			closed = true
			break
		}
		if sl.r >= 0x2e80 || sl.r == utf8.RuneError {
			return // Chinese text, or a loss: no annotation
		}
		b.WriteRune(sl.r)
	}
	if !closed || b.Len() == 0 {
		return
	}
	content := b.String()
	match := make([]bool, len(cands))
	spelled := false
	for j, r := range cands {
		if unicode.Is(unicode.Han, r) && pinyin.EndsWithReading(r, content) {
			match[j], spelled = true, true
		}
	}
	if !spelled {
		return
	}
	for j, r := range cands {
		switch {
		case match[j]:
			adj[j] += readingMatch
		case unicode.Is(unicode.Han, r):
			adj[j] -= readingMiss
		}
	}
}

// readingMatch and readingMiss: a site's annotation spells the character
// it follows, so a candidate it spells is all but certain. Set on the
// tuning half of the realistic corruption benchmark: from 3 to 6 each,
// more inferences and fewer wrong; above 6 nothing changes.
const (
	readingMatch = 6.0
	readingMiss  = 6.0
)

// multiplierPairs gives, for a group of adjacent lost characters starting
// at rs[k0] right after a number, what a candidate at 1 gains after a
// multiplier at 0: in "3,000\uFFFD\uFFFD" the second is the unit of 3,000萬
// or 3,000億 (元), which numberContext can only judge once the first is
// chosen. Nil when the group is not after a number.
func multiplierPairs(cands [][]rune, prefix, rs []rune, k0 int, after func(i int) []slot, units *unitMemory) []map[rune][]float64 {
	if len(cands) < 2 {
		return nil
	}
	line := append(append(make([]rune, 0, len(prefix)+k0+1), prefix...), rs[:k0]...)
	if n := len(line); n == 0 || !digit(line[n-1]) && !endsNumber(line) {
		return nil
	}
	var pairs []map[rune][]float64
	for _, m := range cands[0] {
		if !strings.ContainsRune(multipliers, m) {
			continue
		}
		if pairs == nil {
			pairs = make([]map[rune][]float64, len(cands))
			pairs[1] = make(map[rune][]float64)
		}
		withM := append(line[:len(line):len(line)], m)
		a := after(1)
		adj := make([]float64, len(cands[1]))
		for j, r := range cands[1] {
			adj[j] = numberContext(r, m, withM, a, units)
		}
		pairs[1][m] = adj
	}
	return pairs
}

// multipliers are the characters written after digits that scale them.
const multipliers = "万萬亿億千百"

// ambiguousNear reports whether a character of the text as found, written
// in the wrong code in rn.b, overlaps the bytes [a-2, z+2) and is one the
// code writes more than one way.
func ambiguousNear(c *codec, rn run, a, z int) bool {
	for i := 0; i+1 < len(rn.bounds); i++ {
		s, e := rn.bounds[i], rn.bounds[i+1]
		if e <= a-2 || s >= z+2 || e-s < 2 || slices.Contains(rn.hole[s:e], true) {
			continue
		}
		if r, n, ok := c.decode(rn.b[s:e]); ok && n == e-s && c.ambiguous(r) {
			return true
		}
	}
	return false
}

// droppedPairs adds to pair, for lost characters i-1 and i whose bytes a
// reader dropped as one pair (the last byte of i-1 and the first of i,
// see droppedPair), that a choice whose two bytes the wrong code reads is
// impossible: it would not have been dropped.
func droppedPairs(pair []map[rune][]float64, wrong *codec, cands [][]rune, i int) []map[rune][]float64 {
	if pair == nil {
		pair = make([]map[rune][]float64, len(cands))
	}
	if pair[i] == nil {
		pair[i] = make(map[rune][]float64)
	}
	var ab, bb [4]byte
	for _, a := range cands[i-1] {
		x := utf8.AppendRune(ab[:0], a)
		adj := pair[i][a]
		if adj == nil {
			adj = make([]float64, len(cands[i]))
			pair[i][a] = adj
		}
		for j, b := range cands[i] {
			y := utf8.AppendRune(bb[:0], b)
			if !wrongFails(wrong, x[len(x)-1], int(y[0])) || !dropsWhole(x[len(x)-1]) {
				adj[j] += impossible
			}
		}
	}
	return pair
}

// pairAfter reports whether the lost byte b[k] begins a pair dropped whole:
// the byte after it is the pair's second (droppedPair).
func pairAfter(b []byte, hole []bool, k int) bool {
	return k+1 < len(b) && hole[k+1] && b[k+1] == pairSecond
}

// dropsWhole reports whether a reader that drops whole the pairs it cannot
// read (x/text, browsers) could have dropped a pair that x begins: such a
// reader reads a lone 0x80 as the euro sign, so a pair is never begun by
// it (unlike Python's and glibc's readers, for which 0x80 fails alone; a
// pair dropped whole is never theirs).
func dropsWhole(x byte) bool { return x != 0x80 }

// impossible is what a choice the bytes rule out loses: finite, so that
// margins stay numbers.
const impossible = -1000.0
