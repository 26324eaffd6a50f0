package opencc

import (
	"bytes"
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The parity tests compare with the opencc CLI (Debian package opencc,
// 1.1.6), fed on stdin: in that mode it converts line by line, which equals
// converting the whole text because no key spans a line break. With -i it
// converts 1 MiB blocks cut at arbitrary characters, so on bigger files its
// output depends on where the blocks fall; we do not imitate that.

var corpusMB = flag.Float64("opencc.corpus", 3, "size in MB of the mixed corpus the CLI parity test converts")

const seedDir = "../../testdata/seeds"

func needCLI(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("opencc"); err != nil {
		t.Skip("opencc CLI not on PATH (apt-get install opencc); skipping parity with it")
	}
}

// runCLI converts in with the opencc CLI, on stdin or, with file set, via -i.
func runCLI(t testing.TB, config string, in []byte, file bool) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := []string{"-c", config + ".json"}
	var stdin *bytes.Reader
	if file {
		p := filepath.Join(t.TempDir(), "in.txt")
		if err := os.WriteFile(p, in, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "-i", p)
	} else {
		stdin = bytes.NewReader(in)
	}
	cmd := exec.CommandContext(ctx, "opencc", args...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("opencc %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds in %s: %v", seedDir, err)
	}
	return files
}

func TestCLIParitySeeds(t *testing.T) {
	needCLI(t)
	for _, name := range Configs() {
		c, err := New(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range seedFiles(t) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Convert(string(in))
			for _, file := range []bool{false, true} { // seeds are < 1 MiB: -i agrees too
				checkLines(t, name+" "+filepath.Base(f), got, string(runCLI(t, name, in, file)))
			}
		}
	}
}

// TestCLIParityCases runs OpenCC's test inputs through the CLI for every
// config, not only the config each was written for.
func TestCLIParityCases(t *testing.T) {
	needCLI(t)
	files, err := filepath.Glob(filepath.Join(caseDir, "*.in"))
	if err != nil {
		t.Fatal(err)
	}
	var all []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	for _, name := range Configs() {
		c, err := New(name)
		if err != nil {
			t.Fatal(err)
		}
		checkLines(t, name, c.Convert(string(all)), string(runCLI(t, name, all, false)))
	}
}

// TestCLIParityCorpus converts a multi-megabyte mix of the seeds, OpenCC's
// test inputs and every dictionary's values (simplified, traditional,
// Taiwan, Hong Kong and Japanese forms), glued with and without separators
// so that keys meet across piece boundaries, with every config.
func TestCLIParityCorpus(t *testing.T) {
	needCLI(t)
	if testing.Short() {
		t.Skip("-short")
	}
	corpus := mixedCorpus(t, int(*corpusMB*(1<<20)), false)
	t.Logf("corpus: %d bytes, %d lines", len(corpus), strings.Count(corpus, "\n"))
	for _, name := range Configs() {
		t.Run(name, func(t *testing.T) {
			c, err := New(name)
			if err != nil {
				t.Fatal(err)
			}
			want := string(runCLI(t, name, []byte(corpus), false))
			checkLines(t, "Convert", c.Convert(corpus), want)
			var buf bytes.Buffer
			if err := c.ConvertStream(context.Background(), &buf, strings.NewReader(corpus)); err != nil {
				t.Fatal(err)
			}
			checkLines(t, "ConvertStream", buf.String(), want)
		})
	}
}

// mixedCorpus builds about size bytes of text from the seeds, OpenCC's test
// inputs and the values of every dictionary (or, with traditional set, only
// traditional sources), deterministically.
func mixedCorpus(t testing.TB, size int, traditional bool) string {
	t.Helper()
	var lines, phrases []string
	addLines := func(text string) {
		for _, l := range strings.Split(text, "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	f, err := dataFile()
	if err != nil {
		t.Fatal(err)
	}
	if traditional {
		s2t, err := New("s2t")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range seedFiles(t) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			addLines(s2t.Convert(string(b)))
		}
		for _, p := range []string{"t2s.in", "tw2s.in", "hk2s.in"} {
			b, err := os.ReadFile(filepath.Join(caseDir, p))
			if err != nil {
				t.Fatal(err)
			}
			addLines(string(b))
		}
		for _, name := range []string{"STPhrases", "STCharacters"} {
			phrases = append(phrases, dictValues(t, f, name)...)
		}
	} else {
		seeds := seedFiles(t)
		cases, err := filepath.Glob(filepath.Join(caseDir, "*.in"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(seeds, cases...) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			addLines(string(b))
		}
		for _, name := range f.Names() {
			phrases = append(phrases, dictValues(t, f, name)...)
		}
	}
	rng := rand.New(rand.NewPCG(20240607, uint64(size)))
	seps := []string{"", "", "", "", "，", "。", "、", " ", "\n", "「", "」", "1", "a"}
	var b strings.Builder
	for b.Len() < size {
		if rng.IntN(10) < 3 {
			b.WriteString(lines[rng.IntN(len(lines))])
		} else {
			b.WriteString(phrases[rng.IntN(len(phrases))])
		}
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	b.WriteString("\n")
	return b.String()
}
