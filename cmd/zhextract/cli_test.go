package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// zxIn runs the binary in dir ("" is this package's folder).
func zxIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// TestCLI is the end-to-end suite of the command line (issue 16): help,
// version, completion, flag order, and the exit code and message of each
// command's errors. A usage error (exit 2) is exactly one line on stderr.
func TestCLI(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	examples := abs("../../testdata/examples")
	seed := abs("../../testdata/seeds/004_49165bd040422d94.txt")
	tmp := t.TempDir()
	big5 := filepath.Join(tmp, "big5.txt")
	// 交通運輸部公佈農村公路建設 in Big5.
	os.WriteFile(big5, []byte("\xa5\xe6\xb3q\xb9B\xbf\xe9\xb3\xa1\xa4\xbd\xa7G\xb9A\xa7\xf8\xa4\xbd\xb8\xf4\xab\xd8\xb3]\n"), 0o644)
	multi := filepath.Join(tmp, "multi.jsonl")
	os.WriteFile(multi, []byte(`{"text":"改造農村公路559公里。"}`+"\n"+`{"text":"第二篇"}`+"\n"), 0o644)
	outside := t.TempDir() // no testdata folder here

	tests := []struct {
		name   string
		dir    string // "" runs in this package's folder
		stdin  string
		args   []string
		code   int
		stdout []string // substrings
		stderr []string // substrings; for exit 2 the one line's
		noOut  bool     // stdout must be empty
	}{
		// Help goes to stdout and exits 0; no command at all is a usage error.
		{name: "help", args: []string{"--help"}, stdout: []string{"Available Commands:", "run ", "clean ", "convert ", "verify ", "report ", "bench ", "version ", "completion "}},
		{name: "-h", args: []string{"-h"}, stdout: []string{"Available Commands:"}},
		{name: "help run", args: []string{"help", "run"}, stdout: []string{"--out DIR", "--format FORMATS", "--convert CONFIG", "--shard i/n", "--resume", "--progress", "--max-mb MB", "--workers", "--doc-timeout", "--pdf-timeout", "Exit codes:"}},
		{name: "run -h after an input", args: []string{"run", examples, "-h"}, stdout: []string{"Usage:\n  zhextract run [flags] INPUT..."}},
		{name: "no command", args: nil, code: 2, stderr: []string{"Available Commands:"}, noOut: true},
		{name: "unknown command", args: []string{"rn"}, code: 2, stderr: []string{`zhextract: unknown command "rn"; did you mean "run"?`}, noOut: true},
		// Version.
		{name: "--version", args: []string{"--version"}, stdout: []string{"zhextract ", "go1."}},
		{name: "run --workers 0", args: []string{"run", "--workers", "0", examples}, code: 2, stderr: []string{"zhextract run: --workers must be at least 1, not 0"}, noOut: true},
		{name: "run --max-mb -1", args: []string{"run", "--max-mb", "-1", examples}, code: 2, stderr: []string{"zhextract run: --max-mb must be at least 1, not -1"}, noOut: true},
		{name: "run --out empty", args: []string{"run", "--out", "", examples}, code: 2, stderr: []string{"zhextract run: --out must name a folder"}, noOut: true},
		{name: "version", args: []string{"version"}, stdout: []string{"zhextract ", "go1."}},
		{name: "version extra", args: []string{"version", "x"}, code: 2, stderr: []string{`zhextract version: unexpected argument "x"`}},
		// Completion.
		{name: "completion bash", args: []string{"completion", "bash"}, stdout: []string{"bash completion", "zhextract"}},
		{name: "completion zsh", args: []string{"completion", "zsh"}, stdout: []string{"#compdef zhextract"}},
		{name: "completion fish", args: []string{"completion", "fish"}, stdout: []string{"complete -c zhextract"}},
		// run.
		{name: "run unknown flag", args: []string{"run", "--frmat", "jsonl", examples}, code: 2, stderr: []string{"zhextract run: unknown flag: --frmat (see 'zhextract run --help')"}},
		{name: "run no input", args: []string{"run"}, code: 2, stderr: []string{"zhextract run: missing INPUT"}},
		{name: "run bad format", args: []string{"run", "--format", "xml", examples}, code: 2, stderr: []string{`zhextract run: unknown format "xml"`}},
		{name: "run bad progress", args: []string{"run", "--progress", "sometimes", examples}, code: 2, stderr: []string{`--progress must be auto, always or never, not "sometimes"`}},
		{name: "run bad workers", args: []string{"run", "--workers", "x", examples}, code: 2, stderr: []string{`zhextract run: invalid argument "x" for "--workers" flag`}},
		{name: "run missing input", args: []string{"run", "--out", filepath.Join(tmp, "o1"), examples, filepath.Join(tmp, "nope")}, code: 3,
			stderr: []string{"6 documents (0 failed)", "zhextract run: not processed: input " + filepath.Join(tmp, "nope") + ": no such file or directory", "zhextract run: 1 input not found; the other inputs were processed"}},
		{name: "run output not writable", args: []string{"run", "--out", "/proc/zhextract-no", examples}, code: 1, stderr: []string{"zhextract run: create output directory: mkdir /proc/zhextract-no"}},
		// clean.
		{name: "clean missing file", args: []string{"clean", "/nonexistent/file.txt"}, code: 1, stderr: []string{"zhextract clean: /nonexistent/file.txt: no such file or directory\n"}},
		{name: "clean folder", args: []string{"clean", tmp}, code: 1, stderr: []string{"is a folder; clean takes one file"}},
		{name: "clean two files", args: []string{"clean", seed, seed}, code: 2, stderr: []string{`zhextract clean: unexpected argument`}},
		{name: "clean bad script", args: []string{"clean", "--script", "latin", seed}, code: 2, stderr: []string{`--script must be simplified or original, not "latin"`}},
		{name: "clean JSONL", args: []string{"clean", multi}, stdout: []string{"==> " + multi + ":1 <==\n改造农村公路559公里。\n\n==> " + multi + ":2 <==\n第二篇\n"}},
		{name: "clean --jsonl", args: []string{"clean", "--jsonl", multi}, stdout: []string{`{"source":"` + multi + `:1","text":"改造农村公路559公里。"}` + "\n" + `{"source":"` + multi + `:2","text":"第二篇"}` + "\n"}},
		{name: "clean one document has no header", args: []string{"clean", "-"}, stdin: "漢字", stdout: []string{"汉字\n"}},
		// convert.
		{name: "convert without -c", args: []string{"convert"}, code: 2, stderr: []string{"zhextract convert: -c CONFIG is required"}},
		{name: "convert unknown config", args: []string{"convert", "-c", "x2y"}, code: 2, stderr: []string{"zhextract convert: -c x2y: not one of the built-in OpenCC configs"}},
		{name: "convert unknown config path", args: []string{"convert", "-c", "/etc/opencc/mine.json"}, code: 2, stderr: []string{"-c /etc/opencc/mine.json: not one of the built-in OpenCC configs"}},
		{name: "convert stray argument", args: []string{"convert", "-c", "t2s", "in.txt"}, code: 2, stderr: []string{`zhextract convert: unexpected argument "in.txt" (use -i IN)`}},
		{name: "convert config path", args: []string{"convert", "-c", "/usr/share/opencc/t2s.json"}, stdin: "漢字", stdout: []string{"汉字"}},
		{name: "convert Big5", args: []string{"convert", "-c", "t2s", "-i", big5}, stdout: []string{"交通运输部公布农村公路建设\n"}},
		{name: "convert missing input", args: []string{"convert", "-c", "t2s", "-i", "/nonexistent/in.txt"}, code: 1, stderr: []string{"zhextract convert: open /nonexistent/in.txt: no such file or directory"}},
		{name: "convert into a missing folder", args: []string{"convert", "-c", "t2s", "-i", big5, "-o", filepath.Join(tmp, "no", "out.txt")}, code: 1, stderr: []string{filepath.Join(tmp, "no", "out.txt") + ": no such file or directory"}},
		// verify.
		{name: "verify no output", args: []string{"verify"}, code: 2, stderr: []string{"zhextract verify: missing OUTPUT directory"}},
		{name: "verify missing output", args: []string{"verify", "--golden", tmp, "/nonexistent/out"}, code: 2, stderr: []string{"zhextract verify: ", "/nonexistent/out"}},
		// report.
		{name: "report no output", args: []string{"report"}, code: 2, stderr: []string{"zhextract report: missing OUTPUT directory"}},
		{name: "report two outputs", args: []string{"report", "a", "b"}, code: 2, stderr: []string{`zhextract report: unexpected argument "b"`}},
		{name: "report negative limit", args: []string{"report", "a", "--limit", "-1"}, code: 2, stderr: []string{"--limit and --sample take a positive number"}},
		// bench.
		{name: "bench stray argument", args: []string{"bench", "10"}, code: 2, stderr: []string{`zhextract bench: unexpected argument "10"`}},
		{name: "bench zero size", args: []string{"bench", "--size", "0"}, code: 2, stderr: []string{"zhextract bench: --size must be a positive number of MB, not 0"}},
		{name: "bench negative size", args: []string{"bench", "--size", "-5"}, code: 2, stderr: []string{"--size must be a positive number of MB, not -5"}},
		{name: "bench outside the repository", dir: outside, args: []string{"bench", "--size", "1"}, code: 2, stderr: []string{"zhextract bench: no testdata folder here", "give --from DIR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := zxIn(t, tt.dir, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout %q\nstderr %q", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if tt.noOut && stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if tt.code == 0 && tt.stdout != nil && strings.Contains(stderr, "Usage:") {
				t.Errorf("help on stderr: %q", stderr)
			}
			if tt.code == 2 && len(tt.args) > 0 && strings.Count(stderr, "\n") != 1 {
				t.Errorf("a usage error is one line, got %q", stderr)
			}
		})
	}
}

// TestVersion: --version and version print the same line, with the module
// version and the revision (or that the build has none).
func TestVersion(t *testing.T) {
	a, _, _ := zx(t, "", "--version")
	b, _, _ := zx(t, "", "version")
	if a != b {
		t.Errorf("--version %q, version %q", a, b)
	}
	if !regexp.MustCompile(`^zhextract \S+ \((revision [0-9a-f]{12}|no VCS revision)[^)]*go1\.[^)]*\)\n$`).MatchString(a) {
		t.Errorf("version line %q", a)
	}
}

// TestFlagsAfterInputs is issue 16 item 2: flags after the inputs were taken
// as missing inputs and the output went to ./out as Parquet.
func TestFlagsAfterInputs(t *testing.T) {
	cwd := t.TempDir()
	out := filepath.Join(cwd, "X")
	examples, _ := filepath.Abs("../../testdata/examples")
	_, stderr, code := zxIn(t, cwd, "", "run", examples, "--out", out, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "documents.jsonl")); err != nil {
		t.Errorf("no JSONL in X: %v", err)
	}
	if _, err := os.Stat(filepath.Join(cwd, "out")); err == nil {
		t.Error("wrote ./out: the flags after the inputs were ignored")
	}
	if strings.Contains(stderr, "not found") {
		t.Errorf("flags taken for inputs: %s", stderr)
	}
	// The Go flag package's one-dash long flags still work.
	out2 := filepath.Join(cwd, "Y")
	if _, stderr, code := zxIn(t, cwd, "", "run", "-out", out2, "-format=csv", examples); code != 0 {
		t.Fatalf("one-dash flags: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out2, "documents.csv")); err != nil {
		t.Errorf("-out/-format=csv ignored: %v", err)
	}
}

// TestReadmeListsEveryFlag: every flag of every command appears in the
// README (issue 16: --convert, --shard, --resume, --progress, --max-mb were
// missing from it or from --help).
func TestReadmeListsEveryFlag(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The "## Commands" section lists them.
	_, readme, _ := bytes.Cut(b, []byte("\n## Commands\n"))
	readme, _, _ = bytes.Cut(readme, []byte("\n## "))
	root := newRootCmd(nil, nil, nil)
	for _, c := range root.Commands() {
		if c.Name() == "completion" || c.Name() == "help" {
			continue
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			want := "--" + f.Name
			if f.Shorthand != "" {
				want = "-" + f.Shorthand
			}
			if !bytes.Contains(readme, []byte(want)) {
				t.Errorf("README does not list %s %s", c.Name(), want)
			}
		})
	}
}
