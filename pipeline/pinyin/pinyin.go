// Package pinyin removes inline reading annotations that sites insert after
// Chinese characters — 精简(jīngjiǎn), 引領(lǐng), 領(ㄌㄧㄥˇ) — so that later
// stages see the text a reader sees.
//
// An annotation is a parenthesized run (ASCII or full-width parentheses) of
// pinyin or zhuyin syllables that spells, syllable by syllable, one reading of
// each of the N characters just before it, where N is its syllable count.
// Readings, heteronyms included, come from github.com/mozillazg/go-pinyin
// (generated into data/tables.bin, see tables.go);
// zhuyin readings are derived from them. Tones are ignored when matching
// (sites write sandhi and neutral tones a dictionary does not list): the
// syllables must match, which is what keeps (China), (an) or (GDP) after
// characters they do not spell. Nothing but the annotation is ever removed.
//
// Details that follow from the definition: stacked annotations each annotate
// the characters before them once earlier annotations are gone
// (党员(yuán)(dǎngyuán), 的(de)(de)(de)); an annotation inside a parenthesis
// goes and the parenthesis stays (縣(區(qū)) becomes 縣(區)); one space between
// the characters and the annotation goes with it; all-capital toneless text
// is an acronym and stays ((GDP), (BEIJING)); a romanization that does spell
// the characters is their reading and goes (北京(Beijing)). Readings match
// with ü written ü, v or u:, and u for ü, but v never stands for u (fv is
// not fu).
//
// Characters lost to mojibake. When the characters just before an annotation
// are lost-character markers ('?' or U+FFFD, as the decode and mojibake
// stages leave them), the base cannot be checked. Such an annotation is still
// removed when it is unmistakably pinyin — it carries a tone mark or tone
// number and is at most as many valid syllables as there are markers — because
// its base is gone and the reading alone is noise; the marker stays, so the
// loss stays visible. The same holds for the remnant of an annotation whose
// opening parenthesis was lost with its character, as in 勇?lián)通 (seed 002):
// "lián)" is removed when it follows the marker directly, is tone-marked
// pinyin and no parenthesis is open on its line. Toneless text after a
// marker, such as "?an)", is kept: it could be anything.
package pinyin

import (
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Stage is the name edits carry.
const Stage = "pinyin"

const (
	maxBase      = 16  // characters one annotation may cover
	maxLost      = 16  // lost-character markers considered before an annotation
	orphanWindow = 512 // bytes searched back for an open parenthesis
)

// Stripper removes reading annotations. It holds only immutable tables and
// is safe for concurrent use.
type Stripper struct{}

// New returns a Stripper; the readings tables are built on first use and
// shared by every Stripper.
func New() *Stripper {
	return &Stripper{}
}

// tables returns the shared readings tables, building them on the first
// text that holds a closing parenthesis: a run whose texts hold none (most
// single small files) starts without the 100 ms they take.
func (s *Stripper) tables() *tables { return loadTables() }

type span struct{ start, end int }

// removal is an annotation to remove; its reason is reasons[r0:r1].
type removal struct {
	span
	r0, r1 int
}

// Strip returns text without its reading annotations and one edit per
// removed annotation, with offsets into text.
func (s *Stripper) Strip(text string) (string, []textedit.Edit) {
	// Every annotation ends with a closing parenthesis.
	if strings.IndexByte(text, ')') < 0 && !strings.Contains(text, "）") {
		return text, nil
	}
	st := state{t: s.tables(), text: text}
	nextASCII, nextFull := -2, -2 // cached positions of the next ')' and '）'; -2 = unknown
	for pos := 0; pos < len(text); {
		if nextASCII != -1 && nextASCII < pos {
			nextASCII = indexFrom(text, pos, ")")
		}
		if nextFull != -1 && nextFull < pos {
			nextFull = indexFrom(text, pos, "）")
		}
		q, qlen := nextASCII, 1
		if q < 0 || (nextFull >= 0 && nextFull < q) {
			q, qlen = nextFull, len("）")
		}
		if q < 0 {
			break
		}
		pos = q + qlen
		st.candidate(q, q+qlen)
	}
	if len(st.removed) == 0 {
		return text, nil
	}
	// One allocation for all reasons: annotated pages carry hundreds.
	reasons := string(st.reasons)
	b := textedit.NewBuilder(text, Stage)
	for _, r := range st.removed {
		b.Replace(r.start, r.end, "", reasons[r.r0:r.r1])
	}
	return b.String(), b.Edits()
}

func indexFrom(s string, from int, sub string) int {
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}

// state is the work of one Strip call.
type state struct {
	t       *tables
	text    string
	removed []removal
	reasons []byte
	matcher
	buf       [maxUnits + 8]byte
	bases     [maxBase]*readingSet
	baseRunes [maxBase]rune // nearest first
	nBase     int           // characters gathered so far
	basePos   int           // where the next one ends
	baseIdx   int           // last removal not yet passed
	baseDone  bool          // no more characters
}

// candidate examines the closing parenthesis at [q, qe).
func (st *state) candidate(q, qe int) {
	text := st.text
	start := q
	for n := 0; start > 0; n++ {
		if n == maxUnits {
			return
		}
		if c := text[start-1]; c < utf8.RuneSelf {
			// ASCII: most of a pinyin annotation, and cheaper than decoding.
			if !asciiContent[c] {
				break
			}
			start--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isContentRune(r) {
			break
		}
		start -= size
	}
	if start == q || start == 0 {
		return
	}
	c, ok := normalize(text[start:q], st.buf[:])
	if !ok || c.acronym {
		return
	}
	o, osize := utf8.DecodeLastRuneInString(text[:start])
	switch o {
	case '(', '（':
		st.annotation(start-osize, q, qe, c)
	case '?', utf8.RuneError:
		if o == utf8.RuneError && osize != len("\uFFFD") {
			return // an invalid byte, not a marker
		}
		st.orphan(start, qe, c)
	}
}

// startBase prepares to gather the characters with readings that end at p,
// nearest first; baseAt gathers them only as far as a match asks.
func (st *state) startBase(p int) {
	st.nBase, st.basePos, st.baseIdx, st.baseDone = 0, p, len(st.removed)-1, false
}

// baseAt returns the readings of the j-th character before the annotation
// (0 = nearest), skipping annotations already removed
// (党(dǎng)员(yuán)(dǎngyuán)), or nil when there is no such character.
func (st *state) baseAt(j int) *readingSet {
	for st.nBase <= j && !st.baseDone {
		p := st.basePos
		for st.baseIdx >= 0 && st.removed[st.baseIdx].end >= p {
			if st.removed[st.baseIdx].end == p {
				p = st.removed[st.baseIdx].start
			}
			st.baseIdx--
		}
		if p == 0 || st.nBase == maxBase {
			st.baseDone = true
			break
		}
		r, size := utf8.DecodeLastRuneInString(st.text[:p])
		rs := st.t.lookup(r)
		if rs == nil {
			st.baseDone = true
			break
		}
		st.bases[st.nBase] = rs
		st.baseRunes[st.nBase] = r
		st.basePos = p - size
		st.nBase++
	}
	if j < st.nBase {
		return st.bases[j]
	}
	return nil
}

// skipRemoved returns the position before p, past annotations already removed.
func (st *state) skipRemoved(p int) int {
	for i := len(st.removed) - 1; i >= 0 && st.removed[i].end == p; i-- {
		p = st.removed[i].start
	}
	return p
}

// lostBefore counts the lost-character markers that end at p.
func (st *state) lostBefore(p int) int {
	n := 0
	for n < maxLost && p > 0 {
		r, size := utf8.DecodeLastRuneInString(st.text[:p])
		if r != '?' && !(r == utf8.RuneError && size == len("\uFFFD")) {
			break
		}
		p -= size
		n++
	}
	return n
}

// annotation examines "(" content ")" at [os, qe).
func (st *state) annotation(os, q, qe int, c content) {
	from := os
	st.startBase(os)
	if st.baseAt(0) == nil && os > 0 && st.text[os-1] == ' ' {
		// One space between the characters and their reading: 深入 (shēnrù).
		if st.startBase(os - 1); st.baseAt(0) != nil {
			from = os - 1
		}
	}
	if st.baseAt(0) != nil {
		if n := st.run(c, false, maxBase); n > 0 {
			st.remove(from, qe, c.script, st.baseRunes[:n], false)
		}
		return
	}
	if !c.hasTone {
		return
	}
	if lost := st.lostBefore(st.skipRemoved(os)); lost > 0 {
		if n := st.run(c, true, lost); n > 0 {
			st.remove(from, qe, c.script, nil, false)
		}
	}
}

// orphan examines content ")" at [cs, qe) whose opening parenthesis is
// missing and that follows a lost-character marker directly.
func (st *state) orphan(cs, qe int, c content) {
	if !c.hasTone || c.script != scriptPinyin || st.openParen(cs) {
		return
	}
	lost := st.lostBefore(cs)
	if lost == 0 {
		return
	}
	if n := st.run(c, true, lost); n > 0 {
		st.remove(cs, qe, c.script, nil, true)
	}
}

// openParen reports whether a parenthesis opened before p on the same line
// is still open there, in which case a lone ")" closes it.
func (st *state) openParen(p int) bool {
	depth := 0
	for lim := max(0, p-orphanWindow); p > lim; {
		r, size := utf8.DecodeLastRuneInString(st.text[:p])
		p -= size
		switch r {
		case '\n':
			return false
		case ')', '）':
			depth++
		case '(', '（':
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// remove records the removal of [start, end); base is the annotated text in
// reading order, nearest character first (empty when it was lost).
func (st *state) remove(start, end int, sc script, base []rune, orphan bool) {
	if st.removed == nil {
		// At most one removal per closing parenthesis; counting them is
		// cheaper than growing the slice on a densely annotated page.
		n := strings.Count(st.text[start:], ")") + strings.Count(st.text[start:], "）")
		st.removed = make([]removal, 0, n)
		st.reasons = make([]byte, 0, n*40) // "pinyin annotation of " and a word
	}
	r0 := len(st.reasons)
	if sc == scriptZhuyin {
		st.reasons = append(st.reasons, "zhuyin"...)
	} else {
		st.reasons = append(st.reasons, "pinyin"...)
	}
	switch {
	case orphan:
		st.reasons = append(st.reasons, " annotation remnant without its opening parenthesis, after a lost character"...)
	case len(base) == 0:
		st.reasons = append(st.reasons, " annotation of a lost character"...)
	default:
		st.reasons = append(st.reasons, " annotation of "...)
		for i := len(base) - 1; i >= 0; i-- {
			st.reasons = utf8.AppendRune(st.reasons, base[i])
		}
	}
	st.removed = append(st.removed, removal{span{start, end}, r0, len(st.reasons)})
}
