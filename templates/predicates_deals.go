package templates

import (
	"fmt"
	"math/big"
	"time"

	"github.com/tradepact/tradepact/agreement"
)

// The predicates of the terms of issue 15. Like those of predicates.go
// they decide, once for every language, which sentences a contract holds;
// each returns a word that names a catalog entry's variant.

// lawOf returns the jurisdiction when it is one of those the entries
// named prefix.CN, prefix.TW, prefix.HK cover, else "other".
func (v *view) lawOf(covered ...agreement.Jurisdiction) string {
	for _, j := range covered {
		if v.Jurisdiction == j {
			return string(j)
		}
	}
	return "other"
}

// DamagesLaw selects the sentence on a court's power over liquidated
// damages: CN (Civil Code art. 585), TW (Civil Code art. 252), HK (the
// penalty rule: a genuine pre-estimate), other.
func (v *view) DamagesLaw() string {
	return v.lawOf(agreement.JurisdictionCN, agreement.JurisdictionTW, agreement.JurisdictionHK)
}

// DamagesEarnest reports whether the contract says that earnest money and
// liquidated damages cannot both be claimed (PRC Civil Code art. 588).
func (v *view) DamagesEarnest() bool {
	return v.Damages != nil && v.Jurisdiction == agreement.JurisdictionCN && v.EarnestMoney()
}

// ForceMajeureLaw selects the citation of force majeure: CN (Civil Code
// arts. 180, 590), TW (Civil Code art. 225), other (the parties' agreement).
func (v *view) ForceMajeureLaw() string {
	return v.lawOf(agreement.JurisdictionCN, agreement.JurisdictionTW)
}

// PersonalDataLaw selects the citation of the personal-data clause: CN
// (PIPL), TW (個人資料保護法), HK (Cap. 486), other.
func (v *view) PersonalDataLaw() string {
	return v.lawOf(agreement.JurisdictionCN, agreement.JurisdictionTW, agreement.JurisdictionHK)
}

// OfferTime writes offer_expires for people: "2026-11-21 23:59 (UTC+08:00)".
func (v *view) OfferTime() string {
	t, err := time.Parse(time.RFC3339, v.OfferExpires)
	if err != nil {
		return v.OfferExpires
	}
	return t.Format("2006-01-02 15:04") + " (UTC" + t.Format("-07:00") + ")"
}

// EscrowFromShipment reports whether the automatic release counts from
// shipment.
func (v *view) EscrowFromShipment() bool {
	e := v.Payment.Escrow
	return e != nil && e.AutoReleaseDays > 0 && e.From == agreement.FromShipment
}

// perUnit is the gift-card refund for missing balance, printed as amounts.
type perUnit struct {
	Step     agreement.Money // a round amount of missing balance
	Refund   agreement.Money // refunded for each Step
	Rounded  bool            // Refund is rounded to the minor unit
	Found    agreement.Money // the balance found, once recorded
	Amount   agreement.Money // the refund for it
	HasFound bool
}

// ShortfallRefund returns the refund per unit of missing balance of a
// card line: the sale price ÷ the stated balance, for each 100 units of
// the currency (a whole amount in every currency), rounded half up to the
// minor unit; and, once balance_found records a shortfall, the refund as
// an amount (price × shortfall ÷ balance, rounded the same way).
func (v *view) ShortfallRefund(l line) (*perUnit, error) {
	g := l.GiftCard
	cur := v.T.Currency
	bal, err := cur.Money(g.Balance)
	if err != nil || bal.Minor <= 0 {
		return nil, fmt.Errorf("templates: items[%d].gift_card.balance: no balance to divide by", l.No-1)
	}
	stepMinor := int64(100)
	for range cur.Decimals {
		stepMinor *= 10
	}
	price := l.Unit.Minor
	q, rounded := divRound(big.NewInt(price), big.NewInt(stepMinor), big.NewInt(bal.Minor))
	out := &perUnit{Step: agreement.Money{Minor: stepMinor, Currency: cur}, Refund: agreement.Money{Minor: q, Currency: cur}, Rounded: rounded}
	if !g.BalanceFound.IsZero() {
		found, err := cur.Money(g.BalanceFound)
		if err != nil {
			return nil, fmt.Errorf("templates: items[%d].gift_card.balance_found: %w", l.No-1, err)
		}
		if found.Minor < bal.Minor {
			a, _ := divRound(big.NewInt(price), big.NewInt(bal.Minor-found.Minor), big.NewInt(bal.Minor))
			out.Found, out.Amount, out.HasFound = found, agreement.Money{Minor: a, Currency: cur}, true
		}
	}
	return out, nil
}

// divRound returns a×b÷c rounded half up, and whether it was rounded.
func divRound(a, b, c *big.Int) (int64, bool) {
	n := new(big.Int).Mul(a, b)
	q, r := new(big.Int).QuoRem(n, c, new(big.Int))
	if r.Sign() == 0 {
		return q.Int64(), false
	}
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(c) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64(), true
}

// lineContext is a line with the view, for a template called inside a
// range, where $ is no longer the view.
type lineContext struct {
	V *view
	L line
}

// With pairs a line with the view.
func (v *view) With(l line) lineContext { return lineContext{V: v, L: l} }
