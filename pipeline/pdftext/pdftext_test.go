package pdftext_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/opencc"
	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/pdftext/pdftest"
)

// One PDFium for the package's tests: starting it costs seconds without a
// warm compilation cache.
var (
	readerOnce sync.Once
	reader     *pdftext.Reader
)

func sharedReader() *pdftext.Reader {
	readerOnce.Do(func() { reader = pdftext.New(0, 2) })
	return reader
}

func font(t testing.TB) []byte {
	t.Helper()
	f, err := pdftest.LoadFont()
	if errors.Is(err, pdftest.ErrNoFont) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []string
		want  string
	}{
		{"sentence over a line", []string{"　　全年完成交通固定资产投资一百二十五点六亿元，比上年增长\n八点二个百分点。"}, "全年完成交通固定资产投资一百二十五点六亿元，比上年增长八点二个百分点。"},
		{"decimal point at a line end", []string{"　　全年新改建农村公路一千余公里，新增高速公路通车里程45.\n8公里。"}, "全年新改建农村公路一千余公里，新增高速公路通车里程45.8公里。"},
		{"short last line stays", []string{"　　全年新改建农村公路一千余公里，比上年增长百分之八点二\n公里数。\n　　下一段落的内容从这里开始，内容也比较长一些些些些"}, "全年新改建农村公路一千余公里，比上年增长百分之八点二公里数。\n下一段落的内容从这里开始，内容也比较长一些些些些"},
		{"heading and table rows", []string{"一、总体情况\n项目 里程 投资\n国道 120公里 30亿元"}, "一、总体情况\n项目 里程 投资\n国道 120公里 30亿元"},
		{"hyphenated word", []string{"The Ministry of Transport reported that total invest-\nment in roads rose again this year to a record level."}, "The Ministry of Transport reported that total investment in roads rose again this year to a record level."},
		{"headers, footers and a sentence over a page", []string{
			"2023年工作报告\n　　全年完成交通固定资产投资一百二十五点六亿元，比上年增长\n八点二个百分点，其中公路建设投资达到八十六点三亿元，水运\n- 1 -",
			"2023年工作报告\n投资十二亿元。\n第 2 页 共 3 页",
			"2023年工作报告\n　　全年新改建农村公路一千余公里。\n3"},
			"全年完成交通固定资产投资一百二十五点六亿元，比上年增长八点二个百分点，其中公路建设投资达到八十六点三亿元，水运投资十二亿元。\n\n全年新改建农村公路一千余公里。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := pdftext.Join(tc.pages)
			if got.Text != tc.want {
				t.Errorf("got  %q\nwant %q\nremoved %v", got.Text, tc.want, got.Removed)
			}
			if len(got.PageStarts) != len(tc.pages) {
				t.Errorf("page starts %v for %d pages", got.PageStarts, len(tc.pages))
			}
		})
	}
}

const filler = "坚持稳中求进工作总基调统筹推进交通强国建设各项重点工程进展顺利"

// report is a three-page report with the figure 125.6亿元 broken across a
// line, 45.8公里 broken across a page, and a table. The filler before each
// figure is chosen so that the layout breaks inside it.
func report(t *testing.T, f []byte, conv func(string) string) (pdftest.Report, []string) {
	t.Helper()
	figs := []string{conv("125.6亿元"), conv("45.8公里")}
	ts, err := pdftest.NewTypesetter(f)
	if err != nil {
		t.Fatal(err)
	}
	for a := 0; a < 40; a++ {
		for b := 0; b < 90; b++ {
			r := pdftest.Report{
				Title:   conv("2023年全市交通运输工作报告"),
				Created: time.Date(2024, 1, 15, 9, 30, 0, 0, time.UTC),
				Paras: []string{
					conv("2023年，全市交通运输系统" + rep(a) + "，全年完成交通固定资产投资125.6亿元，比上年增长8.2%。"),
					conv("全年新改建农村公路1256公里，" + rep(b) + "，新增高速公路通车里程45.8公里。"),
					conv("全面完成年度目标任务。"),
				},
				Table:        [][]string{{conv("项目"), conv("里程"), conv("投资")}, {conv("国道"), conv("120公里"), conv("30亿元")}},
				TableAfter:   2,
				LinesPerPage: 5,
			}
			pages := ts.Lines(r)
			if breaks(pages, figs[0]) == "line" && breaks(pages, figs[1]) == "page" {
				return r, figs
			}
		}
	}
	t.Fatal("no layout breaks the figures as wanted")
	return pdftest.Report{}, nil
}

func rep(n int) string { return string([]rune(strings.Repeat(filler, 3))[:n]) }

// breaks says whether fig is broken across a line or a page in pages.
func breaks(pages [][]string, fig string) string {
	var prev string
	prevPage := -1
	for p, lines := range pages {
		for _, l := range lines {
			l = strings.TrimLeft(l, "　")
			if strings.Contains(l, fig) {
				return "none"
			}
			for i := 1; i < len(fig); i++ {
				if strings.HasSuffix(prev, fig[:i]) && strings.HasPrefix(l, fig[i:]) {
					if p != prevPage {
						return "page"
					}
					return "line"
				}
			}
			prev, prevPage = l, p
		}
	}
	return "absent"
}

func TestReportPDF(t *testing.T) {
	f := font(t)
	t2 := must(opencc.New("s2t"))
	for _, script := range []struct {
		name string
		conv func(string) string
	}{{"simplified", func(s string) string { return s }}, {"traditional", t2.Convert}} {
		t.Run(script.name, func(t *testing.T) {
			r, figs := report(t, f, script.conv)
			data, err := pdftest.Build(f, r)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := sharedReader().Read(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != r.Title || doc.Created != "2024-01-15T09:30:00Z" {
				t.Errorf("metadata %q %q", doc.Title, doc.Created)
			}
			lay := pdftext.Join(doc.Pages)
			for _, fig := range figs {
				if !strings.Contains(lay.Text, fig) {
					t.Errorf("figure %s broken in the text:\n%s", fig, lay.Text)
				}
			}
			for _, rm := range []string{r.Title, "- 1 -", "- 2 -"} {
				if strings.Contains(lay.Text, rm) {
					t.Errorf("header or footer %q left in the text:\n%s", rm, lay.Text)
				}
			}
			if len(lay.PageStarts) != len(doc.Pages) || len(doc.Pages) < 2 {
				t.Errorf("%d pages, page starts %v", len(doc.Pages), lay.PageStarts)
			}
			// Paragraphs stay paragraphs, the table's rows stay rows.
			if n := strings.Count(lay.Text, "\n"); n < 3 {
				t.Errorf("only %d line breaks left:\n%s", n, lay.Text)
			}
			if !strings.Contains(lay.Text, script.conv("国道")+" 120") {
				t.Errorf("table row lost:\n%s", lay.Text)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBadPDFs(t *testing.T) {
	f := font(t)
	body := pdftest.Report{Title: "报告", Paras: []string{"全年完成公路投资12亿元。"}}
	scanned := body
	scanned.Scanned = true
	locked := body
	locked.Password = "secret"
	good, err := pdftest.Build(f, body)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"scanned", must(pdftest.Build(f, scanned)), pdftext.ErrScanned},
		{"encrypted", must(pdftest.Build(f, locked)), pdftext.ErrEncrypted},
		{"truncated", good[:len(good)/3], pdftext.ErrBroken},
		{"not a pdf", []byte("%PDF-1.7\nthis is not a PDF at all\n"), pdftext.ErrBroken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sharedReader().Read(context.Background(), tc.data)
			if !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	// A limit too short for any PDF stops it and says so.
	_, err = pdftext.New(time.Nanosecond, 1).Read(context.Background(), good)
	if !errors.Is(err, pdftext.ErrTimeout) {
		t.Errorf("got %v, want a timeout", err)
	}
}

// FuzzJoin: any page texts give running text with page starts in order and
// inside it.
func FuzzJoin(f *testing.F) {
	f.Add("2023年工作报告\n　　全年完成投资十二\n亿元\n- 1 -\f2023年工作报告\n八点二\f3")
	f.Add("invest-\nment\f\f")
	f.Fuzz(func(t *testing.T, s string) {
		pages := strings.Split(s, "\f")
		lay := pdftext.Join(pages)
		if len(lay.PageStarts) != len(pages) {
			t.Fatalf("%d page starts for %d pages", len(lay.PageStarts), len(pages))
		}
		last := 0
		for _, p := range lay.PageStarts {
			if p < last || p > len(lay.Text) {
				t.Fatalf("page starts %v in a text of %d bytes", lay.PageStarts, len(lay.Text))
			}
			last = p
		}
	})
}
