package sink

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestLargeDocumentMatches checks that a row written with streamed text
// pages reads back as the row parquet-go writes itself, with the same
// metadata (statistics, encodings, page indexes) apart from where the
// pages are and how many compressed bytes they take.
func TestLargeDocumentMatches(t *testing.T) {
	long := strings.Repeat("全省新改建农村公路一万公里，投资12.5亿元。\n", 3000)
	trad := strings.Repeat("全省新改建農村公路一萬公里，投資12.5億元。\n", 3000)
	title := "2023年交通运输工作报告"
	shared := memText(long)
	tests := []struct {
		name  string
		doc   schema.Document
		texts schema.SpilledTexts
	}{
		{"one text file for both columns",
			schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusOK, Encoding: "utf-8", Script: "simplified", Bytes: 1 << 20, Chars: 9, Figures: 3},
			schema.SpilledTexts{Text: shared, Original: shared}},
		{"different scripts",
			schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusOK, Encoding: "big5", Script: "traditional", Title: schema.NullString(title)},
			schema.SpilledTexts{Text: memText(long), Original: memText(trad)}},
		{"empty texts",
			schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusFailed, Error: "too large"},
			schema.SpilledTexts{Text: memText(""), Original: memText("")}},
		{"text starting with a character cut at a piece boundary",
			schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusOK, Warning: "w"},
			schema.SpilledTexts{Text: memText("x" + long), Original: memText(trad + "y")}},
	}
	before := []schema.Document{
		{DocID: "a", Source: "a.txt", Status: schema.StatusOK, Text: "短文本", TextOriginalScript: "短文本", Encoding: "utf-8"},
		{DocID: "b", Source: "b.txt", Status: schema.StatusFailed, Error: "bad"},
	}
	after := []schema.Document{
		{DocID: "c", Source: "c.txt", Status: schema.StatusOK, Text: "后文", TextOriginalScript: "後文", Script: "traditional"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// What the writer wrote before: the row held whole, with row
			// groups cut where the streamed row cuts them.
			whole := tc.doc
			whole.Text = readTestText(t, tc.texts.Text)
			whole.TextOriginalScript = readTestText(t, tc.texts.Original)
			var want bytes.Buffer
			wt := NewParquetTable[schema.Document](&want, "documents")
			for _, rows := range [][]schema.Document{before, {whole}, after} {
				if err := wt.Write(rows, 1); err != nil {
					t.Fatal(err)
				}
				if err := wt.w.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			if err := wt.Close(); err != nil {
				t.Fatal(err)
			}

			var got bytes.Buffer
			gt := NewParquetTable[schema.Document](&got, "documents")
			if err := gt.Write(before, 1); err != nil {
				t.Fatal(err)
			}
			spilled := tc.doc
			spilled.Spilled = &tc.texts
			if err := writeLargeDocument(gt, spilled, tc.texts); err != nil {
				t.Fatal(err)
			}
			if err := gt.Write(after, 1); err != nil {
				t.Fatal(err)
			}
			if err := gt.Close(); err != nil {
				t.Fatal(err)
			}

			wantRows, gotRows := readDocs(t, want.Bytes()), readDocs(t, got.Bytes())
			if len(gotRows) != len(wantRows) {
				t.Fatalf("%d rows, want %d", len(gotRows), len(wantRows))
			}
			for i := range wantRows {
				w, _ := json.Marshal(wantRows[i])
				g, _ := json.Marshal(gotRows[i])
				if !bytes.Equal(g, w) {
					t.Errorf("row %d differs:\n got %.300s\nwant %.300s", i, g, w)
				}
			}
			if g, w := layoutFree(t, got.Bytes()), layoutFree(t, want.Bytes()); g != w {
				t.Errorf("metadata differs beyond page places and compressed sizes:\n got %s\nwant %s", g, w)
			}
		})
	}
}

func readTestText(t *testing.T, s schema.LargeText) string {
	t.Helper()
	b, err := io.ReadAll(s.NewReader())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readDocs(t *testing.T, b []byte) []schema.Document { return readRows[schema.Document](t, b) }

// readRows reads every row of the Parquet file b.
func readRows[T any](t *testing.T, b []byte) []T {
	t.Helper()
	r := parquet.NewGenericReader[T](bytes.NewReader(b))
	defer r.Close()
	rows := make([]T, r.NumRows())
	n, err := r.Read(rows)
	if err != nil && err != io.EOF {
		t.Fatal(err)
	}
	return rows[:n]
}

// layoutFree returns a file's footer, page indexes and data page headers
// with the fields that depend on where pages are and how well they
// compressed set to zero: what a reader sees of the file besides values.
func layoutFree(t *testing.T, b []byte) string {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	md := *f.Metadata()
	md.RowGroups = append([]format.RowGroup(nil), md.RowGroups...)
	var headers []format.PageHeader
	for i := range md.RowGroups {
		rg := &md.RowGroups[i]
		rg.Columns = append([]format.ColumnChunk(nil), rg.Columns...)
		rg.FileOffset, rg.TotalCompressedSize, rg.TotalByteSize = 0, 0, 0
		for j := range rg.Columns {
			c := &rg.Columns[j]
			h, body := pageAt(t, b, c.MetaData.DataPageOffset)
			if got := int32(crc32.ChecksumIEEE(body)); got != h.CRC {
				t.Errorf("column %s: page checksum %x, header says %x", c.MetaData.PathInSchema[0], got, h.CRC)
			}
			h.CompressedPageSize, h.CRC = 0, 0
			headers = append(headers, h)
			c.MetaData.DataPageOffset, c.MetaData.DictionaryPageOffset = 0, 0
			c.MetaData.TotalCompressedSize, c.MetaData.TotalUncompressedSize = 0, 0
			c.ColumnIndexOffset, c.OffsetIndexOffset, c.OffsetIndexLength = 0, 0, 0
		}
	}
	ois := append([]format.OffsetIndex(nil), f.OffsetIndexes()...)
	for i := range ois {
		locs := append([]format.PageLocation(nil), ois[i].PageLocations...)
		for j := range locs {
			locs[j].Offset, locs[j].CompressedPageSize = 0, 0
		}
		ois[i].PageLocations = locs
	}
	out, err := json.Marshal([]any{md, f.ColumnIndexes(), ois, headers})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// pageAt returns the header of the page at off in file b, and its
// (compressed) data.
func pageAt(t *testing.T, b []byte, off int64) (format.PageHeader, []byte) {
	t.Helper()
	var h format.PageHeader
	r := bytes.NewReader(b[off:])
	if err := thrift.NewDecoder(new(thrift.CompactProtocol).NewReader(r)).Decode(&h); err != nil {
		t.Fatal(err)
	}
	start := int64(len(b)) - int64(r.Len())
	return h, b[start : start+int64(h.CompressedPageSize)]
}

// genText is a large text made as it is read, without allocating: lines
// numbered so that it does not compress to nothing.
type genText struct {
	lines int
	size  int64
}

func newGenText(lines int) genText {
	g := genText{lines: lines}
	var buf []byte
	for i := range lines {
		buf = g.line(buf[:0], i)
		g.size += int64(len(buf))
	}
	return g
}

func (g genText) line(b []byte, i int) []byte {
	b = append(b, "第"...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, "行：全省新改建农村公路一万公里，投资"...)
	b = strconv.AppendInt(b, int64(i%977), 10)
	return append(b, "亿元。\n"...)
}

func (g genText) Len() int64 { return g.size }

func (g genText) NewReader() io.Reader { return &genReader{g: g, buf: make([]byte, 0, 256)} }

type genReader struct {
	g    genText
	i    int
	buf  []byte
	rest []byte
}

func (r *genReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.rest) == 0 {
			if r.i == r.g.lines {
				break
			}
			r.buf = r.g.line(r.buf[:0], r.i)
			r.rest = r.buf
			r.i++
		}
		k := copy(p[n:], r.rest)
		r.rest = r.rest[k:]
		n += k
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// TestLargeDocumentStreams fails if writing a large row allocates memory
// in proportion to its text: the text must go from its reader to the file
// in pieces (parquet-go's own path copies it whole three times; falling
// back to it, e.g. because its verbatim copy no longer applies, fails
// here).
func TestLargeDocumentStreams(t *testing.T) {
	text := newGenText(600_000) // about 40 MB
	size := text.Len()
	sum := sha256.New()
	io.Copy(sum, text.NewReader())
	out, err := os.Create(filepath.Join(t.TempDir(), "documents.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	// A small row first: what the codec and the writer set up once per
	// process is not what this test is about (run alone, without earlier
	// tests to do it, it was a MB over the bound).
	warm := newGenText(1000)
	wd := schema.Document{DocID: "w", Status: schema.StatusOK, Spilled: &schema.SpilledTexts{Text: warm, Original: warm}}
	if err := (&ParquetSet{docs: NewParquetTable[schema.Document](io.Discard, "documents")}).writeDoc(wd); err != nil {
		t.Fatal(err)
	}
	tb := NewParquetTable[schema.Document](out, "documents")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	d := schema.Document{DocID: "big", Source: "big.txt", Status: schema.StatusOK,
		Spilled: &schema.SpilledTexts{Text: text, Original: text}}
	ps := &ParquetSet{docs: tb}
	if err := ps.writeDoc(d); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms)
	allocated := int64(ms.TotalAlloc - before)
	// Streamed, the row allocates 4 MB; with other tests' goroutines
	// still winding down on a busy machine the count (process-wide) read
	// 5.8 MB once. A copy of the whole text would be 43 MB or more.
	if allocated > size/4 {
		t.Errorf("writing a %d MB text allocated %d MB", size>>20, allocated>>20)
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(out.Name())
	if err != nil {
		t.Fatal(err)
	}
	rows := readDocs(t, file)
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	for _, s := range []string{rows[0].Text, rows[0].TextOriginalScript} {
		if got := sha256.Sum256([]byte(s)); !bytes.Equal(got[:], sum.Sum(nil)) || int64(len(s)) != size {
			t.Errorf("text of %d bytes read back differs from the %d written", len(s), size)
		}
	}
	t.Logf("%d MB text: %.1f MB allocated, file %.1f MB", size>>20, float64(allocated)/(1<<20), float64(len(file))/(1<<20))
}

// BenchmarkLargeDocument writes one documents row with a 43 MB text (the
// same text in both columns, as a spilled simplified document has),
// streamed and, for comparison, held whole through parquet-go's own path.
// B/op is what the writer allocates for it.
func BenchmarkLargeDocument(b *testing.B) {
	text := newGenText(600_000)
	whole := readTestText(&testing.T{}, text)
	for _, bc := range []struct {
		name  string
		write func(tb *ParquetTable[schema.Document]) error
	}{
		{"streamed", func(tb *ParquetTable[schema.Document]) error {
			d := schema.Document{DocID: "big", Status: schema.StatusOK, Spilled: &schema.SpilledTexts{Text: text, Original: text}}
			return (&ParquetSet{docs: tb}).writeDoc(d)
		}},
		{"whole", func(tb *ParquetTable[schema.Document]) error {
			d := schema.Document{DocID: "big", Status: schema.StatusOK, Text: whole, TextOriginalScript: whole}
			return tb.Write([]schema.Document{d}, int64(2*len(whole)))
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(2 * text.Len())
			b.ReportAllocs()
			for b.Loop() {
				tb := NewParquetTable[schema.Document](io.Discard, "documents")
				if err := bc.write(tb); err != nil {
					b.Fatal(err)
				}
				if err := tb.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
