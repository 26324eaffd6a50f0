// Command gen writes the character model that package langmodel embeds.
//
// It counts characters and within-word character bigrams in gse's
// dictionaries, weighting each word by its frequency: the simplified and
// traditional Chinese dictionaries (so text in either script is probable)
// and, for kana only, the Japanese dictionary (so Japanese passages are not
// taken for mojibake). Run it through `go generate ./pipeline/langmodel`.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Kana counts come from a dictionary whose frequencies are on another scale;
// jpScale brings the total kana mass to a small share of the Chinese mass.
const jpShare = 0.02

type counts struct {
	uni    map[rune]float64
	end    map[rune]float64
	bigram map[[2]rune]float64
}

func newCounts() *counts {
	return &counts{uni: map[rune]float64{}, end: map[rune]float64{}, bigram: map[[2]rune]float64{}}
}

// modelled says which characters the model counts; everything else (ASCII,
// punctuation, symbols) is scored by class in package langmodel.
func modelled(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー'
}

func kana(r rune) bool {
	return unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー'
}

// addDict adds every "word freq tag" line of path. keep filters the runes
// and bigrams taken (nil keeps all modelled ones).
func addDict(c *counts, path string, scale float64, keepRune func(rune) bool, keepPair func(a, b rune) bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read dictionary: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq <= 0 {
			continue
		}
		freq *= scale
		rs := []rune(f[0])
		for i, r := range rs {
			if !modelled(r) || (keepRune != nil && !keepRune(r)) {
				continue
			}
			c.uni[r] += freq
			if i+1 < len(rs) && modelled(rs[i+1]) && (keepPair == nil || keepPair(r, rs[i+1])) {
				c.bigram[[2]rune{r, rs[i+1]}] += freq
			} else {
				// The word ends here (or continues with something the
				// model does not count): the next character is free.
				c.end[r] += freq
			}
		}
	}
	return sc.Err()
}

// taiwanForms maps characters that gse's traditional dictionary writes in
// their older (OpenCC) form to the form Taiwan and Hong Kong texts use, so
// both count: 爲 and 為 alike.
var taiwanForms = map[rune]rune{
	'爲': '為', '衆': '眾', '綫': '線', '僞': '偽', '啓': '啟', '裏': '裡', '麪': '麵',
	'羣': '群', '峯': '峰', '鷄': '雞', '眞': '真', '淸': '清', '靑': '青', '卽': '即',
	'旣': '既', '吿': '告', '敎': '教', '着': '著', '衞': '衛', '歎': '嘆', '綉': '繡',
}

// withTaiwanForms writes a copy of the dictionary in which every word that
// holds an older form appears again, with the same frequency, in Taiwan's.
func withTaiwanForms(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read dictionary: %w", err)
	}
	var b strings.Builder
	b.Write(data)
	for _, line := range strings.Split(string(data), "\n") {
		word, rest, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		alt := strings.Map(func(r rune) rune {
			if t, ok := taiwanForms[r]; ok {
				return t
			}
			return r
		}, word)
		if alt != word {
			b.WriteString("\n" + alt + " " + rest)
		}
	}
	f, err := os.CreateTemp("", "t_1-*.txt")
	if err != nil {
		return "", fmt.Errorf("temp dictionary: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteString(b.String()); err != nil {
		return "", fmt.Errorf("write temp dictionary: %w", err)
	}
	return f.Name(), nil
}

// total sums m in key order: floating-point sums depend on their order,
// and map order changes from run to run, which made the quantised model
// differ between runs.
func total(m map[rune]float64) float64 {
	t := 0.0
	for _, r := range slices.Sorted(maps.Keys(m)) {
		t += m[r]
	}
	return t
}

// pairOrder returns the keys of m sorted, for the same reason as total.
func pairOrder(m map[[2]rune]float64) [][2]rune {
	return slices.SortedFunc(maps.Keys(m), func(a, b [2]rune) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
}

func main() {
	out := flag.String("o", "model.bin", "output file")
	words := flag.String("w", "words.bin", "output file of the word model")
	scripts := flag.String("s", "scripts.bin", "output file of the script table")
	running := flag.String("r", "running.bin", "output file of the running-text model")
	data := flag.String("data", "internal/gen/data", "folder of the derived running-text tables")
	deriveDocs := flag.String("derive-docs", "", "write data/running.tsv.gz from the Chinese documentation under this root folder (see derive.go) and exit")
	deriveGram := flag.String("derive-opengram", "", "write data/crossword.tsv.gz from open-gram's files in this folder (see derive.go) and exit")
	flag.Parse()
	switch {
	case *deriveDocs != "":
		if err := deriveRunning(*deriveDocs, filepath.Join(*data, "running.tsv.gz")); err != nil {
			slog.Error("gen", "err", err)
			os.Exit(1)
		}
		return
	case *deriveGram != "":
		if err := deriveCrossWord(*deriveGram, filepath.Join(*data, "crossword.tsv.gz")); err != nil {
			slog.Error("gen", "err", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *words, *scripts, *running, *data); err != nil {
		slog.Error("gen", "err", err)
		os.Exit(1)
	}
}

// charCounts counts gse's Chinese dictionaries (trad1 is the traditional
// one with Taiwan's forms), then lets extra add to them (zhMass is their
// character mass), then adds the kana of the Japanese dictionary.
func charCounts(dict, trad1 string, extra func(c *counts, zhMass float64) error) (*counts, error) {
	c := newCounts()
	for _, f := range []string{filepath.Join(dict, "zh/s_1.txt"), trad1} {
		if err := addDict(c, f, 1, nil, nil); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	zhMass := total(c.uni)
	if extra != nil {
		if err := extra(c, zhMass); err != nil {
			return nil, err
		}
	}
	jp := newCounts()
	if err := addDict(jp, filepath.Join(dict, "jp/dict.txt"), 1, nil, func(a, b rune) bool { return kana(a) || kana(b) }); err != nil {
		return nil, fmt.Errorf("jp: %w", err)
	}
	kanaMass := 0.0
	for _, r := range slices.Sorted(maps.Keys(jp.uni)) {
		if kana(r) {
			kanaMass += jp.uni[r]
		}
	}
	scale := jpShare * zhMass / kanaMass
	for _, r := range slices.Sorted(maps.Keys(jp.uni)) {
		if v := jp.uni[r]; kana(r) {
			c.uni[r] += v * scale
			c.end[r] += jp.end[r] * scale
		}
	}
	jpPairs := pairOrder(jp.bigram)
	for _, k := range jpPairs {
		v := jp.bigram[k]
		if kana(k[0]) {
			c.bigram[k] += v * scale
		} else if _, ok := c.uni[k[0]]; ok {
			// A kanji followed by kana: count it, and keep the kanji's
			// outgoing mass consistent.
			c.bigram[k] += v * scale
			c.uni[k[0]] += v * scale
		}
	}
	for _, k := range jpPairs {
		v := jp.bigram[k]
		if !kana(k[0]) {
			continue
		}
		if _, ok := c.uni[k[1]]; !ok {
			c.uni[k[1]] += v * scale
			c.end[k[1]] += v * scale
		}
	}
	return c, nil
}

func run(out, wordsOut, scriptsOut, runningOut, dataDir string) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return fmt.Errorf("locate gse module: %w", err)
	}
	dict := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict")
	trad1, err := withTaiwanForms(filepath.Join(dict, "zh/t_1.txt"))
	if err != nil {
		return err
	}
	defer os.Remove(trad1)
	c, err := charCounts(dict, trad1, nil)
	if err != nil {
		return err
	}
	data := encode(c)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	slog.Info("model written", "file", out, "bytes", len(data), "chars", len(c.uni), "bigrams", len(c.bigram))
	rc, err := charCounts(dict, trad1, func(c *counts, zhMass float64) error {
		if err := addCrossWord(c, filepath.Join(dataDir, "crossword.tsv.gz")); err != nil {
			return fmt.Errorf("cross-word table: %w", err)
		}
		if err := addRunning(c, filepath.Join(dataDir, "running.tsv.gz"), zhMass); err != nil {
			return fmt.Errorf("running-text counts: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	rdata := encode(rc)
	if err := os.WriteFile(runningOut, rdata, 0o644); err != nil {
		return fmt.Errorf("write running-text model: %w", err)
	}
	slog.Info("running-text model written", "file", runningOut, "bytes", len(rdata), "chars", len(rc.uni), "bigrams", len(rc.bigram))
	w := map[string]float64{}
	for _, f := range []string{filepath.Join(dict, "zh/s_1.txt"), trad1} {
		if err := addWords(w, f); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	wdata := encodeWords(w)
	if err := os.WriteFile(wordsOut, wdata, 0o644); err != nil {
		return fmt.Errorf("write word model: %w", err)
	}
	slog.Info("word model written", "file", wordsOut, "bytes", len(wdata), "words", len(w))
	simp, trad := newCounts(), newCounts()
	if err := addDict(simp, filepath.Join(dict, "zh/s_1.txt"), 1, nil, nil); err != nil {
		return fmt.Errorf("s_1: %w", err)
	}
	if err := addDict(trad, trad1, 1, nil, nil); err != nil {
		return fmt.Errorf("t_1: %w", err)
	}
	sdata := encodeScripts(simp.uni, trad.uni)
	if err := os.WriteFile(scriptsOut, sdata, 0o644); err != nil {
		return fmt.Errorf("write script table: %w", err)
	}
	slog.Info("script table written", "file", scriptsOut, "bytes", len(sdata))
	return nil
}

// A character is of one script only when its share of the other
// dictionary's character mass is under 1/scriptRatio of its share of its
// own (and that share is at least minScriptShare): 儿 and 们 are
// simplified, 兒 and 們 traditional. The ratio is wide because gse's
// traditional dictionary writes 臺 and 後 where Taiwan's texts also write
// 台 and 后, which must stay possible in traditional text (1/420 and 1/107
// there).
const (
	scriptRatio    = 1000
	minScriptShare = 1e-7
)

// encodeScripts writes the format read by langmodel.parseScripts:
// "ZHSC1\n", u32 n, then n entries ascending by character, each u32
// character and u8 script (1 traditional only, 2 simplified only).
func encodeScripts(simp, trad map[rune]float64) []byte {
	ts, tt := total(simp), total(trad)
	script := map[rune]byte{}
	for _, r := range slices.Sorted(maps.Keys(simp)) {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if s, t := simp[r]/ts, trad[r]/tt; s >= minScriptShare && t*scriptRatio < s {
			script[r] = 2
		}
	}
	for _, r := range slices.Sorted(maps.Keys(trad)) {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if s, t := simp[r]/ts, trad[r]/tt; t >= minScriptShare && s*scriptRatio < t {
			script[r] = 1
		}
	}
	le := binary.LittleEndian
	buf := []byte("ZHSC1\n")
	keys := slices.Sorted(maps.Keys(script))
	buf = le.AppendUint32(buf, uint32(len(keys)))
	for _, r := range keys {
		buf = le.AppendUint32(buf, uint32(r))
		buf = append(buf, script[r])
	}
	return buf
}

// Words of the word model: Han only, at most maxWordRunes long, and for
// words of two or more characters at least minWordFreq (rarer ones are
// mostly names and cost megabytes).
const (
	maxWordRunes = 6
	minWordFreq  = 10
)

// fillChars are kept in words of any frequency: package mojibake tells a
// real 烫烫 (热烫烫的) from uninitialised memory read as GBK by them.
const fillChars = "烫屯燙"

// addWords merges the words of one dictionary into w. A word both
// dictionaries hold (中国 is the same in either script) keeps the larger
// frequency, so that the merged list stays on one script's scale.
func addWords(w map[string]float64, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read dictionary: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq <= 0 {
			continue
		}
		rs := []rune(f[0])
		if len(rs) > maxWordRunes || len(rs) > 1 && freq < minWordFreq && !strings.ContainsAny(f[0], fillChars) {
			continue
		}
		han := true
		for _, r := range rs {
			han = han && unicode.Is(unicode.Han, r)
		}
		if han {
			w[f[0]] = max(w[f[0]], freq)
		}
	}
	return nil
}

// encodeWords writes the format read by langmodel.parseWords: "ZHWD1\n",
// u32 n, then n entries in byte order of the word, each u8 length, the
// word's UTF-8 bytes and u16 cost: -log P(word) in hundredths of a nat.
func encodeWords(w map[string]float64) []byte {
	keys := slices.Sorted(maps.Keys(w))
	sum := 0.0
	for _, k := range keys {
		sum += w[k]
	}
	le := binary.LittleEndian
	buf := []byte("ZHWD1\n")
	buf = le.AppendUint32(buf, uint32(len(keys)))
	for _, k := range keys {
		buf = append(buf, byte(len(k)))
		buf = append(buf, k...)
		cost := -math.Log(w[k]/sum) * 100
		buf = le.AppendUint16(buf, uint16(min(math.Round(cost), math.MaxUint16)))
	}
	return buf
}

// quant maps a count to a byte on a log scale (steps of 5%); counts below 1
// are dropped by the caller.
func quant(v float64) byte {
	q := math.Round(math.Log(v) / math.Log(1.05))
	return byte(min(max(q, 0), 255))
}

// encode writes the format read by langmodel.parse, every table at a fixed
// width so that loading copies instead of decoding (little-endian):
//
//	"ZHLM2\n", u32 n, u32 S, n × u32 character (ascending),
//	n × u8 quant(count), n × u8 quant(end count + 1),
//	(n+1) × u32 successor offsets, S × u16 successor index (ascending per
//	character), S × u8 quant(pair count).
func encode(c *counts) []byte {
	runes := make([]rune, 0, len(c.uni))
	for r, v := range c.uni {
		if v >= 1 {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	idx := make(map[rune]int, len(runes))
	for i, r := range runes {
		idx[r] = i
	}
	succ := make([][][2]int, len(runes))
	pairs := 0
	for k, v := range c.bigram {
		a, okA := idx[k[0]]
		b, okB := idx[k[1]]
		if !okA || !okB || v < 1 {
			continue
		}
		succ[a] = append(succ[a], [2]int{b, int(quant(v))})
		pairs++
	}
	le := binary.LittleEndian
	buf := []byte("ZHLM2\n")
	buf = le.AppendUint32(buf, uint32(len(runes)))
	buf = le.AppendUint32(buf, uint32(pairs))
	for _, r := range runes {
		buf = le.AppendUint32(buf, uint32(r))
	}
	for _, r := range runes {
		buf = append(buf, quant(c.uni[r]))
	}
	for _, r := range runes {
		buf = append(buf, quant(c.end[r]+1))
	}
	off := 0
	buf = le.AppendUint32(buf, 0)
	for a := range runes {
		slices.SortFunc(succ[a], func(x, y [2]int) int { return x[0] - y[0] })
		off += len(succ[a])
		buf = le.AppendUint32(buf, uint32(off))
	}
	for a := range runes {
		for _, e := range succ[a] {
			buf = le.AppendUint16(buf, uint16(e[0]))
		}
	}
	for a := range runes {
		for _, e := range succ[a] {
			buf = append(buf, byte(e[1]))
		}
	}
	return buf
}
