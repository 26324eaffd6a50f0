package sink

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestColumnIndexBoundsValues checks every column index the writer leaves
// in a file against the pages it describes: a page that holds values must
// have a min and max that bound them, or readers that prune pages with
// the page index (hyparquet's usePageIndex, DataFusion, parquet-mr) skip
// pages a filter needs. The free-text columns, whose bounds the writer
// skips, must have no column index at all (parquet-go wrote one claiming
// every value was the empty string), but keep their offset index; the
// other columns keep theirs, unchanged by the rewrite of the page index.
func TestColumnIndexBoundsValues(t *testing.T) {
	long := strings.Repeat("全省新改建农村公路一万公里，投资12.5亿元。\n", 2000)
	// Titles and sources past the index's 16 bytes, cut by parquet-go in
	// the middle of a character (the 16th byte of the first title is the
	// first of 路), at the end of one, and in ASCII.
	docs := []schema.Document{
		{DocID: "a", Source: "a.txt", Status: schema.StatusOK, Text: "短文本", TextOriginalScript: "短文本", Encoding: "utf-8", Bytes: 9,
			Title: "新能源货车路权放开，城市配送迎来新变化", Publisher: "齐鲁晚报·齐鲁壹点"},
		{DocID: "b", Source: "b/长长长长长长长长长长.txt", Status: schema.StatusFailed, Error: "bad",
			Title: "2023年交通运输工作报告全文", Publisher: "ab交通运输厅交通运输厅"},
	}
	large := schema.Document{DocID: "c", Source: "c.txt", Status: schema.StatusOK, Title: "报告", Bytes: 1 << 20}
	largeTexts := schema.SpilledTexts{Text: memText(long), Original: memText(strings.ToUpper(long) + "z")}
	after := []schema.Document{{DocID: "d", Source: "d.txt", Status: schema.StatusOK, Text: "后文", TextOriginalScript: "後文"}}
	figs := []schema.Figure{
		{DocID: "a", FigureID: "a-1", Kind: "road_length", Value: 1e4, Sentence: "全省新改建农村公路一万公里。", Raw: "一万公里"},
		{DocID: "a", FigureID: "a-2", Kind: "investment", Value: 1.25e9, Sentence: "", Raw: "12.5亿元"},
	}
	edits := []schema.Edit{
		{DocID: "a", Stage: "pinyin", Seq: 1, Old: "(gōng lù)", New: "", Reason: "reading"},
		{DocID: "a", Stage: "mojibake", Seq: 2, Old: "锟斤拷", New: "\ufffd", Reason: "lost"},
	}
	tests := []struct {
		name  string
		write func(w io.Writer, keep bool) error
		rows  int64
	}{
		{"documents with a large row between small ones", func(w io.Writer, keep bool) error {
			tb := NewParquetTable[schema.Document](w, "documents")
			tb.keepTextIndexes = keep
			d := large
			d.Spilled = &largeTexts
			return errors.Join(tb.Write(docs, 1), writeLargeDocument(tb, d, largeTexts), tb.Write(after, 1), tb.Close())
		}, 4},
		{"documents starting with a large row", func(w io.Writer, keep bool) error {
			tb := NewParquetTable[schema.Document](w, "documents")
			tb.keepTextIndexes = keep
			d := large
			d.Spilled = &largeTexts
			return errors.Join(writeLargeDocument(tb, d, largeTexts), tb.Write(docs, rowGroupBytes), tb.Write(after, 1), tb.Close())
		}, 4},
		{"figures", func(w io.Writer, keep bool) error {
			tb := NewParquetTable[schema.Figure](w, "figures")
			tb.keepTextIndexes = keep
			return errors.Join(tb.Write(figs, rowGroupBytes), tb.Write(figs[:1], 1), tb.Close())
		}, 3},
		{"edits", func(w io.Writer, keep bool) error {
			tb := NewParquetTable[schema.Edit](w, "edits")
			tb.keepTextIndexes = keep
			return errors.Join(tb.Write(edits, 1), tb.Close())
		}, 2},
		{"no rows", func(w io.Writer, keep bool) error {
			tb := NewParquetTable[schema.Edit](w, "edits")
			tb.keepTextIndexes = keep
			return tb.Close()
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf, kept bytes.Buffer
			if err := tc.write(&buf, false); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&kept, true); err != nil {
				t.Fatal(err)
			}
			f := openParquet(t, buf.Bytes())
			if f.NumRows() != tc.rows {
				t.Fatalf("%d rows, want %d", f.NumRows(), tc.rows)
			}
			k := openParquet(t, kept.Bytes())
			cis, ois := f.ColumnIndexes(), f.OffsetIndexes()
			kcis := k.ColumnIndexes()
			for i, rg := range f.RowGroups() {
				chunks := rg.ColumnChunks()
				for j, cc := range f.Metadata().RowGroups[i].Columns {
					col := cc.MetaData.PathInSchema[0]
					n := i*len(chunks) + j
					if len(ois[n].PageLocations) == 0 {
						t.Errorf("row group %d column %s: no offset index", i, col)
					}
					if slices.Contains(blobColumns, col) {
						if cc.ColumnIndexOffset != 0 || cc.ColumnIndexLength != 0 {
							t.Errorf("row group %d column %s: column index of %d bytes at %d, want none", i, col, cc.ColumnIndexLength, cc.ColumnIndexOffset)
						}
						continue
					}
					if cc.ColumnIndexLength == 0 {
						t.Errorf("row group %d column %s: lost its column index", i, col)
						continue
					}
					if cc.MetaData.Type != format.ByteArray {
						if g, w := jsonOf(t, cis[n]), jsonOf(t, kcis[n]); g != w {
							t.Errorf("row group %d column %s: column index changed in the rewrite:\n got %s\nwant %s", i, col, g, w)
						}
						continue
					}
					// Strings: bounds valid values of the type.
					for p := range cis[n].MinValues {
						if lo, hi := cis[n].MinValues[p], cis[n].MaxValues[p]; !utf8.Valid(lo) || !utf8.Valid(hi) {
							t.Errorf("row group %d column %s page %d: bounds %q..%q are not UTF-8", i, col, p, lo, hi)
						}
					}
				}
				// Every column index left must bound its pages' values.
				for j, chunk := range chunks {
					if f.Metadata().RowGroups[i].Columns[j].ColumnIndexLength == 0 {
						continue
					}
					checkPageBounds(t, chunk, f.Metadata().RowGroups[i].Columns[j].MetaData.PathInSchema[0])
				}
			}
			// The values are those of the file with the indexes kept.
			if g, w := dumpRows(t, f), dumpRows(t, k); g != w {
				t.Errorf("rows differ from those of the file as parquet-go wrote it")
			}
		})
	}
}

func openParquet(t *testing.T, b []byte) *parquet.File {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkPageBounds fails if a page holding values has a column index min
// above its smallest value or max below its largest.
func checkPageBounds(t *testing.T, chunk parquet.ColumnChunk, col string) {
	t.Helper()
	idx, err := chunk.ColumnIndex()
	if err != nil {
		t.Fatalf("column %s: %v", col, err)
	}
	typ := chunk.Type()
	pages := chunk.Pages()
	defer pages.Close()
	p := 0
	for ; ; p++ {
		page, err := pages.ReadPage()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("column %s page %d: %v", col, p, err)
		}
		lo, hi, ok := page.Bounds()
		if ok && !idx.NullPage(p) {
			if typ.Compare(idx.MinValue(p), lo) > 0 || typ.Compare(idx.MaxValue(p), hi) < 0 {
				t.Errorf("column %s page %d: column index bounds %q..%q, values %q..%q", col, p, idx.MinValue(p), idx.MaxValue(p), lo, hi)
			}
		}
		parquet.Release(page)
	}
	if n := idx.NumPages(); n != p {
		t.Errorf("column %s: column index of %d pages, chunk has %d", col, n, p)
	}
}

// dumpRows returns every row of f, in order, as text.
func dumpRows(t *testing.T, f *parquet.File) string {
	t.Helper()
	var sb strings.Builder
	for _, r := range allRows(t, f) {
		fmt.Fprintf(&sb, "%v", r)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// allRows returns every row of f, in order.
func allRows(t *testing.T, f *parquet.File) []parquet.Row {
	t.Helper()
	var out []parquet.Row
	for _, rg := range f.RowGroups() {
		rows := rg.Rows()
		buf := make([]parquet.Row, 16)
		for {
			n, err := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				out = append(out, r.Clone())
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
	}
	return out
}

// columnIndexes maps the leaf column index of each of cols in f to its name.
func columnIndexes(t *testing.T, f *parquet.File, cols []string) map[int]string {
	t.Helper()
	idx := map[int]string{}
	for _, c := range cols {
		leaf, ok := f.Schema().Lookup(c)
		if !ok {
			t.Fatalf("no column %s", c)
		}
		idx[leaf.ColumnIndex] = c
	}
	return idx
}

func TestUTF8Bounds(t *testing.T) {
	tests := []struct {
		name   string
		max    string // parquet-go's max: a value's first bytes, the last raised
		want   string
		wantOK bool
	}{
		{"valid stays", "新能源货车路", "新能源货车路", true},
		{"cut through a character", "新能源货车\xe9", "新能源货" + string(rune('车'+1)), true},
		{"ASCII raised past 0x7f", "ab\x80", "ac", true},
		{"continuation raised past 0xbf", "新\xe8\xb7\xc0", "斱", true},
		{"below the surrogates", "\ud7ff\xe0", "\ue000", true},
		{"last code point carries", "a\U0010ffff\xf0", "b", true},
		{"nothing to raise", "\U0010ffff\xf0", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := utf8UpperBound([]byte(tc.max))
			if ok != tc.wantOK || string(got) != tc.want {
				t.Errorf("utf8UpperBound(%q) = %q, %v, want %q, %v", tc.max, got, ok, tc.want, tc.wantOK)
			}
			if ok && !utf8.Valid(got) {
				t.Errorf("utf8UpperBound(%q) = %q, not UTF-8", tc.max, got)
			}
		})
	}
	if got := string(wholeRunes([]byte("新能源货车\xe8\xb7"))); got != "新能源货车" {
		t.Errorf("wholeRunes = %q, want 新能源货车", got)
	}
}
