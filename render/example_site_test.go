package render_test

import (
	"fmt"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

// A site shows the contract inside its own page, with who has confirmed.
func ExampleHTMLFragment() {
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := render.NewDocument(a, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	err = render.HTMLFragment(&b, doc, render.WithSigningState(render.SigningState{Revision: 1, Parties: []render.PartyState{
		{Role: "seller", Name: "Harbor Audio LLC", Confirmed: true, At: "2026-11-20 09:30"},
		{Role: "buyer", Name: "Emily Carter"},
	}}))
	if err != nil {
		fmt.Println(err)
		return
	}
	out := b.String()
	fmt.Println(out[:strings.Index(out, " data-document-digest")])
	state := out[strings.Index(out, "<section class=\"tp-state\""):]
	fmt.Println(state[:strings.Index(state, "</section>")])
	// Output:
	// <article class="tradepact" lang="en"
	// <section class="tp-state" data-state="pending">
	// <h2>Confirmations</h2>
	// <p>Revision 1 is waiting for confirmation.</p>
	// <ul>
	// <li class="tp-party tp-confirmed">Seller Harbor Audio LLC: confirmed on 2026-11-20 09:30</li>
	// <li class="tp-party tp-pending">Buyer Emily Carter: has not confirmed yet</li>
	// </ul>
}

// What the buyer's amendment changed, for the seller to read before
// confirming.
func ExampleHTMLChanges() {
	a, err := agreement.Load("../examples/terms/goods-zh-Hant.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	old, _ := render.NewDocument(a, nil)
	a.Delivery.Deadline = a.Delivery.Deadline.AddDays(3)
	cur, _ := render.NewDocument(a, nil)
	var b strings.Builder
	if err := render.HTMLChanges(&b, old, cur); err != nil {
		fmt.Println(err)
		return
	}
	out := b.String()
	i := strings.Index(out, "<p class=\"tp-context\">")
	hunks := strings.Count(out, "tp-hunk")
	fmt.Println(hunks >= 1, strings.Contains(out[i:], "<del>") && strings.Contains(out[i:], "<ins>"))
	// Output:
	// true true
}
