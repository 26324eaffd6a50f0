package mojibake

import (
	"slices"
	"strings"
	"testing"
)

// TestPageMemory: a word whose last bytes x/text's GBK reader dropped in
// one line (a pair it has no character for) is inferred from the same
// word read whole in an earlier line of the page, where the bytes fell
// the other way; the line alone leaves it lost. Repaired in chunks, one
// line each with the State carried, the page gives the same text.
func TestPageMemory(t *testing.T) {
	d := decoderNamed(t, "whatwg gbk")
	r := New()
	for _, tc := range []struct{ first, later, word string }{
		{"召开第3次建设工作会议。", "全面推进建设工作。", "建设"},
		{"今年第33次统筹工作会召开。", "扎实做好统筹工作。", "统筹"},
		{"由8名市委市直机关同志组成。", "全面落实市委工作部署。", "市委"},
		{"新建3座桥梁工程。", "全面推进桥梁工作。", "桥梁"},
		{"由3名工委会议代表组成。", "市直机关工委会议召开。", "工委"},
	} {
		bad := d.decode([]byte(tc.first + "\n" + tc.later))
		badLines := strings.Split(bad, "\n")
		out, edits := r.Repair(bad)
		checkEdits(t, bad, out, edits)
		lines := strings.Split(out, "\n")
		if !strings.Contains(lines[0], tc.word) {
			t.Fatalf("%s: the first line %s does not read the word whole", tc.word, lines[0])
		}
		if alone, _ := r.Repair(badLines[1]); strings.Contains(alone, tc.word) {
			t.Fatalf("%s: the later line alone reads it already (%s): no case for the memory", tc.word, alone)
		}
		if !strings.Contains(lines[1], tc.word) {
			t.Errorf("%s: got %s, want the word the page wrote before", tc.word, lines[1])
		}
		// In chunks: the memory rides in the State.
		first, _, st := r.RepairFrom(badLines[0]+"\n", State{Chunked: true})
		second, _, _ := r.RepairFrom(badLines[1], State{Chunked: true, AfterBreak: true, Garbled: st.Garbled, Shift: st.Shift, pairs: st.pairs})
		if first+second != out {
			t.Errorf("%s: in chunks %q, whole %q", tc.word, first+second, out)
		}
		// The State handed on is read, never written: handed to the next
		// chunk twice (a guess), it gives the same repair.
		n := len(st.pairs.keys)
		again, _, _ := r.RepairFrom(badLines[1], State{Chunked: true, AfterBreak: true, Garbled: st.Garbled, Shift: st.Shift, pairs: st.pairs})
		if again != second || len(st.pairs.keys) != n {
			t.Errorf("%s: a State handed on twice gave %q then %q, its memory %d pairs then %d", tc.word, second, again, n, len(st.pairs.keys))
		}
	}
}

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

// TestPageMemoryNumerals: a numeral lost beside 百 is not inferred from the
// page's earlier 六百 (or 八百): a number read before says nothing of the
// next one. Every lost numeral here stays U+FFFD or comes back right.
func TestPageMemoryNumerals(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	firsts := []string{"计划投资为六百万元。", "计划投资为三百万元。", "计划投资为五百万元。", "计划投资为八百万元。", "计划投资为七百万元。", "计划投资为二百万元。", "计划里程为六十公里。", "计划里程为三十公里。"}
	seconds := []string{"总投资约八百九十亿元,已开工。", "总投资约七百二十亿元,已开工。", "总投资约二百亿元,已开工。", "总投资约六百亿元,已开工。", "全长约三十二公里,已开工。", "全长约八十公里,已开工。", "全长约五十公里,已开工。"}
	for _, a := range firsts {
		for _, b := range seconds {
			bad := d.decode([]byte(a + "\n" + b))
			out, _ := r.Repair(bad)
			l := []rune(strings.Split(out, "\n")[1])
			w := []rune(b)
			if len(l) != len(w) {
				continue
			}
			for i := range l {
				if l[i] != w[i] && l[i] != '\uFFFD' {
					t.Errorf("after %s: %s read as %s", a, b, string(l))
					break
				}
			}
		}
	}
}
