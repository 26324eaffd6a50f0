package htmltext

// Comparison with github.com/markusmobius/go-trafilatura, the peer the
// issue names. It lives only in this test file, so the zhextract binary does
// not link it. Run:
//
//	ZHEXTRACT_HTML_PAGES=/path/to/pages go test ./pipeline/htmltext -run TestComparePeers -v
//	ZHEXTRACT_HTML_PAGES=/path/to/pages go test ./pipeline/htmltext -run '^$' -bench BenchmarkPeers
//
// The real pages are a folder of saved article pages named by
// $ZHEXTRACT_HTML_PAGES; they are not part of the repository (their
// copyright is the sites'), so without the variable the real-page parts
// skip.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// realPages lists the real pages, skipping the test when none are there.
func realPages(tb testing.TB) []string {
	dir := os.Getenv("ZHEXTRACT_HTML_PAGES")
	if dir == "" {
		tb.Skip("set ZHEXTRACT_HTML_PAGES to a folder of saved pages to compare on real pages")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		tb.Skipf("no .html pages in %s", dir)
	}
	return files
}

type peerResult struct {
	text, title, date string
}

func runTrafilatura(page string) (peerResult, error) {
	res, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{EnableFallback: true, ExcludeComments: true})
	if err != nil {
		return peerResult{}, err
	}
	r := peerResult{text: res.ContentText, title: res.Metadata.Title}
	if !res.Metadata.Date.IsZero() {
		r.date = res.Metadata.Date.Format(time.RFC3339)
	}
	return r, nil
}

func runOurs(page string) (peerResult, error) {
	a, err := Extract(page)
	if err != nil {
		return peerResult{}, err
	}
	return peerResult{text: a.Text, title: a.Meta.Title, date: a.Meta.PublishedAt}, nil
}

func runeCount(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) {
			n++
		}
	}
	return n
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

// TestComparePeers prints, per page, the length (non-space runes), title
// and date each extractor finds, and the character F1 between the two
// texts; on the project's own test pages it also scores both against the
// expected text.
func TestComparePeers(t *testing.T) {
	t.Run("test pages", func(t *testing.T) {
		dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "htmltext", "*"))
		var b strings.Builder
		b.WriteString("\n| page | zhextract F1 | trafilatura F1 |\n|---|---|---|\n")
		for _, dir := range dirs {
			raw, err := os.ReadFile(filepath.Join(dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			page := decodePage(t, raw)
			ours, err := runOurs(page)
			if err != nil {
				t.Fatal(err)
			}
			theirs, _ := runTrafilatura(page) // a failure scores 0
			fmt.Fprintf(&b, "| %s | %.3f | %.3f |\n", filepath.Base(dir), charF1(ours.text, string(want)), charF1(theirs.text, string(want)))
		}
		t.Log(b.String())
	})
	t.Run("real pages", func(t *testing.T) {
		files := realPages(t)
		var b strings.Builder
		b.WriteString("\n| page | len zh | len traf | F1 zh~traf | title zh | title traf | date zh | date traf |\n|---|---|---|---|---|---|---|---|\n")
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(raw) {
				t.Logf("%s: not UTF-8, decoding", filepath.Base(f))
			}
			page := decodePage(t, raw)
			ours, err := runOurs(page)
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
			}
			theirs, err := runTrafilatura(page)
			if err != nil {
				t.Logf("%s: trafilatura: %v", filepath.Base(f), err)
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %.2f | %s | %s | %s | %s |\n", filepath.Base(f),
				runeCount(ours.text), runeCount(theirs.text), charF1(ours.text, theirs.text),
				cell(ours.title), cell(theirs.title), cell(ours.date), cell(theirs.date))
			if dir := os.Getenv("PEER_DUMP"); dir != "" {
				// PEER_DUMP=DIR writes our text of each page, for diffs between versions.
				out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".html")+".txt")
				if err := os.WriteFile(out, []byte(ours.title+"\n"+ours.date+"\n\n"+ours.text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if testing.Verbose() && os.Getenv("PEER_DIFF") != "" {
				t.Logf("%s\n%s", filepath.Base(f), lineDiff(ours.text, theirs.text))
			}
		}
		t.Log(b.String())
	})
}

// lineDiff lists our lines the peer lacks and the peer's text left over
// once our lines are removed from it (PEER_DIFF=1 to print). The peer's
// ContentText does not keep our line structure, so the comparison is on
// text with white space removed.
func lineDiff(ours, theirs string) string {
	th := squash(theirs)
	var b strings.Builder
	for _, l := range strings.Split(ours, "\n") {
		s := squash(l)
		if s == "" {
			continue
		}
		if strings.Contains(th, s) {
			th = strings.Replace(th, s, "\n", 1)
		} else {
			fmt.Fprintf(&b, "  only zhextract: %.120s\n", l)
		}
	}
	for _, rest := range strings.Split(th, "\n") {
		if utf8.RuneCountInString(rest) >= 4 {
			fmt.Fprintf(&b, "  only trafilatura: %.300s\n", rest)
		}
	}
	return b.String()
}

// BenchmarkPeers measures both extractors on the real pages (bytes of
// HTML per second), in the same run so that the ratio is fair.
func BenchmarkPeers(b *testing.B) {
	files := realPages(b)
	var pages []string
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		p := decodePage(b, raw)
		pages = append(pages, p)
		n += len(p)
	}
	for _, peer := range []struct {
		name string
		run  func(string) (peerResult, error)
	}{{"zhextract", runOurs}, {"trafilatura", runTrafilatura}} {
		b.Run(peer.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, p := range pages {
					peer.run(p)
				}
			}
		})
	}
}
