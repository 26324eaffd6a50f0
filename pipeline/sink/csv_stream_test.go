package sink

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestCSVDocStreams: a documents row whose texts are spilled (or large) is
// written in pieces, byte for byte as encoding/csv writes the record,
// whatever the texts start with (a formula guard, a space that makes
// encoding/csv quote, `\.`) and hold (quotes, commas, line ends).
func TestCSVDocStreams(t *testing.T) {
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	big := func(start, body string) string {
		var b strings.Builder
		b.WriteString(start)
		for b.Len() < 2<<20 {
			b.WriteString(body)
		}
		return b.String()
	}
	plain := "全省新改建农村公路一万公里"
	tests := []struct{ name, text, orig string }{
		{"no cell needs quotes", big("公路", plain), big("農村", "農村公路")},
		{"quotes, commas and line ends", big("公路", plain+"，\"引号\",\r\n"), big("\"", plain)},
		{"comma only", big("a", plain+","), big("b", plain)},
		{"formula guards", big("=SUM(A1)", plain), big("-1", plain+"\"")},
		{"guard of a guard", big("'", plain), big("@", plain)},
		{"leading spaces", big(" ", plain), big("\u3000", plain)},
		{"guarded space", big("\t", plain), big("\r", plain+"\n")},
		{"short and empty texts", "", `\.`},
		{"one and two bytes", "a", "=1"},
		{"invalid UTF-8 first", big("\xff", plain), big("\xe4\xb8", plain)},
		{"one space", " ", "\u3000"},
	}
	small := schema.Document{DocID: "s", Source: "s.txt", Status: "ok", Text: "短,文", TextOriginalScript: "短\"文"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := schema.Document{DocID: "d", Source: `a,"b".txt`, Status: "ok", Title: " 标题", Warning: "=w",
				PublishedAt: &now, Bytes: 9, Text: tc.text, TextOriginalScript: tc.orig}
			var want bytes.Buffer
			cw := csv.NewWriter(&want)
			for _, row := range []schema.Document{small, d, small} {
				if err := cw.Write(docRecord(row)); err != nil {
					t.Fatal(err)
				}
			}
			cw.Flush()
			spilled := d
			spilled.Text, spilled.TextOriginalScript = "", ""
			spilled.Spilled = &schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}
			for _, row := range []schema.Document{d, spilled} {
				var got bytes.Buffer
				bw := bufio.NewWriter(&got)
				w := &csvWriter{bufs: [3]*bufio.Writer{bw}, csvs: [3]*csv.Writer{csv.NewWriter(bw)}}
				for _, r := range []schema.Document{small, row, small} {
					if err := w.writeDoc(r); err != nil {
						t.Fatal(err)
					}
				}
				w.csvs[0].Flush()
				bw.Flush()
				sameLine(t, 0, got, want)
			}
		})
	}
}
