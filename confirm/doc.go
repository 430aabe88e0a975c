// Package confirm is how the seller and the buyer agree on terms: a
// contract file that records every revision of the terms and each party's
// signed confirmation, and a verifier that anyone (the other party, the
// marketplace, a court) can run on it later.
//
// The format is specified in doc/contract-file.md; this comment is its
// summary. Test vectors are in testdata/vectors.
//
// # Negotiation
//
// The seller proposes terms with [Propose]: revision 1, with the seller's
// confirmation. Either party may amend with [Contract.Amend]: a new revision
// authored by that party, carrying its author's confirmation. The other
// party confirms with [Contract.Confirm]. A confirmation counts only for
// the revision it names, so after an amendment the other party must
// confirm again. The trade may go ahead when both parties confirmed the
// latest revision with keys the verifier pinned for them ([TrustKey]):
// [Result.Agreed]. Keys that are not pinned prove nothing about who holds
// them (one person can make two keys and confirm as both), so such a file
// is [StateUnpinned], never Agreed. Invalid terms (agreement.Agreement.Check)
// are never proposed, amended or signed.
//
// # What a confirmation binds
//
// A [Confirmation] signs, with Ed25519 or ECDSA P-256, a message that starts with the line
// [MessageHeader] and names the contract, the revision, the party's role
// and account, the digest of the canonical terms (RFC 8785), the digest of
// the exact contract text (Markdown) the party was shown, the template set
// that rendered it, the chain head of the history before the confirmation,
// the time (RFC 3339 with offset, supplied by the caller: this package
// never reads the clock) and the signing key. See [Confirmation.Message]
// for the exact bytes.
//
// # Whose key is whose
//
// The file records each role's public key at that role's first
// confirmation (the seller's with the proposal, the buyer's with its first
// amendment or confirmation). Every later action of a role must use that
// key, and one key never acts for both roles. [TrustKey] pins keys the
// caller already trusts; without pins, compare the fingerprints
// ([PublicKey.Fingerprint]) with what the parties say.
//
// # History
//
// Entries (revisions and confirmations) are hash-chained: each records the
// head before it, the head after it is the SHA-256 of a domain line and its
// RFC 8785 form, and every confirmation signs the head. Removing,
// reordering or editing entries breaks the chain or a signature. Cutting
// off the newest entries leaves a valid, shorter history: compare
// [Result.Head] with a copy the other party or the marketplace kept, or
// demand it with [RequireHead] or [RequireRevision] ([*RollbackError]).
// Because hashes and signatures cover canonical forms, a file that a
// database re-serialised (keys reordered, white space changed) still
// verifies. A program that stores the file replaces its copy only with a
// file whose history continues it: [Contract.Extends].
//
// # Verification
//
// [Verify] returns a [Result] (who confirmed which revision, whether the
// terms and text match their digests, whether each text was re-rendered
// from its terms) or one of the typed errors [*MalformedError],
// [*DigestMismatchError], [*MismatchError], [*HistoryError], [*KeyError],
// [*InvalidSignatureError] and [*MissingPartyError], all usable with
// errors.As. [ErrorMessage] explains any of them to the parties in English,
// Simplified or Traditional Chinese. A backend gates the trade on
// [Result.AgreedAndRerendered] when the text must also have been rendered
// again from the terms.
//
// # Signing elsewhere
//
// A party whose key stays on its device (a phone's keystore, a browser's
// WebCrypto key, a hardware token) signs in two steps. The server calls
// [PreparePropose], [Contract.PrepareAmend] or [Contract.PrepareConfirm]
// with the party's public key: every check that the one-step call makes
// runs, nothing is appended, and the [Request] lists the payloads to sign
// (today one: the confirmation message, [Confirmation.Message]). The
// device signs each payload; the server calls [Submit] with the contract
// as it is then, the request and the signatures: the entries are built
// again, the payloads must be the same bytes (otherwise the contract
// changed since it was prepared, [ErrStale]), each signature must verify,
// and Submit returns the contract with the entries appended, leaving the
// one passed in untouched. A Request is plain data (JSON) that a server
// may keep between the two HTTP requests.
//
// WebAuthn passkeys do not sign a message but authenticatorData followed
// by the SHA-256 of clientDataJSON; they are out of scope for this
// format version: use a key that signs the payload itself.
//
// Keys are Ed25519 ([GenerateKey], [NewKeyFromSeed]): small, fast,
// deterministic signatures that the test vectors can print exactly, and
// what the PRC Electronic Signature Law art. 13 asks for as long as the
// private key stays with its owner. ECDSA P-256 keys ([GenerateP256Key],
// [NewP256Key]) serve devices that hold only those (a phone's secure
// element, WebCrypto, HSMs); their signatures are r || s, low-S
// ([SignatureFromDER] converts DER), and a file with one is format
// version 2. The small [Signer] and [Verifier] interfaces, modelled on
// golang.org/x/mod/sumdb/note, and [NewSigner] for any crypto.Signer,
// leave room for keys held elsewhere.
package confirm
