package stages

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// splitCorpus builds a multi-megabyte text document from the repository's
// texts: the seeds (raw, with their chrome) and their clean versions, in
// rotating order, each a section of the document.
func splitCorpus(t *testing.T, size int) []byte {
	t.Helper()
	var texts [][]byte
	for _, pat := range []string{"../../testdata/seeds/*.txt", "../../testdata/extractors/seeds-clean/*.txt"} {
		files, err := filepath.Glob(pat)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", pat, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b)
		}
	}
	var b []byte
	for i := 0; len(b) < size; i++ {
		b = append(b, texts[(i*7)%len(texts)]...)
		b = append(b, "\n\n"...)
	}
	return b
}

// processWith runs one document through the stages with the given chunk
// size and returns it with its rows.
func processWith(t *testing.T, chunk int, data []byte) *pipeline.Document {
	t.Helper()
	return processConvert(t, chunk, "", data)
}

func processConvert(t *testing.T, chunk int, convert string, data []byte) *pipeline.Document {
	t.Helper()
	st, err := Build(Options{ChunkBytes: chunk, Convert: convert})
	if err != nil {
		t.Fatal(err)
	}
	it := ingest.Item{Source: "big.txt", ID: ingest.DocID("big.txt"), Data: data, Format: ingest.FormatText}
	d := pipeline.Process(context.Background(), it, st, nil)
	if d.Err != nil {
		t.Fatal(d.Err)
	}
	return d
}

// sameRows fails unless the two documents give identical rows.
func sameRows(t *testing.T, whole, split *pipeline.Document) {
	t.Helper()
	wd, wf, we := whole.Rows()
	sd, sf, se := split.Rows()
	if sd.Spilled == nil {
		t.Fatal("split document's texts were not spilled")
	}
	sd, err := sd.Materialize()
	if err != nil {
		t.Fatal(err)
	}
	if wd.Text != sd.Text {
		i := 0
		for i < min(len(wd.Text), len(sd.Text)) && wd.Text[i] == sd.Text[i] {
			i++
		}
		t.Fatalf("text differs at byte %d: whole %q, split %q", i, wd.Text[i:min(len(wd.Text), i+80)], sd.Text[i:min(len(sd.Text), i+80)])
	}
	if !reflect.DeepEqual(wd, sd) {
		t.Errorf("documents row differs:\nwhole %+v\nsplit %+v", trimDoc(wd.Text), trimDoc(sd.Text))
		wd.Text, sd.Text, wd.TextOriginalScript, sd.TextOriginalScript = "", "", "", ""
		t.Errorf("whole %+v\nsplit %+v", wd, sd)
	}
	if len(wf) != len(sf) {
		t.Errorf("%d figures whole, %d split", len(wf), len(sf))
	}
	for i := range min(len(wf), len(sf)) {
		if !reflect.DeepEqual(wf[i], sf[i]) {
			t.Errorf("figure %d differs:\nwhole %+v\nsplit %+v", i, wf[i], sf[i])
			break
		}
	}
	if len(we) != len(se) {
		t.Errorf("%d edits whole, %d split", len(we), len(se))
	}
	for i := range min(len(we), len(se)) {
		if !reflect.DeepEqual(we[i], se[i]) {
			t.Errorf("edit %d differs:\nwhole %+v\nsplit %+v", i, we[i], se[i])
			break
		}
	}
}

func trimDoc(s string) string { return s[:min(len(s), 40)] }

// TestSplitMatchesWhole: a multi-megabyte document made of the repository's
// texts gives the same documents row, figures and edits processed in small
// chunks as processed whole.
func TestSplitMatchesWhole(t *testing.T) {
	data := splitCorpus(t, 3<<20)
	whole := processWith(t, -1, data)
	if whole.Chunks != 0 {
		t.Fatalf("processed whole in %d chunks", whole.Chunks)
	}
	// 1 byte: a cut after every anchor line of the document.
	for _, chunk := range []int{1, 16 << 10, 100 << 10} {
		split := processWith(t, chunk, data)
		lo, hi := len(data)/chunk/4, 2*len(data)/chunk+1
		if chunk == 1 {
			lo = 1000 // the seeds hold dozens of anchor lines each
		}
		if split.Chunks < lo || split.Chunks > hi {
			t.Fatalf("chunk size %d: %d chunks for %d bytes", chunk, split.Chunks, len(data))
		}
		sameRows(t, whole, split)
	}
}

// TestSplitLegacyEncoding: a GBK document split in chunks is decoded as a
// whole (one encoding) and maps every figure to the same input bytes.
func TestSplitLegacyEncoding(t *testing.T) {
	utf := splitCorpus(t, 1<<20)
	gbk, err := os.ReadFile("../../testdata/examples/gbk-interview.txt")
	if err != nil {
		t.Fatal(err)
	}
	data := append(append([]byte{}, gbk...), "\n\n"...)
	data = append(data, utf...)
	whole := processWith(t, -1, data)
	split := processWith(t, 16<<10, data)
	if split.Chunks < 2 {
		t.Fatalf("%d chunks", split.Chunks)
	}
	if !strings.Contains(whole.Encoding, "gb18030") {
		t.Fatalf("encoding %q", whole.Encoding)
	}
	sameRows(t, whole, split)
}

// TestSplitOtherScript: with a conversion other than t2s the extractors
// read the t2s form of each chunk's original text; the split document's
// rows are still the whole one's.
func TestSplitOtherScript(t *testing.T) {
	data := splitCorpus(t, 1<<20)
	whole := processConvert(t, -1, "s2twp", data)
	split := processConvert(t, 16<<10, "s2twp", data)
	if split.Chunks < 10 {
		t.Fatalf("%d chunks", split.Chunks)
	}
	sameRows(t, whole, split)
}

// TestSplitGarbledLine: a line of Big5 bytes read as GBK in the middle of
// a split document is repaired as in the whole one, and the page state it
// leaves (garbled: later windows skip the gate) reaches the later chunks.
func TestSplitGarbledLine(t *testing.T) {
	b5, err := traditionalchinese.Big5.NewEncoder().String("交通運輸局發布年度報告，全市新建農村公路一百二十公里，完成投資三億元。")
	if err != nil {
		t.Fatal(err)
	}
	garbled, err := simplifiedchinese.GBK.NewDecoder().String(b5)
	if err != nil {
		t.Fatal(err)
	}
	clean := splitCorpus(t, 1<<20)
	half := bytes.LastIndex(clean[:len(clean)/2], []byte("\n\n")) + 2
	data := append(append(append([]byte{}, clean[:half]...), "本市消息："+garbled+"\n\n"...), clean[half:]...)
	whole := processWith(t, -1, data)
	if whole.Repairs == 0 {
		t.Fatalf("the garbled line was not repaired")
	}
	split := processWith(t, 16<<10, data)
	if split.Chunks < 10 {
		t.Errorf("%d chunks", split.Chunks)
	}
	sameRows(t, whole, split)
}

// TestSplitStreamed: a large file handed to the stages open (not read) is
// streamed to a temporary file when it is UTF-8, read whole when it is
// not, and gives the rows of the same bytes read into memory either way.
func TestSplitStreamed(t *testing.T) {
	utf := splitCorpus(t, 1<<20)
	gbk, err := os.ReadFile("../../testdata/examples/gbk-interview.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf-8":               utf,
		"byte order mark":     append([]byte("\xef\xbb\xbf"), utf...),
		"a gbk section":       append(append(append([]byte{}, utf[:len(utf)/2]...), gbk...), utf[len(utf)/2:]...),
		"utf-8 without a cut": bytes.Repeat([]byte("全市公路建设稳步推进，"), 100000),
	} {
		path := filepath.Join(t.TempDir(), "big.txt")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var items []ingest.Item
		err := ingest.Read(context.Background(), path, nil, ingest.Options{StreamBytes: 64 << 10}, func(it ingest.Item) error {
			items = append(items, it)
			return nil
		})
		if err != nil || len(items) != 1 {
			t.Fatalf("%s: %d items, %v", name, len(items), err)
		}
		it := items[0]
		if it.Large == nil || it.Data != nil {
			t.Fatalf("%s: the file was read, not handed on open", name)
		}
		it.Source, it.ID = "big.txt", ingest.DocID("big.txt")
		st, err := Build(Options{ChunkBytes: 16 << 10})
		if err != nil {
			t.Fatal(err)
		}
		split := pipeline.Process(context.Background(), it, st, nil)
		if split.Err != nil {
			t.Fatalf("%s: %v", name, split.Err)
		}
		whole := processWith(t, -1, data)
		if name == "utf-8 without a cut" {
			if split.Chunks != 0 {
				t.Errorf("%s: %d chunks", name, split.Chunks)
			}
			wd, wf, we := whole.Rows()
			sd, sf, se := split.Rows()
			if !reflect.DeepEqual(wd, sd) || !reflect.DeepEqual(wf, sf) || !reflect.DeepEqual(we, se) {
				t.Errorf("%s: rows differ from the file read whole", name)
			}
			continue
		}
		if split.Chunks < 10 {
			t.Errorf("%s: %d chunks", name, split.Chunks)
		}
		sameRows(t, whole, split)
	}
}
