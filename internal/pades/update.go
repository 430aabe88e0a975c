package pades

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
)

// ContentsSize is the room, in bytes, kept for each CMS in /Contents.
const ContentsSize = 8192

// File is the state of a PDF an incremental update is appended to.
type File struct {
	Bytes      []byte
	Size       int // the cross-reference size: the next object number
	Xref       int // offset of the newest cross-reference section
	Root, Info int
	Catalog    string // the catalog dictionary without the closing ">>" and /AcroForm
	FieldsRef  string // the AcroForm's /Fields array
	Font       int    // the font appearance streams use as /F1
	Fields     []Field
}

// Field is a signature field of the file.
type Field struct {
	Obj  int
	Dict string // without the closing ">>"
	W, H float64
}

// Signature is one signature to append.
type Signature struct {
	Field int    // index into File.Fields
	Name  string // the signer's name (/Name)
	Time  time.Time
	// Certify makes it the certification signature: DocMDP with P=2
	// (after it, only form filling and signatures are allowed).
	Certify bool
	// Appearance is the content stream of the widget's appearance.
	Appearance []byte
	// Sign returns the DER CMS for the SHA-256 of the covered bytes.
	Sign func(digest [32]byte) ([]byte, error)
}

func textString(s string) string {
	u := utf16.Encode([]rune(s))
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, c := range u {
		fmt.Fprintf(&b, "%04X", c)
	}
	b.WriteByte('>')
	return b.String()
}

// PDFDate is the PDF date of t with its offset, as /M carries it.
func PDFDate(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return t.Format("D:20060102150405Z")
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return t.Format("D:20060102150405") + fmt.Sprintf("%c%02d'%02d'", sign, off/3600, off%3600/60)
}

const byteRangeHolder = "[0 0000000000 0000000000 0000000000]"

// Append appends s to f as an incremental update: the signature
// dictionary, the field's value and appearance, for a certification the
// catalog with /Perms and the AcroForm's /SigFlags 3, a cross-reference
// section with /Prev. It returns the new file state. The bytes depend only
// on f and s (and what s.Sign returns).
func Append(f *File, s Signature) (*File, error) {
	if s.Field < 0 || s.Field >= len(f.Fields) {
		return nil, errors.New("pades: no such signature field")
	}
	fd := f.Fields[s.Field]
	b := bytes.NewBuffer(slices.Clip(f.Bytes))
	if !bytes.HasSuffix(f.Bytes, []byte("\n")) {
		b.WriteByte('\n')
	}
	offs := map[int]int{}
	sigObj, apObj := f.Size, f.Size+1
	size := f.Size + 2

	offs[sigObj] = b.Len()
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Name %s /M (%s)", sigObj, textString(s.Name), PDFDate(s.Time))
	if s.Certify {
		b.WriteString(" /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>]")
	}
	b.WriteString(" /ByteRange ")
	brAt := b.Len()
	b.WriteString(byteRangeHolder)
	b.WriteString(" /Contents ")
	cStart := b.Len()
	b.WriteByte('<')
	b.Write(bytes.Repeat([]byte("0"), 2*ContentsSize))
	b.WriteByte('>')
	cEnd := b.Len()
	b.WriteString(" >>\nendobj\n")

	offs[fd.Obj] = b.Len()
	fmt.Fprintf(b, "%d 0 obj\n%s /V %d 0 R /AP << /N %d 0 R >> >>\nendobj\n", fd.Obj, fd.Dict, sigObj, apObj)

	offs[apObj] = b.Len()
	var bbox []byte
	bbox = strconv.AppendFloat(bbox, fd.W, 'f', 3, 64)
	bbox = append(bbox, ' ')
	bbox = strconv.AppendFloat(bbox, fd.H, 'f', 3, 64)
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 %s] /Resources << /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n", apObj, bbox, f.Font, len(s.Appearance))
	b.Write(s.Appearance)
	b.WriteString("\nendstream\nendobj\n")

	if s.Certify {
		offs[f.Root] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n%s /AcroForm << /Fields %s /SigFlags 3 >> /Perms << /DocMDP %d 0 R >> >>\nendobj\n", f.Root, f.Catalog, f.FieldsRef, sigObj)
	}

	xref := b.Len()
	b.WriteString("xref\n")
	nums := make([]int, 0, len(offs))
	for n := range offs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		fmt.Fprintf(b, "%d 1\n%010d 00000 n \n", n, offs[n])
	}
	fmt.Fprintf(b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", size, f.Root, f.Info, f.Xref, xref)

	out := b.Bytes()
	br := fmt.Sprintf("[0 %d %d %d", cStart, cEnd, len(out)-cEnd)
	br += string(bytes.Repeat([]byte(" "), len(byteRangeHolder)-1-len(br))) + "]"
	if len(br) != len(byteRangeHolder) {
		return nil, errors.New("pades: byte range too long")
	}
	copy(out[brAt:], br)
	h := sha256.New()
	h.Write(out[:cStart])
	h.Write(out[cEnd:])
	var digest [32]byte
	h.Sum(digest[:0])
	cms, err := s.Sign(digest)
	if err != nil {
		return nil, err
	}
	if len(cms) > ContentsSize {
		return nil, fmt.Errorf("pades: the CMS is %d bytes, more than the %d kept for it", len(cms), ContentsSize)
	}
	hex.Encode(out[cStart+1:], cms)
	// hex.Encode writes lower case; the rest stays '0' padding.
	n := *f
	n.Bytes, n.Size, n.Xref = out, size, xref
	if s.Certify {
		n.Catalog = f.Catalog
	}
	return &n, nil
}
