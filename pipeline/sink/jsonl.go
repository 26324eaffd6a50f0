package sink

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/zhextract/zhextract/pipeline/schema"
)

type jsonlWriter struct {
	files [3]*tempFile
	bufs  [3]*bufio.Writer
	encs  [3]*json.Encoder
}

func newJSONL(n Naming) (*jsonlWriter, error) {
	w := &jsonlWriter{}
	for i, t := range Tables {
		f, err := createTemp(n.Path(t, "jsonl"))
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.files[i] = f
		w.bufs[i] = bufio.NewWriterSize(f, 256<<10)
		w.encs[i] = json.NewEncoder(w.bufs[i])
		w.encs[i].SetEscapeHTML(false)
	}
	return w, nil
}

func (w *jsonlWriter) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	return w.WriteRows(d, schema.RowSlice[schema.Figure](figs), schema.RowSlice[schema.Edit](edits))
}

// WriteRows implements RowsWriter.
func (w *jsonlWriter) WriteRows(d schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error {
	if err := writeDocJSON(w.bufs[0], w.encs[0], d); err != nil {
		return fmt.Errorf("write %s: %w", w.files[0].final, err)
	}
	if err := figs.Each(func(f schema.Figure) error { return w.encs[1].Encode(f) }); err != nil {
		return fmt.Errorf("write %s: %w", w.files[1].final, err)
	}
	if err := edits.Each(func(e schema.Edit) error { return w.encs[2].Encode(e) }); err != nil {
		return fmt.Errorf("write %s: %w", w.files[2].final, err)
	}
	return nil
}

func (w *jsonlWriter) Close() error {
	for i, f := range w.files {
		if err := w.bufs[i].Flush(); err != nil {
			w.Abort()
			return fmt.Errorf("write %s: %w", f.final, err)
		}
	}
	return commitAll(w.files[:])
}

func (w *jsonlWriter) Abort() { abortAll(w.files[:]) }

// streamTextBytes is the text size from which a documents row is written in
// pieces: json.Encoder builds the whole line in memory, twice the clean
// text of a large document (text and text_original_script) and more while
// its buffer grows.
const streamTextBytes = 1 << 20

// textKeys is how the two text columns stand in a row whose texts are
// empty: one after the other (schema.Document's field order). Quotes inside
// values are escaped, so this is found only as the keys.
const textKeys = `"text":"","text_original_script":""`

// writeDocJSON writes d as enc.Encode would, byte for byte, without holding
// the encoded texts in memory: the row with empty texts is encoded, and
// the texts are escaped into w piece by piece where they belong.
func writeDocJSON(w io.Writer, enc *json.Encoder, d schema.Document) error {
	if d.Spilled == nil && len(d.Text)+len(d.TextOriginalScript) < streamTextBytes {
		return enc.Encode(d)
	}
	texts := d.Spilled
	if texts == nil {
		texts = &schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}
	}
	d.Text, d.TextOriginalScript, d.Spilled = "", "", nil
	var head bytes.Buffer
	henc := json.NewEncoder(&head)
	henc.SetEscapeHTML(false)
	if err := henc.Encode(d); err != nil {
		return err
	}
	line := head.Bytes()
	at := bytes.Index(line, []byte(textKeys))
	if at < 0 {
		return fmt.Errorf("documents row: text columns not found")
	}
	if _, err := w.Write(line[:at]); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `"text":`); err != nil {
		return err
	}
	if err := writeJSONString(w, texts.Text); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"text_original_script":`); err != nil {
		return err
	}
	if err := writeJSONString(w, texts.Original); err != nil {
		return err
	}
	_, err := w.Write(line[at+len(textKeys):])
	return err
}

// writeJSONString writes s as a JSON string as encoding/json (HTML
// escaping off) writes it, encoding pieces of about 256 KB. JSON escapes
// character by character, and the pieces are cut before a byte that
// begins a character, so the pieces' escapes are the whole's.
func writeJSONString(w io.Writer, s schema.LargeText) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if _, err := io.WriteString(w, `"`); err != nil {
		return err
	}
	err := schema.EachPiece(s, 256<<10, func(p string) error {
		buf.Reset()
		if err := enc.Encode(p); err != nil {
			return err
		}
		b := buf.Bytes()
		// Encode wrote "…"\n: the piece's escapes are between the quotes.
		_, err := w.Write(b[1 : len(b)-2])
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, `"`)
	return err
}

// memText is a text held in memory, read as a LargeText.
type memText string

func (m memText) Len() int64           { return int64(len(m)) }
func (m memText) NewReader() io.Reader { return strings.NewReader(string(m)) }
