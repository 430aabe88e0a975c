package confirm_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// ExampleConfirmation_Sign prints a signed confirmation exactly: the message
// and its Ed25519 signature. The key comes from a fixed seed, so the output
// never changes; real keys come from [confirm.GenerateKey].
func ExampleConfirmation_Sign() {
	seed := sha256.Sum256([]byte("example buyer"))
	buyer, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		panic(err)
	}
	c := &confirm.Confirmation{
		Contract:  "TP-2026-1122-001",
		Revision:  2,
		Role:      confirm.Buyer,
		Account:   "lin_mei",
		Agreement: confirm.DigestOf([]byte("the canonical terms")),
		Document:  confirm.DigestOf([]byte("# the contract text\n")),
		Template:  confirm.TemplateID{Name: "default", Version: "1", Digest: confirm.DigestOf([]byte("templates"))},
		History:   confirm.DigestOf([]byte("the history")),
		Time:      time.Date(2026, 11, 22, 10, 5, 0, 0, time.FixedZone("CST", 8*3600)).Format(confirm.TimeLayout),
	}
	if err := c.Sign(buyer); err != nil {
		panic(err)
	}
	fmt.Print(string(c.Message()))
	fmt.Println("signature:", base64.StdEncoding.EncodeToString(c.Signature))
	fmt.Println("fingerprint:", c.Key.Fingerprint())
	fmt.Println("verifies:", c.Verify())
	// Output:
	// tradepact confirmation v1
	// contract: "TP-2026-1122-001"
	// revision: 2
	// role: buyer
	// account: "lin_mei"
	// agreement: sha256:f25a9b60123be162d74d98bab4a937f230dd22c7a344495fe597f8121a795572
	// document: sha256:10b9ade56a503ab7b44c169ae25a67fe6b5b7a2e7cb49457b10e19197495ed40
	// template: "default" "1" sha256:9c6641c1f9cfb0c678ea58b1a913a5d0d528e98047e04827dcf28e9d6e51e8ee
	// history: sha256:31b8bdc900ceca04453d0627da04351bcbb94c93e0793eeeaca9ecd31acca5b7
	// time: 2026-11-22T10:05:00+08:00
	// key: ed25519:7tnsLPUZ2h4vWB7L8gap9tnioGmjVeF8CN3GwVsKU+w=
	// signature: EFmiFilz+kJdbbTzNUMoxQLmJMWOhfR+f66+ODTucsqnTXDJs8PjoGDtlhC0aQ4oWSJTULk9XRsIf/Cq6RKuAw==
	// fingerprint: 3f4e 47df 81b4 3112 f8c2
	// verifies: true
}

// ExamplePropose walks a negotiation: the seller proposes, the buyer
// amends, the seller confirms the amendment, and anyone verifies. Demo keys
// come from fixed seeds and the times are fixed; real keys come from
// [confirm.GenerateKey] and times from the clock.
func ExamplePropose() {
	seller, buyer := exampleKey("seller"), exampleKey("buyer")
	taipei := time.FixedZone("CST", 8*3600)

	terms := exampleTerms()
	c, err := confirm.Propose(terms, seller, time.Date(2026, 11, 22, 10, 0, 0, 0, taipei))
	if err != nil {
		panic(err)
	}

	amended := exampleTerms()
	amended.Items[0].UnitPrice = agreement.MustAmount("31000")
	changes, err := c.Amend(amended, buyer, time.Date(2026, 11, 22, 10, 5, 0, 0, taipei))
	if err != nil {
		panic(err)
	}
	for _, ch := range changes {
		fmt.Println("changed:", ch)
	}
	if _, err := c.Confirm(seller, time.Date(2026, 11, 22, 10, 9, 0, 0, taipei)); err != nil {
		panic(err)
	}

	data, err := c.Marshal()
	if err != nil {
		panic(err)
	}
	// Agreed needs both keys pinned: the fingerprints were compared with
	// the parties (here both keys are at hand).
	res, err := confirm.Verify(data, confirm.TrustKey(confirm.Seller, seller.Public()), confirm.TrustKey(confirm.Buyer, buyer.Public()))
	if err != nil {
		panic(err)
	}
	for _, rev := range res.Revisions {
		for _, conf := range rev.Confirmations {
			fmt.Printf("revision %d confirmed by the %s at %s\n", rev.Number, conf.Role, conf.Time)
		}
	}
	fmt.Println("agreed:", res.Agreed)
	fmt.Println("buyer's key:", res.Buyer.Key.Fingerprint())
	// Output:
	// changed: items[0].unit_price: "32000" → "31000"
	// revision 1 confirmed by the seller at 2026-11-22T10:00:00+08:00
	// revision 2 confirmed by the buyer at 2026-11-22T10:05:00+08:00
	// revision 2 confirmed by the seller at 2026-11-22T10:09:00+08:00
	// agreed: true
	// buyer's key: 3f4e 47df 81b4 3112 f8c2
}

func exampleKey(name string) *confirm.PrivateKey {
	seed := sha256.Sum256([]byte("example " + name))
	k, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		panic(err)
	}
	return k
}

// exampleTerms returns the terms of a second-hand camera sale; see
// examples/terms for terms files.
func exampleTerms() *agreement.Agreement {
	a, err := agreement.Decode("camera.yaml", []byte(`
tradepact: 1
id: TP-2026-1122-001
kind: secondhand
locale: zh-Hant
jurisdiction: TW
date: 2026-11-22
platform: {name: 蝦皮, order_id: SP-88123}
seller: {name: 陳志明, account: chen_cameras}
buyer: {name: 林美, account: lin_mei}
currency: TWD
items:
  - {name: Fujifilm X100V, quantity: 1, unit_price: "32000", condition: like_new, defects: [底部輕微刮痕]}
shipping_fee: "120"
payment:
  method: escrow
  due: 2026-11-24
  escrow: {provider: 蝦皮, release: on_receipt_confirmation, auto_release_days: 7}
  late_payment: cancel
delivery: {method: shipping, deadline: 2026-11-28, shipping_paid_by: buyer, tracking: true, carrier: 7-11}
inspection: {days: 3}
refund:
  no_reason_days: 7
  return_shipping_paid_by: buyer
  refund_within_days: 15
  remedies: {not_as_described: full_refund, late_delivery: cancel_and_refund}
dispute: {steps: [negotiation, platform, court], governing_law: TW, venue: 臺灣臺北地方法院}
evidence: {keep_days: 180}
`))
	if err != nil {
		panic(err)
	}
	return a
}

// ExampleVerify shows what a backend gates a trade on, and how it tells a
// tampered contract file from a valid one that still awaits a confirmation.
func ExampleVerify() {
	seller := exampleKey("seller")
	c, err := confirm.Propose(exampleTerms(), seller, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	data, err := c.Marshal()
	if err != nil {
		panic(err)
	}

	res, err := confirm.Verify(data)
	if err != nil {
		panic(err)
	}
	fmt.Println("agreed:", res.Agreed, "missing:", res.Missing())

	// Someone moves the seller's confirmation by a second.
	tampered := bytes.Replace(data, []byte(`"time": "2026-11-22T10:00:00Z",
      "agreement_digest"`), []byte(`"time": "2026-11-22T10:00:01Z",
      "agreement_digest"`), 1)
	_, err = confirm.Verify(tampered)
	var bad *confirm.InvalidSignatureError
	if errors.As(err, &bad) {
		fmt.Println("rejected:", bad.Role, "signature, entry", bad.Entry)
	}
	// Output:
	// agreed: false missing: [buyer]
	// rejected: seller signature, entry 2
}
