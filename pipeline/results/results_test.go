package results_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

func TestReadRoundTrip(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			if err := resultstest.Write(dir, format, docs, figs, edits); err != nil {
				t.Fatal(err)
			}
			out, err := results.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			if out.Format != format {
				t.Errorf("format = %q, want %q", out.Format, format)
			}
			// Parquet millisecond timestamps come back in UTC, as written.
			if !reflect.DeepEqual(out.Documents, docs) {
				t.Errorf("documents differ:\n got %+v\nwant %+v", out.Documents, docs)
			}
			if !reflect.DeepEqual(out.Figures, figs) {
				t.Errorf("figures differ:\n got %+v\nwant %+v", out.Figures, figs)
			}
			if !reflect.DeepEqual(out.Edits, edits) {
				t.Errorf("edits differ:\n got %+v\nwant %+v", out.Edits, edits)
			}
		})
	}
}

func TestReadShards(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	dir := t.TempDir()
	// Part 1 holds the last document, part 0 the first two: Read must follow
	// part order, not directory order.
	split := func(id string) ([]schema.Figure, []schema.Edit) {
		var f []schema.Figure
		var e []schema.Edit
		for _, x := range figs {
			if x.DocID == id {
				f = append(f, x)
			}
		}
		for _, x := range edits {
			if x.DocID == id {
				e = append(e, x)
			}
		}
		return f, e
	}
	f0, e0 := split(docs[0].DocID)
	f1, e1 := split(docs[1].DocID)
	if err := resultstest.WritePart(dir, "parquet", "-00000-of-00002", docs[:2], append(f0, f1...), append(e0, e1...)); err != nil {
		t.Fatal(err)
	}
	if err := resultstest.WritePart(dir, "parquet", "-00001-of-00002", docs[2:], nil, nil); err != nil {
		t.Fatal(err)
	}
	out, err := results.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Documents) != 3 || out.Documents[2].DocID != docs[2].DocID || len(out.Figures) != len(figs) {
		t.Fatalf("read %d documents, %d figures", len(out.Documents), len(out.Figures))
	}

	// Losing a part must be an error, never a silently smaller output.
	os.Remove(filepath.Join(dir, "documents-00001-of-00002.parquet"))
	if _, err := results.Read(dir); err == nil || !strings.Contains(err.Error(), "incomplete shard set") {
		t.Fatalf("missing shard part: err = %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	tests := []struct {
		name  string
		setup func(dir string) error
		want  []string // substrings of the error
	}{
		{"empty dir", func(string) error { return nil }, []string{"no documents.parquet or documents.jsonl"}},
		{"no figures", func(dir string) error {
			if err := resultstest.Write(dir, "jsonl", docs, figs, edits); err != nil {
				return err
			}
			return os.Remove(filepath.Join(dir, "figures.jsonl"))
		}, []string{"figures.jsonl missing"}},
		{"corrupt jsonl", func(dir string) error {
			if err := resultstest.Write(dir, "jsonl", docs, figs, edits); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "figures.jsonl"), []byte("{\"doc_id\":\"a\"}\n{\"doc_id\": 7}\n"), 0o644)
		}, []string{"figures.jsonl", "record 2"}},
		{"corrupt parquet", func(dir string) error {
			if err := resultstest.Write(dir, "parquet", docs, figs, edits); err != nil {
				return err
			}
			p := filepath.Join(dir, "documents.parquet")
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, b[:len(b)/2], 0o644)
		}, []string{"documents.parquet"}},
		{"not a directory", func(dir string) error { return os.Remove(dir) }, []string{"read output"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.setup(dir); err != nil {
				t.Fatal(err)
			}
			_, err := results.Read(dir)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q does not name the directory", err)
			}
		})
	}
}

func TestReadNoEdits(t *testing.T) {
	docs, figs, _ := resultstest.Sample()
	dir := t.TempDir()
	if err := resultstest.Write(dir, "jsonl", docs, figs, nil); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "edits.jsonl"))
	out, err := results.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !out.NoEdits {
		t.Error("NoEdits not set")
	}
}

func TestGroup(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	// Reverse the figures: Group must restore text order.
	rev := append([]schema.Figure(nil), figs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	rev = append(rev, schema.Figure{DocID: "nope", Kind: "investment"})
	g := (&results.Output{Documents: docs, Figures: rev, Edits: edits}).Group()
	if len(g.Docs) != 3 || len(g.Docs[0].Figures) != 4 || len(g.Docs[1].Figures) != 3 || len(g.Docs[2].Figures) != 0 {
		t.Fatalf("grouping wrong: %+v", g)
	}
	for _, d := range g.Docs {
		for i := 1; i < len(d.Figures); i++ {
			if d.Figures[i].TextStart < d.Figures[i-1].TextStart {
				t.Errorf("%s: figures not in text order", d.DocID)
			}
		}
	}
	if len(g.OrphanFigures) != 1 {
		t.Errorf("orphans = %d, want 1", len(g.OrphanFigures))
	}
	if len(g.Docs[0].Edits) != 3 || len(g.Docs[1].Edits) != 1 {
		t.Errorf("edits grouped wrong")
	}
}

// FuzzReadParquet feeds arbitrary bytes to the Parquet reader: output
// directories are user input, and a corrupt file must be an error, not a
// crash.
func FuzzReadParquet(f *testing.F) {
	docs, figs, edits := resultstest.Sample()
	dir := f.TempDir()
	if err := resultstest.Write(dir, "parquet", docs, figs, edits); err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"documents.parquet", "figures.parquet"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = results.ReadParquet[schema.Document](bytes.NewReader(b), int64(len(b)), nil)
		_, _ = results.ReadParquet[schema.Figure](bytes.NewReader(b), int64(len(b)), nil)
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("{\"doc_id\":\"a\",\"start\":3,\"year\":2020}\n\n{\"doc_id\":\"b\"}\n"))
	f.Add([]byte("{\"value\":1e400}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := results.ReadJSONL[schema.Figure](bytes.NewReader(b), nil)
		if err == nil && len(rows) > len(b) {
			t.Fatalf("%d rows from %d bytes", len(rows), len(b))
		}
	})
}
