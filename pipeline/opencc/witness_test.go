package opencc

import (
	"slices"
	"strings"
	"testing"
)

// everyWitness marks every code a witness, so skip passes over nothing but
// characters that are in no key: the matcher as it was before witnesses.
func everyWitness(c *Converter) *Converter {
	all := *c
	w := *c.wit()
	for i := range w.single {
		w.single[i] = ^uint64(0)
	}
	for r := range w.roles {
		w.roles[r] |= roleSingle
	}
	w.astral = true
	all.wit = func() *witnesses { return &w }
	return &all
}

// TestWitnessSkip checks that skipping text without witnesses changes
// neither the output nor the edits of the one-pass conversion, on texts
// that hold each kind of witness (a changing character, the first pair of
// a changing phrase with no changing character: 反覆, 瞭解, 沈默) between
// simplified text, ASCII, line breaks and invalid bytes, and on every key
// of the conversion's dictionaries alone and inside simplified text.
func TestWitnessSkip(t *testing.T) {
	for _, name := range Configs() {
		c, err := New(name)
		if err != nil {
			t.Fatal(err)
		}
		if !c.direct {
			continue
		}
		all := everyWitness(c)
		texts := []string{
			"",
			"交通运输部发布通知，全年完成投资120亿元。",
			"這是反覆的說明，我們瞭解了。\n沈默是金。",
			"简体文字里夹着一个繁體字和反覆两个字\n第二行没有\n",
			"abc\xff\xfe反\xe8覆 沈\n默 ok",
			"反覆反覆反覆",
			strings.Repeat("公路建设稳步推进，", 50) + "覆盖" + strings.Repeat("。", 3) + "回覆",
		}
		for _, d := range c.steps[0] {
			eachKey(d, func(key []uint16, _ int32) {
				k := keyText(c.ab, key)
				texts = append(texts, k, "我们"+k+"的", "\n"+k+"\n")
			})
		}
		for _, s := range texts {
			got, ge := c.convertEditsDirect(s)
			want, we := all.convertEditsDirect(s)
			if got != want || !slices.Equal(ge, we) {
				t.Errorf("%s %q: with skip %q %+v, without %q %+v", name, s, got, ge, want, we)
			}
		}
	}
}

// TestWitnessPairs: a changing phrase without a changing character is
// found by its first pair (t2s: 反覆 -> 反复), and text with no witness is
// passed over whole.
func TestWitnessPairs(t *testing.T) {
	c, err := New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"他反覆强调", "他反复强调"},
		{"他反复强调", "他反复强调"},
		{"覆盖全省", "覆盖全省"},
	}
	for _, tc := range tests {
		if got, _ := c.convertEditsDirect(tc.in); got != tc.want {
			t.Errorf("%q -> %q, want %q", tc.in, got, tc.want)
		}
	}
	if from, hot := c.skip(c.wit(), "全省公路，覆盖城乡。", 0); from != len("全省公路，覆盖城乡。") || hot != from {
		t.Errorf("skip over simplified text stopped at %d, %d", from, hot)
	}
}

// keyText spells a key's codes.
func keyText(ab *alphabet, key []uint16) string {
	rs := make([]rune, len(key))
	for i, cd := range key {
		rs[i] = ab.runes[cd-1]
	}
	return string(rs)
}

// TestWitnessRoles holds roles, the table skip reads, to the single and
// first bitsets at reads, for every config and every BMP rune.
func TestWitnessRoles(t *testing.T) {
	for _, cfg := range Configs() {
		c, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if c.wit == nil {
			continue
		}
		w := c.wit()
		for r := range rune(1 << 16) {
			single, first := w.roles[r]&roleSingle != 0, w.roles[r]&roleFirst != 0
			if single != bit(&w.single, r) || first != bit(&w.first, r) {
				t.Fatalf("%s: roles[%U] = %02b, bitsets say single %v, first %v", cfg, r, w.roles[r], bit(&w.single, r), bit(&w.first, r))
			}
		}
	}
}
