package stages

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

//go:generate go test -run TestScriptTableGenerated -regen .

// regen rewrites data/script.bin from the OpenCC dictionaries.
var regen = flag.Bool("regen", false, "rewrite the generated script table (go generate)")

// deriveScriptClasses marks the characters that OpenCC's t2s changes and
// s2t keeps (traditional-only) and the reverse (simplified-only), over the
// CJK blocks, with hanBit on every Han character from scriptLo to scriptHi.
func deriveScriptClasses() ([]byte, error) {
	t2s, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, err
	}
	class := make([]byte, scriptHi-scriptLo+1)
	for r := rune(scriptLo); r <= scriptHi; r++ {
		if unicode.Is(unicode.Han, r) {
			class[r-scriptLo] = hanBit
		}
	}
	trad, simp := 0, 0
	for _, block := range [][2]rune{{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xf900, 0xfaff}} {
		for r := block[0]; r <= block[1]; r++ {
			c := string(r)
			toS, toT := t2s.Convert(c) != c, s2t.Convert(c) != c
			switch {
			case toS && !toT:
				class[r-scriptLo] |= 1
				trad++
			case toT && !toS:
				class[r-scriptLo] |= 2
				simp++
			}
		}
	}
	if trad == 0 || simp == 0 {
		return nil, fmt.Errorf("script table: OpenCC dictionaries gave %d traditional-only and %d simplified-only characters", trad, simp)
	}
	return class, nil
}

// TestScriptTableGenerated checks the embedded table against the
// dictionaries it comes from: a dictionary change without go generate
// fails here.
func TestScriptTableGenerated(t *testing.T) {
	want, err := deriveScriptClasses()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("data", "script.bin")
	if *regen {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(scriptClasses, want) {
		t.Fatalf("%s is stale: run go generate ./pipeline/stages", path)
	}
	table, err := newScriptTable()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(table.class, want) {
		t.Fatal("newScriptTable does not read the embedded table")
	}
}
