package deal

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

type accountKey struct{}

// WithAccount returns a context that carries the caller's platform
// account. The platform's authentication middleware sets it on every
// request before the [Handler] (or a call of the [Service]) sees it; the
// service trusts it and nothing else to say who the caller is.
func WithAccount(ctx context.Context, account string) context.Context {
	return context.WithValue(ctx, accountKey{}, account)
}

// AccountFrom returns the account [WithAccount] put in ctx.
func AccountFrom(ctx context.Context) (string, bool) {
	a, ok := ctx.Value(accountKey{}).(string)
	return a, ok && a != ""
}

// Config configures a [Service]. Only Store is required; every other
// field has the default its comment gives.
type Config struct {
	// Store keeps the deals and the accounts' keys.
	Store Store
	// Templates renders the contract text. Default: templates.Default().
	Templates *templates.Set
	// Logger receives a line for every change and every failure of the
	// store. Default: a logger that discards everything.
	Logger *slog.Logger
	// Now is the clock that dates confirmations. Default: time.Now.
	Now func() time.Time
	// Location is the time zone the dates in contract files are written
	// in. Default: UTC.
	Location *time.Location
	// MaxTermsBytes limits the size of terms (YAML or JSON). Default:
	// 256 KiB.
	MaxTermsBytes int
	// MaxRevisions limits the revisions of one deal, so that reading a
	// deal stays cheap. Default: 50.
	MaxRevisions int
	// Timeout bounds each call when the caller's context has no earlier
	// deadline. Default: 15 s.
	Timeout time.Duration
	// ListLimit is the most deals List returns. Default: 200.
	ListLimit int
	// PrepareTTL is how long a prepared request may be submitted: the
	// time it records (which the device signs) must be at most this old
	// and not in the future when it comes back. Default: 15 minutes.
	PrepareTTL time.Duration
	// ServerKeys, when set, returns the signer the platform keeps for
	// an account, for [Service.Create], [Service.Amend] and
	// [Service.Confirm]. Nil: the service keeps no keys, and parties
	// sign on their devices ([Service.PrepareCreate] and [Service.Submit]).
	ServerKeys func(ctx context.Context, account string) (confirm.Signer, error)
}

// Service is the deal service: it creates deals from the seller's terms,
// takes amendments and confirmations, and answers status, previews, PDFs
// and verification, for the two parties of each deal only. It is safe for
// concurrent use, also by several instances on one store: every change
// is a compare-and-swap on the deal's chain head.
type Service struct {
	cfg Config
	log *slog.Logger
}

// New returns a service configured by cfg.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("deal: Config.Store is required")
	}
	if cfg.Templates == nil {
		cfg.Templates = templates.Default()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.MaxTermsBytes <= 0 {
		cfg.MaxTermsBytes = 256 << 10
	}
	if cfg.MaxRevisions <= 0 {
		cfg.MaxRevisions = 50
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 15 * time.Second
	}
	if cfg.ListLimit <= 0 {
		cfg.ListLimit = 200
	}
	if cfg.PrepareTTL <= 0 {
		cfg.PrepareTTL = 15 * time.Minute
	}
	return &Service{cfg: cfg, log: cfg.Logger}, nil
}

// Prepared is what a party signs on its device: the request of
// package confirm (its Payloads are the exact bytes to sign, with the
// party's key), and the warnings about the terms, if any.
type Prepared struct {
	Request  *confirm.Request        `json:"request"`
	Warnings []*agreement.FieldError `json:"-"`
}

// Status is a deal as its parties see it, read without rendering.
type Status struct {
	ID       string         `json:"id"`
	Seller   string         `json:"seller"` // the seller's account
	Buyer    string         `json:"buyer"`  // the buyer's account
	Role     confirm.Role   `json:"role"`   // the caller's role
	State    confirm.State  `json:"state"`
	Head     confirm.Digest `json:"head"`
	Revision int            `json:"revision"`
	// Next are the accounts that must still confirm the latest revision,
	// seller first; empty once both did.
	Next []string `json:"next"`
	// YourTurn reports whether the caller is among Next.
	YourTurn bool `json:"your_turn"`
	// Agreed reports whether both parties confirmed the latest revision
	// with the keys registered to their accounts (pinned).
	Agreed bool `json:"agreed"`
	// ReleaseEscrow reports whether the contract lets the platform release
	// escrowed payment: only when Agreed. The platform's own conditions
	// (delivery, inspection period) still apply.
	ReleaseEscrow bool `json:"release_escrow"`
	// Keys are the fingerprints of the keys the contract records, by role.
	Keys    map[confirm.Role]confirm.StatusKey `json:"keys"`
	Updated time.Time                          `json:"updated"`
}

// Verification is the full verification of a stored deal, re-rendering
// every revision's text from its terms.
type Verification struct {
	ID                  string         `json:"id"`
	State               confirm.State  `json:"state"`
	Head                confirm.Digest `json:"head"`
	Revisions           int            `json:"revisions"`
	Agreed              bool           `json:"agreed"`
	AgreedAndRerendered bool           `json:"agreed_and_rerendered"`
	Notes               []string       `json:"notes"`
}

// call is the state every method starts from.
func (s *Service) begin(ctx context.Context) (context.Context, context.CancelFunc, string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	account, ok := AccountFrom(ctx)
	if !ok {
		return ctx, cancel, "", ErrUnauthenticated
	}
	return ctx, cancel, account, nil
}

// load reads a deal and the caller's role in it.
func (s *Service) load(ctx context.Context, id, account string) (*Record, confirm.Role, error) {
	r, err := s.cfg.Store.Get(ctx, id)
	if err != nil {
		return nil, "", s.fail(ctx, "get", id, err)
	}
	switch account {
	case r.Seller:
		return r, confirm.Seller, nil
	case r.Buyer:
		return r, confirm.Buyer, nil
	}
	return nil, "", ErrForbidden
}

// fail classifies err and logs what the platform must look at.
func (s *Service) fail(ctx context.Context, op, id string, err error) error {
	e := classify(err)
	if e.Code == CodeInternal {
		s.log.ErrorContext(ctx, "deal: "+op+" failed", "deal", id, "err", err)
	}
	return e
}

// pins returns TrustKey options for the keys registered to the deal's
// accounts.
func (s *Service) pins(ctx context.Context, seller, buyer string) ([]confirm.Option, error) {
	var opts []confirm.Option
	for _, p := range []struct {
		role    confirm.Role
		account string
	}{{confirm.Seller, seller}, {confirm.Buyer, buyer}} {
		k, err := s.cfg.Store.Key(ctx, p.account)
		if err != nil {
			return nil, err
		}
		if k != "" {
			opts = append(opts, confirm.TrustKey(p.role, k))
		}
	}
	return append(opts, confirm.WithTemplates(s.cfg.Templates), confirm.WithContext(ctx)), nil
}

// now returns the time to record: the clock, or the newest entry's time
// if the clock is behind it.
func (s *Service) now(last string) time.Time {
	t := s.cfg.Now().In(s.cfg.Location).Truncate(time.Second)
	if l, err := time.Parse(confirm.TimeLayout, last); err == nil && l.After(t) {
		return l
	}
	return t
}

// decode reads and validates terms, within the size limit.
func (s *Service) decode(terms []byte, format agreement.Format) (*agreement.Agreement, []*agreement.FieldError, error) {
	if len(terms) > s.cfg.MaxTermsBytes {
		return nil, nil, &Error{Code: CodeTooLarge, Field: "terms"}
	}
	if format == "" {
		format = agreement.DetectFormat("", terms)
	}
	if format != agreement.FormatYAML && format != agreement.FormatJSON {
		return nil, nil, &Error{Code: CodeBadRequest, Field: "format"}
	}
	a, findings, err := agreement.DecodeAndValidate(bytes.NewReader(terms), "terms", format)
	if err != nil {
		return nil, nil, &Error{Code: CodeBadRequest, Field: "terms", Err: err}
	}
	if a == nil {
		return nil, nil, &Error{Code: CodeInvalidTerms, Field: "terms", Findings: findings}
	}
	return a, findings, nil
}

// checkParties binds accounts to roles: the seller's and the buyer's
// accounts differ, and an amendment keeps both.
func checkParties(a *agreement.Agreement, r *Record) error {
	if a.Seller.Account == a.Buyer.Account {
		return &Error{Code: CodeRole, Field: "buyer.account"}
	}
	if r != nil && a.Seller.Account != r.Seller {
		return &Error{Code: CodeRole, Field: "seller.account"}
	}
	if r != nil && a.Buyer.Account != r.Buyer {
		return &Error{Code: CodeRole, Field: "buyer.account"}
	}
	return nil
}

// checkKey refuses a key other than the one registered to the account.
func (s *Service) checkKey(ctx context.Context, account string, key confirm.PublicKey) error {
	if key == "" {
		return &Error{Code: CodeBadRequest, Field: "key"}
	}
	if _, err := confirm.ParsePublicKey(string(key)); err != nil {
		return &Error{Code: CodeBadRequest, Field: "key", Err: err}
	}
	k, err := s.cfg.Store.Key(ctx, account)
	if err != nil {
		return err
	}
	if k != "" && k != key {
		return &Error{Code: CodeKeyMismatch, Field: "key"}
	}
	return nil
}

// Validate decodes and validates terms (YAML or JSON; "" detects) and
// returns every finding, for a form that checks as the user types.
// Invalid terms are not an error here: they are the findings.
func (s *Service) Validate(ctx context.Context, terms []byte, format agreement.Format) ([]*agreement.FieldError, error) {
	ctx, cancel, _, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	_, findings, err := s.decode(terms, format)
	var e *Error
	if errors.As(err, &e) && e.Code == CodeInvalidTerms {
		return e.Findings, nil
	}
	if err != nil {
		return nil, err
	}
	return findings, ctx.Err()
}

// PrepareCreate checks the seller's terms and returns what the seller
// signs with key to propose them: the caller must be the terms'
// seller.account, and the buyer another account.
func (s *Service) PrepareCreate(ctx context.Context, terms []byte, format agreement.Format, key confirm.PublicKey) (*Prepared, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	a, warnings, err := s.decode(terms, format)
	if err != nil {
		return nil, err
	}
	if a.Seller.Account != account {
		return nil, &Error{Code: CodeForbidden, Field: "seller.account"}
	}
	if err := checkParties(a, nil); err != nil {
		return nil, err
	}
	if err := s.checkKey(ctx, account, key); err != nil {
		return nil, s.fail(ctx, "prepare create", a.ID, err)
	}
	if _, err := s.cfg.Store.Get(ctx, a.ID); err == nil {
		return nil, &Error{Code: CodeExists, Field: "terms.id"}
	} else if !errors.Is(err, ErrNotFound) {
		return nil, s.fail(ctx, "prepare create", a.ID, err)
	}
	opts, err := s.pins(ctx, a.Seller.Account, a.Buyer.Account)
	if err != nil {
		return nil, s.fail(ctx, "prepare create", a.ID, err)
	}
	req, err := confirm.PreparePropose(a, key, s.now(""), opts...)
	if err != nil {
		return nil, s.fail(ctx, "prepare create", a.ID, err)
	}
	return &Prepared{Request: req, Warnings: warnings}, nil
}

// PrepareAmend checks an amendment of deal id by the caller, made on the
// head base (the zero digest: the current head), and returns what the
// caller signs with key.
func (s *Service) PrepareAmend(ctx context.Context, id string, base confirm.Digest, terms []byte, format agreement.Format, key confirm.PublicKey) (*Prepared, error) {
	return s.prepare(ctx, "amend", id, base, terms, format, key)
}

// PrepareConfirm checks that the caller may confirm the latest revision
// of deal id, read at head base (the zero digest: the current head), and
// returns what the caller signs with key.
func (s *Service) PrepareConfirm(ctx context.Context, id string, base confirm.Digest, key confirm.PublicKey) (*Prepared, error) {
	return s.prepare(ctx, "confirm", id, base, nil, "", key)
}

func (s *Service) prepare(ctx context.Context, action, id string, base confirm.Digest, terms []byte, format agreement.Format, key confirm.PublicKey) (*Prepared, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	r, role, err := s.load(ctx, id, account)
	if err != nil {
		return nil, err
	}
	if !base.IsZero() && base != r.Head {
		return nil, &Error{Code: CodeReload, Field: "base"}
	}
	if err := s.checkKey(ctx, account, key); err != nil {
		return nil, s.fail(ctx, "prepare "+action, id, err)
	}
	c, err := confirm.Parse(r.Contract)
	if err != nil {
		return nil, s.fail(ctx, "prepare "+action, id, err)
	}
	opts, err := s.pins(ctx, r.Seller, r.Buyer)
	if err != nil {
		return nil, s.fail(ctx, "prepare "+action, id, err)
	}
	opts = append(opts, confirm.AsRole(role))
	var p Prepared
	if action == "amend" {
		a, warnings, err := s.decode(terms, format)
		if err != nil {
			return nil, err
		}
		if err := checkParties(a, r); err != nil {
			return nil, err
		}
		if r.Revision >= s.cfg.MaxRevisions {
			return nil, &Error{Code: CodeTooLarge, Field: "revision"}
		}
		p.Warnings = warnings
		p.Request, err = c.PrepareAmend(a, key, s.now(c.LastTime()), opts...)
		if err != nil {
			return nil, s.fail(ctx, "prepare amend", id, err)
		}
	} else {
		p.Request, err = c.PrepareConfirm(key, s.now(c.LastTime()), opts...)
		if err != nil {
			return nil, s.fail(ctx, "prepare confirm", id, err)
		}
	}
	return &p, nil
}

// Submit completes a prepared request with the signatures of its
// payloads, made by the request's key (Ed25519, or P-256 as r || s, as
// WebCrypto returns it; high-S is accepted and normalised), and stores the
// result with a compare-and-swap on the head the request was prepared on.
// A signature that does not verify changes nothing (CodeBadSignature); a
// deal changed since the request was prepared gives CodeReload. On success
// the key is registered to the caller's account if it had none.
func (s *Service) Submit(ctx context.Context, req *confirm.Request, sigs [][]byte) (*Status, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	if req == nil {
		return nil, &Error{Code: CodeBadRequest, Field: "request"}
	}
	if len(sigs) != len(req.Payloads) {
		return nil, &Error{Code: CodeBadRequest, Field: "signatures"}
	}
	// The request comes back from the client, which could have edited
	// the time it signs: it must be the recent time prepare gave it.
	at, err := time.Parse(confirm.TimeLayout, req.Time)
	if now := s.cfg.Now(); err != nil || at.Before(now.Add(-s.cfg.PrepareTTL)) || at.After(now.Add(time.Minute)) {
		return nil, &Error{Code: CodeReload, Field: "request.time"}
	}
	if err := s.checkKey(ctx, account, req.Key); err != nil {
		return nil, s.fail(ctx, "submit", req.Contract, err)
	}
	var a *agreement.Agreement
	if req.Action == "propose" || req.Action == "amend" {
		if len(req.Terms) > s.cfg.MaxTermsBytes {
			return nil, &Error{Code: CodeTooLarge, Field: "request.terms"}
		}
		if a, _, err = s.decode(req.Terms, agreement.FormatJSON); err != nil {
			return nil, err
		}
		if a.ID != req.Contract {
			return nil, &Error{Code: CodeBadRequest, Field: "request.contract"}
		}
	}
	switch req.Action {
	case "propose":
		if a.Seller.Account != account || req.Role != confirm.Seller {
			return nil, &Error{Code: CodeForbidden, Field: "seller.account"}
		}
		if err := checkParties(a, nil); err != nil {
			return nil, err
		}
		opts, err := s.pins(ctx, a.Seller.Account, a.Buyer.Account)
		if err != nil {
			return nil, s.fail(ctx, "submit", req.Contract, err)
		}
		c, err := confirm.Submit(nil, req, sigs, opts...)
		if err != nil {
			return nil, s.fail(ctx, "submit", req.Contract, err)
		}
		if err := s.register(ctx, account, req.Key); err != nil {
			return nil, err
		}
		rec, err := s.record(ctx, c, a.Seller.Account, a.Buyer.Account, time.Time{})
		if err != nil {
			return nil, s.fail(ctx, "submit", req.Contract, err)
		}
		if err := s.cfg.Store.Create(ctx, rec); err != nil {
			return nil, s.fail(ctx, "create", rec.ID, err)
		}
		s.log.InfoContext(ctx, "deal created", "deal", rec.ID, "account", account, "head", rec.Head.String())
		return s.status(ctx, rec, confirm.Seller)
	case "amend", "confirm":
	default:
		return nil, &Error{Code: CodeBadRequest, Field: "request.action"}
	}
	r, role, err := s.load(ctx, req.Contract, account)
	if err != nil {
		return nil, err
	}
	if req.Role != role {
		return nil, &Error{Code: CodeKeyMismatch, Field: "request.role"}
	}
	if a != nil {
		if err := checkParties(a, r); err != nil {
			return nil, err
		}
		if r.Revision >= s.cfg.MaxRevisions {
			return nil, &Error{Code: CodeTooLarge, Field: "revision"}
		}
	}
	if base, err := agreement.ParseDigest(req.Base); err != nil || base != r.Head {
		return nil, &Error{Code: CodeReload, Field: "request.base"}
	}
	c, err := confirm.Parse(r.Contract)
	if err != nil {
		return nil, s.fail(ctx, "submit", r.ID, err)
	}
	opts, err := s.pins(ctx, r.Seller, r.Buyer)
	if err != nil {
		return nil, s.fail(ctx, "submit", r.ID, err)
	}
	c2, err := confirm.Submit(c, req, sigs, append(opts, confirm.AsRole(role))...)
	if err != nil {
		return nil, s.fail(ctx, "submit", r.ID, err)
	}
	if !c2.Extends(c) {
		return nil, s.fail(ctx, "submit", r.ID, errors.New("the submitted contract does not continue the stored one"))
	}
	if err := s.register(ctx, account, req.Key); err != nil {
		return nil, err
	}
	next, err := s.record(ctx, c2, r.Seller, r.Buyer, r.Created)
	if err != nil {
		return nil, s.fail(ctx, "submit", r.ID, err)
	}
	if err := s.cfg.Store.Swap(ctx, r.Head, next); err != nil {
		var ce *ConflictError
		if errors.As(err, &ce) {
			s.log.InfoContext(ctx, "deal: lost a race; the caller must reload", "deal", r.ID, "account", account, "head", ce.Actual.String())
		}
		return nil, s.fail(ctx, "swap", r.ID, err)
	}
	s.log.InfoContext(ctx, "deal "+req.Action+"ed", "deal", r.ID, "account", account, "role", string(role), "revision", next.Revision, "head", next.Head.String(), "state", string(next.State))
	return s.status(ctx, next, role)
}

// register registers key to the account on first use, and refuses it
// if another key was registered meanwhile.
func (s *Service) register(ctx context.Context, account string, key confirm.PublicKey) error {
	k, err := s.cfg.Store.RegisterKey(ctx, account, key)
	if err != nil {
		return s.fail(ctx, "register key", "", err)
	}
	if k != key {
		return &Error{Code: CodeKeyMismatch, Field: "key"}
	}
	return nil
}

// record makes the stored record of c.
func (s *Service) record(ctx context.Context, c *confirm.Contract, seller, buyer string, created time.Time) (*Record, error) {
	data, err := c.Marshal()
	if err != nil {
		return nil, err
	}
	opts, err := s.pins(ctx, seller, buyer)
	if err != nil {
		return nil, err
	}
	st, err := confirm.ReadStatus(data, opts...)
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now().UTC().Truncate(time.Microsecond)
	if created.IsZero() {
		created = now
	}
	return &Record{ID: c.ID(), Seller: seller, Buyer: buyer, State: st.State, Head: st.Head, Revision: st.Revision,
		Contract: data, Created: created, Updated: now}, nil
}

// Create proposes the seller's terms with the key the platform keeps for
// the caller (Config.ServerKeys).
func (s *Service) Create(ctx context.Context, terms []byte, format agreement.Format) (*Status, error) {
	signer, err := s.serverKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.PrepareCreate(ctx, terms, format, signer.Public())
	if err != nil {
		return nil, err
	}
	return s.signAndSubmit(ctx, signer, p)
}

// Amend amends deal id, read at head base, with the caller's server-held
// key.
func (s *Service) Amend(ctx context.Context, id string, base confirm.Digest, terms []byte, format agreement.Format) (*Status, error) {
	signer, err := s.serverKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.PrepareAmend(ctx, id, base, terms, format, signer.Public())
	if err != nil {
		return nil, err
	}
	return s.signAndSubmit(ctx, signer, p)
}

// Confirm confirms the latest revision of deal id, read at head base, with
// the caller's server-held key.
func (s *Service) Confirm(ctx context.Context, id string, base confirm.Digest) (*Status, error) {
	signer, err := s.serverKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.PrepareConfirm(ctx, id, base, signer.Public())
	if err != nil {
		return nil, err
	}
	return s.signAndSubmit(ctx, signer, p)
}

func (s *Service) serverKey(ctx context.Context) (confirm.Signer, error) {
	if s.cfg.ServerKeys == nil {
		return nil, &Error{Code: CodeNoServerKeys}
	}
	account, ok := AccountFrom(ctx)
	if !ok {
		return nil, ErrUnauthenticated
	}
	signer, err := s.cfg.ServerKeys(ctx, account)
	if err != nil {
		return nil, s.fail(ctx, "server key", "", err)
	}
	return signer, nil
}

func (s *Service) signAndSubmit(ctx context.Context, signer confirm.Signer, p *Prepared) (*Status, error) {
	sigs := make([][]byte, len(p.Request.Payloads))
	for i, m := range p.Request.Payloads {
		var err error
		if cs, ok := signer.(confirm.ContextSigner); ok {
			sigs[i], err = cs.SignContext(ctx, m)
		} else {
			sigs[i], err = signer.Sign(m)
		}
		if err != nil {
			return nil, s.fail(ctx, "server sign", p.Request.Contract, &confirm.SignerError{Key: signer.Public(), Err: err})
		}
	}
	return s.Submit(ctx, p.Request, sigs)
}

// Status returns the deal as the caller sees it: who must act next,
// whether it is agreed with the registered keys, and whether escrow may
// be released. It reads the contract file without rendering anything.
func (s *Service) Status(ctx context.Context, id string) (*Status, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	r, role, err := s.load(ctx, id, account)
	if err != nil {
		return nil, err
	}
	return s.status(ctx, r, role)
}

func (s *Service) status(ctx context.Context, r *Record, role confirm.Role) (*Status, error) {
	opts, err := s.pins(ctx, r.Seller, r.Buyer)
	if err != nil {
		return nil, s.fail(ctx, "status", r.ID, err)
	}
	st, err := confirm.ReadStatus(r.Contract, opts...)
	if err != nil {
		return nil, s.fail(ctx, "status", r.ID, err)
	}
	out := &Status{ID: r.ID, Seller: r.Seller, Buyer: r.Buyer, Role: role, State: st.State, Head: st.Head,
		Revision: st.Revision, Next: []string{}, Agreed: st.Agreed, ReleaseEscrow: st.Agreed, Keys: st.Keys, Updated: r.Updated}
	for _, n := range st.Next {
		acct := r.Seller
		if n == confirm.Buyer {
			acct = r.Buyer
		}
		out.Next = append(out.Next, acct)
		out.YourTurn = out.YourTurn || n == role
	}
	return out, nil
}

// List returns the caller's deals, most recently changed first.
func (s *Service) List(ctx context.Context) ([]Summary, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	l, err := s.cfg.Store.List(ctx, account, s.cfg.ListLimit)
	if err != nil {
		return nil, s.fail(ctx, "list", "", err)
	}
	if l == nil {
		l = []Summary{}
	}
	return l, nil
}

// Contract returns the stored contract file of deal id.
func (s *Service) Contract(ctx context.Context, id string) ([]byte, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, err
	}
	r, _, err := s.load(ctx, id, account)
	if err != nil {
		return nil, err
	}
	return r.Contract, nil
}

// verified loads and fully verifies a deal.
func (s *Service) verified(ctx context.Context, id string) (*Record, *confirm.Result, []confirm.Option, error) {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return nil, nil, nil, err
	}
	r, _, err := s.load(ctx, id, account)
	if err != nil {
		return nil, nil, nil, err
	}
	opts, err := s.pins(ctx, r.Seller, r.Buyer)
	if err != nil {
		return nil, nil, nil, s.fail(ctx, "verify", id, err)
	}
	res, err := confirm.Verify(r.Contract, opts...)
	if err != nil {
		return nil, nil, nil, s.fail(ctx, "verify", id, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, classify(err)
	}
	return r, res, opts, nil
}

// Verify verifies deal id in full, rendering every revision's text again
// from its terms, with the keys registered to the parties' accounts
// pinned.
func (s *Service) Verify(ctx context.Context, id string) (*Verification, error) {
	_, res, _, err := s.verified(ctx, id)
	if err != nil {
		return nil, err
	}
	notes := res.Notes
	if notes == nil {
		notes = []string{}
	}
	return &Verification{ID: res.ID, State: res.State(), Head: res.Head, Revisions: len(res.Revisions),
		Agreed: res.Agreed, AgreedAndRerendered: res.AgreedAndRerendered(), Notes: notes}, nil
}

// Preview writes deal id as an HTML fragment for the site's page (style
// it with render.HTMLStyle): what changed since the previous revision,
// if there is one, then the latest revision with who confirmed it and the
// signing record.
func (s *Service) Preview(ctx context.Context, id string, w io.Writer) error {
	_, res, opts, err := s.verified(ctx, id)
	if err != nil {
		return err
	}
	doc, err := res.Document(opts...)
	if err != nil {
		return s.fail(ctx, "preview", id, err)
	}
	var buf bytes.Buffer
	if n := len(res.Revisions); n > 1 {
		old, err := render.Parse(res.Revisions[n-2].Text, doc.Meta)
		if err == nil {
			err = render.HTMLChanges(&buf, old, doc)
		}
		if err != nil {
			return s.fail(ctx, "preview", id, err)
		}
	}
	latest := res.Latest()
	state := render.SigningState{Revision: latest.Number}
	for _, role := range []confirm.Role{confirm.Seller, confirm.Buyer} {
		p := render.PartyState{Role: string(role)}
		if role == confirm.Seller {
			p.Name = latest.Terms.Seller.Name
		} else {
			p.Name = latest.Terms.Buyer.Name
		}
		if c := latest.ConfirmedBy(role); c != nil {
			p.Confirmed, p.At = true, c.Time
		}
		state.Parties = append(state.Parties, p)
	}
	if err := render.HTMLFragment(&buf, doc, render.WithSigningState(state)); err != nil {
		return s.fail(ctx, "preview", id, err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// Page writes deal id as a standalone, printable HTML page.
func (s *Service) Page(ctx context.Context, id string, w io.Writer) error {
	_, res, opts, err := s.verified(ctx, id)
	if err != nil {
		return err
	}
	doc, err := res.Document(opts...)
	if err != nil {
		return s.fail(ctx, "page", id, err)
	}
	var buf bytes.Buffer
	if err := render.HTML(&buf, doc); err != nil {
		return s.fail(ctx, "page", id, err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// PDF writes the PDF of deal id: the latest revision, the signing record
// and the contract file attached, which `tradepact verify` checks.
func (s *Service) PDF(ctx context.Context, id string, w io.Writer) error {
	ctx, cancel, account, err := s.begin(ctx)
	defer cancel()
	if err != nil {
		return err
	}
	r, _, err := s.load(ctx, id, account)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := confirm.WritePDF(&buf, r.Contract, confirm.WithTemplates(s.cfg.Templates), confirm.WithContext(ctx)); err != nil {
		return s.fail(ctx, "pdf", id, err)
	}
	if err := ctx.Err(); err != nil {
		return classify(err)
	}
	_, err = buf.WriteTo(w)
	return err
}
