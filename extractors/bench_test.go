package extractors

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(seedsDir, "002_bd1b06f2a63dcd9f.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// BenchmarkColdStart is what one run on one small file pays: New, the first
// Extract (which loads the word list) and nothing cached between iterations.
// heap-MB is the live heap after the first Extract.
func BenchmarkColdStart(b *testing.B) {
	text := seedText(b)
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		s, err := New()
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Extract(text)) == 0 {
			b.Fatal("no figures")
		}
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = max(heap, m.HeapAlloc)
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
}

// BenchmarkNew is New alone: it must stay cheap because it loads nothing.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractWarm is the per-document cost once the word list is loaded.
func BenchmarkExtractWarm(b *testing.B) {
	text := seedText(b)
	s := newSet(b)
	s.Extract(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Extract(text)
	}
}

// TestConcurrentExtract runs one Set from many goroutines; run with -race.
func TestConcurrentExtract(t *testing.T) {
	s := newSet(t)
	text := seedText(t)
	want := s.Extract(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				got := s.Extract(text)
				if len(got) != len(want) {
					t.Errorf("got %d figures, want %d", len(got), len(want))
					return
				}
				for i := range got {
					if got[i].Start != want[i].Start || got[i].ValueText != want[i].ValueText || got[i].Subject != want[i].Subject {
						t.Errorf("figure %d differs: %+v vs %+v", i, got[i], want[i])
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestExtractNoCandidates checks that a text without numerals never loads
// the word list.
func TestExtractNoCandidates(t *testing.T) {
	s := newSet(t)
	if figs := s.Extract("深入学习贯彻党的精神，推动交通运输高质量发展。\n\n"); len(figs) != 0 {
		t.Fatalf("got %v", figs)
	}
	if s.seg.loaded() {
		t.Fatal("word list loaded for a text without numerals")
	}
}

// BenchmarkGseFullDictPeer loads gse's own embedded simplified dictionary,
// the peer the small word list replaces: compare its ns/op with
// BenchmarkColdStart from the same run.
func BenchmarkGseFullDictPeer(b *testing.B) {
	if testing.Short() {
		b.Skip("slow peer measurement")
	}
	b.ReportAllocs()
	for b.Loop() {
		seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			b.Fatal(err)
		}
		runtime.KeepAlive(seg)
	}
}
