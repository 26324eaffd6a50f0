// Package stages adapts zhextract's single-purpose packages (decode,
// htmltext, chrome, mojibake, pinyin, opencc, extractors) to the pipeline's
// Stage interface and assembles them in order.
package stages

import (
	"context"
	"io"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Decode turns input bytes into UTF-8 text.
type Decode struct {
	Decoder *decode.Decoder
	// Charset reads the charset a page declares; nil means none is read.
	Charset func([]byte) string
	// Stream tunes the streaming of a large file that is not UTF-8
	// throughout (tests set a small piece).
	Stream decode.StreamOptions
}

// Name implements pipeline.Stage.
func (Decode) Name() string { return "decode" }

// Apply implements pipeline.Stage.
func (s Decode) Apply(ctx context.Context, d *pipeline.Document) error {
	if d.Item.Format == ingest.FormatPDF {
		return nil // read by the PDF stage
	}
	if l := d.Item.Large; l != nil {
		// A large file is streamed to a temporary file when it is UTF-8
		// throughout (in one pass), or GB18030, Big5 or lines of those and
		// UTF-8 (in three), and read whole as any other input otherwise.
		defer l.Close()
		ok, err := d.SetDecodedLarge(func(w io.Writer) (string, []textedit.Edit, bool, error) {
			r, ok, err := decode.DecodeStream(l.NewReader(), w)
			return r.Encoding, r.Edits, ok, err
		})
		if err != nil || ok {
			return err
		}
		ok, err = d.SetDecodedStream(func(w io.Writer, edit func(textedit.Edit) error) (string, bool, error) {
			return s.Decoder.DecodeStreamLines(ctx, l.NewReader, d.Item.Charset, w, edit, s.Stream)
		})
		if err != nil || ok {
			return err
		}
		if d.Item.Data, err = l.ReadAll(); err != nil {
			return err
		}
	}
	declared := func() string {
		meta := ""
		if d.Item.Format == ingest.FormatHTML && s.Charset != nil {
			meta = s.Charset(d.Item.Data)
		}
		return decode.FirstDeclared(d.Item.Charset, meta)
	}
	// The item's bytes are never changed once read: valid UTF-8 text
	// shares them.
	r, err := s.Decoder.DecodeShared(d.Item.Data, declared)
	if err != nil {
		// The runner prefixes the stage's name ("decode: …").
		return err
	}
	d.Encoding = r.Encoding
	if d.Item.Transcoded != "" && r.Encoding == "utf-8" {
		// A UTF-16 or UTF-32 JSONL file reached here as UTF-8.
		d.Encoding = d.Item.Transcoded
	}
	d.SetDecoded(r.Text, r.Edits)
	return nil
}
