package pdftext_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/pdftext/pdftest"
)

// BenchmarkPDF reads a 40-page report (text layer, running header, page
// numbers) and reports pages/s; when poppler's pdftotext is installed it is
// timed on the same file in the same run as the peer.
func BenchmarkPDF(b *testing.B) {
	f := font(b)
	var paras []string
	for i := 0; i < 60; i++ {
		paras = append(paras, fmt.Sprintf("第%d项：全年完成交通固定资产投资%d.6亿元，比上年增长8.2%%，新改建农村公路%d公里，%s。", i+1, 100+i, 1000+i, filler))
	}
	data, err := pdftest.Build(f, pdftest.Report{Title: "2023年全市交通运输工作报告", Paras: paras, LinesPerPage: 30})
	if err != nil {
		b.Fatal(err)
	}
	r := sharedReader()
	doc, err := r.Read(context.Background(), data) // start PDFium outside the timing
	if err != nil {
		b.Fatal(err)
	}
	pages := len(doc.Pages)
	path := filepath.Join(b.TempDir(), "r.pdf")
	os.WriteFile(path, data, 0o644)
	cli, _ := exec.LookPath("pdftotext")
	var ours, peer time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		doc, err := r.Read(context.Background(), data)
		if err != nil {
			b.Fatal(err)
		}
		if t := pdftext.Join(doc.Pages).Text; !strings.Contains(t, "第60项") {
			b.Fatal("text incomplete")
		}
		ours += time.Since(start)
		if cli != "" {
			start = time.Now()
			if out, err := exec.Command(cli, "-enc", "UTF-8", path, "-").Output(); err != nil || len(out) < 1000 {
				b.Fatalf("pdftotext: %v", err)
			}
			peer += time.Since(start)
		}
	}
	b.ReportMetric(float64(pages*b.N)/ours.Seconds(), "pages/s")
	if cli != "" {
		b.ReportMetric(float64(pages*b.N)/peer.Seconds(), "pdftotext-pages/s")
	}
	b.ReportMetric(float64(pages), "pages")
}
