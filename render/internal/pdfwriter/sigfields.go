package pdfwriter

import (
	"errors"
	"fmt"
)

// SigField is an empty signature field (a widget over a rectangle of a
// page) that a later incremental update fills with a PDF signature. The
// fields exist before the first signature, so signing only fills them.
type SigField struct {
	Name string // the field's /T
	Page int    // 0-based
	// X, Y (top left, measured from the top of the page), W, H: the
	// rectangle in points, as the layout measures.
	X, Y, W, H float64
}

// FieldInfo is a written signature field.
type FieldInfo struct {
	Obj  int
	Dict string // its dictionary without the closing ">>"
	W, H float64
}

// SigningInfo is what an incremental update needs to know about the
// written file.
type SigningInfo struct {
	Size       int // the cross-reference size: the next object number
	Xref       int // offset of the cross-reference section
	Root, Info int
	Catalog    string // the catalog dictionary without the closing ">>" and without /AcroForm
	FieldsRef  string // the /Fields array
	Font       int    // the Type0 font object, for appearance streams
	Fields     []FieldInfo
}

// Signing returns what [Writer.Output] wrote for incremental updates; nil
// before Output.
func (w *Writer) Signing() *SigningInfo { return w.signing }

// Appearance returns the content stream of a form XObject of the given
// height drawing lines of text (top to bottom) in the document's font at
// size, from the left edge plus pad. Every rune must be in the font.
func (w *Writer) Appearance(lines []string, height, size, pad float64) ([]byte, error) {
	if w.gid == nil {
		return nil, errors.New("pdf: no font")
	}
	var b []byte
	lead := size * 1.3
	y := height - pad - size
	for _, l := range lines {
		b = append(b, "BT /F1 "...)
		b = num(b, size)
		b = append(b, " Tf "...)
		b = num(b, pad)
		b = append(b, ' ')
		b = num(b, y)
		b = append(b, " Td <"...)
		for _, r := range l {
			g, ok := w.gid[r]
			if !ok {
				return nil, fmt.Errorf("pdf: no glyph for %U in a signature appearance", r)
			}
			b = append(b, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
		}
		b = append(b, "> Tj ET\n"...)
		y -= lead
	}
	return b, nil
}

// SetSigFields sets the signature fields to write (Config.SigFields), for
// a caller that learns where they go while drawing the pages.
func (w *Writer) SetSigFields(f []SigField) { w.c.SigFields = f }
