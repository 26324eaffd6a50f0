package mojibake

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// mechanism is one way text gets garbled: bytes written in `right` were
// read as `wrong`. Re-encoding the garbled text with wrong gives back the
// bytes; decoding them with right gives the text. shift adds a one-byte
// frame shift: a stray byte before the run put the reader out of step.
type mechanism struct {
	reason string
	// cost is paid for each run read this way: how unlikely the mechanism
	// is to garble just a few characters inside clean text.
	cost float64
	// minRun is the fewest non-ASCII characters a run may span.
	minRun int
	wrong  *codec
	right  *codec
	shift  bool
}

// Penalties, in nats, that a reading must pay to be preferred over the text
// as found. They make the repairer conservative: a repair is taken only when
// it is clearly more probable.
const (
	// runCost is paid for each repaired run (see mechanism.cost).
	runCost = 12.0
	// confusedCost is the cost of a run read with the other double-byte
	// code (Big5 for GBK or back): the codes share most byte pairs, so
	// rare characters in one often read as common ones in the other.
	confusedCost = 28.0
	// confusedMinRun: a page read with the wrong double-byte code garbles
	// whole lines, so a short run read that way is a coincidence.
	confusedMinRun = 4
	// asciiCost is paid when a reading turns a byte of a multi-byte
	// character into an ASCII character.
	asciiCost = 12.0
	// shiftWordCost and shiftLoneCost are paid by a frame shift whose
	// reading does or does not form a word with its neighbours (see
	// shiftCost); shiftLatticeCost, below both, lets the lattice offer
	// such readings for judging.
	shiftWordCost    = 8.0
	shiftLoneCost    = 12.0
	shiftLatticeCost = 6.0
	// shiftSymbolCost is paid by one character read out of a symbol (see
	// shiftCost): 2.3 nats above the best such reading of clean text.
	shiftSymbolCost = 7.0
	// quotedLetterCost is paid by a quote or bracket and one letter read
	// before the closer (see keepPlausible).
	quotedLetterCost = 3.0
	// shiftEndsInLossCost is what a frame shift pays, stray byte
	// included, when its reading ends at the U+FFFD of the byte the
	// reader failed on (see keepPlausible).
	shiftEndsInLossCost = 8.0
	// dropCost is paid for a stray byte dropped to restore the frame; only
	// a byte of a multi-byte character can be stray.
	dropCost = 4.0
	// lostCost is paid, on top of the model's score of U+FFFD, for each
	// byte a lost position swallows, so that dropping text never pays.
	lostCost = 2.0
	// plausible is the least average log probability per character of a
	// reading that is taken: it must read like Chinese text, not merely be
	// less improbable than text that is rare but real.
	plausible = -9.5
	// plausibleConfused is the stricter bar for Big5/GBK confusion, whose
	// readings of rare characters are strings of common ones.
	plausibleConfused = -8.0
	// decodedReplacement scores a U+FFFD that a reading decodes from its
	// exact bytes (EF BF BD read as "锟斤"): strong evidence of old damage.
	decodedReplacement = -4.0
)

// piece is one character of a reading and the window bytes it came from.
type piece struct {
	r          rune
	start, end int  // byte span in the encoded window
	lost       bool // bytes missing: r is U+FFFD
	dropped    bool // the stray byte before a frame shift
	b          byte // the dropped byte
}

// run is a stretch of the window replaced by a reading.
type run struct {
	from, to int // byte span in the encoded window, on character boundaries
	// first and last+1 character of the window the run replaces
	charFrom, charTo int
	pieces           []piece
	// b and hole are the encoded bytes [from,to) (see encoded); bounds
	// holds the offset in them of each character the run replaces, and
	// the end. Only runs kept by keepPlausible have them.
	b      []byte
	hole   []bool
	bounds []int
}

type node struct {
	score float64
	sc    langmodel.Scorer
	ok    bool
	// back pointer
	prevPos  int
	prevMode int8
	emit     piece
	hasEmit  bool
}

// encoded is a window written out with a mechanism's wrong codec.
type encoded struct {
	b      []byte
	hole   []bool // U+FFFD in the text: a byte of unknown value
	bounds []int  // byte offset of each character, plus the end
	isB    []bool // isB[p]: p is a character boundary
	// nextHole[p] is the first hole at or after p, or len(b).
	nextHole []int
	// wholePairs: see encodeWindow.
	wholePairs bool
	// endsASCII: the window is followed by ASCII (a line break) or is
	// the end of the text.
	endsASCII bool
	// pua holds the bytes of the private-use characters found (GB18030's
	// user-defined codes: no text writes them).
	pua []byteSpan
	// win is the window's text as found (see closesOpen).
	win []rune
}

// encodeWindow writes win with c into buffers reused from prev, which
// must no longer be in use.
//
// pairs, for a reading as UTF-8, lets a U+FFFD stand for the two bytes of a
// pair the wrong code has no character for, where one byte cannot make
// UTF-8 of the bytes around it (see droppedPair).
//
// wholePairs says the reader dropped both bytes of every pair it could
// not read (a WHATWG Big5 reader, see dropsPairs and holeSizes); after is
// the character after the window then (-1 at the end of the text,
// unknownAfter where the window ends inside the text read).
func encodeWindow(prev *encoded, win []rune, c *codec, pairs, wholePairs bool, after rune) (encoded, bool) {
	e := encoded{b: prev.b[:0], hole: prev.hole[:0], bounds: prev.bounds[:0], pua: prev.pua[:0], win: win, wholePairs: wholePairs, endsASCII: after == -1 || after >= 0 && after < utf8.RuneSelf}
	defer func() { prev.b, prev.hole, prev.bounds, prev.pua = e.b, e.hole, e.bounds, e.pua }()
	var sizes []int8 // of the run of U+FFFDs at win[i] (holeSizes)
	for i, r := range win {
		e.bounds = append(e.bounds, len(e.b))
		if r == utf8.RuneError {
			if wholePairs && (i == 0 || win[i-1] != utf8.RuneError) {
				k := 1
				for i+k < len(win) && win[i+k] == utf8.RuneError {
					k++
				}
				sizes = holeSizes(e.b, e.hole, win, i, k, c, after)
			}
			if len(sizes) > 0 {
				size := sizes[0]
				sizes = sizes[1:]
				switch size {
				case hole80:
					e.b = append(e.b, lone80)
					e.hole = append(e.hole, true)
				case holeBeforeASCII, holeUnknown:
					e.b = append(e.b, 0)
					e.hole = append(e.hole, true)
				default:
					e.b = append(e.b, 0, pairSecond)
					e.hole = append(e.hole, true, true)
				}
				continue
			}
			e.b = append(e.b, 0)
			e.hole = append(e.hole, true)
			if pairs && droppedPair(e.b[:len(e.b)-1], e.hole[:len(e.hole)-1], win, i, c) {
				// 1 marks the second byte of a pair dropped whole: the
				// reader took it as a trail, never as a lead (candidates).
				e.b = append(e.b, pairSecond)
				e.hole = append(e.hole, true)
			}
			continue
		}
		var ok bool
		n := len(e.b)
		e.b, ok = c.encode(e.b, r)
		if !ok {
			return e, false
		}
		if r >= 0xe000 && r <= 0xf8ff {
			e.pua = append(e.pua, byteSpan{n, len(e.b)})
		}
		for range len(e.b) - n {
			e.hole = append(e.hole, false)
		}
	}
	e.bounds = append(e.bounds, len(e.b))
	if cap(prev.isB) < len(e.b)+1 {
		prev.isB = make([]bool, len(e.b)+1)
	}
	e.isB = prev.isB[:len(e.b)+1]
	clear(e.isB)
	for _, p := range e.bounds {
		e.isB[p] = true
	}
	if cap(prev.nextHole) < len(e.b) {
		prev.nextHole = make([]int, len(e.b))
	}
	e.nextHole = prev.nextHole[:len(e.b)]
	next := len(e.b)
	for p := len(e.b) - 1; p >= 0; p-- {
		if e.hole[p] {
			next = p
		}
		e.nextHole[p] = next
	}
	return e, true
}

// droppedPair reports whether the U+FFFD at win[i], after the bytes b,
// stands for two bytes of UTF-8 rather than one. Python's and glibc's
// readers drop one byte where a lead meets a bad trail, and that leaves
// UTF-8 whole around it; x/text's and browsers' readers drop both bytes of
// a pair they have no character for (GBK's user-defined areas: AA E9 of
// 个阶), which leaves continuation bytes that no lead begins, or a
// sequence cut one byte short. Two bytes are taken only where one cannot
// make UTF-8 and two can.
func droppedPair(b []byte, hole []bool, win []rune, i int, c *codec) bool {
	if i+1 >= len(win) || win[i+1] == utf8.RuneError {
		return false
	}
	var buf [4]byte
	nb, ok := c.encode(buf[:0], win[i+1])
	if !ok || len(nb) == 0 {
		return false
	}
	cont := nb[0]&0xc0 == 0x80
	need := lacking(b, hole)
	switch need {
	case 1: // one byte ends the character; a second begins the next
		return cont
	case 2: // one byte leaves the character a byte short; two end it
		return !cont
	}
	return false
}

// lacking returns the bytes the UTF-8 sequence at the end of b still
// lacks, -1 when a lost byte (hole) among its last ones leaves nothing to
// go by.
func lacking(b []byte, hole []bool) int {
	for k := len(b) - 1; k >= 0 && k >= len(b)-3; k-- {
		if hole[k] {
			return -1
		}
		if b[k]&0xc0 == 0x80 {
			continue
		}
		if l := utf8SeqLen(b[k]); l > len(b)-k {
			return l - (len(b) - k)
		}
		return 0
	}
	return 0
}

// pairSecond is the value a hole holds (see encoded) when it is the second
// byte of a pair dropped whole; other holes hold 0.
const pairSecond = 1

// utf8SeqLen is the length of the UTF-8 sequence lead byte b begins (1
// for ASCII and for bytes that begin none).
func utf8SeqLen(b byte) int {
	switch {
	case b >= 0xf0 && b <= 0xf4:
		return 4
	case b >= 0xe0:
		return 3
	case b >= 0xc2 && b < 0xe0:
		return 2
	}
	return 1
}

// startsWord reports an ASCII letter or digit read out of a character that
// the ASCII word after it goes on from ("籄ri" read as "被A" + "ri"): where
// a shifted frame comes back into step, the first letter of a word was
// read as the trail byte of a double-byte character.
func (e *encoded) startsWord(pc piece) bool {
	return asciiAlnum(pc.r) && pc.end < len(e.b) && e.isB[pc.end] && !e.hole[pc.end] && asciiAlnum(rune(e.b[pc.end]))
}

func asciiLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func asciiAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// readAt decodes one character of the reading at p.
func (e *encoded) readAt(m *mechanism, p int) piece {
	if e.hole[p] {
		n := 1
		if m.right.name == "utf-8" {
			if e.wholePairs {
				// Holes of whole pairs run on across characters: take
				// them three at a time, the length of a Han character.
				for n < 3 && p+n < len(e.b) && e.hole[p+n] {
					n++
				}
			}
			// A lost lead byte with its continuation bytes after it (a
			// pair dropped whole, see droppedPair) is one character.
			most := 4
			if e.wholePairs {
				most = 3
			}
			for n < most && p+n < len(e.b) && !e.hole[p+n] && e.b[p+n]&0xc0 == 0x80 {
				n++
			}
			if !e.wholePairs && n == 2 && e.lostBeforeASCII(p+n) {
				// A byte lost before ASCII was read as a lead the ASCII
				// could not end: in UTF-8 it ends a character, this one
				// (。 of 景。 at a line's end: ?? 80 ??), not one of its
				// own.
				n++
			}
		}
		return piece{r: utf8.RuneError, start: p, end: p + n, lost: true}
	}
	end := min(e.nextHole[p], p+16)
	r, n, ok := m.right.decode(e.b[p:end])
	if n < 1 {
		n = 1
	}
	if !ok {
		// A sequence cut short by bytes already lost upstream is one
		// lost character, not two: it takes the holes, and the
		// continuation bytes after them, that its lead byte's length
		// still covers (a U+FFFD the wrong reader left stands for one
		// byte).
		if p+n == end && end < len(e.b) && e.hole[end] {
			if need := m.right.seqLen(e.b[p]); need > n {
				for p+n < len(e.b) && n < need && (e.hole[p+n] || m.right.seqLen(e.b[p+n]) == 1 && e.b[p+n] >= 0x80) {
					n++
				}
			} else {
				for p+n < len(e.b) && e.hole[p+n] && p+n == end {
					n++
					end++
				}
			}
		}
		return piece{r: utf8.RuneError, start: p, end: p + n, lost: true}
	}
	return piece{r: r, start: p, end: p + n}
}

// lostBeforeASCII reports whether the byte at q was lost and ASCII or the
// end of the text follows it.
func (e *encoded) lostBeforeASCII(q int) bool {
	if q >= len(e.b) || !e.hole[q] || e.b[q] != 0 {
		return false
	}
	if q+1 == len(e.b) {
		return e.endsASCII
	}
	return !e.hole[q+1] && e.b[q+1] < utf8.RuneSelf
}

// readsHan reports whether readAt reads a Han character at some byte of
// e, looking only at the bytes m.right.hanLead admits.
func (e *encoded) readsHan(m *mechanism) bool {
	for p, c := range e.b {
		if !e.hole[p] && m.right.hanLead(c) {
			if pc := e.readAt(m, p); !pc.lost && unicode.Is(unicode.Han, pc.r) {
				return true
			}
		}
	}
	return false
}

// best finds the most probable mix of the window as found and its reading
// under m. left and right are the characters around the window (-1 at the
// edges of the text). It returns the runs taken and the gain in log
// probability over the window as found (penalties included).
func best(scr *scratch, lm *langmodel.Model, win []rune, at int, left, right rune, m *mechanism) ([]run, float64) {
	e, ok := encodeWindow(&scr.enc, win, m.wrong, m.right.name == "utf-8", scr.dropsPairs(m, win), right)
	if !ok {
		return nil, 0
	}
	if m.right.name == "utf-8" && !holdsUTF8(e.b) {
		return nil, 0
	}
	if m.right.hanLead != nil && !e.readsHan(m) {
		// No run could be kept (see han below), known from the few
		// bytes a Han character can start at: most windows of clean
		// text read as UTF-8, which otherwise were read at every byte.
		return nil, 0
	}
	// Read at every byte once; the lattice's two reading states use it.
	pcs := scr.pieces[:0]
	han := false
	for p := range e.b {
		pc := e.readAt(m, p)
		han = han || !pc.lost && unicode.Is(unicode.Han, pc.r)
		pcs = append(pcs, pc)
	}
	scr.pieces = pcs
	if !han {
		// keepPlausible keeps only runs whose reading holds a Han
		// character, and every character of a reading comes from readAt:
		// with none to read, no run can be kept, so skip the lattice.
		return nil, 0
	}
	// The score of the stretch as found, each character's score and the
	// scorer after it (for the lattice's keeping steps) are those of the
	// window as found: the stretch starts the window, or follows a
	// character other than an ASCII letter, after which Scorer.Next's
	// state does not depend on what came before.
	var start langmodel.Scorer
	if at == 0 {
		start = scr.start
	} else {
		start = scr.keepSt[at-1]
	}
	keepLP, keepSt := scr.keepLP[at:at+len(win)], scr.keepSt[at:at+len(win)]
	if at > 0 && asciiLetter(left) {
		start = lm.Scorer()
		start.Next(left)
		keepLP, keepSt = scr.ownLP[:0], scr.ownSt[:0]
		s := start
		for _, r := range win {
			lp := s.Next(r)
			keepLP, keepSt = append(keepLP, lp), append(keepSt, s)
		}
		scr.ownLP, scr.ownSt = keepLP, keepSt
	}
	orig := 0.0
	for _, lp := range keepLP {
		orig += lp
	}
	var sc langmodel.Scorer
	if len(win) > 0 {
		sc = keepSt[len(win)-1]
	} else {
		sc = start
	}
	rightLP := 0.0
	if right >= 0 {
		rightLP = sc.Next(right)
		orig += rightLP
	}
	if !scr.noBound && scr.table != nil && !detectorFor().mayGain(&scr.bound, scr.table, lm, &e, pcs, win, keepLP, left, right, rightLP, orig, m, scr.again(m)) {
		// No path that reads anything can gain (bound.go): the lattice
		// would return nothing.
		return nil, 0
	}
	return lattice(scr, lm, &e, pcs, win, keepLP, keepSt, start, left, right, orig, m)
}

// lattice is best's exact lattice, run where the bound let it through. It
// is a function of its own because its frame is large (two kilobytes):
// inside best it made every call that the bound rejects pay for it, and
// grow the fresh stack of the goroutine a document runs in.
func lattice(scr *scratch, lm *langmodel.Model, e *encoded, pcs []piece, win []rune, keepLP []float64, keepSt []langmodel.Scorer, start langmodel.Scorer, left, right rune, orig float64, m *mechanism) ([]run, float64) {
	L := len(e.b)
	// Each position has four states, so that paths whose last character
	// differs (one kept, one read) do not compete for the same node:
	// 0 keeping, last kept; 1 reading, last read; 2 reading, last kept
	// (just switched); 3 keeping, last read (just left a reading).
	if cap(scr.nodes) < L+1 {
		scr.nodes = make([][4]node, L+1)
	}
	nodes := scr.nodes[:L+1]
	for i := range nodes {
		for j := range nodes[i] {
			nodes[i][j].ok = false
		}
	}
	nodes[0][0] = node{score: 0, sc: start, ok: true}
	relax := func(p int, mode int8, from int, fromMode int8, add float64, sc langmodel.Scorer, emit piece, hasEmit bool) {
		n := &nodes[p][mode]
		s := nodes[from][fromMode].score + add
		if !n.ok || s > n.score {
			*n = node{score: s, sc: sc, ok: true, prevPos: from, prevMode: fromMode, emit: emit, hasEmit: hasEmit}
		}
	}
	k := 0 // index of the character starting at p, when p is a boundary
	for p := 0; p <= L; p++ {
		for k < len(win) && e.bounds[k] < p {
			k++
		}
		// Leave the reading where it meets a character boundary.
		if e.isB[p] && nodes[p][1].ok {
			relax(p, 3, p, 1, 0, nodes[p][1].sc, piece{}, false)
		}
		if p == L {
			break
		}
		for _, mode := range [2]int8{0, 3} {
			cur := nodes[p][mode]
			if !cur.ok || !e.isB[p] {
				continue
			}
			// Keep the character as found. After a kept character other
			// than an ASCII letter the scorer is that of the window as
			// found (Scorer.Next's state after such a character does not
			// depend on what came before), so its score is known.
			var s langmodel.Scorer
			var lp float64
			if mode == 0 && (k == 0 || !asciiLetter(win[k-1])) {
				s, lp = keepSt[k], keepLP[k]
			} else {
				s = cur.sc
				lp = s.Next(win[k])
			}
			relax(e.bounds[k+1], 0, p, mode, lp, s, piece{r: win[k], start: p, end: e.bounds[k+1]}, true)
			// Start a reading here.
			if m.shift {
				if !e.hole[p] && e.b[p] >= 0x80 {
					cost := shiftLatticeCost
					if scr.again(m) && (k == 0 && (left < 0 || left == '\n') || k > 0 && win[k-1] == '\n') {
						// The page's stray bytes fall before lines (see
						// pageShiftDiscount): a drop at a line start
						// competes with one a character later, which
						// keeps a common first character ("骨鐣r" read
						// as "骨時" for "晴時").
						cost -= lineStartDropDiscount
					}
					relax(p+1, 2, p, mode, -cost, cur.sc, piece{r: -1, start: p, end: p + 1, dropped: true, b: e.b[p]}, true)
				}
			} else {
				relax(p, 2, p, mode, -m.cost, cur.sc, piece{}, false)
			}
		}
		for _, mode := range [2]int8{1, 2} {
			cur := nodes[p][mode]
			if !cur.ok {
				continue
			}
			pc := pcs[p]
			s := cur.sc
			lp := e.score(&s, m, pc)
			if pc.end <= L {
				relax(pc.end, 1, p, mode, lp, s, pc, true)
			}
		}
	}
	final := func(mode int8) float64 {
		n := nodes[L][mode]
		if !n.ok {
			return math.Inf(-1)
		}
		s := n.sc
		if right >= 0 {
			return n.score + s.Next(right)
		}
		return n.score
	}
	endMode := int8(0)
	if final(3) > final(0) {
		endMode = 3
	}
	if final(endMode)-orig < 1e-9 {
		return nil, 0
	}
	// Walk back and collect the runs.
	reading := func(mode int8) bool { return mode == 1 || mode == 2 }
	var runs []run
	var cur *run
	p, mode := L, endMode
	for p > 0 || mode != 0 {
		n := nodes[p][mode]
		if reading(mode) || reading(n.prevMode) {
			if cur == nil {
				runs = append(runs, run{to: p})
				cur = &runs[len(runs)-1]
			}
			if n.hasEmit {
				cur.pieces = append(cur.pieces, n.emit)
			}
			if !reading(n.prevMode) && reading(mode) {
				cur.from = n.prevPos
				cur = nil
			}
		}
		p, mode = n.prevPos, n.prevMode
	}
	for i := range runs {
		ps := runs[i].pieces
		for a, b := 0, len(ps)-1; a < b; a, b = a+1, b-1 {
			ps[a], ps[b] = ps[b], ps[a]
		}
	}
	for a, b := 0, len(runs)-1; a < b; a, b = a+1, b-1 {
		runs[a], runs[b] = runs[b], runs[a]
	}
	return keepPlausible(lm, win, *e, left, right, m, runs, scr.again(m))
}

// keepPlausible rescores each run on its own, in the context of the text as
// found, and keeps those that gain and read like Chinese. It returns them
// with their summed gain.
//
// again is set when m is the frame shift the page was already repaired
// with: a run at a line start, where the page's stray bytes fall, then
// pays pageShiftDiscount less.
func keepPlausible(lm *langmodel.Model, win []rune, e encoded, left, right rune, m *mechanism, runs []run, again bool) ([]run, float64) {
	var kept []run
	total := 0.0
	charAt := func(p int) int {
		for k, q := range e.bounds {
			if q == p {
				return k
			}
		}
		return -1
	}
	for _, rn := range runs {
		i, j := charAt(rn.from), charAt(rn.to)
		if i < 0 || j < 0 {
			continue
		}
		start := lm.Scorer()
		if i > 0 {
			start.Next(win[i-1])
		} else if left >= 0 {
			start.Next(left)
		}
		next := right
		if j < len(win) {
			next = win[j]
		}
		so := start
		orig := 0.0
		for _, r := range win[i:j] {
			orig += so.Next(r)
		}
		sc := start
		cand, n, model := 0.0, 0, 0.0
		cost, lost := m.cost, false
		closes := m.shift && again && opensWord(rn.pieces) && closedAhead(rn.pieces, win[j:])
		for _, pc := range rn.pieces {
			switch {
			case pc.dropped:
				cost += dropCost
			case pc.lost:
				cand += e.score(&sc, m, pc)
				lost = true
			default:
				lp := e.score(&sc, m, pc)
				cand += lp
				model += lp
				n++
			}
		}
		if last := rn.pieces[len(rn.pieces)-1]; m.shift && last.lost && slices.Contains(e.hole[last.start:last.end], true) {
			// The reader came back into step by failing on the byte
			// after a trail (Python's replace writes U+FFFD for it): a
			// U+FFFD, which clean text does not hold, where the
			// shifted reading ends is evidence of its own.
			cost = shiftEndsInLossCost
		} else if m.shift && !lost {
			prev := left
			if i > 0 {
				prev = win[i-1]
			}
			cost = shiftCost(n, formsPair(lm, prev, rn.pieces, next), allRare(lm, win[i:j]), noHan(win[i:j]))
			if again && (prev == '\n' || prev < 0) {
				cost -= pageShiftDiscount
			}
			if closes {
				// The mark opens a Latin word whose closer follows with
				// no opener before it (浮癴oo” for “foo”): as strong as
				// a symbol read; stronger where the closer follows the
				// letter at once (儭癿” for “m”), which takes a rare
				// character whose trail byte is the letter.
				cost = min(cost, shiftSymbolCost)
				if j < len(win) && pairOf[win[j]] != 0 || prev == '\n' || prev < 0 {
					cost = min(cost, quotedLetterCost)
				}
			}
		}
		cand -= cost
		if next >= 0 {
			orig += so.Next(next)
			lp := sc.Next(next)
			cand += lp
			if n < 3 {
				// A short reading is judged with the text it joins.
				model += lp
				n++
			}
		}
		wide := 0
		for _, r := range win[i:j] {
			if r >= 0x80 {
				wide++
			}
		}
		lineStart := i == 0 && (left < 0 || left == '\n') || i > 0 && win[i-1] == '\n'
		if m.shift && fullWidthOnly(win[i:j]) {
			// Full-width digits and marks are how Chinese pages write
			// numbers (达州|１１|２２６．９): no stray byte made them.
			continue
		}
		if n == 0 || wide < m.minRun || !mostlyHan(rn.pieces) && !privateUse(win[i:j]) && !(m.shift && (lineStart || opensWord(rn.pieces)) && punctOnly(rn.pieces)) {
			continue
		}
		need := plausible
		if m.cost >= confusedCost {
			need = plausibleConfused
		}
		// A mark and a letter read like no Chinese: the closer ahead,
		// with no opener, is what makes such a reading plausible.
		if cand <= orig || model/float64(n) < need && !closes {
			continue
		}
		rn.charFrom, rn.charTo = i, j
		rn.b = append([]byte(nil), e.b[rn.from:rn.to]...)
		rn.hole = append([]bool(nil), e.hole[rn.from:rn.to]...)
		for _, q := range e.bounds[i : j+1] {
			rn.bounds = append(rn.bounds, q-rn.from)
		}
		kept = append(kept, rn)
		total += cand - orig
	}
	return kept, total
}

// fullWidthOnly reports text whose characters beyond ASCII are all
// full-width digits or the marks written among them (a full-width
// letter beside ASCII, ＴO for 設, is a shift's).
func fullWidthOnly(rs []rune) bool {
	wide := 0
	for _, r := range rs {
		switch {
		case r < 0x80:
		case r >= '０' && r <= '９' || r == '．' || r == '，' || r == '：' || r == '％' || r == '－':
			wide++
		default:
			return false
		}
	}
	return wide > 0
}

// mostlyHan reports a reading that is Chinese text: it holds Han characters
// and no more other letters and symbols than Han (ASCII and punctuation
// aside). The repairer restores Chinese; a reading into kana, Cyrillic or
// symbols is a coincidence of codes.
func mostlyHan(ps []piece) bool {
	han, other := 0, 0
	for _, pc := range ps {
		switch {
		case pc.dropped || pc.lost || pc.r < 0x80:
		case unicode.Is(unicode.Han, pc.r):
			han++
		case pc.r >= 0x3000 && pc.r <= 0x303f || pc.r >= 0xff01 && pc.r <= 0xff65 || pc.r >= 0x2010 && pc.r <= 0x2027:
		default:
			other++
		}
	}
	return han > 0 && other <= han
}

// lineStartDropDiscount is what the lattice charges less for a stray byte
// at a line start on a page already repaired with the same shift. Set on
// the tuning half of the realistic corruption benchmark (GB18030 lines
// that lost no byte: 97.8% -> 98.1%; at 4 the inside-line ones fell).
const lineStartDropDiscount = 2.0

// pageShiftDiscount is what a frame shift at a line start pays less on a
// page already repaired with it: a stray byte before a line makes one
// common character and a trail byte read as ASCII ("尺@是因為" for
// "這是因為"), which alone is too weak to take.
const pageShiftDiscount = 4.0

// shiftCost is what a frame shift that lost no byte pays, by its evidence.
// Measured on 17 MB of clean text, the best shifted readings gain at most:
// 8.4 nats for one character that forms a word with a neighbour ("的X系"
// read as "腦系"), 8.3 for one read out of a rare character ("谆\\" as
// "籠"), 10.1 for any other one, nothing for two or more that form a word,
// and 12.4 for two or more that do not ("脧腂" read as "從B"). The costs
// stay above those with a margin. A rare character is evidence: the
// stray byte pairs with any lead byte, and most pairs are rare characters,
// while before a real lone letter stands a real, mostly common, one.
//
// A symbol is stronger evidence still (symbol: no Han character among
// those read): a stray byte of the GBK symbol rows (A1-A9) pairs with a
// lead byte into a symbol, and the lead's character's trail byte follows
// as ASCII ("ＴO定" for "設定"). Before a real symbol (a quote, a bracket,
// a bullet) the bytes read as no likely character: over all 24.7 MB of
// clean text installed, with the lattice run at each of the 18,131 places
// where a non-Han, non-ASCII character meets an ASCII character of the
// trail range (and shiftLatticeCost lowered to 0.5 for the measurement),
// one character read out of a symbol gains at most 4.7 nats ("“l" read as
// "發"); the benchmark's restorations of this kind gain 8.8 and more.
func shiftCost(n int, pair, rare, symbol bool) float64 {
	switch {
	case n < 2 && symbol:
		return shiftSymbolCost
	case n < 2 && (pair || rare):
		return shiftWordCost + 2
	case n < 2:
		return shiftLoneCost
	case pair:
		return shiftWordCost
	}
	return shiftLoneCost + 2
}

// privateUse reports text that is all private-use characters: no text is
// written in them, so a reading of them need not be Chinese (a stray byte
// pairs with an ASCII letter into a user-defined code: "\ue4d2x" is "xx").
func privateUse(rs []rune) bool {
	for _, r := range rs {
		if r < 0xe000 || r > 0xf8ff {
			return false
		}
	}
	return len(rs) > 0
}

// noHan reports whether rs holds no Han character.
func noHan(rs []rune) bool {
	for _, r := range rs {
		if r >= 0x80 && unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// formsPair reports whether a reading, between prev and next, holds a
// character pair the model counted inside a word.
func formsPair(lm *langmodel.Model, prev rune, ps []piece, next rune) bool {
	last := prev
	for _, pc := range ps {
		if pc.dropped {
			continue
		}
		if pc.lost {
			last = -1
			continue
		}
		if last >= 0 && lm.PairSeen(last, pc.r) {
			return true
		}
		last = pc.r
	}
	return last >= 0 && next >= 0 && lm.PairSeen(last, next)
}

// rare is the unigram log probability below which a character is rare.
const rare = -11.0

// allRare reports whether every non-ASCII character of rs is rare.
func allRare(lm *langmodel.Model, rs []rune) bool {
	for _, r := range rs {
		if r >= 0x80 && lm.UnigramLogProb(r) >= rare {
			return false
		}
	}
	return true
}

// holdsUTF8 reports bytes with at least one multi-byte UTF-8 character: a
// reading as UTF-8 cannot restore anything otherwise.
func holdsUTF8(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0xc2 && b[i] <= 0xf4 {
			if _, n := utf8.DecodeRune(b[i:]); n > 1 {
				return true
			}
		}
	}
	return false
}

// score is the log probability of one piece of a reading, read with s
// after the pieces before it: the model's score, less the penalties for a
// lost position and for an ASCII character made out of a multi-byte one.
func (e *encoded) score(s *langmodel.Scorer, m *mechanism, pc piece) float64 {
	switch {
	case pc.lost:
		return s.Next(utf8.RuneError) - lostCost*float64(pc.end-pc.start)
	case pc.r == utf8.RuneError:
		s.Next(utf8.RuneError)
		return decodedReplacement
	}
	lp := s.Next(pc.r)
	if e.asciiPays(m, pc) {
		lp -= asciiCost
	}
	return lp
}

// asciiPays reports whether the reading pc pays asciiCost: an ASCII
// character made of a byte inside a character found, unless a frame
// shift makes it the start of a Latin word or the trail of a private-use
// character.
func (e *encoded) asciiPays(m *mechanism, pc piece) bool {
	return pc.r < 0x80 && !e.isB[pc.start] && !(m.shift && (e.startsWord(pc) || e.inPrivateUse(pc.start) || e.closesOpen(pc)))
}

// closesOpen reports an ASCII ] or } read out of a character found where
// its opener is open on the line before: a frame shift ran on to the
// closer and read its byte as a trail (选蚕頬 for 选项]). Such pieces are
// rare, so the window is walked back from them only.
func (e *encoded) closesOpen(pc piece) bool {
	var op rune
	switch pc.r {
	case ']':
		op = '['
	case '}':
		op = '{'
	default:
		return false
	}
	k, found := slices.BinarySearch(e.bounds, pc.start)
	if !found {
		k-- // pc starts inside character k-1 as found
	}
	depth := 0
	for i := k - 1; i >= 0 && i < len(e.win) && e.win[i] != '\n'; i-- {
		switch e.win[i] {
		case pc.r:
			depth--
		case op:
			if depth++; depth > 0 {
				return true
			}
		}
	}
	return false
}

// inPrivateUse reports whether byte p is the trail of a private-use
// character found: read out of step, such a character is no coincidence
// of codes to keep (no text writes it), so the ASCII its trail byte
// makes pays no asciiCost (药\ue6c9 for │c at a table row's start).
func (e *encoded) inPrivateUse(p int) bool {
	for _, q := range e.pua {
		if q.start < p && p < q.end {
			return true
		}
	}
	return false
}

// opensWord reports a reading that opens a quote or bracket before the
// first letter of a Latin word (“f of “foo”, （i of （imagemagick）):
// inside a line too, that is a mark read out of step.
func opensWord(ps []piece) bool {
	k := 0
	for k < len(ps) && ps[k].dropped {
		k++
	}
	return k < len(ps)-1 && opens(ps[k].r) && asciiLetter(ps[len(ps)-1].r)
}

// closedAhead reports whether the rest of the line (after) closes the
// mark a reading opens with (see opensWord) before opening another.
func closedAhead(ps []piece, after []rune) bool {
	k := 0
	for k < len(ps) && ps[k].dropped {
		k++
	}
	op := ps[k].r
	for _, r := range after {
		switch {
		case r == '\n', r == op:
			return false
		case pairOf[r] == op:
			return true
		}
	}
	return false
}

// punctOnly reports a reading of Chinese punctuation alone: "（" of "（一）"
// read out of step at a line start, or before the letter a Latin word
// starts with. A table's rule counts as punctuation: "│c" opens a row.
func punctOnly(ps []piece) bool {
	n := 0
	for i, pc := range ps {
		switch {
		case pc.dropped:
		case i == len(ps)-1 && n > 0 && asciiLetter(pc.r):
			// The first letter of a Latin word the punctuation opens
			// (“exit”, （Linux）): the last character ate it.
		case pc.lost || pc.r < 0x80:
			return false
		case !unicode.Is(unicode.Han, pc.r) && chineseText(pc.r) || boxRule(pc.r):
			n++
		default:
			return false
		}
	}
	return n > 0
}

// dropsPairs reports whether m reads UTF-8 that a Big5 reader garbled and
// the text shows that reader to be a WHATWG one (browsers, x/text, most
// crawlers): only such a reader gives characters of lead bytes outside
// A1-F9 (HKSCS, 𦯀 of 97 E4), and it drops a pair it cannot read whole,
// where Python's and glibc's readers drop one byte. Checked once a call,
// for a window with a U+FFFD in it.
func (sc *scratch) dropsPairs(m *mechanism, win []rune) bool {
	if m.wrong.name != "big5" || m.right.name != "utf-8" || !slices.Contains(win, utf8.RuneError) {
		return false // only a window with a loss asks: the text is long
	}
	if sc.wholePairs == 0 {
		sc.wholePairs = -1
		var buf [4]byte
		for _, r := range sc.text {
			if r < 0x3400 {
				continue
			}
			if b, ok := m.wrong.encode(buf[:0], r); ok && len(b) == 2 && (b[0] < 0xa1 || b[0] > 0xf9) {
				sc.wholePairs = 1
				break
			}
		}
	}
	return sc.wholePairs > 0
}
