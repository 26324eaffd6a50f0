package mojibake

import (
	"fmt"
	"slices"
	"strings"
)

// Runs of characters that are the mark of a loss, not text: 锟斤拷 is
// U+FFFD (EF BF BD) written as UTF-8 and read as GBK, two at a time, and
// 烫 and 屯 are CC CC and CD CD, the bytes debug builds fill fresh memory
// with, read as GBK. Nothing of the text is left in them; they become
// U+FFFD with an edit. A real 烫烫 (热烫烫的) stays, and so does 烫烫烫
// (gse's word list, run together, has 烫烫 before 烫脚): a run taken is at
// least four characters, eight bytes of fresh memory.

const (
	replacementGBK = "锟斤拷"
	// minFillRun is the fewest 烫 or 屯 taken for a run.
	minFillRun = 4
)

// lossRuns returns a replacement for each run in text.
func lossRuns(text string) []replacement {
	var reps []replacement
	for from := 0; ; {
		i := strings.Index(text[from:], replacementGBK)
		if i < 0 {
			break
		}
		a := from + i
		z := a
		n := 0
		for strings.HasPrefix(text[z:], replacementGBK) {
			z += len(replacementGBK)
			n++
		}
		reps = append(reps, replacement{start: a, end: z, repl: strings.Repeat("\uFFFD", 2*n),
			reason: "锟斤拷: U+FFFD written as UTF-8 and read as GBK" + lostNote(2*n)})
		from = z
	}
	for _, fill := range []struct {
		c    string
		byte string
	}{{"烫", "CC"}, {"屯", "CD"}} {
		run := strings.Repeat(fill.c, minFillRun)
		for from := 0; ; {
			i := strings.Index(text[from:], run)
			if i < 0 {
				break
			}
			a := from + i
			z := a
			for strings.HasPrefix(text[z:], fill.c) {
				z += len(fill.c)
			}
			reps = append(reps, replacement{start: a, end: z, repl: "\uFFFD",
				reason: fmt.Sprintf("%s: uninitialised memory (%s bytes) read as GBK", strings.Repeat(fill.c, 3), fill.byte) + lostNote(1)})
			from = z
		}
	}
	slices.SortFunc(reps, func(x, y replacement) int { return x.start - y.start })
	return reps
}

// addLossRuns adds to reps, sorted by start, the runs that no repair
// covers: a repaired reading that covers one has read its bytes already.
func addLossRuns(reps, runs []replacement) []replacement {
	if len(runs) == 0 {
		return reps
	}
	n := len(reps)
	for _, lr := range runs {
		k, _ := slices.BinarySearchFunc(reps[:n], lr.start, func(x replacement, s int) int { return x.start - s })
		if k > 0 && reps[k-1].end > lr.start || k < n && reps[k].start < lr.end {
			continue
		}
		reps = append(reps, lr)
	}
	slices.SortFunc(reps, func(x, y replacement) int { return x.start - y.start })
	return reps
}
