package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// scaledRun writes a run of n documents made from the sample's three (two
// ok with figures and edits, one failed), each with its own doc_id and
// source, the way `run` orders them.
func scaledRun(t testing.TB, format string, n int) string {
	t.Helper()
	sd, sf, se := resultstest.Sample()
	var docs []schema.Document
	var figs []schema.Figure
	var edits []schema.Edit
	for i := 0; i < n; i++ {
		d := sd[i%len(sd)]
		old := d.DocID
		d.DocID = fmt.Sprintf("%s-%06d", old, i)
		d.Source = fmt.Sprintf("in/%06d_%s", i, filepath.Base(d.Source))
		docs = append(docs, d)
		for _, f := range sf {
			if f.DocID == old {
				f.DocID, f.Source = d.DocID, d.Source
				figs = append(figs, f)
			}
		}
		for _, e := range se {
			if e.DocID == old {
				e.DocID = d.DocID
				edits = append(edits, e)
			}
		}
	}
	dir := t.TempDir()
	if err := resultstest.Write(dir, format, docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	return dir
}

func parseFile(t testing.TB, path string) *goquery.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, b)
}

// folderRows reads the documents table's rows from a report folder's data
// files, in the order the index loads them.
func folderRows(t testing.TB, dir string, index *goquery.Document) [][]any {
	t.Helper()
	var rows [][]any
	index.Find("script[src]").Each(func(_ int, s *goquery.Selection) {
		b, err := os.ReadFile(filepath.Join(dir, s.AttrOr("src", "")))
		if err != nil {
			t.Fatal(err)
		}
		js := strings.TrimSpace(string(b))
		if !strings.HasPrefix(js, "zxAdd(") || !strings.HasSuffix(js, ");") {
			t.Fatalf("%s is not a zxAdd call", s.AttrOr("src", ""))
		}
		var part [][]any
		if err := json.Unmarshal([]byte(js[len("zxAdd("):len(js)-2]), &part); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, part...)
	})
	return rows
}

func TestWriteDir(t *testing.T) {
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			const n = 250
			run := scaledRun(t, format, n)
			parent := t.TempDir()
			dir := filepath.Join(parent, "report")
			opt := report.Options{DocsPerPage: 40}
			res, err := report.WriteDir(context.Background(), dir, run, opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Documents != n || res.Shown != n || res.Pages != 7 {
				t.Errorf("result %+v, want %d documents on 7 pages", res, n)
			}
			index := parseFile(t, filepath.Join(dir, "index.html"))
			if got := index.Find("#n-docs").Text(); !strings.HasPrefix(got, fmt.Sprintf("%d documents", n)) {
				t.Errorf("index totals %q", got)
			}
			rows := folderRows(t, dir, index)
			if len(rows) != n {
				t.Fatalf("%d table rows, want %d", len(rows), n)
			}
			// Every row links to its document's section on an existing page,
			// and every document is on exactly one page.
			pages := map[string]*goquery.Document{}
			for i, r := range rows {
				page, anchor, _ := strings.Cut(r[1].(string), "#")
				if pages[page] == nil {
					pages[page] = parseFile(t, filepath.Join(dir, page))
				}
				id := pages[page].Find("section#"+anchor).AttrOr("data-doc", "")
				if want := fmt.Sprintf("-%06d", i); !strings.HasSuffix(id, want) {
					t.Fatalf("row %d links to %s, the section of %q", i, r[1], id)
				}
			}
			sections, marks := 0, 0
			for _, p := range pages {
				sections += p.Find("section.doc").Length()
				marks += p.Find("mark.fig:not(.cont)").Length()
			}
			_, sf, _ := resultstest.Sample()
			// Documents 0, 3, 6, ... carry the first sample document's
			// figures, 1, 4, ... the second's.
			wantMarks := 0
			for i := 0; i < n; i++ {
				sd, _, _ := resultstest.Sample()
				for _, f := range sf {
					if f.DocID == sd[i%3].DocID {
						wantMarks++
					}
				}
			}
			if len(pages) != 7 || sections != n || marks != wantMarks {
				t.Errorf("%d pages, %d sections, %d highlights; want 7, %d, %d", len(pages), sections, marks, n, wantMarks)
			}
			// Pages link to their neighbours and to the index.
			first, last := pages["docs/00001.html"], pages["docs/00007.html"]
			if first.Find(`a[rel="prev"]`).Length() != 0 || first.Find(`a[rel="next"]`).AttrOr("href", "") != "00002.html" ||
				last.Find(`a[rel="next"]`).Length() != 0 || last.Find(`a[rel="prev"]`).AttrOr("href", "") != "00006.html" ||
				first.Find(`a[href="../index.html"]`).Length() != 1 {
				t.Error("page navigation links wrong")
			}

			// Writing again replaces the report; nothing temporary is left.
			if _, err := report.WriteDir(context.Background(), dir, run, report.Options{Limit: 3}); err != nil {
				t.Fatal(err)
			}
			if rows := folderRows(t, dir, parseFile(t, filepath.Join(dir, "index.html"))); len(rows) != 3 {
				t.Errorf("after rewriting with --limit 3: %d rows", len(rows))
			}
			if _, err := os.Stat(filepath.Join(dir, "docs", "00002.html")); !errors.Is(err, os.ErrNotExist) {
				t.Error("a page of the old report was left behind")
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 1 {
				t.Errorf("parent holds %d entries, want the report only", len(entries))
			}
		})
	}
}

func TestWriteDirRefuses(t *testing.T) {
	run := sampleRun(t, "jsonl")
	parent := t.TempDir()
	notReport := filepath.Join(parent, "mine")
	if err := os.Mkdir(notReport, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(notReport, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(parent, "file")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(parent, "link")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{notReport, file, link} {
		_, err := report.WriteDir(context.Background(), dir, run, report.Options{})
		if err == nil || !strings.Contains(err.Error(), "refusing") || !strings.Contains(err.Error(), dir) {
			t.Errorf("WriteDir %s: %v, want a refusal naming it", dir, err)
		}
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Error("a folder that is not a report was touched")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
}

// TestWriteFileRefuses: -o must be a regular file or a new path; a symlink,
// FIFO, folder or device is left as it is (issue 17, item 8).
func TestWriteFileRefuses(t *testing.T) {
	run := sampleRun(t, "parquet")
	dir := t.TempDir()
	target := filepath.Join(dir, "target.html")
	if err := os.WriteFile(target, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(p string) error{
		"symlink": func(p string) error { return os.Symlink(target, p) },
		"fifo":    func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"folder":  func(p string) error { return os.Mkdir(p, 0o755) },
	}
	if os.Geteuid() == 0 {
		// A character device like /dev/null, made here so that a broken
		// check could only replace this copy.
		cases["device"] = func(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3) }
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name+".html")
			if err := mk(p); err != nil {
				t.Skipf("cannot make a %s: %v", name, err)
			}
			before, _ := os.Lstat(p)
			_, err := report.WriteFile(context.Background(), p, run, report.Options{})
			if err == nil || !strings.Contains(err.Error(), "refusing") || !strings.Contains(err.Error(), p) {
				t.Errorf("WriteFile: %v, want a refusal naming %s", err, p)
			}
			after, err := os.Lstat(p)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s was replaced: mode %v -> %v", name, before.Mode(), after.Mode())
			}
		})
	}
	if b, _ := os.ReadFile(target); string(b) != "theirs" {
		t.Error("the symlink's target was written")
	}
	// A regular file is replaced and keeps its permissions.
	own := filepath.Join(dir, "own.html")
	if err := os.WriteFile(own, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := report.WriteFile(context.Background(), own, run, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(own); err != nil || st.Mode().Perm() != 0o600 || st.Size() < 1000 {
		t.Errorf("regular file not replaced as it was: %v %v", st.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestSingleTooLarge(t *testing.T) {
	run := scaledRun(t, "jsonl", 30)
	path := filepath.Join(t.TempDir(), "r.html")
	_, err := report.WriteFile(context.Background(), path, run, report.Options{MaxSingleDocs: 10})
	if !errors.Is(err, report.ErrTooLarge) {
		t.Fatalf("30 documents with MaxSingleDocs 10: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused report left a file")
	}
	// The same run fits with a selection.
	if _, err := report.WriteFile(context.Background(), path, run, report.Options{MaxSingleDocs: 10, Limit: 10}); err != nil {
		t.Fatal(err)
	}
}

func TestSelection(t *testing.T) {
	const n = 30 // documents 2, 5, 8, ... failed; 0, 3, ... have road_length
	run := scaledRun(t, "parquet", n)
	rowsOf := func(opt report.Options) ([][]any, *goquery.Document) {
		var buf bytes.Buffer
		if _, err := report.WriteSingle(context.Background(), &buf, run, opt); err != nil {
			t.Fatal(err)
		}
		doc := parse(t, buf.Bytes())
		if got := doc.Find("#n-docs").Text(); !strings.HasPrefix(got, "30 documents: 20 ok, 10 failed") {
			t.Errorf("totals %q: they must count the whole run", got)
		}
		return tableRows(t, doc), doc
	}
	nums := func(rows [][]any) []int {
		var out []int
		for _, r := range rows {
			out = append(out, int(r[0].(float64)))
		}
		return out
	}
	tests := []struct {
		name string
		opt  report.Options
		want []int // row numbers shown; nil: check count and filter only
		n    int
	}{
		{"all", report.Options{}, nil, n},
		{"failed", report.Options{FailedOnly: true}, []int{3, 6, 9, 12, 15, 18, 21, 24, 27, 30}, 10},
		{"kind", report.Options{Kind: "road_length", Limit: 4}, []int{1, 4, 7, 10}, 4},
		{"limit", report.Options{Limit: 5}, []int{1, 2, 3, 4, 5}, 5},
		{"sample", report.Options{Sample: 7, Seed: 1}, nil, 7},
		{"sample failed", report.Options{Sample: 4, Seed: 3, FailedOnly: true}, nil, 4},
		{"sample larger than the run", report.Options{Sample: 100}, nil, n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, doc := rowsOf(tt.opt)
			got := nums(rows)
			if len(got) != tt.n || (tt.want != nil && fmt.Sprint(got) != fmt.Sprint(tt.want)) {
				t.Errorf("rows %v, want %d rows %v", got, tt.n, tt.want)
			}
			if doc.Find("section.doc").Length() != len(got) {
				t.Errorf("%d sections for %d rows", doc.Find("section.doc").Length(), len(got))
			}
			seen := map[int]bool{}
			for i, r := range rows {
				if seen[got[i]] || (i > 0 && got[i] < got[i-1]) {
					t.Errorf("rows not distinct and in run order: %v", got)
				}
				seen[got[i]] = true
				if tt.opt.FailedOnly && r[4] != "failed" {
					t.Errorf("row %v is not failed", r)
				}
			}
			if (tt.opt.FailedOnly || tt.opt.Limit > 0 || tt.opt.Sample > 0 || tt.opt.Kind != "") != (doc.Find("#selection").Length() == 1) {
				t.Error("the selection is not stated")
			}
		})
	}
	// A sample is drawn again the same with the same seed, differently with another.
	a, _ := rowsOf(report.Options{Sample: 7, Seed: 1})
	b, _ := rowsOf(report.Options{Sample: 7, Seed: 1})
	c, _ := rowsOf(report.Options{Sample: 7, Seed: 2})
	if fmt.Sprint(nums(a)) != fmt.Sprint(nums(b)) {
		t.Error("same seed, different samples")
	}
	if fmt.Sprint(nums(a)) == fmt.Sprint(nums(c)) {
		t.Error("seeds 1 and 2 drew the same 7 of 30")
	}
}

// TestJoinOrder: a figure or edit out of the run's order, or naming no
// document, is counted in a warning, never shown with another document.
func TestJoinOrder(t *testing.T) {
	docs := []schema.Document{
		{DocID: "a", Source: "a.txt", Status: "ok", Text: "甲乙丙丁"},
		{DocID: "b", Source: "b.txt", Status: "ok", Text: "甲乙丙丁"},
		{DocID: "c", Source: "c.txt", Status: "ok", Text: "甲乙丙丁"},
	}
	fig := func(doc, id string) schema.Figure {
		return schema.Figure{DocID: doc, FigureID: id, Kind: "funding", ValueText: "1", TextStart: 0, TextEnd: 3}
	}
	figs := []schema.Figure{fig("a", "a1"), fig("b", "b1"), fig("a", "a2"), fig("c", "c1"), fig("z", "z1")}
	edits := []schema.Edit{{DocID: "a", Stage: "chrome", Old: "x"}, {DocID: "c", Stage: "chrome", Old: "y"}, {DocID: "b", Stage: "chrome", Old: "z"}}
	dir := t.TempDir()
	if err := resultstest.Write(dir, "jsonl", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := report.WriteSingle(context.Background(), &buf, dir, report.Options{}); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, buf.Bytes())
	for id, want := range map[string]int{"a": 1, "b": 1, "c": 1} {
		if n := doc.Find(`section[data-doc="` + id + `"] table.figures tbody tr`).Length(); n != want {
			t.Errorf("document %s shows %d figures, want %d", id, n, want)
		}
	}
	if n := doc.Find(`section[data-doc="b"] table.edits tbody tr`).Length(); n != 0 {
		t.Errorf("document b shows %d edits; its only edit came after c's", n)
	}
	if w := doc.Find(".warn").Text(); !strings.Contains(w, "2 figures and 1 edits are not shown") {
		t.Errorf("warning %q", w)
	}
}

// writeFiguresWithEvidence writes figs as the figures table of dir with
// evidence and basis columns (optional strings, set where ev has the
// figure's index). The row type is made from schema.Figure's fields as
// they are, so the test holds whether or not schema.Figure has the columns.
func writeFiguresWithEvidence(dir, format string, figs []schema.Figure, ev map[int][2]string) error {
	base := reflect.TypeOf(schema.Figure{})
	var fields []reflect.StructField
	for i := 0; i < base.NumField(); i++ {
		f := base.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("parquet"), ","); name == "evidence" || name == "basis" {
			continue
		}
		fields = append(fields, f)
	}
	sp := reflect.TypeOf((*string)(nil))
	fields = append(fields,
		reflect.StructField{Name: "Evidence", Type: sp, Tag: `parquet:"evidence,optional" json:"evidence"`},
		reflect.StructField{Name: "Basis", Type: sp, Tag: `parquet:"basis,optional" json:"basis"`})
	typ := reflect.StructOf(fields)
	var rows []any
	for i, f := range figs {
		row := reflect.New(typ).Elem()
		src := reflect.ValueOf(f)
		for j := 0; j < len(fields)-2; j++ {
			row.Field(j).Set(src.FieldByName(fields[j].Name))
		}
		if e, ok := ev[i]; ok {
			row.FieldByName("Evidence").Set(reflect.ValueOf(&e[0]))
			row.FieldByName("Basis").Set(reflect.ValueOf(&e[1]))
		}
		rows = append(rows, row.Interface())
	}
	f, err := os.Create(filepath.Join(dir, "figures."+format))
	if err != nil {
		return err
	}
	defer f.Close()
	if format == "parquet" {
		w := parquet.NewWriter(f, parquet.SchemaOf(reflect.New(typ).Elem().Interface()))
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				return err
			}
		}
		return w.Close()
	}
	enc := json.NewEncoder(f)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

func TestEvidenceAndInferred(t *testing.T) {
	for _, format := range []string{"parquet", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			docs, figs, edits := resultstest.Sample()
			edits = append(edits, schema.Edit{DocID: docs[1].DocID, Stage: "mojibake", Seq: 1, TextStart: 0, TextEnd: 3, Old: "\ufffd", New: "办", Reason: "inferred: 办 from the model (bytes lost)"})
			dir := t.TempDir()
			if err := resultstest.Write(dir, format, docs, figs, edits); err != nil {
				t.Fatal(err)
			}
			ev, basis := "改造农村公路559公里", "stated"
			if err := writeFiguresWithEvidence(dir, format, figs, map[int][2]string{0: {ev, basis}}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := report.WriteSingle(context.Background(), &buf, dir, report.Options{}); err != nil {
				t.Fatal(err)
			}
			doc := parse(t, buf.Bytes())
			d1 := doc.Find(`section[data-doc="` + docs[0].DocID + `"]`)
			if d1.Find("table.figures td.evidence").First().Text() != ev || d1.Find("table.figures td.basis").First().Text() != basis {
				t.Error("evidence and basis not shown beside the figure")
			}
			if tip := d1.Find("mark.fig").First().AttrOr("title", ""); !strings.Contains(tip, "evidence: "+ev) || !strings.Contains(tip, "basis: stated") {
				t.Errorf("tooltip %q", tip)
			}
			// Documents whose figures have none show no such columns.
			if doc.Find(`section[data-doc="`+docs[1].DocID+`"] table.figures th`).FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == "evidence" }).Length() != 0 {
				t.Error("an evidence column without evidence")
			}
			inf := doc.Find("tr.inferred")
			if inf.Length() != 1 || inf.Find(".new").Text() != "办" || !strings.Contains(inf.Text(), "inferred") {
				t.Errorf("%d inferred edits highlighted", inf.Length())
			}
			if doc.Find(`tr[data-stage="mojibake"]:not(.inferred)`).Length() != 1 {
				t.Error("a mojibake edit that is not inferred is highlighted as inferred")
			}
		})
	}
	// Without the columns (the sample run) nothing breaks and none show.
	doc := parse(t, render(t, sampleOutput(t, "parquet")))
	if doc.Find("td.evidence").Length() != 0 || doc.Find("tr.inferred").Length() != 0 {
		t.Error("evidence or inferred shown for a run without them")
	}
}

// TestFolderPagesByBytes: a page takes documents until their text passes
// PageBytes; a document longer than that gets a page of its own.
func TestFolderPagesByBytes(t *testing.T) {
	run := scaledRun(t, "jsonl", 9)
	dir := filepath.Join(t.TempDir(), "r")
	res, err := report.WriteDir(context.Background(), dir, run, report.Options{PageBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 9 {
		t.Errorf("%d pages, want one per document", res.Pages)
	}
	re := regexp.MustCompile(`^\d{5}\.html$`)
	entries, _ := os.ReadDir(filepath.Join(dir, "docs"))
	for _, e := range entries {
		if !re.MatchString(e.Name()) {
			t.Errorf("unexpected file docs/%s", e.Name())
		}
	}
	if len(entries) != 9 {
		t.Errorf("%d files in docs/", len(entries))
	}
}
