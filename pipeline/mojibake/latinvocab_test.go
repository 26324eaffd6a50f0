package mojibake

import (
	"strings"
	"testing"
)

// TestLatinVocabFormat: the embedded list is what knownLatin's search
// needs: sorted, no repeats, lower-case ASCII letters, one per line.
func TestLatinVocabFormat(t *testing.T) {
	if !strings.HasSuffix(latinVocab, "\n") {
		t.Fatal("latinvocab.txt does not end in a newline")
	}
	words := strings.Split(strings.TrimSuffix(latinVocab, "\n"), "\n")
	if len(words) < 10000 {
		t.Fatalf("%d words, want a list of tens of thousands", len(words))
	}
	for i, w := range words {
		if len(w) < 2 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("line %d: %q is no lower-case word", i+1, w)
		}
		if i > 0 && words[i-1] >= w {
			t.Errorf("line %d: %q after %q: not sorted or repeated", i+1, w, words[i-1])
		}
	}
}

// TestKnownLatin: every word of the list is found, the first and the last
// among them, and strings next to them in order are not.
func TestKnownLatin(t *testing.T) {
	words := strings.Split(strings.TrimSuffix(latinVocab, "\n"), "\n")
	for _, w := range words {
		if !knownLatin(w) {
			t.Fatalf("%q is in the list, knownLatin says no", w)
		}
	}
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"timeout", true}, {"enospc", true}, {"picture", true},
		{"", false}, {"a", false}, {"zzzzzz", false}, {"timeoutx", false}, {"Timeout", false},
		{words[0] + "q", false}, {words[len(words)-1] + "q", false},
	} {
		if got := knownLatin(c.w); got != c.want {
			t.Errorf("knownLatin(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
