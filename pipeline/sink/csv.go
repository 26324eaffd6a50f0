package sink

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/schema"
)

type csvWriter struct {
	files [3]*tempFile
	bufs  [3]*bufio.Writer
	csvs  [3]*csv.Writer
}

var csvHeaders = [3][]string{
	{"doc_id", "source", "status", "error", "encoding", "script", "title", "publisher", "published_at", "url", "bytes", "chars", "repairs", "pinyin_removed", "figures", "text", "text_original_script", "fetched_at", "pages", "warning"},
	{"doc_id", "source", "figure_id", "kind", "value", "value_text", "unit", "qualifier", "raw", "sentence", "text_start", "text_end", "source_start", "source_end", "year", "subject", "from_value", "to_value", "period_unit", "extractor", "evidence", "basis", "page", "subject_original_script"},
	{"doc_id", "stage", "seq", "text_start", "text_end", "old", "new", "reason"},
}

func newCSV(n Naming) (*csvWriter, error) {
	w := &csvWriter{}
	for i, t := range Tables {
		f, err := createTemp(n.Path(t, "csv"))
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.files[i] = f
		w.bufs[i] = bufio.NewWriterSize(f, 256<<10)
		w.csvs[i] = csv.NewWriter(w.bufs[i])
		if err := w.csvs[i].Write(csvHeaders[i]); err != nil {
			w.Abort()
			return nil, err
		}
	}
	return w, nil
}

// GuardCell keeps a spreadsheet from running a text cell as a formula
// (OWASP's CSV injection rule): a cell starting with =, +, -, @, a tab or a
// carriage return gets a leading '. So does one starting with ' itself,
// which makes the guard reversible: UnguardCell drops one leading '.
// Numbers the writer formats are not text and are left alone; Parquet and
// JSONL hold the raw value.
func GuardCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// UnguardCell undoes GuardCell.
func UnguardCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r', '\'':
			return s[1:]
		}
	}
	return s
}

// guard applies GuardCell to the cells of rec at the given indexes.
func guard(rec []string, text ...int) []string {
	for _, i := range text {
		rec[i] = GuardCell(rec[i])
	}
	return rec
}

// Indexes of the text cells of each table's CSV rows.
var (
	docText  = []int{0, 1, 2, 3, 4, 5, 6, 7, 9, 15, 16, 19}
	figText  = []int{0, 1, 2, 3, 5, 6, 7, 8, 9, 15, 18, 19, 20, 21, 23}
	editText = []int{0, 1, 5, 6, 7}
)

func i64(v int64) string { return strconv.FormatInt(v, 10) }

func f64(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func optI64(v *int64) string {
	if v == nil {
		return ""
	}
	return i64(*v)
}

func optI32(v *int32) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(int(*v))
}

func optTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

func optF64(v *float64) string {
	if v == nil {
		return ""
	}
	return f64(*v)
}

func (w *csvWriter) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := w.writeDoc(d); err != nil {
		return fmt.Errorf("write %s: %w", w.files[0].final, err)
	}
	for _, f := range figs {
		rec := []string{f.DocID, f.Source, f.FigureID, f.Kind, f64(f.Value), f.ValueText, f.Unit, string(f.Qualifier), f.Raw, f.Sentence,
			i64(f.TextStart), i64(f.TextEnd), optI64(f.SourceStart), optI64(f.SourceEnd), optI32(f.Year), string(f.Subject),
			optF64(f.FromValue), optF64(f.ToValue), string(f.PeriodUnit), f.Extractor, f.Evidence, string(f.Basis), optI32(f.Page),
			string(f.SubjectOriginalScript)}
		if err := w.csvs[1].Write(guard(rec, figText...)); err != nil {
			return fmt.Errorf("write %s: %w", w.files[1].final, err)
		}
	}
	for _, e := range edits {
		if err := w.csvs[2].Write(guard([]string{e.DocID, e.Stage, i64(e.Seq), i64(e.TextStart), i64(e.TextEnd), e.Old, e.New, e.Reason}, editText...)); err != nil {
			return fmt.Errorf("write %s: %w", w.files[2].final, err)
		}
	}
	return nil
}

// docRecord is d's CSV record, its texts guarded.
func docRecord(d schema.Document) []string {
	return guard([]string{d.DocID, d.Source, d.Status, string(d.Error), string(d.Encoding), string(d.Script), string(d.Title), string(d.Publisher), optTime(d.PublishedAt), string(d.URL),
		i64(d.Bytes), i64(d.Chars), i64(d.Repairs), i64(d.PinyinRemoved), i64(d.Figures), d.Text, d.TextOriginalScript,
		optTime(d.FetchedAt), optI32(d.Pages), string(d.Warning)}, docText...)
}

// Indexes of the two text cells in a documents record.
const csvTextCell, csvOriginalCell = 15, 16

// writeDoc writes d's record as encoding/csv writes it. A large
// document's texts are written in pieces from where they are (their spill
// files, for a chunked document) instead of being held whole, as the
// record encoding/csv takes would hold them, twice.
func (w *csvWriter) writeDoc(d schema.Document) error {
	if d.Spilled == nil && len(d.Text)+len(d.TextOriginalScript) < streamTextBytes {
		return w.csvs[0].Write(docRecord(d))
	}
	texts := d.Spilled
	if texts == nil {
		texts = &schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}
	}
	d.Text, d.TextOriginalScript, d.Spilled = "", "", nil
	rec := docRecord(d)
	// The cells around the texts, encoded by encoding/csv.
	var head, tail bytes.Buffer
	for _, part := range []struct {
		buf   *bytes.Buffer
		cells []string
	}{{&head, rec[:csvTextCell]}, {&tail, rec[csvOriginalCell+1:]}} {
		cw := csv.NewWriter(part.buf)
		if err := cw.Write(part.cells); err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	// The rows written before go first.
	w.csvs[0].Flush()
	if err := w.csvs[0].Error(); err != nil {
		return err
	}
	out := w.bufs[0]
	out.Write(bytes.TrimSuffix(head.Bytes(), []byte("\n")))
	out.WriteByte(',')
	if err := writeCSVCell(out, texts.Text); err != nil {
		return err
	}
	out.WriteByte(',')
	if err := writeCSVCell(out, texts.Original); err != nil {
		return err
	}
	out.WriteByte(',')
	_, err := out.Write(tail.Bytes())
	return err
}

// writeCSVCell writes text as encoding/csv writes the cell GuardCell(text)
// (comma separator, LF line ends), reading it twice in pieces: once to
// decide on the guard and the quotes, once to write it.
func writeCSVCell(w *bufio.Writer, text schema.LargeText) error {
	n := text.Len()
	if n == 0 {
		return nil
	}
	if n <= 2 {
		// `\.` is quoted: a case of its own, short enough to hold.
		var b strings.Builder
		if _, err := io.Copy(&b, text.NewReader()); err != nil {
			return fmt.Errorf("read spilled text: %w", err)
		}
		var cell bytes.Buffer
		cw := csv.NewWriter(&cell)
		cw.Write([]string{GuardCell(b.String()), "x"})
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(cell.Bytes(), []byte(",x\n")))
		return err
	}
	var first rune = -1
	special := false
	err := schema.EachPiece(text, 256<<10, func(p string) error {
		if first < 0 {
			first, _ = utf8.DecodeRuneInString(p)
		}
		special = special || strings.ContainsAny(p, "\n\r\",")
		return nil
	})
	if err != nil {
		return err
	}
	guarded := GuardCell(string(first)) != string(first)
	quote := special || (!guarded && unicode.IsSpace(first))
	if quote {
		w.WriteByte('"')
	}
	if guarded {
		w.WriteByte('\'')
	}
	err = schema.EachPiece(text, 256<<10, func(p string) error {
		if quote {
			p = strings.ReplaceAll(p, `"`, `""`)
		}
		_, err := w.WriteString(p)
		return err
	})
	if err != nil {
		return err
	}
	if quote {
		return w.WriteByte('"')
	}
	return nil
}

func (w *csvWriter) Close() error {
	for i, f := range w.files {
		w.csvs[i].Flush()
		if err := w.csvs[i].Error(); err != nil {
			w.Abort()
			return fmt.Errorf("write %s: %w", f.final, err)
		}
		if err := w.bufs[i].Flush(); err != nil {
			w.Abort()
			return fmt.Errorf("write %s: %w", f.final, err)
		}
	}
	return commitAll(w.files[:])
}

func (w *csvWriter) Abort() { abortAll(w.files[:]) }
