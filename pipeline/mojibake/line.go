package mojibake

import (
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

// lineReading is the reading of a whole line under a mechanism.
type lineReading struct {
	m    *mechanism
	gain float64
	reps []replacement
}

// readLine reads every character of the line text[a:z] under m and returns
// the replacements, one per stretch of changed characters, with the gain
// in log probability over the line as found (the mechanism's cost paid).
// ok is false when the reading is not clearly more probable or does not
// read like Chinese.
func (r *Repairer) readLine(sc *scratch, text string, a, z int, m *mechanism) (lineReading, bool) {
	win, offs := sc.win[:0], sc.offs[:0]
	for i, c := range text[a:z] {
		win = append(win, c)
		offs = append(offs, a+i)
	}
	offs = append(offs, z)
	sc.win, sc.offs = win, offs
	wide := 0
	for _, c := range win {
		if c >= 0x80 {
			wide++
		}
	}
	if wide < 2 {
		return lineReading{}, false
	}
	e, ok := encodeWindow(&sc.enc, win, m.wrong)
	if !ok {
		return lineReading{}, false
	}
	left, right := rune(-1), rune(-1)
	if a > 0 {
		left, _ = utf8.DecodeLastRuneInString(text[:a])
	}
	if z < len(text) {
		right, _ = utf8.DecodeRuneInString(text[z:])
	}
	start := r.lm.Scorer()
	if left >= 0 {
		start.Next(left)
	}
	so, sr := start, start
	orig, cand, model := 0.0, -lineCost, 0.0
	n, han, other := 0, 0, 0
	for _, c := range win {
		orig += so.Next(c)
	}
	// Read the bytes in one pass; a piece whose bytes end on a character
	// boundary closes a segment of the window.
	var reps []replacement
	var lost []int // lost positions per replacement
	k := 0         // first character of the open segment
	var seg []rune
	segLost := 0
	flush := func(p int) {
		j := k
		for j < len(win) && e.bounds[j] < p {
			j++
		}
		same := j-k == len(seg)
		for x := 0; same && x < len(seg); x++ {
			same = seg[x] == win[k+x]
		}
		if !same {
			from, to := offs[k], offs[j]
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
	for p := 0; p < len(e.b); {
		pc := e.readAt(m, p)
		switch {
		case pc.lost:
			cand += sr.Next(utf8.RuneError) - lostCost*float64(pc.end-pc.start)
			segLost++
		case pc.r == utf8.RuneError:
			sr.Next(utf8.RuneError)
			cand += decodedReplacement
		default:
			lp := sr.Next(pc.r)
			if pc.r < 0x80 && !e.isB[p] {
				lp -= asciiCost
			}
			cand += lp
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
		seg = append(seg, pc.r)
		p = pc.end
		if p >= len(e.b) || e.isB[p] {
			flush(p)
		}
	}
	if right >= 0 {
		orig += so.Next(right)
		cand += sr.Next(right)
	}
	if r.trace != nil {
		r.trace(text[a:z], m.reason, cand-orig+lineCost, model/float64(max(n, 1)), n, han, other)
	}
	need := plausibleConfused
	if cand-orig > 3*lineCost {
		// A long reading that gains this much may read like rarer text
		// than prose (classical poems): the ordinary bar holds.
		need = plausible
	}
	if len(reps) == 0 || cand <= orig || n == 0 || han == 0 || other > han || model/float64(n) < need {
		return lineReading{}, false
	}
	for i := range reps {
		reps[i].reason = m.reason + lostNote(lost[i])
	}
	return lineReading{m: m, gain: cand - orig, reps: reps}, true
}
