// Package schema defines the rows zhextract writes: the output contract that
// users' scripts, DuckDB queries and QA golden files rely on. Column names are
// a contract: add columns, rename only with a change note in the README.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

// NullString is a text column that is NULL when empty: Parquet writes it as
// an optional column (zero value = null) and JSON as null, so a missing
// title, url or qualifier reads as NULL in every format rather than "" in
// some and NULL in others. CSV has no null; an empty cell stands for it.
type NullString string

// MarshalJSON writes null for the empty string. HTML characters are kept
// as they are, like the rest of zhextract's JSON.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(string(s)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// String returns the text ("" for null).
func (s NullString) String() string { return string(s) }

// Status values of a document row.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// Document is one row of the documents table: every input document gets one,
// whether or not it could be processed.
type Document struct {
	DocID  string `parquet:"doc_id" json:"doc_id"`
	Source string `parquet:"source" json:"source"`
	Status string `parquet:"status,dict" json:"status"`
	// Error is the reason a document failed, null when Status is ok.
	Error    NullString `parquet:"error,optional" json:"error"`
	Encoding NullString `parquet:"encoding,optional,dict" json:"encoding"`
	// Script is simplified, traditional, mixed or null (no Han text).
	Script      NullString `parquet:"script,optional,dict" json:"script"`
	Title       NullString `parquet:"title,optional" json:"title"`
	Publisher   NullString `parquet:"publisher,optional" json:"publisher"`
	PublishedAt *time.Time `parquet:"published_at,optional,timestamp(millisecond)" json:"published_at"`
	URL         NullString `parquet:"url,optional" json:"url"`
	Bytes       int64      `parquet:"bytes" json:"bytes"`
	// Chars counts the runes of the clean text.
	Chars              int64  `parquet:"chars" json:"chars"`
	Repairs            int64  `parquet:"repairs" json:"repairs"`
	PinyinRemoved      int64  `parquet:"pinyin_removed" json:"pinyin_removed"`
	Figures            int64  `parquet:"figures" json:"figures"`
	Text               string `parquet:"text" json:"text"`
	TextOriginalScript string `parquet:"text_original_script" json:"text_original_script"`
	// FetchedAt is when a crawler fetched the document (WARC-Date), null for
	// other inputs.
	FetchedAt *time.Time `parquet:"fetched_at,optional,timestamp(millisecond)" json:"fetched_at"`
	// Pages counts a PDF's pages, null for other inputs.
	Pages *int32 `parquet:"pages,optional" json:"pages"`
	// Warning notes what a reader of an ok row should know, e.g. that the
	// JSONL id was a duplicate and doc_id was made unique; null when none.
	Warning NullString `parquet:"warning,optional" json:"warning"`

	// Spilled holds Text and TextOriginalScript outside memory for a large
	// document (both fields are then empty): not a column, the writers
	// stream the texts from it into their columns.
	Spilled *SpilledTexts `parquet:"-" json:"-"`
}

// LargeText is a text kept outside memory, read as a stream.
type LargeText interface {
	// Len is the text's length in bytes.
	Len() int64
	// NewReader reads the text from its start; readers are independent.
	NewReader() io.Reader
}

// SpilledTexts are the two text columns of a documents row kept outside
// memory.
type SpilledTexts struct {
	Text, Original LargeText
}

// Materialize returns d with its spilled texts read into Text and
// TextOriginalScript (d itself when nothing is spilled), for writers that
// need the values whole.
func (d Document) Materialize() (Document, error) {
	if d.Spilled == nil {
		return d, nil
	}
	text, err := readAll(d.Spilled.Text)
	if err != nil {
		return d, err
	}
	orig := text
	if d.Spilled.Original != d.Spilled.Text {
		if orig, err = readAll(d.Spilled.Original); err != nil {
			return d, err
		}
	}
	d.Text, d.TextOriginalScript, d.Spilled = text, orig, nil
	return d, nil
}

func readAll(t LargeText) (string, error) {
	var b strings.Builder
	b.Grow(int(t.Len()))
	if _, err := io.Copy(&b, t.NewReader()); err != nil {
		return "", fmt.Errorf("read spilled text: %w", err)
	}
	return b.String(), nil
}

// Figure is one row of the figures table.
type Figure struct {
	DocID    string `parquet:"doc_id" json:"doc_id"`
	Source   string `parquet:"source" json:"source"`
	FigureID string `parquet:"figure_id" json:"figure_id"`
	// Kind is road_length, investment, funding, time_cut or material_cut.
	Kind string `parquet:"kind,dict" json:"kind"`
	// Value is normalized: km, yuan or percent (0-100).
	Value float64 `parquet:"value" json:"value"`
	// ValueText is Value as an exact decimal string ("1250000000").
	ValueText string `parquet:"value_text" json:"value_text"`
	Unit      string `parquet:"unit,dict" json:"unit"`
	// Qualifier is approx, over, under or null.
	Qualifier NullString `parquet:"qualifier,optional,dict" json:"qualifier"`
	// Raw is the exact source span, in the document's original script.
	Raw      string `parquet:"raw" json:"raw"`
	Sentence string `parquet:"sentence" json:"sentence"`
	// TextStart and TextEnd are byte offsets of the figure in the clean
	// text (not "start"/"end": END is a reserved word in SQL).
	TextStart int64 `parquet:"text_start" json:"text_start"`
	TextEnd   int64 `parquet:"text_end" json:"text_end"`
	// SourceStart and SourceEnd are byte offsets in the document's input
	// bytes (a file, a .gz's stream, a JSONL text field as UTF-8, a WARC
	// record's HTTP body), null where they cannot be addressed (text
	// extracted from HTML markup or a PDF).
	SourceStart *int64 `parquet:"source_start,optional" json:"source_start"`
	SourceEnd   *int64 `parquet:"source_end,optional" json:"source_end"`
	Year        *int32 `parquet:"year,optional" json:"year"`
	// Subject is the project or road type the figure is about, in
	// simplified script whatever the document's script (so 农村公路 and
	// 農村公路 group together).
	Subject    NullString `parquet:"subject,optional" json:"subject"`
	FromValue  *float64   `parquet:"from_value,optional" json:"from_value"`
	ToValue    *float64   `parquet:"to_value,optional" json:"to_value"`
	PeriodUnit NullString `parquet:"period_unit,optional" json:"period_unit"`
	// Extractor is the id of the rule that produced the figure.
	Extractor string `parquet:"extractor,dict" json:"extractor"`
	// Evidence says why the figure was kept: the cue that decided its kind
	// and how the number is tied to it ("head 投资 ← list item 2 of 3").
	Evidence string `parquet:"evidence" json:"evidence"`
	// Basis is what an investment or funding amount counts: total, completed,
	// planned, allocated, or null when the text does not say. Summing
	// rows of different bases double counts.
	Basis NullString `parquet:"basis,optional,dict" json:"basis"`
	// Page is the PDF page (from 1) the figure starts on, null for other
	// inputs (whose figures have source offsets instead).
	Page *int32 `parquet:"page,optional" json:"page"`
	// SubjectOriginalScript is Subject as the document writes it (added
	// after the earlier columns, like every new column).
	SubjectOriginalScript NullString `parquet:"subject_original_script,optional" json:"subject_original_script"`
}

// Edit is one row of the edits table: one change a stage made to the text.
type Edit struct {
	DocID string `parquet:"doc_id" json:"doc_id"`
	Stage string `parquet:"stage,dict" json:"stage"`
	// Seq orders a document's edits in the order the pipeline made them.
	Seq int64 `parquet:"seq" json:"seq"`
	// TextStart and TextEnd are byte offsets in the text the stage
	// received.
	TextStart int64  `parquet:"text_start" json:"text_start"`
	TextEnd   int64  `parquet:"text_end" json:"text_end"`
	Old       string `parquet:"old" json:"old"`
	New       string `parquet:"new" json:"new"`
	Reason    string `parquet:"reason" json:"reason"`
}

// EachPiece calls fn with t's text in pieces of about size bytes, each cut
// before a byte that starts a character, so that a character never spans
// two pieces. fn must not keep the piece: its bytes are reused.
func EachPiece(t LargeText, size int, fn func(piece string) error) error {
	r := t.NewReader()
	buf := make([]byte, size+utf8.UTFMax)
	carry := 0
	for {
		n, err := io.ReadFull(r, buf[carry:])
		n += carry
		end := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !end {
			return fmt.Errorf("read spilled text: %w", err)
		}
		cut := n
		if !end {
			// Hold back a character whose bytes did not all arrive.
			for k := n - 1; k >= 0 && k >= n-utf8.UTFMax; k-- {
				if utf8.RuneStart(buf[k]) {
					if !utf8.FullRune(buf[k:n]) {
						cut = k
					}
					break
				}
			}
		}
		if cut > 0 {
			if err := fn(unsafe.String(&buf[0], cut)); err != nil {
				return err
			}
		}
		if end {
			return nil
		}
		carry = copy(buf, buf[cut:n])
	}
}

// Rows is a sequence of rows that can be read more than once: a large
// document's figures and edits are read back from temporary files rather
// than held, and each writer reads them in turn.
type Rows[T any] interface {
	// Len is the number of rows.
	Len() int
	// Each calls fn with each row in order, stopping at fn's first error.
	Each(fn func(T) error) error
}

// RowSlice is Rows held in memory.
type RowSlice[T any] []T

// Len implements Rows.
func (s RowSlice[T]) Len() int { return len(s) }

// Each implements Rows.
func (s RowSlice[T]) Each(fn func(T) error) error {
	for _, r := range s {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Collect reads rows into a slice (rows itself when it is a RowSlice).
func Collect[T any](rows Rows[T]) ([]T, error) {
	if s, ok := rows.(RowSlice[T]); ok {
		return s, nil
	}
	out := make([]T, 0, rows.Len())
	err := rows.Each(func(r T) error {
		out = append(out, r)
		return nil
	})
	return out, err
}
