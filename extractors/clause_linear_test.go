package extractors

import (
	"testing"
	"time"
)

// TestCueScansLinear: a line with no sentence end (a page that lost its
// full stops, or a hostile input) is one long sentence; the cue scans look
// back and ahead a bounded distance, so eight times the text takes about
// eight times as long, not 64.
func TestCueScansLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	s := newSet(t)
	for name, sent := range map[string]string{
		"commas":  "新建农村公路1200公里，完成投资35.6亿元，审批时限压缩50%，",
		"list":    "高速公路22.4亿元、",
		"no-cues": "某某路段12公里、某某项目3亿元、",
	} {
		t.Run(name, func(t *testing.T) {
			small := repeatTo(sent, 32<<10)
			large := repeatTo(sent, 256<<10)
			best := func(text string) time.Duration {
				d := time.Duration(1 << 62)
				for range 3 {
					t0 := processCPU()
					s.Extract(text)
					d = min(d, processCPU()-t0)
				}
				return d
			}
			s.Extract(small)
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 24 {
				t.Errorf("8x the text took %.1fx the time (%v -> %v): not linear", ratio, ts, tl)
			}
		})
	}
}
