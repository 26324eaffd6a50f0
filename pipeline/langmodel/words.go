package langmodel

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"unicode/utf8"
)

//go:embed words.bin
var wordsData []byte

// Words is a unigram word model from the same dictionaries (see NOTICE):
// what the character bigrams cannot see, that 基础设施 is one word and
// 基础设计 is two. It is immutable and safe for concurrent use.
type Words struct {
	cost    map[string]float32 // -log P(word)
	unknown float32            // cost of a character the list lacks
	maxLen  int                // runes of the longest word
}

// DefaultWords returns the word model built from the embedded data,
// loading it on the first call (about 175,000 words): only text that
// needs it pays for it.
var DefaultWords = sync.OnceValue(func() *Words {
	w, err := parseWords(wordsData)
	if err != nil {
		panic(fmt.Errorf("langmodel: embedded word model: %w", err))
	}
	return w
})

// parseWords reads the format written by internal/gen (encodeWords).
func parseWords(data []byte) (*Words, error) {
	const magic = "ZHWD1\n"
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, errors.New("bad magic")
	}
	p := len(magic)
	n := int(binary.LittleEndian.Uint32(data[p:]))
	p += 4
	if n > len(data) {
		return nil, fmt.Errorf("%d words in %d bytes", n, len(data))
	}
	w := &Words{cost: make(map[string]float32, n)}
	for range n {
		if p >= len(data) {
			return nil, errors.New("truncated")
		}
		l := int(data[p])
		if p+1+l+2 > len(data) {
			return nil, errors.New("truncated")
		}
		word := string(data[p+1 : p+1+l])
		c := float32(binary.LittleEndian.Uint16(data[p+1+l:])) / 100
		w.cost[word] = c
		w.unknown = max(w.unknown, c)
		w.maxLen = max(w.maxLen, utf8.RuneCountInString(word))
		p += 1 + l + 2
	}
	if p != len(data) {
		return nil, fmt.Errorf("%d bytes after the last word", len(data)-p)
	}
	// A character the list lacks is rarer than any it has.
	w.unknown += 1
	return w, nil
}

// Has reports whether s is a word of the list.
func (w *Words) Has(s string) bool {
	_, ok := w.cost[s]
	return ok
}

// Gain returns how much better, in nats, the best segmentation of s into
// words explains it than its characters read one by one: 0 when no word
// of two or more characters fits, large for a run of common words. Only
// differences between readings of the same positions mean anything.
func (w *Words) Gain(s string) float64 {
	var endsBuf [32]int
	ends := endsBuf[:0]
	for i, r := range s {
		ends = append(ends, i+utf8.RuneLen(r))
	}
	return float64(w.best(s, ends, 1) - w.best(s, ends, w.maxLen))
}

// best returns the least cost of s cut into words of at most maxLen runes
// (ends[k] is the byte offset after the k-th rune).
func (w *Words) best(s string, ends []int, maxLen int) float32 {
	n := len(ends)
	var buf [33]float32
	best := buf[:]
	if n+1 > len(buf) {
		best = make([]float32, n+1)
	}
	best[0] = 0
	for k := 1; k <= n; k++ {
		best[k] = best[k-1] + w.wordCost(s, ends, k-1, 1)
		for l := 2; l <= maxLen && l <= k; l++ {
			if c := w.wordCost(s, ends, k-1, l); best[k-l]+c < best[k] {
				best[k] = best[k-l] + c
			}
		}
	}
	return best[n]
}

// wordCost is the cost of the l runes ending with the k-th as one word:
// unknown for a single character the list lacks, +Inf for a longer one.
func (w *Words) wordCost(s string, ends []int, k, l int) float32 {
	from := 0
	if k-l >= 0 {
		from = ends[k-l]
	}
	if c, ok := w.cost[s[from:ends[k]]]; ok {
		return c
	}
	if l == 1 {
		return w.unknown
	}
	return float32(math.Inf(1))
}
