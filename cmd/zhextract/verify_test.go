package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/results/resultstest"
)

func TestParseFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args    []string
		pos     []string
		o       string
		verbose bool
	}{
		{[]string{"OUT", "-o", "r.html"}, []string{"OUT"}, "r.html", false},
		{[]string{"-o", "r.html", "OUT"}, []string{"OUT"}, "r.html", false},
		{[]string{"A", "-v", "B", "-o=x"}, []string{"A", "B"}, "x", true},
		{[]string{"-v", "--", "-o", "B"}, []string{"-o", "B"}, "", true},
		{[]string{}, nil, "", false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		o := fs.String("o", "", "")
		v := fs.Bool("v", false, "")
		pos, err := parseFlagsAnywhere(fs, tt.args)
		if err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		if !reflect.DeepEqual(pos, tt.pos) || *o != tt.o || *v != tt.verbose {
			t.Errorf("%q: pos %q o %q v %v; want %q %q %v", tt.args, pos, *o, *v, tt.pos, tt.o, tt.verbose)
		}
	}
}

func TestCmdVerifyAndReport(t *testing.T) {
	docs, figs, edits := resultstest.Sample()
	out := t.TempDir()
	if err := resultstest.Write(out, "jsonl", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(t.TempDir(), "golden")
	ctx := context.Background()
	var stdout, stderr bytes.Buffer

	if code, err := cmdVerify(ctx, []string{"--update", "--golden", golden, out}, &stdout, &stderr); code != 0 || err != nil {
		t.Fatalf("update: %d %v", code, err)
	}
	if code, err := cmdVerify(ctx, []string{out, "--golden", golden}, &stdout, &stderr); code != 0 || err != nil {
		t.Fatalf("verify same output: %d %v\n%s", code, err, stdout.String())
	}
	figs[0].Value++
	changed := t.TempDir()
	if err := resultstest.Write(changed, "parquet", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code, err := cmdVerify(ctx, []string{"--golden", golden, changed}, &stdout, &stderr); code != 1 || err != nil {
		t.Fatalf("verify changed output: %d %v", code, err)
	}
	if !strings.Contains(stdout.String(), "value: 559 -> 560") {
		t.Errorf("report: %s", stdout.String())
	}
	if code, err := cmdVerify(ctx, []string{"--golden", golden, t.TempDir()}, &stdout, &stderr); code != 2 || err == nil {
		t.Errorf("verify of an empty dir: %d %v", code, err)
	}
	if code, err := cmdVerify(ctx, []string{"--tolerance", "-1", "--golden", golden, out}, &stdout, &stderr); code != 2 || err == nil {
		t.Errorf("negative tolerance: %d %v", code, err)
	}

	html := filepath.Join(t.TempDir(), "report.html")
	if err := cmdReport(ctx, []string{out, "-o", html}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(html)
	if err != nil || !bytes.Contains(b, []byte(`<mark class="fig`)) {
		t.Errorf("report not written: %v", err)
	}
	if err := cmdReport(ctx, []string{out, "extra", "-o", html}, &stdout, &stderr); err == nil {
		t.Error("two positional arguments accepted")
	}
}
