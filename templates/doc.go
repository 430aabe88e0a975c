// Package templates turns validated terms into the contract text: Markdown
// (CommonMark with GFM tables) written with text/template, one template set
// per locale (en, zh-Hans, zh-Hant) composed of shared partials.
//
// # Layout
//
// The built-in set is embedded from contract/:
//
//	shared/items.tmpl       the items table (every locale)
//	shared/signature.tmpl   the signature block, between <!-- keep --> markers
//	shared/custom.tmpl      "custom": empty, where a user's set adds clauses
//	LOCALE/contract.md.tmpl "contract": the document, calling the clauses in order
//	LOCALE/clauses.tmpl     the clauses every contract has, and the optional ones
//	LOCALE/addons.tmpl      the kinds' add-ons (authenticity, proxy, defects, gift cards)
//
// [Load] lays a directory with the same layout over the built-in set, so a
// seller can reword a clause or add one without copying the rest. A set has
// an [Identity] (name, version, and a digest of its sources and of the
// built-in words they use) that is recorded with each document, so a
// contract can be rendered again from the same set.
//
// # What the templates see
//
// The data is the agreement itself (.Seller, .Payment, …) with the computed
// .T (agreement.Totals), .Lines (items with their amounts), .Digest (the
// agreement digest's short form) and .Article (the next article number).
// Templates run with missingkey=error and a fixed function map — money,
// capital (大寫), date, days, hours, label, labels, steps, law, cite, cn,
// md, para — documented in funcs.go: no clock, no environment, so the same
// terms always give the same bytes.
//
// # Legal points
//
// A clause that relies on a statute cites it for the agreement's
// jurisdiction (PRC Civil Code arts. 586–587 for 定金 under CN, Taiwan Civil
// Code arts. 248–249 under TW, …, from DOMAIN.md §3); under HK or other the
// clause says it rests on the parties' agreement.
package templates
