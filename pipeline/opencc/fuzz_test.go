package opencc

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// invalidBytes returns the bytes of s that are not part of valid UTF-8, in
// order.
func invalidBytes(s string) []byte {
	var bad []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			bad = append(bad, s[i])
		}
		i += n
	}
	return bad
}

// FuzzConvert checks, for any input and config: no panic; invalid bytes come
// out unchanged and in order; valid input gives valid output; edits and the
// stream agree with Convert.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"", "發展與改革", "软件\x80鼠标", "\xe4\xb8", "a\nb\r\n\x00", "\xed\xa0\x80後", "𩀨𱊜"} {
		f.Add(s, uint8(0))
	}
	if ins, err := filepath.Glob(filepath.Join(caseDir, "*.in")); err == nil {
		for i, p := range ins {
			if b, err := os.ReadFile(p); err == nil {
				line, _, _ := strings.Cut(string(b), "\n")
				f.Add(line, uint8(i))
			}
		}
	}
	configs := Configs()
	f.Fuzz(func(t *testing.T, in string, cfg uint8) {
		c, err := New(configs[int(cfg)%len(configs)])
		if err != nil {
			t.Fatal(err)
		}
		out := c.Convert(in)
		if !bytes.Equal(invalidBytes(out), invalidBytes(in)) {
			t.Fatalf("%s(%q) = %q: invalid bytes %q, want %q", c.Name(), in, out, invalidBytes(out), invalidBytes(in))
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("%s(%q) = %q is not valid UTF-8", c.Name(), in, out)
		}
		eout, edits := c.ConvertEdits(in)
		if eout != out {
			t.Fatalf("%s: ConvertEdits(%q) = %q, Convert = %q", c.Name(), in, eout, out)
		}
		checkEdits(t, c, in, out, edits)
		if gout, gedits := c.convertEdits(in, false); gout != out || !slices.Equal(gedits, edits) {
			t.Fatalf("%s(%q): general edit path gives %q %+v, fast path %q %+v", c.Name(), in, gout, gedits, out, edits)
		}
		var buf bytes.Buffer
		if err := c.convertStream(context.Background(), &buf, strings.NewReader(in), 5, 2); err != nil {
			t.Fatal(err)
		}
		if buf.String() != out {
			t.Fatalf("%s: stream(%q) = %q, Convert = %q", c.Name(), in, buf.String(), out)
		}
	})
}
