// Package bench measures the whole pipeline on a generated corpus: a
// realistic mix of the documents in testdata, written to disk and read back
// the way a user's batch is.
package bench

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	_ "embed"
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
	// Python is the Python OpenCC+jieba+regex peer's time over the same
	// files; zero when it was not asked for or cannot run.
	Python time.Duration
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
	if r.Python > 0 {
		py := mb / r.Python.Seconds()
		fmt.Fprintf(w, "python peer (OpenCC t2s + jieba + regex) on the same files: %s, %.2f MB/s\n", r.Python.Round(time.Millisecond), py)
		fmt.Fprintf(w, "ratio: the whole pipeline is %.2fx the python peer's throughput (%.2fx counting startup)\n",
			r.MBps()/py, mb/(r.Wall+r.Startup).Seconds()/py)
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
	py := make([]time.Duration, len(rs))
	for i, r := range rs {
		occ[i], py[i] = r.OpenCC, r.Python
		m.PeakRSSMB = max(m.PeakRSSMB, r.PeakRSSMB)
	}
	slices.Sort(occ)
	slices.Sort(py)
	m.OpenCC, m.Python = occ[len(occ)/2], py[len(py)/2]
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
	if len(rs) > 0 && rs[0].Python > 0 {
		fmt.Fprintf(w, "runs (pipeline MB/s, python MB/s, ratio):")
		for _, r := range rs {
			py := float64(r.Bytes) / (1 << 20) / r.Python.Seconds()
			fmt.Fprintf(w, " [%.2f %.2f %.2fx]", r.MBps(), py, r.MBps()/py)
		}
		fmt.Fprintln(w)
	}
}

// Shapes are the corpora BuildCorpus makes: the cost per byte should not
// depend on how the same kind of text is cut into files.
var Shapes = []string{"small", "html", "big"}

// BuildCorpus writes a corpus of about size bytes of the given shape to dir:
// "small" is Corpus (many small documents of every kind under from); "html"
// the same from the HTML documents only; "big" one text file made of the
// UTF-8 text documents' paragraphs, shuffled and repeated.
func BuildCorpus(shape, from, dir string, size int64, seed uint64) (files int, written int64, err error) {
	switch shape {
	case "", "small":
		return Corpus(from, dir, size, seed)
	case "html", "big":
	default:
		return 0, 0, fmt.Errorf("unknown corpus shape %q (valid: %s)", shape, strings.Join(Shapes, ", "))
	}
	all, err := loadTemplates(from)
	if err != nil {
		return 0, 0, err
	}
	var ts []template
	for _, t := range all {
		if shape == "html" && (t.ext == ".html" || t.ext == ".htm") {
			ts = append(ts, t)
		}
		if shape == "big" && t.ext == ".txt" && utf8.Valid(bytes.Join(t.lines, nil)) {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return 0, 0, fmt.Errorf("no %s documents under %s to build a corpus from", shape, from)
	}
	if shape == "html" {
		return writeCorpus(ts, dir, size, seed)
	}
	return writeBig(ts, dir, size, seed)
}

// writeBig writes one document of size bytes: paragraphs of the templates,
// each pass over them in a new order, so the text reads like a long report.
func writeBig(ts []template, dir string, size int64, seed uint64) (int, int64, error) {
	var paras [][]byte
	for _, t := range ts {
		for _, l := range t.lines {
			if len(bytes.TrimSpace(l)) > 0 {
				paras = append(paras, l)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	f, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var written int64
	for pass := 0; written < size; pass++ {
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		for _, p := range paras {
			if written >= size {
				break
			}
			n, _ := w.Write(p)
			m, _ := w.WriteString("\n")
			written += int64(n + m)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, err
	}
	return 1, written, f.Close()
}

//go:embed peer.py
var peerPy []byte

// PythonPeer finds a Python 3 that has jieba (Debian's python3-jieba) and
// the OpenCC C library: "" when there is none, and the peer is skipped.
func PythonPeer(ctx context.Context) string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		bin, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		check := "import ctypes.util, jieba, sys; sys.exit(0 if ctypes.util.find_library('opencc') else 1)"
		if exec.CommandContext(ctx, bin, "-c", check).Run() == nil {
			return bin
		}
	}
	return ""
}

// Python times the Python OpenCC+jieba+regex pipeline (peer.py) over the
// corpus in dir with the interpreter python.
func Python(ctx context.Context, python, dir string) (time.Duration, error) {
	f, err := os.CreateTemp("", "zhextract-peer-*.py")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(peerPy); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, python, f.Name(), dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("python peer: %v: %s", err, out)
	}
	return time.Since(start), nil
}
