package sink

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestWriteDocJSONStreams: a documents row with large texts is written in
// pieces, byte for byte as json.Encoder writes it, whatever the texts hold
// (escapes, invalid UTF-8, U+2028, characters across a piece boundary).
func TestWriteDocJSONStreams(t *testing.T) {
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	pieces := []string{"公路建设", "\"quoted\" \\ back", "<html>&amp;", "\n\r\t\b\f\x01\x1f", "\u2028\u2029", "\xe4\xb8", "\xff", "x", "😀", "é"}
	for i, step := range []int{1, 3, 7} {
		var b strings.Builder
		for k := 0; b.Len() < 3<<20; k += step {
			b.WriteString(pieces[k%len(pieces)])
		}
		text := b.String()
		d := schema.Document{DocID: "d", Source: `a"text":"","text_original_script":"".txt`, Status: "ok", Title: schema.NullString(`"text":""`),
			PublishedAt: &now, Bytes: 9, Text: text, TextOriginalScript: text[1:] + "尾"}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
		// The texts in memory, and kept outside it (spilled, read as a
		// stream): the same line.
		spilled := d
		spilled.Text, spilled.TextOriginalScript = "", ""
		spilled.Spilled = &schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}
		for _, row := range []schema.Document{d, spilled} {
			var got bytes.Buffer
			if err := writeDocJSON(&got, enc, row); err != nil {
				t.Fatal(err)
			}
			sameLine(t, i, got, want)
		}
	}
}

func sameLine(t *testing.T, i int, got, want bytes.Buffer) {
	t.Helper()
	if bytes.Equal(got.Bytes(), want.Bytes()) {
		return
	}
	n := 0
	for n < min(got.Len(), want.Len()) && got.Bytes()[n] == want.Bytes()[n] {
		n++
	}
	t.Fatalf("case %d: differs at byte %d: got %q, want %q", i, n, got.Bytes()[n:min(got.Len(), n+60)], want.Bytes()[n:min(want.Len(), n+60)])
}
