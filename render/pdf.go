package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/tradepact/tradepact/render/internal/fonts"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
	"github.com/tradepact/tradepact/render/internal/ttf"
)

// Paper is a page size in points (1/72 inch).
type Paper struct {
	Width, Height float64
}

// The page sizes.
var (
	A4     = Paper{595.28, 841.89}
	Letter = Paper{612, 792}
)

// Font is a parsed TrueType font or collection for [Fonts]. Parse it once
// with [ParseFont] and share it: it is read-only and safe for concurrent
// use.
type Font struct {
	name  string
	faces []*ttf.Font
}

// ParseFont parses a TrueType font (.ttf) or every face of a TrueType
// collection (.ttc). name is used in error messages. OpenType fonts with
// PostScript outlines (CFF, "OTTO", such as Noto Sans CJK .otf) are refused
// with an error that says why: the PDF writer embeds TrueType outlines only.
func ParseFont(name string, data []byte) (*Font, error) {
	// The parsed font keeps slices of data: copy it so that a caller
	// reusing its buffer cannot change a shared font.
	faces, err := ttf.ParseCollection(name, bytes.Clone(data))
	if te := (*ttf.Error)(nil); errors.As(err, &te) {
		return nil, fmt.Errorf("render: %s: %w", name, te.Err)
	} else if err != nil {
		return nil, fmt.Errorf("render: %s: %w", name, err)
	}
	return &Font{name: name, faces: faces}, nil
}

// ErrOpenTypeCFF is the cause [ParseFont] reports for OpenType fonts with
// PostScript (CFF) outlines.
var ErrOpenTypeCFF = ttf.ErrCFF

// PDFOption configures [PDF].
type PDFOption func(*pdfConfig)

type pdfConfig struct {
	paper       Paper
	margins     [4]float64 // top, right, bottom, left
	fonts       []*Font
	size        float64
	replace     bool
	attachments []pdfwriter.Attachment
	// sigFields asks for signature fields over the signature block's
	// signature cells (SignedPDF); reserve is text whose glyphs the
	// subset font must hold for the signatures' appearances.
	sigFields  bool
	reserve    string
	fieldNames [2]string
}

// PageSize sets the page size (default [A4]).
func PageSize(p Paper) PDFOption { return func(c *pdfConfig) { c.paper = p } }

// Margins sets the page margins in points (default 56.7, that is 20 mm, on
// every side). The header and footer sit inside the top and bottom margins.
func Margins(top, right, bottom, left float64) PDFOption {
	return func(c *pdfConfig) { c.margins = [4]float64{top, right, bottom, left} }
}

// Fonts puts fonts before the embedded default fonts in the fallback list:
// each character is drawn with the first font that has it.
func Fonts(fonts ...*Font) PDFOption {
	return func(c *pdfConfig) { c.fonts = append(c.fonts, fonts...) }
}

// FontSize sets the body text size in points (default 10).
func FontSize(pt float64) PDFOption { return func(c *pdfConfig) { c.size = pt } }

// AllowReplacement draws a visible replacement character (U+FFFD, or "?"
// when no font has it) for characters no font has, instead of failing with
// a [*MissingGlyphsError].
func AllowReplacement() PDFOption { return func(c *pdfConfig) { c.replace = true } }

// WithAttachment embeds a file in the PDF, for example the signed contract
// file, so that the printable copy carries the machine-checkable one.
func WithAttachment(name string, data []byte) PDFOption {
	return func(c *pdfConfig) {
		c.attachments = append(c.attachments, pdfwriter.Attachment{Name: name, Data: bytes.Clone(data)})
	}
}

// MissingGlyph is a character that no font can draw, and where it is.
type MissingGlyph struct {
	Rune rune
	// Where names the place, e.g. `blocks[3] (paragraph): "…買方應於…"`.
	Where string
	// Reason is "no font has it", "outside the Basic Multilingual Plane"
	// or "control character".
	Reason string
}

// MissingGlyphsError reports the characters a PDF cannot show. Contracts
// never show a box in place of a character: either fonts are added with
// [Fonts], the text is fixed, or the caller opts into [AllowReplacement].
type MissingGlyphsError struct {
	Glyphs []MissingGlyph // in document order, at most maxMissing
	More   int            // how many more were left out
}

const maxMissing = 20

func (e *MissingGlyphsError) Error() string {
	var b strings.Builder
	b.WriteString("render: pdf: cannot draw")
	for i, g := range e.Glyphs {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " %U %q (%s) in %s", g.Rune, g.Rune, g.Reason, g.Where)
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "; and %d more", e.More)
	}
	return b.String()
}

// metaString makes s safe for the PDF's metadata and file names, as every
// PDF viewer shows them: characters outside the BMP, control characters
// and invalid bytes become U+FFFD. Metadata is not the contract text, so it
// is mended rather than refused.
func metaString(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || unicode.IsControl(r) {
			return unicode.ReplacementChar
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// PDF writes doc as a printable PDF: the contract text with ruled tables,
// numbered clauses and the signature block kept on one page, a header and
// footer on every page (contract number, short digest, page n of N), then
// the signing record with a QR code of doc.Meta.QR.
//
// Each PDF embeds one subset font holding only the glyphs it uses, drawn
// from the fonts given with [Fonts] and the embedded defaults (Liberation Sans
// for Latin, Droid Sans Fallback for Chinese). The same document and
// options give the same bytes. PDF is safe for concurrent use.
func PDF(w io.Writer, doc *Document, opts ...PDFOption) error {
	if doc == nil {
		return errors.New("render: pdf: nil document")
	}
	if w == nil {
		return errors.New("render: pdf: nil writer")
	}
	c := pdfConfig{paper: A4, margins: [4]float64{56.7, 56.7, 56.7, 56.7}, size: 10}
	for _, o := range opts {
		o(&c)
	}
	_, _, err := writePDF(w, doc, &c)
	return err
}

// writePDF writes the PDF of doc with the configuration c, and returns the
// writer (for signature appearances) and the signature cells found.
func writePDF(w io.Writer, doc *Document, c *pdfConfig) (*pdfwriter.Writer, []pdfwriter.SigField, error) {
	doc = visible(doc) // controls and bidi overrides shown as <U+202E>, as in text and HTML
	if c.paper.Width < 144 || c.paper.Height < 144 || c.paper.Width > 14400 || c.paper.Height > 14400 {
		return nil, nil, fmt.Errorf("render: pdf: page size %gx%g pt out of range", c.paper.Width, c.paper.Height)
	}
	if c.size < 4 || c.size > 72 {
		return nil, nil, fmt.Errorf("render: pdf: font size %g pt out of range 4–72", c.size)
	}
	for _, m := range c.margins {
		if m < 0 {
			return nil, nil, errors.New("render: pdf: negative margin")
		}
	}
	if c.paper.Width-c.margins[1]-c.margins[3] < 20*c.size || c.paper.Height-c.margins[0]-c.margins[2] < 12*c.size {
		return nil, nil, errors.New("render: pdf: margins leave too little room for text")
	}
	date := time.Unix(0, 0).UTC()
	if doc.Meta.Date != "" {
		d, err := time.Parse("2006-01-02", doc.Meta.Date)
		if err != nil {
			return nil, nil, fmt.Errorf("render: pdf: meta.date: %q is not YYYY-MM-DD", doc.Meta.Date)
		}
		date = d
	}
	faces, err := fonts.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("render: pdf: default fonts: %w", err)
	}
	var all []*ttf.Font
	for _, f := range c.fonts {
		if f != nil {
			all = append(all, f.faces...)
		}
	}
	all = append(all, faces...)
	set := fonts.NewSet(all...)

	l := newLayout(doc, c, set)
	if c.reserve != "" {
		l.clean(c.reserve, "signature appearance")
	}
	pages, err := l.run()
	if err != nil {
		return nil, nil, err
	}
	font, widths, err := l.subset()
	if err != nil {
		return nil, nil, fmt.Errorf("render: pdf: %w", err)
	}
	atts := make([]pdfwriter.Attachment, len(c.attachments))
	for i, a := range c.attachments {
		atts[i] = pdfwriter.Attachment{Name: metaString(a.Name), Data: a.Data}
	}
	var fields []pdfwriter.SigField
	pw := pdfwriter.New(pdfwriter.Config{
		Width:       c.paper.Width,
		Height:      c.paper.Height,
		Title:       metaString(doc.Meta.Title),
		Subject:     metaString(doc.Meta.Subject),
		Author:      metaString(doc.Meta.Author),
		Keywords:    metaString(strings.Join(doc.Meta.Keywords, ", ")),
		Creator:     "tradepact " + Version,
		Date:        date,
		Font:        font,
		Widths:      widths,
		Attachments: atts,
	})
	for i, p := range pages {
		pw.AddPage()
		for _, o := range p {
			if o.kind == 'm' {
				name := c.fieldNames[0]
				if o.s == "1" {
					name = c.fieldNames[1]
				}
				fields = append(fields, pdfwriter.SigField{Name: metaString(name), Page: i, X: o.x, Y: o.y, W: o.x2, H: o.y2})
				continue
			}
			o.draw(pw)
		}
	}
	if c.sigFields && len(fields) != 2 {
		return nil, nil, errors.New("render: pdf: the document has no signature block with a signature row for two parties")
	}
	pw.SetSigFields(fields)
	if err := pw.Output(w); err != nil {
		return nil, nil, fmt.Errorf("render: %w", err)
	}
	return pw, fields, nil
}
