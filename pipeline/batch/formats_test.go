package batch_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/ingest/warctest"
	"github.com/zhextract/zhextract/pipeline/pdftext/pdftest"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// Reports in simplified and traditional script, each a title and
// paragraphs.
var formatTexts = map[string][]string{
	"roads": {
		"2023年全市交通运输工作总结",
		"2023年，全市交通运输系统坚持稳中求进工作总基调，统筹推进交通强国建设试点任务，全年完成交通固定资产投资125.6亿元，比上年增长8.2%，其中公路建设投资86.3亿元。",
		"全年新改建农村公路1256公里，新增高速公路通车里程45.8公里，全市公路总里程达到2.1万公里，农村公路通达深度和服务水平进一步提升。",
		"深化“放管服”改革，道路运输经营许可办理时间由20个工作日缩减至5个工作日，申请材料压减40%，群众和企业办事更加便利。",
	},
	"trad": {
		"二〇二三年度交通建設成果報告",
		"本年度全市持續推動交通建設，全年完成公路建設投資32億元，較去年增加15%，並完成新建及改建道路共120公里，其中快速道路15.5公里。",
		"為提升為民服務效能，道路挖掘許可審查時間由30個工作日縮減至10個工作日，申請文件精簡50%，民眾申辦更加便捷。",
	},
}

func asText(paras []string) []byte { return []byte(strings.Join(paras, "\n") + "\n") }

func asHTML(paras []string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(paras[0]) + "</title></head><body>")
	b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></div><div class=\"article\"><h1>" + html.EscapeString(paras[0]) + "</h1>")
	for _, p := range paras[1:] {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	b.WriteString("</div></body></html>")
	return []byte(b.String())
}

type figKey struct {
	Kind, ValueText, Unit, Qualifier string
	Year                             int32
}

func figureKeys(figs []schema.Figure) map[string][]figKey {
	m := map[string][]figKey{}
	for _, f := range figs {
		k := figKey{f.Kind, f.ValueText, f.Unit, string(f.Qualifier), 0}
		if f.Year != nil {
			k.Year = *f.Year
		}
		m[f.Source] = append(m[f.Source], k)
	}
	return m
}

// TestInputFormats: a folder mixing .html, .txt, .jsonl, .warc.gz and
// .pdf gives one documents row per article or report, with the figures
// the same texts give as .txt.
func TestInputFormats(t *testing.T) {
	font, ferr := pdftest.LoadFont()
	if ferr != nil && !errors.Is(ferr, pdftest.ErrNoFont) {
		t.Fatal(ferr)
	}
	twins, mixed := t.TempDir(), t.TempDir()
	for name, paras := range formatTexts {
		writeFile(t, filepath.Join(twins, name+".txt"), asText(paras))
	}
	// The report as the PDF reader gets it: no title line (it is the running
	// header), the table's rows as lines.
	report := formatTexts["roads"]
	table := [][]string{{"项目", "里程", "投资"}, {"国道", "120公里", "30亿元"}}
	writeFile(t, filepath.Join(twins, "report.txt"), asText(append(append([]string{}, report[1:3]...), "项目 里程 投资", "国道 120公里 30亿元", report[3])))

	want := map[string]string{} // mixed source -> twin source
	writeFile(t, filepath.Join(mixed, "a.txt"), asText(formatTexts["roads"]))
	want["a.txt"] = "roads.txt"
	writeFile(t, filepath.Join(mixed, "b.html"), asHTML(formatTexts["trad"]))
	want["b.html"] = "trad.txt"
	var jl bytes.Buffer
	for i, name := range []string{"trad", "roads"} {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("j", i), "text": string(asText(formatTexts[name]))})
		jl.Write(append(line, '\n'))
		want[fmt.Sprintf("c.jsonl:%d", i+1)] = name + ".txt"
	}
	writeFile(t, filepath.Join(mixed, "c.jsonl"), jl.Bytes())
	gbkText, _ := simplifiedchinese.GBK.NewEncoder().Bytes(asText(formatTexts["roads"]))
	recs := []warctest.Record{
		{Type: gowarc.Request, ID: "20000000-0000-4000-8000-000000000001", URI: "http://jtj.example.gov.cn/a.html"},
		{ID: "20000000-0000-4000-8000-000000000002", URI: "http://jtj.example.gov.cn/a.html",
			Header: map[string]string{"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"},
			Body:   warctest.Chunk(warctest.Gzip(asHTML(formatTexts["trad"])), 100)},
		{ID: "20000000-0000-4000-8000-000000000003", URI: "http://jtj.example.gov.cn/style.css", Header: map[string]string{"Content-Type": "text/css"}, Body: []byte("p{}")},
		{ID: "20000000-0000-4000-8000-000000000004", URI: "http://jtj.example.gov.cn/b.txt",
			Header: map[string]string{"Content-Type": "text/plain; charset=GBK"}, Body: gbkText},
	}
	wantWARC := []string{"trad.txt", "roads.txt"}
	var pdf []byte
	if font != nil {
		var err error
		pdf, err = pdftest.Build(font, pdftest.Report{
			Title: report[0], Created: time.Date(2024, 1, 15, 9, 30, 0, 0, time.UTC),
			Paras: report[1:], Table: table, TableAfter: 1, LinesPerPage: 5,
		})
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(mixed, "e.pdf"), pdf)
		want["e.pdf"] = "report.txt"
		recs = append(recs, warctest.Record{ID: "20000000-0000-4000-8000-000000000005", URI: "http://jtj.example.gov.cn/r.pdf",
			Header: map[string]string{"Content-Type": "application/pdf"}, Body: pdf})
		wantWARC = append(wantWARC, "report.txt")
	} else {
		t.Log("no CJK font: PDFs left out:", ferr)
	}
	var wb bytes.Buffer
	if _, err := warctest.Write(&wb, recs, 1); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(mixed, "d.warc.gz"), wb.Bytes())

	outT, outM := t.TempDir(), t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{twins}, Out: outT, Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	sum, err := run(t, batch.Config{Inputs: []string{mixed}, Out: outM, Formats: []string{"jsonl"}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped != 2 {
		t.Errorf("skipped %d WARC records, want 2 (request, CSS)", sum.Skipped)
	}
	docs := readJSONL[schema.Document](t, filepath.Join(outM, "documents.jsonl"))
	warcDocs := 0
	for _, d := range docs {
		base := filepath.Base(d.Source)
		if strings.HasPrefix(base, "d.warc.gz#") {
			if warcDocs < len(wantWARC) {
				want[base] = wantWARC[warcDocs]
			}
			warcDocs++
			if d.FetchedAt == nil || !strings.HasPrefix(string(d.URL), "http://jtj.example.gov.cn/") {
				t.Errorf("%s: fetched_at %v url %q", base, d.FetchedAt, d.URL)
			}
		}
		if d.Status != schema.StatusOK {
			t.Errorf("%s: %s", base, d.Error)
		}
		if isPDF := strings.HasSuffix(string(d.URL), ".pdf") || base == "e.pdf"; isPDF != (d.Pages != nil) {
			t.Errorf("%s: pages %v", base, d.Pages)
		}
		if base == "e.pdf" && (string(d.Title) != report[0] || d.PublishedAt == nil) {
			t.Errorf("e.pdf: title %q published %v, want the PDF's metadata", d.Title, d.PublishedAt)
		}
	}
	if len(docs) != len(want) {
		t.Errorf("%d documents, want %d", len(docs), len(want))
	}
	twinFigs := figureKeys(readJSONL[schema.Figure](t, filepath.Join(outT, "figures.jsonl")))
	mixedRows := readJSONL[schema.Figure](t, filepath.Join(outM, "figures.jsonl"))
	mixedFigs := figureKeys(mixedRows)
	for _, d := range docs {
		base := filepath.Base(d.Source)
		twin := filepath.Join(twins, want[base])
		got, exp := mixedFigs[d.Source], twinFigs[twin]
		if len(exp) == 0 {
			t.Fatalf("%s: the twin %s has no figures", base, twin)
		}
		if fmt.Sprint(got) != fmt.Sprint(exp) {
			t.Errorf("%s: figures differ from %s:\n got %v\nwant %v", base, want[base], got, exp)
		}
	}
	t.Logf("%d documents, %d figures", len(docs), len(mixedRows))
	for _, f := range mixedRows {
		pdfFig := strings.HasSuffix(f.Source, "e.pdf")
		if pdfFig && (f.Page == nil || f.SourceStart != nil) {
			t.Errorf("PDF figure %s: page %v source_start %v", f.Raw, f.Page, f.SourceStart)
		}
		if !pdfFig && f.Page != nil && !strings.Contains(f.Source, "warc") {
			t.Errorf("figure %s of %s has a page", f.Raw, f.Source)
		}
	}
}

// TestWARCShardsAndResume: --shard splits one WARC by record, and
// --resume knows which records are done.
func TestWARCShardsAndResume(t *testing.T) {
	in := t.TempDir()
	var recs []warctest.Record
	for i := 0; i < 24; i++ {
		recs = append(recs, warctest.Record{ID: fmt.Sprintf("50000000-0000-4000-8000-%012d", i), URI: fmt.Sprintf("http://example.gov.cn/%d.txt", i),
			Header: map[string]string{"Content-Type": "text/plain; charset=utf-8"}, Body: []byte(fmt.Sprintf("第%d篇：全年新建农村公路%d公里。\n", i, 100+i))})
	}
	var wb bytes.Buffer
	if _, err := warctest.Write(&wb, recs, 1); err != nil {
		t.Fatal(err)
	}
	warc := filepath.Join(in, "crawl.warc.gz")
	writeFile(t, warc, wb.Bytes())
	out := t.TempDir()
	seen := map[string]bool{}
	for i := 0; i < 2; i++ {
		if _, err := run(t, batch.Config{Inputs: []string{warc}, Out: out, Formats: []string{"jsonl"}, Shard: batch.Shard{Index: i, Count: 2}}); err != nil {
			t.Fatal(err)
		}
		docs := readJSONL[schema.Document](t, filepath.Join(out, fmt.Sprintf("documents-%05d-of-00002.jsonl", i)))
		if len(docs) == 0 || len(docs) == len(recs) {
			t.Errorf("shard %d/2 holds %d of %d records", i, len(docs), len(recs))
		}
		for _, d := range docs {
			if seen[d.Source] {
				t.Errorf("%s in two shards", d.Source)
			}
			seen[d.Source] = true
		}
	}
	if len(seen) != len(recs) {
		t.Errorf("the shards hold %d records, want %d", len(seen), len(recs))
	}
	// Resume after a run that did only the first shard: the rest, once.
	out2 := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{warc}, Out: out2, Formats: []string{"jsonl"}, Shard: batch.Shard{Index: 0, Count: 2}}); err != nil {
		t.Fatal(err)
	}
	first := readJSONL[schema.Document](t, filepath.Join(out2, "documents-00000-of-00002.jsonl"))
	done, suffix, err := batch.Resume(out2, batch.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, batch.Config{Inputs: []string{warc}, Out: out2, Formats: []string{"jsonl"}, Resume: true}); err != nil {
		t.Fatal(err)
	}
	rest := readJSONL[schema.Document](t, filepath.Join(out2, "documents"+suffix+".jsonl"))
	if len(first)+len(rest) != len(recs) {
		t.Errorf("resume: %d + %d documents, want %d", len(first), len(rest), len(recs))
	}
	for _, d := range rest {
		if done[d.Source] {
			t.Errorf("%s done twice", d.Source)
		}
	}
}

// TestWARCDuplicateRecordIDs: the same records in two WARC files of one
// run get distinct doc_ids (the second copy with a warning), so the
// documents-figures join does not double rows.
func TestWARCDuplicateRecordIDs(t *testing.T) {
	in := t.TempDir()
	var recs []warctest.Record
	for i := 0; i < 3; i++ {
		recs = append(recs, warctest.Record{ID: fmt.Sprintf("60000000-0000-4000-8000-%012d", i), URI: fmt.Sprintf("http://example.gov.cn/%d.txt", i),
			Header: map[string]string{"Content-Type": "text/plain; charset=utf-8"}, Body: []byte(fmt.Sprintf("全年新建农村公路%d公里。\n", 100+i))})
	}
	var wb bytes.Buffer
	if _, err := warctest.Write(&wb, recs, 1); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(in, "a.warc.gz"), wb.Bytes())
	writeFile(t, filepath.Join(in, "b.warc.gz"), wb.Bytes())
	out := t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	docs := readJSONL[schema.Document](t, filepath.Join(out, "documents.jsonl"))
	if len(docs) != 2*len(recs) {
		t.Fatalf("%d documents, want %d", len(docs), 2*len(recs))
	}
	ids := map[string]bool{}
	warned := 0
	for _, d := range docs {
		if ids[d.DocID] {
			t.Errorf("doc_id %s given twice", d.DocID)
		}
		ids[d.DocID] = true
		if d.Warning != "" {
			warned++
		}
	}
	if warned != len(recs) {
		t.Errorf("%d documents carry a duplicate warning, want %d", warned, len(recs))
	}
}
