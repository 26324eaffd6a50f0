package mojibake

import (
	"reflect"
	"strings"
	"testing"
)

// TestGateMemoKeepsRepairs: pages that repeat lines, clean and garbled by
// each corruption, repair the same with the gate's memo as with every
// narrow span read. It fails when no page repeats a span the gate reads
// (the memo would then be checked nowhere).
func TestGateMemoKeepsRepairs(t *testing.T) {
	fast, ref := New(), New()
	ref.noGateMemo = true
	var lines []string
	for _, d := range seedClean(t) {
		lines = append(lines, benchLines(d.text, 12)...)
	}
	type page struct{ name, text string }
	var pages []page
	for i := 0; i+1 < len(lines); i += 2 {
		a, b := lines[i], lines[i+1]
		// A line again after another, and twice in a row: the memo's
		// key holds the characters on either side.
		pages = append(pages, page{"clean", strings.Join([]string{a, b, a, a, b}, "\n")})
		for _, c := range corruptions() {
			ga, okA := c.corrupt(a)
			gb, okB := c.corrupt(b)
			if !okA || !okB {
				continue
			}
			pages = append(pages,
				page{c.name, strings.Join([]string{ga, b, ga, ga}, "\n")},
				page{c.name + " after clean", strings.Join([]string{a, b, a, gb, b}, "\n")})
		}
	}
	// Short lines with a rare character, each a narrow span of its own
	// between two line breaks: one garbled after the clean one has the
	// same characters on either side, so only its text tells them apart.
	for _, a := range []string{"由坪輋用新公路", "記者蔡政珉攝", "麻豆寮仔廍至下營", "巴结至泥凼公路改造", "七舍至捧乍公路"} {
		for _, c := range corruptions() {
			if g, ok := c.corrupt(a); ok {
				pages = append(pages, page{c.name + " short", strings.Join([]string{"", a, g, a, g, ""}, "\n")})
			}
		}
	}
	repeats := 0
	for _, p := range pages {
		repeats += repeatedSpans(fast, p.text)
		for _, st := range []State{{}, {Chunked: true, AfterBreak: true}, {Shift: "gb18030 frame shift"}} {
			outF, editsF, stF := fast.RepairFrom(p.text, st)
			outR, editsR, stR := ref.RepairFrom(p.text, st)
			if outF != outR || !reflect.DeepEqual(editsF, editsR) || !reflect.DeepEqual(stF, stR) {
				t.Errorf("%s page, state %+v: with the memo %q %v %+v, without %q %v %+v", p.name, st, outF, editsF, stF, outR, editsR, stR)
			}
		}
	}
	t.Logf("%d pages, %d narrow spans read again", len(pages), repeats)
	if repeats == 0 {
		t.Error("no page repeats a narrow span: the test checks nothing")
	}
}

// repeatedSpans counts the narrow spans of text's windows that an earlier
// one repeats with the same characters on either side.
func repeatedSpans(r *Repairer, text string) int {
	spots, _ := r.det.scan(text)
	sc := &scratch{textLeft: -1}
	n := 0
	for _, w := range r.windows(text, spots) {
		for _, s := range w.near {
			left, right := sc.around(text, s.start, s.end)
			if _, ok := sc.gatedBefore(text[s.start:s.end], left, right, w.lone); ok {
				n++
				continue
			}
			sc.gated = append(sc.gated, gateSpan{text: text[s.start:s.end], left: left, right: right, lone: w.lone})
		}
	}
	return n
}

// TestGateMemoAcrossDocuments: one Repairer's verdicts carry from document
// to document (gateMemo). Documents that share lines with a rare but real
// character, clean and garbled by each corruption, in each state a chunk
// can start in, repair the same through a Repairer that has read the
// others first as through one that reads every narrow span. It fails when
// the memo holds nothing after them (it would then be checked nowhere).
func TestGateMemoAcrossDocuments(t *testing.T) {
	fast, ref := New(), New()
	ref.noGateMemo = true
	shared := []string{"由坪輋用新公路通往镇上。", "記者蔡政珉攝影報導。", "巴结至泥凼公路改造完工。"}
	var docs []string
	for i, a := range shared {
		b := shared[(i+1)%len(shared)]
		docs = append(docs, a+"\n"+b, b+"\n"+a)
		for _, c := range corruptions() {
			if g, ok := c.corrupt(a); ok {
				docs = append(docs, g+"\n"+b, b+"\n"+g+"\n"+a)
			}
		}
	}
	states := []State{{}, {Chunked: true, AfterBreak: true}, {Shift: "gb18030 frame shift"}, {Shift: "big5 frame shift", Garbled: true}}
	for round := range 2 {
		for _, d := range docs {
			for _, st := range states {
				outF, editsF, stF := fast.RepairFrom(d, st)
				outR, editsR, stR := ref.RepairFrom(d, st)
				if outF != outR || !reflect.DeepEqual(editsF, editsR) || !reflect.DeepEqual(stF, stR) {
					t.Errorf("round %d, state %+v, %q: with the memo %q %v %+v, without %q %v %+v", round, st, d, outF, editsF, stF, outR, editsR, stR)
				}
			}
		}
	}
	fast.verdicts.mu.Lock()
	n := len(fast.verdicts.m)
	fast.verdicts.mu.Unlock()
	if n == 0 {
		t.Error("the memo holds no verdict: the test checks nothing")
	}
	t.Logf("%d documents, %d verdicts kept", len(docs), n)
}

// TestWindowMemoKeepsRepairs: pages that repeat lines, garbled by each
// corruption and clean ones with rare characters, and chunks of the
// bench's big corpus repair the same with the windows of a garbled page
// read once per text as with every window read. It fails when no window
// repeats (the memo would then be checked nowhere).
func TestWindowMemoKeepsRepairs(t *testing.T) {
	fast, ref := New(), New()
	ref.noWindowMemo = true
	var lines []string
	for _, d := range seedClean(t) {
		lines = append(lines, benchLines(d.text, 6)...)
	}
	var pages []string
	for i := 0; i+1 < len(lines); i += 2 {
		a, b := lines[i], lines[i+1]
		for _, c := range corruptions() {
			ga, okA := c.corrupt(a)
			gb, okB := c.corrupt(b)
			if !okA || !okB {
				continue
			}
			// A garbled line again after another, twice in a row, and
			// beside its clean self: the key holds the characters on
			// either side and the frame shift found so far.
			pages = append(pages, strings.Join([]string{ga, b, ga, ga, a, gb, ga}, "\n"))
		}
	}
	pages = append(pages, bigChunks(t, 2)...)
	repeats := 0
	for _, p := range pages {
		seen := map[string]bool{}
		spots, _ := fast.det.scan(p)
		for _, w := range fast.windows(p, spots) {
			if seen[p[w.start:w.end]] {
				repeats++
			}
			seen[p[w.start:w.end]] = true
		}
		for _, st := range []State{{}, {Garbled: true}, {Garbled: true, Shift: "gb18030 frame shift"}, {Chunked: true, AfterBreak: true, Garbled: true, Shift: "big5 frame shift"}} {
			outF, editsF, stF := fast.RepairFrom(p, st)
			outR, editsR, stR := ref.RepairFrom(p, st)
			if outF != outR || !reflect.DeepEqual(editsF, editsR) || !reflect.DeepEqual(stF, stR) {
				t.Fatalf("page %.80q, state %+v: with the memo %d edits %+v, without %d edits %+v", p, st, len(editsF), stF, len(editsR), stR)
			}
		}
	}
	t.Logf("%d pages, %d windows repeated", len(pages), repeats)
	if repeats == 0 {
		t.Fatal("no window repeats: the memo is not tested")
	}
}
