package mojibake

import (
	_ "embed"
	"strings"
)

//go:generate go run ./internal/genvocab -goroot ${GOROOT} -out data/latinvocab.txt

// latinVocab is a list of Latin words in lower case, sorted, one per line:
// the words of the Go distribution's source (see data/NOTICE), English
// technical prose and names (enospc, timeout, picture). A stray byte that
// ate a letter out of such a word is told by the word it gives back.
//
//go:embed data/latinvocab.txt
var latinVocab string

// knownLatin reports whether w, in lower case, is a word of latinVocab.
// It searches the embedded text in place: no list is built, and a run
// that never asks pays nothing.
func knownLatin(w string) bool {
	lo, hi := 0, len(latinVocab)
	for lo < hi {
		mid := lo + (hi-lo)/2
		// The line holding mid.
		s := strings.LastIndexByte(latinVocab[:mid], '\n') + 1
		e := strings.IndexByte(latinVocab[s:], '\n')
		if e < 0 {
			e = len(latinVocab) - s
		}
		line := latinVocab[s : s+e]
		switch {
		case line == w:
			return true
		case line < w:
			lo = s + e + 1
		default:
			hi = s
		}
	}
	return false
}
