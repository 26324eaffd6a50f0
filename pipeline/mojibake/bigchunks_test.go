package mojibake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/bench"
)

// bigChunks is the corpus of `zhextract bench --shape big` (one text file
// of the testdata's text paragraphs, garbled ones among them, shuffled and
// repeated) at mb MB, cut in chunks of about 1 MB at line breaks as the
// pipeline cuts it.
func bigChunks(tb testing.TB, mb int) []string {
	dir := tb.TempDir()
	if _, _, err := bench.BuildCorpus("big", "../../testdata", dir, int64(mb)<<20, 1); err != nil {
		tb.Fatal("building the big corpus: ", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "big.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	text := string(data)
	var chunks []string
	for len(text) > 0 {
		end := len(text)
		if end > 1<<20 {
			if k := strings.IndexByte(text[1<<20:], '\n'); k >= 0 {
				end = 1<<20 + k + 1
			}
		}
		chunks = append(chunks, text[:end])
		text = text[end:]
	}
	return chunks
}

// repairChunks repairs chunks one after the other, each from the State the
// one before left, and returns the number of edits.
func repairChunks(r *Repairer, chunks []string) int {
	st := State{}
	edits := 0
	for i, c := range chunks {
		st.Chunked, st.AfterBreak = true, i > 0
		_, es, next := r.RepairFrom(c, st)
		edits += len(es)
		st = next
	}
	return edits
}

// BenchmarkRepairBigChunks is the stage on the bench's big corpus: a page
// the Repairer finds garbled and shifted early, after which every chunk is
// read with those memories (the gate skipped, Latin letters looked at
// throughout).
func BenchmarkRepairBigChunks(b *testing.B) {
	chunks := bigChunks(b, 4)
	size := 0
	for _, c := range chunks {
		size += len(c)
	}
	r := New()
	if repairChunks(r, chunks) == 0 {
		b.Fatal("no edits on the big corpus: it holds garbled paragraphs")
	}
	b.SetBytes(int64(size))
	cpu := processCPU()
	for b.Loop() {
		repairChunks(r, chunks)
	}
	reportCPU(b, cpu)
}

// reportCPU reports the process's CPU time per op since cpu: on a shared
// machine wall time measures the neighbours too.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}
