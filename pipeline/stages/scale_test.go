package stages

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// One-line documents (no line break anywhere) that make each stage work at
// every character: figures and years for extract, traditional text and
// readings for opencc and pinyin, replacement mojibake for the mojibake
// stage, markup for htmltext and chrome.
var scaleDocs = []struct {
	name, unit, format string
}{
	{"report", "2023年全市新建农村公路1200公里，完成投资35.6亿元。", ingest.FormatText},
	{"traditional", "臺灣（tái wān）今年新建農村公路1200公里，完成投資35.6億元。", ingest.FormatText},
	{"replacement", "锟斤拷", ingest.FormatText},
	{"html", "<p>2023年全市新建农村公路1200公里，<a href=/x>完成投资35.6亿元</a>。</p>", ingest.FormatHTML},
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n/len(s)*len(s)]
}

// BenchmarkStagesScale runs every stage over one-line documents doubled
// from 1 to 16 MB. ns/MB and cpu-ns/MB stay flat when the stages are
// linear in the document's length; each stage's share is reported too.
//
//	go test -run '^$' -bench StagesScale -benchtime 1x -timeout 60m ./pipeline/stages/
func BenchmarkStagesScale(b *testing.B) {
	st, err := Build(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, doc := range scaleDocs {
		for _, mb := range []int{1, 2, 4, 8, 16} {
			data := []byte(repeatTo(doc.unit, mb<<20))
			b.Run(fmt.Sprintf("%s/%dMB", doc.name, mb), func(b *testing.B) {
				var tm pipeline.Timings
				cpu0 := processCPU()
				for b.Loop() {
					it := ingest.Item{Source: doc.name, ID: doc.name, Data: data, Format: doc.format}
					if d := pipeline.Process(context.Background(), it, st, &tm); d.Err != nil {
						b.Fatal(d.Err)
					}
				}
				n := float64(b.N) * float64(mb)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/MB")
				b.ReportMetric(float64(processCPU()-cpu0)/n, "cpu-ns/MB")
				tm.Each(func(stage string, d time.Duration) {
					b.ReportMetric(float64(d.Nanoseconds())/n, stage+"-ns/MB")
				})
			})
		}
	}
}

// TestStagesLinear compares each one-line document with one eight times as
// long: linear stages take about 8 times as long, a quadratic one 64. The
// bound (24) leaves room for a noisy machine; both are measured in the same
// run, best of three, in CPU time.
func TestStagesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	st, err := Build(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range scaleDocs {
		t.Run(doc.name, func(t *testing.T) {
			best := func(n int) time.Duration {
				it := ingest.Item{Source: doc.name, ID: doc.name, Data: []byte(repeatTo(doc.unit, n)), Format: doc.format}
				d := time.Duration(1 << 62)
				for range 3 {
					t0 := processCPU()
					if doc := pipeline.Process(context.Background(), it, st, nil); doc.Err != nil {
						t.Fatal(doc.Err)
					}
					d = min(d, processCPU()-t0)
				}
				return d
			}
			ts, tl := best(32<<10), best(256<<10)
			if ratio := float64(tl) / float64(ts); ratio > 24 {
				t.Errorf("8x the document took %.1fx the time (%v -> %v): not linear", ratio, ts, tl)
			}
		})
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
