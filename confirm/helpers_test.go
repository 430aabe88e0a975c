package confirm_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// key returns the demo key whose seed is the SHA-256 of name. Fixed seeds
// make signatures reproducible; real keys come from confirm.GenerateKey.
func key(t testing.TB, name string) *confirm.PrivateKey {
	t.Helper()
	seed := sha256.Sum256([]byte("tradepact test key " + name))
	k, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// at returns a fixed time in Taipei (UTC+8), minutes after 10:00.
func at(minutes int) time.Time {
	return time.Date(2026, 11, 22, 10, minutes, 0, 0, time.FixedZone("", 8*3600))
}

// terms returns realistic terms: a second-hand camera sold on a marketplace.
func terms() *agreement.Agreement {
	return &agreement.Agreement{
		Version:      1,
		ID:           "TP-2026-1122-001",
		Kind:         agreement.KindSecondhand,
		Locale:       agreement.LocaleZHHant,
		Jurisdiction: agreement.JurisdictionTW,
		Date:         agreement.MustDate("2026-11-22"),
		Platform:     &agreement.Platform{Name: "蝦皮", OrderID: "SP-88123"},
		Seller:       agreement.Party{Name: "陳志明", Account: "chen_cameras", Contact: "line:chenzm"},
		Buyer:        agreement.Party{Name: "林美", Account: "lin_mei"},
		Currency:     "TWD",
		Items: []agreement.Item{{
			Name: "Fujifilm X100V", Quantity: 1, UnitPrice: agreement.MustAmount("32000"),
			Condition: agreement.ConditionLikeNew, Defects: []string{"底部輕微刮痕"},
		}},
		ShippingFee: agreement.MustAmount("120"),
		Payment: agreement.Payment{
			Method: agreement.MethodEscrow, Due: agreement.MustDate("2026-11-24"),
			Escrow:      &agreement.Escrow{Provider: "蝦皮", Release: "on_receipt_confirmation", AutoReleaseDays: 7},
			LatePayment: "cancel",
		},
		Delivery:   agreement.Delivery{Method: agreement.DeliveryShipping, Deadline: agreement.MustDate("2026-11-28"), ShippingPaidBy: "buyer", Tracking: true, Carrier: "7-11"},
		Inspection: &agreement.Inspection{Days: 3},
		Refund: agreement.Refund{
			NoReasonDays: 7, ReturnShippingPaidBy: "buyer", RefundWithinDays: 15,
			Remedies: agreement.Remedies{NotAsDescribed: "full_refund", LateDelivery: "cancel_and_refund"},
		},
		Dispute:  agreement.Dispute{Steps: []string{"negotiation", "platform", "court"}, GoverningLaw: agreement.JurisdictionTW, Venue: "臺灣臺北地方法院"},
		Evidence: agreement.Evidence{KeepDays: 180},
	}
}

// amended returns the buyer's amendment of terms: a lower price and a
// longer inspection window.
func amended() *agreement.Agreement {
	a := terms()
	a.Items[0].UnitPrice = agreement.MustAmount("31000")
	a.Inspection = &agreement.Inspection{Days: 5}
	return a
}

// flow runs the whole negotiation: the seller proposes, the buyer amends,
// the seller confirms the amendment. It returns the contract file.
func flow(t testing.TB) []byte {
	t.Helper()
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(seller, at(9)); err != nil {
		t.Fatal(err)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edit decodes a contract file into generic JSON, lets fn change it and
// encodes it again.
func edit(t testing.TB, data []byte, fn func(f map[string]any)) []byte {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var f map[string]any
	if err := d.Decode(&f); err != nil {
		t.Fatal(err)
	}
	fn(f)
	b, err := json.MarshalIndent(f, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func entries(f map[string]any) []any { return f["entries"].([]any) }

func entry(f map[string]any, n int) map[string]any { return entries(f)[n-1].(map[string]any) }

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// pinned returns the options that pin the demo seller's and buyer's keys:
// only with both pinned can a file be agreed.
func pinned(t testing.TB) []confirm.Option {
	return []confirm.Option{
		confirm.TrustKey(confirm.Seller, key(t, "seller").Public()),
		confirm.TrustKey(confirm.Buyer, key(t, "buyer").Public()),
	}
}

// p256key returns the demo P-256 key whose scalar is the SHA-256 of
// "tradepact test key p256 " + name.
func p256key(t testing.TB, name string) *confirm.PrivateKey {
	t.Helper()
	scalar := sha256.Sum256([]byte("tradepact test key p256 " + name))
	k, err := confirm.NewP256Key(scalar[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// flowP256 is flow with P-256 keys for both parties.
func flowP256(t testing.TB) []byte {
	t.Helper()
	seller, buyer := p256key(t, "seller"), p256key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(seller, at(9)); err != nil {
		t.Fatal(err)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// p256N is the order of P-256.
var p256N, _ = new(big.Int).SetString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16)

// highS replaces the s of a P-256 confirmation's signature by n - s: the
// same ECDSA signature in its other, high-S form.
func highS(t testing.TB, e map[string]any) {
	sig, err := base64.StdEncoding.DecodeString(e["signature"].(string))
	if err != nil || len(sig) != 64 {
		t.Fatalf("not a P-256 signature: %v", e["signature"])
	}
	s := new(big.Int).Sub(p256N, new(big.Int).SetBytes(sig[32:]))
	s.FillBytes(sig[32:])
	e["signature"] = base64.StdEncoding.EncodeToString(sig)
}
