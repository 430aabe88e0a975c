package pades

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"strings"
	"testing"
	"time"
)

func key(t *testing.T, name string) *ecdsa.PrivateKey {
	t.Helper()
	d := sha256.Sum256([]byte("pades test " + name))
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func sign(t *testing.T, k *ecdsa.PrivateKey, msg []byte) []byte {
	t.Helper()
	h := sha256.Sum256(msg)
	r, s, err := ecdsa.Sign(rand.Reader, k, h[:])
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 64)
	r.FillBytes(out[:32])
	s.FillBytes(out[32:])
	return out
}

func cert(t *testing.T, k *ecdsa.PrivateKey, name string) []byte {
	t.Helper()
	at := time.Date(2026, 11, 20, 14, 3, 0, 0, time.FixedZone("", 8*3600))
	tbs, err := TBSCertificate(&k.PublicKey, Subject{Name: name, Account: "acct"}, at)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := TBSCertificate(&k.PublicKey, Subject{Name: name, Account: "acct"}, at)
	if !bytes.Equal(tbs, again) {
		t.Fatal("TBSCertificate is not deterministic")
	}
	c, err := Certificate(tbs, sign(t, k, tbs))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCertificate(t *testing.T) {
	k := key(t, "a")
	c, err := x509.ParseCertificate(cert(t, k, "陳志明"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject.CommonName != "陳志明" || c.Subject.OrganizationalUnit[0] != "acct" || !c.NotBefore.Equal(time.Date(2026, 11, 20, 6, 3, 0, 0, time.UTC)) ||
		c.NotAfter.Year() != 9999 || c.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment || !k.PublicKey.Equal(c.PublicKey) {
		t.Errorf("certificate %+v", c.Subject)
	}
	tbs, _ := TBSCertificate(&k.PublicKey, Subject{Name: "x"}, time.Unix(0, 0))
	if _, err := Certificate(tbs, sign(t, key(t, "other"), tbs)); err == nil {
		t.Error("a certificate signed by another key was accepted")
	}
}

// A CMS verifies with its own certificate over the right digest only; a
// swapped certificate, a changed digest and a signature by another key are
// refused.
func TestCMS(t *testing.T) {
	a, b := key(t, "a"), key(t, "b")
	ca, cb := cert(t, a, "A"), cert(t, b, "B")
	d := sha256.Sum256([]byte("the PDF bytes"))
	attrs := SignedAttributes(d, ca)
	sig := sign(t, a, attrs)
	cms, err := SignedData(ca, nil, attrs, sig, []byte(`{"entry":1}`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(cms)
	if err != nil {
		t.Fatal(err)
	}
	if k, err := p.Verify(d); err != nil || !k.Equal(&a.PublicKey) || string(p.Entry) != `{"entry":1}` || p.SigningTime {
		t.Fatalf("verify: %v", err)
	}
	if _, err := p.Verify(sha256.Sum256([]byte("other bytes"))); err == nil || !strings.Contains(err.Error(), "digest") {
		t.Errorf("changed digest: %v", err)
	}
	// b's certificate in place of a's: the signature does not verify
	// with it, and the signing-certificate-v2 hash does not name it.
	swapped, err := SignedData(cb, nil, attrs, sig, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Parse(swapped)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Verify(d); err == nil {
		t.Error("a swapped certificate verified")
	}
	// b signs attributes that name a's certificate.
	other, _ := SignedData(cb, nil, attrs, sign(t, b, attrs), nil)
	po, _ := Parse(other)
	if _, err := po.Verify(d); err == nil || !strings.Contains(err.Error(), "signing-certificate-v2") {
		t.Errorf("attributes naming another certificate: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte{0x30, 0x03, 0x06, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := Parse(b); err == nil {
			p.Verify([32]byte{})
		}
	})
}
