package stages

import (
	"context"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/pinyin"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// HTML extracts the article text and metadata from HTML documents; other
// documents pass through.
type HTML struct {
	// Extractor keeps scratch storage from page to page; nil extracts
	// each page with new storage.
	Extractor *htmltext.Extractor
}

// Name implements pipeline.Stage.
func (HTML) Name() string { return "htmltext" }

// Apply implements pipeline.Stage.
func (s HTML) Apply(_ context.Context, d *pipeline.Document) error {
	if d.Item.Format != ingest.FormatHTML {
		return nil
	}
	extract := htmltext.Extract
	if s.Extractor != nil {
		extract = s.Extractor.Extract
	}
	a, err := extract(d.Text)
	if err != nil {
		return err
	}
	// Markup has no offsets in the article text: removals are listed with
	// start = end = -1.
	removed := make([]textedit.Edit, 0, len(a.Removed))
	for _, r := range a.Removed {
		removed = append(removed, textedit.Edit{Stage: "htmltext", Start: -1, End: -1, Old: r.Text, Reason: r.Reason})
	}
	d.Rebase(a.Text, removed)
	d.ChromeLines = a.Lines // htmltext cleans the article's lines with chrome
	setMeta(d, a.Meta)
	return nil
}

func setMeta(d *pipeline.Document, m chrome.Meta) {
	if d.Title == "" {
		d.Title = m.Title
	}
	if d.Publisher == "" {
		d.Publisher = m.Publisher
	}
	if d.PublishedAt == "" {
		d.PublishedAt = m.PublishedAt
	}
	if d.URL == "" {
		d.URL = m.URL
	}
}

// Chrome removes text-level page chrome (navigation, related lists, bylines,
// comment widgets) and rejoins sentences broken across lines.
type Chrome struct{}

// Name implements pipeline.Stage.
func (Chrome) Name() string { return "chrome" }

// Apply implements pipeline.Stage.
func (Chrome) Apply(_ context.Context, d *pipeline.Document) error {
	// Lines made from HTML blocks are whole already, and the PDF stage
	// joined a PDF's lines by their layout: do not join them.
	opt := chrome.Options{JoinBroken: d.Item.Format != ingest.FormatHTML && d.Item.Format != ingest.FormatPDF}
	// A chunk of a split document reads the header only at the start and
	// the footer only at the end.
	opt.NotStart, opt.NotEnd = !d.Chunk.First(), !d.Chunk.Last()
	if t := d.ChromeLines.Text(); t != "" && t == d.Text {
		opt.Kept, opt.Reuse = true, d.ChromeLines
	}
	d.ChromeLines = nil
	text, edits, meta := chrome.CleanWith(d.Text, opt)
	d.Rewrite(text, edits)
	setMeta(d, meta)
	return nil
}

// Pinyin removes inline pinyin and zhuyin annotations.
type Pinyin struct {
	Stripper *pinyin.Stripper
}

// Name implements pipeline.Stage.
func (Pinyin) Name() string { return "pinyin" }

// Apply implements pipeline.Stage.
func (s Pinyin) Apply(_ context.Context, d *pipeline.Document) error {
	text, edits := s.Stripper.Strip(d.Text)
	d.Rewrite(text, edits)
	d.PinyinRemoved += len(edits)
	// Titles come from the text or the page before this stage.
	d.Title, _ = s.Stripper.Strip(d.Title)
	return nil
}
