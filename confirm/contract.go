package confirm

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm/internal/format"
	"github.com/tradepact/tradepact/render"
)

// Contract is a contract file: the history of one negotiation, revisions
// and confirmations in order, hash-chained. Build one with [Propose], load
// one with [Parse]; [Contract.Amend] and [Contract.Confirm] append to it and
// [Contract.Marshal] writes it. A Contract is not safe for concurrent
// mutation.
type Contract struct {
	f *format.File
}

// Option configures [Propose], [Contract.Amend], [Contract.Confirm] and
// [Verify].
type Option func(*config)

type config struct {
	set  *TemplateSet
	pins map[Role]PublicKey
	role Role
	pdf  []render.PDFOption
}

func newConfig(opts []Option) *config {
	c := &config{pins: map[Role]PublicKey{}}
	for _, o := range opts {
		o(c)
	}
	if c.set == nil {
		c.set = defaultTemplates()
	}
	return c
}

// WithTemplates sets the template set that renders the contract text (by
// default the built-in one). [Verify] re-renders a revision only with a set
// whose identity is the one the revision records.
func WithTemplates(set *TemplateSet) Option { return func(c *config) { c.set = set } }

// TrustKey pins the public key that the caller already trusts for a role:
// [Verify] fails with a [*KeyError] if the file records another key for it.
func TrustKey(role Role, k PublicKey) Option { return func(c *config) { c.pins[role] = k } }

// AsRole states the role the signer acts in. [Contract.Amend] and
// [Contract.Confirm] fail with a [*KeyError] if the key does not belong to
// that role. Without it the role follows from the keys the file records:
// the seller's key is recorded with the proposal, and any other key is the
// buyer's until the buyer's is recorded.
func AsRole(role Role) Option { return func(c *config) { c.role = role } }

// ErrAlreadyConfirmed is returned by [Contract.Confirm] when the party has
// already confirmed the latest revision.
var ErrAlreadyConfirmed = errors.New("confirm: already confirmed")

// ErrNotRerendered is returned by [Contract.Confirm] for a revision whose
// text could not be rendered again from its terms, because it names a
// template set other than the one given with [WithTemplates] (by default
// the built-in one): nothing shows that the text the party reads says what
// the terms it would sign say, so it is not signed.
var ErrNotRerendered = errors.New("confirm: the text was not re-rendered from the terms")

// Parse reads a contract file. It checks the structure only and returns a
// [*MalformedError] if it is not a contract file; [Contract.Verify] checks
// everything else.
func Parse(data []byte) (*Contract, error) {
	f, err := format.Parse(data)
	if err != nil {
		return nil, &MalformedError{Err: err}
	}
	if f.Version != format.Version {
		return nil, &MalformedError{Field: "tradepact_contract", Err: fmt.Errorf("format version %d, this build reads %d", f.Version, format.Version)}
	}
	return &Contract{f: f}, nil
}

// Marshal returns the contract file: indented JSON, specified in
// doc/contract-file.md.
func (c *Contract) Marshal() ([]byte, error) { return format.Marshal(c.f) }

// ID returns the contract ID, the terms' id.
func (c *Contract) ID() string { return c.f.ID }

// Head returns the chain head: the hash of the newest entry. Two copies of a
// contract file with the same head hold the same history.
func (c *Contract) Head() Digest {
	if len(c.f.Entries) == 0 {
		return Digest{}
	}
	h, _ := format.Hash(c.f.Entries[len(c.f.Entries)-1])
	return h
}

// Propose starts a contract: the seller proposes the terms a as revision 1
// and confirms them with s, at the time given. The terms must pass
// a.Check; invalid terms are never proposed.
func Propose(a *agreement.Agreement, s Signer, at time.Time, opts ...Option) (*Contract, error) {
	cfg := newConfig(opts)
	if cfg.role != "" && cfg.role != Seller {
		return nil, &KeyError{Role: cfg.role, Key: s.Public(), Reason: "only the seller proposes"}
	}
	if _, ok := s.Public().raw(); !ok {
		return nil, fmt.Errorf("confirm: propose: signer's public key %q is malformed", truncate(string(s.Public())))
	}
	c := &Contract{f: &format.File{Version: format.Version, ID: a.ID}}
	if _, err := c.appendRevision(a, Seller, s, at, cfg, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// Amend appends a new revision with the terms a, authored by the signer's
// party, and that party's confirmation of it. The other party must confirm
// again. It returns the changes against the previous revision. The
// contract is verified first; nothing is appended on error.
func (c *Contract) Amend(a *agreement.Agreement, s Signer, at time.Time, opts ...Option) ([]Change, error) {
	cfg := newConfig(opts)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	role, err := res.roleOf(s.Public(), cfg.role)
	if err != nil {
		return nil, err
	}
	if a.ID != c.f.ID {
		return nil, fmt.Errorf("confirm: amend: terms id %q, the contract's is %q", a.ID, c.f.ID)
	}
	if err := notBefore(at.Format(TimeLayout), res.Latest()); err != nil {
		return nil, fmt.Errorf("confirm: cannot amend at %w", err)
	}
	return c.appendRevision(a, role, s, at, cfg, res.Latest())
}

// Confirm appends the signer's confirmation of the latest revision. The
// contract is verified first; terms that do not pass a.Check, and a text
// that cannot be rendered again from its terms with the template set at
// hand ([ErrNotRerendered]), are never confirmed; nothing is appended on
// error.
func (c *Contract) Confirm(s Signer, at time.Time, opts ...Option) (*Confirmation, error) {
	cfg := newConfig(opts)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	role, err := res.roleOf(s.Public(), cfg.role)
	if err != nil {
		return nil, err
	}
	rev := res.Latest()
	if err := notBefore(at.Format(TimeLayout), rev); err != nil {
		return nil, fmt.Errorf("confirm: cannot confirm revision %d at %w", rev.Number, err)
	}
	if rev.ConfirmedBy(role) != nil {
		return nil, fmt.Errorf("%w: the %s already confirmed revision %d", ErrAlreadyConfirmed, role, rev.Number)
	}
	if err := checkTerms(rev.Terms); err != nil {
		return nil, fmt.Errorf("confirm: revision %d cannot be confirmed: %w", rev.Number, err)
	}
	if !rev.Rerendered {
		return nil, fmt.Errorf("%w: revision %d was rendered with template set %s, not %s; confirm it with that template set",
			ErrNotRerendered, rev.Number, rev.Template, templateID(cfg.set))
	}
	conf, err := c.appendConfirmation(rev, role, s, at)
	if err != nil {
		return nil, err
	}
	return conf, nil
}

func (c *Contract) appendRevision(a *agreement.Agreement, author Role, s Signer, at time.Time, cfg *config, prev *Revision) ([]Change, error) {
	if err := checkTerms(a); err != nil {
		return nil, err
	}
	canon, ad, err := canonicalTerms(a)
	if err != nil {
		return nil, fmt.Errorf("confirm: %w", err)
	}
	text, err := renderText(a, cfg.set)
	if err != nil {
		return nil, err
	}
	var changes []Change
	if prev != nil {
		if changes, err = diffJSON(prev.canon, canon); err != nil {
			return nil, fmt.Errorf("confirm: %w", err)
		}
		if len(changes) == 0 {
			return nil, fmt.Errorf("confirm: amend: the terms are those of revision %d", prev.Number)
		}
	}
	tid := templateID(cfg.set)
	e := &format.Entry{
		Type:            format.TypeRevision,
		Revision:        1,
		Time:            at.Format(TimeLayout),
		Author:          string(author),
		Terms:           json.RawMessage(canon),
		Document:        string(text),
		Changes:         wireChanges(changes),
		AgreementDigest: ad.String(),
		DocumentDigest:  digestOf(text).String(),
		Template:        &format.Template{Name: tid.Name, Version: tid.Version, Digest: tid.Digest.String()},
	}
	if prev != nil {
		e.Revision = prev.Number + 1
	}
	if len(c.f.Entries) > 0 {
		e.Prev = c.Head().String()
	}
	rev := &Revision{Number: e.Revision, Author: author, Terms: a, Text: text, Agreement: ad, Document: digestOf(text), Template: tid}
	n := len(c.f.Entries)
	c.f.Entries = append(c.f.Entries, e)
	if _, err := c.appendConfirmation(rev, author, s, at); err != nil {
		c.f.Entries = c.f.Entries[:n]
		return nil, err
	}
	return changes, nil
}

func (c *Contract) appendConfirmation(rev *Revision, role Role, s Signer, at time.Time) (*Confirmation, error) {
	if _, ok := s.Public().raw(); !ok {
		return nil, &KeyError{Role: role, Key: s.Public(), Reason: "is malformed or " + ErrWeakKey.Error()}
	}
	account := rev.Terms.Seller.Account
	if role == Buyer {
		account = rev.Terms.Buyer.Account
	}
	conf := &Confirmation{
		Contract:  c.f.ID,
		Revision:  rev.Number,
		Role:      role,
		Account:   account,
		Agreement: rev.Agreement,
		Document:  rev.Document,
		Template:  rev.Template,
		History:   c.Head(),
		Time:      at.Format(TimeLayout),
	}
	if err := conf.Sign(s); err != nil {
		return nil, err
	}
	c.f.Entries = append(c.f.Entries, &format.Entry{
		Type:            format.TypeConfirmation,
		Prev:            conf.History.String(),
		Revision:        conf.Revision,
		Time:            conf.Time,
		AgreementDigest: conf.Agreement.String(),
		DocumentDigest:  conf.Document.String(),
		Template:        &format.Template{Name: conf.Template.Name, Version: conf.Template.Version, Digest: conf.Template.Digest.String()},
		Role:            string(role),
		Account:         account,
		Key:             string(conf.Key),
		Signature:       encodeSig(conf.Signature),
	})
	return conf, nil
}

func wireChanges(cs []Change) []format.Change {
	if len(cs) == 0 {
		return nil
	}
	out := make([]format.Change, len(cs))
	for i, c := range cs {
		out[i] = format.Change{Path: c.Path, Old: c.Old, New: c.New}
	}
	return out
}
