package confirm

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"slices"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm/internal/format"
)

// Result is what [Verify] found in a contract file that verifies: who
// confirmed which revision, and whether the deal is agreed.
type Result struct {
	ID        string      // the contract ID
	Head      Digest      // the chain head, to compare with a copy kept elsewhere
	Entries   int         // the number of entries in the history
	Revisions []*Revision // in order; revision n is Revisions[n-1]
	Seller    *Party      // nil if the seller never acted (impossible in a valid file)
	Buyer     *Party      // nil if the buyer has not acted yet
	// LastTime is the time of the newest entry: a new revision or
	// confirmation may not be dated earlier.
	LastTime string
	// Confirmed reports whether the keys the file records for both roles
	// confirmed the latest revision. It does not say whose keys they are:
	// anyone can make two keys and confirm as both parties.
	Confirmed bool
	// Agreed reports whether both parties confirmed the latest revision
	// with keys the caller pinned for them ([TrustKey] for both roles):
	// the state a backend gates the trade on. A file confirmed by keys
	// that are not both pinned is never Agreed (see [Result.State]). It
	// does not say that the text was rendered again from the terms: a
	// revision made with a template set this build lacks is checked
	// against its digest only (Latest().Rerendered is false, and Notes
	// says so). Gate on [Result.AgreedAndRerendered] to require both.
	Agreed bool
	// Notes are plain statements about what could not be checked, such as
	// a text that was not re-rendered because this build has another
	// template set.
	Notes []string

	otherSet []otherSetNote // what each note says, to say it in another language
	signed   bool           // the base view of a signed PDF (pdfsig.go)
	unsigned bool           // the record of a PDF without PDF signatures (pdfOf)
}

// State is what a verified contract file says about the deal.
type State string

// The states of a contract file that verifies.
const (
	// StateAgreed: both parties confirmed the latest revision, with the
	// keys the caller pinned for them.
	StateAgreed State = "agreed"
	// StateUnpinned: the keys the file records for both roles confirmed
	// the latest revision, but at least one of them was not pinned, so
	// nothing shows that it belongs to its party: one person holding two
	// keys produces exactly this. Compare the fingerprints with the
	// parties and verify again with both keys pinned.
	StateUnpinned State = "confirmed_unpinned"
	// StatePending: the latest revision still lacks a party's
	// confirmation.
	StatePending State = "pending"
)

// State returns the state of the contract: [StateAgreed] only when
// [Result.Agreed]. A zero Result is [StatePending].
func (r *Result) State() State {
	switch {
	case r == nil || !r.Confirmed:
		return StatePending
	case r.Agreed:
		return StateAgreed
	}
	return StateUnpinned
}

// Unpinned returns the roles whose key the caller did not pin with
// [TrustKey] (or that have no key on file yet): until each is compared
// with its party, the file shows only that some keys confirmed.
func (r *Result) Unpinned() []Role {
	var out []Role
	for _, role := range []Role{Seller, Buyer} {
		if p := r.Party(role); p == nil || !p.Pinned {
			out = append(out, role)
		}
	}
	return out
}

// Party is a role's key as the contract file records it.
type Party struct {
	Role   Role
	Key    PublicKey
	Pinned bool // the key matched one pinned with [TrustKey]
}

// Revision is one verified revision.
type Revision struct {
	Number    int
	Author    Role
	Time      string
	Terms     *agreement.Agreement
	Text      []byte // the contract Markdown the parties were shown
	Agreement Digest // digest of the canonical terms
	Document  Digest // digest of Text
	Template  TemplateID
	Changes   []Change // against the previous revision
	// Rerendered reports whether Text was re-rendered from Terms with the
	// recorded template set and found identical. It is false when this
	// build does not have that template set (see Result.Notes).
	Rerendered bool
	// Confirmations are the verified confirmations of this revision.
	Confirmations []*Confirmation

	canon    []byte    // the canonical terms
	accounts [2]string // the seller's and the buyer's account in the terms
}

// account returns role's account in the revision's terms.
func (r *Revision) account(role Role) string {
	if role == Buyer {
		return r.accounts[1]
	}
	return r.accounts[0]
}

// ConfirmedBy returns role's confirmation of r, or nil.
func (r *Revision) ConfirmedBy(role Role) *Confirmation {
	if r == nil {
		return nil
	}
	for _, c := range r.Confirmations {
		if c.Role == role {
			return c
		}
	}
	return nil
}

// AgreedAndRerendered reports whether both parties confirmed the latest
// revision and its text was rendered again from its terms and found
// identical: what the parties read says what they agreed to.
func (r *Result) AgreedAndRerendered() bool {
	return r != nil && r.Agreed && r.Latest() != nil && r.Latest().Rerendered
}

// Latest returns the latest revision, or nil for a zero Result.
func (r *Result) Latest() *Revision {
	if r == nil || len(r.Revisions) == 0 {
		return nil
	}
	return r.Revisions[len(r.Revisions)-1]
}

// Party returns the party of role, or nil if it has not acted.
func (r *Result) Party(role Role) *Party {
	if r == nil {
		return nil
	}
	if role == Seller {
		return r.Seller
	}
	return r.Buyer
}

// Missing returns the roles whose confirmation of the latest revision is
// still missing.
func (r *Result) Missing() []Role {
	var out []Role
	latest := r.Latest()
	for _, role := range []Role{Seller, Buyer} {
		if latest == nil || latest.ConfirmedBy(role) == nil {
			out = append(out, role)
		}
	}
	return out
}

func (r *Result) roleOf(k PublicKey, want Role) (Role, error) {
	var role Role
	switch {
	case r.Seller != nil && r.Seller.Key == k:
		role = Seller
	case r.Buyer != nil && r.Buyer.Key == k:
		role = Buyer
	case r.Buyer == nil:
		role = Buyer
	default:
		return "", &KeyError{Role: want, Key: k, Reason: "is neither the seller's nor the buyer's recorded key", Problem: KeyUnknown}
	}
	if want != "" && want != role {
		if p := r.Party(want); p != nil {
			return "", &KeyError{Role: want, Key: k, Want: p.Key, Reason: "is not the key recorded for the " + string(want), Problem: KeyNotRecorded}
		}
		return "", &KeyError{Role: want, Key: k, Reason: "already acts for the " + string(role), Problem: KeyOtherRole}
	}
	return role, nil
}

// Verify parses and verifies a contract file; see [Contract.Verify].
func Verify(data []byte, opts ...Option) (*Result, error) {
	c, err := Parse(data)
	if err != nil {
		return nil, err
	}
	return c.Verify(opts...)
}

// Verify checks the whole history: every entry's structure, every
// revision's terms and text against their digests (re-rendering the text
// when the recorded template set is at hand), every diff, the hash chain,
// each role's key and every signature. It returns the first problem as one
// of [*MalformedError], [*DigestMismatchError], [*MismatchError],
// [*HistoryError], [*KeyError], [*InvalidSignatureError] or
// [*MissingPartyError]. A nil error with Result.Agreed false means the file
// is valid but the latest revision still lacks a confirmation.
func (c *Contract) Verify(opts ...Option) (*Result, error) { return c.verify(newConfig(opts)) }

func (c *Contract) verify(cfg *config) (*Result, error) {
	if cfg.err != nil {
		return nil, cfg.err
	}
	if c == nil || c.f == nil {
		return nil, &MalformedError{Err: fmt.Errorf("no contract file (a zero Contract; use Parse or Propose)")}
	}
	f := c.f
	res := &Result{ID: f.ID, Entries: len(f.Entries)}
	if f.ID == "" {
		return nil, &MalformedError{Field: "id", Err: fmt.Errorf("missing")}
	}
	if len(f.Entries) == 0 {
		return nil, &MalformedError{Field: "entries", Err: fmt.Errorf("no entries")}
	}
	have := templateID(cfg.set)
	keys := map[Role]PublicKey{}
	verifiers := map[PublicKey]Verifier{}
	var head Digest
	var prevType string
	// lastTime is the time of the entry before the current one, and
	// revPrevTime that of the entry before the latest revision.
	var lastTime, revPrevTime string
	noted := map[TemplateID]bool{}
	sawHead := false
	for i, e := range f.Entries {
		n := i + 1
		bad := func(field string, format string, args ...any) error {
			return &MalformedError{Entry: n, Field: field, Err: fmt.Errorf(format, args...)}
		}
		if err := checkTime(e.Time); err != nil {
			return nil, &MalformedError{Entry: n, Field: "time", Err: err}
		}
		if e.Template == nil {
			return nil, bad("template", "missing")
		}
		tdig, err := parseDigest(e.Template.Digest)
		if err != nil {
			return nil, bad("template.digest", "%v", err)
		}
		tid := TemplateID{Name: e.Template.Name, Version: e.Template.Version, Digest: tdig}
		ad, err := parseDigest(e.AgreementDigest)
		if err != nil {
			return nil, bad("agreement_digest", "%v", err)
		}
		dd, err := parseDigest(e.DocumentDigest)
		if err != nil {
			return nil, bad("document_digest", "%v", err)
		}
		if i == 0 && e.Prev != "" {
			return nil, &HistoryError{Entry: n, Recorded: e.Prev}
		}
		switch e.Type {
		case format.TypeRevision:
			if e.Role != "" || e.Account != "" || e.Key != "" || e.Signature != "" {
				return nil, bad("", "a revision has no role, account, key or signature")
			}
			if e.Revision != len(res.Revisions)+1 {
				return nil, bad("revision", "is %d, want %d", e.Revision, len(res.Revisions)+1)
			}
			if i > 0 && e.Prev != head.String() {
				return nil, &HistoryError{Entry: n, Recorded: e.Prev, Computed: head}
			}
			if len(res.Revisions) > 0 {
				if p := res.Latest(); p.ConfirmedBy(p.Author) == nil {
					return nil, &MissingPartyError{Revision: p.Number, Role: p.Author}
				}
			}
			author := Role(e.Author)
			if !author.valid() {
				return nil, bad("author", "%q is not seller or buyer", e.Author)
			}
			if e.Revision == 1 && author != Seller {
				return nil, bad("author", "the seller proposes revision 1, not the %s", author)
			}
			if len(e.Terms) == 0 {
				return nil, bad("terms", "missing")
			}
			if cfg.statusOnly {
				rev, err := statusRevision(e, f.ID, author, tid, ad, dd, bad)
				if err != nil {
					return nil, err
				}
				revPrevTime = lastTime
				res.Revisions = append(res.Revisions, rev)
				break
			}
			a, err := decodeTerms(e.Terms)
			if err != nil {
				return nil, bad("terms", "%v", err)
			}
			if a.ID != f.ID {
				return nil, bad("terms.id", "%q, the contract's is %q", a.ID, f.ID)
			}
			canon, got, err := canonicalTerms(a)
			if err != nil {
				return nil, bad("terms", "%v", err)
			}
			if got != ad {
				return nil, &DigestMismatchError{Revision: e.Revision, What: "terms", Recorded: ad, Computed: got}
			}
			text := []byte(e.Document)
			if got := digestOf(text); got != dd {
				return nil, &DigestMismatchError{Revision: e.Revision, What: "text", Recorded: dd, Computed: got}
			}
			rev := &Revision{Number: e.Revision, Author: author, Time: e.Time, Terms: a, Text: text, Agreement: ad, Document: dd, Template: tid, canon: canon,
				accounts: [2]string{a.Seller.Account, a.Buyer.Account}}
			revPrevTime = lastTime
			if tid == have {
				again, err := renderText(a, cfg.set)
				if err != nil {
					return nil, bad("terms", "cannot render: %v", err)
				}
				if !bytes.Equal(again, text) {
					return nil, &DigestMismatchError{Revision: e.Revision, What: "rendered text", Recorded: dd, Computed: digestOf(again)}
				}
				rev.Rerendered = true
			} else if !noted[tid] {
				noted[tid] = true
				n := otherSetNote{rev: e.Revision, set: tid, have: have}
				res.Notes = append(res.Notes, n.text("en"))
				res.otherSet = append(res.otherSet, n)
			}
			if !bytes.Equal(e.Terms, canon) {
				// Terms that decode to the signed agreement but are
				// written otherwise would show other readers other terms
				// than those hashed.
				return nil, bad("terms", "not in the canonical form of the agreement they decode to")
			}
			var want []Change
			if len(res.Revisions) > 0 {
				if want, err = diffJSON(res.Latest().canon, canon); err != nil {
					return nil, bad("terms", "%v", err)
				}
				if len(want) == 0 {
					return nil, bad("terms", "the same as revision %d's", len(res.Revisions))
				}
			}
			if !sameChanges(want, e.Changes) {
				return nil, bad("changes", "do not match the difference from the previous revision")
			}
			rev.Changes = want
			res.Revisions = append(res.Revisions, rev)

		case format.TypeConfirmation:
			if e.Author != "" || len(e.Terms) > 0 || e.Document != "" || len(e.Changes) > 0 {
				return nil, bad("", "a confirmation has no author, terms, document or changes")
			}
			role := Role(e.Role)
			if !role.valid() {
				return nil, bad("role", "%q is not seller or buyer", e.Role)
			}
			// A key is parsed (and, for Ed25519, checked not to be weak,
			// an X25519 multiplication) once per file, not once per
			// confirmation.
			v, ok := verifiers[PublicKey(e.Key)]
			if !ok {
				key, err := ParsePublicKey(e.Key)
				if err != nil || string(key) != e.Key {
					return nil, bad("key", "not a valid ed25519 or p256 public key")
				}
				if v, err = NewVerifier(key); err != nil {
					return nil, bad("key", "%v", err)
				}
				verifiers[key] = v
			}
			key := v.Public()
			if key.isP256() && f.Version < format.VersionP256 {
				return nil, bad("key", "a p256 key in a version %d file (P-256 keys need version %d)", f.Version, format.VersionP256)
			}
			sig, err := base64.StdEncoding.Strict().DecodeString(e.Signature)
			if err != nil {
				return nil, bad("signature", "not standard base64")
			}
			if len(res.Revisions) == 0 {
				return nil, bad("", "a confirmation before any revision")
			}
			rev := res.Latest()
			mismatch := func(field, got, want string) error {
				return &MismatchError{Entry: n, Revision: e.Revision, Field: field, Recorded: got, Want: want}
			}
			account := rev.account(role)
			switch {
			case e.Revision != rev.Number:
				return nil, mismatch("revision", fmt.Sprint(e.Revision), fmt.Sprint(rev.Number))
			case ad != rev.Agreement:
				return nil, mismatch("agreement_digest", ad.String(), rev.Agreement.String())
			case dd != rev.Document:
				return nil, mismatch("document_digest", dd.String(), rev.Document.String())
			case tid != rev.Template:
				return nil, mismatch("template", tid.String(), rev.Template.String())
			case e.Account != account:
				return nil, mismatch("account", e.Account, account)
			}
			if e.Prev != head.String() {
				return nil, &HistoryError{Entry: n, Recorded: e.Prev, Computed: head}
			}
			if err := notBefore(e.Time, lastTime, n-1); err != nil {
				return nil, &MalformedError{Entry: n, Field: "time", Err: err}
			}
			if k, ok := keys[role.other()]; ok && k == key {
				return nil, &KeyError{Entry: n, Role: role, Key: key, Reason: "already acts for the " + string(role.other()) + "; one key cannot act for both parties", Problem: KeyOtherRole}
			}
			if k, ok := keys[role]; ok && k != key {
				return nil, &KeyError{Entry: n, Role: role, Key: key, Want: k, Reason: "is not the key recorded for the " + string(role) + " at its first action", Problem: KeyNotRecorded}
			}
			if p, ok := cfg.pins[role]; ok && p != key {
				return nil, &KeyError{Entry: n, Role: role, Key: key, Want: p, Reason: "is not the pinned key", Problem: KeyNotPinned}
			}
			if prevType == format.TypeRevision && role != rev.Author {
				return nil, &MissingPartyError{Revision: rev.Number, Role: rev.Author}
			}
			if rev.ConfirmedBy(role) != nil {
				return nil, bad("", "the %s already confirmed revision %d", role, rev.Number)
			}
			conf := &Confirmation{
				Contract: f.ID, Revision: e.Revision, Role: role, Account: e.Account,
				Agreement: ad, Document: dd, Template: tid, History: head,
				Time: e.Time, Key: key, Signature: sig,
			}
			if !v.Verify(conf.Message(), conf.Signature) {
				return nil, &InvalidSignatureError{Entry: n, Revision: e.Revision, Role: role, Key: key}
			}
			if prevType == format.TypeRevision && revPrevTime != "" {
				// The author signed the revision's time through its hash:
				// an amendment is not dated before the entry it follows,
				// which may be the other party's confirmation.
				if err := notBefore(rev.Time, revPrevTime, n-2); err != nil {
					return nil, &MalformedError{Entry: n - 1, Field: "time", Err: err}
				}
			}
			keys[role] = key
			rev.Confirmations = append(rev.Confirmations, conf)

		default:
			return nil, bad("type", "%q is not revision or confirmation", e.Type)
		}
		h, err := format.Hash(e)
		if err != nil {
			return nil, bad("", "%v", err)
		}
		head, prevType, lastTime = h, e.Type, e.Time
		sawHead = sawHead || head == cfg.head
	}
	if p := res.Latest(); p.ConfirmedBy(p.Author) == nil {
		return nil, &MissingPartyError{Revision: p.Number, Role: p.Author}
	}
	if f.Version == format.VersionP256 && !keys[Seller].isP256() && !keys[Buyer].isP256() {
		// One spelling per file: version 2 only where version 1
		// readers must refuse.
		return nil, &MalformedError{Field: "tradepact_contract", Err: fmt.Errorf("version %d without a p256 key; such a file is version %d", f.Version, format.Version)}
	}
	for _, role := range []Role{Seller, Buyer} {
		k, ok := keys[role]
		if !ok {
			continue
		}
		_, pinned := cfg.pins[role]
		p := &Party{Role: role, Key: k, Pinned: pinned}
		if role == Seller {
			res.Seller = p
		} else {
			res.Buyer = p
		}
	}
	res.Head = head
	res.LastTime = lastTime
	if !cfg.head.IsZero() && !sawHead {
		return nil, &RollbackError{WantHead: cfg.head, Head: head, Revisions: len(res.Revisions), Entries: len(f.Entries)}
	}
	if cfg.rev > len(res.Revisions) {
		return nil, &RollbackError{WantRevision: cfg.rev, Head: head, Revisions: len(res.Revisions), Entries: len(f.Entries)}
	}
	if err := checkPDFSignatures(f); err != nil {
		return nil, err
	}
	res.Confirmed = len(res.Missing()) == 0
	res.Agreed = res.Confirmed && len(res.Unpinned()) == 0
	return res, nil
}

// notBefore checks that an entry given at t (a checked time) is not dated
// before last, the time of the entry before it (entry n; "" for none):
// entries are appended in order, so nobody confirms a revision before it
// exists or amends before the confirmation it follows.
func notBefore(t, last string, n int) error {
	if last == "" {
		return nil
	}
	at, _ := time.Parse(TimeLayout, t)
	if from, _ := time.Parse(TimeLayout, last); at.Before(from) {
		return &TimeOrderError{Time: t, Last: last, Entry: n}
	}
	return nil
}

func sameChanges(want []Change, got []format.Change) bool {
	return slices.EqualFunc(want, got, func(a Change, b format.Change) bool {
		return a.Path == b.Path && bytes.Equal(a.Old, b.Old) && bytes.Equal(a.New, b.New)
	})
}
