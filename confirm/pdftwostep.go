package confirm

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/tradepact/tradepact/confirm/internal/format"
)

// PDFRequest is a round of the two-step signing of a PDF signature, for a
// P-256 confirmation made through [Submit] (doc/pdf-signatures.md §5).
// The signed attributes hold the hash of the certificate, which holds the
// device's signature of its TBSCertificate; a device's ECDSA signatures
// are randomised, so the certificate is signed in a first round and the
// signed attributes in a second:
//
//	r1, _ := c.PreparePDFSignature()          // r1.Payloads: [TBSCertificate]
//	r2, _ := c.ContinuePDFSignature(r1, sig1) // r2.Payloads: [signed attributes]
//	c, _ = SubmitPDFSignature(c, r2, sig2)    // the contract with its pdf_signatures
//
// Each signature is ECDSA P-256 over the SHA-256 of the payload, r ‖ s or
// DER, by the key of the contract's last confirmation.
type PDFRequest struct {
	Contract string    `json:"contract"`
	Base     string    `json:"base"` // the chain head it was prepared on
	Key      PublicKey `json:"key"`
	// Payloads are the exact bytes to sign in this round (one).
	Payloads [][]byte `json:"payloads"`
	// CertificateSignature is the first round's signature (second round).
	CertificateSignature []byte `json:"certificate_signature,omitempty"`
}

// pdfDevice answers the signing calls of a PDF signature with the
// signatures it was given, in order, and records what it was asked to
// sign; past its answers it stops the signing (errCaptured).
type pdfDevice struct {
	pub     PublicKey
	answers [][]byte
	got     [][]byte
}

func (d *pdfDevice) Public() PublicKey { return d.pub }

func (d *pdfDevice) Sign(msg []byte) ([]byte, error) {
	n := len(d.got)
	d.got = append(d.got, bytes.Clone(msg))
	if n < len(d.answers) {
		a := d.answers[n]
		if len(a) != p256SigSize {
			if rs, err := SignatureFromDER(a); err == nil {
				a = rs
			}
		}
		return a, nil
	}
	return nil, errCaptured
}

// pdfRound runs the PDF signature of c's last confirmation with dev.
func (c *Contract) pdfRound(dev *pdfDevice, opts []Option) (*format.PDFSignature, error) {
	cfg := newConfig(opts)
	if cfg.err != nil {
		return nil, cfg.err
	}
	if c == nil || c.f == nil || len(c.f.Entries) == 0 {
		return nil, errors.New("confirm: no contract")
	}
	last := c.f.Entries[len(c.f.Entries)-1]
	if last.Type != format.TypeConfirmation || !PublicKey(last.Key).isP256() {
		return nil, errors.New("confirm: the last entry is not a confirmation with a P-256 key: there is no PDF signature to make")
	}
	h, err := format.Hash(last)
	if err != nil {
		return nil, err
	}
	for _, p := range c.f.PDFSignatures {
		if p.Confirmation == Digest(h).String() {
			return nil, errors.New("confirm: the last confirmation already has its PDF signature")
		}
	}
	dev.pub = PublicKey(last.Key)
	res, err := c.verify(cfg)
	if err != nil {
		return nil, err
	}
	live := &liveSig{s: dev}
	if _, err := signedPDF(res, c.f, cfg, live); err != nil {
		if errors.Is(err, errCaptured) {
			return nil, err
		}
		if errors.Is(err, errNoPDFSignature) {
			return nil, fmt.Errorf("%w: an earlier confirmation of this revision has none, so this one cannot be a PDF signature either", err)
		}
		return nil, fmt.Errorf("confirm: PDF signature: %w", err)
	}
	return live.stored, nil
}

// PreparePDFSignature starts the PDF signature of c's last confirmation
// (a P-256 one made through [Submit]): the returned request's one payload
// is the certificate's TBSCertificate. Opts are those of [Verify].
func (c *Contract) PreparePDFSignature(opts ...Option) (*PDFRequest, error) {
	dev := &pdfDevice{}
	if _, err := c.pdfRound(dev, opts); !errors.Is(err, errCaptured) {
		if err == nil {
			err = errors.New("confirm: nothing to sign")
		}
		return nil, err
	}
	r := &PDFRequest{Contract: c.ID(), Base: c.Head().String(), Key: dev.pub, Payloads: dev.got}
	if newConfig(opts).pdfCert != nil {
		// A certificate from a platform CA: no certificate round; the
		// payload is already the signed attributes.
		r.CertificateSignature = []byte{}
	}
	return r, nil
}

// ContinuePDFSignature takes the device's signature of the first round's
// payload and returns the second round: its one payload is the CMS signed
// attributes over the PDF.
func (c *Contract) ContinuePDFSignature(r *PDFRequest, sig []byte, opts ...Option) (*PDFRequest, error) {
	if r == nil || len(r.Payloads) != 1 || r.CertificateSignature != nil {
		return nil, errors.New("confirm: not a first-round PDF request")
	}
	if c.Head().String() != r.Base {
		return nil, ErrStale
	}
	dev := &pdfDevice{answers: [][]byte{sig}}
	if _, err := c.pdfRound(dev, opts); !errors.Is(err, errCaptured) {
		if err == nil {
			err = errors.New("confirm: nothing to sign")
		}
		return nil, err
	}
	if len(dev.got) != 2 || !bytes.Equal(dev.got[0], r.Payloads[0]) {
		return nil, ErrStale
	}
	return &PDFRequest{Contract: r.Contract, Base: r.Base, Key: r.Key, Payloads: dev.got[1:], CertificateSignature: sig}, nil
}

// SubmitPDFSignature completes the PDF signature with the device's
// signature of the second round's payload and returns the contract with
// it stored (format version 3); c is left untouched. A signature that does
// not verify is refused.
func SubmitPDFSignature(c *Contract, r *PDFRequest, sig []byte, opts ...Option) (*Contract, error) {
	if r == nil || len(r.Payloads) != 1 || r.CertificateSignature == nil && newConfig(opts).pdfCert == nil {
		return nil, errors.New("confirm: not a second-round PDF request")
	}
	if c.Head().String() != r.Base {
		return nil, ErrStale
	}
	var answers [][]byte
	if len(r.CertificateSignature) > 0 {
		answers = append(answers, r.CertificateSignature)
	}
	dev := &pdfDevice{answers: append(answers, sig)}
	stored, err := c.pdfRound(dev, opts)
	if err != nil {
		return nil, err
	}
	if len(dev.got) != len(answers)+1 || !bytes.Equal(dev.got[len(dev.got)-1], r.Payloads[0]) {
		return nil, ErrStale
	}
	out := c.clone()
	out.f.PDFSignatures = append(append([]*format.PDFSignature(nil), c.f.PDFSignatures...), stored)
	out.f.Version = format.VersionPDF
	return out, nil
}
