package extractors

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile one-line documents: every sentence holds a year and two figures,
// so year scoping runs once per figure over a line as long as the document.
var scaleSentences = map[string]string{
	"sentences": "2023年全市新建农村公路1200公里，完成投资35.6亿元。",
	"newlines":  "2023年全市新建农村公路1200公里，完成投资35.6亿元。\n",
	// a scope line's relative year, resolved for every figure
	"relative": "今年新建农村公路1200公里，完成投资35.6亿元。",
	"ranged":   "2021-2025年规划，今年新建农村公路1200公里。",
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n/len(s)*len(s)]
}

// BenchmarkExtractScale doubles a one-line document from 1 to 16 MB; ns/MB
// stays flat when extraction is linear in the document's length.
//
//	go test -run '^$' -bench ExtractScale -benchtime 1x ./extractors/
func BenchmarkExtractScale(b *testing.B) {
	s := newSet(b)
	for _, name := range []string{"sentences", "newlines", "relative", "ranged"} {
		for _, mb := range []int{1, 2, 4, 8, 16} {
			text := repeatTo(scaleSentences[name], mb<<20)
			b.Run(fmt.Sprintf("%s/%dMB", name, mb), func(b *testing.B) {
				cpu0 := processCPU()
				for b.Loop() {
					if len(s.Extract(text)) == 0 {
						b.Fatal("no figures")
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(mb), "ns/MB")
				b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/float64(mb), "cpu-ns/MB")
			})
		}
	}
}

// TestExtractLinear compares a document with one eight times as long: a
// linear extractor takes about 8 times as long, a quadratic one 64. The
// bound (24) leaves room for a noisy machine; both sizes are measured in the
// same run, best of three, in CPU time.
func TestExtractLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	s := newSet(t)
	for name, sent := range scaleSentences {
		t.Run(name, func(t *testing.T) {
			small := repeatTo(sent, 64<<10)
			large := repeatTo(sent, 512<<10)
			best := func(text string) time.Duration {
				d := time.Duration(1 << 62)
				for range 3 {
					t0 := processCPU()
					s.Extract(text)
					d = min(d, processCPU()-t0)
				}
				return d
			}
			s.Extract(small) // warm the word list
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 24 {
				t.Errorf("8x the text took %.1fx the time (%v -> %v): not linear", ratio, ts, tl)
			}
		})
	}
}

// The indexed lookups must give what a scan of every mention gives. These
// scans are the definitions the lookups replaced.
func scanScopeYear(d *document, pos int) int {
	y := 0
	for _, s := range d.scopes {
		if s.end <= pos {
			y = s.year
			if s.ranged {
				y = 0
			}
		}
	}
	return y
}

func scanReferenceYear(d *document, pos int) int {
	var para span
	for _, p := range d.paragraphs {
		if pos >= p.start && pos < p.end {
			para = p
		}
	}
	best, bestDist := 0, -1
	for _, y := range d.years {
		if y.ranged || y.start < para.start || y.end > para.end {
			continue
		}
		dist := max(y.start-pos, pos-y.start)
		if bestDist < 0 || dist < bestDist {
			best, bestDist = y.year, dist
		}
	}
	if best != 0 {
		return best
	}
	for _, y := range d.years {
		if y.iso && y.end <= pos {
			best = y.year
		}
	}
	return best
}

func scanNear(d *document, sp span, pos int) int {
	near := -1
	for i, y := range d.years {
		if y.start >= sp.start && y.end <= pos {
			near = i
		}
	}
	return near
}

func scanScopes(d *document) []yearMention {
	var out []yearMention
	for _, y := range d.years {
		if y.iso {
			continue
		}
		line := lineAround(d.text, y.start)
		if isScopeLine(d.text[line.start:line.end]) {
			out = append(out, y)
		}
	}
	return out
}

// scanFindYears is findYears as it was: each date stamp checked against
// every year, then an insertion sort.
func scanFindYears(text string) []yearMention {
	var ys []yearMention
	for _, m := range yearMatches(text) {
		if y := parseYear(text[m[2]:m[3]]); y >= 1950 && y <= 2100 {
			ys = append(ys, yearMention{start: m[0], end: m[1], year: y})
		}
	}
	for _, m := range isoMatches(text) {
		y := parseYear(text[m[2]:m[3]])
		inside := false
		for _, x := range ys {
			inside = inside || (m[0] >= x.start && m[0] < x.end)
		}
		if y < 1950 || y > 2100 || inside {
			continue
		}
		ys = append(ys, yearMention{start: m[0], end: m[1], year: y, iso: true})
	}
	for i := 1; i < len(ys); i++ {
		for j := i; j > 0 && ys[j].start < ys[j-1].start; j-- {
			ys[j], ys[j-1] = ys[j-1], ys[j]
		}
	}
	markRanges(text, ys)
	indexYears(ys)
	return ys
}

func TestYearLookupsMatchScan(t *testing.T) {
	parts := []string{
		"2022年", "2023 年", "２０２１年", "1949年", "2021-2025年", "2021年至2025年",
		"2024-12-16", "2024-12-2023年", "今年", "去年", "与去年持平", "新建公路12公里",
		"，", "。", "\n", "\n\n", "实施时间：", "以来", "投资3亿元", "x", "一二三四五六七八九十",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	found := 0 // positions with a reference year: the test must reach them
	defer func() {
		if found < 10000 {
			t.Errorf("only %d positions had a reference year", found)
		}
	}()
	for n := range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		d := newDocument(text)
		d.findYears()
		if got, want := fmt.Sprint(d.years), fmt.Sprint(scanFindYears(text)); got != want {
			t.Fatalf("doc %d %q: years %s, scan %s", n, text, got, want)
		}
		if got, want := fmt.Sprint(scopeMentions(text, d.years)), fmt.Sprint(scanScopes(d)); got != want {
			t.Fatalf("doc %d %q: scopes %s, scan %s", n, text, got, want)
		}
		for i := 1; i < len(d.years); i++ {
			if d.years[i].start <= d.years[i-1].start {
				t.Fatalf("doc %d %q: years out of order: %v", n, text, d.years)
			}
		}
		for pos := 0; pos <= len(text); pos++ {
			if got, want := d.scopeYear(pos), scanScopeYear(d, pos); got != want {
				t.Fatalf("doc %d %q pos %d: scopeYear %d, scan %d", n, text, pos, got, want)
			}
			want := scanReferenceYear(d, pos)
			if want != 0 {
				found++
			}
			if got := d.referenceYear(pos); got != want {
				t.Fatalf("doc %d %q pos %d: referenceYear %d, scan %d", n, text, pos, got, want)
			}
			for _, sp := range docSentences(d) {
				if sp.start > pos || pos > sp.end {
					continue
				}
				got := lastEndingBy(d.years, pos)
				if got >= 0 && d.years[got].start < sp.start {
					got = -1
				}
				if want := scanNear(d, sp, pos); got != want {
					t.Fatalf("doc %d %q pos %d: near %d, scan %d", n, text, pos, got, want)
				}
			}
		}
	}
}

// processCPU is the process's user and system time: on a shared machine
// wall time measures the neighbours too.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
