package render_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/tradepact/tradepact/render"
)

func ExamplePDF() {
	doc := &render.Document{
		Lang: "zh-Hant",
		Meta: render.Meta{Title: "二手買賣合約", ID: "TP-2026-000123", Date: "2026-11-20", ShortDigest: "3f2a 91c0 7be4"},
		Blocks: []render.Block{
			{Kind: render.BlockHeading, Level: 1, Inlines: []render.Inline{{Text: "二手買賣合約"}}},
			{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: "買方應於收貨後七日內付款，金額 "}, {Text: "NT$920", Bold: true}, {Text: "。"}}},
		},
	}
	var a, b bytes.Buffer
	if err := render.PDF(&a, doc, render.PageSize(render.A4), render.FontSize(11)); err != nil {
		log.Fatal(err)
	}
	if err := render.PDF(&b, doc, render.PageSize(render.A4), render.FontSize(11)); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.HasPrefix(a.Bytes(), []byte("%PDF-")), bytes.Equal(a.Bytes(), b.Bytes()))
	// Output: true true
}

func ExampleParseFont() {
	_, err := render.ParseFont("NotoSansCJK-Regular.otf", []byte("OTTO\x00\x0a\x00\x80\x00\x03\x00\x20"))
	fmt.Println(err)
	// Output: render: NotoSansCJK-Regular.otf: OpenType font with CFF outlines ("OTTO", e.g. Noto Sans CJK .otf): the PDF writer embeds only TrueType (glyf) outlines; use a .ttf or .ttc font
}
