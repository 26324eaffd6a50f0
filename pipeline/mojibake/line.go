package mojibake

import (
	"github.com/zhextract/zhextract/pipeline/langmodel"

	"unicode"
	"unicode/utf8"
)

// A page read with the other double-byte code (Big5 for GBK or back)
// garbles every character of a line, not a few: the line is judged as a
// whole, its reading against the line as found, with one cost for the line.
// Runs of a few characters between ASCII words ("2.2.4. aptitude 腔偌瑩堂隅")
// are then judged with the rest of their line instead of each on its own.

// lineCost is paid once for a line read with the other double-byte code.
// Measured on 17 MB of clean text, the best reading of a clean Chinese line
// gains at most 5.4 nats; the misread lines of the benchmark gain from 13.7
// (a heading of four characters) to hundreds.
const lineCost = 12.0

// lineBail is how far a line's reading may fall behind the line as found
// before it is given up: a reading that loses this much on a stretch of
// the line would garble that stretch even if the rest gained.
const lineBail = 40.0

// lineReading is the reading of a whole line under a mechanism.
type lineReading struct {
	m    *mechanism
	gain float64
	reps []replacement
}

// lineScan is a line's characters and their score as found, kept while
// the mechanisms read the same line.
type lineScan struct {
	a, z        int
	ok          bool
	win         []rune
	offs        []int
	wide        int
	left, right rune
	// cum[k] is the score of win[:k] as found, filled on demand by cumAt:
	// most lines' readings are given up early, and lines can be long.
	cum []float64
	so  langmodel.Scorer // the scorer after win[:len(cum)-1]
}

// scanLine fills sc.line for text[a:z], or keeps it when it holds that line.
func (r *Repairer) scanLine(sc *scratch, text string, a, z int) *lineScan {
	l := &sc.line
	if l.ok && l.a == a && l.z == z {
		return l
	}
	l.a, l.z, l.ok = a, z, true
	l.win, l.offs, l.wide = l.win[:0], l.offs[:0], 0
	for i, c := range text[a:z] {
		l.win = append(l.win, c)
		l.offs = append(l.offs, a+i)
		if c >= 0x80 {
			l.wide++
		}
	}
	l.offs = append(l.offs, z)
	l.left, l.right = -1, -1
	if a > 0 {
		l.left, _ = utf8.DecodeLastRuneInString(text[:a])
	}
	if z < len(text) {
		l.right, _ = utf8.DecodeRuneInString(text[z:])
	}
	l.so = r.lm().Scorer()
	if l.left >= 0 {
		l.so.Next(l.left)
	}
	l.cum = append(l.cum[:0], 0)
	return l
}

// cumAt returns the score of win[:k] as found.
func (l *lineScan) cumAt(k int) float64 {
	for n := len(l.cum) - 1; n < k; n++ {
		l.cum = append(l.cum, l.cum[n]+l.so.Next(l.win[n]))
	}
	return l.cum[k]
}

// orig is the score of the line as found, with the character after it.
func (l *lineScan) orig() float64 {
	o := l.cumAt(len(l.win))
	if l.right >= 0 {
		so := l.so
		o += so.Next(l.right)
	}
	return o
}

// linePrefix is how many characters of a long line are read first, so
// that a clean paragraph is given up without encoding all of it.
const linePrefix = 64

// readLine reads every character of the line text[a:z] under m and returns
// the replacements, one per stretch of changed characters, with the gain
// in log probability over the line as found (the mechanism's cost paid).
// ok is false when the reading is not clearly more probable or does not
// read like Chinese.
func (r *Repairer) readLine(sc *scratch, text string, a, z int, m *mechanism) (lineReading, bool) {
	l := r.scanLine(sc, text, a, z)
	if l.wide < 2 {
		return lineReading{}, false
	}
	if len(l.win) > linePrefix && r.givesUp(sc, l, m) {
		return lineReading{}, false
	}
	e, ok := encodeWindow(&sc.enc, l.win, m.wrong, m.right.name == "utf-8", sc.dropsPairs(m, l.win), l.right)
	if !ok {
		return lineReading{}, false
	}
	// Score the reading first; most lines are clean and fail, and only a
	// reading taken is cut into replacements.
	sr := r.lm().Scorer()
	if l.left >= 0 {
		sr.Next(l.left)
	}
	cand, model := -lineCost, 0.0
	n, han, other := 0, 0, 0
	changed := false
	k := 0 // the character at p, when p is a boundary
	for p := 0; p < len(e.b); {
		for k < len(l.win) && e.bounds[k] < p {
			k++
		}
		if k&15 == 15 && e.isB[p] && cand+lineCost-l.cumAt(k) < -lineBail {
			// The reading has lost so much on the way that the line
			// as a whole would be garbled where it reads well now.
			return lineReading{}, false
		}
		pc := e.readAt(m, p)
		lp := e.score(&sr, m, pc)
		cand += lp
		if !pc.lost && pc.r != utf8.RuneError {
			if pc.r >= 0x80 {
				model += lp
				n++
				switch {
				case unicode.Is(unicode.Han, pc.r):
					han++
				case pc.r >= 0x3000 && pc.r <= 0x303f || pc.r >= 0xff01 && pc.r <= 0xff65 || pc.r >= 0x2010 && pc.r <= 0x2027:
				default:
					other++
				}
			}
		}
		if !changed {
			changed = !e.isB[p] || pc.end != e.bounds[k+1] || pc.r != l.win[k]
		}
		p = pc.end
	}
	if l.right >= 0 {
		cand += sr.Next(l.right)
	}
	orig := l.orig()
	if r.trace != nil {
		r.trace(text[a:z], m.reason, cand-orig+lineCost, model/float64(max(n, 1)), n, han, other)
	}
	need := plausibleConfused
	if cand-orig > 3*lineCost {
		// A long reading that gains this much may read like rarer text
		// than prose (classical poems): the ordinary bar holds.
		need = plausible
	}
	if !changed || cand <= orig || n == 0 || han == 0 || other > han || model/float64(n) < need {
		return lineReading{}, false
	}
	return lineReading{m: m, gain: cand - orig, reps: lineReps(e, m, l)}, true
}

// givesUp reads the first linePrefix characters of a long line as readLine
// does and reports whether readLine would give the reading up there. The
// checks stop 16 characters short of the prefix's end, so every byte they
// read is one the whole line holds too.
func (r *Repairer) givesUp(sc *scratch, l *lineScan, m *mechanism) bool {
	e, ok := encodeWindow(&sc.enc, l.win[:linePrefix], m.wrong, m.right.name == "utf-8", sc.dropsPairs(m, l.win[:linePrefix]), unknownAfter)
	if !ok {
		return true // the whole line cannot be encoded either
	}
	sr := r.lm().Scorer()
	if l.left >= 0 {
		sr.Next(l.left)
	}
	cand := -lineCost
	k := 0
	for p := 0; p < len(e.b); {
		for k < linePrefix && e.bounds[k] < p {
			k++
		}
		if k >= linePrefix-16 {
			return false
		}
		if k&15 == 15 && e.isB[p] && cand+lineCost-l.cumAt(k) < -lineBail {
			return true
		}
		pc := e.readAt(m, p)
		cand += e.score(&sr, m, pc)
		p = pc.end
	}
	return false
}

// lineReps cuts the reading of a line into replacements, one per stretch
// of changed characters; a stretch ends where a read character ends on a
// character boundary of the line as found.
func lineReps(e encoded, m *mechanism, l *lineScan) []replacement {
	var reps []replacement
	var lost []int // lost positions per replacement
	k := 0         // first character of the open segment
	var seg []rune
	segLost := 0
	for p := 0; p < len(e.b); {
		pc := e.readAt(m, p)
		if pc.lost {
			segLost++
		}
		seg = append(seg, pc.r)
		p = pc.end
		if p < len(e.b) && !e.isB[p] {
			continue
		}
		j := k
		for j < len(l.win) && e.bounds[j] < p {
			j++
		}
		same := j-k == len(seg)
		for x := 0; same && x < len(seg); x++ {
			same = seg[x] == l.win[k+x]
		}
		if !same {
			from, to := l.offs[k], l.offs[j]
			if len(reps) > 0 && reps[len(reps)-1].end == from {
				reps[len(reps)-1].end = to
				reps[len(reps)-1].repl += string(seg)
				lost[len(lost)-1] += segLost
			} else {
				reps = append(reps, replacement{start: from, end: to, repl: string(seg)})
				lost = append(lost, segLost)
			}
		}
		k, seg, segLost = j, seg[:0], 0
	}
	for i := range reps {
		reps[i].reason = m.reason + lostNote(lost[i])
	}
	return reps
}
