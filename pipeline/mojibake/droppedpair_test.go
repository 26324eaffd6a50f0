package mojibake

import (
	"slices"
	"testing"
)

// TestDroppedPairNever80: a reader that drops whole the pairs it cannot
// read (x/text, browsers) reads a lone 0x80 as the euro sign, so no pair
// it dropped began with 0x80: 老 (e8 80 81), 者 and 而 are no candidates
// for a character that lost its last two bytes that way, and 一 (e4 b8
// 80) none for one that lost its last byte to a pair dropped with the
// next character's lead.
func TestDroppedPairNever80(t *testing.T) {
	m := New().mechanism("utf-8 read as gbk")
	two, ok := candidates(m, []byte{0xe8, 0, pairSecond}, []bool{false, true, true}, 0xe5)
	if !ok || !slices.Contains(two, '设') {
		t.Fatalf("candidates of e8 ?? ??: %d, 设 among them %v", len(two), slices.Contains(two, '设'))
	}
	for _, r := range []rune{'老', '者', '而'} {
		if slices.Contains(two, r) {
			t.Errorf("%c is a candidate of e8 and a pair dropped whole", r)
		}
	}
	cands := [][]rune{{'一', '个'}, {'月'}}
	pair := droppedPairs(nil, m.wrong, cands, 1)
	if pair[1]['一'][0] != impossible || pair[1]['个'][0] != 0 {
		t.Errorf("一 then 月 as a dropped pair: %v, 个 then 月: %v; want impossible and 0", pair[1]['一'][0], pair[1]['个'][0])
	}
}
