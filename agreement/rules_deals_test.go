package agreement_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestDealRules checks each rule of issue 15's terms: the valid case and
// each way it fails, by path, rule and severity.
func TestDealRules(t *testing.T) {
	amt := agreement.MustAmount
	tests := []struct {
		name string
		base string
		edit func(a *agreement.Agreement)
		want []string
	}{
		{"damages within bounds (CN)", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("20"), Cap: amt("130"), EstimatedLoss: amt("100")}
		}, nil},
		{"damages 30% above the loss is not yet excessive", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("20"), Cap: amt("130.00"), EstimatedLoss: amt("100")}
		}, nil},
		{"damages more than 30% above the loss (CN)", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("20"), Cap: amt("130.01"), EstimatedLoss: amt("100")}
		}, []string{"warning damages.cap damages_excessive"}},
		{"damages above the loss (TW)", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LatePaymentPerDay: amt("100"), Cap: amt("1000"), EstimatedLoss: amt("900")}
		}, []string{"warning damages.cap damages_excessive"}},
		{"damages without an estimate (HK)", "proxy_purchase-en.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("10"), Cap: amt("100")}
		}, []string{"warning damages.estimated_loss damages_excessive"}},
		{"damages without a daily amount", "goods-en.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{Cap: amt("100")}
		}, []string{"error damages damages_empty"}},
		{"a daily amount over the cap", "goods-en.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("200"), Cap: amt("100")}
		}, []string{"error damages.late_delivery_per_day damages_over_cap"}},
		{"a cap over the total", "secondhand-en.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("1"), Cap: amt("1000000"), EstimatedLoss: amt("1000000")}
		}, []string{"warning damages.cap damages_over_total"}},
		{"damages with too many decimals", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("1.5"), Cap: amt("10")}
		}, []string{"error damages.late_delivery_per_day decimals"}},
		{"earnest money and damages (CN)", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositEarnest, Amount: amt("10"), Due: a.Payment.Due}
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("20"), Cap: amt("100")}
		}, []string{"warning damages damages_earnest"}},
		{"meet-up with a handover in person", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Meetup = &agreement.Meetup{Place: "捷運台北車站 M8 出口", Date: a.Delivery.Deadline, Time: "19:30"}
		}, nil},
		{"meet-up for shipped goods", "goods-en.yaml", func(a *agreement.Agreement) {
			a.Delivery.Meetup = &agreement.Meetup{Place: "Mong Kok MTR exit E2", Date: a.Delivery.Deadline, Time: "19:30"}
		}, []string{"error delivery.meetup meetup_only"}},
		{"meet-up after the deadline", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Meetup = &agreement.Meetup{Place: "x", Date: a.Delivery.Deadline.AddDays(1), Time: "19:30"}
		}, []string{"error delivery.meetup.date not_after"}},
		{"meet-up at 25:00", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Meetup = &agreement.Meetup{Place: "x", Date: a.Delivery.Deadline, Time: "25:00"}
		}, []string{"error delivery.meetup.time datetime"}},
		{"an address for a meet-up", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Address = "臺北市中正區忠孝西路一段49號"
		}, []string{"error delivery.address address_only"}},
		{"a business keeps an address without a personal-data term", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Address = "臺北市大安區"
		}, []string{"warning personal_data personal_data_missing"}},
		{"an address with a personal-data term", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Address = "臺北市大安區"
			a.PersonalData = &agreement.PersonalData{KeepDays: 730}
		}, nil},
		{"personal data kept shorter than the evidence", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.PersonalData = &agreement.PersonalData{KeepDays: 30}
		}, []string{"warning personal_data.keep_days personal_data_short"}},
		{"offer expiry before the date", "goods-en.yaml", func(a *agreement.Agreement) {
			a.OfferExpires = "2026-11-19T23:59:00+08:00"
		}, []string{"error offer_expires not_before"}},
		{"offer expiry without an offset", "goods-en.yaml", func(a *agreement.Agreement) {
			a.OfferExpires = "2026-11-21 23:59"
		}, []string{"error offer_expires datetime"}},
		{"offer expiry", "goods-en.yaml", func(a *agreement.Agreement) {
			a.OfferExpires = "2026-11-21T23:59:00+08:00"
		}, nil},
		{"timer from shipment for an in-person handover", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Payment.Method = agreement.MethodEscrow
			a.Payment.Escrow = &agreement.Escrow{Provider: "x", Release: agreement.ReleaseOnReceiptConfirmation, AutoReleaseDays: 10, From: agreement.FromShipment}
		}, []string{"error payment.escrow.from from_shipment"}},
		{"an extension without a timer", "goods-en.yaml", func(a *agreement.Agreement) {
			a.Payment.Escrow.AutoReleaseDays = 0
			a.Payment.Escrow.ExtensionDays = 3
		}, []string{"error payment.escrow.extension_days extension_needs_timer"}},
		{"duty collected up front although the seller pays it", "proxy_purchase-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Items[0].Proxy.DutyPrepaid = amt("200")
		}, []string{"error items[0].proxy.duty_prepaid duty_prepaid_seller"}},
		{"issuer forbids resale", "gift_card-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Items[0].GiftCard.ResaleForbidden = true
		}, []string{"warning items[0].gift_card.resale_forbidden resale_forbidden"}},
		{"a code revealed in person for an online delivery", "gift_card-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Items[0].GiftCard.Reveal = agreement.RevealInPerson
		}, []string{"error items[0].gift_card.reveal reveal_in_person"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := load(t, tt.base)
			before := summary(a.Validate())
			tt.edit(a)
			var got []string
			for _, s := range summary(a.Validate()) {
				if !slices.Contains(before, s) {
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDealMessages checks that the legal warnings cite their law in every
// language.
func TestDealMessages(t *testing.T) {
	a := load(t, "goods-zh-Hans.yaml")
	a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositEarnest, Amount: agreement.MustAmount("10"), Due: a.Payment.Due}
	a.Damages = &agreement.Damages{LateDeliveryPerDay: agreement.MustAmount("20"), Cap: agreement.MustAmount("200"), EstimatedLoss: agreement.MustAmount("100")}
	want := map[string][3]string{
		"damages_excessive": {"art. 585", "第五百八十五条", "第585條"},
		"damages_earnest":   {"art. 588", "第五百八十八条", "第588條"},
	}
	found := 0
	for _, f := range a.Validate() {
		w, ok := want[f.Rule]
		if !ok {
			continue
		}
		found++
		for i, l := range agreement.Locales {
			if m := f.Message(l); !strings.Contains(m, w[i]) {
				t.Errorf("%s in %s: %q does not cite %q", f.Rule, l, m, w[i])
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 findings", found)
	}
}
