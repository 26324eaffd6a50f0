package pinyin

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// readingsText holds every character go-pinyin v0.21.0 has readings for,
// in code point order, one line each: the character, a tab, and its
// readings with tone marks as gopinyin.SinglePinyin gives them (Tone style,
// heteronyms). It is generated (go generate; TestReadingsGenerated checks
// it, data/NOTICE names the licence): linking go-pinyin cost every run its
// 40,000-entry map literal at package init, with or without pinyin.
//
//go:generate go test -run TestReadingsGenerated -regen .
//go:embed data/readings.txt
var readingsText string

// readingSet holds every reading of one character, normalized the way
// annotation contents are normalized (see normalize.go), so matching is a
// plain byte comparison.
type readingSet struct {
	py []string // toneless pinyin, v for every ü (see canonical)
	zy []string // toneless zhuyin, one byte per symbol
}

// tables are the immutable readings tables, built once from readingsText.
type tables struct {
	// dense covers the BMP Han blocks, where nearly all text lives; 0 means
	// no reading, otherwise sets[dense[r-denseLo]].
	dense  []uint16
	sparse map[rune]uint16 // everything else go-pinyin knows (extensions, compatibility)
	sets   []readingSet

	// syllables are all toneless syllables of the dictionary, used to count
	// the syllables of an annotation whose base character was lost.
	pySyllables map[string]struct{}
	zySyllables map[string]struct{}
	maxPy       int
	maxZy       int
}

const (
	denseLo = 0x3000
	denseHi = 0xA000
)

var loadTables = sync.OnceValue(buildTables)

func buildTables() *tables {
	t := &tables{
		dense:       make([]uint16, denseHi-denseLo),
		sparse:      make(map[rune]uint16),
		sets:        []readingSet{{}}, // index 0 = no reading
		pySyllables: make(map[string]struct{}),
		zySyllables: make(map[string]struct{}),
	}
	index := make(map[string]uint16)
	for line := range strings.Lines(readingsText) {
		c, list, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		r, size := utf8.DecodeRuneInString(c)
		if !ok || size != len(c) || r == utf8.RuneError {
			panic("pinyin: bad line in embedded readings: " + line)
		}
		var rs readingSet
		for reading := range strings.SplitSeq(list, ",") {
			syl, ok := toneless(reading)
			if !ok {
				continue
			}
			rs.py = appendUnique(rs.py, canonical(syl))
			if z, ok := zhuyinOf(syl); ok {
				rs.zy = appendUnique(rs.zy, z)
			}
		}
		// Erhua: 一点儿 is read yìdiǎnr, the 儿 only adding an r.
		if r == '儿' || r == '兒' {
			rs.py = appendUnique(rs.py, "r")
		}
		if len(rs.py) == 0 {
			continue
		}
		for _, s := range rs.py {
			// Annotations may write ü as u (lu for lǜ), so lost-character
			// syllables are looked up in both spellings.
			t.pySyllables[s] = struct{}{}
			t.pySyllables[strings.ReplaceAll(s, "v", "u")] = struct{}{}
			t.maxPy = max(t.maxPy, len(s))
		}
		for _, s := range rs.zy {
			t.zySyllables[s] = struct{}{}
			t.maxZy = max(t.maxZy, len(s))
		}
		key := setKey(rs)
		idx, ok := index[key]
		if !ok {
			if len(t.sets) == 1<<16-1 {
				panic("pinyin: too many distinct reading sets")
			}
			idx = uint16(len(t.sets))
			t.sets = append(t.sets, rs)
			index[key] = idx
		}
		if r >= denseLo && r < denseHi {
			t.dense[r-denseLo] = idx
		} else {
			t.sparse[r] = idx
		}
	}
	return t
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func setKey(rs readingSet) string {
	k := ""
	for _, s := range rs.py {
		k += s + ","
	}
	k += "|"
	for _, s := range rs.zy {
		k += s + ","
	}
	return k
}

// lookup returns the readings of r, or nil when r is not a character with a
// known reading.
func (t *tables) lookup(r rune) *readingSet {
	var idx uint16
	if r >= denseLo && r < denseHi {
		idx = t.dense[r-denseLo]
	} else if r >= 0x20000 || (r >= 0xE000 && r < 0xFB00) { // extensions; private-use GBK characters; compatibility ideographs
		idx = t.sparse[r]
	}
	if idx == 0 {
		return nil
	}
	return &t.sets[idx]
}
