package batch_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
	"github.com/zhextract/zhextract/pipeline/stages"
)

const roadText = "2023年全市新建农村公路1200公里，完成投资35.6亿元。"

func encoded(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHostileEncodings: a GBK text field in JSONL, a UTF-8 BOM on the
// first JSONL line, BOM-less UTF-16 JSONL and UTF-32 text with a BOM each
// give the document's real text, its figures and its encoding.
func TestHostileEncodings(t *testing.T) {
	in := t.TempDir()
	line := `{"text":"` + roadText + `"}` + "\n"
	gbkLine := append(append([]byte(`{"text":"`), encoded(t, simplifiedchinese.GBK, roadText)...), "\"}\n"...)
	writeFile(t, filepath.Join(in, "gbk.jsonl"), gbkLine)
	writeFile(t, filepath.Join(in, "bom.jsonl"), append([]byte("\xef\xbb\xbf"), line...))
	writeFile(t, filepath.Join(in, "u16.jsonl"), encoded(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), line))
	writeFile(t, filepath.Join(in, "u32.txt"), encoded(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), roadText))
	writeFile(t, filepath.Join(in, "u16han.txt"), encoded(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "全市新建农村公路一千二百公里，完成投资三十五亿元。"))
	out := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	docs := docsBySource(t, out)
	want := map[string]string{"gbk.jsonl:1": "gb18030", "bom.jsonl:1": "utf-8", "u16.jsonl:1": "utf-16le", "u32.txt": "utf-32le", "u16han.txt": "utf-16be"}
	if len(docs) != len(want) {
		t.Errorf("%d documents, want %d", len(docs), len(want))
	}
	for src, enc := range want {
		d, ok := docs[src]
		switch {
		case !ok:
			t.Errorf("%s: no row", src)
		case d.Status != schema.StatusOK || string(d.Encoding) != enc:
			t.Errorf("%s: status %s (%s), encoding %q; want ok, %q", src, d.Status, d.Error, d.Encoding, enc)
		case !strings.Contains(d.Text, "农村公路") || strings.ContainsAny(d.Text, "\ufffd\x00"):
			t.Errorf("%s: text %q", src, d.Text)
		case d.Figures != 2:
			t.Errorf("%s: %d figures, want 2", src, d.Figures)
		}
	}
}

// TestDuplicateIDs: JSONL ids repeated within a file, across files and
// across a resumed run's parts give unique doc_ids, each duplicate with a
// warning; figures follow their own document.
func TestDuplicateIDs(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.jsonl"), []byte(`{"id":"x","text":"新建农村公路12公里。"}`+"\n"+`{"id":"x","text":"新建农村公路34公里。"}`+"\n"+`{"id":7,"text":"新建农村公路56公里。"}`+"\n"))
	writeFile(t, filepath.Join(in, "b.jsonl"), []byte(`{"id":"7","text":"新建农村公路78公里。"}`+"\n"))
	out := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	// A later file with an id the first run gave, processed by --resume.
	writeFile(t, filepath.Join(in, "c.jsonl"), []byte(`{"id":"x","text":"新建农村公路90公里。"}`+"\n"))
	done, suffix, err := batch.Resume(out, batch.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Done: done, Suffix: suffix}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	warned := 0
	for _, f := range []string{"documents.jsonl", "documents" + suffix + ".jsonl"} {
		for _, d := range readJSONL[schema.Document](t, filepath.Join(out, f)) {
			if prev, ok := ids[d.DocID]; ok {
				t.Errorf("doc_id %q given to %s and %s", d.DocID, prev, d.Source)
			}
			ids[d.DocID] = filepath.Base(d.Source)
			if d.Warning != "" {
				warned++
				if !strings.Contains(string(d.Warning), "duplicate id") {
					t.Errorf("%s: warning %q", d.Source, d.Warning)
				}
			}
		}
	}
	if len(ids) != 5 || warned != 3 {
		t.Errorf("%d documents, %d warned; want 5 and 3: %v", len(ids), warned, ids)
	}
	if ids["x"] != "a.jsonl:1" || ids["7"] != "a.jsonl:3" {
		t.Errorf("the first of each id keeps it: %v", ids)
	}
	for _, f := range []string{"figures.jsonl", "figures" + suffix + ".jsonl"} {
		for _, fig := range readJSONL[schema.Figure](t, filepath.Join(out, f)) {
			if ids[fig.DocID] != filepath.Base(fig.Source) {
				t.Errorf("figure %s of %s has doc_id %s of %s", fig.Raw, fig.Source, fig.DocID, ids[fig.DocID])
			}
		}
	}
}

// TestOversizeRow: a file over --max-mb is a failed row naming the limit.
func TestOversizeRow(t *testing.T) {
	in := t.TempDir()
	p := filepath.Join(in, "big.txt")
	writeFile(t, p, []byte(strings.Repeat("新建农村公路12公里。\n", 100000)))
	if err := os.Truncate(p, 3<<20); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	run(t, batch.Config{Inputs: []string{in}, Out: out, MaxBytes: 1 << 20})
	d := docsBySource(t, out)["big.txt"]
	if d.Status != schema.StatusFailed || !strings.Contains(string(d.Error), "size limit") || !strings.Contains(string(d.Error), "3.0 MB > 1.0 MB") {
		t.Errorf("row %s %q", d.Status, d.Error)
	}
}

// TestCSVResumeGuardedSources: with CSV output only, --resume recognizes
// sources whose cells the formula guard changed, and a retried failed
// document's old row is replaced, not kept beside the new one.
func TestCSVResumeGuardedSources(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "=ok.txt"), []byte("新建农村公路12公里。"))
	writeFile(t, filepath.Join(in, "-bad.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	out := t.TempDir()
	// Sources inside the working folder are relative: they start with
	// the file names, which start like formulas.
	t.Chdir(in)
	in = "."
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"csv"}}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(in, "-bad.txt"), []byte("新建农村公路34公里。"))
	sum, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"csv"}, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Docs != 1 {
		t.Errorf("resume processed %d documents, want 1 (the fixed one)", sum.Docs)
	}
	rows := map[string][]string{}
	parts, _ := filepath.Glob(filepath.Join(out, "documents*.csv"))
	for _, p := range parts {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			src := filepath.Base(sink.UnguardCell(r[1]))
			rows[src] = append(rows[src], r[2])
		}
	}
	if len(rows) != 2 || len(rows["=ok.txt"]) != 1 || len(rows["-bad.txt"]) != 1 || rows["-bad.txt"][0] != "ok" {
		t.Errorf("rows by source: %v", rows)
	}
}

// TestStoppedRetryCleanedLater: a resumed run stopped by Ctrl-C does not
// rewrite the earlier parts (that could take seconds) and leaves the
// retried document's old failed row; the next --resume removes it, even
// when it has nothing left to process.
func TestStoppedRetryCleanedLater(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.txt"), []byte("新建农村公路12公里。"))
	writeFile(t, filepath.Join(in, "b.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	out := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(in, "b.txt"), []byte("新建农村公路34公里。"))
	st, _ := stages.Build(stages.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err := batch.Run(ctx, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl", "parquet"}, Workers: 2, Stages: st, Resume: true,
		Progress: func(p batch.Progress) { cancel() }})
	if !sum.Interrupted || sum.Docs != 1 {
		t.Fatalf("stopped resume: %+v, %v", sum, err)
	}
	rows := func() map[string][]string {
		m := map[string][]string{}
		parts, _ := filepath.Glob(filepath.Join(out, "documents*.jsonl"))
		for _, p := range parts {
			for _, d := range readJSONL[schema.Document](t, p) {
				m[filepath.Base(d.Source)] = append(m[filepath.Base(d.Source)], d.Status)
			}
		}
		return m
	}
	if got := rows()["b.txt"]; len(got) != 2 {
		t.Fatalf("after the stopped retry b.txt has rows %v, want the old failed one and the new one", got)
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Resume: true}); err != nil {
		t.Fatal(err)
	}
	if got := rows(); len(got["b.txt"]) != 1 || got["b.txt"][0] != "ok" || len(got["a.txt"]) != 1 {
		t.Errorf("after the next resume: %v", got)
	}
}

// TestMaxMBSplitDocuments: --max-mb limits one document whether or not it
// is processed in chunks: a document below the limit that is split gives
// one ok row, one above it one failed row naming the limit.
func TestMaxMBSplitDocuments(t *testing.T) {
	in := t.TempDir()
	para := "市交通运输局有关负责人表示，今年全市新建改建农村公路12公里，总投资约3.5亿元，确保各项目标任务按期完成，让人民群众出行更加便捷。\n\n"
	writeFile(t, filepath.Join(in, "under.txt"), []byte(strings.Repeat(para, (2<<20)/len(para))))
	writeFile(t, filepath.Join(in, "over.txt"), []byte(strings.Repeat(para, (4<<20)/len(para))))
	st, err := stages.Build(stages.Options{ChunkBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := batch.Run(context.Background(), batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl"}, Workers: 2, Stages: st, MaxBytes: 3 << 20}); err != nil {
		t.Fatal(err)
	}
	docs := docsBySource(t, out)
	if d := docs["under.txt"]; d.Status != schema.StatusOK || d.Figures < 1000 {
		t.Errorf("under the limit: %s %q, %d figures", d.Status, d.Error, d.Figures)
	}
	if d := docs["over.txt"]; d.Status != schema.StatusFailed || !strings.Contains(string(d.Error), "size limit") || !strings.Contains(string(d.Error), "> 3.0 MB") {
		t.Errorf("over the limit: %s %q", d.Status, d.Error)
	}
}
