package results_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestStreamMatchesRead: streaming a run's tables, across shard parts and
// more rows than one batch, gives exactly the rows Read loads.
func TestStreamMatchesRead(t *testing.T) {
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			sd, sf, se := resultstest.Sample()
			dir := t.TempDir()
			for part := 0; part < 3; part++ {
				var docs []schema.Document
				var figs []schema.Figure
				for i := 0; i < 20+part; i++ {
					d := sd[i%len(sd)]
					d.DocID = fmt.Sprintf("%d-%d", part, i)
					docs = append(docs, d)
					f := sf[i%len(sf)]
					f.DocID = d.DocID
					figs = append(figs, f)
				}
				if err := resultstest.WritePart(dir, format, fmt.Sprintf("-%05d-of-00003", part), docs, figs, se); err != nil {
					t.Fatal(err)
				}
			}
			want, err := results.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			l, err := results.Locate(dir)
			if err != nil {
				t.Fatal(err)
			}
			if l.Format != format || len(l.Files[results.TableDocuments]) != 3 || l.NoEdits {
				t.Fatalf("layout %+v", l)
			}
			docs := drain(t, results.NewStream[schema.Document](format, l.Files[results.TableDocuments]))
			figs := drain(t, results.NewStream[schema.Figure](format, l.Files[results.TableFigures]))
			if !reflect.DeepEqual(docs, want.Documents) || !reflect.DeepEqual(figs, want.Figures) {
				t.Errorf("streamed %d documents and %d figures, unlike Read's %d and %d", len(docs), len(figs), len(want.Documents), len(want.Figures))
			}
			// A projection reads only the columns it names.
			type ids struct {
				DocID string `parquet:"doc_id" json:"doc_id"`
			}
			got := drain(t, results.NewStream[ids](format, l.Files[results.TableDocuments]))
			if len(got) != 63 || got[62].DocID != "2-21" {
				t.Errorf("projection read %d rows", len(got))
			}
		})
	}
}

func drain[T any](t *testing.T, s *results.Stream[T]) []T {
	t.Helper()
	defer s.Close()
	var out []T
	for {
		r, ok := s.Next()
		if !ok {
			break
		}
		out = append(out, r)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStreamErrors: a bad file stops the stream with an error naming it.
func TestStreamErrors(t *testing.T) {
	dir := t.TempDir()
	docs, _, _ := resultstest.Sample()
	if err := resultstest.Write(dir, "parquet", docs, nil, nil); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "documents.parquet")
	b, _ := os.ReadFile(good)
	cut := filepath.Join(dir, "cut.parquet")
	os.WriteFile(cut, b[:len(b)/2], 0o644)
	badJSON := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(badJSON, []byte(`{"doc_id":"a"}`+"\n{\n"), 0o644)
	tests := []struct {
		format string
		paths  []string
		rows   int
		want   string
	}{
		{"parquet", []string{good, cut}, 3, "cut.parquet"},
		{"parquet", []string{filepath.Join(dir, "missing.parquet")}, 0, "missing.parquet"},
		{"jsonl", []string{badJSON}, 1, "bad.jsonl: record 2"},
	}
	for _, tt := range tests {
		s := results.NewStream[schema.Document](tt.format, tt.paths)
		n := 0
		for {
			if _, ok := s.Next(); !ok {
				break
			}
			n++
		}
		s.Close()
		if n != tt.rows || s.Err() == nil || !strings.Contains(s.Err().Error(), tt.want) {
			t.Errorf("%v: %d rows, err %v; want %d rows and an error naming %q", tt.paths, n, s.Err(), tt.rows, tt.want)
		}
	}
}
