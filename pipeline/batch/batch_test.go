package batch_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func seed(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func run(t *testing.T, cfg batch.Config) (batch.Summary, error) {
	t.Helper()
	st, err := stages.Build(stages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Stages = st
	if cfg.Formats == nil {
		cfg.Formats = []string{"jsonl", "parquet"}
	}
	if cfg.Workers == 0 {
		cfg.Workers = 4
	}
	return batch.Run(context.Background(), cfg)
}

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func docsBySource(t *testing.T, dir string) map[string]schema.Document {
	m := map[string]schema.Document{}
	for _, d := range readJSONL[schema.Document](t, filepath.Join(dir, "documents.jsonl")) {
		m[filepath.Base(d.Source)] = d
	}
	return m
}

// TestBadInputs: one broken file never stops a batch, and every input gets a
// documents row with its status.
func TestBadInputs(t *testing.T) {
	in := t.TempDir()
	good := seed(t, "000_57ee527ed9377c6b.txt")
	writeFile(t, filepath.Join(in, "a_good.txt"), good)
	writeFile(t, filepath.Join(in, "b_empty.txt"), nil)
	writeFile(t, filepath.Join(in, "c_image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"))
	// Cut in the middle of the last multi-byte character.
	cut := bytes.TrimRight(good, "\n")
	cut = cut[:len(cut)-1]
	writeFile(t, filepath.Join(in, "d_truncated.txt"), cut)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(good)
	zw.Close()
	writeFile(t, filepath.Join(in, "e_gzipped.txt.gz"), gz.Bytes())
	writeFile(t, filepath.Join(in, "f_corrupt.txt.gz"), []byte("\x1f\x8b\x08\x00garbage"))
	writeFile(t, filepath.Join(in, "g_lines.jsonl"), []byte(`{"id":"x1","text":"第一篇"}`+"\n"+`not json`+"\n"+`{"html":"<p>第三篇</p>","url":"https://example.org/3"}`+"\n"+`{"title":"no text"}`+"\n"))
	writeFile(t, filepath.Join(in, "labels.json"), []byte(`{}`)) // not a document: skipped in folders

	out := t.TempDir()
	sum, err := run(t, batch.Config{Inputs: []string{in, filepath.Join(in, "missing.txt")}, Out: out})
	if err != nil {
		t.Fatalf("batch failed: %v", err)
	}
	if len(sum.Missing) != 1 || !strings.Contains(sum.Missing[0].Error(), "missing.txt") {
		t.Errorf("missing = %v, want one error naming missing.txt", sum.Missing)
	}
	docs := docsBySource(t, out)
	want := map[string]string{
		"a_good.txt": "ok", "b_empty.txt": "ok", "c_image.txt": "failed", "d_truncated.txt": "ok",
		"e_gzipped.txt.gz": "ok", "f_corrupt.txt.gz": "failed",
		"g_lines.jsonl:1": "ok", "g_lines.jsonl:2": "failed", "g_lines.jsonl:3": "ok", "g_lines.jsonl:4": "failed",
	}
	if len(docs) != len(want) {
		t.Errorf("got %d documents, want %d: %v", len(docs), len(want), docs)
	}
	for src, status := range want {
		d, ok := docs[src]
		if !ok {
			t.Errorf("%s: no documents row", src)
			continue
		}
		if d.Status != status {
			t.Errorf("%s: status %q (%s), want %q", src, d.Status, d.Error, status)
		}
		if status == "failed" && d.Error == "" {
			t.Errorf("%s: failed without a reason", src)
		}
	}
	if e := string(docs["c_image.txt"].Error); !strings.Contains(e, "binary") || !strings.Contains(e, "image/png") {
		t.Errorf("binary file error = %q, want it to say binary image/png", e)
	}
	if d := docs["b_empty.txt"]; d.Chars != 0 || d.Figures != 0 {
		t.Errorf("empty file: %+v", d)
	}
	if d := docs["g_lines.jsonl:1"]; d.DocID != "x1" || d.Text != "第一篇" {
		t.Errorf("jsonl id/text not kept: %+v", d)
	}
	if d := docs["g_lines.jsonl:3"]; d.URL != "https://example.org/3" {
		t.Errorf("jsonl url not kept: %+v", d)
	}
	if a, e := docs["a_good.txt"], docs["e_gzipped.txt.gz"]; a.Text != e.Text {
		t.Errorf("gzipped copy differs from the original")
	}
	tr := docs["d_truncated.txt"]
	if !strings.HasSuffix(tr.Text, "\ufffd") || !strings.HasPrefix(docs["a_good.txt"].Text, strings.TrimSuffix(tr.Text, "\ufffd")[:100]) {
		t.Errorf("truncated file not decoded up to the damage: ...%q", tr.Text[len(tr.Text)-20:])
	}
	var damage int
	for _, e := range readJSONL[schema.Edit](t, filepath.Join(out, "edits.jsonl")) {
		if e.DocID == tr.DocID && e.Stage == "decode" && e.New == "\ufffd" {
			damage++
		}
	}
	if damage != 1 {
		t.Errorf("truncation recorded in %d decode edits, want 1", damage)
	}
}

func TestNothingProcessed(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "x.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	for name, inputs := range map[string][]string{
		"only missing": {filepath.Join(in, "nope.txt")},
		"only binary":  {filepath.Join(in, "x.png")},
		"empty glob":   {filepath.Join(in, "*.txt")},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := run(t, batch.Config{Inputs: inputs, Out: t.TempDir()})
			if !errors.Is(err, batch.ErrNothingProcessed) {
				t.Errorf("err = %v, want ErrNothingProcessed", err)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "seeds")
	var outs [2][]byte
	for i, workers := range []int{1, 7} {
		out := t.TempDir()
		if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Workers: workers, Formats: []string{"jsonl"}}); err != nil {
			t.Fatal(err)
		}
		for _, tb := range []string{"documents", "figures", "edits"} {
			b, err := os.ReadFile(filepath.Join(out, tb+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = append(outs[i], b...)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("output differs between 1 and 7 workers")
	}
}

func TestShardsUnionEqualsWhole(t *testing.T) {
	in := t.TempDir()
	for i := 0; i < 30; i++ {
		writeFile(t, filepath.Join(in, "d"+string(rune('a'+i%26))+string(rune('0'+i/26))+".txt"), []byte("第"+string(rune('0'+i%10))+"篇 改造农村公路559公里。\n"))
	}
	whole := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: whole}); err != nil {
		t.Fatal(err)
	}
	parts := t.TempDir()
	for i := 0; i < 3; i++ {
		if _, err := run(t, batch.Config{Inputs: []string{in}, Out: parts, Shard: batch.Shard{Index: i, Count: 3}}); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for i := 0; i < 3; i++ {
		name := filepath.Join(parts, "documents-0000"+string(rune('0'+i))+"-of-00003.jsonl")
		rows := readJSONL[schema.Document](t, name)
		if len(rows) == 0 {
			t.Errorf("shard %d is empty", i)
		}
		for _, d := range rows {
			got = append(got, d.DocID+d.Text)
		}
	}
	var want []string
	for _, d := range readJSONL[schema.Document](t, filepath.Join(whole, "documents.jsonl")) {
		want = append(want, d.DocID+d.Text)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("union of shards (%d docs) differs from the whole run (%d docs)", len(got), len(want))
	}
}

func TestResumeAfterInterrupt(t *testing.T) {
	in := t.TempDir()
	const n = 40
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(in, string(rune('a'+i/10))+string(rune('0'+i%10))+".txt"), []byte("总投资约390亿元。\n"))
	}
	out := t.TempDir()
	st, _ := stages.Build(stages.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	sum, err := batch.Run(ctx, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl", "parquet"}, Workers: 2, Stages: st,
		Progress: func(p batch.Progress) {
			seen = p.Docs
			if p.Docs == n/2 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) || !sum.Interrupted {
		t.Fatalf("interrupted run: err %v, summary %+v", err, sum)
	}
	if seen >= n {
		t.Fatalf("run was not interrupted (saw %d docs)", seen)
	}
	for _, f := range []string{"documents.jsonl", "documents.parquet", "figures.parquet", "edits.parquet"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("interrupted run left no complete %s: %v", f, err)
		}
	}
	done, suffix, err := batch.Resume(out, batch.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != sum.Docs {
		t.Errorf("resume found %d done sources, want %d", len(done), sum.Docs)
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Done: done, Suffix: suffix}); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	files, _ := filepath.Glob(filepath.Join(out, "documents*.jsonl"))
	for _, f := range files {
		for _, d := range readJSONL[schema.Document](t, f) {
			count[d.Source]++
		}
	}
	if len(count) != n {
		t.Errorf("after resume %d documents, want %d", len(count), n)
	}
	for s, c := range count {
		if c != 1 {
			t.Errorf("%s written %d times", s, c)
		}
	}
	left, _ := filepath.Glob(filepath.Join(out, ".*tmp*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
