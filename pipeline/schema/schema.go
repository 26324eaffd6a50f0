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
	DocID  string `parquet:"doc_id,zstd" json:"doc_id"`
	Source string `parquet:"source,zstd" json:"source"`
	Status string `parquet:"status,dict,zstd" json:"status"`
	// Error is the reason a document failed, empty when Status is ok.
	Error    string `parquet:"error,zstd" json:"error"`
	Encoding string `parquet:"encoding,dict,zstd" json:"encoding"`
	// Script is simplified, traditional, mixed or empty (no Han text).
	Script      string     `parquet:"script,dict,zstd" json:"script"`
	Title       string     `parquet:"title,zstd" json:"title"`
	Publisher   string     `parquet:"publisher,zstd" json:"publisher"`
	PublishedAt *time.Time `parquet:"published_at,optional,timestamp(millisecond),zstd" json:"published_at"`
	URL         string     `parquet:"url,zstd" json:"url"`
	Bytes       int64      `parquet:"bytes,zstd" json:"bytes"`
	// Chars counts the runes of the clean text.
	Chars              int64  `parquet:"chars,zstd" json:"chars"`
	Repairs            int64  `parquet:"repairs,zstd" json:"repairs"`
	PinyinRemoved      int64  `parquet:"pinyin_removed,zstd" json:"pinyin_removed"`
	Figures            int64  `parquet:"figures,zstd" json:"figures"`
	Text               string `parquet:"text,zstd" json:"text"`
	TextOriginalScript string `parquet:"text_original_script,zstd" json:"text_original_script"`
}

// Figure is one row of the figures table.
type Figure struct {
	DocID    string `parquet:"doc_id,zstd" json:"doc_id"`
	Source   string `parquet:"source,zstd" json:"source"`
	FigureID string `parquet:"figure_id,zstd" json:"figure_id"`
	// Kind is road_length, investment, funding, time_cut or material_cut.
	Kind string `parquet:"kind,dict,zstd" json:"kind"`
	// Value is normalized: km, yuan or percent (0-100).
	Value float64 `parquet:"value,zstd" json:"value"`
	// ValueText is Value as an exact decimal string ("1250000000").
	ValueText string `parquet:"value_text,zstd" json:"value_text"`
	Unit      string `parquet:"unit,dict,zstd" json:"unit"`
	// Qualifier is approx, over, under or empty.
	Qualifier string `parquet:"qualifier,dict,zstd" json:"qualifier"`
	// Raw is the exact source span, in the document's original script.
	Raw      string `parquet:"raw,zstd" json:"raw"`
	Sentence string `parquet:"sentence,zstd" json:"sentence"`
	// Start and End are byte offsets of the figure in the clean text.
	Start int64 `parquet:"start,zstd" json:"start"`
	End   int64 `parquet:"end,zstd" json:"end"`
	// SourceStart and SourceEnd are byte offsets in the input bytes, null
	// where the input cannot be addressed (text extracted from HTML markup).
	SourceStart *int64   `parquet:"source_start,optional,zstd" json:"source_start"`
	SourceEnd   *int64   `parquet:"source_end,optional,zstd" json:"source_end"`
	Year        *int32   `parquet:"year,optional,zstd" json:"year"`
	Subject     string   `parquet:"subject,zstd" json:"subject"`
	FromValue   *float64 `parquet:"from_value,optional,zstd" json:"from_value"`
	ToValue     *float64 `parquet:"to_value,optional,zstd" json:"to_value"`
	PeriodUnit  string   `parquet:"period_unit,zstd" json:"period_unit"`
	// Extractor is the id of the rule that produced the figure.
	Extractor string `parquet:"extractor,dict,zstd" json:"extractor"`
}

// Edit is one row of the edits table: one change a stage made to the text.
type Edit struct {
	DocID string `parquet:"doc_id,zstd" json:"doc_id"`
	Stage string `parquet:"stage,dict,zstd" json:"stage"`
	// Seq orders a document's edits in the order the pipeline made them.
	Seq int64 `parquet:"seq,zstd" json:"seq"`
	// Start and End are byte offsets in the text the stage received.
	Start  int64  `parquet:"start,zstd" json:"start"`
	End    int64  `parquet:"end,zstd" json:"end"`
	Old    string `parquet:"old,zstd" json:"old"`
	New    string `parquet:"new,zstd" json:"new"`
	Reason string `parquet:"reason,zstd" json:"reason"`
}
