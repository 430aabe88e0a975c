package confirm_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// deviceKey is a key held outside the library, as a phone holds it.
func deviceKey(name string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("tradepact test key " + name))
	return ed25519.NewKeyFromSeed(seed[:])
}

// signOnDevice signs every payload of a request that went to the device
// and back as JSON.
func signOnDevice(t *testing.T, r *confirm.Request, k ed25519.PrivateKey) (*confirm.Request, [][]byte) {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back confirm.Request
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	var sigs [][]byte
	for _, p := range back.Payloads {
		sigs = append(sigs, ed25519.Sign(k, p))
	}
	return &back, sigs
}

// The whole flow in two steps gives the same file, byte for byte, as the
// one-step calls: Ed25519 is deterministic.
func TestTwoStepSameAsOneStep(t *testing.T) {
	want := flow(t)
	seller, buyer := deviceKey("seller"), deviceKey("buyer")
	sellerPub, buyerPub := key(t, "seller").Public(), key(t, "buyer").Public()

	r, err := confirm.PreparePropose(terms(), sellerPub, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Payloads) != 1 || !bytes.HasPrefix(r.Payloads[0], []byte(confirm.MessageHeader+"\n")) {
		t.Fatalf("payloads %q", r.Payloads)
	}
	r, sigs := signOnDevice(t, r, seller)
	c, err := confirm.Submit(nil, r, sigs)
	if err != nil {
		t.Fatal(err)
	}
	r, err = c.PrepareAmend(amended(), buyerPub, at(5))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := c.Marshal()
	r, sigs = signOnDevice(t, r, buyer)
	c2, err := confirm.Submit(c, r, sigs)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := c.Marshal(); !bytes.Equal(after, before) {
		t.Fatal("Submit changed the contract passed in")
	}
	r, err = c2.PrepareConfirm(sellerPub, at(9))
	if err != nil {
		t.Fatal(err)
	}
	r, sigs = signOnDevice(t, r, seller)
	c3, err := confirm.Submit(c2, r, sigs)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := c3.Marshal()
	if !bytes.Equal(got, want) {
		t.Fatal("two-step flow differs from the one-step flow")
	}
}

func TestTwoStepRefusals(t *testing.T) {
	seller := key(t, "seller")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := c.Marshal()
	buyerPub := key(t, "buyer").Public()
	r, err := c.PrepareConfirm(buyerPub, at(1))
	if err != nil {
		t.Fatal(err)
	}
	// A signature by another key, or of other bytes, is refused and the
	// contract is untouched.
	var se *confirm.SignerError
	for name, sig := range map[string][]byte{
		"other key":   ed25519.Sign(deviceKey("mallory"), r.Payloads[0]),
		"other bytes": ed25519.Sign(deviceKey("buyer"), append(bytes.Clone(r.Payloads[0]), 'x')),
		"truncated":   ed25519.Sign(deviceKey("buyer"), r.Payloads[0])[:32],
	} {
		if _, err := confirm.Submit(c, r, [][]byte{sig}); !errors.As(err, &se) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := confirm.Submit(c, r, nil); err == nil {
		t.Error("no signatures accepted")
	}
	if after, _ := c.Marshal(); !bytes.Equal(after, before) {
		t.Fatal("a refused Submit changed the contract")
	}
	// The seller amends meanwhile: the buyer's request is stale.
	if _, err := c.Amend(amended(), seller, at(2)); err != nil {
		t.Fatal(err)
	}
	_, sigs := signOnDevice(t, r, deviceKey("buyer"))
	if _, err := confirm.Submit(c, r, sigs); !errors.Is(err, confirm.ErrStale) {
		t.Fatalf("stale request: %v", err)
	}
	// Prepare runs every check of the one-step call.
	if _, err := c.PrepareConfirm(seller.Public(), at(3)); !errors.Is(err, confirm.ErrAlreadyConfirmed) {
		t.Errorf("prepare an existing confirmation: %v", err)
	}
	if _, err := c.PrepareConfirm(buyerPub, at(1)); err == nil {
		t.Error("prepare a confirmation dated before the revision")
	}
	if _, err := c.PrepareAmend(amended(), buyerPub, at(3)); err == nil {
		t.Error("prepare an amendment with unchanged terms")
	}
}

// A crypto.Signer (here ed25519.PrivateKey, as a KMS client would be)
// signs; a context reaches a signer that calls out.
func TestCryptoSignerAndContext(t *testing.T) {
	s, err := confirm.NewSigner(deviceKey("seller"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Public() != key(t, "seller").Public() {
		t.Fatal("another public key")
	}
	if _, err := confirm.Propose(terms(), s, at(0)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := confirm.Propose(terms(), s, at(0), confirm.WithContext(ctx)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: %v", err)
	}
	ks := &kms{Signer: key(t, "seller")}
	ctx = context.WithValue(context.Background(), kmsKey{}, "req-42")
	if _, err := confirm.Propose(terms(), ks, at(0), confirm.WithContext(ctx)); err != nil || ks.saw != "req-42" {
		t.Fatalf("context not passed: %v, %q", err, ks.saw)
	}
}

type kmsKey struct{}

type kms struct {
	confirm.Signer
	saw any
}

func (k *kms) SignContext(ctx context.Context, msg []byte) ([]byte, error) {
	k.saw = ctx.Value(kmsKey{})
	return k.Sign(msg)
}

// BenchmarkPrepareSubmit measures a confirmation signed elsewhere: prepare
// (verify, build the payload), sign (as the device would), submit (verify
// again, check the signature, append).
func BenchmarkPrepareSubmit(b *testing.B) {
	seller, buyer := key(b, "seller"), deviceKey("buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		b.Fatal(err)
	}
	pub := key(b, "buyer").Public()
	b.ReportAllocs()
	for b.Loop() {
		r, err := c.PrepareConfirm(pub, at(1))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := confirm.Submit(c, r, [][]byte{ed25519.Sign(buyer, r.Payloads[0])}); err != nil {
			b.Fatal(err)
		}
	}
}
