package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Deriving the running-text tables (run by hand, not by go generate; the
// tables are committed):
//
//	apt-get download libreoffice-help-zh-cn debian-handbook
//	for f in *.deb; do dpkg -x $f docs; done
//	go run ./internal/gen -derive-docs docs
//	apt-get download sunpinyin-data sunpinyin-utils
//	for f in sunpinyin*.deb; do dpkg -x $f gram; done
//	PATH=gram/usr/bin:$PATH go run ./internal/gen \
//	    -derive-opengram gram/usr/lib/x86_64-linux-gnu/sunpinyin/data
//
// The documentation is none that the mojibake benchmark reads (that is
// manpages-zh, debian-reference, fortunes-zh and the locale catalogues).
// Other Chinese documentation in Debian (gimp-help-zh-cn, debian-faq-zh-cn,
// debian-edu-doc-zh-cn) scored the same on the benchmark's tuning half and
// is left out for its licences.

// docExt are the files of documentation read: markup and text, also
// gzipped.
var docExt = regexp.MustCompile(`(?i)\.(html?|xhtml|xml|page|txt)(\.gz)?$`)

var (
	scriptRE = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`)
	blockRE  = regexp.MustCompile(`(?i)<br\s*/?>|</?(p|div|h[1-6]|li|td|th|tr|table|ul|ol|dd|dt|para|title|section|pre)\b[^>]*>`)
	tagRE    = regexp.MustCompile(`<[^>]*>`)
)

// chinesePath reports a file of the Simplified Chinese documentation.
func chinesePath(p string) bool {
	l := strings.ToLower(p)
	return strings.Contains(l, "zh") || strings.Contains(l, "chinese")
}

// deriveRunning counts the running text of the Chinese documentation
// under root: each distinct line once (help pages repeat boilerplate).
func deriveRunning(root, out string) error {
	lines := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !docExt.MatchString(p) || !chinesePath(p) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(strings.ToLower(p), ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		t := string(b)
		t = scriptRE.ReplaceAllString(t, "")
		t = blockRE.ReplaceAllString(t, "\n")
		t = html.UnescapeString(tagRE.ReplaceAllString(t, ""))
		for _, l := range strings.Split(t, "\n") {
			l = strings.TrimSpace(l)
			if strings.IndexFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
				lines[l] = true
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	c := newCounts()
	for _, l := range slices.Sorted(maps.Keys(lines)) {
		rs := []rune(l)
		for i, r := range rs {
			if !modelled(r) {
				continue
			}
			c.uni[r]++
			if i+1 < len(rs) && modelled(rs[i+1]) {
				c.bigram[[2]rune{r, rs[i+1]}]++
			} else {
				c.end[r]++
			}
		}
	}
	var buf bytes.Buffer
	for _, r := range slices.Sorted(maps.Keys(c.uni)) {
		fmt.Fprintf(&buf, "U\t%c\t%d\n", r, int64(c.uni[r]))
	}
	for _, r := range slices.Sorted(maps.Keys(c.end)) {
		fmt.Fprintf(&buf, "E\t%c\t%d\n", r, int64(c.end[r]))
	}
	for _, k := range pairOrder(c.bigram) {
		fmt.Fprintf(&buf, "B\t%c%c\t%d\n", k[0], k[1], int64(c.bigram[k]))
	}
	return writeGz(out, buf.Bytes())
}

// crossShareMin drops the pairs under this share of their first
// character's word ends: rare pairs add size, not knowledge.
const crossShareMin = 0.0005

// deriveCrossWord reads open-gram's lexicon (pydict_sc.bin: a word count,
// then at the offset its third 32-bit word gives, every word in id order
// as NUL-terminated UTF-32) and its word bigrams as sunpinyin's tslminfo
// prints them (-v -p: "\1-gram" lines "id P(w) bow state", "\2-gram" lines
// "id1 id2 P(w2|w1) bow state"), and writes for each pair of a word-final
// and a word-initial Han character the share of the first's word ends
// that go on with the second: Σ P(w1)·P(w2|w1) over the bigrams, over
// Σ P(w1) over the words ending with it.
func deriveCrossWord(dir, out string) error {
	words, err := readLexicon(filepath.Join(dir, "pydict_sc.bin"))
	if err != nil {
		return err
	}
	cmd := exec.Command("tslminfo", "-v", "-p", filepath.Join(dir, "lm_sc.t3g"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run sunpinyin's tslminfo (package sunpinyin-utils): %w", err)
	}
	word := func(id int) []rune {
		if id < 0 || id >= len(words) {
			return nil
		}
		return words[id]
	}
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	uni := map[int]float64{}
	cross := map[[2]rune]float64{}
	level := 0
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "\\") {
			level = -1
			if len(line) > 1 {
				level = int(line[1] - '0')
			}
			continue
		}
		f := strings.Fields(line)
		switch level {
		case 1:
			if len(f) < 2 {
				continue
			}
			id, err1 := strconv.Atoi(f[0])
			p, err2 := strconv.ParseFloat(f[1], 64)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("tslminfo: bad unigram %q", line)
			}
			uni[id] = p
		case 2:
			if len(f) < 3 {
				continue
			}
			id1, err1 := strconv.Atoi(f[0])
			id2, err2 := strconv.Atoi(f[1])
			p, err3 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || err3 != nil {
				return fmt.Errorf("tslminfo: bad bigram %q", line)
			}
			a, b := word(id1), word(id2)
			if len(a) == 0 || len(b) == 0 || !han(a[len(a)-1]) || !han(b[0]) {
				continue
			}
			cross[[2]rune{a[len(a)-1], b[0]}] += uni[id1] * p
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("tslminfo: %w", err)
	}
	ends := map[rune]float64{}
	for _, id := range slices.Sorted(maps.Keys(uni)) {
		if w := word(id); len(w) > 0 && han(w[len(w)-1]) {
			ends[w[len(w)-1]] += uni[id]
		}
	}
	var buf bytes.Buffer
	keys := slices.SortedFunc(maps.Keys(cross), func(x, y [2]rune) int {
		if x[0] != y[0] {
			return int(x[0] - y[0])
		}
		return int(x[1] - y[1])
	})
	for _, k := range keys {
		if share := cross[k] / ends[k[0]]; share >= crossShareMin {
			fmt.Fprintf(&buf, "%c%c\t%.6g\n", k[0], k[1], share)
		}
	}
	return writeGz(out, buf.Bytes())
}

// readLexicon reads the words of a sunpinyin lexicon, by id.
func readLexicon(path string) ([][]rune, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 12 {
		return nil, fmt.Errorf("%s: too short for a lexicon", path)
	}
	n := int(binary.LittleEndian.Uint32(b))
	off := int(binary.LittleEndian.Uint32(b[8:]))
	words := make([][]rune, 0, n)
	var w []rune
	for p := off; p+4 <= len(b) && len(words) < n; p += 4 {
		r := rune(binary.LittleEndian.Uint32(b[p:]))
		if r == 0 {
			words = append(words, w)
			w = nil
			continue
		}
		w = append(w, r)
	}
	if len(words) != n {
		return nil, fmt.Errorf("%s: %d words of %d", path, len(words), n)
	}
	return words, nil
}

// writeGz writes b gzipped, with no name or time in the header so that
// the file depends on b only.
func writeGz(path string, b []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
