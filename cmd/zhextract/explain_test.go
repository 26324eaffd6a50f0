package main

import (
	"strings"
	"testing"
)

func TestCleanExplain(t *testing.T) {
	out, stderr, code := zx(t, "", "clean", "--explain", "../../testdata/htmltext/17-commentary-class-with-comments/page.html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "农村公路是服务农民群众出行的基础设施") {
		t.Errorf("clean text missing from stdout: %q", out)
	}
	for _, want := range []string{"article container:", "div.commentary-text", "runners-up:", "div.comment-box", "title from: h1", "date from: byline"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("explanation lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, _ = zx(t, "", "clean", "--explain", "../../testdata/seeds/004_49165bd040422d94.txt")
	if !strings.Contains(stderr, "not an HTML page") {
		t.Errorf("plain text: stderr %q", stderr)
	}
}
