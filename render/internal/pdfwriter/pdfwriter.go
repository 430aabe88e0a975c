// Package pdfwriter is the only package that imports gofpdf. It draws what
// the layout placed — text runs, rules, boxes — with one embedded subset
// font, and works around gofpdf's traps (see shared PDF-NOTES): no
// MultiCell, no AliasNbPages, no package-level defaults, fonts checked
// before gofpdf sees them, and fixed dates with a sorted catalog so that
// the same input gives the same bytes.
package pdfwriter

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Attachment is a file embedded in the PDF.
type Attachment struct {
	Name string
	Data []byte
}

// Config describes a document. Lengths are in points.
type Config struct {
	Width, Height float64
	Title         string
	Subject       string
	Author        string
	Keywords      string
	Creator       string
	Date          time.Time // creation and modification date
	// Font is a TrueType font, owned by the writer from now on: gofpdf
	// writes into the slice, so it must not be shared.
	Font        []byte
	Attachments []Attachment
}

const family = "tp"

// Writer draws one document. It is not safe for concurrent use; separate
// Writers are independent.
type Writer struct {
	pdf  *gofpdf.Fpdf
	size float64
	h    float64
	// graphics state last set, so that it is written only when it changes
	lw         float64
	draw, fill int
}

// New starts a document.
func New(c Config) *Writer {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           gofpdf.SizeType{Wd: c.Width, Ht: c.Height},
	})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(c.Date)
	pdf.SetModificationDate(c.Date)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	// Page content is left uncompressed: each compressed stream costs a
	// new zlib writer (~1 MB allocated and cleared by gofpdf), ~2 ms per
	// two-page contract, which is 15–20% of the whole render; the pages
	// add ~12 KB. The font, its CID map and attachments stay compressed.
	pdf.SetCompression(false)
	pdf.SetTitle(c.Title, true)
	pdf.SetSubject(c.Subject, true)
	pdf.SetAuthor(c.Author, true)
	pdf.SetKeywords(c.Keywords, true)
	pdf.SetCreator(c.Creator, true)
	pdf.SetProducer(c.Creator, true)
	pdf.AddUTF8FontFromBytes(family, "", c.Font)
	if len(c.Attachments) > 0 {
		as := make([]gofpdf.Attachment, len(c.Attachments))
		for i, a := range c.Attachments {
			as[i] = gofpdf.Attachment{Content: a.Data, Filename: a.Name}
		}
		pdf.SetAttachments(as)
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetFillColor(0, 0, 0)
	pdf.SetLineWidth(1)
	return &Writer{pdf: pdf, h: c.Height, lw: 1}
}

// AddPage starts a new page.
func (w *Writer) AddPage() {
	w.pdf.AddPage()
	w.size = 0
}

func ff(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// Text draws s with its baseline starting at (x, y), y measured from the
// top of the page. tc is extra space after every character (justification);
// bold strokes the outline (fake bold); italic slants it (fake oblique,
// sheared about the baseline so the text stays where it was laid out).
func (w *Writer) Text(x, y, size float64, s string, bold, italic bool, tc float64) {
	if size != w.size {
		w.pdf.SetFont(family, "", size)
		w.size = size
	}
	wrap := bold || italic || tc != 0
	if wrap {
		op := "q"
		if italic {
			const slant = 0.2
			op += " 1 0 " + ff(slant) + " 1 " + ff(-slant*(w.h-y)) + " 0 cm"
		}
		if tc != 0 {
			op += " " + ff(tc) + " Tc"
		}
		if bold {
			// Stroke in black whatever colour the last rule used.
			op += " 0 G 2 Tr " + ff(size*0.035) + " w"
		}
		w.pdf.RawWriteStr(op)
	}
	w.pdf.Text(x, y, s)
	if wrap {
		w.pdf.RawWriteStr("Q")
	}
}

// Line draws a line of the given width.
func (w *Writer) Line(x1, y1, x2, y2, width float64, grey int) {
	if width != w.lw {
		w.pdf.SetLineWidth(width)
		w.lw = width
	}
	if grey != w.draw {
		w.pdf.SetDrawColor(grey, grey, grey)
		w.draw = grey
	}
	w.pdf.Line(x1, y1, x2, y2)
}

// Fill draws a filled rectangle in the given grey (0 black, 255 white).
func (w *Writer) Fill(x, y, width, height float64, grey int) {
	if grey != w.fill {
		w.pdf.SetFillColor(grey, grey, grey)
		w.fill = grey
	}
	w.pdf.Rect(x, y, width, height, "F")
}

// Output writes the PDF.
func (w *Writer) Output(out io.Writer) error {
	if err := w.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return w.pdf.Output(out)
}
