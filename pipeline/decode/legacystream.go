package decode

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// RuneScorer scores a text one character at a time: the sum of Next over
// a text's runes, divided by their count, must be what the Decoder's Scorer
// returns for it, so that a streamed choice of charset is the whole one.
type RuneScorer interface {
	Next(r rune) float64
}

// WithRuneScorer returns a copy of d that can score text it streams: f
// makes a fresh scorer.
func (d *Decoder) WithRuneScorer(f func() RuneScorer) *Decoder {
	c := *d
	c.runes = f
	return &c
}

// StreamOptions tunes DecodeStreamLines.
type StreamOptions struct {
	// Piece is how many input bytes are read and decoded at a time
	// (DefaultPiece when 0); tests set it small to put piece boundaries
	// inside characters.
	Piece int
}

// DefaultPiece is the default StreamOptions.Piece.
const DefaultPiece = 1 << 20

// lineKinds holds the kind of every line of a file in 2 bits ('u' valid
// UTF-8, 'd' damaged UTF-8, 'l' legacy), in order: a legacy text with
// blank (ASCII, so UTF-8) lines between its paragraphs changes kind at
// every line, and a record per change was 16 bytes a line.
type lineKinds struct {
	bits []byte
	n    int
}

var kindCodes = [3]byte{'u', 'd', 'l'}

func (k *lineKinds) add(kind byte) {
	code := byte(0)
	switch kind {
	case 'd':
		code = 1
	case 'l':
		code = 2
	}
	if k.n%4 == 0 {
		k.bits = append(k.bits, 0)
	}
	k.bits[k.n/4] |= code << (2 * (k.n % 4))
	k.n++
}

// kindCursor reads the kinds of the lines in order.
type kindCursor struct {
	kinds *lineKinds
	i     int
}

// next returns the kind of the next line.
func (c *kindCursor) next() byte {
	i := c.i
	c.i++
	if i >= c.kinds.n {
		return 'u' // not reached: every pass reads the lines the first found
	}
	return kindCodes[c.kinds.bits[i/4]>>(2*(i%4))&3]
}

// DecodeStreamLines decodes a large input that is not UTF-8 throughout
// (GB18030, Big5, or lines of those mixed with UTF-8) without holding it:
// the text goes to w and the edits, in input order, to edit. It reads the
// input three times, each a fresh reader from open: the kind of every
// line, then the charset the legacy lines read best in, then the decoding,
// so that text, encoding and edits are those Decode returns for the whole
// input. Quiet run-length edits (Unit > 0) come with New empty: their New
// is the next (End-Start)/Unit*NewUnit bytes of the text. For an input
// Decode reads another way (UTF-16, UTF-32, binary, a declared legacy
// charset, a tie between charsets without a RuneScorer) ok is false and
// what went to w and edit is to be dropped.
func (d *Decoder) DecodeStreamLines(ctx context.Context, open func() io.Reader, declared string, w io.Writer, edit func(textedit.Edit) error, opt StreamOptions) (encoding string, ok bool, err error) {
	piece := opt.Piece
	if piece <= 0 {
		piece = DefaultPiece
	}
	r := open()
	head := make([]byte, streamHead)
	n, err := io.ReadFull(r, head)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("decode: %w", err)
	}
	head = head[:n]
	start := 0
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")), bytes.HasPrefix(head, []byte("\x00\x00\xfe\xff")):
		return "", false, nil
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		// Decode reads the rest line by line and checks nothing else.
		start = 3
	case utf16NoBOM(head) != "" || utf16Han(head) != "" || isBinary(head):
		return "", false, nil
	default:
		if name := canonical(declared); name == "gb18030" || name == "big5" {
			return "", false, nil // decoded whole with that charset
		}
	}

	kinds, used, bad, err := classifyLines(ctx, open(), start, piece)
	if err != nil {
		return "", false, err
	}
	c := gb18030
	if used['l'] {
		var tie bool
		if c, tie, err = d.chooseLegacyStream(ctx, open, start, piece, kinds, bad); err != nil {
			return "", false, err
		}
		if tie {
			return "", false, nil
		}
	}
	names := map[string]bool{"utf-8": used['u'] || used['d'], c.name: used['l']}
	if start > 0 {
		if err := edit(textedit.Edit{Stage: Stage, Start: 0, End: 3, Old: "\ufeff", Reason: "byte order mark", Quiet: true}); err != nil {
			return "", false, err
		}
	}
	if err := decodeLinesStream(ctx, open(), start, piece, kinds, c, w, edit); err != nil {
		return "", false, err
	}
	return encodingName(names), true, nil
}

// linePieces reads an input from offset start in pieces of at most piece
// bytes, each within one line.
type linePieces struct {
	br  *bufio.Reader
	pos int64 // input offset of the next piece
	// open: the last piece did not end its line. An input whose last line
	// fills whole pieces meets its end with no byte left, and that line
	// still has to end (an empty piece with eol).
	open bool
}

func newLinePieces(r io.Reader, start, piece int) (*linePieces, error) {
	br := bufio.NewReaderSize(r, max(piece, 16))
	if _, err := br.Discard(start); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return &linePieces{br: br, pos: int64(start)}, nil
}

// next returns the next piece (valid until the next call), whether it ends
// its line, and io.EOF after the last.
func (p *linePieces) next() (b []byte, at int64, eol bool, err error) {
	b, err = p.br.ReadSlice('\n')
	at = p.pos
	p.pos += int64(len(b))
	switch {
	case err == nil:
		p.open = false
		return b, at, true, nil
	case errors.Is(err, bufio.ErrBufferFull):
		p.open = true
		return b, at, false, nil
	case errors.Is(err, io.EOF):
		if len(b) == 0 && !p.open {
			return nil, at, true, io.EOF
		}
		p.open = false
		return b, at, true, nil
	}
	return nil, at, false, fmt.Errorf("decode: %w", err)
}

// classifyLines finds each line's kind as decodeUTF8Lines does, and how
// many bytes of the legacy lines GB18030 and Big5 cannot read (bad), holding
// no line: the few bytes of a character cut by a piece's end wait for the
// next piece. A line's bytes are counted before its kind is known, and the
// counts kept when it is legacy: the counts add up line by line, and
// the first pass does what was a pass of its own.
func classifyLines(ctx context.Context, r io.Reader, start, piece int) (kinds *lineKinds, used map[byte]bool, bad [2]int, err error) {
	lp, err := newLinePieces(r, start, piece)
	if err != nil {
		return nil, nil, bad, err
	}
	kinds, used = &lineKinds{}, map[byte]bool{}
	counters := [2]badCounter{{c: gb18030}, {c: big5}}
	var carry []byte
	var good, utfBad int
	var nonASCII bool
	lineStart := int64(start)
	for {
		if err := ctx.Err(); err != nil {
			return nil, nil, bad, err
		}
		b, at, eol, err := lp.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, bad, err
		}
		if len(carry) == 0 && len(b) > 0 && at == lineStart && eol && utf8.Valid(b) {
			// The common case of a whole valid line: no count needed.
			kinds.add('u')
			if !used['u'] && hasNonASCII(b) {
				used['u'] = true
			}
			lineStart = lp.pos
			continue
		}
		for k := range counters {
			counters[k].feed(b, eol)
		}
		// Past 3 bad bytes a line is legacy whatever follows: the rest of
		// it needs no UTF-8 count.
		if utfBad <= 3 {
			work := append(carry, b...)
			i := 0
			for i < len(work) {
				if !eol && !utf8.FullRune(work[i:]) {
					break
				}
				r, n := utf8.DecodeRune(work[i:])
				if r == utf8.RuneError && n <= 1 {
					utfBad++
				} else if n > 1 {
					good++
					nonASCII = true
				}
				i += n
			}
			carry = append(carry[:0], work[i:]...)
		}
		if !eol {
			continue
		}
		carry = carry[:0]
		k := byte('u')
		switch {
		case utfBad == 0:
			if nonASCII {
				used['u'] = true
			}
		case utfBad <= 3 && good >= 3*utfBad:
			k = 'd'
		default:
			k = 'l'
		}
		if k != 'u' {
			used[k] = true
		}
		for j := range counters {
			if k == 'l' {
				bad[j] += counters[j].line
			}
			counters[j].line = 0
		}
		kinds.add(k)
		good, utfBad, nonASCII = 0, 0, false
		lineStart = lp.pos
	}
	return kinds, used, bad, nil
}

// badCounter counts the bytes of a line one charset cannot read.
type badCounter struct {
	c    codec
	line int
	hold []byte // bytes of a character cut by a piece's end
}

func (t *badCounter) feed(b []byte, eol bool) {
	work := b
	if len(t.hold) > 0 {
		work = append(t.hold, b...)
	}
	stop := len(work)
	if !eol {
		stop = max(len(work)-3, 0) // a character is at most 4 bytes
	}
	bad, next := countBad(work, stop, t.c)
	t.line += bad
	t.hold = append(t.hold[:0], work[next:]...)
}

// countBad is decodeRunPart counting the bytes that are no character,
// without writing the text: the choice between charsets needs only the
// counts unless they are equal.
func countBad(b []byte, stop int, c codec) (bad, next int) {
	pairs := c.pairs()
	var dec transform.Transformer
	var buf [16]byte
	i := 0
	for i < stop {
		c0 := b[i]
		if c0 < 0x80 {
			i++
			continue
		}
		if c0 >= 0x81 && c0 <= 0xfe && i+1 < len(b) && b[i+1] >= 0x40 && b[i+1] <= 0xfe && pairs[c0-0x81][b[i+1]-0x40] != 0 {
			i += 2
			continue
		}
		_, n, ok := c.decodeOne(&dec, &buf, b, i)
		if !ok {
			bad++
			i++
			continue
		}
		i += n
	}
	return bad, i
}

// legacyTrial is one candidate charset's trial decoding of the legacy
// lines: its score, summed as LogProb sums.
type legacyTrial struct {
	c     codec
	score RuneScorer
	total float64
	runes int
	out   strings.Builder
	hold  []byte // bytes of a character cut by a piece's end
}

// feed decodes the characters of b that begin before a cut character
// (all of them at a line's end).
func (t *legacyTrial) feed(b []byte, eol bool) {
	work := append(t.hold, b...)
	stop := len(work)
	if !eol {
		stop = max(len(work)-3, 0) // a character is at most 4 bytes
	}
	// The text of many lines shares a builder: one per line was an
	// allocation per line.
	from := t.out.Len()
	_, next := decodeRunPart(work, stop, 0, t.c, &t.out, nil, false)
	t.hold = append(t.hold[:0], work[next:]...)
	for _, r := range t.out.String()[from:] {
		t.total += t.score.Next(r)
		t.runes++
	}
	if t.out.Len() >= DefaultPiece {
		t.out.Reset()
	}
}

func (t *legacyTrial) perChar() float64 {
	if t.runes == 0 {
		return 0
	}
	return t.total / float64(t.runes)
}

// chooseLegacyStream is chooseLegacy over the legacy lines of a stream,
// given the bytes GB18030 and Big5 cannot read there (bad). Only equal
// counts need the text: two trial decodings then score it, side by side,
// each reading the input on its own. tie is set when the choice needs the
// Scorer and d has no RuneScorer.
func (d *Decoder) chooseLegacyStream(ctx context.Context, open func() io.Reader, start, piece int, kinds *lineKinds, bad [2]int) (c codec, tie bool, err error) {
	if gbBad, b5Bad := bad[0], bad[1]; b5Bad != gbBad {
		if b5Bad < gbBad {
			return big5, false, nil
		}
		return gb18030, false, nil
	}
	if d.score == nil {
		return gb18030, false, nil
	}
	if d.runes == nil {
		return gb18030, true, nil
	}
	gb, b5 := &legacyTrial{c: gb18030, score: d.runes()}, &legacyTrial{c: big5, score: d.runes()}
	var gbErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		gbErr = gb.run(ctx, open(), start, piece, kinds)
	}()
	err = b5.run(ctx, open(), start, piece, kinds)
	<-done
	if err = errors.Join(err, gbErr); err != nil {
		return gb18030, false, err
	}
	if b5.perChar() > gb.perChar() {
		return big5, false, nil
	}
	return gb18030, false, nil
}

// run feeds the legacy lines of r to the trial.
func (t *legacyTrial) run(ctx context.Context, r io.Reader, start, piece int, kinds *lineKinds) error {
	return eachLinePiece(ctx, r, start, piece, kinds, func(b []byte, _ int64, kind byte, eol bool) error {
		if kind == 'l' {
			t.feed(b, eol)
		}
		return nil
	})
}

// eachLinePiece calls fn with every piece of r from start, its input
// offset, the kind classifyLines gave its line, and whether it ends the
// line; it stops at fn's first error or when ctx ends.
func eachLinePiece(ctx context.Context, r io.Reader, start, piece int, kinds *lineKinds, fn func(b []byte, at int64, kind byte, eol bool) error) error {
	lp, err := newLinePieces(r, start, piece)
	if err != nil {
		return err
	}
	cur := kindCursor{kinds: kinds}
	lineStart := int64(start)
	kind := byte(0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, at, eol, err := lp.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if at == lineStart {
			kind = cur.next()
		}
		if err := fn(b, at, kind, eol); err != nil {
			return err
		}
		if eol {
			lineStart = lp.pos
		}
	}
}

// decodeLinesStream is decodeUTF8Lines's second half over a stream: lines
// of kind 'u' are copied, 'l' decoded with c and 'd' (UTF-8 with a few
// damaged bytes) repaired, piece by piece. Every edit but
// the last, which the next piece may extend, goes to edit as soon as it
// is made.
func decodeLinesStream(ctx context.Context, r io.Reader, start, piece int, kinds *lineKinds, c codec, out io.Writer, edit func(textedit.Edit) error) error {
	var edits []textedit.Edit
	flush := func(keep int) error {
		n := len(edits) - keep
		for i := range n {
			if err := edit(edits[i]); err != nil {
				return err
			}
		}
		edits = append(edits[:0], edits[n:]...)
		return nil
	}
	var hold []byte // bytes of a character (or repair) cut by a piece's end
	var text strings.Builder
	err := eachLinePiece(ctx, r, start, piece, kinds, func(b []byte, at int64, kind byte, eol bool) error {
		switch kind {
		case 'u':
			text.Write(b)
		case 'd':
			work := append(hold, b...)
			base := int(at) - len(hold)
			stop := len(work)
			if !eol {
				stop = max(len(work)-8, 0) // see decodeDamagedUTF8Part
			}
			next := decodeDamagedUTF8Part(work, stop, base, &text, &edits)
			hold = append(hold[:0], work[next:]...)
		default:
			work := append(hold, b...)
			base := int(at) - len(hold)
			stop := len(work)
			if !eol {
				stop = max(len(work)-3, 0)
			}
			_, next := decodeRunPart(work, stop, base, c, &text, &edits, true)
			hold = append(hold[:0], work[next:]...)
		}
		// The text of many lines goes out at once: a write per line was
		// a system call per line, a builder per line an allocation.
		if text.Len() >= piece {
			if err := writeText(out, &text, piece); err != nil {
				return err
			}
		}
		if len(edits) > 1 {
			return flush(1)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(0); err != nil {
		return err
	}
	return writeText(out, &text, 0)
}

// writeText writes the text held and starts another builder of room for
// about size bytes more.
func writeText(w io.Writer, text *strings.Builder, size int) error {
	if _, err := io.WriteString(w, text.String()); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	text.Reset()
	if size > 0 {
		text.Grow(size * 2)
	}
	return nil
}
