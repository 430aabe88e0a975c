// Command quickstart walks the whole tradepact flow through the Go API:
// terms built in code, validated, rendered as text and PDF; the seller
// proposes, the buyer amends, the seller confirms; then anyone verifies.
//
//	go run ./examples/quickstart [DIR]
//
// It writes its files to DIR, or to a new temporary directory. The keys come
// from fixed seeds and the times are fixed, so every run writes the same
// bytes: fine for a demonstration, never for a real trade, where keys come
// from confirm.GenerateKey(crypto/rand.Reader) and times from the clock.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("quickstart: ")
	dir := ""
	if len(os.Args) > 1 {
		dir = os.Args[1]
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
	} else {
		d, err := os.MkdirTemp("", "tradepact-quickstart-")
		if err != nil {
			log.Fatal(err)
		}
		dir = d
	}
	if err := run(dir); err != nil {
		log.Fatal(err)
	}
}

func run(dir string) error {
	write := func(name string, data []byte) error {
		fmt.Printf("wrote %s\n", filepath.Join(dir, name))
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}

	// 1. The terms, built in code: a second-hand camera sold on a marketplace.
	a := terms()

	// 2. Validate: every finding, then the yes/no answer that gates signing.
	for _, f := range a.Validate() {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Path, f.Message(agreement.LocaleEN))
	}
	if err := a.Check(); err != nil {
		return err
	}

	// 3. Render the contract as text and PDF.
	doc, err := render.NewDocument(a, templates.Default())
	if err != nil {
		return err
	}
	var text, pdf bytes.Buffer
	if err := render.Text(&text, doc); err != nil {
		return err
	}
	if err := render.PDF(&pdf, doc); err != nil {
		return err
	}
	if err := write("contract.txt", text.Bytes()); err != nil {
		return err
	}
	if err := write("contract-draft.pdf", pdf.Bytes()); err != nil {
		return err
	}

	// 4. Each party's key. Demo keys from fixed seeds; see the package comment.
	seller, buyer := demoKey("seller"), demoKey("buyer")
	fmt.Printf("seller's key %s, buyer's key %s\n", seller.Public().Fingerprint(), buyer.Public().Fingerprint())
	taipei := time.FixedZone("CST", 8*3600)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 20, h, m, 0, 0, taipei) }

	// 5. The seller proposes (and confirms the proposal).
	c, err := confirm.Propose(a, seller, at(9, 0))
	if err != nil {
		return err
	}

	// 6. The buyer amends: a lower price, five days to inspect. The
	// amendment carries the buyer's confirmation.
	b := terms()
	b.Items[0].UnitPrice = agreement.MustAmount("9800")
	b.Inspection = &agreement.Inspection{Days: 5}
	changes, err := c.Amend(b, buyer, at(9, 30))
	if err != nil {
		return err
	}
	for _, ch := range changes {
		fmt.Println("buyer changed", ch)
	}

	// 7. The seller confirms the amendment: both confirmed revision 2.
	if _, err := c.Confirm(seller, at(10, 0)); err != nil {
		return err
	}
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	if err := write("deal.contract.json", data); err != nil {
		return err
	}

	// 8. The PDF that carries its own proof: the contract file attached,
	// the signing record printed.
	pdf.Reset()
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		return err
	}
	if err := write("deal.pdf", pdf.Bytes()); err != nil {
		return err
	}

	// 9. Anyone verifies, pinning the keys they trust.
	// Without both pins the file is confirmed by two keys, not agreed.
	pins := []confirm.Option{
		confirm.TrustKey(confirm.Seller, seller.Public()),
		confirm.TrustKey(confirm.Buyer, buyer.Public()),
	}
	res, err := confirm.Verify(data, pins...)
	if err != nil {
		return err
	}
	if err := res.WriteRecord(os.Stdout, "en"); err != nil {
		return err
	}
	pr, err := confirm.VerifyPDF(pdf.Bytes(), pins...)
	if err != nil {
		return err
	}
	fmt.Printf("PDF: agreed %v, pages identical to a fresh rendering %v\n", pr.Agreed, pr.PagesVerified())
	return nil
}

func demoKey(name string) *confirm.PrivateKey {
	seed := sha256.Sum256([]byte("tradepact quickstart demo key " + name))
	k, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		panic(err)
	}
	return k
}

func terms() *agreement.Agreement {
	return &agreement.Agreement{
		Version:      agreement.FormatVersion,
		ID:           "TP-2026-QUICKSTART",
		Kind:         agreement.KindSecondhand,
		Locale:       agreement.LocaleEN,
		Jurisdiction: agreement.JurisdictionTW,
		Date:         agreement.MustDate("2026-11-20"),
		Platform:     &agreement.Platform{Name: "Carousell", OrderID: "CR-20261120-77"},
		Seller:       agreement.Party{Name: "Chen Chih-ming", Account: "carousell:chen_cameras", Contact: "chen@example.com"},
		Buyer:        agreement.Party{Name: "Lin Mei", Account: "carousell:linmei"},
		Currency:     "TWD",
		Items: []agreement.Item{{
			Name: "Ricoh GR III camera", Description: "Bought 2023, shutter count about 4,000, with box and two batteries",
			Quantity: 1, UnitPrice: agreement.MustAmount("10500"),
			Condition: agreement.ConditionGood, Defects: []string{"small scratch on the bottom plate"},
		}},
		ShippingFee: agreement.MustAmount("60"),
		Payment: agreement.Payment{
			Method: agreement.MethodEscrow, Due: agreement.MustDate("2026-11-21"),
			Escrow:      &agreement.Escrow{Provider: "Carousell Protection", Release: "on_receipt_confirmation", AutoReleaseDays: 7},
			LatePayment: "cancel",
		},
		Delivery: agreement.Delivery{Method: agreement.DeliveryShipping, Deadline: agreement.MustDate("2026-11-25"),
			ShippingPaidBy: agreement.PaidByBuyer, Tracking: true, Carrier: "7-Eleven store pickup"},
		Inspection: &agreement.Inspection{Days: 3},
		Refund: agreement.Refund{
			NoReasonDays: 0, ReturnShippingPaidBy: agreement.PaidBySeller, RefundWithinDays: 7,
			Remedies: agreement.Remedies{NotAsDescribed: "full_refund", Defective: "full_refund", LateDelivery: "cancel_and_refund"},
		},
		Cancellation: &agreement.Cancellation{Before: "shipment", By: "either", Refund: "full"},
		AfterSales:   &agreement.AfterSales{ResponseHours: 48, Contact: "Carousell chat"},
		Dispute: agreement.Dispute{Steps: []string{"negotiation", "platform", "court"},
			GoverningLaw: agreement.JurisdictionTW, Venue: "Taipei District Court"},
		Evidence: agreement.Evidence{KeepDays: 180},
	}
}
