package beampipe

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/ingest/warctest"
	"github.com/zhextract/zhextract/pipeline/pdftext/pdftest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// TestMain initializes Beam, which the prism runner requires (it runs the
// pipeline's workers in this process, in loopback mode).
func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// testdata is the repository's testdata folder, seen from this package.
const testdata = "../../../../testdata"

// badInputs writes files that must become failed (or odd but ok) documents
// rows, never a failed job.
func badInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("二〇二三年完成投资12.5亿元。\n"))
	zw.Close()
	files := map[string][]byte{
		"empty.txt":       nil,
		"image.txt":       []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"),
		"corrupt.txt.gz":  []byte("\x1f\x8b\x08\x00garbage"),
		"misnamed.txt":    gz.Bytes(), // gzip by magic, not by name
		"lines.jsonl":     []byte(`{"id":"x1","text":"第一篇"}` + "\n" + `not json` + "\n" + `{"html":"<p>第三篇</p>","url":"https://example.org/3"}` + "\n" + `{"title":"no text"}` + "\n"),
		"page.html":       []byte(`<html><head><meta charset="gbk"><title>t</title></head><body><p>` + "\xc4\xe3\xba\xc3" + `</p></body></html>`),
		"notadoc.csv":     []byte("a,b\n"), // skipped when walking a folder, in both paths
		"sub/nested.text": []byte("公路里程达到100公里。"),
	}
	// A crawl and a PDF report: Beam reads them through the same code.
	var warc bytes.Buffer
	page := "<html><head><title>t</title></head><body><p>全年完成公路投资12.5亿元，新建农村公路320公里。</p></body></html>"
	recs := []warctest.Record{
		{Type: gowarc.Request, ID: "30000000-0000-4000-8000-000000000001", URI: "http://example.gov.cn/1.html"},
		{ID: "30000000-0000-4000-8000-000000000002", URI: "http://example.gov.cn/1.html", Header: map[string]string{"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}, Body: warctest.Gzip([]byte(page))},
		{ID: "30000000-0000-4000-8000-000000000003", URI: "http://example.gov.cn/a.png", Header: map[string]string{"Content-Type": "image/png"}, Body: []byte("\x89PNG")},
	}
	if font, err := pdftest.LoadFont(); err == nil {
		pdf, err := pdftest.Build(font, pdftest.Report{Title: "报告", Paras: []string{"全年完成交通固定资产投资125.6亿元，比上年增长8.2%，新增高速公路通车里程45.8公里。"}, LinesPerPage: 2, WidthMM: 60})
		if err != nil {
			t.Fatal(err)
		}
		files["report.pdf"] = pdf
		recs = append(recs, warctest.Record{ID: "30000000-0000-4000-8000-000000000004", URI: "http://example.gov.cn/r.pdf", Header: map[string]string{"Content-Type": "application/pdf"}, Body: pdf})
	}
	if _, err := warctest.Write(&warc, recs, 1); err != nil {
		t.Fatal(err)
	}
	files["crawl.warc.gz"] = warc.Bytes()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type rowSet struct {
	docs  []schema.Document
	figs  []schema.Figure
	edits []schema.Edit
}

func (tb *rowSet) sort() {
	slices.SortFunc(tb.docs, func(a, b schema.Document) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.DocID, b.DocID))
	})
	slices.SortFunc(tb.figs, func(a, b schema.Figure) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.FigureID, b.FigureID))
	})
	slices.SortFunc(tb.edits, func(a, b schema.Edit) int {
		return cmp.Or(cmp.Compare(a.DocID, b.DocID), cmp.Compare(a.Seq, b.Seq))
	})
}

func readTable[T any](t *testing.T, files []string) []T {
	t.Helper()
	var all []T
	for _, f := range files {
		rows, err := parquet.ReadFile[T](f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		all = append(all, rows...)
	}
	return all
}

func readTables(t *testing.T, glob func(table string) []string) rowSet {
	tb := rowSet{
		docs:  readTable[schema.Document](t, glob("documents")),
		figs:  readTable[schema.Figure](t, glob("figures")),
		edits: readTable[schema.Edit](t, glob("edits")),
	}
	tb.sort()
	return tb
}

func schemaOf(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return pf.Schema().String()
}

func runBatch(t *testing.T, inputs []string, out string) rowSet {
	t.Helper()
	st, err := stages.Build(stages.Options{Convert: "t2s"})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := batch.Run(context.Background(), batch.Config{
		Inputs: inputs, Out: out, Formats: []string{"parquet"}, Workers: 2, Stages: st,
	})
	if err != nil {
		t.Fatalf("batch.Run: %v", err)
	}
	if len(sum.Missing) > 0 {
		t.Fatalf("batch.Run missing inputs: %v", sum.Missing)
	}
	return readTables(t, func(table string) []string {
		return []string{filepath.Join(out, table+".parquet")}
	})
}

func runBeam(t *testing.T, runner string, cfg Config) {
	t.Helper()
	if err := Check(context.Background(), cfg); err != nil {
		t.Fatalf("Check: %v", err)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg); err != nil {
		t.Fatalf("Build: %v", err)
	}
	if _, err := beam.Run(context.Background(), runner, p); err != nil {
		t.Fatalf("%s runner: %v", runner, err)
	}
}

var partName = regexp.MustCompile(`^(documents|figures|edits)-(\d{5})-of-(\d{5})\.parquet$`)

// TestSameRowsAsRun is the acceptance test: on the same inputs, the Beam
// pipeline writes the same rows as `zhextract run`, in files with the same
// Parquet schema.
func TestSameRowsAsRun(t *testing.T) {
	inputs := []string{
		filepath.Join(testdata, "seeds"),
		filepath.Join(testdata, "examples"),
		// Overlaps the folder above: each file must still be read once.
		filepath.Join(testdata, "examples", "*.txt"),
		badInputs(t),
	}
	refDir := t.TempDir()
	want := runBatch(t, inputs, refDir)
	var failed int
	for _, d := range want.docs {
		if d.Status == schema.StatusFailed {
			failed++
		}
	}
	if len(want.docs) < 10 || failed == 0 || failed == len(want.docs) {
		t.Fatalf("reference run: %d documents, %d failed; the test inputs no longer cover ok and failed documents", len(want.docs), failed)
	}
	t.Logf("reference: %d documents (%d failed), %d figures, %d edits", len(want.docs), failed, len(want.figs), len(want.edits))

	for _, runner := range []string{"direct", "prism"} {
		t.Run(runner, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			cfg := Config{Inputs: inputs, Output: out, Convert: "t2s", JobID: "test"}
			// A file left by a failed bundle attempt: finalize must remove it.
			stray := filepath.Join(cfg.tempDir(), "stray-documents.parquet")
			if err := os.MkdirAll(filepath.Dir(stray), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(stray, []byte("partial"), 0o644); err != nil {
				t.Fatal(err)
			}
			runBeam(t, runner, cfg)

			entries, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]int{}
			total := ""
			for _, e := range entries {
				m := partName.FindStringSubmatch(e.Name())
				if m == nil {
					t.Errorf("unexpected entry in the output: %s", e.Name())
					continue
				}
				parts[m[1]]++
				if total != "" && m[3] != total {
					t.Errorf("%s: part count %s, others say %s", e.Name(), m[3], total)
				}
				total = m[3]
			}
			for _, tb := range []string{"documents", "figures", "edits"} {
				if fmt.Sprintf("%05d", parts[tb]) != total {
					t.Errorf("%s: %d parts, names say %s", tb, parts[tb], total)
				}
			}

			got := readTables(t, func(table string) []string {
				m, _ := filepath.Glob(filepath.Join(out, table+"-*.parquet"))
				return m
			})
			compare(t, "documents", want.docs, got.docs)
			compare(t, "figures", want.figs, got.figs)
			compare(t, "edits", want.edits, got.edits)

			for _, tb := range []string{"documents", "figures", "edits"} {
				m, _ := filepath.Glob(filepath.Join(out, tb+"-*.parquet"))
				ref := schemaOf(t, filepath.Join(refDir, tb+".parquet"))
				for _, f := range m {
					if s := schemaOf(t, f); s != ref {
						t.Errorf("%s schema differs from run's:\n%s\nwant:\n%s", f, s, ref)
					}
				}
			}
		})
	}
}

func compare[T any](t *testing.T, table string, want, got []T) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d rows, run wrote %d", table, len(got), len(want))
	}
	for i := range min(len(want), len(got)) {
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("%s row %d differs:\n beam %+v\n run  %+v", table, i, got[i], want[i])
			return
		}
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(doc, []byte("文本"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "documents-00000-of-00001.parquet"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		inputs []string
		out    string
		ok     bool
	}{
		{"file", []string{doc}, filepath.Join(dir, "out"), true},
		{"folder and glob", []string{dir, filepath.Join(dir, "*.txt")}, filepath.Join(dir, "out"), true},
		{"missing file", []string{doc, filepath.Join(dir, "missing.txt")}, filepath.Join(dir, "out"), false},
		{"glob matching nothing", []string{filepath.Join(dir, "*.html")}, filepath.Join(dir, "out"), false},
		{"output holds parts", []string{doc}, full, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(context.Background(), Config{Inputs: tc.inputs, Output: tc.out})
			if (err == nil) != tc.ok {
				t.Errorf("Check = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestBuildRejects(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no input", Config{Output: "out", JobID: "x"}},
		{"no output", Config{Inputs: []string{"a"}, JobID: "x"}},
		{"stdin", Config{Inputs: []string{"-"}, Output: "out", JobID: "x"}},
		{"unknown scheme", Config{Inputs: []string{"nosuch://bucket/a"}, Output: "out", JobID: "x"}},
		{"unknown convert", Config{Inputs: []string{"a"}, Output: "out", JobID: "x", Convert: "nosuch"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := beam.NewPipelineWithRoot()
			if err := Build(s, tc.cfg); err == nil {
				t.Error("Build accepted the config")
			}
		})
	}
}
