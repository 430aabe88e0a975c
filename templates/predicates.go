package templates

import (
	"slices"

	"github.com/tradepact/tradepact/agreement"
)

// The predicates below decide which sentences a contract holds, once for
// every language: the shared contract template (contract/shared/
// contract.md.tmpl) asks them, and each language's catalog only says the
// sentence. A predicate that returns a word picks the variant of an entry
// by name ("payment.pay." + PaymentSchedule). doc/clauses.md lists which
// predicate selects which entries; predicates_test.go tests each one.

// predicatesVersion is part of every set's identity (see builtins): bump
// it whenever a predicate decides differently, so that contracts rendered
// before keep an identity that says so.
const predicatesVersion = "4"

// ListsDefects reports whether the contract has the condition-and-defects
// article: every second-hand sale has it, and any deal listing a defect.
func (v *view) ListsDefects() bool {
	return v.Kind == agreement.KindSecondhand || len(v.WithDefects()) > 0
}

// BuyerBearsFXChange reports whether any proxy item puts a change in the
// exchange rate on the buyer: then the price is not fixed absolutely.
func (v *view) BuyerBearsFXChange() bool {
	return slices.ContainsFunc(v.Items, func(it agreement.Item) bool {
		return it.Proxy != nil && it.Proxy.FXChangeBorneBy == agreement.PaidByBuyer
	})
}

// HandoverInPerson reports whether the goods change hands face to face
// (in person or picked up), not through a carrier or online.
func (v *view) HandoverInPerson() bool {
	return v.Delivery.Method == agreement.DeliveryInPerson || v.Delivery.Method == agreement.DeliveryPickup
}

// PaymentMethod is the label key of the payment method: cash on delivery
// at a face-to-face handover is cash at the handover.
func (v *view) PaymentMethod() string {
	if v.Payment.Method == agreement.MethodCashOnDelivery && v.HandoverInPerson() {
		return "cash_in_person"
	}
	return v.Payment.Method
}

// HasDeposit reports whether a deposit is paid before the balance.
func (v *view) HasDeposit() bool { return v.Payment.Deposit != nil }

// HasInstallments reports whether the balance is paid by a schedule.
func (v *view) HasInstallments() bool { return len(v.Payment.Installments) > 0 }

// PaymentSchedule picks the payment sentence: "total" or "balance" (after
// a deposit), with "_installments" when a schedule follows.
func (v *view) PaymentSchedule() string {
	s := "total"
	if v.HasDeposit() {
		s = "balance"
	}
	if v.HasInstallments() {
		s += "_installments"
	}
	return s
}

// EarnestMoney reports whether the deposit is earnest money (定金), with
// its penalty rules, rather than a prepayment.
func (v *view) EarnestMoney() bool {
	return v.Payment.Deposit != nil && v.Payment.Deposit.Type == agreement.DepositEarnest
}

// EarnestLaw picks the earnest-money rule by the jurisdiction whose law
// has one: "CN" (Civil Code arts. 586–587), "TW" (Civil Code arts.
// 248–249), or "other" (the parties' agreement).
func (v *view) EarnestLaw() string {
	switch v.Jurisdiction {
	case agreement.JurisdictionCN, agreement.JurisdictionTW:
		return string(v.Jurisdiction)
	}
	return "other"
}

// EarnestCapApplies reports whether the 20% cap on earnest money is the
// law's (PRC Civil Code art. 586).
func (v *view) EarnestCapApplies() bool { return v.Jurisdiction == agreement.JurisdictionCN }

// PrepaymentKept picks what the prepayment sentence says about keeping
// it: "on_late_payment" when late payment forfeits it, else "never".
func (v *view) PrepaymentKept() string {
	if v.Payment.LatePayment == "cancel_forfeit_deposit" {
		return "on_late_payment"
	}
	return "never"
}

// LateWhat picks what can be late: "payment", or "installment" with a
// schedule.
func (v *view) LateWhat() string {
	if v.HasInstallments() {
		return "installment"
	}
	return "payment"
}

// LatePaymentRefers reports whether the late-payment sentence says what
// happens to the money paid (it does unless there is a grace period).
func (v *view) LatePaymentRefers() bool { return v.Payment.LatePayment != "grace_then_cancel" }

// LatePaid picks what the late-payment sentence refers to as paid:
// "deposit" or "none".
func (v *view) LatePaid() string {
	if v.HasDeposit() {
		return "deposit"
	}
	return "none"
}

// DepositWord is the deposit's label ("定金", "prepayment"), or "".
func (v *view) DepositWord() (string, error) {
	if v.Payment.Deposit == nil {
		return "", nil
	}
	return label(v.Locale, "deposit", v.Payment.Deposit.Type)
}

// TrackingNote picks the tracking sentence: "given", "none" for shipping
// without tracking, or "" (nothing to say).
func (v *view) TrackingNote() string {
	switch {
	case v.Delivery.Tracking:
		return "given"
	case v.Delivery.Method == agreement.DeliveryShipping:
		return "none"
	}
	return ""
}

// ShipsGoods reports whether a carrier takes the goods to the buyer: only
// then does the contract say who pays for shipping.
func (v *view) ShipsGoods() bool { return v.Delivery.Method == agreement.DeliveryShipping }

// ShowsShipping reports whether the price lists shipping: when the goods
// are shipped, or a shipping fee is charged all the same.
func (v *view) ShowsShipping() bool { return v.ShipsGoods() || !v.ShippingFee.IsZero() }

// GoodsReturned reports whether a refund involves sending goods back (and
// so return shipping): not for goods delivered online, such as codes.
func (v *view) GoodsReturned() bool { return v.Delivery.Method != agreement.DeliveryDigital }

// TransitRisk picks the sentence on loss or damage in transit for shipped
// goods: "CN_consumer" (the seller bears it until delivery, E-Commerce
// Law art. 20, whatever the terms say), "CN_consumer_buyer_carrier" (the
// buyer chose the carrier: the art. 20 exception), "agreed" (the terms
// say who), "CN" (Civil Code art. 607), "TW" (Civil Code art. 374), or ""
// (nothing shipped, the proxy terms say it per item, or no rule to state).
func (v *view) TransitRisk() string {
	if !v.ShipsGoods() {
		return ""
	}
	d := v.Delivery
	switch {
	case v.Jurisdiction == agreement.JurisdictionCN && v.ConsumerSale() && d.CarrierChosenBy != agreement.PaidByBuyer:
		return "CN_consumer"
	case v.Jurisdiction == agreement.JurisdictionCN && v.ConsumerSale() && d.LossBorneBy == "":
		return "CN_consumer_buyer_carrier"
	case d.LossBorneBy != "":
		return "agreed"
	case slices.ContainsFunc(v.Items, func(it agreement.Item) bool { return it.Proxy != nil && it.Proxy.LossBorneBy != "" }):
		return "" // the proxy purchase terms say who bears it, item by item
	case v.Jurisdiction == agreement.JurisdictionCN, v.Jurisdiction == agreement.JurisdictionTW:
		return string(v.Jurisdiction)
	}
	return ""
}

// DeliveryEvent picks what counts as delivery: "digital", "shipping" or
// "handover".
func (v *view) DeliveryEvent() string {
	switch v.Delivery.Method {
	case agreement.DeliveryDigital, agreement.DeliveryShipping:
		return v.Delivery.Method
	}
	return "handover"
}

// InspectionPeriod is the inspection window in the contract's language.
func (v *view) InspectionPeriod() string {
	if in := v.Inspection; in != nil && in.Hours > 0 {
		return duration(in.Hours, v.Locale, "hour")
	} else if in != nil {
		return duration(in.Days, v.Locale, "day")
	}
	return ""
}

// NoReasonReturn reports whether the buyer may return without a reason.
func (v *view) NoReasonReturn() bool { return v.Refund.NoReasonDays > 0 }

// ConsumerSale reports whether consumer law protects the buyer: a
// business seller and a buyer who does not buy as a business (PRC CRPL
// art. 2, TW CPA art. 2; B2B and private sales fall under the civil codes).
func (v *view) ConsumerSale() bool { return v.Seller.Business && !v.Buyer.Business }

// consumerLaw reports whether a jurisdiction's consumer statute on
// distance sales applies: a consumer sale under CN or TW law.
func (v *view) consumerLaw() bool {
	return v.ConsumerSale() && (v.Jurisdiction == agreement.JurisdictionCN || v.Jurisdiction == agreement.JurisdictionTW)
}

// ConsumerRights picks the clause that reserves a consumer's statutory
// rights: "CN" (CRPL arts. 24, 26, 55), "TW" (CPA art. 12), "HK" (Cap. 71
// s. 11), or "" when the deal is no consumer sale or the jurisdiction has
// no statute the contract names.
func (v *view) ConsumerRights() string {
	switch v.Jurisdiction {
	case agreement.JurisdictionCN, agreement.JurisdictionTW, agreement.JurisdictionHK:
		if v.ConsumerSale() {
			return string(v.Jurisdiction)
		}
	}
	return ""
}

// ConsumerArbitrationHK reports whether the contract must say that an
// arbitration clause binds a consumer only with written consent given
// after the dispute arises (HK Cap. 71 s. 15).
func (v *view) ConsumerArbitrationHK() bool {
	return v.Jurisdiction == agreement.JurisdictionHK && v.ConsumerSale() && v.DisputeForum() == "arbitration"
}

// ElectronicLaw picks what the contract says the law presumes of the
// parties' electronic confirmations: "CN" (Electronic Signature Law arts.
// 13–14), "TW" (Electronic Signatures Act as amended in 2024) or "agreed"
// (the parties' agreement alone).
func (v *view) ElectronicLaw() string {
	switch v.Jurisdiction {
	case agreement.JurisdictionCN, agreement.JurisdictionTW:
		return string(v.Jurisdiction)
	}
	return "agreed"
}

// ExclusionsCited reports whether the exclusions from the no-reason return
// cite the rule that lists them (TW: 通訊交易解除權合理例外情事適用準則 art. 2).
func (v *view) ExclusionsCited() bool {
	return v.consumerLaw() && v.Jurisdiction == agreement.JurisdictionTW
}

// CoolingOffKeepsEarnest reports whether a buyer who cancels under the
// statutory 7-day right keeps the earnest money: a TW consumer sale
// (CPA art. 19 I: cancelling costs the consumer nothing; V: contrary terms
// are void).
func (v *view) CoolingOffKeepsEarnest() bool {
	return v.consumerLaw() && v.Jurisdiction == agreement.JurisdictionTW
}

// CancelEarnest picks what the cancellation article says of earnest
// money: who may cancel (CancelBy), with "_cooling_off" when a buyer's
// statutory cancellation keeps it.
func (v *view) CancelEarnest() string {
	by := v.CancelBy()
	if by != "seller" && v.CoolingOffKeepsEarnest() {
		return by + "_cooling_off"
	}
	return by
}

// StatutoryReturnApplies reports whether the no-reason return is the
// statute's (PRC CRPL art. 25, TW CPA arts. 18–19), which the contract
// then cites.
func (v *view) StatutoryReturnApplies() bool { return v.consumerLaw() }

// statutoryReturnDays is the statutory no-reason window.
const statutoryReturnDays = 7

// NoReasonWindow picks how the contract's window compares with the
// statute's: "longer" or "statutory".
func (v *view) NoReasonWindow() string {
	if v.Refund.NoReasonDays > statutoryReturnDays {
		return "longer"
	}
	return "statutory"
}

// ReturnByNotice reports whether the contract says how the return is made
// (TW CPA art. 19: by sending the goods back or by written notice).
func (v *view) ReturnByNotice() bool {
	return v.consumerLaw() && v.Jurisdiction == agreement.JurisdictionTW
}

// ExclusionsState picks the sentence on the exclusions: "acknowledged" or
// "unacknowledged".
func (v *view) ExclusionsState() string {
	if v.Refund.ExclusionsAcknowledged {
		return "acknowledged"
	}
	return "unacknowledged"
}

// StatutoryFreeReturn reports whether the contract says a no-reason
// return costs the buyer nothing by law (TW CPA art. 19).
func (v *view) StatutoryFreeReturn() bool {
	return v.consumerLaw() && v.NoReasonReturn() && v.Jurisdiction == agreement.JurisdictionTW
}

// StatutoryRefund reports whether the refund period has a statutory limit
// that the contract cites.
func (v *view) StatutoryRefund() bool { return v.consumerLaw() }

// StatutoryRefundDays is the statutory refund limit: 7 days in CN (CRPL
// art. 25), 15 in TW (CPA art. 19-2).
func (v *view) StatutoryRefundDays() int {
	if v.Jurisdiction == agreement.JurisdictionCN {
		return 7
	}
	return 15
}

// RefundWindow picks how the contract's refund period compares with the
// statute's: "sooner" or "statutory".
func (v *view) RefundWindow() string {
	if v.Refund.RefundWithinDays < v.StatutoryRefundDays() {
		return "sooner"
	}
	return "statutory"
}

// CancelBy is who may cancel: "either" unless the terms name one party.
func (v *view) CancelBy() string {
	if c := v.Cancellation; c != nil && c.By != "" {
		return c.By
	}
	return "either"
}

// DisputeForum picks the venue sentence: "arbitration" when arbitration
// is a step, else "court".
func (v *view) DisputeForum() string {
	if slices.Contains(v.Dispute.Steps, "arbitration") {
		return "arbitration"
	}
	return "court"
}

// AuthenticityPromise picks the authenticity sentence: "guaranteed" or
// "not_guaranteed".
func (v *view) AuthenticityPromise() string {
	if v.Authenticity != nil && v.Authenticity.Guaranteed {
		return "guaranteed"
	}
	return "not_guaranteed"
}

// CardExpiryNote picks what a card without an expiry date says of the
// rules on prepaid cards: "CN" (单用途商业预付卡管理办法（试行）), "TW"
// (禮券定型化契約應記載及不得記載事項) or "other" (the issuer's terms).
func (v *view) CardExpiryNote() string {
	switch v.Jurisdiction {
	case agreement.JurisdictionCN, agreement.JurisdictionTW:
		return string(v.Jurisdiction)
	}
	return "other"
}

// CodeRevealedAcknowledged reports whether the buyer acknowledged that a
// revealed code cannot be returned without a reason.
func (v *view) CodeRevealedAcknowledged() bool {
	return v.Refund.ExclusionsAcknowledged && slices.Contains(v.Refund.Exclusions, "code_revealed")
}
