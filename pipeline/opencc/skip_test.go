package opencc

import (
	"testing"
	"unicode/utf8"
)

// refSkip is skip reading one character at a time, as it did before it
// read two three-byte characters from one load.
func (c *Converter) refSkip(wit *witnesses, s string, i int) (from, hot int) {
	from = i
	prev := rune(-1)
	for j := i; j < len(s); {
		b := s[j]
		if b < utf8.RuneSelf {
			if wit.boundary[b] {
				from = j + 1
			} else if wit.at(prev, rune(b)) {
				return from, c.keyRunEnd(s, j)
			}
			prev = rune(b)
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && size == 1 {
			prev = -1
			j++
			continue
		}
		if wit.at(prev, r) {
			return from, c.keyRunEnd(s, j)
		}
		prev = r
		j += size
	}
	return len(s), len(s)
}

// FuzzSkip holds skip to refSkip from every byte of the input, for every
// config.
func FuzzSkip(f *testing.F) {
	for _, s := range []string{"", "全省公路，覆盖城乡。發展與改革", "软件\x80鼠标鼠标鼠标", "\xed\x9f\xbf後後後後", "\xe0\xa0\x80覆盖城乡覆盖", "乡村道路乾淨乾淨 abc 發展"} {
		f.Add(s)
	}
	var convs []*Converter
	for _, cfg := range Configs() {
		c, err := New(cfg)
		if err != nil {
			f.Fatal(err)
		}
		convs = append(convs, c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range convs {
			if c.wit == nil {
				continue // a config of several steps: no one-pass skip
			}
			wit := c.wit()
			for i := 0; i <= len(s); i++ {
				from, hot := c.skip(wit, s, i)
				wantFrom, wantHot := c.refSkip(wit, s, i)
				if from != wantFrom || hot != wantHot {
					t.Fatalf("%s: skip(%q, %d) = %d, %d, want %d, %d", c.Name(), s, i, from, hot, wantFrom, wantHot)
				}
			}
		}
	})
}
