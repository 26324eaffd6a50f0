package mojibake

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile one-line texts: every character is suspicious, so the window
// scan and the repair see a spot per character on a line as long as the
// text.
var scaleTexts = map[string]string{
	"replacement": "锟",                        // GBK-decoded U+FFFD pairs
	"latin":       "æŠ¥å‘Š",                   // UTF-8 read as cp1252, without end
	"mixed":       "报告锟斤拷Ö@书，全市新建农村公路1200公里。", // rare and garbled characters between clean ones
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n/len(s)*len(s)]
}

// BenchmarkRepairScale doubles a one-line text from 1 to 16 MB; ns/MB stays
// flat when the stage is linear in the text's length.
//
//	go test -run '^$' -bench RepairScale -benchtime 1x ./pipeline/mojibake/
func BenchmarkRepairScale(b *testing.B) {
	r := New()
	for _, name := range []string{"replacement", "latin", "mixed"} {
		for _, mb := range []int{1, 2, 4, 8, 16} {
			text := repeatTo(scaleTexts[name], mb<<20)
			b.Run(fmt.Sprintf("%s/%dMB", name, mb), func(b *testing.B) {
				cpu0 := processCPU()
				for b.Loop() {
					r.Repair(text)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(mb), "ns/MB")
				b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/float64(mb), "cpu-ns/MB")
			})
		}
	}
}

// TestRepairLinear compares a text with one eight times as long: linear
// work takes about 8 times as long, quadratic 64. The bound (24) leaves room
// for a noisy machine; both are measured in the same run, best of three, in CPU time.
func TestRepairLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	r := New()
	for name, unit := range scaleTexts {
		t.Run(name, func(t *testing.T) {
			small, large := repeatTo(unit, 32<<10), repeatTo(unit, 256<<10)
			best := func(text string) time.Duration {
				d := time.Duration(1 << 62)
				for range 3 {
					t0 := processCPU()
					r.Repair(text)
					d = min(d, processCPU()-t0)
				}
				return d
			}
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 24 {
				t.Errorf("8x the text took %.1fx the time (%v -> %v): not linear", ratio, ts, tl)
			}
		})
	}
}

// TestLongGarbledLine: a line of mojibake longer than maxWindow is read in
// pieces; the cuts between them must cost next to nothing.
func TestLongGarbledLine(t *testing.T) {
	var b strings.Builder
	for _, d := range seedClean(t) {
		b.WriteString(strings.ReplaceAll(d.text, "\n", ""))
	}
	clean := []rune(b.String())
	clean = clean[:min(len(clean), 40000)]
	r := New()
	for _, c := range corruptions() {
		if c.name == "gb18030 frame shift" {
			continue // one stray byte per line, not a long run
		}
		t.Run(c.name, func(t *testing.T) {
			bad, ok := c.corrupt(string(clean))
			if !ok || lossy(bad) || len(bad) < 2*maxWindow {
				t.Skipf("corruption gives %d bytes, lossy %v", len(bad), lossy(bad))
			}
			got := strings.SplitAfter(mustRepair(r, bad), "。")
			want := strings.SplitAfter(string(clean), "。")
			diff := max(len(got), len(want)) - min(len(got), len(want))
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					diff++
				}
			}
			t.Logf("%d of %d sentences differ", diff, len(want))
			if diff > len(want)/100 {
				t.Errorf("%d of %d sentences differ", diff, len(want))
			}
		})
	}
}

func mustRepair(r *Repairer, s string) string {
	out, _ := r.Repair(s)
	return out
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
