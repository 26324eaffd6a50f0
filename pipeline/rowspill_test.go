package pipeline

import (
	"reflect"
	"testing"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// TestRecordRoundTrip: figures and edits read back from a spill file are
// the ones written, field for field: a pointer to zero stays a pointer, a
// nil one stays nil, figures of one sentence and empty strings keep their
// values, negative offsets survive.
func TestRecordRoundTrip(t *testing.T) {
	zero, five := 0.0, 5.0
	figs := []struct {
		f extractors.Figure
		s figSpan
	}{
		{extractors.Figure{Kind: "road_km", Value: 1234.5, ValueText: "1234.5", Unit: "km", Start: 10, End: 20, Sentence: "新建公路1234.5公里。", Year: 2023, Subject: "公路", Extractor: "km", Evidence: "cue"}, figSpan{100, 120, "1234.5公里", true}},
		{extractors.Figure{Kind: "investment", Value: 3e8, ValueText: "300000000", Unit: "CNY", Qualifier: "approx", Start: 21, End: 30, Sentence: "新建公路1234.5公里。", Basis: "total", SubjectOriginal: "公路"}, figSpan{121, 130, "", false}},
		{extractors.Figure{Kind: "time_cut", Value: 5, FromValue: &zero, ToValue: &five, PeriodUnit: "working_day", Start: 0, End: 3, Sentence: "由0个工作日缩减至5个工作日"}, figSpan{-1, -1, "", false}},
		{extractors.Figure{Kind: "x", Sentence: ""}, figSpan{}},
	}
	edits := []textedit.Edit{
		{Stage: "chrome", Start: 3, End: 9, Old: "首页 > 新闻", Reason: "breadcrumb"},
		{Stage: "decode", Start: -1, End: -1, Old: "\\xff", New: "\ufffd", Reason: "invalid", Quiet: true, Unit: 2, NewUnit: 3},
	}
	w, err := newRecordWriter()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		if err := w.figure(&f.f, f.s); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range edits {
		if err := w.edit(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.done(); err != nil {
		t.Fatal(err)
	}
	if w.n != len(figs)+len(edits) {
		t.Fatalf("%d records counted", w.n)
	}
	r := newRecordReader(w.f)
	for i, want := range figs {
		f, s, err := r.figure()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f, want.f) || s != want.s {
			t.Errorf("figure %d: read %+v %+v, wrote %+v %+v", i, f, s, want.f, want.s)
		}
	}
	for i, want := range edits {
		e, err := r.edit()
		if err != nil {
			t.Fatal(err)
		}
		if e != want {
			t.Errorf("edit %d: read %+v, wrote %+v", i, e, want)
		}
	}
	if _, err := r.edit(); err == nil {
		t.Error("a record read past the end")
	}
}
