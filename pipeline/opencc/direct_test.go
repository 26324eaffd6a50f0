package opencc

import (
	"slices"
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
)

// TestDirectRunKeyStopsAtSegment builds a one-step config from small
// dictionaries in which a run dictionary's key ("甲乙") would run into the
// next segmentation key ("乙丙"): the one-pass edit path must bound it as the
// segment-then-run path does, and both must match Convert. OpenCC's own
// one-step configs have single-character run keys, so only dictionaries
// like these reach that branch.
func TestDirectRunKeyStopsAtSegment(t *testing.T) {
	alphabet := []rune("甲乙丙丁")
	code := func(s string) []uint16 {
		var k []uint16
		for _, r := range s {
			k = append(k, uint16(slices.Index(alphabet, r)+1))
		}
		return k
	}
	dict := func(name string, kv ...string) dat.DictData {
		var keys [][]uint16
		var vals []string
		for i := 0; i < len(kv); i += 2 {
			keys = append(keys, code(kv[i]))
			vals = append(vals, kv[i+1])
		}
		tr, err := dat.Build(keys)
		if err != nil {
			t.Fatal(err)
		}
		return dat.DictData{Name: name, Trie: tr, Values: vals}
	}
	f, err := dat.Parse(string(dat.Encode(alphabet, []dat.DictData{
		dict("Seg", "乙丙", "B"),
		dict("Run", "甲乙", "AB", "甲", "A", "丁", "D"),
	})))
	if err != nil {
		t.Fatal(err)
	}
	ab, err := newAlphabet(f.Alphabet)
	if err != nil {
		t.Fatal(err)
	}
	c, err := build(configSpec{name: "test", seg: "Seg", chain: [][]string{{"Seg", "Run"}}}, ab, f.Dict)
	if err != nil {
		t.Fatal(err)
	}
	if !c.direct {
		t.Fatal("the test config should take the one-step path")
	}
	for _, tc := range []struct{ in, want string }{
		{"甲乙丙", "AB"},  // 甲 alone: 乙丙 is a segment
		{"甲乙丁", "ABD"}, // 甲乙 is a run key
		{"丁甲乙丙丁", "DABD"},
	} {
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("Convert(%q) = %q, want %q", tc.in, got, tc.want)
		}
		fast, fe := c.convertEdits(tc.in, true)
		general, ge := c.convertEdits(tc.in, false)
		if fast != tc.want || general != tc.want || !slices.Equal(fe, ge) {
			t.Errorf("%q: one-pass %q %+v, general %q %+v, want %q", tc.in, fast, fe, general, ge, tc.want)
		}
	}
}
