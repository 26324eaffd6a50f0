package pinyin

// matcher decides whether normalized annotation units spell one reading of
// each of the nearest N base characters. It matches from the end of the
// annotation backwards, so the syllable count N falls out of the match and
// a run-together string (shìguānquánjú, zhàngài) is segmented exactly where
// the characters' own readings allow — never by a syllable table alone.
// It is embedded in state, which gives it the characters before the
// annotation (baseAt), so one Strip call's work stays on the stack.
type matcher struct {
	nu int // the annotation's units are state.buf[:nu]

	lost   bool // the characters were lost: any syllable matches each
	nBases int  // characters available (lost) or allowed
	zhuyin bool
	tones  int // tone units allowed at one boundary
	// failed[i] has bit j set when matching units [0,i) against bases from
	// j on is known to fail; keeps the search linear in practice.
	failed [maxUnits + 2]uint32
}

// run returns the number of characters the annotation covers, or 0 when it
// is not a reading of the characters before it.
func (m *state) run(c content, lost bool, n int) int {
	// c.units lives in m.buf; keeping only its length (not the slice) keeps
	// state free of pointers into itself, so it stays on the stack.
	m.nu, m.lost, m.nBases = len(c.units), lost, n
	m.zhuyin = c.script == scriptZhuyin
	m.tones = 1
	if m.zhuyin {
		m.tones = 2 // ㄋㄞˇ˙ㄋㄞ: a tone after one syllable, ˙ before the next
	}
	clear(m.failed[:m.nu+1])
	return m.match(m.nu, 0)
}

func isToneUnit(c byte) bool { return c >= '0' && c <= '5' }

// boundary skips separators and tone units before i; -1 when there are more
// tones than a syllable boundary can carry.
func (m *state) boundary(i int) int {
	tones := 0
	for i > 0 {
		c := m.buf[i-1]
		switch {
		case c == unitSep:
		case isToneUnit(c):
			if tones == m.tones {
				return -1
			}
			tones++
		default:
			return i
		}
		i--
	}
	return i
}

func (m *state) match(i, j int) int {
	i = m.boundary(i)
	if i < 0 {
		return 0
	}
	if i == 0 {
		return j
	}
	if j == m.nBases || m.failed[i]&(1<<j) != 0 {
		return 0
	}
	if !m.lost {
		b := m.baseAt(j)
		if b == nil {
			return 0
		}
		readings := b.py
		if m.zhuyin {
			readings = b.zy
		}
		for _, r := range readings {
			if len(r) <= i && unitsEqual(m.buf[i-len(r):i], r) {
				if n := m.match(i-len(r), j+1); n > 0 {
					return n
				}
			}
		}
	} else {
		t := m.t
		syllables, longest := t.pySyllables, t.maxPy
		if m.zhuyin {
			syllables, longest = t.zySyllables, t.maxZy
		}
		for l := 1; l <= longest && l <= i; l++ {
			if _, ok := syllables[string(m.buf[i-l:i])]; ok {
				if n := m.match(i-l, j+1); n > 0 {
					return n
				}
			}
		}
	}
	m.failed[i] |= 1 << j
	return 0
}
