// Package templates turns validated terms into the contract text: Markdown
// (CommonMark with GFM tables) made from one contract template shared by
// every locale and one catalog of whole sentences per locale (en, zh-Hans,
// zh-Hant). doc/clauses.md is the guide for reviewing a clause and adding a
// language.
//
// # Layout
//
// The built-in set is embedded from contract/:
//
//	shared/contract.md.tmpl "contract" and one template per article: which
//	                        articles and sentences a contract holds
//	shared/items.tmpl       the items table (every locale)
//	shared/signature.tmpl   the signature block, between <!-- keep --> markers
//	shared/custom.tmpl      "custom": empty, where a user's set adds clauses
//	LOCALE/clauses.txt      the locale's sentences: KEY = TEXT with {placeholders}
//
// Which sentence variant a contract holds is decided once, in Go, by the
// named predicates of predicates.go (EarnestMoney, HandoverInPerson,
// StatutoryReturnApplies, …); a catalog only says each variant in its
// language, and holds no template logic. Every locale has the same entries
// with the same placeholders (a test checks it).
//
// [Load] lays a directory with the same layout over the built-in set, so a
// seller can reword a sentence (an entry in LOCALE/*.txt) or a whole
// article (a {{define}} in LOCALE/*.tmpl), or add a clause, without
// copying the rest. A set has an [Identity] (name, version, and a digest
// of its sources, catalogs included, and of the built-in words and the
// versions of the functions and predicates they use) that is recorded
// with each document, so a contract can be rendered again from the same
// set.
//
// # What the templates see
//
// The data is the agreement itself (.Seller, .Payment, …) with the computed
// .T (agreement.Totals), .Lines (items with their amounts), .Digest (the
// agreement digest's short form), .Article (the next article number) and
// the predicates. Templates run with missingkey=error and a fixed function
// map — t and opt (a catalog sentence), money, capital (大寫), date, days,
// hours, label, labels, steps, law, cite, cn, md, para — documented in
// funcs.go: no clock, no environment, so the same terms always give the
// same bytes.
//
// # Legal points
//
// A clause that relies on a statute cites it for the agreement's
// jurisdiction (PRC Civil Code arts. 586–587 for 定金 under CN, Taiwan Civil
// Code arts. 248–249 under TW, …, from DOMAIN.md §3); under HK or other the
// clause says it rests on the parties' agreement.
package templates
