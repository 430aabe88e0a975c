package render_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/tradepact/tradepact/render"
)

// FuzzPDF: any text in any place gives a PDF or a *MissingGlyphsError,
// never a panic; with AllowReplacement it always gives a PDF.
func FuzzPDF(f *testing.F) {
	for _, p := range langs {
		f.Add(p.title, p.clause[1], p.record)
	}
	f.Add("\x00\xff", "😀\u202e\u0301", "TP-"+string(make([]byte, 300)))
	f.Fuzz(func(t *testing.T, title, body, cell string) {
		d := &render.Document{
			Lang: "zh-Hant",
			Meta: render.Meta{Title: title, ID: cell, ShortDigest: "0000 0000 0000", Author: body, QR: title},
			Blocks: []render.Block{
				heading(2, title),
				para(render.Inline{Text: body}, render.Inline{Text: cell, Bold: true, Italic: true}),
				{Kind: render.BlockTable, Table: &render.Table{Header: [][]render.Inline{txt(cell)}, Rows: [][][]render.Inline{{txt(body), txt(title)}}}},
				{Kind: render.BlockKeep, Children: []render.Block{para(txt(cell)...)}},
			},
			Record: []render.Block{para(txt(body)...)},
		}
		var buf bytes.Buffer
		err := render.PDF(&buf, d)
		var me *render.MissingGlyphsError
		if err != nil && !errors.As(err, &me) && len(title) < 2000 {
			t.Fatalf("unexpected error: %v", err)
		}
		if err == nil && !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
		if err := render.PDF(io.Discard, d, render.AllowReplacement()); err != nil && len(title) < 2000 {
			t.Fatalf("with AllowReplacement: %v", err)
		}
	})
}
