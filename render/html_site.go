package render

import (
	"bufio"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/tradepact/tradepact/agreement"
)

// narrowCSS is added to the standalone page's stylesheet: the phone layout.
const narrowCSS = `@media screen and (max-width: 640px) {
  body, p, li, td, th, h1, h2, h3, h4 { overflow-wrap: anywhere; }
  code { word-break: break-all; }
  body { padding: 16px 14px; font-size: 16px; max-width: none; }
  h1 { font-size: 22px; margin-bottom: 16px; }
  h2 { font-size: 18px; margin: 20px 0 8px; }
  ol, ul { padding-left: 1.4em; }
  table, tbody, tr, td { display: block; width: auto; }
  thead { display: none; }
  table { border: 0; margin: 8px 0; }
  tr { border: 1px solid #bbb; border-radius: 6px; margin: 0 0 10px; padding: 6px 10px; }
  td { border: 0; padding: 2px 0; white-space: normal; }
  td.right, td.center { text-align: left; white-space: normal; }
  td[data-label] { position: relative; padding-left: 36%; min-height: 1.6em; }
  td[data-label]::before { content: attr(data-label); position: absolute; left: 0; width: 33%; font-size: 0.85em; line-height: 1.9; color: #555; }
  .keep td.sign { height: 44px; border-bottom: 1px solid #888; }
}`

// fragmentCSS is the stylesheet of a fragment, every rule under
// .tradepact so that it leaves the site's page alone.
const fragmentCSS = `.tradepact { container-type: inline-size; line-height: 1.6; overflow-wrap: break-word; color: inherit; }
.tradepact :is(p, li, td, th, h1, h2, h3, h4) { overflow-wrap: break-word; }
.tradepact h1 { font-size: 1.5em; text-align: center; margin: 0 0 1em; }
.tradepact h2 { font-size: 1.15em; margin: 1.4em 0 0.5em; }
.tradepact h3, .tradepact h4 { font-size: 1em; }
.tradepact code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
.tradepact table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
.tradepact th, .tradepact td { border: 1px solid #888; padding: 0.35em 0.6em; vertical-align: top; text-align: left; }
.tradepact th { background: rgba(0, 0, 0, 0.05); }
.tradepact .right { text-align: right; font-variant-numeric: tabular-nums; }
.tradepact .center { text-align: center; }
.tradepact td.sign { height: 3em; }
.tradepact .tp-state { margin: 1.5em 0; padding: 0.6em 0.9em; border-left: 4px solid #c90; background: rgba(204, 153, 0, 0.08); }
.tradepact .tp-state[data-state="agreed"] { border-left-color: #2a7; background: rgba(34, 170, 119, 0.08); }
.tradepact .tp-state h2 { margin-top: 0; }
.tradepact .tp-state ul { margin: 0.3em 0 0; padding-left: 1.2em; }
.tradepact .tp-confirmed::marker { content: "✓ "; color: #2a7; }
.tradepact .tp-pending::marker { content: "… "; color: #c90; }
.tradepact .tp-record { margin-top: 2em; border-top: 1px solid #444; padding-top: 0.6em; font-size: 0.9em; }
.tradepact .tp-hunk { margin: 0.8em 0; padding: 0.4em 0.7em; border: 1px solid #ccc; border-radius: 6px; }
.tradepact .tp-context { margin: 0; font-size: 0.85em; color: #555; }
.tradepact .tp-old, .tradepact .tp-new { margin: 0.3em 0; padding-left: 1.6em; text-indent: -1.6em; }
.tradepact .tp-old::before { content: "− "; color: #b22; }
.tradepact .tp-new::before { content: "+ "; color: #272; }
.tradepact del { background: #fdd; color: #811; }
.tradepact ins { background: #dfd; color: #141; text-decoration: none; }
@container (max-width: 640px) {
  .tradepact :is(p, li, td, th, h1, h2, h3, h4) { overflow-wrap: anywhere; }
  .tradepact code { word-break: break-all; }
  .tradepact :is(table, tbody, tr, td) { display: block; width: auto; }
  .tradepact thead { display: none; }
  .tradepact table { border: 0; }
  .tradepact tr { border: 1px solid #bbb; border-radius: 6px; margin: 0 0 0.6em; padding: 0.35em 0.6em; }
  .tradepact td { border: 0; padding: 0.1em 0; }
  .tradepact td.right, .tradepact td.center { text-align: left; }
  .tradepact td[data-label] { position: relative; padding-left: 36%; min-height: 1.6em; }
  .tradepact td[data-label]::before { content: attr(data-label); position: absolute; left: 0; width: 33%; font-size: 0.85em; line-height: 1.9; opacity: 0.7; }
  .tradepact td.sign { height: 2.5em; border-bottom: 1px solid #888; }
}
`

// HTMLStyle returns the stylesheet of [HTMLFragment] and [HTMLChanges]:
// put it in a <style> element of the site's page, or in its own CSS file.
// Every rule is scoped under .tradepact. [HTML] writes the standalone page
// with the same narrow layout. The classes, for a site that styles them
// itself:
//
//	tradepact      the <article> holding a fragment; a CSS container, so the
//	               layout follows the width the site gives it, not the window's
//	tp-body        the contract text
//	tp-state       the signing state (with data-state="agreed" or "pending")
//	tp-party       one party's line in it, also tp-confirmed or tp-pending
//	tp-record      the signing record (who confirmed, when, keys, digests)
//	tp-changes     the <section> of HTMLChanges; tp-none when nothing changed
//	tp-hunk        one changed place, after a tp-context line naming its
//	               section; tp-old and tp-new hold the text before and after,
//	               with <del> and <ins> around what was removed and added
//	keep           a block kept on one page when printed (the signatures)
//	sign           an empty cell to sign in
//	right, center  a table cell's alignment
//
// Every <td> carries data-label, its column's header, which the narrow
// layout shows beside the value: below 640 px a table becomes one record
// per row, so that no column is cut off and nothing scrolls sideways.
func HTMLStyle() string { return fragmentCSS }

// headerLabel returns the text of header cell i, the label the narrow
// layout shows beside a value; "" when there is none.
func headerLabel(hdr [][]Inline, i int) string {
	if i >= len(hdr) {
		return ""
	}
	return strings.TrimSpace(plain(hdr[i]))
}

// SigningState is what a site knows about the confirmations of the
// revision it shows, for [WithSigningState]. render does not read contract
// files: the caller fills it from its own records or from the confirm
// package.
type SigningState struct {
	// Revision is the revision shown, counted from 1.
	Revision int
	// Parties are the seller and the buyer, in the order to show them.
	Parties []PartyState
}

// PartyState is one party's confirmation of the revision shown.
type PartyState struct {
	// Role is "seller" or "buyer".
	Role string
	// Name is the party's name, shown after the role; may be empty.
	Name string
	// Confirmed reports whether the party has confirmed the revision.
	Confirmed bool
	// At is when, as the site wants it shown ("2026-11-20 14:03 +08:00");
	// may be empty.
	At string
}

// FragmentOption changes what [HTMLFragment] writes.
type FragmentOption func(*fragmentConfig)

type fragmentConfig struct {
	state *SigningState
}

// WithSigningState shows who has confirmed the revision, after the
// contract text and before the signing record.
func WithSigningState(s SigningState) FragmentOption {
	return func(c *fragmentConfig) { c.state = &s }
}

// stateWords are the signing state's words in en, zh-Hans and zh-Hant.
var stateWords = [3]struct {
	heading, agreed, pending, seller, buyer, colon, confirmed, confirmedAt, waiting string
}{
	{"Confirmations", "Both parties have confirmed revision %d.", "Revision %d is waiting for confirmation.",
		"Seller", "Buyer", ": ", "confirmed", "confirmed on %s", "has not confirmed yet"},
	{"确认状态", "双方均已确认第 %d 版。", "第 %d 版尚待确认。",
		"卖方", "买方", "：", "已确认", "已于 %s 确认", "尚未确认"},
	{"確認狀態", "雙方均已確認第 %d 版。", "第 %d 版尚待確認。",
		"賣方", "買方", "：", "已確認", "已於 %s 確認", "尚未確認"},
}

func langIndex(lang string) int {
	switch agreement.Locale(lang) {
	case agreement.LocaleZHHans:
		return 1
	case agreement.LocaleZHHant:
		return 2
	}
	return 0
}

// stateView is the signing state as the fragment template shows it.
type stateView struct {
	Heading, Summary, State string
	Parties                 []partyView
}

type partyView struct {
	Class, Who, What string
}

func (s *SigningState) view(lang string) *stateView {
	if s == nil {
		return nil
	}
	w := stateWords[langIndex(lang)]
	v := &stateView{Heading: w.heading, State: "agreed"}
	confirmed := 0
	for _, p := range s.Parties {
		who := w.seller
		if p.Role == "buyer" {
			who = w.buyer
		}
		if p.Name != "" {
			who += " " + p.Name
		}
		who += w.colon
		pv := partyView{Class: "tp-party tp-pending", Who: who, What: w.waiting}
		if p.Confirmed {
			confirmed++
			pv.Class, pv.What = "tp-party tp-confirmed", w.confirmed
			if p.At != "" {
				pv.What = strings.Replace(w.confirmedAt, "%s", p.At, 1)
			}
		}
		v.Parties = append(v.Parties, pv)
	}
	summary := w.agreed
	if confirmed < 2 || confirmed < len(s.Parties) {
		v.State, summary = "pending", w.pending
	}
	v.Summary = strings.Replace(summary, "%d", strconv.Itoa(s.Revision), 1)
	return v
}

// HTMLFragment writes doc as an HTML fragment for a site's page: one
// <article class="tradepact"> with the contract text, the signing state
// when [WithSigningState] gives one, and the document's signing record
// when it has one. It writes no <html>, <head> or <style>: put
// [HTMLStyle] in the page. Text is escaped by html/template; the fragment
// loads nothing and runs no script. [HTMLStyle] lists the classes.
func HTMLFragment(w io.Writer, doc *Document, opts ...FragmentOption) error {
	if doc == nil {
		return errNilDoc
	}
	var c fragmentConfig
	for _, o := range opts {
		o(&c)
	}
	lang := doc.Lang
	if lang == "" {
		lang = "und"
	}
	data := struct {
		Doc    *Document
		Lang   string
		Digest string
		State  *stateView
	}{doc, lang, doc.Digest().String(), c.state.view(doc.Lang)}
	bw := bufio.NewWriter(w)
	if err := siteTemplate().ExecuteTemplate(bw, "fragment", data); err != nil {
		return err
	}
	return bw.Flush()
}

// siteTemplate holds the fragment and the changes view beside the page's
// own block templates, so that the text is written the same way in all.
// It is parsed on first use, from a page template of its own (html/template
// cannot clone a template once it has executed).
var siteTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(newPageTemplate().Parse(`
{{define "fragment"}}<article class="tradepact" lang="{{.Lang}}" data-document-digest="{{.Digest}}">
<div class="tp-body">
{{template "blocks" .Doc.Blocks}}</div>
{{with .State}}<section class="tp-state" data-state="{{.State}}">
<h2>{{.Heading}}</h2>
<p>{{.Summary}}</p>
<ul>
{{range .Parties}}<li class="{{.Class}}">{{.Who}}{{.What}}</li>
{{end}}</ul>
</section>
{{end}}{{with .Doc.Record}}<section class="tp-record">
{{template "blocks" .}}</section>
{{end}}</article>
{{end}}
{{define "changes"}}<article class="tradepact" lang="{{.Lang}}">
<section class="tp-changes">
<h2>{{.Heading}}</h2>
{{if not .Hunks}}<p class="tp-none">{{.None}}</p>
{{end}}{{range .Hunks}}<div class="tp-hunk">
{{with .Context}}<p class="tp-context">{{.}}</p>
{{end}}{{range .Lines}}<p class="{{.Class}}">{{range .Runs}}{{if .Mark}}{{if eq $.Del .Class}}<del>{{.Text}}</del>{{else}}<ins>{{.Text}}</ins>{{end}}{{else}}{{.Text}}{{end}}{{end}}</p>
{{end}}</div>
{{end}}</section>
</article>
{{end}}`))
})
