package mojibake

import (
	"strings"
	"testing"
)

// TestDroppedPairNotInferred: x/text's GBK reader drops both bytes of a
// pair it has no character for (AA E9 in 个阶), so one U+FFFD there stands
// for two bytes. Read as one lost byte, the bytes before gave a wrong
// character with a wide margin (两 for 个, 产 for 享, 言 for 設); read as a
// pair dropped whole (droppedPair), they give the right ones or none. Of
// the characters inferred in the seeds' lines read that way, at least 99%
// are ones the line holds (9 of 529 were not before either rule, 1 is
// now: 最多5 read as 最大5, which the model of text gets wrong whatever the
// reader).
func TestDroppedPairNotInferred(t *testing.T) {
	d := decoderNamed(t, "whatwg gbk")
	r := New()
	lines := []string{"需要经历几个阶段的启动过程。"}
	if out, _ := r.Repair(d.decode([]byte(lines[0]))); !strings.Contains(out, "几个阶段") {
		t.Errorf("%s: got %s, want 几个阶段 back from the pair dropped whole", lines[0], out)
	}
	for _, doc := range seedClean(t) {
		lines = append(lines, strings.Split(doc.text, "\n")...)
	}
	inferred, wrong := 0, 0
	for _, want := range lines {
		n, bad := inferredNotIn(t, r, d, want)
		inferred, wrong = inferred+n, wrong+len(bad)
		if len(bad) > 0 {
			t.Logf("%s: inferred %s, which the line does not hold", want, string(bad))
		}
	}
	if inferred == 0 || 100*wrong > inferred {
		t.Errorf("%d of %d inferred characters not in their line, want at most 1%%", wrong, inferred)
	}
}

// TestAmbiguousBig5: HKSCS writes hundreds of Big5's characters a second
// way, and x/text's Big5 reader reads both. Re-written with the first
// code, such a character gives bytes the text never held ("”審" read as
// "�靝" and written back as 96 44, 'D' for the lead of 審): nothing is
// inferred beside it.
func TestAmbiguousBig5(t *testing.T) {
	c := big5Codec()
	if !c.ambiguous('靝') || c.ambiguous('國') {
		t.Fatalf("ambiguous: 靝 %v (want true), 國 %v (want false)", c.ambiguous('靝'), c.ambiguous('國'))
	}
	d := decoderNamed(t, "whatwg big5")
	r := New()
	for _, want := range []string{
		"2023年窗口提供“一站式”服务。",
		"2023年推出“一件事”办理模式。",
		"2023年实行“一窗受理”审批。",
		"2023年提供“一对一”审批服务。",
		"2023年探索“交旅融合”发展。",
	} {
		if _, bad := inferredNotIn(t, r, d, want); len(bad) > 0 {
			t.Errorf("%s: inferred %s beside a character Big5 writes two ways", want, string(bad))
		}
	}
}

// inferredNotIn repairs want as d reads it and returns how many characters
// were inferred and those of them want does not hold.
func inferredNotIn(t *testing.T, r *Repairer, d *decoder, want string) (int, []rune) {
	t.Helper()
	in := d.decode([]byte(want))
	out, edits := r.Repair(in)
	checkEdits(t, in, out, edits)
	n := 0
	var bad []rune
	for _, e := range edits {
		if !strings.HasPrefix(e.Reason, inferredReason) {
			continue
		}
		for _, c := range e.New {
			if c == '\uFFFD' {
				continue
			}
			n++
			if !strings.ContainsRune(want, c) {
				bad = append(bad, c)
			}
		}
	}
	return n, bad
}

// TestCloserAtLineEnd: a line that ends with a bracket open ends with its
// closer rather than a full stop (题目:《寒食》).
func TestCloserAtLineEnd(t *testing.T) {
	prefix := []rune("题目:《寒食")
	if c, s := punctContext('》', prefix, true), punctContext('。', prefix, true); c <= s {
		t.Errorf("》 %v, 。 %v at the end of %s: want the closer ahead", c, s, string(prefix))
	}
	if c := punctContext('》', []rune("题目:寒食"), true); c != punctMisplaced {
		t.Errorf("》 with no 《: %v, want %v", c, punctMisplaced)
	}
}

// TestDroppedPair: a U+FFFD stands for two bytes only where one cannot
// leave UTF-8 whole around it and two can.
func TestDroppedPair(t *testing.T) {
	gbk := gb18030Codec()
	for _, tc := range []struct {
		name   string
		before []byte
		next   rune // the character after the U+FFFD
		want   bool
	}{
		{"last byte lost, next begins its own character", []byte{0xe5, 0x85}, '路', false},
		{"last byte lost, next is a continuation", []byte{0xe4, 0xb8}, '樁', true}, // 樁 is 98 b6 in GBK
		{"middle byte lost, next continues", []byte{0xe4}, '樁', false},
		{"middle byte lost, next begins a character", []byte{0xe4}, '路', true},
		{"after a whole character", []byte{0xe4, 0xb8, 0x80}, '樁', false},
		{"after ASCII", []byte{'a'}, '樁', false},
	} {
		win := []rune{'\uFFFD', tc.next}
		hole := make([]bool, len(tc.before))
		if got := droppedPair(tc.before, hole, win, 0, gbk); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if droppedPair([]byte{0xe4, 0xb8}, []bool{false, true}, []rune{'\uFFFD', '樁'}, 0, gbk) {
		t.Error("a loss just before: want one byte")
	}
}
