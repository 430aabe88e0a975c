package agreement

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// The rules of the terms of issue 15 ("the deals people actually make"):
// liquidated damages, force majeure, meet-ups and addresses, timers,
// partial delivery, offer expiry, personal data, and the proxy-purchase and
// gift-card additions. Where the law sets a floor or a cap they are
// errors; where a court decides they are warnings (DOMAIN.md §4).

// damagesExcessPercent is how far above the loss liquidated damages may go
// before a PRC court treats them as excessive: SPC interpretation of the
// contract part of the Civil Code (2023) art. 65, under Civil Code art. 585.
const damagesExcessPercent = 30

// deals runs the rules of issue 15.
func (r *rules) deals(moneyOK bool) {
	a := r.a
	r.dealAmounts()
	if a.OfferExpires != "" && !a.Date.IsZero() {
		if t, err := time.Parse(time.RFC3339, a.OfferExpires); err == nil {
			if d := (Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}); d.Before(a.Date) {
				r.err("offer_expires", RuleNotBefore, "date ("+a.Date.String()+")", a.OfferExpires)
			}
		}
	}
	del := a.Delivery
	if m := del.Meetup; m != nil {
		if del.Method != DeliveryInPerson && del.Method != DeliveryPickup {
			r.err("delivery.meetup", RuleMeetupOnly, "", del.Method)
		}
		r.notBefore("delivery.meetup.date", m.Date, "date", a.Date)
		if m.Date.Valid() && del.Deadline.Valid() && m.Date.After(del.Deadline) {
			r.err("delivery.meetup.date", RuleNotAfter, "delivery.deadline ("+del.Deadline.String()+")", m.Date.String())
		}
	}
	if del.Address != "" && del.Method != DeliveryShipping {
		r.err("delivery.address", RuleAddressOnly, "", del.Method)
	}
	if e := a.Payment.Escrow; e != nil {
		if e.From == FromShipment && a.Delivery.Method != DeliveryShipping {
			r.err("payment.escrow.from", RuleFromShipment, "", a.Delivery.Method)
		}
		if e.ExtensionDays > 0 && e.AutoReleaseDays == 0 {
			r.err("payment.escrow.extension_days", RuleExtensionNeedsTimer, "", fmt.Sprint(e.ExtensionDays))
		}
	}
	if a.Refund.PerItem && len(a.Items) < 2 && a.Delivery.Partial == PartialAllowed {
		r.warn("delivery.partial", RulePartialOneItem, "", a.Delivery.Partial)
	}
	for i, it := range a.Items {
		p := fmt.Sprintf("items[%d]", i)
		if x := it.Proxy; x != nil && !x.DutyPrepaid.IsZero() && x.DutyPaidBy == PaidBySeller {
			r.err(p+".proxy.duty_prepaid", RuleDutyPrepaidSeller, "", x.DutyPrepaid.String())
		}
		if g := it.GiftCard; g != nil {
			if !g.BalanceFound.IsZero() && amountLess(g.Balance, g.BalanceFound) {
				r.err(p+".gift_card.balance_found", RuleBalanceMax, g.Balance.String(), g.BalanceFound.String())
			}
			if g.ResaleForbidden {
				r.warn(p+".gift_card.resale_forbidden", RuleResaleForbidden, "", "true")
			}
			if g.Reveal == RevealOnEscrowPayment && a.Payment.Escrow == nil {
				r.err(p+".gift_card.reveal", RuleRevealNeedsEscrow, "", g.Reveal)
			}
			if g.Reveal == RevealInPerson && !(del.Method == DeliveryInPerson || del.Method == DeliveryPickup) {
				r.err(p+".gift_card.reveal", RuleRevealInPerson, "", del.Method)
			}
		}
	}
	// Only an address triggers the warning: contact details alone are in
	// nearly every terms file written before personal_data existed.
	if a.PersonalData == nil && a.Seller.Business && a.Delivery.Address != "" {
		r.warn("personal_data", RulePersonalDataMissing, string(a.Jurisdiction), "")
	}
	if pd := a.PersonalData; pd != nil && pd.KeepDays < a.Evidence.KeepDays {
		r.warn("personal_data.keep_days", RulePersonalDataShort, fmt.Sprint(a.Evidence.KeepDays), fmt.Sprint(pd.KeepDays))
	}
	for _, p := range []struct {
		role string
		c    string
	}{{"seller", a.Seller.ContactCommitment}, {"buyer", a.Buyer.ContactCommitment}} {
		// Length and prefix are the field rules'; the digits are checked here.
		if len(p.c) == 71 && strings.HasPrefix(p.c, "sha256:") && !commitmentForm(p.c) {
			r.err(p.role+".contact_commitment", RuleCommitment, "", p.c)
		}
	}
	if d := a.Damages; d != nil {
		r.damages(d, moneyOK)
	}
}

// dealAmounts checks the decimals of the new amounts.
func (r *rules) dealAmounts() {
	a := r.a
	cur, ok := LookupCurrency(a.Currency)
	if !ok {
		return
	}
	check := func(path string, v Amount) {
		if v.Decimals() > cur.Decimals {
			r.err(path, RuleDecimals, fmt.Sprintf("%s:%d", cur.Code, cur.Decimals), v.String())
		}
	}
	if d := a.Damages; d != nil {
		check("damages.late_delivery_per_day", d.LateDeliveryPerDay)
		check("damages.late_payment_per_day", d.LatePaymentPerDay)
		check("damages.cap", d.Cap)
		check("damages.estimated_loss", d.EstimatedLoss)
	}
	for i, it := range a.Items {
		if g := it.GiftCard; g != nil {
			check(fmt.Sprintf("items[%d].gift_card.balance_found", i), g.BalanceFound)
		}
		if x := it.Proxy; x != nil {
			check(fmt.Sprintf("items[%d].proxy.shipping_per_kg", i), x.ShippingPerKg)
			check(fmt.Sprintf("items[%d].proxy.duty_prepaid", i), x.DutyPrepaid)
		}
	}
}

// damages checks liquidated damages: a daily rate under a cap no larger
// than the total, and the courts' power to reduce them.
func (r *rules) damages(d *Damages, moneyOK bool) {
	a := r.a
	if d.LateDeliveryPerDay.IsZero() && d.LatePaymentPerDay.IsZero() {
		r.err("damages", RuleDamagesEmpty, "", "")
	}
	if !moneyOK {
		return
	}
	cur, ok := LookupCurrency(a.Currency)
	if !ok {
		return
	}
	minor := func(v Amount) *big.Int {
		n, err := v.Minor(cur.Decimals)
		if err != nil {
			return nil
		}
		return big.NewInt(n)
	}
	t, err := a.Totals()
	if err != nil {
		return
	}
	cp := minor(d.Cap)
	if cp == nil {
		return
	}
	for _, x := range []struct {
		path string
		v    Amount
	}{{"damages.late_delivery_per_day", d.LateDeliveryPerDay}, {"damages.late_payment_per_day", d.LatePaymentPerDay}} {
		if v := minor(x.v); v != nil && v.Cmp(cp) > 0 {
			r.err(x.path, RuleDamagesOverCap, d.Cap.String(), x.v.String())
		}
	}
	total := big.NewInt(t.Total.Minor)
	if cp.Cmp(total) > 0 {
		r.warn("damages.cap", RuleDamagesOverTotal, t.Total.Format(LocaleEN), d.Cap.String())
	}
	if !d.EstimatedLoss.IsZero() {
		loss := minor(d.EstimatedLoss)
		if loss == nil {
			return
		}
		switch a.Jurisdiction {
		case JurisdictionCN:
			// cap × 100 > loss × 130
			lhs := new(big.Int).Mul(cp, big.NewInt(100))
			rhs := new(big.Int).Mul(loss, big.NewInt(100+damagesExcessPercent))
			if lhs.Cmp(rhs) > 0 {
				r.warn("damages.cap", RuleDamagesExcessive, "CN", d.Cap.String())
			}
		case JurisdictionTW, JurisdictionHK:
			if cp.Cmp(loss) > 0 {
				r.warn("damages.cap", RuleDamagesExcessive, string(a.Jurisdiction), d.Cap.String())
			}
		}
	} else if a.Jurisdiction == JurisdictionHK {
		r.warn("damages.estimated_loss", RuleDamagesExcessive, "HK:unstated", "")
	}
	if dep := a.Payment.Deposit; dep != nil && dep.Type == DepositEarnest && a.Jurisdiction == JurisdictionCN {
		r.warn("damages", RuleDamagesEarnest, "CN", "")
	}
}
