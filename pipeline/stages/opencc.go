package stages

import (
	"context"
	_ "embed"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/opencc"
)

// Convert converts the clean text's script with an OpenCC config, keeping the
// text before conversion as Document.Original.
type Convert struct {
	Conv *opencc.Converter
}

// Name implements pipeline.Stage.
func (Convert) Name() string { return "opencc" }

// Apply implements pipeline.Stage.
func (s Convert) Apply(_ context.Context, d *pipeline.Document) error {
	d.Original = d.Text
	out, edits := s.Conv.ConvertEdits(d.Text)
	d.Rewrite(out, edits)
	d.ScriptEdits = edits
	return nil
}

// Script classifies the document's script before conversion: simplified,
// traditional or mixed, by counting characters that exist in only one of the
// two scripts.
type Script struct {
	table *scriptTable
}

// Name implements pipeline.Stage.
func (Script) Name() string { return "script" }

// Apply implements pipeline.Stage.
func (s Script) Apply(_ context.Context, d *pipeline.Document) error {
	if d.Chunk != nil {
		return nil // classified whole by Merge
	}
	d.Script = s.table.classify(d.Text)
	return nil
}

// Part implements pipeline.Merger: a chunk's counts, taken in its own
// goroutine (counts of pieces cut between characters add up to the
// whole's).
func (s Script) Part(d *pipeline.Document) any {
	var n scriptCount
	s.table.count(&n, d.Text)
	return n
}

// Merge implements pipeline.Merger: a split document is classified by its
// whole text before conversion, as an unsplit one, from its chunks' counts.
func (s Script) Merge(d *pipeline.Document, parts []any) {
	var n scriptCount
	for _, p := range parts {
		c, ok := p.(scriptCount)
		if !ok {
			d.Err = fmt.Errorf("script: a chunk's part is %T, not its counts", p)
			return
		}
		n.han, n.trad, n.simp = n.han+c.han, n.trad+c.trad, n.simp+c.simp
	}
	d.Script = n.label()
}

// scriptTable marks the characters that OpenCC's t2s changes and s2t keeps
// (traditional-only) and the reverse (simplified-only), over the CJK blocks.
type scriptTable struct {
	// class holds 0 (both scripts or not Han), 1 (traditional-only) or 2
	// (simplified-only) for each rune from scriptLo to scriptHi, with hanBit
	// set for Han characters (unicode.Is per rune was most of the stage).
	class []uint8
}

const hanBit = 4

const scriptLo, scriptHi = 0x3400, 0xfaff

// scriptClasses is the class table, generated from OpenCC's t2s and s2t
// dictionaries at build time (go generate; TestScriptTableGenerated checks
// it against them, data/NOTICE names their licence). Deriving it at start
// converted 28,000 characters twice, 20 ms of every run.
//
//go:embed data/script.bin
var scriptClasses []byte

// newScriptTable returns the table read in place from the embedded bytes.
func newScriptTable() (*scriptTable, error) {
	if len(scriptClasses) != scriptHi-scriptLo+1 {
		return nil, fmt.Errorf("script table: %d bytes embedded, want %d", len(scriptClasses), scriptHi-scriptLo+1)
	}
	return &scriptTable{class: scriptClasses}, nil
}

func (t *scriptTable) classify(s string) string {
	var c scriptCount
	t.count(&c, s)
	return c.label()
}

// scriptCount counts the characters the script is judged by; a text's
// counts are the sum of its pieces' (cut between characters).
type scriptCount struct{ han, trad, simp int }

func (t *scriptTable) count(n *scriptCount, s string) {
	han, trad, simp := 0, 0, 0
	for i := 0; i < len(s); {
		// Skip ASCII, and decode three-byte characters inline: this loop
		// reads every document.
		c0 := s[i]
		if c0 < 0x80 {
			i++
			continue
		}
		var r rune
		if c0 >= 0xe1 && c0 <= 0xef && c0 != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			r = rune(c0&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		if r < scriptLo {
			continue
		}
		if r > scriptHi {
			if unicode.Is(unicode.Han, r) {
				han++
			}
			continue
		}
		c := t.class[r-scriptLo]
		switch c &^ hanBit {
		case 1:
			trad++
		case 2:
			simp++
		}
		if c&hanBit != 0 {
			han++
		}
	}
	n.han, n.trad, n.simp = n.han+han, n.trad+trad, n.simp+simp
}

func (n scriptCount) label() string {
	han, trad, simp := n.han, n.trad, n.simp
	switch {
	case han == 0:
		return ""
	case trad+simp == 0 || trad*10 <= (trad+simp):
		// A few traditional characters in simplified text (names, quotes)
		// do not make it mixed; likewise the other way round.
		return "simplified"
	case simp*10 <= (trad + simp):
		return "traditional"
	}
	return "mixed"
}
