// Package pinyin removes inline reading annotations that sites insert after
// Chinese characters — 精简(jīngjiǎn), 引領(lǐng), 領(ㄌㄧㄥˇ) — so that later
// stages see the text a reader sees.
//
// An annotation is a parenthesized run (ASCII or full-width parentheses) of
// pinyin or zhuyin syllables that spells, syllable by syllable, one reading of
// each of the N characters just before it, where N is its syllable count.
// Readings, heteronyms included, come from github.com/mozillazg/go-pinyin;
// zhuyin readings are derived from them. Tones are ignored when matching
// (sites write sandhi and neutral tones a dictionary does not list): the
// syllables must match, which is what keeps (China), (an) or (GDP) after
// characters they do not spell. Nothing but the annotation is ever removed.
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
type Stripper struct {
	t *tables
}

// New returns a Stripper; the readings tables are built on first use and
// shared by every Stripper.
func New() *Stripper {
	return &Stripper{t: loadTables()}
}

type span struct{ start, end int }

// Strip returns text without its reading annotations and one edit per
// removed annotation, with offsets into text.
func (s *Stripper) Strip(text string) (string, []textedit.Edit) {
	// Every annotation ends with a closing parenthesis.
	if strings.IndexByte(text, ')') < 0 && !strings.Contains(text, "）") {
		return text, nil
	}
	st := state{t: s.t, text: text}
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
	if st.b == nil {
		return text, nil
	}
	return st.b.String(), st.b.Edits()
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
	t         *tables
	text      string
	b         *textedit.Builder
	removed   []span
	m         matcher
	buf       [maxUnits + 8]byte
	bases     [maxBase]*readingSet
	baseRunes [maxBase]rune // nearest first
}

// candidate examines the closing parenthesis at [q, qe).
func (st *state) candidate(q, qe int) {
	text := st.text
	start := q
	for n := 0; start > 0; n++ {
		if n == maxUnits {
			return
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

// gatherBase collects the characters with readings that end at p, nearest
// first, skipping annotations already removed (党(dǎng)员(yuán)(dǎngyuán)),
// and returns how many there are.
func (st *state) gatherBase(p int) int {
	n := 0
	idx := len(st.removed) - 1
	for n < maxBase && p > 0 {
		for idx >= 0 && st.removed[idx].end >= p {
			if st.removed[idx].end == p {
				p = st.removed[idx].start
			}
			idx--
		}
		r, size := utf8.DecodeLastRuneInString(st.text[:p])
		rs := st.t.lookup(r)
		if rs == nil {
			break
		}
		st.bases[n] = rs
		st.baseRunes[n] = r
		p -= size
		n++
	}
	return n
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
	nb := st.gatherBase(os)
	if nb == 0 && os > 0 && st.text[os-1] == ' ' {
		// One space between the characters and their reading: 深入 (shēnrù).
		if nb = st.gatherBase(os - 1); nb > 0 {
			from = os - 1
		}
	}
	if nb > 0 {
		if n := st.m.run(st.t, c, st.bases[:nb]); n > 0 {
			base := make([]rune, n)
			for i := range n {
				base[n-1-i] = st.baseRunes[i]
			}
			st.remove(from, qe, c.script, string(base), false)
		}
		return
	}
	if !c.hasTone {
		return
	}
	if lost := st.lostBefore(st.skipRemoved(os)); lost > 0 {
		if n := st.m.run(st.t, c, st.wild(lost)); n > 0 {
			st.remove(from, qe, c.script, "", false)
		}
	}
}

// wild returns n placeholders for lost characters: any syllable matches.
func (st *state) wild(n int) []*readingSet {
	for i := range n {
		st.bases[i] = nil
	}
	return st.bases[:n]
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
	if n := st.m.run(st.t, c, st.wild(lost)); n > 0 {
		st.remove(cs, qe, c.script, "", true)
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

func (st *state) remove(start, end int, sc script, base string, orphan bool) {
	if st.b == nil {
		st.b = textedit.NewBuilder(st.text, Stage)
	}
	kind := "pinyin"
	if sc == scriptZhuyin {
		kind = "zhuyin"
	}
	var reason string
	switch {
	case orphan:
		reason = kind + " annotation remnant without its opening parenthesis, after a lost character"
	case base == "":
		reason = kind + " annotation of a lost character"
	default:
		reason = kind + " annotation of " + base
	}
	st.b.Replace(start, end, "", reason)
	st.removed = append(st.removed, span{start, end})
}
