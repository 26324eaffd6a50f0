package stages

import (
	"context"
	"testing"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// TestSubjectSimplified: the same sentence in either script gives the same
// subject (simplified), and subject_original_script as the page writes it,
// whatever the run's --convert.
func TestSubjectSimplified(t *testing.T) {
	texts := map[string]string{
		"simplified":  "2022年全市新建改造农村公路214公里。\n",
		"traditional": "2022年全市新建改造農村公路214公里。\n",
	}
	wantOrig := map[string]string{"simplified": "农村公路", "traditional": "農村公路"}
	for _, convert := range []string{"t2s", "s2t"} {
		st, err := Build(Options{Convert: convert})
		if err != nil {
			t.Fatal(err)
		}
		for script, text := range texts {
			it := ingest.Item{Source: script + ".txt", ID: script, Data: []byte(text), Format: ingest.FormatText}
			d := pipeline.Process(context.Background(), it, st, nil)
			if d.Err != nil {
				t.Fatal(d.Err)
			}
			_, figs, _ := d.Rows()
			if len(figs) != 1 {
				t.Fatalf("%s/%s: %d figures, want 1", convert, script, len(figs))
			}
			f := figs[0]
			if f.Subject != "农村公路" || string(f.SubjectOriginalScript) != wantOrig[script] {
				t.Errorf("%s/%s: subject %q, subject_original_script %q; want 农村公路, %s", convert, script, f.Subject, f.SubjectOriginalScript, wantOrig[script])
			}
		}
	}
}
