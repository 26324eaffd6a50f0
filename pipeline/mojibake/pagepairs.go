package mojibake

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pairMemory holds the pairs of Han characters read from bytes that
// survived in the text being repaired, never inferred ones. A page repeats
// its words (建设, 市委, 工委): where one copy lost a character, the copies
// that came through whole say which candidate the page writes, which the
// language model alone, weighing 建设 against 建议, often cannot.
type pairMemory struct {
	seen map[[2]rune]int32
	// next holds the characters seen after each one, for groups of
	// adjacent lost characters.
	next map[rune][]rune
}

func (p *pairMemory) reset() {
	clear(p.seen)
	clear(p.next)
}

func (p *pairMemory) empty() bool { return p == nil || len(p.seen) == 0 }

// note adds the adjacent Han pairs of rs, a repaired run with U+FFFD where
// characters were lost.
func (p *pairMemory) note(rs []rune) {
	if p == nil {
		return
	}
	for k := 1; k < len(rs); k++ {
		a, b := rs[k-1], rs[k]
		if a == utf8.RuneError || b == utf8.RuneError || !unicode.Is(unicode.Han, a) || !unicode.Is(unicode.Han, b) {
			continue
		}
		if p.seen == nil {
			p.seen, p.next = make(map[[2]rune]int32), make(map[rune][]rune)
		}
		if p.seen[[2]rune{a, b}] == 0 {
			p.next[a] = append(p.next[a], b)
		}
		p.seen[[2]rune{a, b}]++
	}
}

// gain is what a candidate gains for forming the pair a, b.
func (p *pairMemory) gain(a, b rune) float64 {
	if p.empty() {
		return 0
	}
	n := p.seen[[2]rune{a, b}]
	if n == 0 {
		return 0
	}
	return pageWeight + pageRepeat*math.Log(float64(n))
}

// pageWeight is what a Han candidate gains for each neighbour it forms a
// pair with that the page writes, before the loss, in characters that
// survived, and pageRepeat what it gains more with the log of how often.
// Set on the tuning half of the realistic corruption benchmark, UTF-8
// read as GBK by x/text, with the page read twice (all its pairs known):
// 95.69% of characters right without; 96.12% at 4 and 0, 96.20% at 4 and
// 2 (inferences 99.63% -> 99.75% right), 96.21% at 4 and 4 with Big5's
// inferences at 99.46% right, 96.25% at 7 and 0 with Big5's at 99.02%.
// Read once, as kept (the pairs before each loss: a second reading
// tripled the stage's time on bench's big corpus, and a document cut
// into chunks must repair as it would whole), with inferMargin2Running:
// 96.29%.
const (
	pageWeight = 4.0
	pageRepeat = 2.0
)

// pageContext adds to adj the page's evidence for each candidate of a lost
// position between left and right (-1 where unknown).
func pageContext(adj []float64, cands []rune, left, right rune, p *pairMemory) {
	if p.empty() {
		return
	}
	for j, r := range cands {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if left >= 0 {
			adj[j] += p.gain(left, r)
		}
		if right >= 0 {
			adj[j] += p.gain(r, right)
		}
	}
}

// pagePairs adds to pair (see choose) the page's evidence inside a group
// of adjacent lost characters: a candidate at i gains pageWeight after a
// candidate at i-1 it follows elsewhere on the page (桌面\uFFFD\uFFFD下
// where the page writes 环境 whole).
func pagePairs(pair []map[rune][]float64, cands [][]rune, p *pairMemory) []map[rune][]float64 {
	if p.empty() {
		return pair
	}
	for i := 1; i < len(cands); i++ {
		var at map[rune]int
		for _, c := range cands[i-1] {
			for _, f := range p.next[c] {
				if at == nil {
					at = make(map[rune]int, len(cands[i]))
					for j, r := range cands[i] {
						at[r] = j
					}
				}
				j, ok := at[f]
				if !ok {
					continue
				}
				if pair == nil {
					pair = make([]map[rune][]float64, len(cands))
				}
				if pair[i] == nil {
					pair[i] = make(map[rune][]float64)
				}
				adj := pair[i][c]
				if adj == nil {
					adj = make([]float64, len(cands[i]))
					pair[i][c] = adj
				}
				adj[j] += p.gain(c, f)
			}
		}
	}
	return pair
}

// enterScope starts the page's pairs anew when a line that ends a scope
// (Repairer.scopeEnd) lies between the lines checked so far and at, the
// offset of the next run in text. Runs come in text order in one reading.
// Which of those lines ends a scope does not matter, only whether one
// does: they are asked from the last (the nearest a prose paragraph that
// ends one), and not at all when there are no pairs to forget.
func (r *Repairer) enterScope(sc *scratch, text string, at int) {
	if r.scopeEnd == nil || at <= sc.scopeScan {
		return
	}
	from := sc.scopeScan
	last := strings.LastIndexByte(text[from:at], '\n')
	if last < 0 {
		return // at is inside this line: checked once it ends
	}
	last += from
	sc.scopeScan = last + 1
	if sc.pairs.empty() {
		return
	}
	for end := last; ; {
		start := strings.LastIndexByte(text[from:end], '\n') + 1 + from
		if r.scopeEnd(text[start:end]) {
			sc.pairs.reset()
			return
		}
		if start == from {
			return
		}
		end = start - 1
	}
}
