package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zhextract-cmd-test-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "zhextract")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func zx(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return zxIn(t, "", stdin, args...)
}

func TestRunExitCodes(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "x.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644)
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"examples", []string{"../../testdata/examples"}, 0, "0 failed"},
		// Issue 16 item 5: a missing input exits 3 after the rest is
		// processed, and the summary names it (exit 0 before).
		{"missing path only", []string{filepath.Join(dir, "nope.txt")}, 3, "not processed: input " + filepath.Join(dir, "nope.txt")},
		{"missing path beside a good one", []string{filepath.Join(dir, "nope.txt"), "../../testdata/seeds/000_57ee527ed9377c6b.txt"}, 3, "1 documents (0 failed)"},
		{"missing glob beside a good one", []string{filepath.Join(dir, "*.nope"), "../../testdata/seeds/000_57ee527ed9377c6b.txt"}, 3, "1 input not found; the other inputs were processed"},
		{"binary only", []string{png}, 1, "no input document could be processed"},
		{"bad format", []string{"--format", "xml", "../../testdata/examples"}, 2, "unknown format"},
		{"bad convert config", []string{"--convert", "x2y", "../../testdata/examples"}, 2, "s2twp"},
		{"no input", nil, 2, "missing INPUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"run", "--out", t.TempDir()}, tc.args...)
			_, stderr, code := zx(t, "", args...)
			if code != tc.code || !strings.Contains(stderr, tc.inStderr) {
				t.Errorf("exit %d, want %d; stderr %q should contain %q", code, tc.code, stderr, tc.inStderr)
			}
		})
	}
}

func TestRunStdinAndQuietWhenPiped(t *testing.T) {
	out := t.TempDir()
	_, stderr, code := zx(t, "改造农村公路559公里。", "run", "--out", out, "--format", "jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "\r") || strings.Contains(stderr, "\033[") {
		t.Errorf("progress bar drawn on a pipe: %q", stderr)
	}
	b, _ := os.ReadFile(filepath.Join(out, "documents.jsonl"))
	if !strings.Contains(string(b), `"source":"-"`) {
		t.Errorf("stdin document missing: %s", b)
	}
}

func TestClean(t *testing.T) {
	simp, _, code := zx(t, "", "clean", "../../testdata/seeds/004_49165bd040422d94.txt")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	orig, _, _ := zx(t, "", "clean", "--script", "original", "../../testdata/seeds/004_49165bd040422d94.txt")
	if !strings.Contains(simp, "交通运输") || strings.Contains(simp, "交通運輸") {
		t.Errorf("clean text is not simplified")
	}
	if !strings.Contains(orig, "交通運輸") {
		t.Errorf("--script original lost the traditional script")
	}
	_, stderr, code := zx(t, "", "clean", "/nonexistent/file.txt")
	if code == 0 || !strings.Contains(stderr, "/nonexistent/file.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
}

// TestInterrupt sends SIGINT mid-run: no file may be left half-written under
// a final name, and --resume finishes the batch.
func TestInterrupt(t *testing.T) {
	in := t.TempDir()
	seed, _ := os.ReadFile("../../testdata/seeds/003_152db1442ce30948.txt")
	const n = 3000
	for i := 0; i < n; i++ {
		p := filepath.Join(in, string(rune('a'+i%26)), strings.Repeat("x", 1+i/26)+".txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, seed, 0o644)
	}
	out := t.TempDir()
	cmd := exec.Command(binary, "run", "--workers", "1", "--out", out, "--format", "parquet,jsonl", in)
	var e bytes.Buffer
	cmd.Stderr = &e
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Signal only once the run has opened its output (its signal handler is
	// in place by then): on a loaded machine a fixed sleep could deliver the
	// SIGINT before the handler exists and kill the process outright.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if ents, _ := os.ReadDir(out); len(ents) > 0 {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Skipf("run finished before the interrupt (err %v); machine too fast for this corpus", err)
	}
	if ee.ExitCode() != 130 || !strings.Contains(e.String(), "--resume") {
		t.Fatalf("exit %d, stderr %q", ee.ExitCode(), e.String())
	}
	if tmp, _ := filepath.Glob(filepath.Join(out, ".*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	if _, stderr, code := zx(t, "", "run", "--resume", "--out", out, "--format", "parquet,jsonl", in); code != 0 {
		t.Fatalf("resume: exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "documents*.jsonl"))
	seen := map[string]int{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if line == "" {
				continue
			}
			var row struct{ Source string }
			if err := json.Unmarshal([]byte(line), &row); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			seen[row.Source]++
		}
	}
	if len(files) < 1 || len(seen) != n {
		t.Errorf("after resume: %d files, %d distinct documents, want 2 and %d", len(files), len(seen), n)
	}
	for s, c := range seen {
		if c != 1 {
			t.Errorf("%s appears %d times", s, c)
		}
	}
}

// TestBench runs bench on a small corpus: every generated file becomes a
// document, none fails, and the report and profiles are written.
func TestBench(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	stdout, stderr, code := zx(t, "", "bench", "--size", "2", "--runs", "2", "--no-opencc", "--from", "../../testdata",
		"--dir", filepath.Join(dir, "b"), "--cpuprofile", cpu, "--memprofile", mem)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var files, docs, failed int
	for _, l := range strings.Split(stdout+stderr, "\n") {
		if strings.HasPrefix(l, "corpus:      ") {
			fmt.Sscanf(strings.TrimPrefix(l, "corpus:"), "%d files", &files)
		}
		if strings.HasPrefix(l, "documents:") {
			fmt.Sscanf(strings.TrimPrefix(l, "documents:"), "%d (%d failed)", &docs, &failed)
		}
	}
	if files == 0 || docs != files || failed != 0 {
		t.Errorf("corpus %d files, %d documents, %d failed:\n%s", files, docs, failed, stdout)
	}
	for _, want := range []string{"throughput:", "peak RSS:", "startup:", "  extract ", "runs (pipeline MB/s"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	for _, p := range []string{cpu, mem} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("no profile %s: %v", p, err)
		}
	}
}
