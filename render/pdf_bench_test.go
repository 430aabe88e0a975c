package render_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
)

// benchDoc is the 2-page bilingual contract both benchmarks render. The
// straightforward way draws no QR code, so neither does this one
// (BenchmarkPDFWithQR measures it).
func benchDoc() *render.Document {
	d := contractDoc("zh-Hant", 12, 15)
	d.Meta.QR = ""
	return d
}

func BenchmarkPDFWithQR(b *testing.B) {
	d := contractDoc("zh-Hant", 12, 15)
	b.ReportAllocs()
	for b.Loop() {
		if err := render.PDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	d := benchDoc()
	n := len(renderPDF(b, d)) // also loads the fonts once, as any process does
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := render.PDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "bytes/doc")
}

// BenchmarkPDFStraightforward renders the same contract the straightforward
// gofpdf way: the full fonts the contract needs (Latin regular and bold,
// CJK) added to each document, MultiCell.
func BenchmarkPDFStraightforward(b *testing.B) {
	d := benchDoc()
	cjk, err := os.ReadFile("internal/fonts/files/DroidSansFallbackFull.ttf")
	if err != nil {
		b.Fatal(err)
	}
	var blocks [][]string
	var walk func(bs []render.Block)
	str := func(ins []render.Inline) string {
		s := ""
		for _, in := range ins {
			s += in.Text
		}
		return s
	}
	walk = func(bs []render.Block) {
		for _, bl := range bs {
			switch bl.Kind {
			case render.BlockHeading, render.BlockParagraph:
				blocks = append(blocks, []string{str(bl.Inlines)})
			case render.BlockList:
				for _, it := range bl.Items {
					walk(it)
				}
			case render.BlockTable:
				rows := append([][][]render.Inline{bl.Table.Header}, bl.Table.Rows...)
				for _, r := range rows {
					var cells []string
					for _, c := range r {
						cells = append(cells, str(c))
					}
					blocks = append(blocks, cells)
				}
			case render.BlockKeep:
				walk(bl.Children)
			}
		}
	}
	walk(d.Blocks)
	walk(d.Record)
	var buf bytes.Buffer
	if err := pdfwriter.Straightforward(&buf, goregular.TTF, gobold.TTF, cjk, d.Meta.ID, blocks); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := pdfwriter.Straightforward(io.Discard, goregular.TTF, gobold.TTF, cjk, d.Meta.ID, blocks); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}
