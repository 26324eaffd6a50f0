package extractors

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"flag"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// regen rewrites dict/words.bin from the word list through gse.
var regen = flag.Bool("regen", false, "rewrite dict/words.bin (go generate)")

// smallDictText is the word list words.bin is compiled from.
//
//go:embed dict/zh_s_small.txt
var smallDictText string

// gseReference loads the word list into gse the way the segmenter did before
// the list was precompiled: the oracle words.bin must agree with.
var gseReference = sync.OnceValues(func() (*gse.Segmenter, error) {
	var b strings.Builder
	b.WriteString(smallDictText)
	for _, w := range extraWords {
		b.WriteString(w + " 1000 n\n")
	}
	seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := seg.LoadDictStr(b.String()); err != nil {
		return nil, err
	}
	return seg, nil
})

// compileWordDict writes gse's loaded dictionary in wordDict's layout.
func compileWordDict(seg *gse.Segmenter) []byte {
	d := seg.Dict
	// gse's path cost (Segmenter.CalcToken), computed the same way.
	logTotal := float32(math.Log2(d.TotalFreq()))
	type entry struct {
		key   string
		cost  float32
		units int
		pos   string
	}
	var es []entry
	posIx := map[string]int{}
	var poses []string
	for i := range d.Tokens {
		tk := &d.Tokens[i]
		e := entry{
			key:   tk.Text(),
			cost:  logTotal - float32(math.Log2(tk.Freq())),
			units: len(seg.SplitTextToWords([]byte(tk.Text()))),
			pos:   tk.Pos(),
		}
		if _, ok := posIx[e.pos]; !ok {
			posIx[e.pos] = len(poses)
			poses = append(poses, e.pos)
		}
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	var out []byte
	out = append(out, wordDictMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(es)))
	out = binary.LittleEndian.AppendUint32(out, uint32(d.MaxTokenLen()))
	out = append(out, byte(len(poses)))
	for _, p := range poses {
		out = append(out, byte(len(p)))
		out = append(out, p...)
	}
	off := 0
	for _, e := range es {
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		off += len(e.key)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(off))
	for _, e := range es {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(e.cost))
		out = append(out, byte(e.units), byte(posIx[e.pos]))
	}
	for _, e := range es {
		out = append(out, e.key...)
	}
	return out
}

// TestWordDictGenerated checks the committed words.bin against the word
// list compiled through gse (a list changed without go generate fails).
func TestWordDictGenerated(t *testing.T) {
	seg, err := gseReference()
	if err != nil {
		t.Fatal(err)
	}
	want := compileWordDict(seg)
	path := filepath.Join("dict", "words.bin")
	if *regen {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if wordsBin != string(want) {
		t.Fatalf("%s is stale: run go generate ./extractors", path)
	}
}

// gseWords is the segmentation the extractors took from gse before.
func gseWords(seg *gse.Segmenter, s string) []word {
	var out []word
	for _, x := range seg.Segment([]byte(s)) {
		out = append(out, word{start: x.Start(), end: x.End(), pos: x.Token().Pos()})
	}
	return out
}

// segmentCases are texts where gse's reading of units matters: Latin and
// digit runs, upper case, two-byte letters, stray bytes, words of the list
// and of extraWords, characters outside it.
var segmentCases = []string{
	"",
	"a",
	"全省农村公路总里程达到12.5万公里",
	"G15沈海高速公路改扩建工程完成投资3.2亿元",
	"ABC公司和abc公司，Ωμέγα与Кирилл，É线",
	"普通国省道连接线互通立交客滚船匝道",
	"\xff\xfe农村\xe4\xb8公路",
	"２０２３年全市“四好农村路”建设，投资１.５亿元。",
	"深入学习贯彻党的精神，推动交通运输高质量发展。",
	"办理时限由20个工作日压缩至5个工作日，申请材料减少3项",
	"𠀀𠀁龘齉，ｇｄｐ增长",
	"x1y2 z3",
}

// TestSegmentMatchesGse compares the precompiled segmenter with gse over
// the cases and every line of the seed documents.
func TestSegmentMatchesGse(t *testing.T) {
	seg, err := gseReference()
	if err != nil {
		t.Fatal(err)
	}
	d, err := openWordDict(wordsBin)
	if err != nil {
		t.Fatal(err)
	}
	texts := slices.Clone(segmentCases)
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no seed documents")
	}
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, s := range texts {
		got, want := d.segment(s), gseWords(seg, s)
		if !slices.Equal(got, want) {
			t.Errorf("segment(%q):\n got %v\nwant %v", s, got, want)
		}
	}
}

// FuzzSegmentMatchesGse checks the same on arbitrary strings.
func FuzzSegmentMatchesGse(f *testing.F) {
	for _, s := range segmentCases {
		f.Add(s)
	}
	seg, err := gseReference()
	if err != nil {
		f.Fatal(err)
	}
	d, err := openWordDict(wordsBin)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := d.segment(s), gseWords(seg, s); !slices.Equal(got, want) {
			t.Errorf("segment(%q):\n got %v\nwant %v", s, got, want)
		}
	})
}

// TestOpenWordDictRejects checks that a damaged table is an error, not a
// panic at the first sentence.
func TestOpenWordDictRejects(t *testing.T) {
	for name, b := range map[string]string{
		"empty":     "",
		"magic":     "ZXWD9\n\x01\x00\x00\x00\x01\x00\x00\x00\x00",
		"truncated": wordsBin[:len(wordsBin)/2],
	} {
		if _, err := openWordDict(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := openWordDict(wordsBin); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSegment segments the seed documents' lines with the
// precompiled word list and, as the peer in the same run, with gse loaded
// from the same list.
func BenchmarkSegment(b *testing.B) {
	seg, err := gseReference()
	if err != nil {
		b.Fatal(err)
	}
	d, err := openWordDict(wordsBin)
	if err != nil {
		b.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	var lines []string
	size := 0
	for _, f := range seeds {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, l)
			size += len(l)
		}
	}
	b.Run("wordDict", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, l := range lines {
				d.segment(l)
			}
		}
	})
	b.Run("gse-peer", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, l := range lines {
				gseWords(seg, l)
			}
		}
	})
}

// TestCmpRestThreeBytes holds cmpRest and rest3, which order a unit of three bytes
// as a number, to strings.Compare of the key's bytes (the order the table
// is sorted in) for every key, after no bytes and after its first
// character, against units just below, at and above the key's own bytes.
func TestCmpRestThreeBytes(t *testing.T) {
	d, err := openWordDict(wordsBin)
	if err != nil {
		t.Fatal(err)
	}
	ref := func(i, plen int, unit string) int {
		k := d.key(i)[plen:]
		if len(k) >= len(unit) {
			return strings.Compare(k[:len(unit)], unit)
		}
		if c := strings.Compare(k, unit[:len(k)]); c != 0 {
			return c
		}
		return -1
	}
	units := []string{"\x00\x00\x00", "\xff\xff\xff", "公里", "abc", "ab", "\xe5\x85\xac", "\x7f\x80\xff"}
	n := 0
	for i := range d.n {
		k := d.key(i)
		_, size := utf8.DecodeRuneInString(k)
		for _, plen := range []int{0, size} {
			rest := k[plen:]
			us := units
			if len(rest) >= 3 {
				own := rest[:3]
				below, above := []byte(own), []byte(own)
				below[2]--
				above[2]++
				us = append(slices.Clip(units), own, string(below), string(above))
			}
			for _, u := range us {
				n++
				if got, want := sign(d.cmpRest(i, plen, u)), sign(ref(i, plen, u)); got != want {
					t.Fatalf("key %q after %d bytes, unit %q: cmpRest %d, want %d", k, plen, u, got, want)
				}
				// narrow3's order: rest3 against the unit's number
				if len(u) != 3 {
					continue
				}
				num := uint32(u[0])<<18 | uint32(u[1])<<10 | uint32(u[2])<<2 | 3
				if got, want := cmp.Compare(d.rest3(i, plen), num), sign(ref(i, plen, u)); got != want {
					t.Fatalf("key %q after %d bytes, unit %q: rest3 orders %d, want %d", k, plen, u, got, want)
				}
			}
		}
	}
	t.Logf("%d comparisons", n)
}

func sign(c int) int { return cmp.Compare(c, 0) }

// TestByRuneFirstKey holds byRune, filled in openWordDict's one pass over
// the keys, to its definition: byRune[r] is the first key whose first
// character is r or later (the keys' count when there is none).
func TestByRuneFirstKey(t *testing.T) {
	d, err := openWordDict(wordsBin)
	if err != nil {
		t.Fatal(err)
	}
	first := make([]rune, d.n)
	for i := range d.n {
		first[i], _ = utf8.DecodeRuneInString(d.key(i))
	}
	for r := range rune(len(d.byRune)) {
		want, _ := slices.BinarySearch(first, r)
		if got := int(d.byRune[r]); got != want {
			t.Fatalf("byRune[%U] = %d, want %d", r, got, want)
		}
	}
}

// TestMayGoOnEveryKey checks that the pair filter prefixWords stops on
// never refuses the first two characters of a key: it may only stop where
// narrow would have found no key.
func TestMayGoOnEveryKey(t *testing.T) {
	d, err := openWordDict(wordsBin)
	if err != nil {
		t.Fatal(err)
	}
	set := 0
	for _, w := range d.pairs {
		set += bits.OnesCount64(w)
	}
	if set == 0 || set > len(d.pairs)*64/4 {
		t.Errorf("%d of %d pair bits set", set, len(d.pairs)*64)
	}
	for i := range d.n {
		k := d.key(i)
		r1, n := utf8.DecodeRuneInString(k)
		if n == len(k) {
			continue
		}
		r2, _ := utf8.DecodeRuneInString(k[n:])
		if !d.mayGoOn(r1, r2) {
			t.Fatalf("key %q: mayGoOn(%q, %q) is false", k, r1, r2)
		}
	}
}
