package mojibake

import (
	"slices"
	"strings"
)

// A frame shift's reading takes a stray byte and the bytes after it for
// one character. On clean text beside a shifted line the model sometimes
// prefers such a reading that eats a bracket or a quote ("[傳輸模式]" read
// as "[傳輸模（": 式] is a6 a1 5d in Big5, and a1 5d is （; "‘[^’" read as
// "加^’"). Clean text closes what it opens on a line, and a stray byte's
// reading gives back a line that does too: one that leaves a pair the
// line as found closes with one side only is no repair.

// pairKinds lists each kind of bracket or quote as its opener and closer.
var pairKinds = [...][2]rune{
	{'(', ')'}, {'[', ']'}, {'{', '}'},
	{'（', '）'}, {'“', '”'}, {'‘', '’'}, {'《', '》'}, {'「', '」'}, {'『', '』'},
	{'【', '】'}, {'〔', '〕'}, {'〈', '〉'}, {'［', '］'}, {'｛', '｝'},
}

// pairCounts counts the openers and closers of each of pairKinds in s.
func pairCounts(s string) (c [len(pairKinds)][2]int) {
	for _, r := range s {
		if r < 0x80 && r != '(' && r != ')' && r != '[' && r != ']' && r != '{' && r != '}' {
			continue
		}
		for k, p := range pairKinds {
			switch r {
			case p[0]:
				c[k][0]++
			case p[1]:
				c[k][1]++
			}
		}
	}
	return c
}

// keepPairs returns reps without the frame shifts' readings that unpair a
// line's brackets or quotes: where the line as found has a kind of them,
// as many openers as closers, and the line with all of its replacements
// applied has not, the shift readings of the line that eat a mark of that
// kind are dropped. reps are in text order and stay so.
func keepPairs(text string, reps []replacement) []replacement {
	var drop []int
	for i := 0; i < len(reps); {
		lo := lineStartOf(text, reps[i].start)
		hi := len(text)
		if e := strings.IndexByte(text[reps[i].end:], '\n'); e >= 0 {
			hi = reps[i].end + e
		}
		j := i
		for j < len(reps) && reps[j].start < hi {
			j++
		}
		if !anyShift(reps[i:j]) {
			i = j
			continue
		}
		found := pairCounts(text[lo:hi])
		var b strings.Builder
		at := lo
		for _, rp := range reps[i:j] {
			b.WriteString(text[at:rp.start])
			b.WriteString(rp.repl)
			at = rp.end
		}
		if at < hi {
			b.WriteString(text[at:hi])
		}
		got := pairCounts(b.String())
		for k := range pairKinds {
			f, g := found[k], got[k]
			if f[0] == 0 || f[0] != f[1] || g[0] == g[1] {
				continue
			}
			for x := i; x < j; x++ {
				rp := reps[x]
				if !strings.Contains(rp.reason, "frame shift") {
					continue
				}
				// Only a reading that eats a mark the line as found
				// writes: one that gives back a closer whose opener an
				// earlier line holds (a wrapped line's "用户）。") adds.
				o, n := pairCounts(text[rp.start:rp.end])[k], pairCounts(rp.repl)[k]
				if o[0] > n[0] || o[1] > n[1] {
					drop = append(drop, x)
				}
			}
		}
		i = j
	}
	if len(drop) == 0 {
		return reps
	}
	out := reps[:0:0]
	for x, rp := range reps {
		if !slices.Contains(drop, x) {
			out = append(out, rp)
		}
	}
	return out
}

// anyShift reports whether one of reps is a frame shift's reading.
func anyShift(reps []replacement) bool {
	for _, rp := range reps {
		if strings.Contains(rp.reason, "frame shift") {
			return true
		}
	}
	return false
}
