package sink

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/zhextract/zhextract/internal/buildinfo"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestParquetTableColumns checks the file options every output relies on:
// each column is zstd-compressed by the writer's codec, the free-text
// columns carry no min/max bounds (the writer would hold whole texts until
// the footer), and the other columns keep theirs for query pruning.
func TestParquetTableColumns(t *testing.T) {
	var buf bytes.Buffer
	tb := NewParquetTable[schema.Document](&buf, "documents")
	long := strings.Repeat("全省新改建农村公路一万公里。", 200)
	rows := []schema.Document{
		{DocID: "a", Source: "a.txt", Status: schema.StatusOK, Text: long, TextOriginalScript: long},
		{DocID: "b", Source: "b.txt", Status: schema.StatusOK, Text: "短文本", TextOriginalScript: "短文本"},
	}
	if err := tb.Write(rows, 1); err != nil {
		t.Fatal(err)
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if n := f.NumRows(); n != 2 {
		t.Fatalf("%d rows, want 2", n)
	}
	// created_by names the build (issue 16): the version as runtime/debug
	// reports it for this test binary.
	if got, want := f.Metadata().CreatedBy, "zhextract version "+buildinfo.Read().Version; !strings.HasPrefix(got, want) {
		t.Errorf("created_by %q, want it to start with %q", got, want)
	}
	for _, rg := range f.Metadata().RowGroups {
		for _, cc := range rg.Columns {
			md := cc.MetaData
			col := md.PathInSchema[len(md.PathInSchema)-1]
			if md.Codec != format.Zstd {
				t.Errorf("column %s: codec %v, want ZSTD", col, md.Codec)
			}
			hasBounds := len(md.Statistics.MinValue) > 0 || len(md.Statistics.MaxValue) > 0
			switch {
			case slices.Contains(blobColumns, col) && hasBounds:
				t.Errorf("column %s: has min/max statistics (%d bytes)", col, len(md.Statistics.MinValue)+len(md.Statistics.MaxValue))
			case col == "doc_id" && !hasBounds:
				t.Errorf("column %s: lost its min/max statistics", col)
			}
		}
	}
}

// TestZstdCodecRoundTrip: pages the codec compresses come back intact, also
// from several goroutines sharing it.
func TestZstdCodecRoundTrip(t *testing.T) {
	c := newZstdCodec()
	done := make(chan error, 4)
	for g := range 4 {
		go func() {
			src := []byte(strings.Repeat("交通运输 "+string(rune('a'+g)), 5000))
			enc, err := c.Encode(nil, src)
			if err == nil {
				var dec []byte
				if dec, err = c.Decode(nil, enc); err == nil && !bytes.Equal(dec, src) {
					err = errors.New("round trip changed the page")
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
