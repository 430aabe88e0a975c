package confirm_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

func TestP256KeyFiles(t *testing.T) {
	k, err := confirm.GenerateP256Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(k.MarshalFile()), "tradepact-private-key v1 p256:") {
		t.Fatalf("%q", k.MarshalFile())
	}
	back, err := confirm.ParsePrivateKey(k.MarshalFile())
	if err != nil || back.Public() != k.Public() {
		t.Fatalf("private key file: %v", err)
	}
	pub, err := confirm.ParsePublicKey(string(k.Public().MarshalFile()))
	if err != nil || pub != k.Public() {
		t.Fatalf("public key file: %v", err)
	}
	// Not a point on the curve; the wrong length; the zero scalar.
	bad := []byte(k.Public())
	bad[len(bad)-5] ^= 1
	for _, s := range []string{string(bad), "p256:" + strings.Repeat("A", 88), "p256:BAAA"} {
		if _, err := confirm.ParsePublicKey(s); err == nil {
			t.Errorf("%s parsed", s)
		}
	}
	if _, err := confirm.NewP256Key(make([]byte, 32)); err == nil {
		t.Error("the zero scalar made a key")
	}
}

// A P-256 key joins an Ed25519 contract: the file becomes version 2 (so a
// version-1 reader refuses it instead of misreading it), and it verifies.
func TestMixedKeys(t *testing.T) {
	c, err := confirm.Propose(terms(), key(t, "seller"), at(0))
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := c.Marshal()
	if !bytes.Contains(v1, []byte(`"tradepact_contract": 1,`)) {
		t.Fatal("an Ed25519 proposal is not version 1")
	}
	buyer := p256key(t, "buyer")
	if _, err := c.Confirm(buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	v2, _ := c.Marshal()
	if !bytes.Contains(v2, []byte(`"tradepact_contract": 2,`)) {
		t.Fatal("a file with a P-256 key is not version 2")
	}
	res, err := confirm.Verify(v2, confirm.TrustKey(confirm.Seller, key(t, "seller").Public()), confirm.TrustKey(confirm.Buyer, buyer.Public()))
	if err != nil || !res.Agreed {
		t.Fatalf("%v", err)
	}
	if !c.Extends(mustParse(t, v1)) {
		t.Error("the version change broke Extends")
	}
}

func mustParse(t *testing.T, b []byte) *confirm.Contract {
	c, err := confirm.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A browser signs with WebCrypto: ECDSA P-256 with SHA-256, r || s, and s
// may be high. Submit takes it, records the low-S form, and the file
// verifies. An ecdsa.PrivateKey (or a KMS key) works as a crypto.Signer.
func TestP256FromDevice(t *testing.T) {
	c, err := confirm.Propose(terms(), key(t, "seller"), at(0))
	if err != nil {
		t.Fatal(err)
	}
	scalar := sha256.Sum256([]byte("tradepact test key p256 buyer"))
	dev, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar[:])
	if err != nil {
		t.Fatal(err)
	}
	s, err := confirm.NewSigner(dev)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.PrepareConfirm(s.Public(), at(1))
	if err != nil {
		t.Fatal(err)
	}
	// What WebCrypto's sign({name: "ECDSA", hash: "SHA-256"}) returns,
	// forced to the high-S form.
	h := sha256.Sum256(r.Payloads[0])
	rr, ss, err := ecdsa.Sign(rand.Reader, dev, h[:])
	if err != nil {
		t.Fatal(err)
	}
	n := elliptic.P256().Params().N
	if ss.Cmp(new(big.Int).Rsh(n, 1)) <= 0 {
		ss.Sub(n, ss)
	}
	sig := append(rr.FillBytes(make([]byte, 32)), ss.FillBytes(make([]byte, 32))...)
	c2, err := confirm.Submit(c, r, [][]byte{sig})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := c2.Marshal()
	res, err := confirm.Verify(data)
	if err != nil || !res.Confirmed {
		t.Fatalf("%v", err)
	}
	// The same through the crypto.Signer, one step.
	c3 := mustParse(t, mustMarshal(t, c))
	if _, err := c3.Confirm(s, at(1)); err != nil {
		t.Fatal(err)
	}
	// DER from a keystore converts to the recorded form.
	der, err := ecdsa.SignASN1(rand.Reader, dev, h[:])
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := confirm.SignatureFromDER(der)
	if err != nil || len(fixed) != 64 {
		t.Fatalf("%v", err)
	}
	if _, err := confirm.Submit(c, r, [][]byte{fixed}); err != nil {
		t.Fatalf("DER-converted signature: %v", err)
	}
	if _, err := confirm.SignatureFromDER(sig); err == nil {
		t.Error("r || s taken for DER")
	}
	var se *confirm.SignerError
	if _, err := confirm.Submit(c, r, [][]byte{der}); !errors.As(err, &se) {
		t.Errorf("a DER signature submitted as it is: %v", err)
	}
	b, _ := json.Marshal(r)
	if !strings.Contains(string(b), `"key":"p256:`) {
		t.Errorf("request %s", b)
	}
}

func mustMarshal(t *testing.T, c *confirm.Contract) []byte {
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
