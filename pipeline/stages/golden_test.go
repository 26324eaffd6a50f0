package stages

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedsDir = "../../testdata/seeds"

// goldenFigure is the part of a figure row the golden files pin down.
type goldenFigure struct {
	Kind        string   `json:"kind"`
	Value       float64  `json:"value"`
	ValueText   string   `json:"value_text"`
	Unit        string   `json:"unit"`
	Qualifier   string   `json:"qualifier,omitempty"`
	Raw         string   `json:"raw"`
	Year        *int32   `json:"year,omitempty"`
	Subject     string   `json:"subject,omitempty"`
	SubjectOrig string   `json:"subject_original_script,omitempty"`
	FromValue   *float64 `json:"from_value,omitempty"`
	ToValue     *float64 `json:"to_value,omitempty"`
	PeriodUnit  string   `json:"period_unit,omitempty"`
	SourceStart *int64   `json:"source_start"`
	SourceEnd   *int64   `json:"source_end"`
	Extractor   string   `json:"extractor"`
}

func processSeed(t *testing.T, st []pipeline.Stage, path string) (*pipeline.Document, schema.Document, []schema.Figure) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	it := ingest.Item{Source: filepath.Base(path), ID: ingest.DocID(filepath.Base(path)), Data: data, Format: ingest.FormatText}
	d := pipeline.Process(context.Background(), it, st, nil)
	if d.Err != nil {
		t.Fatalf("%s: %v", path, d.Err)
	}
	doc, figs, _ := d.Rows()
	return d, doc, figs
}

// TestSeedsGolden checks the clean text and the figures of the five seeds
// against testdata/golden; -update rewrites them.
func TestSeedsGolden(t *testing.T) {
	st, err := Build(Options{})
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(seeds) != 5 {
		t.Fatalf("found %d seeds, want 5", len(seeds))
	}
	for _, path := range seeds {
		stem := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(stem, func(t *testing.T) {
			data, _ := os.ReadFile(path)
			d, doc, figs := processSeed(t, st, path)
			gf := make([]goldenFigure, 0, len(figs))
			for _, f := range figs {
				gf = append(gf, goldenFigure{f.Kind, f.Value, f.ValueText, f.Unit, string(f.Qualifier), f.Raw, f.Year, string(f.Subject),
					string(f.SubjectOriginalScript), f.FromValue, f.ToValue, string(f.PeriodUnit), f.SourceStart, f.SourceEnd, f.Extractor})
				// raw must be the exact bytes of the input at source_start:source_end.
				if f.SourceStart != nil && string(data[*f.SourceStart:*f.SourceEnd]) != f.Raw {
					t.Errorf("figure %s: input bytes %q differ from raw %q", f.FigureID, data[*f.SourceStart:*f.SourceEnd], f.Raw)
				}
				if f.TextStart < 0 || f.TextEnd > int64(len(d.Text)) || !strings.Contains(f.Sentence, d.Text[f.TextStart:f.TextEnd]) {
					t.Errorf("figure %s: span [%d,%d) is not inside its sentence", f.FigureID, f.TextStart, f.TextEnd)
				}
				if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
					t.Errorf("figure %s: value %v", f.FigureID, f.Value)
				}
			}
			figJSON, _ := json.MarshalIndent(gf, "", "  ")
			figJSON = append(figJSON, '\n')
			meta := fmt.Sprintf("title: %s\npublisher: %s\npublished_at: %v\nscript: %s\nencoding: %s\nrepairs: %d\npinyin_removed: %d\n",
				doc.Title, doc.Publisher, fmtTime(doc), doc.Script, doc.Encoding, doc.Repairs, doc.PinyinRemoved)
			golden := map[string][]byte{
				stem + ".figures.json": figJSON,
				stem + ".clean.txt":    []byte(doc.Text),
				stem + ".meta.txt":     []byte(meta),
			}
			for name, got := range golden {
				p := filepath.Join("..", "..", "testdata", "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(p)
				if err != nil {
					t.Fatalf("%v (run go test ./pipeline/stages -update to create it)", err)
				}
				if string(want) != string(got) {
					t.Errorf("%s differs from the golden file; run with -update and review the diff:\n%s", name, firstDiff(string(want), string(got)))
				}
			}
		})
	}
}

func fmtTime(d schema.Document) string {
	if d.PublishedAt == nil {
		return ""
	}
	return d.PublishedAt.Format("2006-01-02T15:04:05Z07:00")
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, w, g)
		}
	}
	return ""
}
