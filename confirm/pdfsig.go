package confirm

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tradepact/tradepact/confirm/internal/format"
	"github.com/tradepact/tradepact/internal/pades"
	"github.com/tradepact/tradepact/render"
)

// PDF signatures (doc/pdf-signatures.md): each P-256 confirmation of the
// latest revision is also a PAdES B-B signature of the PDF, made at
// confirmation time by the same signer and stored in the contract file's
// pdf_signatures, so that the signed PDF is assembled later without keys.

// ErrRendererVersion is the cause of the error [WritePDF] returns for a
// contract file whose PDF signatures were made over the PDF of another
// renderer version (the version recorded with them), or over other bytes
// than this build renders with the options given (page size, fonts, or
// another Go release's compression): the signatures do not cover the bytes
// it would write, so it writes none.
var ErrRendererVersion = errors.New("confirm: the PDF signatures were made over the PDF of another renderer")

// reserve is the text whose glyphs a signed PDF's font holds for the
// signature appearances (sigLines) of a confirmation not made yet: the
// same for every contract of a language, so the base PDF does not depend
// on who confirms second.
func reserve(lang string) string {
	t, ok := sigBlockTexts[lang]
	if !ok {
		t = sigBlockTexts["en"]
	}
	s := t.confirmed + t.key + "0123456789abcdef年月日:() UTC+-"
	for _, m := range enMonths {
		s += m
	}
	return s
}

// sigLines is the visible appearance of a confirmation's PDF signature:
// what fillSignatureBlock writes in the cells, in three lines.
func sigLines(c *Confirmation, lang string) []string {
	t, ok := sigBlockTexts[lang]
	if !ok {
		t = sigBlockTexts["en"]
	}
	return []string{t.confirmed, printable(fmt.Sprintf(t.key, c.Key.Fingerprint())), LocalTime(c.Time, lang)}
}

// WithPDFCertificate gives the certificate (DER) for the PDF signature of
// a P-256 confirmation, issued by a platform CA for the confirming key,
// and the chain above it (DER, issuer first; the root may be left out),
// instead of the self-signed certificate made by default. It applies to
// [Propose], [Contract.Amend], [Contract.Confirm] and the two-step
// [Contract.PreparePDFSignature] (which then has one round only: its
// payload is the signed attributes).
func WithPDFCertificate(cert []byte, chain ...[]byte) Option {
	return func(c *config) {
		if _, err := x509.ParseCertificate(cert); err != nil {
			c.fail(&OptionError{Option: "WithPDFCertificate", Err: err})
			return
		}
		for _, x := range chain {
			if _, err := x509.ParseCertificate(x); err != nil {
				c.fail(&OptionError{Option: "WithPDFCertificate", Err: fmt.Errorf("chain: %w", err)})
				return
			}
		}
		c.pdfCert, c.pdfChain = bytes.Clone(cert), chain
	}
}

// fieldNames are the signature fields' names, seller then buyer.
var fieldNames = [2]string{"Seller", "Buyer"}

// baseFile returns the contract file a signed PDF embeds (F0): the
// entries up to and including the latest revision, none of its
// confirmations, no PDF signatures; version 2 if one of its keys is P-256,
// else 1. It also returns the index of the latest revision entry.
func baseFile(f *format.File) ([]byte, int, error) {
	k := -1
	for i, e := range f.Entries {
		if e.Type == format.TypeRevision {
			k = i
		}
	}
	if k < 0 {
		return nil, 0, errors.New("confirm: no revision")
	}
	v := format.Version
	for _, e := range f.Entries[:k+1] {
		if PublicKey(e.Key).isP256() {
			v = format.VersionP256
		}
	}
	b, err := format.Marshal(&format.File{Version: v, ID: f.ID, Entries: f.Entries[:k+1]})
	return b, k, err
}

// liveSig signs a PDF signature at confirmation time.
type liveSig struct {
	s      Signer
	stored *format.PDFSignature // filled by the signing
}

// signedPDF assembles the signed PDF of the latest revision of f
// (verified as res): the base with F0 attached, then one signature per
// confirmation of the latest revision, in order, each from its stored
// pieces, or, for the last one when live is given, made by live's signer.
// It returns errNoPDFSignature when a confirmation has none.
func signedPDF(res *Result, f *format.File, cfg *config, live *liveSig) ([]byte, error) {
	f0, k, err := baseFile(f)
	if err != nil {
		return nil, err
	}
	rev := res.Latest()
	confs := f.Entries[k+1:]
	if len(confs) == 0 || len(confs) != len(rev.Confirmations) {
		return nil, errNoPDFSignature
	}
	stored := map[string]*format.PDFSignature{}
	for _, p := range f.PDFSignatures {
		stored[p.Confirmation] = p
	}
	// The document of the base: the latest revision with no confirmation
	// drawn (they are the signatures), its record up to that revision.
	view := *res
	view.Revisions = append([]*Revision(nil), res.Revisions...)
	latest := *rev
	latest.Confirmations = nil
	view.Revisions[len(view.Revisions)-1] = &latest
	view.Agreed, view.Confirmed = false, false
	view.signed = true
	if h, err := format.Hash(f.Entries[k]); err == nil {
		view.Head = h
	}
	plainParties(&view)
	// Only what F0 holds: a party whose key confirms first in the latest
	// revision is not known to the base yet.
	known := map[Role]bool{}
	for _, e := range f.Entries[:k] {
		if e.Type == format.TypeConfirmation {
			known[Role(e.Role)] = true
		}
	}
	if !known[Seller] {
		view.Seller = nil
	}
	if !known[Buyer] {
		view.Buyer = nil
	}
	view.Entries, view.LastTime = k+1, f.Entries[k].Time
	doc, err := view.document(cfg)
	if err != nil {
		return nil, err
	}
	var sigs []render.PDFSignature
	for i, e := range confs {
		c := rev.Confirmations[i]
		h, err := format.Hash(e)
		if err != nil {
			return nil, err
		}
		entry, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		field := 0
		if c.Role == Buyer {
			field = 1
		}
		name := rev.Terms.Seller.Name
		if c.Role == Buyer {
			name = rev.Terms.Buyer.Name
		}
		at, err := time.Parse(TimeLayout, c.Time)
		if err != nil {
			return nil, err
		}
		ps := render.PDFSignature{Field: field, Name: name, Time: at, Certify: i == 0, Lines: sigLines(c, doc.Lang)}
		p := stored[Digest(h).String()]
		switch {
		case p != nil:
			if p.Renderer != render.Version {
				return nil, fmt.Errorf("%w: the %s's PDF signature was made over the PDF of tradepact renderer %s; this is %s, which would write other bytes: render it with tradepact %s",
					ErrRendererVersion, c.Role, printable(p.Renderer), render.Version, printable(p.Renderer))
			}
			ps.Sign = func(d [32]byte) ([]byte, error) {
				cms, err := pades.SignedData(p.Certificate, p.Chain, p.SignedAttributes, p.Signature, entry)
				if err != nil {
					return nil, fmt.Errorf("the %s's stored PDF signature: %w", c.Role, err)
				}
				if err := checkCMS(cms, d, c.Key); err != nil {
					if p, perr := pades.Parse(cms); perr == nil && !bytes.Equal(p.Digest, d[:]) {
						return nil, fmt.Errorf("%w: the %s's PDF signature covers other bytes than this build renders (render.Version %s): the PDF options (page size, fonts) or the build (Go's compression) differ from those it was made with",
							ErrRendererVersion, c.Role, render.Version)
					}
					return nil, fmt.Errorf("the %s's stored PDF signature: %w", c.Role, err)
				}
				return cms, nil
			}
		case live != nil && i == len(confs)-1:
			who := pades.Subject{Name: name, Account: c.Account}
			ps.Sign = func(d [32]byte) ([]byte, error) {
				key, ok := c.Key.p256()
				if !ok {
					return nil, errors.New("not a P-256 key")
				}
				cert, chain := cfg.pdfCert, cfg.pdfChain
				if cert == nil {
					tbs, err := pades.TBSCertificate(key, who, at)
					if err != nil {
						return nil, err
					}
					cs, err := live.s.Sign(tbs)
					if err != nil {
						return nil, err
					}
					if cert, err = pades.Certificate(tbs, normaliseP256(c.Key, cs)); err != nil {
						return nil, err
					}
				} else if x, err := x509.ParseCertificate(cert); err != nil {
					return nil, fmt.Errorf("the certificate given with WithPDFCertificate: %w", err)
				} else if k, ok := x.PublicKey.(*ecdsa.PublicKey); !ok || !k.Equal(key) {
					return nil, fmt.Errorf("the certificate given with WithPDFCertificate is not for the key %s", c.Key.Fingerprint())
				}
				attrs := pades.SignedAttributes(d, cert)
				as, err := live.s.Sign(attrs)
				if err != nil {
					return nil, err
				}
				as = normaliseP256(c.Key, as)
				cms, err := pades.SignedData(cert, chain, attrs, as, entry)
				if err != nil {
					return nil, err
				}
				if err := checkCMS(cms, d, c.Key); err != nil {
					return nil, err
				}
				live.stored = &format.PDFSignature{Confirmation: Digest(h).String(), Renderer: render.Version, Certificate: cert, Chain: chain, SignedAttributes: attrs, Signature: as}
				return cms, nil
			}
		default:
			return nil, errNoPDFSignature
		}
		sigs = append(sigs, ps)
	}
	var b bytes.Buffer
	opts := append([]render.PDFOption{render.WithAttachment(AttachmentName, f0)}, cfg.pdf...)
	if err := render.SignedPDF(&b, doc, fieldNames, reserve(doc.Lang), sigs, opts...); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var errNoPDFSignature = errors.New("confirm: a confirmation of the latest revision has no PDF signature")

// checkCMS checks a PDF signature against the digest of the bytes it
// covers and the key of the confirmation it belongs to.
func checkCMS(cms []byte, digest [32]byte, key PublicKey) error {
	p, err := pades.Parse(cms)
	if err != nil {
		return err
	}
	k, err := p.Verify(digest)
	if err != nil {
		return err
	}
	want, ok := key.p256()
	if !ok || !want.Equal(k) {
		return fmt.Errorf("the certificate's key is not the confirmation's key %s", key.Fingerprint())
	}
	return nil
}

// plainParties clears what a printed record cannot know: whose keys they
// are.
func plainParties(r *Result) {
	for _, p := range []**Party{&r.Seller, &r.Buyer} {
		if *p != nil {
			q := **p
			q.Pinned = false
			*p = &q
		}
	}
}

// addPDFSignature makes the PDF signature of the confirmation just
// appended (the last entry), with the signer that confirmed, when its key
// is P-256 and the signer is called directly (the two-step API does not
// return these payloads yet). A revision whose earlier confirmation has no
// PDF signature gets none. The file then holds version 3.
func (c *Contract) addPDFSignature(s Signer, cfg *config) error {
	if _, ok := s.(*capture); ok || !s.Public().isP256() {
		return nil
	}
	res, err := c.verify(&config{set: cfg.set, pins: map[Role]PublicKey{}, pdf: cfg.pdf, ctx: cfg.ctx, pdfCert: cfg.pdfCert, pdfChain: cfg.pdfChain})
	if err != nil {
		return err
	}
	live := &liveSig{s: s}
	if _, err := signedPDF(res, c.f, cfg, live); errors.Is(err, errNoPDFSignature) {
		return nil
	} else if err != nil {
		return fmt.Errorf("confirm: PDF signature: %w", err)
	}
	if live.stored == nil {
		return nil
	}
	c.f.PDFSignatures = append(c.f.PDFSignatures, live.stored)
	c.f.Version = format.VersionPDF
	return nil
}

// checkPDFSignatures checks the stored PDF signatures of a file: each
// names a confirmation entry with a P-256 key, its certificate holds that
// key, the device's signature of the signed attributes verifies, and the
// signed attributes name the certificate. The message digest is checked
// when the PDF is assembled ([WritePDF]).
func checkPDFSignatures(f *format.File) error {
	keys := map[string]PublicKey{}
	for _, e := range f.Entries {
		if e.Type == format.TypeConfirmation {
			h, err := format.Hash(e)
			if err != nil {
				return err
			}
			keys[Digest(h).String()] = PublicKey(e.Key)
		}
	}
	seen := map[string]bool{}
	for i, p := range f.PDFSignatures {
		bad := func(format string, a ...any) error {
			return &MalformedError{Field: fmt.Sprintf("pdf_signatures[%d]", i), Err: fmt.Errorf(format, a...)}
		}
		if p == nil {
			return bad("null")
		}
		k, ok := keys[p.Confirmation]
		if !ok {
			return bad("names no confirmation of this file")
		}
		if seen[p.Confirmation] {
			return bad("a second PDF signature for one confirmation")
		}
		seen[p.Confirmation] = true
		if !k.isP256() {
			return bad("a PDF signature for a confirmation whose key is not P-256")
		}
		cms, err := pades.SignedData(p.Certificate, p.Chain, p.SignedAttributes, p.Signature, nil)
		if err != nil {
			return bad("%v", err)
		}
		parsed, err := pades.Parse(cms)
		if err != nil {
			return bad("%v", err)
		}
		var d [32]byte
		copy(d[:], parsed.Digest)
		if err := checkCMS(cms, d, k); err != nil {
			return bad("%v", err)
		}
	}
	return nil
}
