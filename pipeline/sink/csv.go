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
	return w.WriteRows(d, schema.RowSlice[schema.Figure](figs), schema.RowSlice[schema.Edit](edits))
}

// WriteRows implements RowsWriter.
func (w *csvWriter) WriteRows(d schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error {
	texts := d.Spilled
	d.Spilled = nil
	rec := guard([]string{d.DocID, d.Source, d.Status, string(d.Error), string(d.Encoding), string(d.Script), string(d.Title), string(d.Publisher), optTime(d.PublishedAt), string(d.URL),
		i64(d.Bytes), i64(d.Chars), i64(d.Repairs), i64(d.PinyinRemoved), i64(d.Figures), d.Text, d.TextOriginalScript,
		optTime(d.FetchedAt), optI32(d.Pages), string(d.Warning)}, docText...)
	var err error
	if texts == nil {
		err = w.csvs[0].WriteAll([][]string{rec})
	} else {
		err = w.writeSpilledDoc(rec, map[int]schema.LargeText{docTextCell: texts.Text, docTextCell + 1: texts.Original})
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", w.files[0].final, err)
	}
	err = figs.Each(func(f schema.Figure) error {
		rec := []string{f.DocID, f.Source, f.FigureID, f.Kind, f64(f.Value), f.ValueText, f.Unit, string(f.Qualifier), f.Raw, f.Sentence,
			i64(f.TextStart), i64(f.TextEnd), optI64(f.SourceStart), optI64(f.SourceEnd), optI32(f.Year), string(f.Subject),
			optF64(f.FromValue), optF64(f.ToValue), string(f.PeriodUnit), f.Extractor, f.Evidence, string(f.Basis), optI32(f.Page),
			string(f.SubjectOriginalScript)}
		return w.csvs[1].Write(guard(rec, figText...))
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", w.files[1].final, err)
	}
	err = edits.Each(func(e schema.Edit) error {
		return w.csvs[2].Write(guard([]string{e.DocID, e.Stage, i64(e.Seq), i64(e.TextStart), i64(e.TextEnd), e.Old, e.New, e.Reason}, editText...))
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", w.files[2].final, err)
	}
	return nil
}

// docTextCell is the index of the text cell of a documents row
// (text_original_script follows it).
const docTextCell = 15

// writeSpilledDoc writes a documents row whose cells at the keys of texts
// are read from those texts in pieces, as encoding/csv would write them
// whole (it takes a record's fields whole: a large document's two texts,
// read back, were most of the writer's memory).
func (w *csvWriter) writeSpilledDoc(rec []string, texts map[int]schema.LargeText) error {
	w.csvs[0].Flush()
	if err := w.csvs[0].Error(); err != nil {
		return err
	}
	out := w.bufs[0]
	var cell bytes.Buffer
	cw := csv.NewWriter(&cell)
	for i, field := range rec {
		if i > 0 {
			out.WriteByte(',')
		}
		if t, ok := texts[i]; ok {
			if err := writeCSVText(out, t); err != nil {
				return err
			}
			continue
		}
		// One cell is written as it is in a record, before the newline.
		cell.Reset()
		cw.Write([]string{field})
		cw.Flush()
		out.Write(bytes.TrimSuffix(cell.Bytes(), []byte{'\n'}))
	}
	return out.WriteByte('\n')
}

// writeCSVText writes t as a guarded (GuardCell) CSV cell as encoding/csv
// writes one: quoted when it holds a quote, comma or line break or starts
// with a space, its quotes doubled. A first pass finds whether it needs
// quotes, the second writes it.
func writeCSVText(w io.Writer, t schema.LargeText) error {
	if t.Len() <= 2 {
		// So short that it may be `\.`, which encoding/csv quotes.
		s, err := readText(t)
		if err != nil {
			return err
		}
		var cell bytes.Buffer
		cw := csv.NewWriter(&cell)
		cw.Write([]string{GuardCell(s)})
		cw.Flush()
		_, err = w.Write(bytes.TrimSuffix(cell.Bytes(), []byte{'\n'}))
		return err
	}
	guarded, quote, first := false, false, true
	err := schema.EachPiece(t, 256<<10, func(p string) error {
		if first {
			first = false
			guarded = GuardCell(p[:1]) != p[:1]
			r, _ := utf8.DecodeRuneInString(p)
			quote = !guarded && unicode.IsSpace(r)
		}
		quote = quote || strings.ContainsAny(p, "\"\r\n,")
		return nil
	})
	if err != nil {
		return err
	}
	if quote {
		if _, err := io.WriteString(w, `"`); err != nil {
			return err
		}
	}
	if guarded {
		if _, err := io.WriteString(w, "'"); err != nil {
			return err
		}
	}
	err = schema.EachPiece(t, 256<<10, func(p string) error {
		if !quote {
			_, err := io.WriteString(w, p)
			return err
		}
		for {
			i := strings.IndexByte(p, '"')
			if i < 0 {
				_, err := io.WriteString(w, p)
				return err
			}
			// A quote is written twice.
			if _, err := io.WriteString(w, p[:i+1]); err != nil {
				return err
			}
			if _, err := io.WriteString(w, `"`); err != nil {
				return err
			}
			p = p[i+1:]
		}
	})
	if err != nil || !quote {
		return err
	}
	_, err = io.WriteString(w, `"`)
	return err
}

func readText(t schema.LargeText) (string, error) {
	b, err := io.ReadAll(t.NewReader())
	return string(b), err
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
