package confirm

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tradepact/tradepact/confirm/internal/format"
)

// Status is what [ReadStatus] found: the state of a contract file for a
// page or a list, read without re-rendering any text.
type Status struct {
	ID       string `json:"id"`
	State    State  `json:"state"`  // agreed, confirmed_unpinned or pending
	Agreed   bool   `json:"agreed"` // State is agreed: both keys pinned
	Head     Digest `json:"head"`
	Entries  int    `json:"entries"`
	Revision int    `json:"revision"` // the latest revision
	// Next are the roles that must still confirm the latest revision, in
	// the order seller, buyer; empty once both did.
	Next     []Role `json:"next"`
	LastTime string `json:"last_time"`
	// Keys are the keys the file records, by role.
	Keys      map[Role]StatusKey `json:"keys"`
	Revisions []StatusRevision   `json:"revisions"`
}

// StatusKey is a role's key as [Status] reports it.
type StatusKey struct {
	Key         PublicKey `json:"key"`
	Fingerprint string    `json:"fingerprint"`
	Pinned      bool      `json:"pinned"`
}

// StatusRevision is one revision as [Status] reports it.
type StatusRevision struct {
	Number        int                  `json:"number"`
	Author        Role                 `json:"author"`
	Time          string               `json:"time"`
	Agreement     Digest               `json:"agreement_digest"`
	Document      Digest               `json:"document_digest"`
	Confirmations []StatusConfirmation `json:"confirmations"`
}

// StatusConfirmation is one confirmation as [Status] reports it.
type StatusConfirmation struct {
	Role        Role   `json:"role"`
	Account     string `json:"account"`
	Time        string `json:"time"`
	Fingerprint string `json:"fingerprint"`
}

// ReadStatus reads a contract file's state cheaply: its id, keys,
// revisions, who must act next and whether it is agreed. The contract is:
// [Verify] a file in full when it comes in (an upload, before storing it),
// and read the stored copy with ReadStatus on every read; it costs about a
// tenth of Verify, and most of that is the signatures (doc/performance.md).
//
// It checks everything that decides who confirmed what: the hash chain,
// that each revision's terms and text hash to their recorded digests, the
// terms' id and the accounts the confirmations name, each confirmation
// against its revision, the order of roles and times, each role's key
// (weak keys refused; against the keys pinned with [TrustKey];
// [RequireHead] and [RequireRevision] apply too) and every signature. Its
// errors are those of Verify.
//
// It does not check, so a file that fails Verify may read here:
//   - the file's strict form: duplicate object keys, keys spelled in
//     another case, numbers not written in their RFC 8785 form and terms
//     not in the canonical form of the agreement they decode to (what it
//     reads is what encoding/json reads, and every value it uses is
//     covered by the hashes and signatures);
//   - the terms: they are not decoded into an agreement or validated;
//   - the text: it is not rendered again from the terms, so a text that a
//     tool wrote wrongly, one that is not what its terms render to, reads
//     here;
//   - the changes: they are not recomputed from the terms.
//
// Every file that Verify accepts reads here with the same head, state,
// latest revision and roles still to confirm (FuzzReadStatus).
func ReadStatus(data []byte, opts ...Option) (*Status, error) {
	f, err := readFile(data, format.Read)
	if err != nil {
		return nil, err
	}
	c := &Contract{f: f}
	cfg := newConfig(opts)
	cfg.statusOnly = true
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	st := &Status{
		ID: res.ID, State: res.State(), Agreed: res.Agreed, Head: res.Head, Entries: res.Entries,
		Revision: res.Latest().Number, Next: res.Missing(), LastTime: res.LastTime, Keys: map[Role]StatusKey{},
	}
	if st.Next == nil {
		st.Next = []Role{}
	}
	for _, p := range []*Party{res.Seller, res.Buyer} {
		if p != nil {
			st.Keys[p.Role] = StatusKey{p.Key, p.Key.Fingerprint(), p.Pinned}
		}
	}
	for _, rev := range res.Revisions {
		sr := StatusRevision{Number: rev.Number, Author: rev.Author, Time: rev.Time, Agreement: rev.Agreement, Document: rev.Document,
			Confirmations: []StatusConfirmation{}}
		for _, c := range rev.Confirmations {
			sr.Confirmations = append(sr.Confirmations, StatusConfirmation{c.Role, c.Account, c.Time, c.Key.Fingerprint()})
		}
		st.Revisions = append(st.Revisions, sr)
	}
	return st, nil
}

// statusRevision checks a revision entry for [ReadStatus]: the terms and
// the text against their digests, the terms' id, and the accounts that the
// confirmations must name.
func statusRevision(e *format.Entry, id string, author Role, tid TemplateID, ad, dd Digest, bad func(string, string, ...any) error) (*Revision, error) {
	terms, document, number, at := []byte(e.Terms), e.Document, e.Revision, e.Time
	var p struct {
		ID     string `json:"id"`
		Seller struct {
			Account string `json:"account"`
		} `json:"seller"`
		Buyer struct {
			Account string `json:"account"`
		} `json:"buyer"`
	}
	id0, ok1 := format.StringAt(terms, "id")
	seller, ok2 := format.StringAt(terms, "seller", "account")
	buyer, ok3 := format.StringAt(terms, "buyer", "account")
	if ok1 && ok2 && ok3 {
		p.ID, p.Seller.Account, p.Buyer.Account = id0, seller, buyer
	} else {
		if err := json.Unmarshal(terms, &p); err != nil {
			return nil, bad("terms", "%v", err)
		}
	}
	if p.ID != id {
		return nil, bad("terms.id", "%q, the contract's is %q", p.ID, id)
	}
	if got := digestOf(terms); got != ad {
		// format.Read compacted the terms; a file written otherwise than
		// by Marshal may need their RFC 8785 form, as Parse gives it.
		canon, err := format.Canonical(terms)
		if err != nil {
			return nil, bad("terms", "%v", err)
		}
		if got := digestOf(canon); got != ad {
			return nil, &DigestMismatchError{Revision: number, What: "terms", Recorded: ad, Computed: got}
		}
		terms = canon
		e.Terms = canon // the entry hash covers the canonical form
	}
	// The text is hashed where it lies: a status reports no text, so the
	// revision keeps none (Revision.Text is nil here).
	th := sha256.New()
	io.WriteString(th, document)
	if got := Digest(th.Sum(nil)); got != dd {
		return nil, &DigestMismatchError{Revision: number, What: "text", Recorded: dd, Computed: got}
	}
	if p.Seller.Account == "" {
		return nil, bad("terms", "%v", fmt.Errorf("no seller account"))
	}
	return &Revision{Number: number, Author: author, Time: at, Agreement: ad, Document: dd, Template: tid,
		canon: terms, accounts: [2]string{p.Seller.Account, p.Buyer.Account}}, nil
}
