package stages

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
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
// streamed to a temporary file and gives the rows of the same bytes read
// into memory.
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
		it := openLarge(t, data)
		if it.Data != nil {
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

// openLarge writes data to a file and returns it as the item ingest hands
// on open.
func openLarge(t *testing.T, data []byte) ingest.Item {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var items []ingest.Item
	err := ingest.Read(context.Background(), path, nil, ingest.Options{StreamBytes: 64 << 10}, func(it ingest.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil || len(items) != 1 || items[0].Large == nil {
		t.Fatalf("%d items, %v, or not handed on open", len(items), err)
	}
	it := items[0]
	it.Source, it.ID = "big.txt", ingest.DocID("big.txt")
	return it
}

// checkStreamed fails unless the decode stage of st streams data to a
// temporary file (the text is then not in memory).
func checkStreamed(t *testing.T, st []pipeline.Stage, data []byte) {
	t.Helper()
	for _, s := range st {
		if dec, ok := s.(Decode); ok {
			d := &pipeline.Document{Item: openLarge(t, data)}
			if err := dec.Apply(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if d.Text != "" || d.Encoding == "" {
				t.Fatalf("decoded into memory (%d bytes, encoding %q), not streamed", len(d.Text), d.Encoding)
			}
			return
		}
	}
	t.Fatal("no decode stage")
}

// legacy encodes s with e, dropping the characters e cannot hold.
func legacy(t *testing.T, e encoding.Encoding, s []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, line := range bytes.SplitAfter(s, []byte("\n")) {
		out, err := e.NewEncoder().Bytes(line)
		if err != nil {
			out = nil
			for _, r := range string(line) {
				if c, err := e.NewEncoder().String(string(r)); err == nil {
					out = append(out, c...)
				}
			}
		}
		b.Write(out)
	}
	return b.Bytes()
}

// TestSplitStreamedLegacy: a large GB18030, Big5 or mixed file is decoded
// streamed, in pieces that cut characters (bytes no charset reads among
// them) at every position, and gives the rows of the same bytes decoded
// whole: text, encoding, figures with their input offsets, edits.
func TestSplitStreamedLegacy(t *testing.T) {
	utf := splitCorpus(t, 600<<10)
	gb := legacy(t, simplifiedchinese.GB18030, utf)
	b5 := legacy(t, traditionalchinese.Big5, utf)
	var damaged []byte
	for i := 0; i < len(gb); i += 4999 {
		damaged = append(damaged, gb[i:min(i+4999, len(gb))]...)
		damaged = append(damaged, "\x81\xff"[i%2:]...)
	}
	half := bytes.LastIndex(utf[:len(utf)/2], []byte("\n\n")) + 2
	mixed := append(append([]byte{}, utf[:half]...), gb[len(gb)/2:]...)
	tests := []struct {
		name, enc string
		data      []byte
		pieces    []int
		chunked   bool
	}{
		{"gb18030", "gb18030", gb, []int{61, 0}, true},
		{"big5", "big5", b5, []int{61}, false},
		{"damaged gb18030", "gb18030", damaged, []int{61, 4096}, true},
		{"utf-8 then gb18030", "utf-8+gb18030", mixed, []int{97}, true},
	}
	for _, tc := range tests {
		whole := processWith(t, -1, tc.data)
		// A short line of legacy bytes may read as UTF-8: "mixed" then.
		if !strings.Contains(whole.Encoding, tc.enc) {
			t.Fatalf("%s: whole encoding %q, want %q", tc.name, whole.Encoding, tc.enc)
		}
		for _, piece := range tc.pieces {
			st, err := Build(Options{ChunkBytes: 16 << 10, StreamPiece: piece})
			if err != nil {
				t.Fatal(err)
			}
			checkStreamed(t, st, tc.data)
			split := pipeline.Process(context.Background(), openLarge(t, tc.data), st, nil)
			if split.Err != nil {
				t.Fatalf("%s: %v", tc.name, split.Err)
			}
			if !tc.chunked {
				// The mojibake stage finds lines it reads across chunks:
				// processed whole after the streamed decoding.
				if split.Chunks != 0 {
					t.Errorf("%s: %d chunks", tc.name, split.Chunks)
				}
				sameRowsWhole(t, whole, split)
				continue
			}
			if split.Chunks < 10 {
				t.Errorf("%s: %d chunks", tc.name, split.Chunks)
			}
			sameRows(t, whole, split)
		}
	}
}

// sameRowsWhole fails unless two documents processed whole give identical
// rows.
func sameRowsWhole(t *testing.T, whole, other *pipeline.Document) {
	t.Helper()
	wd, wf, we := whole.Rows()
	od, of, oe := other.Rows()
	if len(wf) == 0 {
		t.Fatal("no figures")
	}
	if !reflect.DeepEqual(wd, od) || !reflect.DeepEqual(wf, of) || !reflect.DeepEqual(we, oe) {
		t.Errorf("rows differ from the file decoded whole")
	}
}

// TestStreamedLegacyWhole: a streamed GB18030 file that has no cut is
// processed whole after all and still maps its figures to input bytes
// through the spilled decode edits.
func TestStreamedLegacyWhole(t *testing.T) {
	data := legacy(t, simplifiedchinese.GB18030, bytes.Repeat([]byte("全市新建公路十二公里，投资三亿元，"), 20000))
	st, err := Build(Options{ChunkBytes: 16 << 10, StreamPiece: 61})
	if err != nil {
		t.Fatal(err)
	}
	checkStreamed(t, st, data)
	streamed := pipeline.Process(context.Background(), openLarge(t, data), st, nil)
	if streamed.Err != nil {
		t.Fatal(streamed.Err)
	}
	if streamed.Chunks != 0 {
		t.Errorf("%d chunks", streamed.Chunks)
	}
	sameRowsWhole(t, processWith(t, -1, data), streamed)
}
