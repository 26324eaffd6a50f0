package extractors

import (
	"strings"
	"testing"
)

// suffixLists are the lists the extractors search through a suffixIndex.
func suffixLists() map[string][2]any {
	return map[string][2]any{
		"prefixedRoadNouns": {prefixedRoadNouns(), prefixedRoadNounEnds()},
		"roadVerbs":         {roadVerbs, roadVerbEnds},
		"scopeWords":        {scopeWords, scopeWordEnds},
		"changedTo":         {changedTo, changedToEnds},
	}
}

func checkSuffixIndex(t *testing.T, s string) {
	for name, l := range suffixLists() {
		words, x := l[0].([]string), l[1].(*suffixIndex)
		if got, want := x.longest(s), hasSuffixAny(s, words); got != want {
			t.Errorf("%s: longest(%q) = %q, hasSuffixAny = %q", name, s, got, want)
		}
	}
}

// TestSuffixIndex checks every word of the lists, alone, after text, and
// cut by a byte.
func TestSuffixIndex(t *testing.T) {
	checkSuffixIndex(t, "")
	for _, l := range suffixLists() {
		for _, w := range l[0].([]string) {
			for _, s := range []string{w, "全县" + w, "新建" + w, w[1:], w[:len(w)-1], strings.Repeat(w, 2)} {
				checkSuffixIndex(t, s)
			}
		}
	}
}

func FuzzSuffixIndex(f *testing.F) {
	f.Add("全县农村公路新建改造")
	f.Add("调增至")
	f.Fuzz(checkSuffixIndex)
}
