package templates

import (
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// newTestView returns a view of a minimal agreement changed by edit.
func newTestView(edit func(a *agreement.Agreement)) *view {
	a := &agreement.Agreement{Kind: agreement.KindGoods, Locale: agreement.LocaleEN, Jurisdiction: agreement.JurisdictionCN}
	a.Payment.Method = agreement.MethodBankTransfer
	a.Payment.LatePayment = "cancel"
	a.Delivery.Method = agreement.DeliveryShipping
	a.Refund.RefundWithinDays = 7
	edit(a)
	return &view{Agreement: a}
}

func TestPredicates(t *testing.T) {
	earnest := &agreement.Deposit{Type: agreement.DepositEarnest}
	cases := []struct {
		name string
		edit func(a *agreement.Agreement)
		got  func(v *view) any
		want any
	}{
		{"cash at an in-person handover", func(a *agreement.Agreement) {
			a.Payment.Method, a.Delivery.Method = agreement.MethodCashOnDelivery, agreement.DeliveryInPerson
		}, func(v *view) any { return v.PaymentMethod() }, "cash_in_person"},
		{"cash at pickup", func(a *agreement.Agreement) {
			a.Payment.Method, a.Delivery.Method = agreement.MethodCashOnDelivery, agreement.DeliveryPickup
		}, func(v *view) any { return v.PaymentMethod() }, "cash_in_person"},
		{"cash on delivery by carrier", func(a *agreement.Agreement) { a.Payment.Method = agreement.MethodCashOnDelivery },
			func(v *view) any { return v.PaymentMethod() }, agreement.MethodCashOnDelivery},
		{"total", func(a *agreement.Agreement) {}, func(v *view) any { return v.PaymentSchedule() }, "total"},
		{"balance in installments", func(a *agreement.Agreement) {
			a.Payment.Deposit = earnest
			a.Payment.Installments = []agreement.Installment{{}}
		}, func(v *view) any { return v.PaymentSchedule() }, "balance_installments"},
		{"earnest", func(a *agreement.Agreement) { a.Payment.Deposit = earnest }, func(v *view) any { return v.EarnestMoney() }, true},
		{"prepayment is not earnest", func(a *agreement.Agreement) {
			a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositPrepayment}
		},
			func(v *view) any { return v.EarnestMoney() }, false},
		{"earnest law HK", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionHK }, func(v *view) any { return v.EarnestLaw() }, "other"},
		{"earnest law TW", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionTW }, func(v *view) any { return v.EarnestLaw() }, "TW"},
		{"earnest cap CN only", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionTW }, func(v *view) any { return v.EarnestCapApplies() }, false},
		{"prepayment kept on late payment", func(a *agreement.Agreement) { a.Payment.LatePayment = "cancel_forfeit_deposit" },
			func(v *view) any { return v.PrepaymentKept() }, "on_late_payment"},
		{"late installment", func(a *agreement.Agreement) { a.Payment.Installments = []agreement.Installment{{}} }, func(v *view) any { return v.LateWhat() }, "installment"},
		{"grace says nothing of money paid", func(a *agreement.Agreement) { a.Payment.LatePayment = "grace_then_cancel" },
			func(v *view) any { return v.LatePaymentRefers() }, false},
		{"tracking none for shipping", func(a *agreement.Agreement) {}, func(v *view) any { return v.TrackingNote() }, "none"},
		{"tracking silent in person", func(a *agreement.Agreement) { a.Delivery.Method = agreement.DeliveryInPerson }, func(v *view) any { return v.TrackingNote() }, ""},
		{"handover", func(a *agreement.Agreement) { a.Delivery.Method = agreement.DeliveryPickup }, func(v *view) any { return v.DeliveryEvent() }, "handover"},
		{"digital", func(a *agreement.Agreement) { a.Delivery.Method = agreement.DeliveryDigital }, func(v *view) any { return v.DeliveryEvent() }, "digital"},
		{"statutory return for a business under CN", func(a *agreement.Agreement) { a.Seller.Business = true },
			func(v *view) any { return v.StatutoryReturnApplies() }, true},
		{"no statutory return for a private seller", func(a *agreement.Agreement) {}, func(v *view) any { return v.StatutoryReturnApplies() }, false},
		{"no statutory return under HK", func(a *agreement.Agreement) { a.Seller.Business, a.Jurisdiction = true, agreement.JurisdictionHK },
			func(v *view) any { return v.StatutoryReturnApplies() }, false},
		{"free return TW", func(a *agreement.Agreement) {
			a.Seller.Business, a.Jurisdiction, a.Refund.NoReasonDays = true, agreement.JurisdictionTW, 7
		}, func(v *view) any { return v.StatutoryFreeReturn() }, true},
		{"longer window", func(a *agreement.Agreement) { a.Refund.NoReasonDays = 8 }, func(v *view) any { return v.NoReasonWindow() }, "longer"},
		{"refund sooner than CN's 7 days", func(a *agreement.Agreement) { a.Refund.RefundWithinDays = 6 }, func(v *view) any { return v.RefundWindow() }, "sooner"},
		{"refund TW limit", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionTW }, func(v *view) any { return v.StatutoryRefundDays() }, 15},
		{"cancel by default either", func(a *agreement.Agreement) { a.Cancellation = &agreement.Cancellation{} }, func(v *view) any { return v.CancelBy() }, "either"},
		{"cancel by buyer", func(a *agreement.Agreement) { a.Cancellation = &agreement.Cancellation{By: "buyer"} }, func(v *view) any { return v.CancelBy() }, "buyer"},
		{"second-hand lists defects", func(a *agreement.Agreement) { a.Kind = agreement.KindSecondhand }, func(v *view) any { return v.ListsDefects() }, true},
		{"arbitration", func(a *agreement.Agreement) { a.Dispute.Steps = []string{"negotiation", "arbitration"} }, func(v *view) any { return v.DisputeForum() }, "arbitration"},
		{"buyer bears FX", func(a *agreement.Agreement) {
			a.Items = []agreement.Item{{}, {Proxy: &agreement.Proxy{FXChangeBorneBy: "buyer"}}}
		}, func(v *view) any { return v.BuyerBearsFXChange() }, true},
		{"consumer sale", func(a *agreement.Agreement) { a.Seller.Business = true }, func(v *view) any { return v.ConsumerSale() }, true},
		{"B2B is no consumer sale", func(a *agreement.Agreement) { a.Seller.Business, a.Buyer.Business = true, true }, func(v *view) any { return v.ConsumerSale() }, false},
		{"B2B gets no statutory return", func(a *agreement.Agreement) { a.Seller.Business, a.Buyer.Business = true, true },
			func(v *view) any { return v.StatutoryReturnApplies() }, false},
		{"consumer rights HK", func(a *agreement.Agreement) { a.Seller.Business, a.Jurisdiction = true, agreement.JurisdictionHK },
			func(v *view) any { return v.ConsumerRights() }, "HK"},
		{"no consumer rights clause under other law", func(a *agreement.Agreement) { a.Seller.Business, a.Jurisdiction = true, agreement.JurisdictionOther },
			func(v *view) any { return v.ConsumerRights() }, ""},
		{"HK consumer arbitration", func(a *agreement.Agreement) {
			a.Seller.Business, a.Jurisdiction, a.Dispute.Steps = true, agreement.JurisdictionHK, []string{"arbitration"}
		}, func(v *view) any { return v.ConsumerArbitrationHK() }, true},
		{"electronic law HK is the parties'", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionHK },
			func(v *view) any { return v.ElectronicLaw() }, "agreed"},
		{"TW consumer keeps earnest on cooling off", func(a *agreement.Agreement) {
			a.Seller.Business, a.Jurisdiction, a.Cancellation = true, agreement.JurisdictionTW, &agreement.Cancellation{By: "buyer"}
		}, func(v *view) any { return v.CancelEarnest() }, "buyer_cooling_off"},
		{"seller-only cancellation has no cooling off", func(a *agreement.Agreement) {
			a.Seller.Business, a.Jurisdiction, a.Cancellation = true, agreement.JurisdictionTW, &agreement.Cancellation{By: "seller"}
		}, func(v *view) any { return v.CancelEarnest() }, "seller"},
		{"card expiry note TW", func(a *agreement.Agreement) { a.Jurisdiction = agreement.JurisdictionTW }, func(v *view) any { return v.CardExpiryNote() }, "TW"},
		{"code revealed needs acknowledgement", func(a *agreement.Agreement) { a.Refund.Exclusions = []string{"code_revealed"} },
			func(v *view) any { return v.CodeRevealedAcknowledged() }, false},
	}
	for _, c := range cases {
		if got := c.got(newTestView(c.edit)); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
