package htmltext

import (
	"slices"
	"strings"
	"testing"
)

// refNameTokens is the word splitter as it was before nameScanner wrote
// into a fixed buffer: one allocated string per word.
func refNameTokens(s string) []string {
	var toks []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			cur = append(cur, c)
		case c >= 'A' && c <= 'Z':
			if i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
				flush()
			}
			cur = append(cur, c)
		default:
			flush()
		}
	}
	flush()
	return toks
}

func TestNameScanner(t *testing.T) {
	for _, s := range []string{
		"", "share", "XSHARE_BOX", "shareholder", "commentList", "aB", "ABc", "HTMLParser",
		"post_1001", "--a--", "a b\tc", "分享share评论Comment", "nav2Bar", "x" + strings.Repeat("Ab", 50),
		strings.Repeat("z", 100) + "Q", "Z",
	} {
		var got []string
		sc := nameScanner{s: s}
		for tok, ok := sc.next(); ok; tok, ok = sc.next() {
			got = append(got, string(tok))
		}
		if want := refNameTokens(s); !slices.Equal(got, want) {
			t.Errorf("words of %q = %q, want %q", s, got, want)
		}
	}
}

func TestChromeWord(t *testing.T) {
	for _, tc := range []struct {
		tok  string
		want bool
	}{
		{"share", true}, {"sharebar", true}, {"commentlist", true}, {"shareholder", false},
		{"commentary", false}, {"nav", true}, {"navx", false}, {"", false}, {"authorinfo", true},
	} {
		if got := chromeWord([]byte(tc.tok)); got != tc.want {
			t.Errorf("chromeWord(%q) = %v, want %v", tc.tok, got, tc.want)
		}
	}
}
