package verify_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/verify"
)

var update = flag.Bool("update", false, "rewrite golden files")

type rows struct {
	docs  []schema.Document
	figs  []schema.Figure
	edits []schema.Edit
}

func sample() rows {
	d, f, e := resultstest.Sample()
	return rows{d, f, e}
}

// fig finds the sample figure with this raw.
func (r *rows) fig(t *testing.T, raw string) *schema.Figure {
	t.Helper()
	for i := range r.figs {
		if r.figs[i].Raw == raw {
			return &r.figs[i]
		}
	}
	t.Fatalf("no figure %q in the sample", raw)
	return nil
}

func writeOutput(t *testing.T, format string, r rows) string {
	t.Helper()
	dir := t.TempDir()
	if err := resultstest.Write(dir, format, r.docs, r.figs, r.edits); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name      string
		tolerance float64
		text      bool
		change    func(t *testing.T, r *rows)
		ok        bool
		want      []string // lines or fragments of the printed report
		kind      string   // with stats: the per-kind counts expected
		stats     verify.KindStats
	}{
		{
			name: "exact match", change: func(*testing.T, *rows) {}, ok: true,
			want: []string{"verify: OK: 3 of 3 documents match", "investment       3       3        3        0        0      0      1.000   1.000"},
			kind: "investment", stats: verify.KindStats{Golden: 3, Output: 3, Correct: 3},
		},
		{
			name: "value beyond tolerance", tolerance: 0.001,
			change: func(t *testing.T, r *rows) {
				f := r.fig(t, "总投资约390亿元")
				f.Value, f.ValueText = 39_100_000_000, "39100000000" // +0.26%
			},
			want: []string{
				"000_57ee527ed9377c6b: 1 changed (golden 4 figures, output 4)",
				`  ~ changed investment 39000000000 CNY approx raw="总投资约390亿元" year=2020`,
				"      value: 39000000000 -> 39100000000",
			},
			kind: "investment", stats: verify.KindStats{Golden: 3, Output: 3, Correct: 2, Changed: 1},
		},
		{
			name: "value within tolerance", tolerance: 0.001,
			change: func(t *testing.T, r *rows) {
				f := r.fig(t, "总投资约390亿元")
				f.Value, f.ValueText = 39_030_000_000, "39030000000" // +0.077%
			},
			ok:   true,
			want: []string{"verify: OK"},
		},
		{
			name: "tolerance zero is exact",
			change: func(t *testing.T, r *rows) {
				f := r.fig(t, "辦理時間由60個工作日縮減至最多5個工作日")
				f.Value = 91.66670000001
			},
			want: []string{"      value: 91.6667 -> 91.66670000001"},
		},
		{
			name: "value_text alone differs",
			change: func(t *testing.T, r *rows) {
				r.fig(t, "補助資金12.5億元").ValueText = "1.25e9"
			},
			want: []string{`      value_text: "1250000000" -> "1.25e9"`},
		},
		{
			name: "missing figure",
			change: func(t *testing.T, r *rows) {
				f := r.fig(t, "改造农村公路559公里")
				r.figs = remove(r.figs, f.FigureID)
			},
			want: []string{
				"000_57ee527ed9377c6b: 1 missing (golden 4 figures, output 3)",
				`  - missing road_length 559 km raw="改造农村公路559公里" year=2020 subject="农村公路"`,
				"road_length       1       0        0        0        1      0          -   0.000",
			},
			kind: "road_length", stats: verify.KindStats{Golden: 1, Missing: 1},
		},
		{
			name: "extra figure",
			change: func(t *testing.T, r *rows) {
				f := *r.fig(t, "補助資金12.5億元")
				f.FigureID, f.Raw, f.Value, f.ValueText, f.Year = "x", "資金7.17億元", 717000000, "717000000", nil
				r.figs = append(r.figs, f)
			},
			want: []string{`  + extra   funding 717000000 CNY raw="資金7.17億元"`, "funding       1       2        1        0        0      1      0.500   1.000"},
			kind: "funding", stats: verify.KindStats{Golden: 1, Output: 2, Correct: 1, Extra: 1},
		},
		{
			name: "missing document",
			change: func(t *testing.T, r *rows) {
				r.docs = r.docs[1:]
				r.figs = r.figs[4:]
			},
			want: []string{
				"000_57ee527ed9377c6b: MISSING from the output (golden: status ok, 4 figures)",
				"verify: DIFFERENCES: 2 of 3 documents match (0 differ, 1 missing from the output, 0 not in the golden set)",
			},
			kind: "investment", stats: verify.KindStats{Golden: 3, Missing: 3},
		},
		{
			name: "extra document",
			change: func(t *testing.T, r *rows) {
				r.docs = append(r.docs, schema.Document{DocID: "abc", Source: "feed.jsonl:7", Status: schema.StatusOK})
			},
			want: []string{"abc: EXTRA in the output, no golden file (status ok, 0 figures)"},
		},
		{
			name: "document failed",
			change: func(t *testing.T, r *rows) {
				r.docs[1].Status, r.docs[1].Error = schema.StatusFailed, "decode: boom"
				r.figs = r.figs[:4]
			},
			want: []string{"  status: golden ok, output failed (decode: boom)", "002_bd1b06f2a63dcd9f: status differs, 3 missing"},
		},
		{
			name: "raw span grew: paired, raw changed",
			change: func(t *testing.T, r *rows) {
				r.fig(t, "总投资近4亿元").Raw = "新建大型豪华客滚船，总投资近4亿元"
			},
			want: []string{`      raw: "总投资近4亿元" -> "新建大型豪华客滚船，总投资近4亿元"`},
		},
		{
			name: "text ignored without --text",
			change: func(t *testing.T, r *rows) {
				r.docs[0].Text = strings.Replace(r.docs[0].Text, "威海市交通运输局\n", "", 1)
			},
			ok: true,
		},
		{
			name: "text compared with --text", text: true,
			change: func(t *testing.T, r *rows) {
				r.docs[0].Text = strings.Replace(r.docs[0].Text, "预计年内", "预计今年", 1)
			},
			want: []string{
				"000_57ee527ed9377c6b: text differs (golden 4 figures, output 4)",
				"  text: 1 lines removed, 1 added (golden 6 lines, output 6)",
				"    @@ golden line 4, output line 4",
				"    - 预计年内完成投资100亿元。",
				"    + 预计今年完成投资100亿元。",
			},
		},
	}
	for _, format := range []string{"parquet", "jsonl"} {
		for _, tt := range tests {
			t.Run(format+"/"+tt.name, func(t *testing.T) {
				golden := t.TempDir()
				base := sample()
				var buf bytes.Buffer
				ok, err := verify.Run(context.Background(), writeOutput(t, format, base), verify.Config{Golden: golden, Update: true, Text: tt.text}, &buf)
				if err != nil || !ok {
					t.Fatalf("update: %v, %v", ok, err)
				}
				r := sample()
				tt.change(t, &r)
				buf.Reset()
				ok, err = verify.Run(context.Background(), writeOutput(t, format, r), verify.Config{Golden: golden, Tolerance: tt.tolerance, Text: tt.text}, &buf)
				if err != nil {
					t.Fatal(err)
				}
				got := buf.String()
				if ok != tt.ok {
					t.Errorf("ok = %v, want %v\n%s", ok, tt.ok, got)
				}
				for _, w := range tt.want {
					if !strings.Contains(got, w) {
						t.Errorf("report lacks %q:\n%s", w, got)
					}
				}
				if tt.kind != "" {
					out, err := results.Read(writeOutput(t, format, r))
					if err != nil {
						t.Fatal(err)
					}
					docs, _ := verify.FromOutput(out, false)
					g, _ := verify.Load(golden)
					res := verify.Compare(g, docs, verify.Options{Tolerance: tt.tolerance})
					if s := res.Kinds[tt.kind]; s == nil || *s != tt.stats {
						t.Errorf("%s stats = %+v, want %+v", tt.kind, s, tt.stats)
					}
				}
			})
		}
	}
}

func remove(figs []schema.Figure, id string) []schema.Figure {
	var out []schema.Figure
	for _, f := range figs {
		if f.FigureID != id {
			out = append(out, f)
		}
	}
	return out
}

// TestDuplicateRaw: two figures with the same kind and raw but different
// values; losing the first must report it missing, not report a change of
// the first and the second as missing.
func TestDuplicateRaw(t *testing.T) {
	fig := func(v float64) verify.Figure {
		return verify.Figure{Kind: "investment", Value: v, Raw: "投资1亿元", Unit: "CNY"}
	}
	golden := map[string]verify.Doc{"a": {Key: "a", Status: "ok", Figures: []verify.Figure{fig(1), fig(2)}}}
	res := verify.Compare(golden, []verify.Doc{{Key: "a", Status: "ok", Figures: []verify.Figure{fig(2)}}}, verify.Options{})
	d := res.Docs[0]
	if len(d.Missing) != 1 || d.Missing[0].Value != 1 || len(d.Changed) != 0 || d.Correct != 1 {
		t.Fatalf("got %+v", d)
	}
}

func TestUpdateRoundTrip(t *testing.T) {
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			r := sample()
			outDir := writeOutput(t, format, r)
			golden := t.TempDir()
			// A stale golden file and a foreign file: the first goes, the second stays.
			stale, _ := verify.Marshal(verify.Doc{Key: "gone", DocID: "gone", Status: "ok", Figures: []verify.Figure{}})
			os.WriteFile(filepath.Join(golden, "gone.json"), stale, 0o644)
			os.WriteFile(filepath.Join(golden, "notes.json"), []byte(`{"owner": "qa"}`), 0o644)
			// Files that parse as golden files but that Update never writes.
			os.WriteFile(filepath.Join(golden, "empty.json"), []byte(`{}`), 0o644)
			os.WriteFile(filepath.Join(golden, "draft.json"), []byte(`{"status":"draft"}`), 0o644)
			os.WriteFile(filepath.Join(golden, "noid.json"), []byte(`{"doc_id":"","source":"x","status":"ok","figures":[]}`), 0o644)

			var buf bytes.Buffer
			cfg := verify.Config{Golden: golden, Update: true, Text: true}
			if _, err := verify.Run(context.Background(), outDir, cfg, &buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "3 written, 0 unchanged, 1 removed") {
				t.Errorf("first update: %s", buf.String())
			}
			for _, n := range []string{"notes.json", "empty.json", "draft.json", "noid.json"} {
				if _, err := os.Stat(filepath.Join(golden, n)); err != nil {
					t.Errorf("foreign file removed: %v", err)
				}
				if n != "notes.json" {
					os.Remove(filepath.Join(golden, n)) // Load would read them
				}
			}
			buf.Reset()
			if _, err := verify.Run(context.Background(), outDir, cfg, &buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "0 written, 3 unchanged, 0 removed") {
				t.Errorf("second update rewrote files: %s", buf.String())
			}
			os.Remove(filepath.Join(golden, "notes.json"))

			// What was written reads back to the same documents, texts included.
			g, err := verify.Load(golden)
			if err != nil {
				t.Fatal(err)
			}
			out, _ := results.Read(outDir)
			want, _ := verify.FromOutput(out, true)
			for _, w := range want {
				got := g[w.Key]
				if got.Text() != w.Text() || !reflect.DeepEqual(got.Figures, w.Figures) || got.Status != w.Status || got.DocID != w.DocID {
					t.Errorf("%s did not round-trip:\n got %+v\nwant %+v", w.Key, got, w)
				}
			}
			ok, err := verify.Run(context.Background(), outDir, verify.Config{Golden: golden, Text: true}, &buf)
			if err != nil || !ok {
				t.Errorf("verify after update: %v %v\n%s", ok, err, buf.String())
			}
		})
	}
}

// TestGoldenFormat pins the golden file format for the sample output: a
// format change shows up as a diff of testdata/verify/golden.
func TestGoldenFormat(t *testing.T) {
	r := sample()
	out, err := results.Read(writeOutput(t, "jsonl", r))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := verify.FromOutput(out, true)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "testdata", "verify", "golden")
	if *update {
		if _, err := verify.Update(dir, docs); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs {
		want, err := os.ReadFile(filepath.Join(dir, d.Key+".json"))
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		got, err := verify.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s.json differs from the checked-in golden file (run with -update if intended):\n%s", d.Key, got)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		sources, ids []string
		want         []string
	}{
		{[]string{"a/000_x.txt", "b/001.html.gz", "feed.jsonl:12", "-", `C:\in\报告.htm`}, []string{"1", "2", "rec-9", "4", "5"},
			[]string{"000_x", "001", "rec-9", "4", "报告"}},
		{[]string{"a/x.txt", "b/x.html", "c/y.txt"}, []string{"1", "2", "3"}, []string{"x_1", "x_2", "y"}},
		{[]string{"a b/c&d?.txt", ".hidden"}, []string{"1", "2"}, []string{"c_d_", "hidden"}},
	}
	for _, tt := range tests {
		var docs []schema.Document
		for i := range tt.sources {
			docs = append(docs, schema.Document{Source: tt.sources[i], DocID: tt.ids[i]})
		}
		got, err := verify.Keys(docs)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Keys(%q) = %q, want %q", tt.sources, got, tt.want)
		}
	}
	if _, err := verify.Keys([]schema.Document{{Source: "x.txt", DocID: "1"}, {Source: "x.txt", DocID: "1"}}); err == nil {
		t.Error("duplicate documents accepted")
	}
}

func TestLoadErrors(t *testing.T) {
	for name, content := range map[string]string{
		"unknown field": `{"doc_id": "a", "status": "ok", "figures": [], "valeu": 1}`,
		"no kind":       `{"doc_id": "a", "status": "ok", "figures": [{"value": 1}]}`,
		"not json":      `{`,
	} {
		dir := t.TempDir()
		p := filepath.Join(dir, "a.json")
		os.WriteFile(p, []byte(content), 0o644)
		_, err := verify.Load(dir)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want one naming %s", name, err, p)
		}
	}
}

// FuzzUnmarshal: golden files are edited by hand and reviewed, so any bytes
// may show up.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"doc_id":"a","source":"x","status":"ok","figures":[{"kind":"investment","value":1,"value_text":"1","unit":"CNY","qualifier":"","raw":"r"}],"text_lines":["a",""]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := verify.Unmarshal(b)
		if err != nil {
			return
		}
		d.Key = "k"
		if _, err := verify.Marshal(d); err != nil && !strings.Contains(err.Error(), "non-finite") {
			t.Fatalf("parsed golden file does not marshal: %v", err)
		}
	})
}
