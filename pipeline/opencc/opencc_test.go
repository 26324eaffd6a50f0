package opencc

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

const caseDir = "../../testdata/opencc"

// TestOpenCCCases runs OpenCC's own test cases (1.1.6) through every entry
// point. OpenCC ships no case for t2tw.
func TestOpenCCCases(t *testing.T) {
	ran := 0
	for _, name := range Configs() {
		in, err := os.ReadFile(filepath.Join(caseDir, name+".in"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ans, err := os.ReadFile(filepath.Join(caseDir, name+".ans"))
		if err != nil {
			t.Fatal(err)
		}
		ran++
		t.Run(name, func(t *testing.T) {
			c, err := New(name)
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, "Convert", c.Convert(string(in)), string(ans))
			out, edits := c.ConvertEdits(string(in))
			checkLines(t, "ConvertEdits", out, string(ans))
			checkEdits(t, c, string(in), out, edits)
			var buf bytes.Buffer
			if err := c.ConvertStream(context.Background(), &buf, bytes.NewReader(in)); err != nil {
				t.Fatal(err)
			}
			checkLines(t, "ConvertStream", buf.String(), string(ans))
		})
	}
	if ran < 13 {
		t.Fatalf("ran %d OpenCC case files, want 13", ran)
	}
}

// checkLines reports the differing lines of got and want.
func checkLines(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	shown := 0
	for i := 0; i < max(len(gl), len(wl)) && shown < 5; i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s line %d:\n got %q\nwant %q", what, i+1, g, w)
			shown++
		}
	}
	if shown == 0 {
		t.Errorf("%s: output differs (%d bytes, want %d)", what, len(got), len(want))
	}
}

// checkEdits verifies the edits rebuild the output from the input, in
// order, and carry the stage, reason and quiet flag the pipeline expects.
func checkEdits(t *testing.T, c *Converter, in, out string, edits []textedit.Edit) {
	t.Helper()
	if got := textedit.Apply(in, edits); got != out {
		t.Errorf("Apply(edits) differs from the output")
	}
	end := 0
	for _, e := range edits {
		if e.Stage != "opencc" || e.Reason != c.Name() || !e.Quiet {
			t.Fatalf("edit %+v: want stage opencc, reason %s, quiet", e, c.Name())
		}
		if e.Start < end || e.End <= e.Start || in[e.Start:e.End] != e.Old || e.Old == e.New {
			t.Fatalf("edit %+v: bad span (previous edit ends at %d)", e, end)
		}
		end = e.End
	}
}

func TestNew(t *testing.T) {
	want := []string{"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"}
	if got := Configs(); !slices.Equal(got, want) {
		t.Fatalf("Configs() = %v, want %v", got, want)
	}
	a, err := New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	b, err := New("t2s.json")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error(`New("t2s") and New("t2s.json") built two converters; want one shared`)
	}
	for _, bad := range []string{"", "x2y", "T2S", "t2s.ocd2", "/usr/share/opencc/t2s.json"} {
		_, err := New(bad)
		if err == nil {
			t.Errorf("New(%q): no error", bad)
			continue
		}
		if !strings.Contains(err.Error(), strings.Join(want, ", ")) {
			t.Errorf("New(%q) error %q does not list the valid configs", bad, err)
		}
	}
}

func TestConvertTable(t *testing.T) {
	tests := []struct {
		config, in, want string
	}{
		{"t2s", "", ""},
		{"t2s", "abc 123", "abc 123"},
		{"t2s", "發展與改革委員會", "发展与改革委员会"},
		{"s2t", "发展与改革委员会", "發展與改革委員會"},
		// Invalid UTF-8 is copied through byte for byte, around conversions.
		{"t2s", "發\x80展\xff", "发\x80展\xff"},
		{"t2s", "\xe4發展", "\xe4发展"},
		{"t2s", "發展\xe4\xb8", "发展\xe4\xb8"},
		{"s2twp", "\xed\xa0\x80软件", "\xed\xa0\x80軟體"},
		// NUL is an ordinary character (the CLI would drop what follows).
		{"t2s", "發\x00展", "发\x00展"},
		// Astral-plane keys and values (TSCharacters, STCharacters).
		{"t2s", "𩀨𠁞", "𫕚𠀾"},
		{"s2t", "𱊜", "𪈼"},
	}
	for _, tc := range tests {
		c, err := New(tc.config)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.config, tc.in, got, tc.want)
		}
		out, edits := c.ConvertEdits(tc.in)
		if out != tc.want {
			t.Errorf("%s ConvertEdits(%q) = %q, want %q", tc.config, tc.in, out, tc.want)
		}
		checkEdits(t, c, tc.in, out, edits)
	}
}

// TestEditsGranularity checks that a one-step config's edits map figure
// offsets back to single characters: one-for-one conversions form one
// run-length record per stretch (textedit.Edit.Unit), which still maps
// each character of the output to its own character of the input.
func TestEditsGranularity(t *testing.T) {
	c, err := New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	in := "收入1,234萬元，增長5.6%"
	out, edits := c.ConvertEdits(in)
	if out != "收入1,234万元，增长5.6%" {
		t.Fatalf("out = %q", out)
	}
	var olds []string
	for _, e := range edits {
		olds = append(olds, e.Old)
	}
	if want := []string{"萬元，增長"}; !slices.Equal(olds, want) {
		t.Fatalf("edits change %q, want %q (one run)", olds, want)
	}
	m := textedit.NewMapper(edits)
	i := strings.Index(out, "1,234万")
	j := i + len("1,234万")
	if got := in[m.Start(i):m.End(j)]; got != "1,234萬" {
		t.Errorf("span maps back to %q", got)
	}
	// Every character maps to the character it was converted from.
	inRunes, k := []rune(in), 0
	for p, r := range out {
		q := p + utf8.RuneLen(r)
		if got := in[m.Start(p):m.End(q)]; got != string(inRunes[k]) {
			t.Errorf("output character %q maps back to %q, want %q", r, got, string(inRunes[k]))
		}
		k++
	}
}

// TestEditsMultiStep checks edits of a three-step config: the pieces still
// rebuild the output, and a TWPhrases rewrite (软件 -> 軟體) is one piece.
func TestEditsMultiStep(t *testing.T) {
	c, err := New("s2twp")
	if err != nil {
		t.Fatal(err)
	}
	in := "这个软件的鼠标很好用"
	out, edits := c.ConvertEdits(in)
	if out != c.Convert(in) {
		t.Fatalf("ConvertEdits %q != Convert %q", out, c.Convert(in))
	}
	checkEdits(t, c, in, out, edits)
	found := false
	for _, e := range edits {
		if e.Old == "软件" && e.New == "軟體" {
			found = true
		}
	}
	if !found {
		t.Errorf("no edit 软件 -> 軟體 in %+v", edits)
	}
}

func TestConcurrentUse(t *testing.T) {
	in, err := os.ReadFile(filepath.Join(caseDir, "tw2sp.in"))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := os.ReadFile(filepath.Join(caseDir, "tw2sp.ans"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 16 {
		wg.Go(func() {
			c, err := New("tw2sp")
			if err != nil {
				errs <- err.Error()
				return
			}
			for range 20 {
				if got := c.Convert(string(in)); got != string(ans) {
					errs <- "concurrent Convert differs"
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestStreamCuts converts with tiny chunks and several workers, including
// lines far longer than a chunk and text with no safe cut at all.
func TestStreamCuts(t *testing.T) {
	c, err := New("s2twp")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("软件开发与鼠标", 50)
	inputs := []string{
		"",
		"\n",
		"软件\n鼠标\n",
		long,
		long + "\n" + long + " " + long + "\n\n",
		"a b\x80c\n软件 \xe4\xb8\n",
	}
	for _, in := range inputs {
		for _, chunk := range []int{1, 7, 64, 1 << 20} {
			var buf bytes.Buffer
			if err := c.convertStream(context.Background(), &buf, strings.NewReader(in), chunk, 3); err != nil {
				t.Fatal(err)
			}
			if want := c.Convert(in); buf.String() != want {
				t.Errorf("chunk %d: stream of %.40q = %.60q, want %.60q", chunk, in, buf.String(), want)
			}
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestStreamErrors(t *testing.T) {
	c, err := New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Repeat("發展\n", 100000)
	err = c.convertStream(context.Background(), &failWriter{n: 2}, strings.NewReader(in), 1024, 2)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("write failure: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = c.convertStream(ctx, &bytes.Buffer{}, strings.NewReader(in), 1024, 2)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	err = c.ConvertStream(context.Background(), &bytes.Buffer{}, errReader{})
	if err == nil || !strings.Contains(err.Error(), "bad disk") {
		t.Errorf("read failure: err = %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("bad disk") }

// TestDecode compares the decoder with unicode/utf8 on every sequence of
// up to three bytes and on four-byte sequences around the edges.
func TestDecode(t *testing.T) {
	check := func(b []byte) {
		wr, ws := utf8.DecodeRune(b)
		gr, gs := decode(b, 0, len(b))
		if wr != gr || ws != gs {
			t.Fatalf("decode(% x) = %U,%d, want %U,%d", b, gr, gs, wr, ws)
		}
		sr, ss := decode(string(b), 0, len(b))
		if sr != gr || ss != gs {
			t.Fatalf("decode(string % x) differs", b)
		}
	}
	for a := range 256 {
		check([]byte{byte(a)})
		for b := range 256 {
			check([]byte{byte(a), byte(b)})
			for c := range 256 {
				check([]byte{byte(a), byte(b), byte(c)})
			}
		}
	}
	for _, a := range []byte{0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8} {
		for _, b := range []byte{0x7f, 0x80, 0x8f, 0x90, 0xbf, 0xc0} {
			for _, d := range []byte{0x7f, 0x80, 0xbf, 0xc0} {
				check([]byte{a, b, 0x80, d})
				check([]byte{a, b, d, 0x80})
			}
		}
	}
}

// TestCodeAt holds codeAt, which decodes most three-byte characters
// itself, to utf8.DecodeRune and the alphabet's tables on every sequence
// of up to three bytes, read whole and cut short by end.
func TestCodeAt(t *testing.T) {
	c, err := New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	ab := c.ab
	ref := func(b []byte) (uint16, int) {
		r, size := utf8.DecodeRune(b)
		switch {
		case size == 1 && (r == utf8.RuneError || b[0] >= utf8.RuneSelf):
			return 0, 1
		case r < 0x10000:
			return ab.bmp[r], size
		}
		return ab.astral[r], size
	}
	b := make([]byte, 0, 4)
	for a := range 256 {
		for x := range 256 {
			for y := range 256 {
				b = append(b[:0], byte(a), byte(x), byte(y), 0x80)
				for end := 1; end <= len(b); end++ {
					gc, gs := codeAt(ab, b, 0, end)
					if wc, ws := ref(b[:end]); gc != wc || gs != ws {
						t.Fatalf("codeAt(% x, end %d) = %d,%d, want %d,%d", b, end, gc, gs, wc, ws)
					}
				}
			}
		}
	}
}
