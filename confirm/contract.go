package confirm

import (
	"bytes"
	"context"
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
	head Digest // RequireHead, if not zero
	rev  int    // RequireRevision, if not zero

	unverifiedPages bool            // AcceptUnverifiedPages
	statusOnly      bool            // Status: no decoding, re-rendering or diffs
	ctx             context.Context // WithContext; nil for none
	role            Role
	pdf             []render.PDFOption
	pdfCert         []byte   // WithPDFCertificate
	pdfChain        [][]byte // WithPDFCertificate
	err             error    // the first invalid option
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
// [Verify] fails with a [*KeyError] if the file records another key for it,
// and [Propose], [Contract.Amend] and [Contract.Confirm] if the signer acts
// for that role with another key. The role must be [Seller] or [Buyer] and
// the key one that [ParsePublicKey] accepts; otherwise the call that is
// given the option fails.
func TrustKey(role Role, k PublicKey) Option {
	return func(c *config) {
		if !role.valid() {
			c.fail(&OptionError{Option: "TrustKey", Err: fmt.Errorf("role %q is not seller or buyer", role)})
			return
		}
		p, err := ParsePublicKey(string(k))
		if err != nil {
			c.fail(&OptionError{Option: "TrustKey", Err: fmt.Errorf("%s: %w", role, err)})
			return
		}
		c.pins[role] = p
	}
}

// RequireHead makes [Verify] (and [Contract.Amend], [Contract.Confirm],
// [VerifyPDF], which verify first) fail with a [*RollbackError] unless the
// file's history contains the entry whose hash is head: the file is the
// copy whose head the caller stored (Result.Head, printed by tradepact
// verify), or continues it. This is the defence against rollback: a party
// who keeps only the first entries of a contract holds a valid, shorter
// history, perhaps an earlier agreed revision on better terms, and only a
// head known from before shows that entries were cut.
func RequireHead(head Digest) Option {
	return func(c *config) {
		if head.IsZero() {
			c.fail(&OptionError{Option: "RequireHead", Err: errors.New("the zero digest")})
			return
		}
		c.head = head
	}
}

// RequireRevision makes [Verify] fail with a [*RollbackError] unless the
// file has at least n revisions: a caller that knows revision n exists
// (it stored or was shown it) refuses an older or truncated copy. n must be
// at least 1.
func RequireRevision(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.fail(&OptionError{Option: "RequireRevision", Err: fmt.Errorf("%d: revisions are numbered from 1", n)})
			return
		}
		c.rev = n
	}
}

func (c *config) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// AsRole states the role the signer acts in. [Contract.Amend] and
// [Contract.Confirm] fail with a [*KeyError] if the key does not belong to
// that role. Without it the role follows from the keys the file records:
// the seller's key is recorded with the proposal, and any other key is the
// buyer's until the buyer's is recorded. The role must be [Seller] or
// [Buyer].
func AsRole(role Role) Option {
	return func(c *config) {
		if !role.valid() {
			c.fail(&OptionError{Option: "AsRole", Err: fmt.Errorf("role %q is not seller or buyer", role)})
			return
		}
		c.role = role
	}
}

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
// [*MalformedError] if it is not a contract file, and a [*LimitError]
// without parsing it if it is larger than [MaxContractSize];
// [Contract.Verify] checks everything else.
func Parse(data []byte) (*Contract, error) {
	f, err := readFile(data, format.Parse)
	if err != nil {
		return nil, err
	}
	return &Contract{f: f}, nil
}

// readFile reads a contract file with read (the strict format.Parse, or
// format.Read for a status read): the size limit first, then read's
// errors as *MalformedError, then the format version.
func readFile(data []byte, read func([]byte) (*format.File, error)) (*format.File, error) {
	if err := checkContractSize(data); err != nil {
		return nil, err
	}
	f, err := read(data)
	var ee *format.EntryError
	if errors.As(err, &ee) {
		return nil, &MalformedError{Entry: ee.Entry, Field: ee.Field, Err: ee.Err}
	}
	if err != nil {
		return nil, &MalformedError{Err: err}
	}
	if err := checkVersion(f); err != nil {
		return nil, err
	}
	return f, nil
}

// checkVersion refuses a format version this build does not read, and a
// version that does not match what the file holds.
func checkVersion(f *format.File) error {
	if f.Version != format.Version && f.Version != format.VersionP256 && f.Version != format.VersionPDF {
		return &MalformedError{Field: "tradepact_contract", Err: fmt.Errorf("format version %d, this build reads %d, %d and %d", f.Version, format.Version, format.VersionP256, format.VersionPDF)}
	}
	if (f.Version == format.VersionPDF) != (len(f.PDFSignatures) > 0) {
		return &MalformedError{Field: "tradepact_contract", Err: fmt.Errorf("version %d with %d PDF signatures: version %d is written exactly when pdf_signatures is present", f.Version, len(f.PDFSignatures), format.VersionPDF)}
	}
	return nil
}

// Marshal returns the contract file: indented JSON, specified in
// doc/contract-file.md.
func (c *Contract) Marshal() ([]byte, error) {
	if c == nil || c.f == nil {
		return nil, &MalformedError{Err: fmt.Errorf("no contract file (a zero Contract; use Parse or Propose)")}
	}
	return format.Marshal(c.f)
}

// LastTime returns the time the newest entry records, as the file has it
// (unverified; "" for a zero Contract). A new amendment or confirmation
// may not be dated earlier: a caller that takes the time from a clock
// that is behind (or facing a revision dated in the future) uses the later
// of the two.
func (c *Contract) LastTime() string {
	if c == nil || c.f == nil || len(c.f.Entries) == 0 {
		return ""
	}
	return c.f.Entries[len(c.f.Entries)-1].Time
}

// ID returns the contract ID, the terms' id.
func (c *Contract) ID() string {
	if c == nil || c.f == nil {
		return ""
	}
	return c.f.ID
}

// Head returns the chain head: the hash of the newest entry. Two copies of a
// contract file with the same head hold the same history.
func (c *Contract) Head() Digest {
	if c == nil || c.f == nil || len(c.f.Entries) == 0 {
		return Digest{}
	}
	h, _ := format.Hash(c.f.Entries[len(c.f.Entries)-1])
	return h
}

// Extends reports whether c's history begins with all of old's: c is old
// with entries appended (or the same). The entries are hash-chained, so
// the same hash at old's last position means the same history up to it.
// A program replacing a stored copy with c checks this first, so that an
// older or diverging copy never overwrites a party's confirmation.
func (c *Contract) Extends(old *Contract) bool {
	if c == nil || c.f == nil || old == nil || old.f == nil || old.f.ID != c.f.ID {
		return false
	}
	n := len(old.f.Entries)
	if n == 0 || n > len(c.f.Entries) {
		return false
	}
	h, err := format.Hash(c.f.Entries[n-1])
	return err == nil && h == old.Head()
}

// Propose starts a contract: the seller proposes the terms a as revision 1
// and confirms them with s, at the time given. The terms must pass
// a.Check; invalid terms are never proposed.
func Propose(a *agreement.Agreement, s Signer, at time.Time, opts ...Option) (*Contract, error) {
	cfg := newConfig(opts)
	if cfg.err != nil {
		return nil, cfg.err
	}
	if a == nil || s == nil {
		return nil, errors.New("confirm: propose: nil terms or signer")
	}
	if cfg.role != "" && cfg.role != Seller {
		return nil, &KeyError{Role: cfg.role, Key: s.Public(), Reason: "only the seller proposes", Problem: KeyNotSeller}
	}
	if err := signerKey(Seller, s, cfg); err != nil {
		return nil, err
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	c := &Contract{f: &format.File{Version: format.Version, ID: a.ID}}
	if _, err := c.appendRevision(a, Seller, s, when, cfg, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// Amend appends a new revision with the terms a, authored by the signer's
// party, and that party's confirmation of it. The other party must confirm
// again. It returns the changes against the previous revision. The
// contract is verified first; nothing is appended on error.
func (c *Contract) Amend(a *agreement.Agreement, s Signer, at time.Time, opts ...Option) ([]Change, error) {
	if a == nil || s == nil {
		return nil, errors.New("confirm: amend: nil terms or signer")
	}
	cfg := newConfig(opts)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	role, err := res.roleOf(s.Public(), cfg.role)
	if err != nil {
		return nil, err
	}
	if err := signerKey(role, s, cfg); err != nil {
		return nil, err
	}
	if a.ID != c.f.ID {
		return nil, &IDMismatchError{Terms: a.ID, Contract: c.f.ID}
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	if err := notBefore(when, res.LastTime, 0); err != nil {
		return nil, err
	}
	return c.appendRevision(a, role, s, when, cfg, res.Latest())
}

// Confirm appends the signer's confirmation of the latest revision. The
// contract is verified first; terms that do not pass a.Check, and a text
// that cannot be rendered again from its terms with the template set at
// hand ([ErrNotRerendered]), are never confirmed; nothing is appended on
// error.
func (c *Contract) Confirm(s Signer, at time.Time, opts ...Option) (*Confirmation, error) {
	if s == nil {
		return nil, errors.New("confirm: nil signer")
	}
	cfg := newConfig(opts)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	role, err := res.roleOf(s.Public(), cfg.role)
	if err != nil {
		return nil, err
	}
	if err := signerKey(role, s, cfg); err != nil {
		return nil, err
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	rev := res.Latest()
	if err := notBefore(when, res.LastTime, 0); err != nil {
		return nil, err
	}
	if rev.ConfirmedBy(role) != nil {
		return nil, &AlreadyConfirmedError{Role: role, Revision: rev.Number, Key: s.Public()}
	}
	if err := checkTerms(rev.Terms); err != nil {
		return nil, &TermsError{Revision: rev.Number, Err: err}
	}
	if !rev.Rerendered {
		return nil, fmt.Errorf("%w: revision %d was rendered with template set %s, not %s; confirm it with that template set",
			ErrNotRerendered, rev.Number, rev.Template, templateID(cfg.set))
	}
	conf, err := c.appendConfirmation(rev, role, s, when, cfg)
	if err != nil {
		return nil, err
	}
	return conf, nil
}

// signerKey checks that the signer's key may act for role: a well-formed,
// strong key, and the pinned one if the caller pinned the role's key.
func signerKey(role Role, s Signer, cfg *config) error {
	k := s.Public()
	if !k.valid() {
		return &KeyError{Role: role, Key: k, Reason: "is malformed or " + ErrWeakKey.Error(), Problem: KeyWeak, Err: ErrWeakKey}
	}
	if p, ok := cfg.pins[role]; ok && p != k {
		return &KeyError{Role: role, Key: k, Want: p, Reason: "is not the pinned key", Problem: KeyNotPinned}
	}
	return nil
}

// signingTime returns at as a confirmation records it, refusing what
// [Verify] would refuse or read as another instant: the zero time, a year
// outside 0000–9999, an offset that is not whole minutes or not within
// ±24 hours. Fractions of a second are dropped.
func signingTime(at time.Time) (string, error) {
	if at.IsZero() {
		return "", &TimeError{Err: errors.New("no time given (the zero time.Time)")}
	}
	s := at.Format(TimeLayout)
	if err := checkTime(s); err != nil {
		return "", &TimeError{Time: s, Err: err}
	}
	if t, _ := time.Parse(TimeLayout, s); !t.Equal(at.Truncate(time.Second)) {
		return "", &TimeError{Time: s, Err: errors.New("its UTC offset is not a whole number of minutes")}
	}
	return s, nil
}

func (c *Contract) appendRevision(a *agreement.Agreement, author Role, s Signer, at string, cfg *config, prev *Revision) ([]Change, error) {
	number := 1
	if prev != nil {
		number = prev.Number + 1
	}
	if err := checkTerms(a); err != nil {
		return nil, &TermsError{Revision: number, Err: err}
	}
	canon, ad, err := canonicalTerms(a)
	if err != nil {
		return nil, fmt.Errorf("confirm: %w", err)
	}
	// What is recorded, rendered and signed are the terms as the file
	// holds them: their canonical form read back (text in NFC), which is
	// what anyone who verifies reads and renders.
	if a, err = decodeTerms(canon); err != nil {
		return nil, fmt.Errorf("confirm: the canonical terms do not read back: %w", err)
	}
	if again, _, err := canonicalTerms(a); err != nil || !bytes.Equal(again, canon) {
		return nil, errors.New("confirm: the canonical terms do not read back to themselves")
	}
	if err := checkTerms(a); err != nil {
		return nil, err
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
			return nil, &UnchangedTermsError{Revision: prev.Number}
		}
	}
	tid := templateID(cfg.set)
	e := &format.Entry{
		Type:            format.TypeRevision,
		Revision:        1,
		Time:            at,
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
	rev := &Revision{Number: e.Revision, Author: author, Time: at, Terms: a, Text: text, Agreement: ad, Document: digestOf(text), Template: tid,
		accounts: [2]string{a.Seller.Account, a.Buyer.Account}}
	n := len(c.f.Entries)
	c.f.Entries = append(c.f.Entries, e)
	if _, err := c.appendConfirmation(rev, author, s, at, cfg); err != nil {
		c.f.Entries = c.f.Entries[:n]
		return nil, err
	}
	return changes, nil
}

func (c *Contract) appendConfirmation(rev *Revision, role Role, s Signer, at string, cfg *config) (*Confirmation, error) {
	account := rev.account(role)
	conf := &Confirmation{
		Contract:  c.f.ID,
		Revision:  rev.Number,
		Role:      role,
		Account:   account,
		Agreement: rev.Agreement,
		Document:  rev.Document,
		Template:  rev.Template,
		History:   c.Head(),
		Time:      at,
	}
	if err := conf.sign(cfg.ctx, s); err != nil {
		return nil, err
	}
	if !conf.Verify() {
		// A signer whose signature its own public key does not verify
		// (a broken HSM, a key mix-up) must not leave a confirmation
		// that corrupts the file.
		return nil, &SignerError{Key: conf.Key, Err: errors.New("its signature does not verify with its public key")}
	}
	version := c.f.Version
	if conf.Key.isP256() {
		// Version 1 readers know only Ed25519 keys: they must refuse
		// the file rather than misread it.
		c.f.Version = max(c.f.Version, format.VersionP256)
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
	if err := c.addPDFSignature(s, cfg); err != nil {
		c.f.Entries = c.f.Entries[:len(c.f.Entries)-1]
		c.f.Version = version
		return nil, err
	}
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
