package sink

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestCSVSpilledTexts: a documents row whose texts are read from their
// files is written byte for byte as encoding/csv writes the texts whole,
// guarded and quoted or not (quotes, commas, line breaks, a leading
// formula character, tab or space, texts of one or two bytes).
func TestCSVSpilledTexts(t *testing.T) {
	long := strings.Repeat("全市新建农村公路1234公里，完成投资35亿元。", 20000) // pieces of 256 KB and more
	texts := []string{
		long,
		long + "\n第二段",
		`"引号"` + long,
		long + "a,b",
		"=SUM(A1)" + long,
		"-5公里" + long + "\r\n",
		"\t" + long,
		" " + long,
		"\u3000" + long,
		"'" + long + `"`,
		`\.`, "x", "=", "",
		"@" + long, "'" + long, "\r" + long + "\n", // guards of guards, a CR first
		"\xff" + long, "\xe4\xb8" + long, // invalid UTF-8 first
		" ", "\u3000", "a", "=1", // one space, one or two bytes
	}
	for i, text := range texts {
		d := schema.Document{DocID: "d", Source: "a,b.txt", Status: "ok", Title: "=标题", Bytes: 9, Text: text, TextOriginalScript: "原" + text}
		spilled := d
		spilled.Text, spilled.TextOriginalScript = "", ""
		spilled.Spilled = &schema.SpilledTexts{Text: memText(d.Text), Original: memText(d.TextOriginalScript)}
		var out [2][]byte
		for k, row := range []schema.Document{d, spilled} {
			dir := t.TempDir()
			w, err := newCSV(Naming{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(row, nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(schema.Document{DocID: "e", Status: "ok", Text: "after"}, nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out[k], err = os.ReadFile(filepath.Join(dir, "documents.csv")); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(out[0], out[1]) {
			n := 0
			for n < min(len(out[0]), len(out[1])) && out[0][n] == out[1][n] {
				n++
			}
			t.Errorf("text %d: differs at byte %d: whole %q, spilled %q", i, n, out[0][n:min(len(out[0]), n+40)], out[1][n:min(len(out[1]), n+40)])
		}
	}
}
