package pinyin

// matcher decides whether normalized annotation units spell one reading of
// each of the nearest N base characters. It matches from the end of the
// annotation backwards, so the syllable count N falls out of the match and
// a run-together string (shìguānquánjú, zhàngài) is segmented exactly where
// the characters' own readings allow — never by a syllable table alone.
type matcher struct {
	t      *tables
	u      []byte
	bases  []*readingSet // nearest first; nil = a lost character, any syllable
	zhuyin bool
	tones  int // tone units allowed at one boundary
	// failed[i] has bit j set when matching units [0,i) against bases from
	// j on is known to fail; keeps the search linear in practice.
	failed [maxUnits + 2]uint32
}

// run returns the number of characters the annotation covers, or 0 when it
// is not a reading of the characters before it.
func (m *matcher) run(t *tables, c content, bases []*readingSet) int {
	m.t, m.u, m.bases = t, c.units, bases
	m.zhuyin = c.script == scriptZhuyin
	m.tones = 1
	if m.zhuyin {
		m.tones = 2 // ㄋㄞˇ˙ㄋㄞ: a tone after one syllable, ˙ before the next
	}
	clear(m.failed[:len(m.u)+1])
	return m.match(len(m.u), 0)
}

func isToneUnit(c byte) bool { return c >= '0' && c <= '5' }

// boundary skips separators and tone units before i; -1 when there are more
// tones than a syllable boundary can carry.
func (m *matcher) boundary(i int) int {
	tones := 0
	for i > 0 {
		c := m.u[i-1]
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

func (m *matcher) match(i, j int) int {
	i = m.boundary(i)
	if i < 0 {
		return 0
	}
	if i == 0 {
		return j
	}
	if j == len(m.bases) || m.failed[i]&(1<<j) != 0 {
		return 0
	}
	if b := m.bases[j]; b != nil {
		readings := b.py
		if m.zhuyin {
			readings = b.zy
		}
		for _, r := range readings {
			if len(r) <= i && unitsEqual(m.u[i-len(r):i], r) {
				if n := m.match(i-len(r), j+1); n > 0 {
					return n
				}
			}
		}
	} else {
		syllables, longest := m.t.pySyllables, m.t.maxPy
		if m.zhuyin {
			syllables, longest = m.t.zySyllables, m.t.maxZy
		}
		for l := 1; l <= longest && l <= i; l++ {
			if _, ok := syllables[string(m.u[i-l:i])]; ok {
				if n := m.match(i-l, j+1); n > 0 {
					return n
				}
			}
		}
	}
	m.failed[i] |= 1 << j
	return 0
}
