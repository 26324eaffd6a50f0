package stages

import (
	"context"
	"fmt"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// PDF reads the text layer of PDF documents into running text (headers,
// footers and line breaks inside sentences undone); other documents pass
// through to Decode.
type PDF struct {
	Reader *pdftext.Reader
}

// Name implements pipeline.Stage.
func (PDF) Name() string { return "pdf" }

// Apply implements pipeline.Stage.
func (s PDF) Apply(ctx context.Context, d *pipeline.Document) error {
	if d.Item.Format != ingest.FormatPDF {
		return nil
	}
	doc, err := s.Reader.Read(ctx, d.Item.Data)
	if err != nil {
		return err
	}
	lay := pdftext.Join(doc.Pages)
	// Removed lines have no offsets in the running text: start = end = -1,
	// as for markup removed from HTML.
	removed := make([]textedit.Edit, 0, len(lay.Removed))
	for _, r := range lay.Removed {
		removed = append(removed, textedit.Edit{Stage: "pdf", Start: -1, End: -1, Old: r.Text, Reason: fmt.Sprintf("%s (page %d)", r.Reason, r.Page)})
	}
	d.Rebase(lay.Text, removed)
	d.Encoding = "pdf"
	d.Pages, d.PageStarts = len(doc.Pages), lay.PageStarts
	d.FallbackTitle, d.FallbackPublishedAt = doc.Title, doc.Created
	return nil
}
