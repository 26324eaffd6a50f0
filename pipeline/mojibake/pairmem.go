package mojibake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page repeats its words: 建设 lost in one line is read whole in
// another, where the bytes fell the other way. pairMemory holds the pairs
// of Han characters read from bytes that survived in the lines repaired
// before, and a lost character that makes such a pair with its neighbour
// gains pagePair (see emit). Only lines before count, in both a whole
// document and one repaired in chunks (the memory rides in State), so a
// chunk boundary changes nothing.
type pairMemory struct {
	at   map[[2]rune]struct{}
	keys [][2]rune
}

// maxPairMemory bounds the pairs a document's memory holds: memory stays
// flat however long the document, and the first lines' pairs are the
// ones kept, in a document read whole or in chunks alike.
const maxPairMemory = 1 << 14

// pagePair is what a candidate gains for each neighbour it makes a pair
// with that the page wrote before. Set on the tuning half of the
// realistic corruption benchmark (TestRealisticCorruption, 60 lines a
// document): UTF-8 read by x/text's GBK reader, characters right 94.55%
// without it, 94.65% at 2, 94.76% at 4, 94.84% at 7, inferences right
// 99.69% to 99.68%; no mechanism's inferences fell under 99.6% there.
const pagePair = 7.0

func newPairMemory() *pairMemory { return &pairMemory{at: make(map[[2]rune]struct{})} }

// clone returns a memory holding p's pairs (a new one for nil), which
// the caller may write.
func (p *pairMemory) clone() *pairMemory {
	q := newPairMemory()
	if p == nil {
		return q
	}
	q.keys = append(make([][2]rune, 0, len(p.keys)), p.keys...)
	for _, k := range p.keys {
		q.at[k] = struct{}{}
	}
	return q
}

func (p *pairMemory) has(a, b rune) bool {
	if p == nil || strings.ContainsRune(chineseNumerals, a) || strings.ContainsRune(chineseNumerals, b) {
		// A numeral says nothing of the one lost beside it: 六百 read
		// before makes 八百 no less likely.
		return false
	}
	_, ok := p.at[[2]rune{a, b}]
	return ok
}

// mark and rollback let a second reading of the same text start from
// the memory the first one started from.
func (p *pairMemory) mark() int { return len(p.keys) }

func (p *pairMemory) rollback(n int) {
	for _, k := range p.keys[n:] {
		delete(p.at, k)
	}
	p.keys = p.keys[:n]
}

// note adds the pairs of the replacements of one line: what was read from
// surviving bytes, never an inferred character or a loss.
func (p *pairMemory) note(reps []replacement) {
	if p == nil {
		return
	}
	for _, rp := range reps {
		if strings.HasPrefix(rp.reason, inferredReason) {
			continue
		}
		prev := rune(-1)
		for _, r := range rp.repl {
			if r == utf8.RuneError || !unicode.Is(unicode.Han, r) {
				prev = -1
				continue
			}
			if prev >= 0 && len(p.keys) < maxPairMemory {
				k := [2]rune{prev, r}
				if _, ok := p.at[k]; !ok {
					p.at[k] = struct{}{}
					p.keys = append(p.keys, k)
				}
			}
			prev = r
		}
	}
}
