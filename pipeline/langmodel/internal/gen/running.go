package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The running-text model (running.bin) adds to the dictionary counts what
// a word list cannot give: which character follows which across a word
// boundary. Two derived tables hold it, committed in data/ so that
// generation needs no package installed (derive.go writes them from
// Debian packages; see ../../NOTICE):
//
//   - running.tsv.gz: character and character-pair counts of running
//     text (Chinese documentation that the mojibake benchmark does not
//     use), lines "U\tc\tn" (c seen n times), "E\tc\tn" (c ended a run of
//     modelled characters n times) and "B\tab\tn" (a followed by b).
//   - crossword.tsv.gz: for a word-final character a and a word-initial
//     character b, the share of a's word ends that the next word starts
//     with b, from open-gram's word bigram model: lines "ab\tshare".

// crossAlpha is the share of a character's word-end mass that the
// cross-word table moves to the pairs it names; the rest stays free
// (smoothing, and the pairs the table leaves out).
const crossAlpha = 0.9

// runningShare is the mass of the running-text counts, as a share of the
// dictionaries' character mass.
const runningShare = 0.5

// readGz returns the decompressed content of a gzip file.
func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// addCrossWord moves, for each pair of the cross-word table, its share of
// the word-end mass of its first character to the pair.
func addCrossWord(c *counts, path string) error {
	data, err := readGz(path)
	if err != nil {
		return err
	}
	moved := map[rune]float64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		rs := []rune(k)
		if !ok || len(rs) != 2 {
			return fmt.Errorf("%s: bad line %q", path, sc.Text())
		}
		share, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		a, b := rs[0], rs[1]
		e := c.end[a]
		if _, known := c.uni[b]; e == 0 || !known {
			continue
		}
		m := e * share * crossAlpha
		c.bigram[[2]rune{a, b}] += m
		moved[a] += m
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, r := range slices.Sorted(maps.Keys(moved)) {
		c.end[r] -= moved[r]
	}
	return nil
}

// addRunning adds the running-text counts, scaled to runningShare of
// mass.
func addRunning(c *counts, path string, mass float64) error {
	data, err := readGz(path)
	if err != nil {
		return err
	}
	rc := newCounts()
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return fmt.Errorf("%s: bad line %q", path, sc.Text())
		}
		n, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		rs := []rune(f[1])
		switch {
		case f[0] == "U" && len(rs) == 1:
			rc.uni[rs[0]] += n
		case f[0] == "E" && len(rs) == 1:
			rc.end[rs[0]] += n
		case f[0] == "B" && len(rs) == 2:
			rc.bigram[[2]rune{rs[0], rs[1]}] += n
		default:
			return fmt.Errorf("%s: bad line %q", path, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	scale := runningShare * mass / total(rc.uni)
	for _, r := range slices.Sorted(maps.Keys(rc.uni)) {
		c.uni[r] += rc.uni[r] * scale
		c.end[r] += rc.end[r] * scale
	}
	for _, k := range pairOrder(rc.bigram) {
		c.bigram[k] += rc.bigram[k] * scale
	}
	return nil
}
