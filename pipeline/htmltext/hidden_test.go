package htmltext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refDisplayNone is how hidden read a style before displayNone: lower
// case, spaces removed, then a search.
func refDisplayNone(style string) bool {
	return strings.Contains(strings.ReplaceAll(strings.ToLower(style), " ", ""), "display:none")
}

// TestDisplayNone holds displayNone to the copies it replaced, on chosen
// styles and on random ones made of the pattern's pieces.
func TestDisplayNone(t *testing.T) {
	cases := []struct {
		style string
		want  bool
	}{
		{"", false},
		{"display:none", true},
		{"DISPLAY: NONE;", true},
		{"color:red; display : none", true},
		{"d isplay:no ne", true},
		{"display:\tnone", false}, // only ' ' is removed
		{"display:block", false},
		{"ddisplay:none", true},
		{"dİsplay:none", true},        // ToLower gives i for U+0130
		{"di\u0307splay:none", false}, // i and a combining dot
		{"display:nonE", true},
		{"displaynone", false},
		{"display:non", false},
		{"\xc4display:none", true},
		{"d\xc4\xb0splay:none", true},
		{"d\xc4splay:none", false},
	}
	for _, tc := range cases {
		if got := displayNone(tc.style); got != tc.want || got != refDisplayNone(tc.style) {
			t.Errorf("displayNone(%q) = %v, want %v (reference %v)", tc.style, got, tc.want, refDisplayNone(tc.style))
		}
	}
	pieces := []string{"d", "D", "i", "I", "İ", "s", "p", "l", "a", "y", ":", "n", "o", "N", "e", " ", "\t", ";", "K", "\xc4", "\xb0", "display", "none", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := displayNone(s), refDisplayNone(s); got != want {
			t.Fatalf("displayNone(%q) = %v, reference %v", s, got, want)
		}
	}
}
