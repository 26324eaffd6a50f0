// Package opencc converts Chinese text between scripts and regional
// variants exactly as OpenCC 1.1.6 does (simplified <-> traditional, Taiwan,
// Hong Kong and Japanese shinjitai variants), in pure Go with OpenCC's
// dictionaries embedded.
//
// OpenCC's model: a config names a segmentation dictionary and a chain of
// conversion steps, each step a list of dictionaries. The text is split once
// by longest match over the segmentation dictionary: every match is a
// segment, and each run of unmatched characters is one segment. Each segment
// then goes through the steps in turn; a step walks its input and at every
// position takes the longest key of the FIRST dictionary in its list that has
// any key there (not the longest over all of them), or copies one character.
// Matches never reach across segment boundaries. This package reproduces
// that byte for byte for valid UTF-8.
//
// Where it deliberately differs from the opencc CLI: invalid UTF-8 bytes are
// copied through unchanged, one byte at a time (the CLI aborts with "Invalid
// UTF8" and drops the rest of its input), and NUL bytes are ordinary
// characters (the CLI silently drops the rest of a line after a NUL).
package opencc

//go:generate go run ./internal/gen

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

//go:embed data/opencc.dat
var datBytes string

// configSpec is one OpenCC config as the generator read it.
type configSpec struct {
	name, title string
	seg         string     // segmentation dictionary
	chain       [][]string // conversion steps, each a dictionary group
}

// Converter converts text with one OpenCC config. It is immutable and safe
// for concurrent use.
type Converter struct {
	name   string
	title  string
	ab     *alphabet
	seg    *dat.Dict
	steps  [][]*dat.Dict
	direct bool // one step led by the segmentation dictionary: a matched segment becomes its value
	// runStep is, for direct converters, the step without its first
	// dictionary: inside an unmatched run the segmenter has already found
	// that dictionary matches nowhere, so only the rest can.
	runStep []*dat.Dict
	wit     func() *witnesses // where a direct conversion can change text
}

// Configs returns the names of the configs OpenCC 1.1.6 ships.
func Configs() []string {
	specs := configSpecs()
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.name
	}
	return names
}

// New returns the converter for config, given as "t2s" or "t2s.json".
// Dictionaries are decoded on first use and shared by all converters.
func New(config string) (*Converter, error) {
	name := strings.TrimSuffix(config, ".json")
	load, ok := converters()[name]
	if !ok {
		return nil, fmt.Errorf("opencc: unknown config %q (valid: %s)", config, strings.Join(Configs(), ", "))
	}
	return load()
}

// Name returns the config name, e.g. "t2s".
func (c *Converter) Name() string { return c.name }

// Title returns OpenCC's description of the config.
func (c *Converter) Title() string { return c.title }

// converters maps each config to its lazily built, shared Converter.
var converters = sync.OnceValue(func() map[string]func() (*Converter, error) {
	m := map[string]func() (*Converter, error){}
	for _, spec := range configSpecs() {
		m[spec.name] = sync.OnceValues(func() (*Converter, error) {
			ab, err := loadAlphabet()
			if err != nil {
				return nil, err
			}
			return build(spec, ab, func(name string) (*dat.Dict, error) { return dicts()[name]() })
		})
	}
	return m
})

// dicts maps each dictionary name to its lazily decoded trie.
var dicts = sync.OnceValue(func() map[string]func() (*dat.Dict, error) {
	m := map[string]func() (*dat.Dict, error){}
	for _, spec := range configSpecs() {
		for _, name := range append([]string{spec.seg}, slices.Concat(spec.chain...)...) {
			if _, ok := m[name]; !ok {
				m[name] = sync.OnceValues(func() (*dat.Dict, error) {
					f, err := dataFile()
					if err != nil {
						return nil, err
					}
					return f.Dict(name)
				})
			}
		}
	}
	return m
})

var dataFile = sync.OnceValues(func() (*dat.File, error) {
	f, err := dat.Parse(datBytes)
	if err != nil {
		return nil, fmt.Errorf("opencc: embedded dictionaries: %w", err)
	}
	return f, nil
})

var loadAlphabet = sync.OnceValues(func() (*alphabet, error) {
	f, err := dataFile()
	if err != nil {
		return nil, err
	}
	return newAlphabet(f.Alphabet)
})

// build assembles a converter from dictionaries that load returns.
func build(spec configSpec, ab *alphabet, load func(name string) (*dat.Dict, error)) (*Converter, error) {
	get := func(name string) (*dat.Dict, error) {
		d, err := load(name)
		if err != nil {
			return nil, fmt.Errorf("opencc: config %s: %w", spec.name, err)
		}
		return d, nil
	}
	c := &Converter{name: spec.name, title: spec.title, ab: ab}
	var err error
	if c.seg, err = get(spec.seg); err != nil {
		return nil, err
	}
	for _, group := range spec.chain {
		var step []*dat.Dict
		for _, name := range group {
			d, err := get(name)
			if err != nil {
				return nil, err
			}
			step = append(step, d)
		}
		c.steps = append(c.steps, step)
	}
	// The segmenter already found the longest key of the step's first
	// dictionary, and within that segment the step finds the same key.
	c.direct = len(spec.chain) == 1 && spec.chain[0][0] == spec.seg
	if c.direct {
		c.runStep = c.steps[0][1:]
		// Built on first use: only edit-recording conversions read them,
		// and the large dictionaries of s2t take tens of milliseconds.
		c.wit = sync.OnceValue(func() *witnesses { return newWitnesses(ab, c.steps[0]) })
	}
	return c, nil
}

// Convert converts s. Invalid UTF-8 bytes are copied through unchanged.
func (c *Converter) Convert(s string) string {
	var sc scratch
	return string(appendConvert(c, make([]byte, 0, len(s)+len(s)/8), s, &sc))
}

// ConvertEdits converts s like Convert and also returns one quiet edit per
// changed piece, with offsets into s, so positions in the output can be
// mapped back to s. A piece is the smallest span OpenCC's matching lets us
// attribute: a single character or a dictionary key, or, in multi-step
// configs, the union of keys that overlap from step to step.
func (c *Converter) ConvertEdits(s string) (string, []textedit.Edit) {
	return c.convertEdits(s, c.direct)
}

// convertEdits is ConvertEdits; fast takes the one-step shortcut
// (tests compare it with the general path).
func (c *Converter) convertEdits(s string, fast bool) (string, []textedit.Edit) {
	if fast {
		return c.convertEditsDirect(s)
	}
	b := textedit.NewBuilder(s, "opencc")
	var sc scratch
	c.segment(s, func(start, end int, matched bool, v string) {
		if matched && c.direct {
			b.ReplaceQuiet(start, end, v, c.name)
			return
		}
		c.editSegment(b, s, start, end, &sc)
	})
	return b.String(), b.Edits()
}

// convertEditsDirect is ConvertEdits for one-step configs in a single pass:
// where the segmentation dictionary has no key, the step's other
// dictionaries are tried at once, bounded (as a separate pass over the
// unmatched run would be) by the next place a segmentation key starts.
func (c *Converter) convertEditsDirect(s string) (string, []textedit.Edit) {
	b := textedit.NewBuilder(s, "opencc")
	wit := c.wit()
	hot := 0 // the matcher runs until here, then skips text without witnesses
	for i := 0; i < len(s); {
		if i >= hot {
			if i, hot = c.skip(wit, s, i); i >= len(s) {
				break
			}
		}
		cd, size := codeAt(c.ab, s, i, len(s))
		if cd == 0 {
			i += size
			continue
		}
		if n, v := longest(c.ab, c.seg, s, i, len(s), cd, size); n > 0 {
			b.ReplaceQuiet(i, i+n, c.seg.Value(v), c.name)
			i += n
			continue
		}
		d, n, v := c.runMatch(s, i, len(s), cd, size)
		if n > size {
			// A longer key must not run into the next segment.
			if j := c.segStart(s, i+size, i+n); j >= 0 {
				d, n, v = c.runMatch(s, i, j, cd, size)
			}
		}
		if n > 0 {
			b.ReplaceQuiet(i, i+n, d.Value(v), c.name)
			i += n
			continue
		}
		i += size
	}
	return b.String(), b.Edits()
}

// skip passes over text that converts to itself. From i, where the
// matcher stands, it finds the first witness; no key matches across a
// character that is in no key, so the matcher, started at i, stands after
// the last such character before the witness with nothing changed, and
// carries on from there. It returns that position (len(s) when no witness
// follows) and the end of the witness's stretch of key characters, where
// the matcher stands again and skip can take over.
func (c *Converter) skip(wit *witnesses, s string, i int) (from, hot int) {
	// The scan reads runes, not trie codes: the witness table (a byte a
	// rune) is half the alphabet's and stays in cache. It may take a
	// character for a witness that is none (an astral one, an ASCII
	// character in some key before a pair's second), which only makes it
	// skip less.
	from = i
	prev := rune(-1)
	var pf uint8 // prev's witness roles (0 outside the BMP)
	for j := i; j < len(s); {
		// Two characters a step where eight bytes begin with two
		// three-byte ones whose leads (E1-EC, EE-EF) take any two
		// continuation bytes, decoded from one load: they are most of a
		// text, and stepping one at a time decoded each alone. The loop
		// is its own, so that what it carries stays in registers.
		for ; j+8 <= len(s); j += 6 {
			b8 := s[j : j+8]
			w := uint64(b8[0]) | uint64(b8[1])<<8 | uint64(b8[2])<<16 | uint64(b8[3])<<24 |
				uint64(b8[4])<<32 | uint64(b8[5])<<40 | uint64(b8[6])<<48 | uint64(b8[7])<<56
			if w&0x0000c0c0f0c0c0f0 != 0x00008080e08080e0 || !leadPair[uint8(w&0x0f|w>>20&0xf0)] {
				break
			}
			r0 := rune(uint16(w)<<12 | uint16(w>>2)&0xfc0 | uint16(w>>16)&0x3f)
			r1 := rune(uint16(w>>24)<<12 | uint16(w>>26)&0xfc0 | uint16(w>>40)&0x3f)
			f0, f1 := wit.roles[r0], wit.roles[r1]
			// neither is a witness character, and neither the one
			// before nor r0 begins a witness pair: at is false twice
			if (f0|f1)&roleSingle != 0 || (pf|f0)&roleFirst != 0 {
				if wit.at(prev, r0) {
					return from, c.keyRunEnd(s, j)
				}
				if wit.at(r0, r1) {
					return from, c.keyRunEnd(s, j+3)
				}
			}
			prev, pf = r1, f1
		}
		if j >= len(s) {
			break
		}
		b := s[j]
		if b < utf8.RuneSelf {
			if wit.boundary[b] {
				from = j + 1
			} else if wit.at(prev, rune(b)) {
				return from, c.keyRunEnd(s, j)
			}
			prev, pf = rune(b), wit.roles[b]
			j++
			continue
		}
		var r rune
		size := 3
		if (b >= 0xe1 && b <= 0xec || b >= 0xee) && j+2 < len(s) && s[j+1]&0xc0 == 0x80 && s[j+2]&0xc0 == 0x80 && b <= 0xef {
			r = rune(b&0x0f)<<12 | rune(s[j+1]&0x3f)<<6 | rune(s[j+2]&0x3f)
		} else {
			r, size = utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && size == 1 {
				prev, pf = -1, 0
				j++
				continue
			}
		}
		if wit.at(prev, r) {
			return from, c.keyRunEnd(s, j)
		}
		prev, pf = r, 0
		if r < 0x10000 {
			pf = wit.roles[r]
		}
		j += size
	}
	return len(s), len(s)
}

// keyRunEnd returns the end of the stretch of key characters from j.
func (c *Converter) keyRunEnd(s string, j int) int {
	for j < len(s) {
		cd, size := codeAt(c.ab, s, j, len(s))
		if cd == 0 {
			break
		}
		j += size
	}
	return j
}

// runMatch finds the key of the first run dictionary that matches at i,
// ending by end.
func (c *Converter) runMatch(s string, i, end int, cd uint16, size int) (*dat.Dict, int, int32) {
	for _, d := range c.runStep {
		if n, v := longest(c.ab, d, s, i, end, cd, size); n > 0 {
			return d, n, v
		}
	}
	return nil, 0, 0
}

// segStart returns the first offset in [from, to) where a key of the
// segmentation dictionary starts, or -1.
func (c *Converter) segStart(s string, from, to int) int {
	for p := from; p < to; {
		cd, size := codeAt(c.ab, s, p, len(s))
		if cd != 0 {
			if n, _ := longest(c.ab, c.seg, s, p, len(s), cd, size); n > 0 {
				return p
			}
		}
		p += size
	}
	return -1
}

// scratch holds the buffers multi-step conversion of one segment reuses.
type scratch struct {
	buf [2][]byte
	rec [2][]piece
}

// text is what the matcher reads: the caller's string or a step's output.
type text interface{ ~string | ~[]byte }

// segment calls fn for each segment of s in order: matched segments with
// the segmentation dictionary's value, unmatched runs with matched false.
func (c *Converter) segment(s string, fn func(start, end int, matched bool, v string)) {
	run := 0
	for i := 0; i < len(s); {
		cd, size := codeAt(c.ab, s, i, len(s))
		if cd != 0 {
			if n, v := longest(c.ab, c.seg, s, i, len(s), cd, size); n > 0 {
				if run < i {
					fn(run, i, false, "")
				}
				fn(i, i+n, true, c.seg.Value(v))
				i += n
				run = i
				continue
			}
		}
		i += size
	}
	if run < len(s) {
		fn(run, len(s), false, "")
	}
}

// appendConvert appends the conversion of s to dst.
func appendConvert[T text](c *Converter, dst []byte, s T, sc *scratch) []byte {
	run := 0
	for i := 0; i < len(s); {
		cd, size := codeAt(c.ab, s, i, len(s))
		if cd != 0 {
			if n, v := longest(c.ab, c.seg, s, i, len(s), cd, size); n > 0 {
				if run < i {
					dst = appendRun(c, dst, s[run:i], sc)
				}
				if c.direct {
					dst = append(dst, c.seg.Value(v)...)
				} else {
					dst = appendSegment(c, dst, s[i:i+n], sc)
				}
				i += n
				run = i
				continue
			}
		}
		i += size
	}
	if run < len(s) {
		dst = appendRun(c, dst, s[run:], sc)
	}
	return dst
}

// appendRun converts a run of characters the segmenter did not match.
func appendRun[T text](c *Converter, dst []byte, run T, sc *scratch) []byte {
	if c.direct {
		return appendStep(c.ab, c.runStep, dst, run, nil)
	}
	return appendSegment(c, dst, run, sc)
}

// appendSegment runs one segment through the conversion chain. Each step
// reads the previous step's output; matching stays inside the segment.
func appendSegment[T text](c *Converter, dst []byte, seg T, sc *scratch) []byte {
	if len(c.steps) == 1 {
		return appendStep(c.ab, c.steps[0], dst, seg, nil)
	}
	cur := appendStep(c.ab, c.steps[0], sc.buf[0][:0], seg, nil)
	sc.buf[0] = cur
	for k, step := range c.steps[1:] {
		out := appendStep(c.ab, step, sc.buf[(k+1)%2][:0], cur, nil)
		sc.buf[(k+1)%2] = out
		cur = out
	}
	return append(dst, cur...)
}

// piece records one dictionary match of a step: input bytes [inS,inE)
// became output bytes [outS,outE). Text between pieces was copied.
type piece struct{ inS, inE, outS, outE int }

// appendStep converts s with one step's dictionaries, appending to dst. If
// rec is not nil it receives the step's matches, with output offsets
// relative to the initial len(dst).
func appendStep[T text](ab *alphabet, step []*dat.Dict, dst []byte, s T, rec *[]piece) []byte {
	base := len(dst)
	copied := 0 // start of the unmatched text not yet appended
	for i := 0; i < len(s); {
		cd, size := codeAt(ab, s, i, len(s))
		if cd != 0 {
			for _, d := range step {
				n, v := longest(ab, d, s, i, len(s), cd, size)
				if n == 0 {
					continue
				}
				dst = append(dst, s[copied:i]...)
				outS := len(dst) - base
				dst = append(dst, d.Value(v)...)
				if rec != nil {
					*rec = append(*rec, piece{i, i + n, outS, len(dst) - base})
				}
				i += n
				copied = i
				goto next
			}
		}
		i += size
	next:
	}
	return append(dst, s[copied:]...)
}

// longest returns the byte length and value index of d's longest key that
// starts at s[i] and ends by end, or 0. The first rune, with code cd and
// size bytes, is already decoded.
func longest[T text](ab *alphabet, d *dat.Dict, s T, i, end int, cd uint16, size int) (int, int32) {
	slots := d.Slots
	node := slots[0].Base + int32(cd)
	if uint32(node) >= uint32(len(slots)) || slots[node].Check != 0 {
		return 0, 0
	}
	n, val := 0, int32(0)
	j := i + size
	for {
		// A key ends here if the node has an end-of-key child (code 0).
		if t := slots[node].Base; uint32(t) < uint32(len(slots)) && slots[t].Check == node && slots[t].Base < 0 {
			n, val = j-i, -slots[t].Base-1
		}
		if j >= end {
			break
		}
		cd, size := codeAt(ab, s, j, end)
		if cd == 0 {
			break
		}
		t := slots[node].Base + int32(cd)
		if uint32(t) >= uint32(len(slots)) || slots[t].Check != node {
			break
		}
		node = t
		j += size
	}
	return n, val
}

// editSegment converts the segment s[start:end] through the chain and
// records one quiet edit per changed piece. A position of the segment is a
// cut when no step's match straddles it (followed through every step);
// the text between two cuts is a piece.
func (c *Converter) editSegment(b *textedit.Builder, s string, start, end int, sc *scratch) {
	seg := s[start:end]
	// cuts[k] is a candidate cut in seg; pos[k] its offset in the current
	// step's input, or -1 once a match straddles it.
	var cuts, pos []int
	for i := 0; i <= len(seg); {
		cuts = append(cuts, i)
		pos = append(pos, i)
		if i == len(seg) {
			break
		}
		_, size := codeAt(c.ab, seg, i, len(seg))
		i += size
	}
	var cur []byte
	for k, step := range c.steps {
		rec := sc.rec[0][:0]
		var out []byte
		if k == 0 {
			out = appendStep(c.ab, step, sc.buf[0][:0], seg, &rec)
		} else {
			out = appendStep(c.ab, step, sc.buf[k%2][:0], cur, &rec)
		}
		sc.buf[k%2], sc.rec[0] = out, rec
		cur = out
		// Map every surviving cut through this step's matches.
		p, shift := 0, 0
		for j, x := range pos {
			if x < 0 {
				continue
			}
			for p < len(rec) && rec[p].inE <= x {
				shift = rec[p].outE - rec[p].inE
				p++
			}
			if p < len(rec) && rec[p].inS < x {
				pos[j] = -1 // inside a match
				continue
			}
			pos[j] = x + shift
		}
	}
	out := string(cur)
	prev := 0
	for j := 1; j < len(cuts); j++ {
		if pos[j] < 0 {
			continue
		}
		b.ReplaceQuiet(start+cuts[prev], start+cuts[j], out[pos[prev]:pos[j]], c.name)
		prev = j
	}
}
