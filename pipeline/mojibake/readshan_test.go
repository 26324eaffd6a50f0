package mojibake

import (
	"testing"
	"unicode"
)

// TestReadsHanMatchesPieces: the look at a few bytes for a Han character
// agrees with reading at every byte, on windows of clean lines and of the
// same lines garbled by each corruption, for each mechanism it serves.
func TestReadsHanMatchesPieces(t *testing.T) {
	r := New()
	var wins []string
	for _, d := range seedClean(t) {
		for _, l := range benchLines(d.text, 20) {
			wins = append(wins, l)
			for _, c := range corruptions() {
				if g, ok := c.corrupt(l); ok {
					wins = append(wins, g)
				}
			}
		}
	}
	wins = append(wins, "锟斤拷\ufffd\ufffd交通", "\ufffd", "")
	sc := &scratch{}
	checked, han := 0, 0
	for _, w := range wins {
		win := []rune(w)
		for at := 0; at < len(win); at += 7 {
			sub := win[at:min(at+16, len(win))]
			for _, m := range r.mechs() {
				if m.right.hanLead == nil {
					continue
				}
				e, ok := encodeWindow(&sc.enc, sub, m.wrong, m.right.name == "utf-8", false, unknownAfter)
				if !ok {
					continue
				}
				want := false
				for p := range e.b {
					if pc := e.readAt(m, p); !pc.lost && unicode.Is(unicode.Han, pc.r) {
						want = true
					}
				}
				if got := e.readsHan(m); got != want {
					t.Errorf("%s on %q: readsHan %v, reading every byte %v", m.reason, string(sub), got, want)
				}
				checked++
				if want {
					han++
				}
			}
		}
	}
	t.Logf("%d windows checked, %d read a Han character", checked, han)
	if han == 0 || han == checked {
		t.Errorf("%d of %d windows read a Han character: the test checks one side only", han, checked)
	}
}
