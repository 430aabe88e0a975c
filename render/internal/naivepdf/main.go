// Command naivepdf renders a terms file to PDF the straightforward gofpdf
// way: the same terms decoding and templates as tradepact, then the full
// Latin and CJK TrueType fonts added to the document and the text flowed
// with MultiCell (see pdfwriter.Straightforward). It is the baseline that
// BenchmarkProcess in package render compares a whole `tradepact render`
// process with; it drops characters at line breaks and must not be used
// for contracts.
//
//	naivepdf -cjk DroidSansFallbackFull.ttf -o x.pdf terms.yaml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
)

func main() {
	out := flag.String("o", "", "output PDF")
	cjkPath := flag.String("cjk", "", "the CJK TrueType font")
	flag.Parse()
	if err := run(*out, *cjkPath, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "naivepdf:", err)
		os.Exit(1)
	}
}

func run(out, cjkPath, terms string) error {
	cjk, err := os.ReadFile(cjkPath)
	if err != nil {
		return err
	}
	a, err := agreement.Load(terms)
	if err != nil {
		return err
	}
	d, err := render.NewDocument(a, nil)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pdfwriter.Straightforward(&buf, goregular.TTF, gobold.TTF, cjk, d.Meta.ID, Cells(d)); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// Cells flattens a document into blocks of cells: one per heading or
// paragraph, one block per table row.
func Cells(d *render.Document) [][]string {
	var blocks [][]string
	str := func(ins []render.Inline) string {
		s := ""
		for _, in := range ins {
			s += in.Text
		}
		return s
	}
	var walk func(bs []render.Block)
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
	return blocks
}
