// Package deal is the agreement step of a marketplace: a service a
// backend imports that takes the seller's terms, the buyer's amendments
// and both parties' confirmations, and answers who must act next, whether
// the deal is agreed, and whether escrow may be released. doc/deal-service.md
// describes it in full, with the HTTP API.
//
// # Accounts and roles
//
// Accounts are the platform's. Its authentication puts the caller's
// account in the request context with [WithAccount]; the service trusts
// that and nothing else. The terms name the seller's and the buyer's
// accounts (seller.account, buyer.account): only the seller's account may
// create a deal, only those two accounts may see or change it, the two
// must differ, and an amendment may not change either. Each account has one
// public key, registered on its first signature that verifies ([Store.RegisterKey]);
// it is pinned ([confirm.TrustKey]) whenever the service reads a deal, so
// a deal is agreed only when both parties confirmed with the keys the
// service registered for their accounts.
//
// # Signing
//
// A party's key stays on its device (a browser's non-extractable
// WebCrypto P-256 key, a phone's keystore): [Service.PrepareCreate],
// [Service.PrepareAmend] and [Service.PrepareConfirm] return a
// [confirm.Request] whose payloads the device signs, and [Service.Submit]
// completes it. A platform that keeps keys for its users sets
// [Config.ServerKeys] and calls [Service.Create], [Service.Amend] and
// [Service.Confirm].
//
// # Concurrency
//
// Every change is a compare-and-swap on the deal's chain head
// ([Store.Swap]): of two confirmations prepared on the same head, exactly
// one is stored, also across service instances sharing a database, and
// the other caller gets an [*Error] with [CodeReload] and must read the
// deal again. Size limits ([Config.MaxTermsBytes], [Config.MaxRevisions])
// and the context's deadline ([Config.Timeout]) bound the work of one
// request.
//
// # Stores
//
// [Store] is small; package deal/sqlitestore is the embedded default
// (one SQLite file, no cgo) and deal/pgstore the PostgreSQL store for
// several instances. deal/storetest is the conformance suite both pass.
//
// # HTTP
//
// [NewHandler] serves the JSON API; [Error.Code] decides the status
// ([Code.HTTPStatus]) and [Error.Message] speaks the caller's language.
package deal
