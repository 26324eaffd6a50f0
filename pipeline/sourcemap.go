package pipeline

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"sort"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// A streamed legacy input's decode edits (one per stretch of characters,
// about one per 9 input bytes) map Base back to input bytes. Held as
// textedit.Edit values they were 104 bytes each, most of a large GB18030
// file's memory; here they are kept in a spill file in blocks of compact
// records, with a small index of the blocks in memory, and a cursor maps
// offsets as textedit.Mapper does, reading one block at a time.

// sourceBlock is the number of edits in one block of a sourceMap.
const sourceBlock = 512

// sourceRec is what mapping needs of an edit.
type sourceRec struct {
	start, end int // input span
	out        int // where its New starts in Base
	newLen     int
	unit       int
	newUnit    int
}

// sourceIndex locates one block and bounds its records' output offsets.
type sourceIndex struct {
	off      int64 // file offset of the block
	n        int   // records in it
	firstOut int   // out of its first record
	lastEnd  int   // out+newLen of its last record
	prevEnd  int   // input end of the record before the block (deltas start there)
}

// sourceMap is the spilled decode edits of a document.
type sourceMap struct {
	f     *spillFile
	index []sourceIndex
	n     int
}

// sourceMapWriter appends edits to a sourceMap.
type sourceMapWriter struct {
	m     *sourceMap
	w     *bufio.Writer
	buf   []byte
	shift int // len(New) - len(Old) of the edits so far
	prev  int // input end of the last edit
}

func newSourceMapWriter() (*sourceMapWriter, error) {
	f, err := newSpillFile()
	if err != nil {
		return nil, err
	}
	return &sourceMapWriter{m: &sourceMap{f: f}, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// newLen is the length of an edit's New: a quiet run streamed from the
// decoder has New empty and its length in its units.
func newLen(e *textedit.Edit) int {
	if e.Unit > 0 && e.New == "" {
		return (e.End - e.Start) / e.Unit * e.NewUnit
	}
	return len(e.New)
}

// add appends an edit (in input order).
func (w *sourceMapWriter) add(e *textedit.Edit) error {
	m := w.m
	nl := newLen(e)
	out := e.Start + w.shift
	if len(m.index) == 0 || m.index[len(m.index)-1].n == sourceBlock {
		m.index = append(m.index, sourceIndex{off: w.m.f.n + int64(w.w.Buffered()), firstOut: out, prevEnd: w.prev})
	}
	cur := &m.index[len(m.index)-1]
	w.buf = binary.AppendUvarint(w.buf[:0], uint64(e.Start-w.prev))
	w.buf = binary.AppendUvarint(w.buf, uint64(e.End-e.Start))
	w.buf = binary.AppendUvarint(w.buf, uint64(nl))
	w.buf = binary.AppendUvarint(w.buf, uint64(e.Unit))
	w.buf = binary.AppendUvarint(w.buf, uint64(e.NewUnit))
	if _, err := w.w.Write(w.buf); err != nil {
		return fmt.Errorf("spill decode edits: %w", err)
	}
	cur.n++
	cur.lastEnd = out + nl
	w.shift += nl - (e.End - e.Start)
	w.prev = e.End
	m.n++
	return nil
}

// done flushes the map and returns it.
func (w *sourceMapWriter) done() (*sourceMap, error) {
	if err := w.w.Flush(); err != nil {
		return nil, fmt.Errorf("spill decode edits: %w", err)
	}
	return w.m, nil
}

// cursor returns a reader of the map for one user at a time (each row
// writer reads the figures on its own).
func (m *sourceMap) cursor() *sourceCursor { return &sourceCursor{m: m, block: -1} }

// sourceCursor maps Base offsets to input offsets as textedit.Mapper
// does, holding one decoded block; a read error is kept in err and maps
// offsets to 0.
type sourceCursor struct {
	m     *sourceMap
	block int
	recs  []sourceRec
	err   error
}

// load decodes block b.
func (c *sourceCursor) load(b int) []sourceRec {
	if c.block == b || c.err != nil {
		return c.recs
	}
	ix := c.m.index[b]
	end := c.m.f.n
	if b+1 < len(c.m.index) {
		end = c.m.index[b+1].off
	}
	r := bufio.NewReader(io.NewSectionReader(c.m.f.h.f, ix.off, end-ix.off))
	c.recs = c.recs[:0]
	prev, shift := ix.prevEnd, 0
	for range ix.n {
		var v [5]uint64
		for k := range v {
			x, err := binary.ReadUvarint(r)
			if err != nil {
				c.err = fmt.Errorf("read spilled decode edits: %w", err)
				c.block = -1
				return nil
			}
			v[k] = x
		}
		start := prev + int(v[0])
		rec := sourceRec{start: start, end: start + int(v[1]), newLen: int(v[2]), unit: int(v[3]), newUnit: int(v[4])}
		if len(c.recs) == 0 {
			rec.out = ix.firstOut
		} else {
			rec.out = rec.start + shift
		}
		shift = rec.out + rec.newLen - rec.end
		prev = rec.end
		c.recs = append(c.recs, rec)
	}
	c.block = b
	return c.recs
}

// Start maps the start of a span as textedit.Mapper.Start does.
func (c *sourceCursor) Start(pos int) int {
	// The last edit whose output starts at or before pos.
	ix := c.m.index
	b := sort.Search(len(ix), func(i int) bool { return ix[i].firstOut > pos }) - 1
	if b < 0 {
		return pos
	}
	recs := c.load(b)
	i := sort.Search(len(recs), func(i int) bool { return recs[i].out > pos }) - 1
	if i < 0 {
		return 0
	}
	e := recs[i]
	oe := e.out + e.newLen
	if pos < oe {
		if e.unit > 0 {
			return e.start + (pos-e.out)/e.newUnit*e.unit
		}
		return e.start
	}
	return e.end + pos - oe
}

// End maps the end of a span as textedit.Mapper.End does.
func (c *sourceCursor) End(pos int) int {
	// The first edit whose output ends at or after pos.
	ix := c.m.index
	b := sort.Search(len(ix), func(i int) bool { return ix[i].lastEnd >= pos })
	if b < len(ix) {
		recs := c.load(b)
		i := sort.Search(len(recs), func(i int) bool { return recs[i].out+recs[i].newLen >= pos })
		if i < len(recs) && pos > recs[i].out {
			e := recs[i]
			if e.unit > 0 {
				return e.start + (pos-e.out+e.newUnit-1)/e.newUnit*e.unit
			}
			return e.end
		}
		if i > 0 {
			p := recs[i-1]
			return p.end + pos - (p.out + p.newLen)
		}
	}
	// The edit before is the last of the block before b.
	if b == 0 || len(ix) == 0 {
		return pos
	}
	recs := c.load(b - 1)
	if len(recs) == 0 {
		return 0
	}
	p := recs[len(recs)-1]
	return p.end + pos - (p.out + p.newLen)
}
