// Package pdftest writes PDF reports for tests and benchmarks with a real
// PDF writer (codeberg.org/go-pdf/fpdf) and a real CJK font (WenQuanYi Zen
// Hei from Debian's fonts-wqy-zenhei), laid out as a word processor lays
// out a Chinese report: text wrapped at the measured width of the line, a
// running header with the report title, a page number in the footer, a
// bordered table, a fixed number of lines to a page.
package pdftest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// FontPath is where Debian's fonts-wqy-zenhei installs its font.
const FontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

// ErrNoFont is returned when the font is not installed; tests skip then.
var ErrNoFont = errors.New("font " + FontPath + " not installed (apt-get install fonts-wqy-zenhei)")

// LoadFont reads the first font of the WenQuanYi collection as a TrueType
// file (fpdf reads .ttf, not collections).
func LoadFont() ([]byte, error) {
	b, err := os.ReadFile(FontPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoFont
	}
	if err != nil {
		return nil, err
	}
	return firstFont(b)
}

// firstFont copies the first font of a TrueType collection into a file of
// its own: the collection's table offsets count from the collection's
// start, so the tables are copied and their offsets rewritten.
func firstFont(ttc []byte) ([]byte, error) {
	if len(ttc) < 16 || string(ttc[:4]) != "ttcf" {
		return ttc, nil // a plain font already
	}
	be := binary.BigEndian
	off := int(be.Uint32(ttc[12:]))
	if off+12 > len(ttc) {
		return nil, errors.New("bad font collection")
	}
	n := int(be.Uint16(ttc[off+4:]))
	head := 12 + 16*n
	if off+head > len(ttc) {
		return nil, errors.New("bad font collection")
	}
	out := make([]byte, head, len(ttc))
	copy(out, ttc[off:off+head])
	for i := 0; i < n; i++ {
		rec := out[12+16*i:]
		to, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if to+ln > len(ttc) {
			return nil, errors.New("bad font collection table")
		}
		be.PutUint32(rec[8:], uint32(len(out)))
		out = append(out, ttc[to:to+ln]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// Report is a report to lay out.
type Report struct {
	Title   string    // running header of every page, and the PDF's Title
	Created time.Time // the PDF's CreationDate (none when zero)
	// Paras are the paragraphs, in order; a Table is placed after the
	// paragraph with index TableAfter.
	Paras      []string
	Table      [][]string
	TableAfter int
	// LinesPerPage is how many body lines a page holds (12 when 0).
	LinesPerPage int
	// WidthMM is the width of the text block (120 when 0).
	WidthMM float64
	// Scanned draws every page as an image with no text layer.
	Scanned bool
	// Password encrypts the PDF with this user password.
	Password string
}

const fontSize = 12

// Typesetter wraps reports as Build does, without writing them.
type Typesetter struct{ pdf *fpdf.Fpdf }

// NewTypesetter loads the font once for many layouts.
func NewTypesetter(font []byte) (*Typesetter, error) {
	pdf, err := newPDF(font)
	if err != nil {
		return nil, err
	}
	return &Typesetter{pdf}, nil
}

// Lines returns the lines of each page, without header and footer: tests
// use it to place a figure across a line or a page break.
func (t *Typesetter) Lines(r Report) [][]string { return layout(t.pdf, r) }

func newPDF(font []byte) (*fpdf.Fpdf, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("zh", "", font)
	pdf.SetFont("zh", "", fontSize)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	return pdf, nil
}

// item is one line of the body: text, or a table row.
type item struct {
	text string
	row  []string
}

func layout(pdf *fpdf.Fpdf, r Report) [][]string {
	items := bodyItems(pdf, r)
	per := r.LinesPerPage
	if per == 0 {
		per = 12
	}
	var pages [][]string
	for i := 0; i < len(items); i += per {
		var p []string
		for _, it := range items[i:min(i+per, len(items))] {
			if it.row != nil {
				p = append(p, fmt.Sprint(it.row))
			} else {
				p = append(p, it.text)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

func bodyItems(pdf *fpdf.Fpdf, r Report) []item {
	width := r.WidthMM
	if width == 0 {
		width = 120
	}
	var items []item
	for i, para := range r.Paras {
		// A first-line indent of two ideographic spaces, as Chinese reports have.
		line := "　　"
		for _, c := range para {
			if pdf.GetStringWidth(line+string(c)) > width {
				items = append(items, item{text: line})
				line = ""
			}
			line += string(c)
		}
		if line != "" {
			items = append(items, item{text: line})
		}
		if i == r.TableAfter && r.Table != nil {
			for _, row := range r.Table {
				items = append(items, item{row: row})
			}
		}
	}
	return items
}

// Build writes the report as a PDF.
func Build(font []byte, r Report) ([]byte, error) {
	pdf, err := newPDF(font)
	if err != nil {
		return nil, err
	}
	pdf.SetCompression(true)
	if r.Title != "" {
		pdf.SetTitle(r.Title, true)
	}
	pdf.SetCreationDate(r.Created)
	if r.Password != "" {
		pdf.SetProtection(fpdf.CnProtectPrint, r.Password, r.Password+"-owner")
	}
	pdf.SetAutoPageBreak(false, 0)
	const left, top, lineH = 25.0, 35.0, 8.0
	items := bodyItems(pdf, r)
	per := r.LinesPerPage
	if per == 0 {
		per = 12
	}
	pdf.SetHeaderFunc(func() {
		if r.Title != "" && !r.Scanned {
			pdf.SetFont("zh", "", 9)
			pdf.Text(left, 18, r.Title)
			pdf.Line(left, 20, 185, 20)
			pdf.SetFont("zh", "", fontSize)
		}
	})
	pdf.SetFooterFunc(func() {
		if !r.Scanned {
			pdf.SetFont("zh", "", 9)
			pdf.Text(100, 285, fmt.Sprintf("- %d -", pdf.PageNo()))
			pdf.SetFont("zh", "", fontSize)
		}
	})
	if r.Scanned {
		pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(scanImage()))
	}
	for i := 0; i < len(items) || i == 0; i += per {
		pdf.AddPage()
		if r.Scanned {
			pdf.ImageOptions("scan", 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			continue
		}
		y := top
		for _, it := range items[i:min(i+per, len(items))] {
			if it.row != nil {
				pdf.SetXY(left, y-6)
				for _, c := range it.row {
					pdf.CellFormat(40, lineH, c, "1", 0, "C", false, 0, "")
				}
			} else {
				pdf.Text(left, y, it.text)
			}
			y += lineH + 2
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// scanImage is a page of grey bars standing in for a scan.
func scanImage() []byte {
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for y := 0; y < 280; y++ {
		for x := 0; x < 200; x++ {
			c := uint8(255)
			if y%10 < 3 && x > 20 && x < 180 {
				c = 40
			}
			img.SetGray(x, y, color.Gray{Y: c})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
