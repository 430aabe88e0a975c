package confirm_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

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
