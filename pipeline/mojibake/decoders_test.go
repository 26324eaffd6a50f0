package mojibake

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// This file is the corruption generator's decoders: what real decoders do
// with bytes they cannot read, so that the benchmark corrupts text the way
// scrapers did. A decoder is a two-byte table (golang.org/x/text's, with
// the pairs where the real decoder differs, read from that decoder by
// -update) and a rule for how many bytes an unreadable sequence loses and
// whether it leaves U+FFFD. testdata/mojibake/decoders holds the tables'
// differences and byte-level cases decoded by python3 and iconv on the
// machine that ran -update; TestDecoderOracle checks the generator against
// every case.

const oracleDir = "../../testdata/mojibake/decoders"

// decoder reads bytes the way one real decoder does.
type decoder struct {
	name string
	// base is the x/text code whose two-byte table the decoder starts
	// from; diff (from pairs.tsv) overrides it, "" for a pair it rejects.
	base encoding.Encoding
	four bool // GB18030's four-byte sequences
	// lose returns how many bytes an unreadable sequence at the start of
	// b loses (b[0] ≥ 0x80).
	lose func(b []byte) int
	mark bool // the loss leaves U+FFFD (errors="replace"); else dropped
	// whole, when set, is the decoder itself (golang.org/x/text).
	whole encoding.Encoding
	diff  map[string]string
}

// python's CJK codecs lose one byte where a lead byte meets a byte that
// does not complete it, and everything left when the input ends inside a
// sequence that could still complete.
func pythonLose(four bool) func([]byte) int {
	return func(b []byte) int {
		if len(b) == 1 {
			return 1
		}
		if four && b[1] >= 0x30 && b[1] <= 0x39 && len(b) < 4 && (len(b) < 3 || b[2] >= 0x81 && b[2] <= 0xfe) {
			return len(b)
		}
		return 1
	}
}

// glibc's GBK loses the lead and the byte after it, unless that byte is
// below 0x40 or the lead is FE and the byte above A0: then the lead alone
// (found by asking iconv for every pair; see TestDecoderOracle).
func iconvGBKLose(b []byte) int {
	if len(b) > 1 && b[0] >= 0x81 && b[0] <= 0xfe && b[1] >= 0x40 && !(b[0] == 0xfe && b[1] > 0xa0) {
		return 2
	}
	return 1
}

// glibc's BIG5 reads A1-F9 as leads: an unreadable pair there loses both
// bytes unless the second is below 0x40 or 0x7F; any other byte is lost
// alone.
func iconvBig5Lose(b []byte) int {
	if len(b) > 1 && b[0] >= 0xa1 && b[0] <= 0xf9 && b[1] >= 0x40 && b[1] != 0x7f {
		return 2
	}
	return 1
}

// decoders lists the real decoders the benchmark imitates.
func decoders(tb testing.TB) []*decoder {
	gb, gbk, b5 := simplifiedchinese.GB18030, simplifiedchinese.GBK, traditionalchinese.Big5
	ds := []*decoder{
		{name: "python gbk replace", base: gbk, lose: pythonLose(false), mark: true},
		{name: "python gb18030 replace", base: gb, four: true, lose: pythonLose(true), mark: true},
		{name: "python big5 replace", base: b5, lose: pythonLose(false), mark: true},
		{name: "iconv GBK//IGNORE", base: gbk, lose: iconvGBKLose},
		{name: "iconv BIG5//IGNORE", base: b5, lose: iconvBig5Lose},
		{name: "whatwg gbk", whole: gbk},
		{name: "whatwg gb18030", whole: gb},
		{name: "whatwg big5", whole: b5},
	}
	diffs := readPairDiffs(tb)
	for _, d := range ds {
		d.diff = diffs[d.name]
	}
	return ds
}

func decoderNamed(tb testing.TB, name string) *decoder {
	for _, d := range decoders(tb) {
		if d.name == name {
			return d
		}
	}
	tb.Fatal("no decoder ", name)
	return nil
}

// decode reads b as the decoder does.
func (d *decoder) decode(b []byte) string {
	if d.whole != nil {
		out, _ := d.whole.NewDecoder().Bytes(b)
		return string(out)
	}
	var sb strings.Builder
	for p := 0; p < len(b); {
		c := b[p]
		if c < 0x80 {
			sb.WriteByte(c)
			p++
			continue
		}
		if s, ok := d.table(b[p : p+1]); ok {
			sb.WriteString(s)
			p++
			continue
		}
		if p+1 < len(b) {
			if s, ok := d.table(b[p : p+2]); ok {
				sb.WriteString(s)
				p += 2
				continue
			}
		}
		if d.four && p+3 < len(b) && b[p+1] >= 0x30 && b[p+1] <= 0x39 {
			if out, err := d.base.NewDecoder().Bytes(b[p : p+4]); err == nil && !strings.ContainsRune(string(out), utf8.RuneError) {
				sb.Write(out)
				p += 4
				continue
			}
		}
		if d.mark {
			sb.WriteRune(utf8.RuneError)
		}
		p += d.lose(b[p:])
	}
	return sb.String()
}

// table reads one or two bytes with the decoder's table.
func (d *decoder) table(b []byte) (string, bool) {
	if s, ok := d.diff[hex.EncodeToString(b)]; ok {
		return s, s != ""
	}
	if len(b) == 1 {
		return "", false // a lone high byte reads as nothing unless diff says so
	}
	out, err := d.base.NewDecoder().Bytes(b)
	if err != nil || len(out) == 0 || strings.ContainsRune(string(out), utf8.RuneError) || utf8.RuneCount(out) != 1 {
		return "", false
	}
	return string(out), true
}

// readPairDiffs reads pairs.tsv: decoder, a range of units (see
// oracleUnits) first-last, what the first is read as (hex of UTF-8; empty:
// nothing); each next unit of the range is read as the next code point.
func readPairDiffs(tb testing.TB) map[string]map[string]string {
	data, err := os.ReadFile(filepath.Join(oracleDir, "pairs.tsv"))
	if err != nil && !*update {
		tb.Fatal(err)
	}
	index := map[string]int{}
	units := oracleUnits()
	for i, u := range units {
		index[hex.EncodeToString(u)] = i
	}
	out := map[string]map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		first, last, ok := strings.Cut(f[1], "-")
		if !ok {
			last = first
		}
		a, ok1 := index[first]
		z, ok2 := index[last]
		v, err := hex.DecodeString(f[2])
		if err != nil || !ok1 || !ok2 {
			tb.Fatalf("pairs.tsv: bad line %q", line)
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]string{}
		}
		r, _ := utf8.DecodeRune(v)
		for i := a; i <= z; i++ {
			s := ""
			if len(v) > 0 {
				s = string(r + rune(i-a))
			}
			out[f[0]][hex.EncodeToString(units[i])] = s
		}
	}
	return out
}

// oracleUnits are the byte strings pairs.tsv describes, in order: every
// lone high byte, then every lead and trail pair.
func oracleUnits() [][]byte {
	var units [][]byte
	for c := 0x80; c <= 0xff; c++ {
		units = append(units, []byte{byte(c)})
	}
	for lead := 0x81; lead <= 0xfe; lead++ {
		for trail := 0x40; trail <= 0xfe; trail++ {
			units = append(units, []byte{byte(lead), byte(trail)})
		}
	}
	return units
}

// oracleInputs are the byte strings the oracle decodes: edge cases, then
// real lines written in UTF-8 and in GB18030 and Big5 with a stray byte
// before the line or inside it (the frame-shift mechanisms), 锟斤拷 sources
// (U+FFFD in UTF-8) and runs of uninitialised 0xCC and 0xCD bytes.
func oracleInputs(tb testing.TB) [][]byte {
	var in [][]byte
	for _, h := range []string{
		"e585ace9878c33", "ace9", "8130", "817f", "81ff", "aaa1", "80", "ff", "a120", "81",
		"a1a1a2", "e585ace9", "81308130", "813081", "81308120", "8431a439", "fe50", "41813041424",
		"41a120414", "41817f41", "41ace94142", "4180", "41ff42", "418130814142", "a3a0", "a2e3",
		"c6dba4d7", "efbfbdefbfbd41", "cccccccc", "cdcdcdcd41",
	} {
		if len(h)%2 == 1 {
			h = h[:len(h)-1]
		}
		b, _ := hex.DecodeString(h)
		in = append(in, b)
	}
	var lines []string
	for _, d := range seedClean(tb) {
		lines = append(lines, benchLines(d.text, 10)...)
	}
	for i, l := range lines {
		if rs := []rune(l); len(rs) > 32 {
			l = string(rs[:32]) // long enough for every kind of damage
		}
		in = append(in, []byte(l))
		rng := rand.New(rand.NewPCG(uint64(i), 0x6f7261636c65))
		for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
			b, err := e.NewEncoder().Bytes([]byte(l))
			if err != nil {
				continue
			}
			stray := byte(0x81 + rng.IntN(0x7e))
			in = append(in, append([]byte{stray}, b...))
			at := rng.IntN(len(b))
			in = append(in, slices.Concat(b[:at], []byte{stray}, b[at:]))
		}
	}
	return in
}

// oracleCase is one input and what each decoder made of it.
type oracleCase struct {
	In  string            `json:"in"`
	Out map[string]string `json:"out"`
}

// TestDecoderOracle checks the generator's decoders against the bytes
// python3 and iconv produced (cases.json); with -update it first asks
// python3 and iconv again and rewrites pairs.tsv and cases.json.
func TestDecoderOracle(t *testing.T) {
	if *update {
		writeOracle(t)
	}
	data, err := os.ReadFile(filepath.Join(oracleDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []oracleCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("only %d oracle cases", len(cases))
	}
	n := 0
	for _, d := range decoders(t) {
		for _, c := range cases {
			want, ok := c.Out[d.name]
			if !ok {
				continue
			}
			in, _ := hex.DecodeString(c.In)
			w, _ := hex.DecodeString(want)
			n++
			if got := d.decode(in); got != string(w) {
				t.Errorf("%s on % x:\n got  %q\n want %q", d.name, in, got, w)
			}
		}
	}
	t.Logf("%d decodings agree", n)
}

// pythonScript decodes hex lines from stdin with the codecs named in
// argv and writes one JSON object per line: codec -> hex of UTF-8.
const pythonScript = `
import sys, json
codecs = sys.argv[1:]
for line in sys.stdin:
    b = bytes.fromhex(line.strip())
    print(json.dumps({c: b.decode(c, errors="replace").encode().hex() for c in codecs}))
`

var pythonCodecs = map[string]string{"gbk": "python gbk replace", "gb18030": "python gb18030 replace", "big5": "python big5 replace"}

var iconvCodecs = map[string]string{"GBK": "iconv GBK//IGNORE", "BIG5": "iconv BIG5//IGNORE"}

// runPython decodes each input with python3's codecs.
func runPython(t *testing.T, inputs [][]byte) []map[string]string {
	var stdin bytes.Buffer
	for _, b := range inputs {
		fmt.Fprintf(&stdin, "%x\n", b)
	}
	codecs := []string{"gbk", "gb18030", "big5"}
	cmd := exec.Command("python3", append([]string{"-c", pythonScript}, codecs...)...)
	cmd.Stdin = &stdin
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var res []map[string]string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var m map[string]string
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		r := map[string]string{}
		for c, v := range m {
			r[pythonCodecs[c]] = v
		}
		res = append(res, r)
	}
	if len(res) != len(inputs) {
		t.Fatalf("python3 answered %d of %d", len(res), len(inputs))
	}
	return res
}

// runIconv decodes b with iconv -f code -t UTF-8//IGNORE (it exits 1
// when it dropped something; the output is still what it read).
func runIconv(t *testing.T, code string, b []byte) []byte {
	cmd := exec.Command("iconv", "-f", code, "-t", "UTF-8//IGNORE")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatalf("iconv: %v", err)
	}
	return out
}

// writeOracle asks python3 and iconv for every byte pair (and lone high
// byte) and for the oracle inputs, and writes pairs.tsv and cases.json.
func writeOracle(t *testing.T) {
	for _, tool := range []string{"python3", "iconv"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("-update needs %s: %v", tool, err)
		}
	}
	units := oracleUnits()
	// What each tool reads each unit as: one character, or nothing.
	reads := make([]map[string]string, len(units))
	for i, m := range runPython(t, units) {
		reads[i] = map[string]string{}
		for name, v := range m {
			s, _ := hex.DecodeString(v)
			reads[i][name] = oneChar(string(s))
		}
	}
	for code, name := range iconvCodecs {
		var in bytes.Buffer
		for _, u := range units {
			in.Write(u)
			in.WriteByte('\n')
		}
		got := strings.Split(string(runIconv(t, code, in.Bytes())), "\n")
		if len(got) != len(units)+1 {
			t.Fatalf("iconv %s: %d lines for %d units", code, len(got)-1, len(units))
		}
		for i := range units {
			reads[i][name] = oneChar(got[i])
		}
	}
	ds := decoders(t)
	var sb strings.Builder
	sb.WriteString("# decoder\tbytes\tread as (UTF-8 hex; empty: nothing). Pairs where the decoder differs from golang.org/x/text's table; written by go test -run TestDecoderOracle -update\n")
	for _, d := range ds {
		if d.whole != nil {
			continue
		}
		d.diff = nil
		// Runs of consecutive units read as nothing, or as consecutive
		// code points, are one line.
		start, prev, prevR := -1, -1, rune(0)
		flush := func() {
			if start >= 0 {
				v := ""
				if prevR > 0 {
					v = string(prevR - rune(prev-start))
				}
				fmt.Fprintf(&sb, "%s\t%x-%x\t%x\n", d.name, units[start], units[prev], v)
			}
			start = -1
		}
		for i, u := range units {
			s, ok := d.table(u)
			want := reads[i][d.name]
			if !ok {
				s = ""
			}
			if s == want {
				flush()
				continue
			}
			r := rune(0)
			if want != "" {
				r, _ = utf8.DecodeRuneInString(want)
			}
			if start >= 0 && i == prev+1 && (r == 0) == (prevR == 0) && (r == 0 || r == prevR+1) {
				prev, prevR = i, r
				continue
			}
			flush()
			start, prev, prevR = i, i, r
		}
		flush()
	}
	if err := os.MkdirAll(oracleDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(oracleDir, "pairs.tsv"), []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := oracleInputs(t)
	py := runPython(t, inputs)
	var cases []oracleCase
	for i, b := range inputs {
		c := oracleCase{In: hex.EncodeToString(b), Out: py[i]}
		for code, name := range iconvCodecs {
			c.Out[name] = hex.EncodeToString(runIconv(t, code, b))
		}
		for _, d := range ds {
			if d.whole != nil {
				c.Out[d.name] = hex.EncodeToString([]byte(d.decode(b)))
			}
		}
		cases = append(cases, c)
	}
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, c := range cases {
		line, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		if i < len(cases)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]\n")
	if err := os.WriteFile(filepath.Join(oracleDir, "cases.json"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// oneChar is s when it is one character other than U+FFFD, else "".
func oneChar(s string) string {
	if r, n := utf8.DecodeRuneInString(s); n == len(s) && n > 0 && r != utf8.RuneError && r >= 0x80 {
		return s
	}
	return ""
}

// seededRand is a generator seeded from s, so a corruption is the same on
// every run.
func seededRand(s string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(s))
	return rand.New(rand.NewPCG(h.Sum64(), 0x6d6f6a6962616b65))
}

// TestUserDefinedPairs: the private-use characters the GB18030 codec
// writes for the user-defined areas (U+E000-U+E765) are those Python's
// gb18030 reads from the same pairs. (Python reads 173 more pairs, single
// unassigned codes, as U+E766 and up; the codec leaves those out.)
func TestUserDefinedPairs(t *testing.T) {
	py := decoderNamed(t, "python gb18030 replace")
	c := gb18030Codec()
	n := 0
	for unit, s := range py.diff {
		r, _ := utf8.DecodeRuneInString(s)
		if len(unit) != 4 || r < 0xe000 || r > 0xe765 {
			continue
		}
		want, _ := hex.DecodeString(unit)
		got, ok := c.encode(nil, r)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("U+%04X: wrote % x, Python reads it from % x", r, got, want)
		}
		n++
	}
	if n != 1894 {
		t.Errorf("%d user-defined pairs in Python's table, want 1894", n)
	}
}
