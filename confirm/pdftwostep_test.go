package confirm_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/confirm"
)

// browserKey signs as WebCrypto does: ECDSA P-256, randomised, r ‖ s.
type browserKey struct {
	k   *ecdsa.PrivateKey
	pub confirm.PublicKey
}

func newBrowserKey(t *testing.T, name string) *browserKey {
	t.Helper()
	scalar := sha256.Sum256([]byte("tradepact test key p256 " + name))
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar[:])
	if err != nil {
		t.Fatal(err)
	}
	return &browserKey{k: k, pub: p256key(t, name).Public()}
}

func (b *browserKey) sign(t *testing.T, msg []byte) []byte {
	t.Helper()
	h := sha256.Sum256(msg)
	r, s, err := ecdsa.Sign(rand.Reader, b.k, h[:])
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 64)
	r.FillBytes(out[:32])
	s.FillBytes(out[32:])
	return out
}

func (b *browserKey) signAll(t *testing.T, ps [][]byte) [][]byte {
	var out [][]byte
	for _, p := range ps {
		out = append(out, b.sign(t, p))
	}
	return out
}

// pdfRounds makes the PDF signature of c's last confirmation in the two
// device rounds of the two-step API.
func pdfRounds(t *testing.T, c *confirm.Contract, k *browserKey) *confirm.Contract {
	t.Helper()
	r1, err := c.PreparePDFSignature()
	if err != nil {
		t.Fatal(err)
	}
	r2, err := c.ContinuePDFSignature(r1, k.sign(t, r1.Payloads[0]))
	if err != nil {
		t.Fatal(err)
	}
	out, err := confirm.SubmitPDFSignature(c, r2, k.sign(t, r2.Payloads[0]))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The two-step API with randomised device signatures (a browser): both
// parties' confirmations and their PDF signatures, the signed PDF valid
// for VerifyPDF and pdfsig, and the same file gives the same bytes.
func TestTwoStepPDFSignatures(t *testing.T) {
	seller, buyer := newBrowserKey(t, "seller"), newBrowserKey(t, "buyer")
	r, err := confirm.PreparePropose(terms(), seller.pub, at(0))
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Submit(nil, r, seller.signAll(t, r.Payloads))
	if err != nil {
		t.Fatal(err)
	}
	c = pdfRounds(t, c, seller)
	r, err = c.PrepareConfirm(buyer.pub, at(7))
	if err != nil {
		t.Fatal(err)
	}
	c2, err := confirm.Submit(c, r, buyer.signAll(t, r.Payloads))
	if err != nil {
		t.Fatal(err)
	}

	// A stale second round (the contract moved on) is refused.
	r1, err := c2.PreparePDFSignature()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ContinuePDFSignature(r1, buyer.sign(t, r1.Payloads[0])); !errors.Is(err, confirm.ErrStale) {
		t.Errorf("stale round: %v", err)
	}
	// A signature by another key is refused.
	mallory := newBrowserKey(t, "mallory")
	if _, err := c2.ContinuePDFSignature(r1, mallory.sign(t, r1.Payloads[0])); err == nil || !strings.Contains(err.Error(), "does not verify") {
		t.Errorf("another key's certificate signature: %v", err)
	}

	c2 = pdfRounds(t, c2, buyer)
	data, err := c2.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	pdf := signedPDF(t, data)
	if !bytes.Equal(pdf, signedPDF(t, data)) {
		t.Fatal("not deterministic")
	}
	pr, err := confirm.VerifyPDF(pdf, pinnedP256(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if !pr.Agreed || len(pr.Signatures) != 2 {
		t.Fatalf("agreed %v, %d signatures", pr.Agreed, len(pr.Signatures))
	}
	if out := pdfsig(t, pdf); strings.Count(out, "Signature is Valid.") != 2 {
		t.Fatalf("pdfsig:\n%s", out)
	}
}

// A platform CA issues the buyer's certificate: the PDF signature carries
// it and the chain, one-step and two-step, and verifies as before.
func TestPDFCertificateFromCA(t *testing.T) {
	caKey := newBrowserKey(t, "platform ca").k
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Platform CA"},
		NotBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	issue := func(k *browserKey, name string) []byte {
		leaf := &x509.Certificate{
			SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: name},
			NotBefore: tmpl.NotBefore, NotAfter: tmpl.NotAfter, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		}
		der, err := x509.CreateCertificate(rand.Reader, leaf, ca, &k.k.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		return der
	}
	seller, buyer := newBrowserKey(t, "seller"), newBrowserKey(t, "buyer")
	// One-step for the seller, two-step for the buyer.
	c, err := confirm.Propose(terms(), p256key(t, "seller"), at(0), confirm.WithPDFCertificate(issue(seller, "陳志明"), caDER))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.PrepareConfirm(buyer.pub, at(7))
	if err != nil {
		t.Fatal(err)
	}
	if c, err = confirm.Submit(c, r, buyer.signAll(t, r.Payloads)); err != nil {
		t.Fatal(err)
	}
	opt := confirm.WithPDFCertificate(issue(buyer, "林美"), caDER)
	pr1, err := c.PreparePDFSignature(opt)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = confirm.SubmitPDFSignature(c, pr1, buyer.sign(t, pr1.Payloads[0]), opt); err != nil {
		t.Fatal(err)
	}
	// Another key's certificate is refused.
	if _, err := confirm.Propose(terms(), p256key(t, "seller"), at(0), confirm.WithPDFCertificate(issue(buyer, "x"))); err == nil {
		t.Error("a certificate for another key was used")
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	pdf := signedPDF(t, data)
	pv, err := confirm.VerifyPDF(pdf, pinnedP256(t)...)
	if err != nil || !pv.Agreed || len(pv.Signatures) != 2 {
		t.Fatalf("%v", err)
	}
	s := byteRanges(t, pdf)[1]
	if cms := parseCMS(t, pdf, s); len(cms.Chain) != 1 || cms.Cert.Issuer.CommonName != "Platform CA" {
		t.Errorf("the buyer's CMS: certificate issued by %q, %d chain certificates", cms.Cert.Issuer.CommonName, len(cms.Chain))
	}
	if out := pdfsig(t, pdf); strings.Count(out, "Signature is Valid.") != 2 {
		t.Fatalf("pdfsig:\n%s", out)
	}
}
