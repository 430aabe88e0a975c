package render_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

func ExampleParse() {
	md := "# 契約\n\n買方應於收貨後七日內付款，逾期視為違約。\n\n| 品名 | 金額 |\n|---|--:|\n| 星巴克隨行卡 | NT$920 |\n"
	doc, err := render.Parse([]byte(md), render.Meta{ID: "TP-2026-000104"})
	if err != nil {
		panic(err)
	}
	for _, b := range doc.Blocks {
		fmt.Println(b.Kind)
	}
	fmt.Println(doc.Digest().Short())
	// Output:
	// 1
	// 2
	// 4
	// a7c8 9135 ec6b
}

func ExampleText() {
	md := "## 第三條　付款\n\n買方應於 2026年11月23日前以銀行轉帳支付 NT$1,491（合約編號 TP-2026-000103），逾期視為違約。\n"
	doc, err := render.Parse([]byte(md), render.Meta{})
	if err != nil {
		panic(err)
	}
	if err := render.Text(os.Stdout, doc, render.Width(30)); err != nil {
		panic(err)
	}
	// Output:
	// 第三條 付款
	// -----------
	//
	// 買方應於 2026年11月23日前以銀
	// 行轉帳支付 NT$1,491（合約編號
	// TP-2026-000103），逾期視為違
	// 約。
}

func ExampleNewDocument() {
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		panic(err)
	}
	doc, err := render.NewDocument(a, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.Meta.Title, doc.Meta.ID, doc.Lang)
	// The Markdown renderer writes the confirmed text itself.
	var b strings.Builder
	if err := render.Markdown(&b, doc); err != nil {
		panic(err)
	}
	fmt.Println(agreement.DigestOf([]byte(b.String())) == doc.Digest())
	// Output:
	// Sales Contract TP-2026-000101 en
	// true
}

func ExampleHTML() {
	doc, err := render.Parse([]byte("# Contract\n\nPrice: **US$12.50** <b>not markup</b>\n"), render.Meta{Title: "Contract"})
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := render.HTML(&b, doc); err != nil {
		panic(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "<h1>") || strings.HasPrefix(l, "<p>") {
			fmt.Println(l)
		}
	}
	// Output:
	// <h1>Contract</h1>
	// <p>Price: <strong>US$12.50</strong> not markup</p>
}
