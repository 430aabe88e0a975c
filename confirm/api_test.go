package confirm_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/confirm"
)

// Terms whose text is not in NFC: the file records and renders them in
// NFC, and every later reader must get the digests the signers signed.
func TestProposeNonNFCTermsVerify(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	a := terms()
	a.Items[0].Name = "Cafe\u0301 grinder \uf967" // e + combining acute; a CJK compatibility ideograph
	a.Seller.Name = "Jose\u0301 陳"
	c, err := confirm.Propose(a, seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	res, err := confirm.Verify(data, pinned(t)...)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !res.Agreed {
		t.Error("not agreed")
	}
	if got := res.Latest().Terms.Items[0].Name; got != "Café grinder 不" {
		t.Errorf("recorded name %q, want it in NFC", got)
	}
	if !strings.Contains(string(res.Latest().Text), "Café grinder 不") {
		t.Error("the text does not show the NFC name")
	}
	// The digest of the terms as given is the digest of the terms as recorded.
	if d, _ := a.Digest(); d != res.Latest().Agreement {
		t.Errorf("agreement digest %s, recorded %s", d.Short(), res.Latest().Agreement.Short())
	}
}

// badSigner returns a signature its public key does not verify.
type badSigner struct{ k *confirm.PrivateKey }

func (b badSigner) Public() confirm.PublicKey { return b.k.Public() }
func (b badSigner) Sign(msg []byte) ([]byte, error) {
	sig, err := b.k.Sign(msg)
	sig[0] ^= 1
	return sig, err
}

func TestSignerWithBadSignatureAppendsNothing(t *testing.T) {
	seller := key(t, "seller")
	if _, err := confirm.Propose(terms(), badSigner{seller}, at(0)); err == nil || !strings.Contains(err.Error(), "does not verify") {
		t.Fatalf("Propose with a bad signer: %v", err)
	}
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := c.Marshal()
	if _, err := c.Confirm(badSigner{key(t, "buyer")}, at(1)); err == nil {
		t.Fatal("Confirm with a bad signer succeeded")
	}
	if _, err := c.Amend(amended(), badSigner{key(t, "buyer")}, at(1)); err == nil {
		t.Fatal("Amend with a bad signer succeeded")
	}
	after, _ := c.Marshal()
	if string(before) != string(after) {
		t.Fatal("a failed confirmation changed the contract")
	}
	if _, err := c.Verify(); err != nil {
		t.Fatal(err)
	}
}

func TestSigningTimes(t *testing.T) {
	seller := key(t, "seller")
	for _, tt := range []struct {
		name string
		at   time.Time
	}{
		{"zero time", time.Time{}},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"offset beyond 24 hours", time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("", 25*3600))},
		{"offset with seconds", time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("LMT", 8*3600+5*60+43))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := confirm.Propose(terms(), seller, tt.at); err == nil {
				t.Fatalf("Propose at %v succeeded", tt.at)
			}
		})
	}
	// Fractions of a second are dropped, and the file verifies.
	c, err := confirm.Propose(terms(), seller, at(0).Add(123456789))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Latest().Time; got != "2026-11-22T10:00:00+08:00" {
		t.Errorf("time %q", got)
	}
	// Every signing time Propose accepts, Verify accepts.
	for _, when := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -23*3600-59*60)),
		time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("", 5*3600+45*60)),
	} {
		c, err := confirm.Propose(terms(), seller, when)
		if err != nil {
			continue
		}
		data, _ := c.Marshal()
		if _, err := confirm.Verify(data); err != nil {
			t.Errorf("proposed at %v, Verify: %v", when, err)
		}
	}
}

func TestPinnedKeyAppliesToTheSigner(t *testing.T) {
	seller, buyer, stranger := key(t, "seller"), key(t, "buyer"), key(t, "stranger")
	var ke *confirm.KeyError
	if _, err := confirm.Propose(terms(), stranger, at(0), confirm.TrustKey(confirm.Seller, seller.Public())); !errors.As(err, &ke) {
		t.Fatalf("a stranger proposed as the pinned seller: %v", err)
	}
	c, err := confirm.Propose(terms(), seller, at(0), confirm.TrustKey(confirm.Seller, seller.Public()))
	if err != nil {
		t.Fatal(err)
	}
	pin := confirm.TrustKey(confirm.Buyer, buyer.Public())
	if _, err := c.Confirm(stranger, at(1), pin); !errors.As(err, &ke) || ke.Role != confirm.Buyer {
		t.Fatalf("a stranger confirmed as the pinned buyer: %v", err)
	}
	if _, err := c.Amend(amended(), stranger, at(1), pin); !errors.As(err, &ke) {
		t.Fatalf("a stranger amended as the pinned buyer: %v", err)
	}
	if _, err := c.Confirm(buyer, at(1), pin); err != nil {
		t.Fatal(err)
	}
}

func TestInvalidOptions(t *testing.T) {
	seller := key(t, "seller")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := c.Marshal()
	for name, opt := range map[string]confirm.Option{
		"TrustKey with no role":      confirm.TrustKey("", seller.Public()),
		"TrustKey with another role": confirm.TrustKey("notary", seller.Public()),
		"TrustKey with a bad key":    confirm.TrustKey(confirm.Seller, "ed25519:AAAA"),
		"AsRole seller's":            confirm.AsRole("Seller"),
	} {
		if _, err := confirm.Verify(data, opt); err == nil {
			t.Errorf("%s: Verify accepted it", name)
		}
		if _, err := confirm.Propose(terms(), seller, at(0), opt); err == nil {
			t.Errorf("%s: Propose accepted it", name)
		}
		if _, err := c.Confirm(key(t, "buyer"), at(1), opt); err == nil {
			t.Errorf("%s: Confirm accepted it", name)
		}
	}
	// A pinned key given as a .pub file's content is the key.
	if _, err := confirm.Verify(data, confirm.TrustKey(confirm.Seller, confirm.PublicKey(seller.Public().MarshalFile()))); err != nil {
		t.Errorf("pin from .pub content: %v", err)
	}
}

func TestNilInputsAreErrors(t *testing.T) {
	seller := key(t, "seller")
	if _, err := confirm.Propose(nil, seller, at(0)); err == nil {
		t.Error("Propose(nil terms)")
	}
	if _, err := confirm.Propose(terms(), nil, at(0)); err == nil {
		t.Error("Propose(nil signer)")
	}
	var none *confirm.PrivateKey
	if _, err := confirm.Propose(terms(), none, at(0)); err == nil {
		t.Error("Propose(typed nil signer)")
	}
	var zero confirm.Contract
	if _, err := zero.Verify(); err == nil {
		t.Error("zero Contract verified")
	}
	if _, err := zero.Confirm(seller, at(0)); err == nil {
		t.Error("zero Contract confirmed")
	}
	if _, err := zero.Amend(terms(), seller, at(0)); err == nil {
		t.Error("zero Contract amended")
	}
	if _, err := zero.Marshal(); err == nil {
		t.Error("zero Contract marshalled")
	}
	if zero.Head() != (confirm.Digest{}) || zero.ID() != "" {
		t.Error("zero Contract has a head or ID")
	}
	c, _ := confirm.Propose(terms(), seller, at(0))
	if _, err := c.Confirm(nil, at(1)); err == nil {
		t.Error("Confirm(nil)")
	}
	if _, err := c.Confirm(none, at(1)); err == nil {
		t.Error("Confirm(typed nil)")
	}
	if _, err := c.Amend(nil, seller, at(1)); err == nil {
		t.Error("Amend(nil)")
	}
}

// weakSigner claims the identity point as its public key.
type weakSigner struct{}

func (weakSigner) Public() confirm.PublicKey {
	return "ed25519:AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}
func (weakSigner) Sign([]byte) ([]byte, error) { return make([]byte, 64), nil }

func TestWeakSignerKeyIsErrWeakKey(t *testing.T) {
	if _, err := confirm.Propose(terms(), weakSigner{}, at(0)); !errors.Is(err, confirm.ErrWeakKey) {
		t.Errorf("Propose: %v, want ErrWeakKey", err)
	}
	c, _ := confirm.Propose(terms(), key(t, "seller"), at(0))
	if _, err := c.Confirm(weakSigner{}, at(1)); !errors.Is(err, confirm.ErrWeakKey) {
		t.Errorf("Confirm: %v, want ErrWeakKey", err)
	}
}

func TestExtends(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := c.Marshal()
	old, _ := confirm.Parse(v1)
	if _, err := c.Confirm(buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	if !c.Extends(old) || !c.Extends(c) {
		t.Error("a contract does not extend its own earlier copy or itself")
	}
	if old.Extends(c) {
		t.Error("an older copy extends the newer one")
	}
	// A diverging copy: the same proposal, then an amendment instead of the confirmation.
	other, _ := confirm.Parse(v1)
	if _, err := other.Amend(amended(), buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	if other.Extends(c) || c.Extends(other) {
		t.Error("diverging histories extend each other")
	}
	a := terms()
	a.ID = "TP-OTHER"
	x, _ := confirm.Propose(a, seller, at(0))
	if x.Extends(old) || c.Extends(nil) {
		t.Error("another contract, or nil, is extended")
	}
}
