// Command genvocab writes the Latin word list of pipeline/mojibake
// (data/latinvocab.txt): the words of the Go distribution's source, a
// large body of English technical prose and names (errno constants,
// protocol names, the words of comments), in lower case.
//
// Usage: go run ./internal/genvocab -goroot "$(go env GOROOT)" -out data/latinvocab.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// minCount drops words seen fewer times: typing slips and one-off names.
// maxLen drops identifiers glued together past any real word.
const (
	minCount = 5
	maxLen   = 24
)

func main() {
	goroot := flag.String("goroot", "", "root of the Go distribution whose src/ is read")
	out := flag.String("out", "data/latinvocab.txt", "file to write")
	flag.Parse()
	if *goroot == "" {
		slog.Error("genvocab: -goroot is required")
		os.Exit(2)
	}
	if err := run(*goroot, *out); err != nil {
		slog.Error("genvocab", "err", err)
		os.Exit(1)
	}
}

func run(goroot, out string) error {
	counts := map[string]int{}
	src := filepath.Join(goroot, "src")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir // test inputs: other languages, binary-ish data
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		countWords(string(b), counts)
		return nil
	})
	if err != nil {
		return fmt.Errorf("walking %s: %w", src, err)
	}
	var words []string
	for w, n := range counts {
		if n >= minCount && len(w) <= maxLen {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, w := range words {
		bw.WriteString(w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	slog.Info("genvocab", "words", len(words), "out", out)
	return nil
}

// countWords counts the words of s: runs of ASCII letters, split where a
// camel-case identifier starts a new word (readFile: read, file; HTTPServer:
// http, server), of two letters or more, in lower case.
func countWords(s string, counts map[string]int) {
	for i := 0; i < len(s); {
		if !letter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && letter(s[j]) {
			j++
		}
		for _, w := range humps(s[i:j]) {
			if len(w) >= 2 {
				counts[strings.ToLower(w)]++
			}
		}
		i = j
	}
}

// humps splits a run of letters into its camel-case words: a capital
// after a lowercase letter starts one, and so does the last capital of a
// run of them before a lowercase letter (the S of HTTPServer).
func humps(w string) []string {
	var out []string
	start := 0
	for k := 1; k < len(w); k++ {
		up, prevUp := upper(w[k]), upper(w[k-1])
		nextLow := k+1 < len(w) && !upper(w[k+1])
		if up && (!prevUp || nextLow) {
			out = append(out, w[start:k])
			start = k
		}
	}
	return append(out, w[start:])
}

func letter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func upper(b byte) bool { return b >= 'A' && b <= 'Z' }
