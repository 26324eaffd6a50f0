package extractors

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// sentenceMarks is what one pass over a sentence's bytes finds for every
// extractor: where each kind's candidate marks are. Each kind used to
// search the sentence for its own marks (lengthUnits, moneyUnits,
// percentMarks, tenthsMarks, the 由/从 and lost-character searches), one
// pass each; the extractors now read these instead.
type sentenceMarks struct {
	length  [][2]int // lengthUnits(text)
	money   [][2]int // moneyUnits(text)
	percent [][2]int // percentMarks(text)
	from    []int    // every 由 and 从
	lost    []int    // every U+FFFD
	tenths  []int    // every 成 (tenthsMarks asks what goes before it)
}

// reset empties m, keeping its buffers for the next sentence.
func (m *sentenceMarks) reset() {
	m.length, m.money, m.percent = m.length[:0], m.money[:0], m.percent[:0]
	m.from, m.lost, m.tenths = m.from[:0], m.lost[:0], m.tenths[:0]
}

// Characters that begin a mark, as markRune tells them.
const (
	mrNone    = iota
	mrGong    // 公 of 公里
	mrQian    // 千 of 千米
	mrKelvin  // U+212A, a k of km in regexp's case folding
	mrYuan    // 元
	mrYiWan   // 亿, 万
	mrPercent // ％
	mrBai     // 百 of 百分之
	mrFrom    // 由, 从
	mrLost    // U+FFFD
	mrCheng   // 成
	// %, k and K: the ASCII bytes scanMarksOf reads (it does not look
	// them up), marked so that skipPlain stops at them
	mrASCII
)

// markRunes gives the characters of the Basic Multilingual Plane that begin
// a mark their code (mrNone for the others, most of a text).
var markRunes = sync.OnceValue(func() *[0x10000]uint8 {
	t := new([0x10000]uint8)
	for r, code := range map[rune]uint8{
		'公': mrGong, '千': mrQian, '\u212A': mrKelvin, '元': mrYuan, '亿': mrYiWan, '万': mrYiWan,
		'％': mrPercent, '百': mrBai, '由': mrFrom, '从': mrFrom, '\uFFFD': mrLost, '成': mrCheng,
		'%': mrASCII, 'k': mrASCII, 'K': mrASCII,
	} {
		t[r] = code
	}
	return t
})

// scanMarksOf fills m (reset first) with the marks of t in one pass. A
// mark starts with no continuation byte, so stepping past a whole valid
// character (or one byte of anything else) visits every place a byte-wise
// search for it could match, as the searches it replaces did; they never
// matched overlapping, so each mark is recorded where it starts.
func scanMarksOf(t string, m *sentenceMarks) {
	m.reset()
	codes := markRunes()
	for i := 0; i < len(t); {
		if i = skipPlain(t, i, codes, 0xff); i == len(t) {
			break
		}
		c := t[i]
		if c < utf8.RuneSelf {
			switch c {
			case '%':
				m.percent = append(m.percent, [2]int{i, i + 1})
			case 'k', 'K':
				if i+1 < len(t) && (t[i+1] == 'm' || t[i+1] == 'M') {
					m.length = append(m.length, [2]int{i, i + 2})
				}
			}
			i++
			continue
		}
		r, ok := decode3(t, i)
		if !ok {
			// no mark is a character of another size, nor invalid
			// UTF-8 (E0 and ED leads begin none either)
			i += stepPast(t, i)
			continue
		}
		switch codes[r] {
		case mrNone:
		case mrGong:
			if strings.HasPrefix(t[i+3:], "里") {
				m.length = append(m.length, [2]int{i, i + 6})
			}
		case mrQian:
			if strings.HasPrefix(t[i+3:], "米") {
				m.length = append(m.length, [2]int{i, i + 6})
			}
		case mrKelvin:
			if j := i + 3; j < len(t) && (t[j] == 'm' || t[j] == 'M') {
				m.length = append(m.length, [2]int{i, j + 1})
			}
		case mrYuan:
			m.money = append(m.money, [2]int{i, i + 3})
		case mrYiWan:
			if moneyScaleEnds(t[i+3:]) {
				m.money = append(m.money, [2]int{i + 3, i + 3}) // the unit is empty: 亿 is part of the number
			}
		case mrPercent:
			m.percent = append(m.percent, [2]int{i, i + 3})
		case mrBai:
			if strings.HasPrefix(t[i+3:], "分之") {
				m.percent = append(m.percent, [2]int{i, i + len("百分之")})
			}
		case mrFrom:
			m.from = append(m.from, i)
		case mrLost:
			m.lost = append(m.lost, i)
		case mrCheng:
			m.tenths = append(m.tenths, i)
		}
		i += 3
	}
}

// moneyScaleEnds reports whether a 亿 or 万 followed by rest is a money
// unit on its own: it closes a clause, with no 元 or 亿 after it.
func moneyScaleEnds(rest string) bool {
	if strings.HasPrefix(rest, "元") || strings.HasPrefix(rest, "亿") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || isClauseBreak(next) || isSpace(next) ||
		next == '。' || next == '、' || next == '\n' || strings.HasPrefix(rest, "人民币")
}

// marks returns the sentence's marks, scanning it on the first call.
func (s *Sentence) marks() *sentenceMarks {
	if !s.marksDone {
		scanMarksOf(s.Text, &s.marksBuf)
		s.marksDone = true
	}
	return &s.marksBuf
}
