// Package schema defines the rows zhextract writes: the output contract that
// users' scripts, DuckDB queries and QA golden files rely on. Column names are
// a contract: add columns, never rename them.
package schema

import "time"

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
	// Error is the reason a document failed, empty when Status is ok.
	Error    string `parquet:"error" json:"error"`
	Encoding string `parquet:"encoding,dict" json:"encoding"`
	// Script is simplified, traditional, mixed or empty (no Han text).
	Script      string     `parquet:"script,dict" json:"script"`
	Title       string     `parquet:"title" json:"title"`
	Publisher   string     `parquet:"publisher" json:"publisher"`
	PublishedAt *time.Time `parquet:"published_at,optional,timestamp(millisecond)" json:"published_at"`
	URL         string     `parquet:"url" json:"url"`
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
	// JSONL id was a duplicate and doc_id was made unique; empty when none.
	Warning string `parquet:"warning" json:"warning"`
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
	// Qualifier is approx, over, under or empty.
	Qualifier string `parquet:"qualifier,dict" json:"qualifier"`
	// Raw is the exact source span, in the document's original script.
	Raw      string `parquet:"raw" json:"raw"`
	Sentence string `parquet:"sentence" json:"sentence"`
	// Start and End are byte offsets of the figure in the clean text.
	Start int64 `parquet:"start" json:"start"`
	End   int64 `parquet:"end" json:"end"`
	// SourceStart and SourceEnd are byte offsets in the input bytes, null
	// where the input cannot be addressed (text extracted from HTML markup).
	SourceStart *int64   `parquet:"source_start,optional" json:"source_start"`
	SourceEnd   *int64   `parquet:"source_end,optional" json:"source_end"`
	Year        *int32   `parquet:"year,optional" json:"year"`
	Subject     string   `parquet:"subject" json:"subject"`
	FromValue   *float64 `parquet:"from_value,optional" json:"from_value"`
	ToValue     *float64 `parquet:"to_value,optional" json:"to_value"`
	PeriodUnit  string   `parquet:"period_unit" json:"period_unit"`
	// Extractor is the id of the rule that produced the figure.
	Extractor string `parquet:"extractor,dict" json:"extractor"`
	// Evidence says why the figure was kept: the cue that decided its kind
	// and how the number is tied to it ("head 投资 ← list item 2 of 3").
	Evidence string `parquet:"evidence" json:"evidence"`
	// Basis is what an investment or funding amount counts: total, completed,
	// planned, allocated, or empty when the text does not say. Summing
	// rows of different bases double counts.
	Basis string `parquet:"basis,dict" json:"basis"`
	// Page is the PDF page (from 1) the figure starts on, null for other
	// inputs (whose figures have source offsets instead).
	Page *int32 `parquet:"page,optional" json:"page"`
}

// Edit is one row of the edits table: one change a stage made to the text.
type Edit struct {
	DocID string `parquet:"doc_id" json:"doc_id"`
	Stage string `parquet:"stage,dict" json:"stage"`
	// Seq orders a document's edits in the order the pipeline made them.
	Seq int64 `parquet:"seq" json:"seq"`
	// Start and End are byte offsets in the text the stage received.
	Start  int64  `parquet:"start" json:"start"`
	End    int64  `parquet:"end" json:"end"`
	Old    string `parquet:"old" json:"old"`
	New    string `parquet:"new" json:"new"`
	Reason string `parquet:"reason" json:"reason"`
}
