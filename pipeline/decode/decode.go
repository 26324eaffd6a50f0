// Package decode turns input bytes into UTF-8 text: BOMs, declared charsets
// (verified, since pages lie), detection among UTF-8, GB18030, Big5 and
// UTF-16, and line-by-line decoding of files that mix encodings.
package decode

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"net/http"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Stage is the name decode edits carry.
const Stage = "decode"

// Scorer rates how probable a text is as Chinese (higher is better), e.g. a
// language model's average log probability per character.
type Scorer func(string) float64

// Result is the decoded text and how it was obtained.
type Result struct {
	Text string
	// Encoding is the charset found: "utf-8", "gb18030", "big5", "utf-16le",
	// "utf-16be", "utf-32le", "utf-32be", or "mixed:utf-8+gb18030" when runs differ.
	Encoding string
	// Edits map Text back to the input bytes. Transcoding edits are quiet;
	// damage (bytes no codec could read) is recorded loudly.
	Edits []textedit.Edit
}

// ErrBinary reports input that is not text at all.
var ErrBinary = errors.New("binary content, not text")

// Decoder decodes documents; it is safe for concurrent use.
type Decoder struct {
	score Scorer
	// runes scores streamed text (see WithRuneScorer); nil when not set.
	runes func() RuneScorer
}

// New returns a Decoder that uses score (may be nil) to choose between
// candidate charsets when bytes are valid in more than one.
func New(score Scorer) *Decoder { return &Decoder{score: score} }

// Decode decodes data. declared is the charset a page or header declares
// ("" if none); it is used only when the bytes agree with it.
func (d *Decoder) Decode(data []byte, declared string) (Result, error) {
	return d.DecodeLazy(data, func() string { return declared })
}

// DecodeLazy is Decode with the declared charset found only when needed:
// valid UTF-8, the common case, never consults it, and finding it in a page
// costs a scan of the page's head.
func (d *Decoder) DecodeLazy(data []byte, declared func() string) (Result, error) {
	return d.decode(data, declared, false)
}

// DecodeShared is DecodeLazy for data that nothing changes afterwards:
// valid UTF-8 text is data itself, not a copy (a large document's input
// and its decoded text were two copies of the same bytes).
func (d *Decoder) DecodeShared(data []byte, declared func() string) (Result, error) {
	return d.decode(data, declared, true)
}

func (d *Decoder) decode(data []byte, declared func() string, shared bool) (Result, error) {
	if len(data) == 0 {
		return Result{Encoding: "utf-8"}, nil
	}
	switch {
	// UTF-32LE's BOM begins with UTF-16LE's: it is tested first.
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		return decodeUTF32(data, unicode.LittleEndian, "utf-32le", 4), nil
	case bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")):
		return decodeUTF32(data, unicode.BigEndian, "utf-32be", 4), nil
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		r := d.decodeUTF8Lines(data, 3)
		r.Edits = append([]textedit.Edit{{Stage: Stage, Start: 0, End: 3, Old: "\ufeff", Reason: "byte order mark", Quiet: true}}, r.Edits...)
		return r, nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeUTF16(data, unicode.LittleEndian, "utf-16le", 2), nil
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(data, unicode.BigEndian, "utf-16be", 2), nil
	}
	if e := utf16NoBOM(data); e != "" {
		if e == "utf-16le" {
			return decodeUTF16(data, unicode.LittleEndian, e, 0), nil
		}
		return decodeUTF16(data, unicode.BigEndian, e, 0), nil
	}
	valid := validUTF8(data)
	if !valid {
		if e := utf16Han(data); e == "utf-16le" {
			return decodeUTF16(data, unicode.LittleEndian, e, 0), nil
		} else if e == "utf-16be" {
			return decodeUTF16(data, unicode.BigEndian, e, 0), nil
		}
	}
	if isBinary(data) {
		return Result{}, fmt.Errorf("%w (%s)", ErrBinary, http.DetectContentType(data))
	}
	if valid {
		if shared {
			return Result{Text: unsafe.String(unsafe.SliceData(data), len(data)), Encoding: "utf-8"}, nil
		}
		return Result{Text: string(data), Encoding: "utf-8"}, nil
	}
	// A declared legacy charset is trusted when the whole document decodes
	// cleanly with it and no other candidate reads clearly better.
	if name := canonical(declared()); name == "gb18030" || name == "big5" {
		return d.decodeLegacyWhole(data, name), nil
	}
	return d.decodeUTF8Lines(data, 0), nil
}

// canonical maps a declared charset label to the codec we decode it with.
func canonical(label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "gbk", "gb18030":
		// GB18030 is a superset of GBK and GB2312: decoding with it never
		// loses a character the page meant.
		return "gb18030"
	case "big5":
		return "big5"
	case "utf-8":
		return "utf-8"
	}
	return name
}

type codec struct {
	name string
	enc  encoding.Encoding
	// charLen is the byte length of the character starting at b[0] in this
	// charset's structure (not a code table): 1 for ASCII, else 2 or 4.
	charLen func(b []byte) int
	// pairs holds what the decoder makes of each two-byte character (0 if
	// not one character), so the common case is a table lookup.
	pairs func() *pairTable
}

// pairTable maps lead bytes 0x81-0xFE and trail bytes 0x40-0xFE to runes.
type pairTable [0xfe - 0x81 + 1][0xfe - 0x40 + 1]rune

// newPairTable decodes every lead/trail pair once with the x/text decoder.
func newPairTable(e encoding.Encoding) *pairTable {
	t := new(pairTable)
	dec := e.NewDecoder()
	var buf [16]byte
	for lead := 0x81; lead <= 0xfe; lead++ {
		for trail := 0x40; trail <= 0xfe; trail++ {
			dec.Reset()
			n, _, err := dec.Transform(buf[:], []byte{byte(lead), byte(trail)}, true)
			r, size := utf8.DecodeRune(buf[:n])
			if err == nil && n > 0 && r != utf8.RuneError && size == n {
				t[lead-0x81][trail-0x40] = r
			}
		}
	}
	return t
}

var (
	gb18030 = codec{"gb18030", simplifiedchinese.GB18030, func(b []byte) int {
		if b[0] < 0x80 || b[0] == 0x80 || b[0] == 0xff || len(b) < 2 {
			return 1
		}
		if b[1] >= 0x30 && b[1] <= 0x39 && len(b) >= 4 {
			return 4
		}
		return 2
	}, sync.OnceValue(func() *pairTable { return newPairTable(simplifiedchinese.GB18030) })}
	big5 = codec{"big5", traditionalchinese.Big5, func(b []byte) int {
		if b[0] < 0x81 || b[0] == 0xff || len(b) < 2 {
			return 1
		}
		return 2
	}, sync.OnceValue(func() *pairTable { return newPairTable(traditionalchinese.Big5) })}
)

// decodeRun decodes b (a run of one legacy charset starting at offset base
// in the input) character by character, so that every character keeps its
// byte span, and reports how many bytes could not be decoded. The quiet
// edits it records leave New empty for fillNew to slice from the output:
// a string per character was the stage's largest cost. With edits nil it
// records none (a trial decoding).
func decodeRun(b []byte, base int, c codec, out *strings.Builder, edits *[]textedit.Edit) (bad int) {
	bad, _ = decodeRunPart(b, len(b), base, c, out, edits, false)
	return bad
}

// decodeRunPart is decodeRun over the characters of b that begin before
// stop, returning where it stopped (the start of the first character not
// decoded). A character is judged on at most 4 bytes: with b holding 3
// bytes past stop, or ending its run there, the result is that of decoding
// the whole run. With fill set, quiet edits that are not runs get their New
// at once (a streamed text is not at hand for fillNew later; they are rare).
func decodeRunPart(b []byte, stop, base int, c codec, out *strings.Builder, edits *[]textedit.Edit, fill bool) (bad, next int) {
	pairs := c.pairs()
	var dec transform.Transformer
	var buf [16]byte
	i := 0
	for i < stop {
		c0 := b[i]
		if c0 < 0x80 {
			out.WriteByte(c0)
			i++
			continue
		}
		if c0 >= 0x81 && c0 <= 0xfe && i+1 < len(b) && b[i+1] >= 0x40 && b[i+1] <= 0xfe {
			if r := pairs[c0-0x81][b[i+1]-0x40]; r != 0 {
				n := out.Len()
				out.WriteRune(r)
				n = out.Len() - n
				// Adjacent two-byte characters that become characters of
				// one length share a run-length edit (see textedit.Edit.Unit).
				if edits == nil {
					// no edits wanted (a trial decoding)
				} else if k := len(*edits) - 1; k >= 0 && (*edits)[k].Unit == 2 && (*edits)[k].NewUnit == n && (*edits)[k].End == base+i && (*edits)[k].Reason == c.name {
					(*edits)[k].End += 2
				} else {
					*edits = append(*edits, textedit.Edit{Stage: Stage, Start: base + i, End: base + i + 2, Reason: c.name, Quiet: true, Unit: 2, NewUnit: n})
				}
				i += 2
				continue
			}
		}
		// Four-byte GB18030 and bytes that are no character: one at a
		// time through the decoder.
		s, n, ok := c.decodeOne(&dec, &buf, b, i)
		if !ok {
			// Not a character of this charset: keep the damage visible.
			out.WriteString("\ufffd")
			if edits != nil {
				*edits = append(*edits, textedit.Edit{Stage: Stage, Start: base + i, End: base + i + 1, Old: fmt.Sprintf("\\x%02x", b[i]), New: "\ufffd", Reason: c.name + ": byte is not part of any character"})
			}
			bad++
			i++
			continue
		}
		out.Write(s)
		if edits != nil {
			e := textedit.Edit{Stage: Stage, Start: base + i, End: base + i + n, Reason: c.name, Quiet: true}
			if fill {
				e.New = string(s)
			}
			*edits = append(*edits, e)
		}
		i += n
	}
	return bad, i
}

// fillNew gives the transcoding edits decodeRun left without New their
// character, sliced from the decoded text (no allocation per character).
// text starts at input offset skipped (after a byte order mark).
func fillNew(text string, edits []textedit.Edit, skipped int) {
	shift := -skipped
	for i := range edits {
		e := &edits[i]
		if e.Quiet && e.Old == "" && e.New == "" && e.End > e.Start {
			at := e.Start + shift
			n := (e.End - e.Start) / max(e.Unit, 1) * e.NewUnit
			if e.Unit == 0 {
				_, n = utf8.DecodeRuneInString(text[at:])
			}
			e.New = text[at : at+n]
		}
		shift += len(e.New) - (e.End - e.Start)
	}
}

func (d *Decoder) decodeLegacyWhole(data []byte, name string) Result {
	c := gb18030
	if name == "big5" {
		c = big5
	}
	var out strings.Builder
	edits := make([]textedit.Edit, 0, highRuns(data)+8)
	bad := decodeRun(data, 0, c, &out, &edits)
	// A page that declares one legacy charset but is written in the other
	// shows many undecodable bytes or improbable text; check the other one.
	other := big5
	if c.name == "big5" {
		other = gb18030
	}
	var out2 strings.Builder
	edits2 := make([]textedit.Edit, 0, cap(edits))
	bad2 := decodeRun(data, 0, other, &out2, &edits2)
	if bad2 < bad || (bad2 == bad && d.score != nil && d.score(out2.String()) > d.score(out.String())+0.5) {
		fillNew(out2.String(), edits2, 0)
		return Result{Text: out2.String(), Encoding: other.name, Edits: edits2}
	}
	fillNew(out.String(), edits, 0)
	return Result{Text: out.String(), Encoding: c.name, Edits: edits}
}

// decodeUTF8Lines decodes line by line: a line that is valid UTF-8 stays as
// it is; the other lines are decoded with the one legacy charset that reads
// them best taken together (more text gives the choice more evidence). A line
// that is UTF-8 apart from a few damaged bytes (a truncated file, a cut
// character) keeps its UTF-8 and marks the damage.
func (d *Decoder) decodeUTF8Lines(data []byte, start int) Result {
	type line struct {
		start, end int
		kind       byte // 'u' valid UTF-8, 'd' damaged UTF-8, 'l' legacy
	}
	var lines []line
	var legacy []byte
	for pos := start; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end = pos + end + 1
		}
		l := data[pos:end]
		k := byte('u')
		switch {
		case utf8.Valid(l):
		case mostlyUTF8(l):
			k = 'd'
		default:
			k = 'l'
			legacy = append(legacy, l...)
		}
		lines = append(lines, line{pos, end, k})
		pos = end
	}
	c := d.chooseLegacy(legacy)
	var out strings.Builder
	out.Grow(len(data) + len(data)/2)
	edits := make([]textedit.Edit, 0, highRuns(legacy)+8)
	used := map[string]bool{}
	for _, l := range lines {
		b := data[l.start:l.end]
		switch l.kind {
		case 'u':
			out.Write(b)
			if hasNonASCII(b) {
				used["utf-8"] = true
			}
		case 'd':
			used["utf-8"] = true
			decodeDamagedUTF8(b, l.start, &out, &edits)
		default:
			used[c.name] = true
			decodeRun(b, l.start, c, &out, &edits)
		}
	}
	fillNew(out.String(), edits, start)
	return Result{Text: out.String(), Encoding: encodingName(used), Edits: edits}
}

// chooseLegacy picks GB18030 or Big5 for bytes that are not UTF-8: fewer
// undecodable bytes first, then the scorer's preference.
func (d *Decoder) chooseLegacy(b []byte) codec {
	if len(b) == 0 {
		return gb18030
	}
	// Trial decodings: their edits are not needed (a slice sized for
	// them was most of the decoder's allocation on legacy pages).
	var gbOut, b5Out strings.Builder
	gbBad := decodeRun(b, 0, gb18030, &gbOut, nil)
	b5Bad := decodeRun(b, 0, big5, &b5Out, nil)
	if b5Bad != gbBad {
		if b5Bad < gbBad {
			return big5
		}
		return gb18030
	}
	if d.score != nil && d.score(b5Out.String()) > d.score(gbOut.String()) {
		return big5
	}
	return gb18030
}

func encodingName(used map[string]bool) string {
	var names []string
	for _, n := range []string{"utf-8", "gb18030", "big5"} {
		if used[n] {
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
		return "utf-8"
	case 1:
		return names[0]
	}
	return "mixed:" + strings.Join(names, "+")
}

// highRuns counts the stretches of bytes at or above 0x80 in b: about the
// number of edits decoding it records, since the characters of a stretch
// share a run-length edit. Edit slices are sized with it (one edit per
// character, the bound, was mostly unused room: 104 bytes a character on
// legacy pages); the rare stretch that breaks into several grows the slice.
func highRuns(b []byte) int {
	n := 0
	prev := byte(0)
	for _, c := range b {
		if c >= 0x80 && prev < 0x80 {
			n++
		}
		prev = c
	}
	return n
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// mostlyUTF8 reports whether a line that is not valid UTF-8 is still UTF-8
// text with a little damage: at most 3 invalid bytes, and at least three
// valid multi-byte characters per invalid byte.
func mostlyUTF8(line []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
		} else if n > 1 {
			good++
		}
		i += n
	}
	return bad <= 3 && good >= 3*bad
}

func decodeDamagedUTF8(line []byte, base int, out *strings.Builder, edits *[]textedit.Edit) {
	decodeDamagedUTF8Part(line, len(line), base, out, edits)
}

// decodeDamagedUTF8Part is decodeDamagedUTF8 over the characters of line
// that begin before stop, returning where it stopped. A damaged line has at
// most 3 bad bytes, so a repair and the character after it span at most 7
// bytes: with line holding 8 bytes past stop, or ending its line there, the
// result is that of the whole line.
func decodeDamagedUTF8Part(line []byte, stop, base int, out *strings.Builder, edits *[]textedit.Edit) (next int) {
	i := 0
	for i < stop {
		r, n := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && n <= 1 {
			// Group consecutive bad bytes: a cut character is one repair.
			j := i + 1
			for j < len(line) {
				r2, n2 := utf8.DecodeRune(line[j:])
				if r2 != utf8.RuneError || n2 > 1 {
					break
				}
				j++
			}
			out.WriteString("\ufffd")
			reason := "invalid utf-8 bytes"
			if j == len(line) || (j == len(line)-1 && line[j] == '\n') {
				reason = "truncated utf-8 character"
			}
			*edits = append(*edits, textedit.Edit{Stage: Stage, Start: base + i, End: base + j, Old: hexBytes(line[i:j]), New: "\ufffd", Reason: reason})
			i = j
			continue
		}
		out.Write(line[i : i+n])
		i += n
	}
	return i
}

func hexBytes(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		fmt.Fprintf(&sb, "\\x%02x", c)
	}
	return sb.String()
}

// utf16NoBOM recognizes BOM-less UTF-16 by its zero bytes: ASCII and most
// punctuation put a zero in every other byte.
func utf16NoBOM(data []byte) string {
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	// Nearly every document holds no zero byte at all: one vectorized
	// search answers for them (the count below then finds none either).
	if n < 4 || bytes.IndexByte(data[:n], 0) < 0 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd > pairs/3 && even < pairs/20:
		return "utf-16le"
	case even > pairs/3 && odd < pairs/20:
		return "utf-16be"
	}
	return ""
}

// utf16Han recognizes BOM-less UTF-16 text with few or no ASCII
// characters (which utf16NoBOM finds by their zero bytes): read in the right
// byte order, nearly every code unit is a Han character, CJK or full-width
// punctuation, or ASCII. GBK's and Big5's byte pairs read as code units
// fall mostly outside those blocks (GB2312's second bytes, 0xA1-0xFE, make
// no Han unit at all).
func utf16Han(data []byte) string {
	n := min(len(data), 4096) &^ 1
	if n < 16 {
		return ""
	}
	text := func(u uint16) bool {
		switch {
		case u == '\t' || u == '\n' || u == '\r' || 0x20 <= u && u < 0x7f:
			return true
		case 0x2000 <= u && u < 0x2070, 0x3000 <= u && u < 0x3040, 0x3400 <= u && u < 0xa000, 0xff00 <= u && u < 0xfff0:
			return true
		}
		return false
	}
	var le, be int
	for i := 0; i < n; i += 2 {
		l := uint16(data[i]) | uint16(data[i+1])<<8
		b := uint16(data[i])<<8 | uint16(data[i+1])
		if text(l) {
			le++
		}
		if text(b) {
			be++
		}
	}
	// Pairs of ASCII letters read as Han either way round, and a Han
	// character's bytes swapped fall in those blocks about half the time:
	// only text that reads well in one order and clearly worse in the
	// other is taken.
	units := n / 2
	switch {
	case le*20 >= units*19 && be*4 < units*3:
		return "utf-16le"
	case be*20 >= units*19 && le*4 < units*3:
		return "utf-16be"
	}
	return ""
}

// decodeUTF32 decodes UTF-32 after a BOM of bom bytes; a code unit that is
// no character (a surrogate, past U+10FFFF, or cut short) becomes U+FFFD
// with an edit.
func decodeUTF32(data []byte, order unicode.Endianness, name string, bom int) Result {
	var out strings.Builder
	out.Grow(len(data) / 2)
	edits := []textedit.Edit{{Stage: Stage, Start: 0, End: bom, Old: "\ufeff", Reason: "byte order mark", Quiet: true}}
	for i := bom; i < len(data); i += 4 {
		if i+4 > len(data) {
			out.WriteString("\ufffd")
			edits = append(edits, textedit.Edit{Stage: Stage, Start: i, End: len(data), Old: hexBytes(data[i:]), New: "\ufffd", Reason: name + ": truncated character"})
			break
		}
		u := data[i : i+4]
		var r rune
		if order == unicode.LittleEndian {
			r = rune(uint32(u[0]) | uint32(u[1])<<8 | uint32(u[2])<<16 | uint32(u[3])<<24)
		} else {
			r = rune(uint32(u[3]) | uint32(u[2])<<8 | uint32(u[1])<<16 | uint32(u[0])<<24)
		}
		if r < 0 || r > utf8.MaxRune || 0xd800 <= r && r < 0xe000 {
			out.WriteString("\ufffd")
			edits = append(edits, textedit.Edit{Stage: Stage, Start: i, End: i + 4, Old: hexBytes(u), New: "\ufffd", Reason: name + ": invalid code unit"})
			continue
		}
		c := string(r)
		out.WriteString(c)
		edits = append(edits, textedit.Edit{Stage: Stage, Start: i, End: i + 4, Old: string(u), New: c, Reason: name, Quiet: true})
	}
	return Result{Text: out.String(), Encoding: name, Edits: edits}
}

func decodeUTF16(data []byte, order unicode.Endianness, name string, bom int) Result {
	dec := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
	var out strings.Builder
	var edits []textedit.Edit
	if bom > 0 {
		edits = append(edits, textedit.Edit{Stage: Stage, Start: 0, End: bom, Old: "\ufeff", Reason: "byte order mark", Quiet: true})
	}
	for i := bom; i < len(data); {
		n := 2
		if i+2 <= len(data) {
			var u uint16
			if order == unicode.LittleEndian {
				u = uint16(data[i]) | uint16(data[i+1])<<8
			} else {
				u = uint16(data[i])<<8 | uint16(data[i+1])
			}
			if u >= 0xd800 && u < 0xdc00 && i+4 <= len(data) {
				n = 4
			}
		}
		if i+n > len(data) {
			out.WriteString("\ufffd")
			edits = append(edits, textedit.Edit{Stage: Stage, Start: i, End: len(data), Old: hexBytes(data[i:]), New: "\ufffd", Reason: name + ": truncated character"})
			break
		}
		s, err := dec.Bytes(data[i : i+n])
		dec.Reset()
		if err != nil {
			s = []byte("\ufffd")
		}
		reason, quiet := name, true
		if string(s) == "\ufffd" {
			reason, quiet = name+": invalid code unit", false
		}
		out.Write(s)
		old := string(data[i : i+n])
		if !quiet {
			old = hexBytes(data[i : i+n])
		}
		edits = append(edits, textedit.Edit{Stage: Stage, Start: i, End: i + n, Old: old, New: string(s), Reason: reason, Quiet: quiet})
		i += n
	}
	return Result{Text: out.String(), Encoding: name, Edits: edits}
}

// isBinary spots files that are not text: known binary signatures, or NUL
// and control bytes that text never holds. One pass over the first 8 KB
// finds both the control bytes and whether the first 512 bytes hold one,
// which is when the signatures are sniffed.
func isBinary(data []byte) bool {
	n := min(len(data), 8192)
	ctrl, first, nul := controlBytes(data[:n])
	if sniffBinary(data, first >= 0 && first < 512) {
		return true
	}
	return nul || ctrl*10 > n
}

// isControl reports a control byte that text never holds: below 0x20 but
// \n, \r, \t, \f and ESC (NUL included).
func isControl(c byte) bool {
	return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b
}

// controlBytes counts the control bytes of b (isControl, NUL aside) up to
// its first NUL (nul reports one); first is where the first control byte
// or NUL stands, -1 when none does.
func controlBytes(b []byte) (ctrl, first int, nul bool) {
	first = -1
	for i := 0; i < len(b); {
		if i+8 > len(b) {
			c := b[i]
			if isControl(c) {
				if first < 0 {
					first = i
				}
				if c == 0 {
					return ctrl, first, true
				}
				ctrl++
			}
			i++
			continue
		}
		// Eight bytes none of which is below 0x20 (text is mostly such
		// words) are passed over in one test: x-0x20 in each byte borrows
		// into its top bit when the byte is below 0x20 (or is 0x20 with a
		// borrow from below it), and ^x drops the bytes of 0x80 and above.
		// Only the bytes so marked are looked at.
		x := binary.LittleEndian.Uint64(b[i:])
		for m := (x - 0x2020202020202020) &^ x & 0x8080808080808080; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m) >> 3
			c := byte(x >> (8 * k))
			if !isControl(c) {
				continue
			}
			if first < 0 {
				first = i + k
			}
			if c == 0 {
				return ctrl, first, true
			}
			ctrl++
		}
		i += 8
	}
	return ctrl, first, false
}

// sniffBinary asks http.DetectContentType about media and archive types.
// Their signatures hold control bytes in the first 512 bytes (headControl
// says whether data's do), or begin with one of a few ASCII magic strings;
// text without either is not sniffed, which keeps the check off the cost
// of every document.
func sniffBinary(data []byte, headControl bool) bool {
	head := data[:min(len(data), 512)]
	plain := !headControl && !bytes.HasPrefix(head, []byte("%PDF-")) && !bytes.HasPrefix(head, []byte("GIF8")) && !bytes.HasPrefix(head, []byte("RIFF"))
	if plain {
		return false
	}
	ct := http.DetectContentType(data)
	for _, p := range []string{"image/", "audio/", "video/", "application/pdf", "application/zip", "application/x-gzip", "font/", "application/vnd.ms-fontobject", "application/wasm", "application/x-rar-compressed"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

// decodeOne decodes the character at b[i] on its own through c's decoder
// (made on first use into *dec): its UTF-8 in buf, its length in b, and
// false when the bytes are no character of c.
func (c codec) decodeOne(dec *transform.Transformer, buf *[16]byte, b []byte, i int) ([]byte, int, bool) {
	n := c.charLen(b[i:])
	if i+n > len(b) {
		n = len(b) - i
	}
	if *dec == nil {
		*dec = c.enc.NewDecoder()
	}
	(*dec).Reset()
	nDst, _, err := (*dec).Transform(buf[:], b[i:i+n], true)
	r, size := utf8.DecodeRune(buf[:nDst])
	return buf[:nDst], n, err == nil && nDst > 0 && r != utf8.RuneError && size == nDst
}
