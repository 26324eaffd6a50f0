package opencc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
)

// helperEnv makes the test binary act as a converter process (config in
// the variable, input and output paths as arguments), so the benchmark can
// time zhextract's conversion the same way it times the opencc CLI: a fresh
// process, dictionaries loaded from scratch, file in, file out.
const helperEnv = "ZHEXTRACT_OPENCC_HELPER"

func TestMain(m *testing.M) {
	if cfg := os.Getenv(helperEnv); cfg != "" {
		if err := helperConvert(cfg, os.Getenv(helperEnv+"_IN"), os.Getenv(helperEnv+"_OUT")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func helperConvert(config, in, out string) error {
	c, err := New(config)
	if err != nil {
		return err
	}
	r, err := os.Open(in)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := c.ConvertStream(context.Background(), w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// timeProcess runs cmd and returns its wall time and peak resident memory
// in MiB. The peak is the last VmHWM read from /proc while it runs (sampled
// every 5 ms): rusage's maxrss is no use here, since Linux carries the
// parent's high-water mark into a vforked child across exec.
func timeProcess(b *testing.B, cmd *exec.Cmd) (time.Duration, float64) {
	b.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	var hwm float64
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil || out.Len() > 0 {
				b.Fatalf("%s: %v: %s", cmd, err, out.String())
			}
			return time.Since(start), hwm
		case <-tick.C:
			if raw, err := os.ReadFile(status); err == nil {
				for _, line := range strings.Split(string(raw), "\n") {
					var kb float64
					if _, err := fmt.Sscanf(line, "VmHWM: %f kB", &kb); err == nil {
						hwm = max(hwm, kb/1024)
					}
				}
			}
		}
	}
}

// BenchmarkConvertVsCLI converts the same 20 MB of traditional text t2s
// with the opencc CLI and with this package, each in a fresh process
// reading and writing files, and reports both throughputs and their ratio
// (x-cli > 1 means faster than the CLI). The timed loop is in-process
// ConvertStream throughput.
func BenchmarkConvertVsCLI(b *testing.B) {
	needCLI(b)
	dir := b.TempDir()
	in := filepath.Join(dir, "trad.txt")
	text := mixedCorpus(b, 20<<20, true)
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	mb := float64(len(text)) / 1e6
	text = ""

	// -i/-o is the CLI's fastest mode (no flush per line).
	cliDur, cliRSS := timeProcess(b, exec.Command("opencc", "-c", "t2s.json", "-i", in, "-o", filepath.Join(dir, "cli.txt")))
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), helperEnv+"=t2s", helperEnv+"_IN="+in, helperEnv+"_OUT="+filepath.Join(dir, "go.txt"))
	goDur, goRSS := timeProcess(b, cmd)
	b.Logf("%.1f MB t2s: opencc CLI %v (%.1f MB/s, max RSS %.1f MiB); zhextract process %v (%.1f MB/s, max RSS %.1f MiB) on %d CPUs: %.2fx",
		mb, cliDur.Round(time.Millisecond), mb/cliDur.Seconds(), cliRSS, goDur.Round(time.Millisecond), mb/goDur.Seconds(), goRSS, runtime.GOMAXPROCS(0), cliDur.Seconds()/goDur.Seconds())

	c, err := New("t2s")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(mb * 1e6))
	for b.Loop() {
		f, err := os.Open(in)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.ConvertStream(context.Background(), io.Discard, f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric(mb/cliDur.Seconds(), "cli-MB/s")
	b.ReportMetric(mb/goDur.Seconds(), "proc-MB/s")
	b.ReportMetric(cliDur.Seconds()/goDur.Seconds(), "x-cli")
	b.ReportMetric(cliRSS, "cli-maxRSS-MiB")
	b.ReportMetric(goRSS, "proc-maxRSS-MiB")
}

// BenchmarkConvert is single-goroutine Convert throughput per config on the
// mixed corpus.
func BenchmarkConvert(b *testing.B) {
	text := mixedCorpus(b, 2<<20, false)
	for _, name := range Configs() {
		b.Run(name, func(b *testing.B) {
			c, err := New(name)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_ = c.Convert(text)
			}
		})
	}
}

// BenchmarkConvertEdits is t2s with edits, as the pipeline runs it: the
// one-pass path of one-step configs against the general path.
func BenchmarkConvertEdits(b *testing.B) {
	text := mixedCorpus(b, 2<<20, false)
	c, err := New("t2s")
	if err != nil {
		b.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		name := "general"
		if fast {
			name = "one-pass"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_, _ = c.convertEdits(text, fast)
			}
		})
	}
}

// BenchmarkLoad measures building a converter from the embedded data with
// nothing cached: parse the file index, build the rune table, decode the
// config's dictionaries. "all" decodes every dictionary and reports the
// heap they keep.
func BenchmarkLoad(b *testing.B) {
	for _, spec := range configSpecs() {
		b.Run(spec.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := dat.Parse(datBytes)
				if err != nil {
					b.Fatal(err)
				}
				ab, err := newAlphabet(f.Alphabet)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := build(spec, ab, f.Dict); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	loadAll := func(b *testing.B) []*dat.Dict {
		f, err := dat.Parse(datBytes)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := newAlphabet(f.Alphabet); err != nil {
			b.Fatal(err)
		}
		var ds []*dat.Dict
		for _, name := range f.Names() {
			d, err := f.Dict(name)
			if err != nil {
				b.Fatal(err)
			}
			ds = append(ds, d)
		}
		return ds
	}
	b.Run("all", func(b *testing.B) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		kept := loadAll(b)
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(kept)
		b.ReportAllocs()
		for b.Loop() {
			loadAll(b)
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MiB")
	})
}
