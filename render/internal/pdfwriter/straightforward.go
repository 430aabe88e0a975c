package pdfwriter

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Straightforward renders text the way gofpdf's documentation suggests:
// the full Latin and CJK TrueType fonts added to every document with
// AddUTF8FontFromBytes and the text flowed with MultiCell. It exists only
// as the baseline of the benchmark that shows what the subset-font design
// saves; it drops characters at line breaks (see PDF-NOTES) and must not
// be used for contracts.
func Straightforward(w io.Writer, latin, bold, cjk []byte, header string, blocks [][]string) error {
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.SetCatalogSort(true)
	d := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(d)
	pdf.SetModificationDate(d)
	// gofpdf writes into the font bytes: each document needs its own copy.
	pdf.AddUTF8FontFromBytes("latin", "", bytes.Clone(latin))
	pdf.AddUTF8FontFromBytes("latin", "B", bytes.Clone(bold))
	pdf.AddUTF8FontFromBytes("cjk", "", bytes.Clone(cjk))
	pdf.SetMargins(56.7, 56.7, 56.7)
	pdf.SetAutoPageBreak(true, 56.7)
	pdf.AliasNbPages("")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("latin", "B", 8)
		pdf.CellFormat(0, 12, header, "B", 1, "L", false, 0, "")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-40)
		pdf.SetFont("cjk", "", 8)
		pdf.CellFormat(0, 12, fmt.Sprintf("第 %d 頁，共 {nb} 頁", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	for _, b := range blocks {
		for _, cell := range b {
			pdf.SetFont("cjk", "", 10)
			pdf.MultiCell(0, 15, cell, "", "L", false)
		}
		pdf.Ln(4)
	}
	return pdf.Output(w)
}
