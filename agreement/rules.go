package agreement

import (
	"fmt"
	"math/big"
	"strconv"
)

// earnestCapPercent is the cap on earnest money (定金) as a percentage of
// the total: PRC Civil Code art. 586.
const earnestCapPercent = 20

// minNoReasonDays is the no-reason return window the consumer laws of CN
// (Consumer Rights Protection Law art. 25) and TW (Consumer Protection Act
// art. 19) give buyers from businesses at a distance.
const minNoReasonDays = 7

// maxRefundDays is how soon a business must refund a returned distance
// purchase: CN Consumer Rights Protection Law art. 25 (7 days of receiving
// the return), TW Consumer Protection Act art. 19-2 (15 days of taking the
// goods back).
var maxRefundDays = map[Jurisdiction]int{JurisdictionCN: 7, JurisdictionTW: 15}

// rules collects the findings of the cross-field rules.
type rules struct {
	a   *Agreement
	out []*FieldError
}

func (r *rules) add(sev Severity, path, rule, param, value string) {
	r.out = append(r.out, &FieldError{Path: path, Rule: rule, Param: param, Value: value, Severity: sev})
}

func (r *rules) err(path, rule, param, value string) { r.add(SeverityError, path, rule, param, value) }
func (r *rules) warn(path, rule, param, value string) {
	r.add(SeverityWarning, path, rule, param, value)
}

// crossRules runs the rules that tie fields together. They assume nothing
// the field rules check: every rule skips what it cannot judge (a missing
// date, an unknown currency) rather than report it twice.
func (a *Agreement) crossRules() []*FieldError {
	r := &rules{a: a}
	if a.Version > FormatVersion {
		r.err("tradepact", RuleVersion, strconv.Itoa(FormatVersion), strconv.Itoa(a.Version))
	}
	r.text()
	r.dateValues()
	r.parties()
	r.dates()
	moneyOK := r.money()
	if moneyOK {
		r.totals()
	}
	r.payment()
	r.items()
	r.delivery()
	r.refund()
	r.law()
	r.evidence()
	r.deals(moneyOK)
	r.advice()
	return r.out
}

func (r *rules) parties() {
	if sameAccount(r.a.Seller.Account, r.a.Buyer.Account) {
		r.err("buyer.account", RuleDistinctParties, "seller.account", r.a.Buyer.Account)
	}
}

// notBefore reports d before e (when both are set).
func (r *rules) notBefore(path string, d Date, ePath string, e Date) {
	if d.Valid() && e.Valid() && d.Before(e) {
		r.err(path, RuleNotBefore, ePath+" ("+e.String()+")", d.String())
	}
}

func (r *rules) dates() {
	a := r.a
	r.notBefore("payment.due", a.Payment.Due, "date", a.Date)
	if dep := a.Payment.Deposit; dep != nil {
		r.notBefore("payment.deposit.due", dep.Due, "date", a.Date)
		if !dep.Due.IsZero() && !a.Payment.Due.IsZero() && dep.Due.After(a.Payment.Due) && a.Payment.Method != MethodInstallments {
			r.err("payment.deposit.due", RuleNotAfter, "payment.due ("+a.Payment.Due.String()+")", dep.Due.String())
		}
	}
	r.notBefore("delivery.deadline", a.Delivery.Deadline, "date", a.Date)
	for i, it := range a.Items {
		if p := it.Proxy; p != nil && !p.FXFixedOn.IsZero() && !a.Date.IsZero() && p.FXFixedOn.After(a.Date) {
			r.err(fmt.Sprintf("items[%d].proxy.fx_fixed_on", i), RuleNotAfter, "date ("+a.Date.String()+")", p.FXFixedOn.String())
		}
	}
}

// money checks that the currency is known and that every amount fits it;
// it reports whether totals can be computed.
func (r *rules) money() bool {
	a := r.a
	if a.Currency == "" {
		return false // the field rule reports it
	}
	cur, ok := LookupCurrency(a.Currency)
	if !ok {
		r.err("currency", RuleCurrency, "", a.Currency)
		return false
	}
	ok = true
	check := func(path string, v Amount, c Currency) {
		if v.Decimals() > c.Decimals {
			r.err(path, RuleDecimals, c.Code+":"+strconv.Itoa(c.Decimals), v.String())
			ok = false
		}
	}
	for i, it := range a.Items {
		p := fmt.Sprintf("items[%d]", i)
		check(p+".unit_price", it.UnitPrice, cur)
		if g := it.GiftCard; g != nil {
			check(p+".gift_card.face_value", g.FaceValue, cur)
			check(p+".gift_card.balance", g.Balance, cur)
		}
		if x := it.Proxy; x != nil {
			check(p+".proxy.service_fee", x.ServiceFee, cur)
			if x.StoreCurrency != "" {
				if sc, known := LookupCurrency(x.StoreCurrency); !known {
					r.err(p+".proxy.store_currency", RuleCurrency, "", x.StoreCurrency)
				} else {
					check(p+".proxy.store_price", x.StorePrice, sc)
				}
			}
		}
	}
	check("shipping_fee", a.ShippingFee, cur)
	if d := a.Payment.Deposit; d != nil {
		check("payment.deposit.amount", d.Amount, cur)
	}
	for i, in := range a.Payment.Installments {
		check(fmt.Sprintf("payment.installments[%d].amount", i), in.Amount, cur)
	}
	return ok
}

// overCap reports deposit*100 > total*earnestCapPercent, computed
// exactly for any int64 amounts.
func overCap(deposit, total int64) bool {
	d := new(big.Int).Mul(big.NewInt(deposit), big.NewInt(100))
	c := new(big.Int).Mul(big.NewInt(total), big.NewInt(earnestCapPercent))
	return d.Cmp(c) > 0
}

// totals checks what depends on the computed totals: the deposit and its
// earnest-money cap, and the installment schedule.
func (r *rules) totals() {
	a := r.a
	t, err := a.Totals()
	if err != nil {
		if ae, ok := err.(*AmountError); ok && ae.Rule == RuleOverflow {
			r.err(ae.Path, RuleOverflow, "sum", "")
		}
		return
	}
	if dep := a.Payment.Deposit; dep != nil && !dep.Amount.IsZero() {
		if t.Deposit.Minor > t.Total.Minor {
			r.err("payment.deposit.amount", RuleDepositMax, t.Total.String(), t.Deposit.String())
		} else if dep.Type == DepositEarnest && overCap(t.Deposit.Minor, t.Total.Minor) {
			// total*20/100 without overflow: total < 2^63, so total/100*20 fits.
			limit := Money{Minor: t.Total.Minor/100*earnestCapPercent + t.Total.Minor%100*earnestCapPercent/100, Currency: t.Currency}
			if a.Jurisdiction == JurisdictionCN {
				r.err("payment.deposit.amount", RuleEarnestCap, limit.String(), t.Deposit.String())
			} else {
				r.warn("payment.deposit.amount", RuleEarnestCapWarning, limit.String(), t.Deposit.String())
			}
		}
	}
	if len(a.Payment.Installments) > 0 && t.BalanceDue.Minor >= 0 {
		sum := Money{Currency: t.Currency}
		for _, in := range a.Payment.Installments {
			m, err := t.Currency.Money(in.Amount)
			if err != nil {
				return
			}
			if sum, err = sum.Add(m); err != nil {
				return
			}
		}
		if sum.Minor != t.BalanceDue.Minor {
			r.err("payment.installments", RuleInstallmentsSum, t.BalanceDue.String(), sum.String())
		}
	}
	for i, it := range a.Items {
		if g := it.GiftCard; g != nil && a.Kind == KindGiftCard && !g.Balance.IsZero() && i < len(t.Prices) {
			if bal, err := t.Currency.Money(g.Balance); err == nil && t.Prices[i].Minor > bal.Minor*int64(max(it.Quantity, 1)) {
				r.warn(fmt.Sprintf("items[%d].unit_price", i), RulePriceOverBalance, bal.String(), it.UnitPrice.String())
			}
		}
	}
}

func (r *rules) payment() {
	p := &r.a.Payment
	switch {
	case p.Method == MethodInstallments && len(p.Installments) == 0:
		r.err("payment.installments", RuleInstallmentsRequired, "", "")
	case p.Method != MethodInstallments && p.Method != "" && len(p.Installments) > 0:
		r.err("payment.installments", RuleInstallmentsOnly, "", p.Method)
	}
	for i := 1; i < len(p.Installments); i++ {
		prev, cur := p.Installments[i-1].Due, p.Installments[i].Due
		if !prev.IsZero() && !cur.IsZero() && !cur.After(prev) {
			r.err(fmt.Sprintf("payment.installments[%d].due", i), RuleInstallmentsOrder, prev.String(), cur.String())
		}
	}
	for i, in := range p.Installments {
		r.notBefore(fmt.Sprintf("payment.installments[%d].due", i), in.Due, "date", r.a.Date)
	}
	if len(p.Installments) > 0 {
		// With a schedule, payment.due is the date of the first payment:
		// the deposit's, or the first installment's. The contract prints
		// those dates; another payment.due would contradict them.
		first := p.Installments[0].Due
		if p.Deposit != nil {
			first = p.Deposit.Due
		}
		if p.Due.Valid() && first.Valid() && p.Due != first {
			r.warn("payment.due", RuleDueFirstPayment, first.String(), p.Due.String())
		}
	}
	switch {
	case p.Method == MethodEscrow && p.Escrow == nil:
		r.err("payment.escrow", RuleEscrowRequired, "", "")
	case p.Method != MethodEscrow && p.Method != "" && p.Escrow != nil:
		r.err("payment.escrow", RuleEscrowOnly, "", p.Method)
	}
	if e := p.Escrow; e != nil && p.Method == MethodEscrow {
		if e.Release == "after_inspection" && r.a.Inspection == nil {
			r.warn("payment.escrow.release", RuleEscrowInspection, "", e.Release)
		}
		if window := r.a.inspectionDays(); e.AutoReleaseDays > 0 && e.AutoReleaseDays < window {
			r.warn("payment.escrow.auto_release_days", RuleEscrowReleaseEarly, strconv.Itoa(window), strconv.Itoa(e.AutoReleaseDays))
		}
	}
	if p.LatePayment == "grace_then_cancel" && p.GraceDays == 0 {
		r.err("payment.grace_days", RuleGraceDays, "", "")
	}
	if p.GraceDays > 0 && p.LatePayment != "grace_then_cancel" && p.LatePayment != "" {
		// The contract would not print the grace period: a term dropped.
		r.err("payment.grace_days", RuleGraceDaysOnly, "", p.LatePayment)
	}
	if p.LatePayment == "cancel_forfeit_deposit" && (p.Deposit == nil || p.Deposit.Type != DepositEarnest) {
		r.err("payment.late_payment", RuleForfeitNeedsEarnest, "", p.LatePayment)
	}
}

func (r *rules) items() {
	a := r.a
	for i, it := range a.Items {
		p := fmt.Sprintf("items[%d]", i)
		switch a.Kind {
		case KindSecondhand:
			if it.Condition == "" {
				r.err(p+".condition", RuleConditionRequired, "", "")
			} else if it.Condition != ConditionNew && len(it.Defects) == 0 {
				r.warn(p+".defects", RuleDefectsNone, "", "")
			}
		case KindProxyPurchase:
			if it.Proxy == nil {
				r.err(p+".proxy", RuleProxyRequired, "", "")
			}
		case KindGiftCard:
			if it.GiftCard == nil {
				r.err(p+".gift_card", RuleGiftCardRequired, "", "")
			}
		}
		if it.Proxy != nil && a.Kind != KindProxyPurchase && a.Kind != "" {
			r.err(p+".proxy", RuleProxyOnly, "", string(a.Kind))
		}
		if it.GiftCard != nil && a.Kind != KindGiftCard && a.Kind != "" {
			r.err(p+".gift_card", RuleGiftCardOnly, "", string(a.Kind))
		}
		if x := it.Proxy; x != nil {
			foreign := x.StoreCurrency != "" && x.StoreCurrency != a.Currency
			if foreign && (x.FXRate == "" || x.FXFixedOn.IsZero()) {
				r.err(p+".proxy.fx_rate", RuleFXRequired, "", "")
			}
			if x.FXRate != "" && x.StoreCurrency == "" {
				r.warn(p+".proxy.fx_rate", RuleFXPair, "", x.FXRate)
			}
			if foreign && x.DutyPaidBy == "" {
				r.warn(p+".proxy", RuleDutyUnassigned, "", "")
			}
			if foreign && x.LossBorneBy == "" {
				r.warn(p+".proxy", RuleLossUnassigned, "", "")
			}
			if foreign && x.FXChangeBorneBy == "" {
				r.warn(p+".proxy", RuleFXChangeUnassigned, "", "")
			}
		}
		if g := it.GiftCard; g != nil {
			if !g.Balance.IsZero() && !g.FaceValue.IsZero() && amountLess(g.FaceValue, g.Balance) {
				r.err(p+".gift_card.balance", RuleBalanceMax, g.FaceValue.String(), g.Balance.String())
			}
			if first := a.firstValidDay(); !g.Expires.IsZero() && !first.IsZero() && g.Expires.Before(first) {
				r.err(p+".gift_card.expires", RuleExpiry, first.String(), g.Expires.String())
			}
		}
	}
}

// firstValidDay is the last day of the inspection window after the
// delivery deadline: a gift card must still be valid then. Hours are
// rounded up to whole days.
func (a *Agreement) firstValidDay() Date {
	if a.Delivery.Deadline.IsZero() {
		return Date{}
	}
	return a.Delivery.Deadline.AddDays(a.inspectionDays())
}

// inspectionDays is the inspection window in days, hours rounded up; 0
// without one.
func (a *Agreement) inspectionDays() int {
	if in := a.Inspection; in != nil {
		return in.Days + (in.Hours+23)/24
	}
	return 0
}

func (r *rules) delivery() {
	a := r.a
	if a.Delivery.ShippingPaidBy == PaidBySeller && !a.ShippingFee.IsZero() {
		r.err("shipping_fee", RuleShippingFeeSeller, "", a.ShippingFee.String())
	}
	if a.Delivery.Method == DeliveryShipping && a.Delivery.ShippingPaidBy == "" {
		r.err("delivery.shipping_paid_by", RuleShippingPaidBy, "", "")
	}
	if in := a.Inspection; in != nil && (in.Hours == 0) == (in.Days == 0) {
		r.err("inspection", RuleInspectionOne, "", "")
	}
}

func (r *rules) refund() {
	a := r.a
	if len(a.Refund.Exclusions) > 0 && !a.Refund.ExclusionsAcknowledged {
		r.err("refund.exclusions_acknowledged", RuleExclusionsAck, "", "")
	}
	// The consumer laws protect consumers only (art. 2 of each): a buyer
	// who buys as a business gets none of these.
	if a.consumerSale() && a.Refund.NoReasonDays < minNoReasonDays &&
		(a.Jurisdiction == JurisdictionCN || a.Jurisdiction == JurisdictionTW) {
		r.err("refund.no_reason_days", RuleNoReasonMin, string(a.Jurisdiction), strconv.Itoa(a.Refund.NoReasonDays))
	}
	if a.consumerSale() && (a.Jurisdiction == JurisdictionCN || a.Jurisdiction == JurisdictionTW) {
		// Neither law lists used goods among the goods a business may
		// exclude from the 7-day return; TW voids terms to the contrary.
		for i, x := range a.Refund.Exclusions {
			if x == "used" {
				r.err(fmt.Sprintf("refund.exclusions[%d]", i), RuleExclusionNotLawful, string(a.Jurisdiction), x)
			}
		}
	}
	if limit, ok := maxRefundDays[a.Jurisdiction]; ok && a.consumerSale() && a.Refund.RefundWithinDays > limit {
		r.err("refund.refund_within_days", RuleRefundWithinMax, string(a.Jurisdiction), strconv.Itoa(a.Refund.RefundWithinDays))
	}
}

// advice adds the warnings: terms that are valid but leave a dispute open.
func (r *rules) advice() {
	a := r.a
	if g := a.Dispute.GoverningLaw; g != "" && a.Jurisdiction != "" && g != a.Jurisdiction {
		r.warn("dispute.governing_law", RuleGoverningLaw, string(a.Jurisdiction), string(g))
	}
	if a.Cancellation == nil {
		r.warn("cancellation", RuleCancellationMissing, "", "")
	}
	if a.AfterSales == nil {
		r.warn("after_sales", RuleAfterSalesMissing, "", "")
	}
	if a.Inspection == nil && (a.Kind == KindSecondhand || a.Kind == KindGiftCard) {
		r.warn("inspection", RuleInspectionMissing, "", "")
	}
	if a.Delivery.Method == DeliveryDigital && a.Delivery.Channel == "" {
		r.warn("delivery.channel", RuleChannelMissing, "", "")
	}
	if a.Delivery.Method == DeliveryShipping && !a.Delivery.Tracking {
		r.warn("delivery.tracking", RuleTrackingMissing, "", "")
	}
	if a.Kind == KindProxyPurchase && (a.Authenticity == nil || !a.Authenticity.Guaranteed) {
		r.warn("authenticity", RuleAuthenticityMissing, "", "")
	}
}

// amountLess reports x < y, comparing at the larger scale of the two.
func amountLess(x, y Amount) bool {
	d := max(x.Decimals(), y.Decimals())
	xm, err1 := x.Minor(d)
	ym, err2 := y.Minor(d)
	return err1 == nil && err2 == nil && xm < ym
}
