package pdftext

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Removed is a line dropped from the text (a running header or footer).
type Removed struct {
	Page   int // from 1
	Text   string
	Reason string
}

// Layout is the text of a PDF's pages made into running text.
type Layout struct {
	Text string
	// PageStarts[i] is the byte offset in Text where page i+1 begins.
	PageStarts []int
	Removed    []Removed
}

// Reasons for removed lines.
const (
	ReasonPageNumber    = "page number"
	ReasonRunningHeader = "running header or footer"
)

// pageNumber matches the page-number lines of Chinese and Western reports:
// "3", "- 3 -", "—3—", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10".
var pageNumber = regexp.MustCompile(`^(?i:[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–\s]*|page\s+\d{1,4}(\s+of\s+\d{1,4})?)$`)

var digits = regexp.MustCompile(`\d+`)

// edgeLines is how many lines at the top and at the bottom of a page are
// looked at for running headers and footers.
const edgeLines = 2

// Join makes running text of page texts (lines separated by newlines, as
// PDFium gives them): running headers and footers are removed (a line at
// the top or bottom of a page that is a page number, or that recurs at the
// same edge of at least half the pages, digits aside), words hyphenated at
// a line end are rejoined, and lines that a sentence runs over are joined.
// A line counts as run over when it is nearly as long as the page's longest
// line and does not end a sentence: a paragraph's last line, a heading or a
// table row is shorter. Pages are separated by a blank line (a paragraph
// break) unless a sentence runs over the page break.
func Join(pages []string) Layout {
	lines := make([][]string, len(pages))
	// indented holds the lines that begin indented: a paragraph's first
	// line, never joined to the line before.
	indented := map[[2]int]bool{}
	for i, p := range pages {
		p = strings.ReplaceAll(p, "\r\n", "\n")
		p = strings.ReplaceAll(p, "\r", "\n")
		for _, l := range strings.Split(p, "\n") {
			t := strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
			if t == "" {
				continue
			}
			if strings.HasPrefix(l, "\u3000") || strings.HasPrefix(l, "  ") {
				indented[[2]int{i, len(lines[i])}] = true
			}
			lines[i] = append(lines[i], t)
		}
	}
	var out Layout
	drop := runningLines(lines)
	type kept struct {
		text   string
		indent bool
	}
	body := make([][]kept, len(lines))
	for i := range lines {
		for j, l := range lines[i] {
			if r := drop[[2]int{i, j}]; r != "" {
				out.Removed = append(out.Removed, Removed{Page: i + 1, Text: l, Reason: r})
				continue
			}
			body[i] = append(body[i], kept{l, indented[[2]int{i, j}]})
		}
	}
	var b bytes.Buffer
	runOn := false // the text so far ends inside a sentence
	for _, page := range body {
		full := 0
		for _, l := range page {
			full = max(full, displayWidth(l.text))
		}
		// A line is run over when it reaches 85% of the page's longest;
		// a page of short lines (headings) has none.
		full = max(full*85/100, 16)
		for j, l := range page {
			switch {
			case b.Len() == 0:
			case runOn && !l.indent:
				joinBreak(&b, l.text)
			case j == 0:
				b.WriteString("\n\n")
			default:
				b.WriteByte('\n')
			}
			if j == 0 {
				out.PageStarts = append(out.PageStarts, b.Len())
			}
			b.WriteString(l.text)
			runOn = displayWidth(l.text) >= full && !endsSentence(l.text)
		}
		if len(page) == 0 {
			out.PageStarts = append(out.PageStarts, b.Len())
		}
	}
	out.Text = b.String()
	return out
}

// joinBreak joins the next line to the text: a hyphen between two letters
// is dropped, Latin words and numbers get a space between them, and Chinese
// text none (a line wrap in Chinese is no space).
func joinBreak(b *bytes.Buffer, next string) {
	s := b.Bytes()
	last, _ := utf8.DecodeLastRune(s)
	first, _ := utf8.DecodeRuneInString(next)
	if last == '-' && len(s) > 1 {
		prev, _ := utf8.DecodeLastRune(s[:len(s)-1])
		if unicode.IsLetter(prev) && prev < unicode.MaxLatin1 && unicode.IsLower(first) {
			b.Truncate(len(s) - 1)
			return
		}
	}
	words := latin(last) && latin(first) && !(unicode.IsDigit(last) && unicode.IsDigit(first))
	clause := strings.ContainsRune(",.;:", last) && latin(first) && unicode.IsLetter(first)
	if words || clause {
		b.WriteByte(' ')
	}
}

// latin reports a Latin letter or digit: words of these are spaced.
func latin(r rune) bool {
	return r < 0x2e80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// endsSentence reports whether a line ends a sentence or a clause that a
// line break may follow. A full stop after a digit is a decimal point.
func endsSentence(l string) bool {
	r, n := utf8.DecodeLastRuneInString(l)
	switch r {
	case '。', '！', '？', '；', '：', '…', '」', '』', '”', '!', '?', ';':
		return true
	case '.':
		p, _ := utf8.DecodeLastRuneInString(l[:len(l)-n])
		return !unicode.IsDigit(p)
	}
	return false
}

// displayWidth approximates a line's printed width: CJK characters and
// full-width forms take two columns, others one.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

// runningLines finds the header and footer lines to drop, by page and line
// index.
func runningLines(pages [][]string) map[[2]int]string {
	drop := map[[2]int]string{}
	edge := func(page []string) []int {
		var idx []int
		for j := 0; j < len(page) && j < edgeLines; j++ {
			idx = append(idx, j)
		}
		for j := max(len(page)-edgeLines, edgeLines); j < len(page); j++ {
			idx = append(idx, j)
		}
		return idx
	}
	// A line recurring at the page edges, digits aside, is running text
	// when it is on at least half the pages (and on at least two).
	count := map[string]int{}
	for _, page := range pages {
		seen := map[string]bool{}
		for _, j := range edge(page) {
			k := digits.ReplaceAllString(page[j], "#")
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	for i, page := range pages {
		for _, j := range edge(page) {
			l := page[j]
			switch {
			case pageNumber.MatchString(l):
				drop[[2]int{i, j}] = ReasonPageNumber
			case len(pages) >= 2 && count[digits.ReplaceAllString(l, "#")] >= need:
				drop[[2]int{i, j}] = ReasonRunningHeader
			}
		}
	}
	return drop
}
