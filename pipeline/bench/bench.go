// Package bench measures the whole pipeline on a generated corpus: a
// realistic mix of the documents in testdata, written to disk and read back
// the way a user's batch is.
package bench

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// Corpus writes about size bytes of documents to dir, built from the
// documents found under from (text, HTML, JSONL and gzipped files, in every
// encoding they come in). Each generated document is a sample of one template
// with its paragraphs shuffled and numbered, so no two are identical.
// It returns the number of files and bytes written.
func Corpus(from, dir string, size int64, seed uint64) (files int, written int64, err error) {
	templates, err := loadTemplates(from)
	if err != nil {
		return 0, 0, err
	}
	if len(templates) == 0 {
		return 0, 0, fmt.Errorf("no documents under %s to build a corpus from", from)
	}
	return writeCorpus(templates, dir, size, seed)
}

// CorpusOf is Corpus built from the named template files only, so that a
// corpus a golden file pins does not move when other test data is added.
func CorpusOf(paths []string, dir string, size int64, seed uint64) (files int, written int64, err error) {
	var ts []template
	for _, p := range paths {
		t, ok, err := readTemplate(p)
		if err != nil {
			return 0, 0, err
		}
		if ok {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return 0, 0, fmt.Errorf("none of the %d files given is a document to build a corpus from", len(paths))
	}
	sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].lines) < len(ts[j].lines) })
	return writeCorpus(ts, dir, size, seed)
}

func writeCorpus(templates []template, dir string, size int64, seed uint64) (files int, written int64, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for written < size {
		t := templates[files%len(templates)]
		data := vary(t, files, rng)
		name := filepath.Join(dir, fmt.Sprintf("%03d", files/1000), fmt.Sprintf("doc-%07d%s", files, t.ext))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return files, written, err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return files, written, err
		}
		files++
		written += int64(len(data))
	}
	return files, written, nil
}

type template struct {
	ext   string
	lines [][]byte // split on '\n', in the file's own encoding
}

func loadTemplates(from string) ([]template, error) {
	var ts []template
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !ingest.DocumentName(d.Name()) {
			return nil
		}
		t, ok, err := readTemplate(p)
		if ok {
			ts = append(ts, t)
		}
		return err
	})
	sort.Slice(ts, func(i, j int) bool { return len(ts[i].lines) < len(ts[j].lines) })
	return ts, err
}

// readTemplate reads one document file as a template; ok is false for
// files that are not one (containers, empty or corrupt files).
func readTemplate(p string) (t template, ok bool, err error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return t, false, err
	}
	name := strings.ToLower(filepath.Base(p))
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return t, false, nil // a deliberately corrupt test file
		}
		data, err = io.ReadAll(zr)
		if err != nil {
			return t, false, nil
		}
		name = strings.TrimSuffix(name, ".gz")
	}
	ext := filepath.Ext(name)
	if ext == "" {
		ext = ".txt"
	}
	if len(data) == 0 || ext == ".jsonl" || ext == ".ndjson" {
		return t, false, nil // JSONL files are containers; their documents repeat others
	}
	return template{ext: ext, lines: bytes.Split(data, []byte("\n"))}, true, nil
}

// vary shuffles the body paragraphs of text documents (HTML is kept as it
// is, since its lines are markup) and adds a numbered line, in ASCII so that
// it is valid in every encoding.
func vary(t template, n int, rng *rand.Rand) []byte {
	lines := t.lines
	if t.ext == ".txt" && len(lines) > 6 {
		lines = append([][]byte(nil), lines...)
		body := lines[3:]
		rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	}
	var b bytes.Buffer
	if t.ext != ".txt" {
		b.Write(bytes.Join(lines, []byte("\n")))
		fmt.Fprintf(&b, "\n<!-- corpus document %d -->\n", n)
		return b.Bytes()
	}
	b.Write(bytes.Join(lines, []byte("\n")))
	fmt.Fprintf(&b, "\nNo. %d\n", n)
	return b.Bytes()
}

// Result is one measured run.
type Result struct {
	Files     int
	Bytes     int64
	Docs      int
	Failed    int
	Figures   int
	Wall      time.Duration
	CPU       time.Duration
	PeakRSSMB float64
	// Startup is the time to load the stages' dictionaries and tables,
	// before the run and not in Wall.
	Startup time.Duration
	Stages  []StageShare
	// OpenCC is the opencc CLI's time for t2s over the same bytes; zero when
	// the CLI is not installed.
	OpenCC time.Duration
}

// StageShare is the time one stage took, summed over workers.
type StageShare struct {
	Stage string
	Time  time.Duration
	Share float64
}

// MBps is the pipeline's throughput in MB/s.
func (r Result) MBps() float64 { return float64(r.Bytes) / (1 << 20) / r.Wall.Seconds() }

// Run measures the pipeline over the corpus in dir, writing to out.
func Run(ctx context.Context, dir, out string, st []pipeline.Stage, workers int, formats []string) (Result, error) {
	var res Result
	timings := &pipeline.Timings{}
	cpu0 := cpuTime()
	start := time.Now()
	sum, err := batch.Run(ctx, batch.Config{Inputs: []string{dir}, Out: out, Formats: formats, Workers: workers, Stages: st, Timings: timings})
	res.Wall = time.Since(start)
	res.CPU = cpuTime() - cpu0
	if err != nil {
		return res, err
	}
	res.Docs, res.Failed, res.Figures, res.Bytes = sum.Docs, sum.Failed, sum.Figures, sum.Bytes
	var total time.Duration
	timings.Each(func(s string, d time.Duration) { total += d })
	timings.Each(func(s string, d time.Duration) {
		res.Stages = append(res.Stages, StageShare{s, d, float64(d) / float64(total)})
	})
	res.PeakRSSMB = peakRSSMB()
	return res, nil
}

// OpenCC times `opencc -c t2s` over the concatenation of the corpus files,
// or returns 0 when it is not installed. GBK and Big5 files are given to it
// decoded to UTF-8 (the CLI stops at the first invalid UTF-8 byte), so it
// converts the same documents the pipeline read.
func OpenCC(ctx context.Context, dir string) (time.Duration, error) {
	bin, err := exec.LookPath("opencc")
	if err != nil {
		return 0, nil
	}
	cat, err := os.CreateTemp("", "zhextract-bench-*.txt")
	if err != nil {
		return 0, err
	}
	defer os.Remove(cat.Name())
	dec := decode.New(nil)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !utf8.Valid(data) {
			r, err := dec.Decode(data, "")
			if err != nil {
				return nil
			}
			data = []byte(r.Text)
		}
		_, err = cat.Write(data)
		return err
	})
	cat.Close()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, bin, "-c", "t2s", "-i", cat.Name(), "-o", os.DevNull)
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("opencc: %v: %s", err, out)
	}
	return time.Since(start), nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func peakRSSMB() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}

// Report prints a result for people.
func Report(w io.Writer, r Result, workers int) {
	mb := float64(r.Bytes) / (1 << 20)
	fmt.Fprintf(w, "corpus:      %d files, %.1f MB\n", r.Files, mb)
	fmt.Fprintf(w, "documents:   %d (%d failed), %d figures\n", r.Docs, r.Failed, r.Figures)
	fmt.Fprintf(w, "startup:     %s (loading dictionaries, before the run)\n", r.Startup.Round(time.Millisecond))
	fmt.Fprintf(w, "wall time:   %s\n", r.Wall.Round(time.Millisecond))
	fmt.Fprintf(w, "throughput:  %.2f MB/s, %.0f documents/s\n", r.MBps(), float64(r.Docs)/r.Wall.Seconds())
	fmt.Fprintf(w, "cpu/wall:    %.2f (%d workers)\n", r.CPU.Seconds()/r.Wall.Seconds(), workers)
	fmt.Fprintf(w, "peak RSS:    %.0f MB\n", r.PeakRSSMB)
	fmt.Fprintf(w, "stage shares (CPU time summed over workers):\n")
	for _, s := range r.Stages {
		fmt.Fprintf(w, "  %-10s %6.1f%%  %s\n", s.Stage, 100*s.Share, s.Time.Round(time.Millisecond))
	}
	if r.OpenCC > 0 {
		occ := mb / r.OpenCC.Seconds()
		fmt.Fprintf(w, "opencc -c t2s on the same bytes: %s, %.2f MB/s\n", r.OpenCC.Round(time.Millisecond), occ)
		fmt.Fprintf(w, "ratio: the whole pipeline is %.2fx the opencc CLI's t2s throughput (%.2fx counting startup)\n",
			r.MBps()/occ, mb/(r.Wall+r.Startup).Seconds()/occ)
	} else {
		fmt.Fprintf(w, "opencc CLI not installed: no comparison\n")
	}
}

// Median returns the run with the median pipeline wall time, its opencc
// time replaced by the median of all runs' (each timed right after its own
// pipeline run), so that one slow moment of a shared machine does not
// decide the ratio.
func Median(rs []Result) Result {
	if len(rs) == 0 {
		return Result{}
	}
	byWall := slices.Clone(rs)
	slices.SortFunc(byWall, func(a, b Result) int { return cmp.Compare(a.Wall, b.Wall) })
	m := byWall[len(byWall)/2]
	occ := make([]time.Duration, len(rs))
	for i, r := range rs {
		occ[i] = r.OpenCC
		m.PeakRSSMB = max(m.PeakRSSMB, r.PeakRSSMB)
	}
	slices.Sort(occ)
	m.OpenCC = occ[len(occ)/2]
	return m
}

// Spread prints each run's throughput and ratio, for reports of noisy runs.
func Spread(w io.Writer, rs []Result) {
	fmt.Fprintf(w, "runs (pipeline MB/s, opencc MB/s, ratio):")
	for _, r := range rs {
		mb := float64(r.Bytes) / (1 << 20)
		if r.OpenCC > 0 {
			occ := mb / r.OpenCC.Seconds()
			fmt.Fprintf(w, " [%.2f %.2f %.2fx]", r.MBps(), occ, r.MBps()/occ)
		} else {
			fmt.Fprintf(w, " [%.2f]", r.MBps())
		}
	}
	fmt.Fprintln(w)
}
