package mojibake

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestPageRepeatsWord reads pages of UTF-8 with x/text's GBK reader: a word
// the page writes whole in one place and lost a character of in a later
// one (农村\uFFFD路 after 农村公路 came through) comes back from the page's
// own pairs, which the language model alone left U+FFFD. No character
// comes back wrong.
func TestPageRepeatsWord(t *testing.T) {
	tests := []struct{ page, span string }{
		{"工程建设项目审批时间压缩一半以上，审批环节减少三成。\n市政务服务中心深化审批制度改革。\n下一步将继续推行并联审批。", "深化审批制度"},
		{"整治后航道等级提升到三级，千吨级船舶可全年通航。\n内河航道整治工程顺利完工。\n航道养护单位将加强日常巡查。", "内河航道整治"},
		{"对全市桥梁实行定期检测，发现问题桥梁及时处置。\n桥梁检测中心完成危桥改造二十座。\n桥梁安全管理纳入考核。", "桥梁检测中心"},
		{"农村公路通达所有建制村，农村公路养护实现全覆盖。\n乡村振兴战略推动农村公路建设。\n群众出行更加便捷。", "推动农村公路"},
		{"公交站点实现行政村全覆盖。\n邮政网点实现乡镇全覆盖。", "乡镇全覆盖"},
	}
	r := New()
	for _, tc := range tests {
		bad, err := simplifiedchinese.GBK.NewDecoder().String(tc.page)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(bad, tc.span) {
			t.Fatalf("%s: the span is not garbled", tc.span)
		}
		out, edits := r.Repair(bad)
		checkEdits(t, bad, out, edits)
		if !strings.Contains(out, tc.span) {
			t.Errorf("got %s, want %s back", out, tc.span)
		}
		for i, line := range strings.Split(out, "\n") {
			got, want := []rune(line), []rune(strings.Split(tc.page, "\n")[i])
			if len(got) != len(want) {
				continue // a lost run left shorter or longer: nothing to align
			}
			for k := range got {
				if got[k] != want[k] && got[k] != '\uFFFD' {
					t.Errorf("%s: %c at %d is wrong", line, got[k], k)
				}
			}
		}
	}
}

// TestPairsScope: the page's pairs start anew after a line that ends a
// scope (NewScoped), where the pipeline may cut a document into chunks,
// so a chunk repairs as it would inside the whole.
func TestPairsScope(t *testing.T) {
	page := "对全市桥梁实行定期检测，发现问题桥梁及时处置。\n桥梁检测中心完成危桥改造二十座。"
	bad, err := simplifiedchinese.GBK.NewDecoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(bad, "\n")
	for _, tc := range []struct {
		name     string
		scopeEnd func(string) bool
		want     string
	}{
		{"one scope", nil, "桥梁检测中心"},
		{"a scope ends after the first line", func(line string) bool { return line == first }, "桥\uFFFD检测中心"},
	} {
		out, edits := NewScoped(tc.scopeEnd).Repair(bad)
		checkEdits(t, bad, out, edits)
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s: got %s, want %s", tc.name, out, tc.want)
		}
	}
}

// refEnterScope is enterScope as first written: each line from the first
// not yet checked, in order, asked whether it ends a scope.
func refEnterScope(r *Repairer, sc *scratch, text string, at int) {
	if r.scopeEnd == nil {
		return
	}
	for sc.scopeScan < at {
		e := strings.IndexByte(text[sc.scopeScan:at], '\n')
		if e < 0 {
			return
		}
		if r.scopeEnd(text[sc.scopeScan : sc.scopeScan+e]) {
			sc.pairs.reset()
		}
		sc.scopeScan += e + 1
	}
}

// TestEnterScopeAsReference: enterScope, which asks the lines from the
// last and not at all with no pairs held, leaves the pairs and the lines
// checked as the line-by-line reference does, on random pages (lines that
// end a scope or not, empty ones) read at random runs, with pairs noted
// between runs or not.
func TestEnterScopeAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 35))
	pieces := []string{"END", "桥梁", "abc", "", "检测中心完成"}
	asked := 0
	r := NewScoped(func(line string) bool { asked++; return strings.HasSuffix(line, "END") })
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			for range rng.IntN(3) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteByte('\n')
		}
		b.WriteString("尾")
		text := b.String()
		var got, want scratch
		for at := 0; at < len(text); at += 1 + rng.IntN(8) {
			if rng.IntN(3) == 0 {
				got.pairs.note([]rune("桥梁"))
				want.pairs.note([]rune("桥梁"))
			}
			r.enterScope(&got, text, at)
			refEnterScope(r, &want, text, at)
			if got.scopeScan != want.scopeScan || got.pairs.empty() != want.pairs.empty() {
				t.Fatalf("%q at %d: lines checked to %d, pairs empty %v; the reference %d, %v", text, at, got.scopeScan, got.pairs.empty(), want.scopeScan, want.pairs.empty())
			}
		}
	}
	if asked == 0 {
		t.Fatal("no line was asked: the test compares nothing")
	}
}
