package mojibake

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// This file is the benchmark of mojibake as scrapers saved it: a page
// decoded with the wrong code by a real decoder (decoders_test.go), lost
// bytes and all, then repaired. Lines are split in two halves by a hash of
// the line; the thresholds were set on the "tune" half, the "held-out"
// half was never looked at to set one.

var showLossless = flag.Bool("showlossless", false, "with -show, only lines that lost no byte")

var showInferred = flag.Bool("showinferred", false, "log the inferences of lines with a wrong one")

var realMechFilter = flag.String("mech", "", "only the mechanisms whose name holds this, in the realistic corruption benchmark")

var realLines = flag.Int("reallines", 60, "lines per document and half in the realistic corruption benchmark")

// realDocs is the clean text of the benchmark: the seeds, Debian's
// reference manual and poems (when installed) and 40 real report passages
// (testdata/mojibake/realdev).
func realDocs(t *testing.T) []cleanDoc {
	docs := benchDocs(t)
	files, err := filepath.Glob("../../testdata/mojibake/realdev/*.txt")
	if err != nil || len(files) < 40 {
		t.Fatalf("testdata/mojibake/realdev: %d passages (%v), want 40", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, cleanDoc{name: filepath.Base(f), text: string(data)})
	}
	return docs
}

// heldOut reports the half of the lines never used to set a threshold.
func heldOut(line string) bool {
	h := fnv.New32a()
	h.Write([]byte(line))
	return h.Sum32()%2 == 1
}

// realMech corrupts a document's lines together, as a page is decoded
// whole. It returns the corrupted lines and the lines a perfect repair
// gives (the clean ones, unless the mechanism destroyed them), or nil when
// the document cannot go through it.
type realMech struct {
	name    string
	corrupt func(t *testing.T, lines []string) (bad, want []string)
}

// readAs writes the lines in UTF-8 and reads them with the named decoder.
func readAs(name string) func(*testing.T, []string) ([]string, []string) {
	return func(t *testing.T, lines []string) ([]string, []string) {
		d := decoderNamed(t, name)
		bad := strings.Split(d.decode([]byte(strings.Join(lines, "\n"))), "\n")
		if len(bad) != len(lines) {
			return nil, nil
		}
		return bad, lines
	}
}

// strayByte encodes every other line in code (GB18030 or Big5), puts a
// stray byte before it (atStart) or before one of its characters, and
// reads the page with the named decoder: the reader is out of step from
// the stray byte until a byte it cannot pair brings it back.
func strayByte(code string, atStart bool, decoder string) func(*testing.T, []string) ([]string, []string) {
	return func(t *testing.T, lines []string) ([]string, []string) {
		e := simplifiedchinese.GB18030
		if code == "big5" {
			e = traditionalchinese.Big5
		}
		d := decoderNamed(t, decoder)
		var page [][]byte
		var want []string
		for i, l := range lines {
			b, err := e.NewEncoder().Bytes([]byte(l))
			if err != nil {
				continue
			}
			want = append(want, l)
			if i%2 == 0 {
				rng := seededRand(l)
				stray := byte(0x81 + rng.IntN(0x7e))
				at := 0
				if !atStart {
					// Before one of the line's characters other than
					// the first: the boundaries are read from the
					// line's first byte (they were read from its second,
					// which put the stray byte inside a character half
					// the time).
					var starts []int
					for k := 0; k < len(b); {
						if k > 0 {
							starts = append(starts, k)
						}
						var n int
						if code == "big5" {
							_, n, _ = big5Table().decodeRune(b[k:], false)
						} else {
							_, n, _ = gbTable().decodeRune(b[k:], true)
						}
						k += max(n, 1)
					}
					if len(starts) > 0 {
						at = starts[rng.IntN(len(starts))]
					}
				}
				b = bytes.Join([][]byte{b[:at], {stray}, b[at:]}, nil)
			}
			page = append(page, b)
		}
		bad := strings.Split(d.decode(bytes.Join(page, []byte("\n"))), "\n")
		if len(bad) != len(want) {
			return nil, nil
		}
		return bad, want
	}
}

// doubleDamage is a GBK page read as UTF-8 with errors="replace", saved
// as UTF-8 and read as GBK again: each U+FFFD turns into 锟斤拷. Only the
// ASCII of the page and the U+FFFD survive, so that is all a repair can
// give back.
func doubleDamage(t *testing.T, lines []string) ([]string, []string) {
	d := decoderNamed(t, "python gbk replace")
	var want, bad []string
	for _, l := range lines {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(l))
		if err != nil {
			return nil, nil
		}
		var sb strings.Builder
		for p := 0; p < len(b); {
			r, n, ok := decodeUTF8(b[p:])
			if !ok {
				r = utf8.RuneError
			}
			sb.WriteRune(r)
			p += n
		}
		want = append(want, sb.String())
		bad = append(bad, d.decode([]byte(sb.String())))
	}
	return bad, want
}

// uninitialised puts a run of 0xCC or 0xCD bytes (what debug builds fill
// fresh memory with) into every other line of a GBK page: it reads as
// 烫烫烫 or 屯屯屯, and a repair marks the run as one U+FFFD.
func uninitialised(t *testing.T, lines []string) ([]string, []string) {
	d := decoderNamed(t, "python gbk replace")
	var want, bad []string
	for i, l := range lines {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(l))
		if err != nil {
			return nil, nil
		}
		if i%2 == 1 {
			bad, want = append(bad, d.decode(b)), append(want, l)
			continue
		}
		rng := seededRand(l)
		fill := byte(0xcc + rng.IntN(2))
		n := 2 * (2 + rng.IntN(10))
		// At a character boundary, the run replacing what was there.
		var starts []int
		for k := 0; k < len(b); {
			starts = append(starts, k)
			_, m, _ := gbTable().decodeRune(b[k:], true)
			k += m
		}
		k := rng.IntN(len(starts))
		at, end := starts[k], len(b)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		page := bytes.Join([][]byte{b[:at], bytes.Repeat([]byte{fill}, n), b[end:]}, nil)
		bad = append(bad, d.decode(page))
		want = append(want, d.decode(b[:at])+"\uFFFD"+d.decode(b[end:]))
	}
	return bad, want
}

func realMechs() []realMech {
	var ms []realMech
	for _, m := range allRealMechs() {
		if strings.Contains(m.name, *realMechFilter) {
			ms = append(ms, m)
		}
	}
	return ms
}

func allRealMechs() []realMech {
	return []realMech{
		{"utf-8 read as gbk, python replace", readAs("python gbk replace")},
		{"utf-8 read as gb18030, python replace", readAs("python gb18030 replace")},
		{"utf-8 read as big5, python replace", readAs("python big5 replace")},
		{"utf-8 read as gbk, whatwg", readAs("whatwg gbk")},
		{"utf-8 read as big5, whatwg", readAs("whatwg big5")},
		{"utf-8 read as gbk, iconv drop", readAs("iconv GBK//IGNORE")},
		{"utf-8 read as big5, iconv drop", readAs("iconv BIG5//IGNORE")},
		{"gb18030 stray byte at line start, python", strayByte("gb18030", true, "python gb18030 replace")},
		{"gb18030 stray byte inside line, python", strayByte("gb18030", false, "python gb18030 replace")},
		{"big5 stray byte at line start, python", strayByte("big5", true, "python big5 replace")},
		{"big5 stray byte inside line, python", strayByte("big5", false, "python big5 replace")},
		{"锟斤拷: gbk read as utf-8, then as gbk", doubleDamage},
		{"烫烫烫 / 屯屯屯: uninitialised bytes", uninitialised},
	}
}

// realStats counts one mechanism's results on one half of the lines.
type realStats struct {
	lines, exact               int // corrupted lines, and those restored exactly
	lossless, losslessExact    int // lines that lost no byte
	chars, wrong               int // characters of the wanted lines, edit distance to them
	inferred, inferredRight    int
	cleanLines, cleanLineEdits int // lines left clean by the mechanism, and edits on them
	margins                    []inferredMargin
}

// inferredMargin is one inferred character's margin and whether it was
// right, for calibrating inferMargin.
type inferredMargin struct {
	margin float64
	right  bool
}

func (s realStats) String() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "    -  "
		}
		return fmt.Sprintf("%6.2f%%", 100*float64(a)/float64(b))
	}
	return fmt.Sprintf("exact %s of %4d  lossless exact %s of %4d  chars right %s of %6d  inferred right %s of %4d  edits on clean lines %d",
		pct(s.exact, s.lines), s.lines, pct(s.losslessExact, s.lossless), s.lossless, pct(s.chars-s.wrong, s.chars), s.chars, pct(s.inferredRight, s.inferred), s.inferred, s.cleanLineEdits)
}

// runRealistic corrupts each document's lines of each half by every
// mechanism and repairs them.
func runRealistic(t *testing.T) map[string]*[2]realStats {
	r := New()
	stats := map[string]*[2]realStats{}
	for _, m := range realMechs() {
		stats[m.name] = &[2]realStats{}
	}
	for _, d := range realDocs(t) {
		var halves [2][]string
		for _, l := range benchLines(d.text, 1<<30) {
			h := 0
			if heldOut(l) {
				h = 1
			}
			if len(halves[h]) < *realLines {
				halves[h] = append(halves[h], l)
			}
		}
		for h, lines := range halves {
			if len(lines) == 0 {
				continue
			}
			for _, m := range realMechs() {
				bad, want := m.corrupt(t, lines)
				if bad == nil {
					continue
				}
				in := strings.Join(bad, "\n")
				out, edits := r.Repair(in)
				checkEdits(t, in, out, edits)
				got := strings.Split(out, "\n")
				if len(got) != len(bad) {
					t.Fatalf("%s: %d lines in, %d out", m.name, len(bad), len(got))
				}
				byLine := editsByLine(in, edits, len(bad))
				starts := make([]int, len(bad))
				for i := 1; i < len(bad); i++ {
					starts[i] = starts[i-1] + len(bad[i-1]) + 1
				}
				s := &stats[m.name][h]
				for i := range bad {
					if bad[i] == want[i] {
						s.cleanLines++
						s.cleanLineEdits += len(byLine[i])
						if *verbose && h == 0 && len(byLine[i]) > 0 {
							t.Logf("%s: clean line edited:\n clean %s\n got   %s\n edits %v", m.name, want[i], got[i], byLine[i])
						}
						continue
					}
					s.lines++
					ok := got[i] == want[i]
					if ok {
						s.exact++
					}
					if !lossy(bad[i]) && utf8.RuneCountInString(bad[i]) > 0 && !lostSilently(m.name) {
						s.lossless++
						if ok {
							s.losslessExact++
						}
					}
					wr, gr := []rune(want[i]), []rune(got[i])
					s.chars += len(wr)
					inf := inferredAt(t, byLine[i], in, starts[i])
					dist, right := alignInferred(gr, wr, inf)
					s.wrong += dist
					s.inferred += len(inf)
					s.inferredRight += len(right)
					for k, margin := range inf {
						s.margins = append(s.margins, inferredMargin{margin, right[k]})
					}
					if *showInferred && len(right) < len(inf) && h == 0 {
						for k := range inf {
							if !right[k] {
								t.Logf("%s: wrong inference %c in %s\n got  %s\n want %s", m.name, gr[k], string(gr[max(0, k-4):min(len(gr), k+5)]), got[i], want[i])
							}
						}
						for _, e := range byLine[i] {
							if strings.HasPrefix(e.Reason, inferredReason) {
								t.Logf("%s: %q -> %q (%s)", m.name, e.Old, e.New, e.Reason)
							}
						}
					}
					if !ok && *verbose && h == 0 && (!*showLossless || !lossy(bad[i])) {
						t.Logf("%s:\n bad  %s\n got  %s\n want %s", m.name, bad[i], got[i], want[i])
					}
				}
			}
		}
	}
	return stats
}

// lostSilently: the iconv mechanisms drop bytes without a mark, so no
// line of theirs can be told lossless.
func lostSilently(name string) bool { return strings.Contains(name, "iconv") }

// editsByLine splits edits, in order, by the line of in they start on.
func editsByLine(in string, edits []textedit.Edit, n int) [][]textedit.Edit {
	by := make([][]textedit.Edit, n)
	i, at := 0, 0
	for _, e := range edits {
		i += strings.Count(in[at:e.Start], "\n")
		at = e.Start
		by[i] = append(by[i], e)
	}
	return by
}

// inferredNote matches one inferred character in an edit's reason: the
// character, its index in the edit's new text and its margin.
var inferredNote = regexp.MustCompile(`(\S)@(\d+) from ([0-9a-f? ]+), (?:([0-9.]+) nats|the only candidate)`)

// inferredAt returns the character indexes, in the repaired line, of the
// characters inferred by the line's edits, with their margins; lineStart
// is the line's offset in the text the edits apply to.
func inferredAt(t *testing.T, edits []textedit.Edit, in string, lineStart int) map[int]float64 {
	at := map[int]float64{}
	cur, idx := lineStart, 0
	for _, e := range edits {
		idx += utf8.RuneCountInString(in[cur:e.Start])
		if strings.HasPrefix(e.Reason, inferredReason) {
			for _, m := range inferredNote.FindAllStringSubmatch(e.Reason, -1) {
				k, _ := strconv.Atoi(m[2])
				margin := math.Inf(1)
				if m[4] != "" {
					margin, _ = strconv.ParseFloat(m[4], 64)
				}
				if strings.Count(m[3], "??") > 1 {
					margin = -margin // two bytes lost: counted apart
				}
				if string([]rune(e.New)[k]) != m[1] {
					t.Fatalf("inferred note %q does not match the edit's new text %q", m[0], e.New)
				}
				at[idx+k] = margin
			}
		}
		idx += utf8.RuneCountInString(e.New)
		cur = e.End
	}
	return at
}

// alignInferred returns the edit distance from got to want and the
// inferred indexes of got that align with the same character of want.
func alignInferred(got, want []rune, inferred map[int]float64) (int, map[int]bool) {
	n, m := len(got), len(want)
	d := make([][]int32, n+1)
	for i := range d {
		d[i] = make([]int32, m+1)
		d[i][0] = int32(i)
	}
	for j := 0; j <= m; j++ {
		d[0][j] = int32(j)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			c := int32(1)
			if got[i-1] == want[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j-1]+c, d[i-1][j]+1, d[i][j-1]+1)
		}
	}
	right := map[int]bool{}
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case got[i-1] == want[j-1] && d[i][j] == d[i-1][j-1]:
			if _, ok := inferred[i-1]; ok {
				right[i-1] = true
			}
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j-1]+1:
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j]+1:
			i--
		default:
			j--
		}
	}
	return int(d[n][m]), right
}

// TestRealisticCorruption logs, per mechanism and half, how many corrupted
// lines come back exactly, the share of characters right and the inferred
// characters that are right.
func TestRealisticCorruption(t *testing.T) {
	if testing.Short() {
		t.Skip("realistic corruption benchmark is slow in -short mode")
	}
	stats := runRealistic(t)
	for _, m := range realMechs() {
		for h, half := range []string{"tune", "held-out"} {
			t.Logf("%-42s %-8s %v", m.name, half, stats[m.name][h])
		}
	}
	// Guards a point or so under what the held-out half reaches (see the
	// README): characters right, and inferred characters right.
	// Lines that lost no byte restored exactly, where a floor is set.
	for name, floor := range map[string]struct{ chars, inferred, lossless float64 }{
		"utf-8 read as gbk, python replace":        {0.965, 0.99, 0.98},
		"utf-8 read as gb18030, python replace":    {0.97, 0.99, 0.97},
		"gb18030 stray byte at line start, python": {0.97, 0.99, 0.97},
		"big5 stray byte at line start, python":    {0.94, 0, 0.965},
		"big5 stray byte inside line, python":      {0.93, 0, 0.965},
		"gb18030 stray byte inside line, python":   {0.96, 0.98, 0.955},
		"烫烫烫 / 屯屯屯: uninitialised bytes":           {0.97, 0, 0.98},
		"锟斤拷: gbk read as utf-8, then as gbk":      {0.98, 0, 0.97},
		"utf-8 read as big5, python replace":       {0.09, 0.98, 0},
		"utf-8 read as gbk, whatwg":                {0.955, 0.99, 0.98},
		"utf-8 read as big5, whatwg":               {0.53, 0.99, 0},
	} {
		if stats[name] == nil {
			continue // left out by -mech
		}
		s := stats[name][1]
		if s.chars == 0 {
			continue
		}
		if got := float64(s.chars-s.wrong) / float64(s.chars); got < floor.chars {
			t.Errorf("%s held out: %.2f%% of characters right, want ≥ %.0f%%", name, 100*got, 100*floor.chars)
		}
		if s.lossless > 0 && float64(s.losslessExact) < floor.lossless*float64(s.lossless) {
			t.Errorf("%s held out: %d of %d lines that lost no byte restored exactly, want ≥ %.0f%%", name, s.losslessExact, s.lossless, 100*floor.lossless)
		}
		if s.inferred > 0 && float64(s.inferredRight) < floor.inferred*float64(s.inferred) {
			t.Errorf("%s held out: %d of %d inferred characters right, want ≥ %.0f%%", name, s.inferredRight, s.inferred, 100*floor.inferred)
		}
	}
	for _, m := range realMechs() {
		for h := range 2 {
			if n := stats[m.name][h].cleanLineEdits; n > 0 {
				t.Errorf("%s: %d edits on lines the mechanism left clean", m.name, n)
			}
		}
	}
	if *showInferred {
		// Calibration of inferMargin on the tuning half: inferences and
		// wrong ones at or above each margin.
		for _, th := range []float64{3, 4, 5, 6, 7, 8, 10, -3, -5, -8, -10, -15} {
			n, wrong := 0, 0
			for _, m := range realMechs() {
				for _, x := range stats[m.name][0].margins {
					if th > 0 && x.margin >= th || th < 0 && x.margin <= th {
						n++
						if !x.right {
							wrong++
						}
					}
				}
			}
			t.Logf("tune: margin ≥ %4.1f: %5d inferred, %4d wrong", th, n, wrong)
		}
	}
}
