package confirm

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/tradepact/tradepact/agreement"
)

// Request is what a party must sign to propose, amend or confirm: made by
// a Prepare call, completed by [Submit].
type Request struct {
	Action   string          `json:"action"`          // "propose", "amend" or "confirm"
	Contract string          `json:"contract"`        // the contract ID
	Base     string          `json:"base,omitempty"`  // the chain head it was prepared on ("" for propose)
	Key      PublicKey       `json:"key"`             // the signer's public key
	Role     Role            `json:"role"`            // the role the key acts in
	Time     string          `json:"time"`            // the time recorded
	Terms    json.RawMessage `json:"terms,omitempty"` // propose and amend: the canonical terms
	Revision int             `json:"revision"`        // the revision confirmed (proposed, amended)
	// Payloads are the exact bytes to sign, in order; [Submit] takes one
	// signature for each.
	Payloads [][]byte `json:"payloads"`
}

// ErrStale is returned by [Submit] when the contract, or what the
// request's terms render to, is no longer what the request was prepared
// on: the payloads would differ, so the signatures cannot be used.
var ErrStale = errors.New("confirm: the contract changed since the request was prepared; prepare and sign again")

// errCaptured stops a one-step call at the point where it would sign.
var errCaptured = errors.New("payload captured")

// capture is a Signer that records what it is asked to sign and signs
// nothing, or, with sigs, answers each expected payload with its
// signature.
type capture struct {
	pub      PublicKey
	payloads [][]byte
	want     [][]byte // for Submit: the prepared payloads
	sigs     [][]byte
}

func (c *capture) Public() PublicKey { return c.pub }

func (c *capture) Sign(msg []byte) ([]byte, error) {
	n := len(c.payloads)
	c.payloads = append(c.payloads, bytes.Clone(msg))
	if c.want == nil {
		return nil, errCaptured
	}
	if n >= len(c.want) || !bytes.Equal(c.want[n], msg) {
		return nil, ErrStale
	}
	if n >= len(c.sigs) {
		return nil, fmt.Errorf("confirm: %d signatures for %d payloads", len(c.sigs), len(c.want))
	}
	return normaliseP256(c.pub, c.sigs[n]), nil
}

func (c *Contract) clone() *Contract {
	if c == nil || c.f == nil {
		return c
	}
	f := *c.f
	f.Entries = slices.Clone(c.f.Entries)
	return &Contract{f: &f}
}

// run performs the request's action on c (nil for propose) with s.
func (r *Request) run(c *Contract, s Signer, opts []Option) (*Contract, error) {
	at, err := time.Parse(TimeLayout, r.Time)
	if err != nil {
		return nil, &TimeError{Time: r.Time, Err: err}
	}
	opts = append(slices.Clone(opts), AsRole(r.Role))
	switch r.Action {
	case "propose":
		a, err := decodeTerms(r.Terms)
		if err != nil {
			return nil, &TermsError{Revision: 1, Err: err}
		}
		return Propose(a, s, at, opts...)
	case "amend":
		a, err := decodeTerms(r.Terms)
		if err != nil {
			return nil, &TermsError{Revision: r.Revision, Err: err}
		}
		c = c.clone()
		_, err = c.Amend(a, s, at, opts...)
		return c, err
	case "confirm":
		c = c.clone()
		_, err := c.Confirm(s, at, opts...)
		return c, err
	}
	return nil, fmt.Errorf("confirm: request action %q is not propose, amend or confirm", r.Action)
}

// prepare runs the action with a capturing signer and returns the request.
func (r *Request) prepare(c *Contract, opts []Option) (*Request, error) {
	s := &capture{pub: r.Key}
	_, err := r.run(c, s, opts)
	if !errors.Is(err, errCaptured) {
		if err == nil {
			err = errors.New("confirm: nothing to sign")
		}
		return nil, err
	}
	r.Payloads = s.payloads
	return r, nil
}

// PreparePropose checks, as [Propose] does, that the seller with key may
// propose the terms a at the time given, and returns what it must sign.
// Opts are those of Propose.
func PreparePropose(a *agreement.Agreement, key PublicKey, at time.Time, opts ...Option) (*Request, error) {
	if a == nil {
		return nil, errors.New("confirm: propose: nil terms")
	}
	canon, _, err := canonicalTerms(a)
	if err != nil {
		return nil, &TermsError{Revision: 1, Err: err}
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	r := &Request{Action: "propose", Contract: a.ID, Key: key, Role: Seller, Time: when, Terms: canon, Revision: 1}
	return r.prepare(nil, opts)
}

// PrepareAmend checks, as [Contract.Amend] does, that key may amend c with
// the terms a at the time given, and returns what it must sign. Nothing is
// appended to c.
func (c *Contract) PrepareAmend(a *agreement.Agreement, key PublicKey, at time.Time, opts ...Option) (*Request, error) {
	if a == nil {
		return nil, errors.New("confirm: amend: nil terms")
	}
	res, role, err := c.prepareRole(key, opts)
	if err != nil {
		return nil, err
	}
	canon, _, err := canonicalTerms(a)
	if err != nil {
		return nil, &TermsError{Revision: res.Latest().Number + 1, Err: err}
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	r := &Request{Action: "amend", Contract: c.ID(), Base: c.Head().String(), Key: key, Role: role, Time: when, Terms: canon, Revision: res.Latest().Number + 1}
	return r.prepare(c, opts)
}

// PrepareConfirm checks, as [Contract.Confirm] does, that key may confirm
// c's latest revision at the time given, and returns what it must sign.
// Nothing is appended to c.
func (c *Contract) PrepareConfirm(key PublicKey, at time.Time, opts ...Option) (*Request, error) {
	res, role, err := c.prepareRole(key, opts)
	if err != nil {
		return nil, err
	}
	when, err := signingTime(at)
	if err != nil {
		return nil, err
	}
	r := &Request{Action: "confirm", Contract: c.ID(), Base: c.Head().String(), Key: key, Role: role, Time: when, Revision: res.Latest().Number}
	return r.prepare(c, opts)
}

func (c *Contract) prepareRole(key PublicKey, opts []Option) (*Result, Role, error) {
	cfg := newConfig(opts)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, "", err
	}
	role, err := res.roleOf(key, cfg.role)
	return res, role, err
}

// Submit completes a request with one signature per payload, made by the
// request's key. c is the contract as it is now (nil for propose); opts
// must be those the request was prepared with (templates, pinned keys).
// The entries are built again and their payloads must be the prepared ones
// ([ErrStale] otherwise); a signature that does not verify is refused with
// a [*SignerError]. It returns the contract with the entries appended; c
// is left untouched.
func Submit(c *Contract, r *Request, sigs [][]byte, opts ...Option) (*Contract, error) {
	if r == nil {
		return nil, errors.New("confirm: nil request")
	}
	if len(sigs) != len(r.Payloads) {
		return nil, fmt.Errorf("confirm: %d signatures for %d payloads", len(sigs), len(r.Payloads))
	}
	if r.Action != "propose" && c.Head().String() != r.Base {
		return nil, ErrStale
	}
	s := &capture{pub: r.Key, want: r.Payloads, sigs: sigs}
	out, err := r.run(c, s, opts)
	if errors.Is(err, ErrStale) {
		return nil, ErrStale
	}
	if err != nil {
		return nil, err
	}
	if len(s.payloads) != len(r.Payloads) {
		return nil, ErrStale
	}
	return out, nil
}

// NewSigner returns a [Signer] for a crypto.Signer holding an Ed25519 key:
// an ed25519.PrivateKey, or a key in a KMS or HSM behind the
// crypto.Signer interface. It signs the message itself (pure Ed25519,
// crypto.Hash(0)).
func NewSigner(s crypto.Signer) (Signer, error) {
	if s == nil {
		return nil, ErrNoKey
	}
	if ec, ok := s.Public().(*ecdsa.PublicKey); ok {
		if ec.Curve != elliptic.P256() {
			return nil, errors.New("confirm: an ECDSA key on another curve than P-256")
		}
		raw, err := ec.Bytes()
		if err != nil {
			return nil, fmt.Errorf("confirm: ECDSA key: %w", err)
		}
		return p256CryptoSigner{s, PublicKey(p256Alg + base64.StdEncoding.EncodeToString(raw))}, nil
	}
	pub, ok := s.Public().(ed25519.PublicKey)
	if !ok || len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("confirm: a %T key; tradepact keys are Ed25519 or ECDSA P-256", s.Public())
	}
	k := PublicKey(keyAlg + base64.StdEncoding.EncodeToString(pub))
	if _, ok := k.raw(); !ok {
		return nil, ErrWeakKey
	}
	return cryptoSigner{s, k}, nil
}

// p256CryptoSigner signs the SHA-256 of the message and converts the DER
// signature to r || s, low-S.
type p256CryptoSigner struct {
	s crypto.Signer
	k PublicKey
}

func (c p256CryptoSigner) Public() PublicKey { return c.k }

func (c p256CryptoSigner) Sign(msg []byte) ([]byte, error) {
	h := sha256.Sum256(msg)
	der, err := c.s.Sign(nil, h[:], crypto.SHA256) // nil: deterministic for ecdsa.PrivateKey, ignored by a KMS
	if err != nil {
		return nil, err
	}
	return SignatureFromDER(der)
}

type cryptoSigner struct {
	s crypto.Signer
	k PublicKey
}

func (c cryptoSigner) Public() PublicKey { return c.k }

func (c cryptoSigner) Sign(msg []byte) ([]byte, error) { return c.s.Sign(nil, msg, crypto.Hash(0)) }

// ContextSigner is a [Signer] that calls out (a KMS, a device) and takes a
// context to cancel or time out the call. [Propose], [Contract.Amend] and
// [Contract.Confirm] call SignContext with the context given by
// [WithContext].
type ContextSigner interface {
	Signer
	SignContext(ctx context.Context, msg []byte) ([]byte, error)
}

// WithContext passes ctx to signers that are [ContextSigner]s; for other
// signers a context already cancelled stops the call before it signs.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }
