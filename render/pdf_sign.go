package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tradepact/tradepact/internal/pades"
)

// PDFSignature is one party's PDF signature for [SignedPDF].
type PDFSignature struct {
	// Field is 0 for the seller's signature field, 1 for the buyer's.
	Field int
	// Name is the signer's name, for the signature dictionary's /Name.
	Name string
	// Time is the signing time, the signature dictionary's /M.
	Time time.Time
	// Certify makes it the certification signature (DocMDP, P=2): only
	// the first signature may be one.
	Certify bool
	// Lines are the text of the signature's visible appearance, drawn in
	// the party's signature cell. Their characters must be in the
	// document or in the reserve given to SignedPDF.
	Lines []string
	// Sign returns the DER CMS for the SHA-256 of the bytes the
	// signature's /ByteRange covers.
	Sign func(digest [32]byte) ([]byte, error)
}

// SignedPDF writes the PDF of doc as [PDF] does, with two empty signature
// fields (named by fieldNames, seller then buyer) over the signature cells
// of its signature block, then appends each signature in its own
// incremental update, in order. reserve is text whose glyphs the embedded
// font must hold for appearances not known yet (the same reserve gives
// the same base bytes). Everything depends only on the arguments and what
// the Sign functions return, so signatures stored earlier assemble into
// the same bytes later.
func SignedPDF(w io.Writer, doc *Document, fieldNames [2]string, reserve string, sigs []PDFSignature, opts ...PDFOption) error {
	if doc == nil || w == nil {
		return errors.New("render: pdf: nil document or writer")
	}
	c := pdfConfig{paper: A4, margins: [4]float64{56.7, 56.7, 56.7, 56.7}, size: 10}
	for _, o := range opts {
		o(&c)
	}
	c.sigFields, c.reserve = true, reserve
	c.fieldNames = fieldNames
	var base bytes.Buffer
	pw, _, err := writePDF(&base, doc, &c)
	if err != nil {
		return err
	}
	si := pw.Signing()
	f := &pades.File{Bytes: base.Bytes(), Size: si.Size, Xref: si.Xref, Root: si.Root, Info: si.Info,
		Catalog: si.Catalog, FieldsRef: si.FieldsRef, Font: si.Font}
	for _, fi := range si.Fields {
		f.Fields = append(f.Fields, pades.Field{Obj: fi.Obj, Dict: fi.Dict, W: fi.W, H: fi.H})
	}
	used := map[int]bool{}
	for i, s := range sigs {
		if s.Field < 0 || s.Field > 1 || used[s.Field] {
			return fmt.Errorf("render: pdf: signature %d: field %d is not an unsigned party field", i+1, s.Field)
		}
		if s.Certify != (i == 0) {
			return errors.New("render: pdf: the first signature, and only it, certifies")
		}
		used[s.Field] = true
		fd := f.Fields[s.Field]
		pad := 3.0
		size := min(c.size*0.85, (fd.H-2*pad)/(float64(max(1, len(s.Lines)))*1.3))
		var lines []string
		for _, l := range s.Lines {
			lines = append(lines, metaString(l))
		}
		ap, err := pw.Appearance(lines, fd.H, size, pad)
		if err != nil {
			return fmt.Errorf("render: %w", err)
		}
		f, err = pades.Append(f, pades.Signature{Field: s.Field, Name: metaString(s.Name), Time: s.Time, Certify: s.Certify, Appearance: ap, Sign: s.Sign})
		if err != nil {
			return fmt.Errorf("render: pdf: signature %d: %w", i+1, err)
		}
	}
	_, err = w.Write(f.Bytes)
	return err
}
