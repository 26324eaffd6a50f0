// Package pipeline holds the Document that flows through zhextract's stages,
// the Stage interface, and Run, the ordered worker pool that drives them.
package pipeline

import (
	"context"
	"io"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Stage is one step of the pipeline. It reads and rewrites the Document; an
// error fails that document only, never the batch.
type Stage interface {
	Name() string
	Apply(ctx context.Context, d *Document) error
}

// Document is one input document on its way through the stages.
type Document struct {
	Item ingest.Item

	Encoding    string
	Script      string
	Title       string
	Publisher   string
	PublishedAt string // RFC 3339, empty when unknown
	URL         string

	// Text is the current text; stages rewrite it with Rewrite.
	Text string
	// ChromeLines is what package chrome learned cleaning the lines of a
	// text already (the article text the HTML stage made): while Text is
	// still ChromeLines.Text(), the chrome stage need not classify,
	// measure or fold its inner lines again.
	ChromeLines *chrome.Lines
	// Original is the clean text before script conversion.
	Original string
	// ScriptEdits are the edits of script conversion (Original -> Text).
	ScriptEdits []textedit.Edit
	// Base is the text that figure spans (raw) refer to: the decoded input,
	// or the article text extracted from HTML.
	Base string
	// SourceMappable says whether Base maps to input bytes through
	// sourceEdits (false for text extracted from HTML markup).
	SourceMappable bool

	sourceEdits []textedit.Edit   // decode: input bytes -> Base
	layers      [][]textedit.Edit // each text stage: its input -> its output
	// logged holds each stage's edits as the stage made them, in order;
	// the loud ones are written. Kept by reference: a copy of the loud
	// edits was 15% of the heap for a 50 MB document.
	logged [][]textedit.Edit

	Repairs       int
	PinyinRemoved int
	Figures       []extractors.Figure
	Err           error

	// Pages counts a PDF's pages (0 for other inputs); PageStarts[i] is the
	// offset in Base where page i+1 begins.
	Pages      int
	PageStarts []int
	// FallbackTitle and FallbackPublishedAt (a PDF's metadata) fill title
	// and published_at when the text gives none.
	FallbackTitle, FallbackPublishedAt string

	// Chunks is the number of chunks the document was processed in (0:
	// whole).
	Chunks int
	// Chunk is set on a chunk of a split document (see Split); nil for a
	// whole document.
	Chunk *Chunk
	// NotLocal is set, with the reason, by a stage whose work on a chunk
	// is not what it would be inside the whole document (the mojibake
	// stage finding a line read as the other double-byte code): the
	// document is then processed whole.
	NotLocal string
	// Before is what the chunks before this one leave for a Carrier stage.
	Before extractors.Context

	split Split // set by Split: process the rest in chunks
	// inputBytes is the input's size once Item.Data is dropped (a
	// stitched document), 0 otherwise.
	inputBytes int64
	// bigFigs holds a stitched document's nFigs figures with their spans
	// in Base (its layers are not kept), bigEdits the loud edits of its
	// stages after Split (nEdits in all), in temporary files.
	bigFigs  *spillFile
	nFigs    int
	bigEdits []recordFile
	nEdits   int
	// bigText and bigOrig hold Text and Original of a stitched document
	// (both then empty), chars the runes of bigText.
	bigText, bigOrig *spillFile
	chars            int64
	// bigInput holds Base (and Text) of a large input the decoder
	// streamed to a file, until Split cuts it into chunks or it is read
	// back whole.
	bigInput *spillFile
	// bigSource holds the edits that map Base to input bytes (in place of
	// sourceEdits) of a legacy input the decoder streamed, and
	// bigDecodeEdits their loud ones (nil file when none), written before
	// all others.
	bigSource      *sourceMap
	bigDecodeEdits recordFile
}

// SetDecoded sets the decoded text and the edits that map it to input bytes.
func (d *Document) SetDecoded(text string, edits []textedit.Edit) {
	d.Text, d.Base = text, text
	d.sourceEdits = edits
	d.SourceMappable = true
	d.log(edits)
}

// SetDecodedLarge decodes a large input into a temporary file instead of
// memory: fill writes the text to w and returns the encoding found and the
// edits that map the text to input bytes, or ok false when the input must
// be decoded whole after all (d is then left as it was).
func (d *Document) SetDecodedLarge(fill func(w io.Writer) (encoding string, edits []textedit.Edit, ok bool, err error)) (bool, error) {
	f, err := newSpillFile()
	if err != nil {
		return false, err
	}
	enc, edits, ok, err := fill(f)
	if err != nil || !ok {
		return false, err
	}
	d.Encoding = enc
	d.Text, d.Base = "", ""
	d.bigInput = f
	d.inputBytes = max(d.inputBytes, d.Item.Bytes())
	d.sourceEdits = edits
	d.SourceMappable = true
	d.log(edits)
	return true, nil
}

// SetDecodedStream decodes a large input into temporary files instead of
// memory: fill writes the text to text and each edit that maps it to input
// bytes, in input order, to edit (a quiet run may leave New empty, see
// decode.DecodeStreamLines), and returns the encoding found, or ok false
// when the input must be decoded another way (d is then left as it was).
func (d *Document) SetDecodedStream(fill func(text io.Writer, edit func(textedit.Edit) error) (encoding string, ok bool, err error)) (bool, error) {
	f, err := newSpillFile()
	if err != nil {
		return false, err
	}
	src, err := newSourceMapWriter()
	if err != nil {
		return false, err
	}
	var loud *recordWriter
	enc, ok, err := fill(f, func(e textedit.Edit) error {
		if err := src.add(&e); err != nil {
			return err
		}
		if e.Quiet {
			return nil
		}
		if loud == nil {
			var err error
			if loud, err = newRecordWriter(); err != nil {
				return err
			}
		}
		return loud.edit(&e)
	})
	if err != nil || !ok {
		return false, err
	}
	m, err := src.done()
	if err != nil {
		return false, err
	}
	if loud != nil {
		if err := loud.done(); err != nil {
			return false, err
		}
		d.bigDecodeEdits = recordFile{loud.f, loud.n}
	}
	d.Encoding = enc
	d.Text, d.Base = "", ""
	d.bigInput = f
	d.bigSource = m
	d.inputBytes = max(d.inputBytes, d.Item.Bytes())
	d.sourceEdits = nil
	d.SourceMappable = true
	return true, nil
}

// readBigInput reads a streamed input's text back whole (the stages after
// need it in memory: the document is not split).
func (d *Document) readBigInput() error {
	if d.bigInput == nil {
		return nil
	}
	text, err := d.bigInput.readRange(0, int(d.bigInput.n))
	if err != nil {
		return err
	}
	d.Text, d.Base, d.bigInput = text, text, nil
	return nil
}

// Rebase makes text the new Base, cutting the link to the input bytes (used
// when text is extracted from markup rather than edited from it). removed
// records what was dropped, for the edits table; its offsets refer to the
// previous text.
func (d *Document) Rebase(text string, removed []textedit.Edit) {
	d.log(removed)
	d.Text, d.Base = text, text
	d.sourceEdits, d.layers = nil, nil
	d.SourceMappable = false
}

// Rewrite replaces the text with a stage's output and the edits that made it.
func (d *Document) Rewrite(text string, edits []textedit.Edit) {
	d.Text = text
	if len(edits) > 0 {
		d.layers = append(d.layers, edits)
		d.log(edits)
	}
}

func (d *Document) log(edits []textedit.Edit) {
	if len(edits) > 0 {
		d.logged = append(d.logged, edits)
	}
}

// SpanToBase maps a span of the current text back to Base.
func (d *Document) SpanToBase(start, end int) (int, int) {
	return d.spans().toBase(start, end)
}

// SpanInferred reports whether a span of the current text holds a
// character that a stage inferred rather than read (the mojibake stage's
// lost characters): a figure there deserves review.
func (d *Document) SpanInferred(start, end int) bool {
	return textedit.SpanInferred(d.layers, start, end)
}

// InferredIndex indexes the document's inferred characters for many
// SpanInferred questions at once (nil when there are none).
func (d *Document) InferredIndex() *textedit.InferredIndex {
	return textedit.NewInferredIndex(d.layers)
}

// SpanToSource maps a span of Base to input byte offsets.
func (d *Document) SpanToSource(start, end int) (int, int, bool) {
	return d.spans().toSource(start, end)
}

// spanMaps holds the mappers of a document's edit layers, built once for
// all its figures (a traditional text has an edit per converted character).
type spanMaps struct {
	layers []*textedit.Mapper
	source sourceMapper // nil when Base does not map to input bytes
}

// sourceMapper maps Base offsets to input offsets: a textedit.Mapper, or
// a sourceCursor over spilled decode edits.
type sourceMapper interface {
	Start(pos int) int
	End(pos int) int
}

func (d *Document) spans() spanMaps {
	var m spanMaps
	for _, l := range d.layers {
		m.layers = append(m.layers, textedit.NewMapper(l))
	}
	switch {
	case d.SourceMappable && d.bigSource != nil:
		m.source = d.bigSource.cursor()
	case d.SourceMappable:
		m.source = textedit.NewMapper(d.sourceEdits)
	}
	return m
}

// sourceErr is the error of reading spilled decode edits for m, if any.
func (m spanMaps) sourceErr() error {
	if c, ok := m.source.(*sourceCursor); ok {
		return c.err
	}
	return nil
}

// fresh returns m with a source cursor of its own (a cursor holds a block
// and serves one reader at a time).
func (m spanMaps) fresh() spanMaps {
	if c, ok := m.source.(*sourceCursor); ok {
		m.source = c.m.cursor()
	}
	return m
}

func (m spanMaps) toBase(start, end int) (int, int) {
	for i := len(m.layers) - 1; i >= 0; i-- {
		start, end = m.layers[i].Start(start), m.layers[i].End(end)
	}
	if end < start {
		end = start
	}
	return start, end
}

func (m spanMaps) toSource(start, end int) (int, int, bool) {
	if m.source == nil {
		return 0, 0, false
	}
	return m.source.Start(start), m.source.End(end), true
}

// Rows converts the finished document into its output rows. A stitched
// document's figures and edits are read back from their files; an error
// reading them fails the documents row.
func (d *Document) Rows() (schema.Document, []schema.Figure, []schema.Edit) {
	doc, fs, es := d.RowsStream()
	figs, err := schema.Collect(fs)
	if err == nil {
		var edits []schema.Edit
		if edits, err = schema.Collect(es); err == nil {
			return doc, figs, edits
		}
	}
	doc.Status, doc.Error = schema.StatusFailed, schema.NullString(err.Error())
	return doc, nil, nil
}

// RowsStream converts the finished document into its output rows, the
// figures and edits as sequences: a stitched document's are read from
// their files each time a writer reads them, never held whole.
func (d *Document) RowsStream() (schema.Document, schema.Rows[schema.Figure], schema.Rows[schema.Edit]) {
	doc := schema.Document{
		DocID:              d.Item.ID,
		Source:             d.Item.Source,
		Status:             schema.StatusOK,
		Encoding:           schema.NullString(d.Encoding),
		Script:             schema.NullString(d.Script),
		Title:              schema.NullString(d.Title),
		Publisher:          schema.NullString(d.Publisher),
		URL:                schema.NullString(d.URL),
		Bytes:              max(d.Item.Bytes(), d.inputBytes),
		Chars:              int64(runeCount(d.Text)),
		Repairs:            int64(d.Repairs),
		PinyinRemoved:      int64(d.PinyinRemoved),
		Figures:            int64(len(d.Figures) + d.nFigs),
		Text:               d.Text,
		TextOriginalScript: d.Original,
		Warning:            schema.NullString(d.Item.Warning),
	}
	if d.bigText != nil {
		doc.Chars = d.chars
		doc.Spilled = &schema.SpilledTexts{Text: d.bigText, Original: d.bigOrig}
	}
	if doc.URL == "" {
		doc.URL = schema.NullString(d.Item.URL)
	}
	if doc.Title == "" {
		doc.Title = schema.NullString(d.FallbackTitle)
	}
	pub := d.PublishedAt
	if pub == "" {
		pub = d.FallbackPublishedAt
	}
	doc.PublishedAt = timestamp(pub)
	doc.FetchedAt = timestamp(d.Item.FetchedAt)
	if d.Pages > 0 {
		n := int32(d.Pages)
		doc.Pages = &n
	}
	if d.Err != nil {
		doc.Status, doc.Error = schema.StatusFailed, schema.NullString(d.Err.Error())
	}
	var maps spanMaps
	if len(d.Figures) > 0 || d.nFigs > 0 {
		maps = d.spans()
		if d.bigFigs != nil {
			maps.layers = nil
		}
	}
	var figs schema.Rows[schema.Figure]
	if d.bigFigs != nil {
		figs = spilledFigures{d: d, doc: &doc, maps: maps}
	} else {
		rows := make([]schema.Figure, 0, len(d.Figures))
		for i, f := range d.Figures {
			bs, be := maps.toBase(f.Start, f.End)
			raw, rawOK := "", false
			if bs >= 0 && be <= len(d.Base) && bs <= be {
				raw, rawOK = d.Base[bs:be], true
			}
			rows = append(rows, d.figureRow(&doc, maps, i, &f, figSpan{bs, be, raw, rawOK}))
		}
		figs = schema.RowSlice[schema.Figure](rows)
		if err := maps.sourceErr(); err != nil {
			doc.Status, doc.Error = schema.StatusFailed, schema.NullString(err.Error())
		}
	}
	n := 0
	for _, l := range d.logged {
		for _, e := range l {
			if !e.Quiet {
				n++
			}
		}
	}
	edits := make([]schema.Edit, 0, n)
	for _, l := range d.logged {
		for _, e := range l {
			if e.Quiet {
				continue
			}
			edits = append(edits, editRow(doc.DocID, len(edits)+1, &e))
		}
	}
	if d.bigEdits == nil && d.bigDecodeEdits.f == nil {
		return doc, figs, schema.RowSlice[schema.Edit](edits)
	}
	var head []recordFile
	if d.bigDecodeEdits.f != nil {
		head = []recordFile{d.bigDecodeEdits}
	}
	return doc, figs, spilledEdits{docID: doc.DocID, head: head, first: edits, files: d.bigEdits, n: n + d.nEdits + d.bigDecodeEdits.n}
}

// figureRow is the figures row of the document's i-th figure f, whose span
// in Base is s.
func (d *Document) figureRow(doc *schema.Document, maps spanMaps, i int, f *extractors.Figure, s figSpan) schema.Figure {
	row := schema.Figure{
		DocID:      doc.DocID,
		Source:     doc.Source,
		FigureID:   doc.DocID + "-" + strconv.Itoa(i+1),
		Kind:       f.Kind,
		Value:      f.Value,
		ValueText:  f.ValueText,
		Unit:       f.Unit,
		Qualifier:  schema.NullString(f.Qualifier),
		Sentence:   f.Sentence,
		TextStart:  int64(f.Start),
		TextEnd:    int64(f.End),
		Subject:    schema.NullString(f.Subject),
		FromValue:  f.FromValue,
		ToValue:    f.ToValue,
		PeriodUnit: schema.NullString(f.PeriodUnit),
		Extractor:  f.Extractor,
		Evidence:   f.Evidence,
		Basis:      schema.NullString(f.Basis),
	}
	if s.ok {
		row.Raw = s.raw
	}
	if ss, se, ok := maps.toSource(s.start, s.end); ok {
		a, b := int64(ss), int64(se)
		row.SourceStart, row.SourceEnd = &a, &b
	}
	row.SubjectOriginalScript = row.Subject
	if f.SubjectOriginal != "" {
		row.SubjectOriginalScript = schema.NullString(f.SubjectOriginal)
	}
	if f.Year > 0 {
		y := int32(f.Year)
		row.Year = &y
	}
	if len(d.PageStarts) > 0 {
		// The page the figure starts on: the last page starting at or
		// before it.
		p := int32(sort.SearchInts(d.PageStarts, s.start+1))
		row.Page = &p
	}
	return row
}

func editRow(docID string, seq int, e *textedit.Edit) schema.Edit {
	return schema.Edit{
		DocID: docID, Stage: e.Stage, Seq: int64(seq),
		TextStart: int64(e.Start), TextEnd: int64(e.End),
		Old: validUTF8(e.Old), New: validUTF8(e.New), Reason: e.Reason,
	}
}

// spilledFigures reads a stitched document's figures rows from its file.
type spilledFigures struct {
	d    *Document
	doc  *schema.Document
	maps spanMaps
}

func (s spilledFigures) Len() int { return s.d.nFigs }

func (s spilledFigures) Each(fn func(schema.Figure) error) error {
	r := newRecordReader(s.d.bigFigs)
	maps := s.maps.fresh()
	for i := range s.d.nFigs {
		f, span, err := r.figure()
		if err != nil {
			return err
		}
		row := s.d.figureRow(s.doc, maps, i, &f, span)
		if err := maps.sourceErr(); err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// spilledEdits is a document's edits rows when some are in files: a
// streamed input's decode edits (head), those held in memory (first: made
// before a stitched document was split, or all the stages' of a document
// processed whole), then each stage's from its file.
type spilledEdits struct {
	docID string
	head  []recordFile
	first []schema.Edit
	files []recordFile
	n     int
}

// recordFile is a spill file of n records.
type recordFile struct {
	f *spillFile
	n int
}

func (s spilledEdits) Len() int { return s.n }

func (s spilledEdits) Each(fn func(schema.Edit) error) error {
	seq := 0
	each := func(files []recordFile) error {
		for _, f := range files {
			r := newRecordReader(f.f)
			for range f.n {
				e, err := r.edit()
				if err != nil {
					return err
				}
				seq++
				if err := fn(editRow(s.docID, seq, &e)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := each(s.head); err != nil {
		return err
	}
	for _, e := range s.first {
		seq++
		e.Seq = int64(seq)
		if err := fn(e); err != nil {
			return err
		}
	}
	return each(s.files)
}

// timestamp parses an RFC 3339 time to UTC, nil when empty or malformed.
func timestamp(s string) *time.Time {
	// Most documents have no date: no parse (and no error value) for them.
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil
	}
	t = t.UTC()
	return &t
}

// runeCount is utf8.RuneCountInString (an invalid byte counts as one
// character) in one inlined loop: the clean text is mostly three-byte
// characters, which the standard function decodes one call each, and
// counting them was about 2% of a run's instructions. Two three-byte
// characters, or eight ASCII bytes, are checked at once.
func runeCount(s string) int {
	n := 0
	for len(s) > 0 {
		if len(s) >= 8 {
			w := load8(s)
			// Bytes 0 and 3 1110xxxx, 1, 2, 4 and 5 10xxxxxx: two
			// characters if neither lead is E0 or ED (whose second byte
			// is restricted).
			c0, c3 := byte(w), byte(w>>24)
			if w&0x0000c0c0f0c0c0f0 == 0x00008080e08080e0 && c0 != 0xe0 && c0 != 0xed && c3 != 0xe0 && c3 != 0xed {
				n += 2
				s = s[6:]
				continue
			}
			if w&0x8080808080808080 == 0 {
				n += 8
				s = s[8:]
				continue
			}
		}
		c := s[0]
		n++
		if c < utf8.RuneSelf {
			s = s[1:]
			continue
		}
		// E1-EC and EE-EF take any two continuation bytes.
		if len(s) >= 3 && c >= 0xe1 && c <= 0xef && c != 0xed && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 {
			s = s[3:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return n
}

// load8 reads s's first eight bytes as a little-endian word (one load).
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// validUTF8 keeps string columns valid UTF-8 for Parquet readers.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strconvQuoteBytes(s)
}

func strconvQuoteBytes(s string) string {
	q := strconv.QuoteToASCII(s)
	return q[1 : len(q)-1]
}
