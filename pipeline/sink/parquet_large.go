package sink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"sort"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/delta"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// largeRowBytes is the size of a documents row's texts (in memory) from
// which the row is written as a row group of its own with its text pages
// streamed; spilled texts always are. parquet-go copies a value into its
// column buffer, encodes it into a page buffer, compresses that, and keeps
// the three buffers' capacity until the file closes: about six times the
// texts of the largest document.
const largeRowBytes = 8 << 20

// largeTexts returns the texts of d to stream into their columns, or false
// when d is small enough for the writer's own path.
func largeTexts(d schema.Document) (schema.SpilledTexts, bool) {
	if d.Spilled != nil {
		return *d.Spilled, true
	}
	if len(d.Text)+len(d.TextOriginalScript) >= largeRowBytes {
		return schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}, true
	}
	return schema.SpilledTexts{}, false
}

// textColumns names the columns that largeTexts fill, with the text each
// takes.
var textColumns = map[string]func(schema.SpilledTexts) schema.LargeText{
	"text":                 func(s schema.SpilledTexts) schema.LargeText { return s.Text },
	"text_original_script": func(s schema.SpilledTexts) schema.LargeText { return s.Original },
}

// writeLargeDocument writes d, whose texts are texts, as a row group of its
// own, without holding the texts in memory. parquet-go writes the row with
// empty texts to a small in-memory file with the table's options; each
// text is compressed, as its column's single data page in the encoding
// parquet-go chose for it (DELTA_LENGTH_BYTE_ARRAY), into a scratch file; the two are composed into a one-row Parquet file whose text
// columns point at the scratch file, and the table's writer copies that
// row group verbatim (parquet-go streams verbatim copies from the source
// file). So every column but the texts is encoded by parquet-go exactly as
// in a row it writes itself, and the texts' metadata are the ones it would
// write, with their sizes.
func writeLargeDocument(t *ParquetTable[schema.Document], d schema.Document, texts schema.SpilledTexts) error {
	// Rows held back come first (WriteRowGroup below sees only those
	// written).
	if err := t.writeHeld(); err != nil {
		return err
	}
	d.Text, d.TextOriginalScript, d.Spilled = "", "", nil
	var small bytes.Buffer
	st := NewParquetTable[schema.Document](&small, t.name)
	st.keepTextIndexes = true // composeLargeRow takes every column's index
	if err := st.Write([]schema.Document{d}, 0); err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	sf, err := parquet.OpenFile(bytes.NewReader(small.Bytes()), int64(small.Len()))
	if err != nil {
		return fmt.Errorf("write %s: large row: %w", t.name, err)
	}

	scratch, err := newScratchFile()
	if err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	defer scratch.close()
	pages, err := compressPages(sf, texts, scratch)
	if err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}

	composed, err := composeLargeRow(small.Bytes(), sf, pages, scratch.f)
	if err != nil {
		return fmt.Errorf("write %s: large row: %w", t.name, err)
	}
	rf, err := parquet.OpenFile(composed, composed.size)
	if err != nil {
		return fmt.Errorf("write %s: large row: %w", t.name, err)
	}
	// WriteRowGroup first flushes the rows buffered so far as a row group
	// of their own.
	if _, err := t.w.WriteRowGroup(rf.RowGroups()[0]); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	t.pending = 0
	return nil
}

// compressPages compresses the text columns' pages into scratch, the
// second (when the texts differ) into a scratch file of its own at the
// same time, appended after the first: each page is the one stream it was,
// and the row of a large document no longer waits for two compressions
// one after the other.
func compressPages(sf *parquet.File, texts schema.SpilledTexts, scratch *scratchFile) (map[string]textPage, error) {
	cols := []string{"text", "text_original_script"}
	var encs [2]format.Encoding
	var ts [2]schema.LargeText
	for i, col := range cols {
		ts[i] = textColumns[col](texts)
		enc, err := pageEncoding(sf, col)
		if err != nil {
			return nil, fmt.Errorf("large row: %w", err)
		}
		encs[i] = enc
	}
	pages := map[string]textPage{}
	if ts[0] != nil && sameText(ts[0], ts[1]) {
		p, err := scratch.compressPage(ts[0], encs[0])
		if err != nil {
			return nil, err
		}
		pages[cols[0]], pages[cols[1]] = p, p // one page serves both columns
		return pages, nil
	}
	second, err := newScratchFile()
	if err != nil {
		return nil, err
	}
	defer second.close()
	var p2 textPage
	var err2 error
	done := make(chan struct{})
	go func() {
		defer close(done)
		p2, err2 = second.compressPage(ts[1], encs[1])
	}()
	p1, err := scratch.compressPage(ts[0], encs[0])
	<-done
	if err != nil {
		return nil, err
	}
	if err2 != nil {
		return nil, err2
	}
	p2.off += scratch.size
	n, err := io.Copy(scratch.f, io.NewSectionReader(second.f, 0, second.size))
	scratch.size += n
	if err == nil && n != second.size {
		err = fmt.Errorf("copied %d of %d bytes", n, second.size)
	}
	if err != nil {
		return nil, fmt.Errorf("large row: text page: %w", err)
	}
	pages[cols[0]], pages[cols[1]] = p1, p2
	return pages, nil
}

// pageEncoding returns the encoding of the single data page parquet-go
// wrote for column col of sf's one row.
func pageEncoding(sf *parquet.File, col string) (format.Encoding, error) {
	for _, cc := range sf.Metadata().RowGroups[0].Columns {
		m := cc.MetaData
		if len(m.PathInSchema) != 1 || m.PathInSchema[0] != col {
			continue
		}
		if len(m.EncodingStats) != 1 || m.EncodingStats[0].Count != 1 {
			return 0, fmt.Errorf("column %s: not a single data page", col)
		}
		return m.EncodingStats[0].Encoding, nil
	}
	return 0, fmt.Errorf("no column %s", col)
}

// sameText reports whether a and b are the same text without reading them
// (the pipeline spills a document's texts to one file when they are equal).
func sameText(a, b schema.LargeText) (same bool) {
	defer func() {
		// Interface values of uncomparable types panic when compared.
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

// textPage is one text's data page (without its header) in the scratch
// file.
type textPage struct {
	off, n       int64 // compressed bytes in the scratch file
	uncompressed int64 // length prefix and text
	textLen      int64
	crc          uint32
}

// scratchFile holds compressed text pages until the row group is copied.
type scratchFile struct {
	f       *os.File
	size    int64
	removed bool
}

func newScratchFile() (*scratchFile, error) {
	f, err := os.CreateTemp("", "zhextract-page-*")
	if err != nil {
		return nil, fmt.Errorf("large row: %w", err)
	}
	// Unix removes the name of an open file; elsewhere close does.
	return &scratchFile{f: f, removed: os.Remove(f.Name()) == nil}, nil
}

func (s *scratchFile) close() {
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
}

// compressPage appends text's data page in encoding (the lengths, then
// the bytes), zstd-compressed as the table's codec does, and returns where
// it is.
func (s *scratchFile) compressPage(text schema.LargeText, encoding format.Encoding) (textPage, error) {
	n := text.Len()
	if n > math.MaxInt32 {
		return textPage{}, fmt.Errorf("text of %d bytes is over a Parquet page's limit", n)
	}
	var prefix []byte
	switch encoding {
	case format.Plain:
		prefix = binary.LittleEndian.AppendUint32(nil, uint32(n))
	case format.DeltaLengthByteArray:
		// The lengths as parquet-go's encoder writes them.
		var err error
		if prefix, err = new(delta.BinaryPackedEncoding).EncodeInt32(nil, []int32{int32(n)}); err != nil {
			return textPage{}, fmt.Errorf("text page: %w", err)
		}
	default:
		return textPage{}, fmt.Errorf("text page: unexpected encoding %v", encoding)
	}
	p := textPage{off: s.size, uncompressed: int64(len(prefix)) + n, textLen: n}
	if p.uncompressed > math.MaxInt32 {
		// Parquet page sizes are 32-bit.
		return p, fmt.Errorf("text of %d bytes is over a Parquet page's limit", n)
	}
	out := &crcCounter{w: s.f, crc: crc32.NewIEEE()}
	enc, err := newZstdEncoder(nil)
	if err != nil {
		return p, err
	}
	// The frame states its content size, as the codec's EncodeAll does.
	enc.ResetContentSize(out, p.uncompressed)
	if _, err := enc.Write(prefix); err != nil {
		return p, fmt.Errorf("compress text page: %w", err)
	}
	copied, err := io.Copy(enc, text.NewReader())
	if err == nil && copied != n {
		err = fmt.Errorf("read %d bytes of a %d-byte text", copied, n)
	}
	if err != nil {
		enc.Close()
		return p, fmt.Errorf("compress text page: %w", err)
	}
	if err := enc.Close(); err != nil {
		return p, fmt.Errorf("compress text page: %w", err)
	}
	p.n, p.crc = out.n, out.crc.Sum32()
	s.size += out.n
	if p.n > math.MaxInt32 {
		return p, fmt.Errorf("compressed text of %d bytes is over a Parquet page's limit", p.n)
	}
	return p, nil
}

// crcCounter counts and checksums what it writes.
type crcCounter struct {
	w   io.Writer
	n   int64
	crc interface {
		io.Writer
		Sum32() uint32
	}
}

func (c *crcCounter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.crc.Write(b[:n])
	c.n += int64(n)
	return n, err
}

// composeLargeRow returns a one-row Parquet file: small's row (written by
// parquet-go with empty texts, whose file is sf) with the text columns'
// pages replaced by pages, whose compressed bytes are in scratch. The
// footer and page indexes are small's, with the offsets and sizes the new
// pages move.
func composeLargeRow(small []byte, sf *parquet.File, pages map[string]textPage, scratch io.ReaderAt) (*composedFile, error) {
	md := sf.Metadata()
	if len(md.RowGroups) != 1 {
		return nil, fmt.Errorf("%d row groups, want 1", len(md.RowGroups))
	}
	rg := &md.RowGroups[0]
	cis, ois := sf.ColumnIndexes(), sf.OffsetIndexes()
	if len(cis) != len(rg.Columns) || len(ois) != len(rg.Columns) {
		return nil, errors.New("page index missing")
	}
	compact := new(thrift.CompactProtocol)
	c := &composedFile{}
	c.add([]byte("PAR1"))
	for i := range rg.Columns {
		m := &rg.Columns[i].MetaData
		start := m.DataPageOffset
		if m.DictionaryPageOffset != 0 {
			start = min(start, m.DictionaryPageOffset)
		}
		at := c.size
		if i == 0 {
			rg.FileOffset = at
		}
		page, isText := textPage{}, false
		if len(m.PathInSchema) == 1 {
			page, isText = pages[m.PathInSchema[0]]
		}
		if !isText {
			c.add(small[start : start+m.TotalCompressedSize])
			delta := at - start
			m.DataPageOffset += delta
			if m.DictionaryPageOffset != 0 {
				m.DictionaryPageOffset += delta
			}
			for j := range ois[i].PageLocations {
				ois[i].PageLocations[j].Offset += delta
			}
			continue
		}
		if m.DictionaryPageOffset != 0 || len(ois[i].PageLocations) != 1 || m.DataPageOffset != start {
			return nil, fmt.Errorf("column %s: not a single data page", m.PathInSchema[0])
		}
		// The header parquet-go wrote for the empty text, with the page's
		// sizes and checksum.
		var h format.PageHeader
		if err := thrift.NewDecoder(compact.NewReader(bytes.NewReader(small[start:]))).Decode(&h); err != nil {
			return nil, fmt.Errorf("column %s: page header: %w", m.PathInSchema[0], err)
		}
		if h.Type != format.DataPageV2 && h.Type != format.DataPage {
			return nil, fmt.Errorf("column %s: page type %v", m.PathInSchema[0], h.Type)
		}
		h.UncompressedPageSize = int32(page.uncompressed)
		h.CompressedPageSize = int32(page.n)
		h.CRC = int32(page.crc)
		hb, err := thrift.Marshal(compact, &h)
		if err != nil {
			return nil, fmt.Errorf("column %s: page header: %w", m.PathInSchema[0], err)
		}
		u, z := int64(len(hb))+page.uncompressed, int64(len(hb))+page.n
		rg.TotalByteSize += u - m.TotalUncompressedSize
		rg.TotalCompressedSize += z - m.TotalCompressedSize
		m.TotalUncompressedSize, m.TotalCompressedSize = u, z
		m.SizeStatistics.UnencodedByteArrayDataBytes = page.textLen
		m.DataPageOffset = at
		ois[i].PageLocations[0].Offset = at
		ois[i].PageLocations[0].CompressedPageSize = int32(z)
		c.add(hb)
		c.addSection(scratch, page.off, page.n)
	}
	// Page indexes and footer, in the order parquet-go writes them.
	for i := range cis {
		b, err := thrift.Marshal(compact, &cis[i])
		if err != nil {
			return nil, fmt.Errorf("column index: %w", err)
		}
		rg.Columns[i].ColumnIndexOffset, rg.Columns[i].ColumnIndexLength = c.size, int32(len(b))
		c.add(b)
	}
	for i := range ois {
		b, err := thrift.Marshal(compact, &ois[i])
		if err != nil {
			return nil, fmt.Errorf("offset index: %w", err)
		}
		rg.Columns[i].OffsetIndexOffset, rg.Columns[i].OffsetIndexLength = c.size, int32(len(b))
		c.add(b)
	}
	footer, err := thrift.Marshal(compact, md)
	if err != nil {
		return nil, fmt.Errorf("footer: %w", err)
	}
	c.add(footer)
	c.add(binary.LittleEndian.AppendUint32(nil, uint32(len(footer))))
	c.add([]byte("PAR1"))
	return c, nil
}

// composedFile is a file made of byte slices and sections of other files,
// read with ReadAt.
type composedFile struct {
	segs []segment
	size int64
}

type segment struct {
	at   int64 // offset in the composed file
	data []byte
	src  io.ReaderAt // when data is nil: n bytes of src from off
	off  int64
	n    int64
}

func (c *composedFile) add(b []byte) {
	if len(b) > 0 {
		c.segs = append(c.segs, segment{at: c.size, data: b, n: int64(len(b))})
		c.size += int64(len(b))
	}
}

func (c *composedFile) addSection(r io.ReaderAt, off, n int64) {
	if n > 0 {
		c.segs = append(c.segs, segment{at: c.size, src: r, off: off, n: n})
		c.size += n
	}
}

func (c *composedFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	done := 0
	i := sort.Search(len(c.segs), func(i int) bool { return c.segs[i].at+c.segs[i].n > off })
	for ; i < len(c.segs) && done < len(p); i++ {
		s := c.segs[i]
		rel := off + int64(done) - s.at
		want := int(min(int64(len(p)-done), s.n-rel))
		if s.data != nil {
			copy(p[done:done+want], s.data[rel:])
		} else if n, err := s.src.ReadAt(p[done:done+want], s.off+rel); n < want {
			if err == nil || err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return done + n, err
		}
		done += want
	}
	if done < len(p) {
		return done, io.EOF
	}
	return done, nil
}
