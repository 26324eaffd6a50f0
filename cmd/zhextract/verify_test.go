package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/results/resultstest"
)

func TestCmdVerifyAndReport(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	out := t.TempDir()
	if err := resultstest.Write(out, "jsonl", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(t.TempDir(), "golden")
	ctx := context.Background()
	var stdout, stderr bytes.Buffer

	if code := execute(ctx, []string{"verify", "--update", "--golden", golden, out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("update: exit %d: %s", code, stderr.String())
	}
	if code := execute(ctx, []string{"verify", out, "--golden", golden}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("verify same output: exit %d: %s\n%s", code, stderr.String(), stdout.String())
	}
	figs[0].Value++
	changed := t.TempDir()
	if err := resultstest.Write(changed, "parquet", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := execute(ctx, []string{"verify", "--golden", golden, changed}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("verify changed output: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "value: 559 -> 560") {
		t.Errorf("report: %s", stdout.String())
	}
	if code := execute(ctx, []string{"verify", "--golden", golden, t.TempDir()}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("verify of an empty dir: exit %d", code)
	}
	if code := execute(ctx, []string{"verify", "--tolerance", "-1", "--golden", golden, out}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("negative tolerance: exit %d", code)
	}

	html := filepath.Join(t.TempDir(), "report.html")
	if code := execute(ctx, []string{"report", out, "-o", html}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(html)
	if err != nil || !bytes.Contains(b, []byte(`<mark class="fig`)) {
		t.Errorf("report not written: %v", err)
	}
	if code := execute(ctx, []string{"report", out, "extra", "-o", html}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("two positional arguments: exit %d, want 2", code)
	}
}
