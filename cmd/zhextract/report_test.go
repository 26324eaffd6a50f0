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

// TestReportCommand: -o NAME.html writes one file, any other -o a folder;
// a symlink at -o is refused and left alone (issue 17, item 8).
func TestReportCommand(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	docs, figs, edits := resultstest.Sample()
	if err := resultstest.Write(out, "parquet", docs, figs, edits); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	var stdout, stderr bytes.Buffer
	folder := filepath.Join(tmp, "rep")
	if code := execute(ctx, []string{"report", out, "-o", folder, "--failed-only"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(folder, "index.html")); err != nil {
		t.Errorf("no index.html in the folder: %v", err)
	}
	if !strings.Contains(stdout.String(), "1 of 3 documents shown") {
		t.Errorf("stdout %q", stdout.String())
	}
	target := filepath.Join(tmp, "keep.txt")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(tmp, "link.html")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	code := execute(ctx, []string{"report", out, "-o", link}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "a symlink, not a regular file") {
		t.Errorf("-o symlink: exit %d, stderr %q", code, stderr.String())
	}
	if st, _ := os.Lstat(link); st == nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if code := execute(ctx, []string{"report", out, "-o", filepath.Join(tmp, "r.html"), "--limit", "-1"}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("a negative --limit: exit %d, want 2", code)
	}
}
