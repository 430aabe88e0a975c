package agreement

import (
	"fmt"
	"slices"
)

// The rules of this file keep a contract from stating or allowing what the
// law voids (DOMAIN.md §4). Two are errors, refused for every new
// proposal: court and arbitration offered together, and remedies below
// the statutory floor offered by a business to a consumer. The others are
// warnings. Neither kind is applied again to a contract already made:
// confirm's Verify checks what was signed, not today's rules, so a contract
// confirmed before a rule existed still verifies.

// consumerSale reports whether consumer law governs the deal: a business
// seller and a buyer who does not buy as a business (PRC Consumer Rights
// Protection Law art. 2, Taiwan Consumer Protection Act art. 2).
func (a *Agreement) consumerSale() bool { return a.Seller.Business && !a.Buyer.Business }

// consumerLawJurisdiction reports whether the jurisdiction has a consumer
// statute the rules know: CN, TW or HK.
func consumerLawJurisdiction(j Jurisdiction) bool {
	return j == JurisdictionCN || j == JurisdictionTW || j == JurisdictionHK
}

// below the statutory floor: a partial refund, agreed case by case, in
// place of the return, replacement or repair the law gives a consumer
// for goods that are not as described or defective.
var belowFloor = map[string]bool{"partial_refund": true}

func (r *rules) law() {
	a := r.a
	steps := a.Dispute.Steps
	if slices.Contains(steps, "court") && slices.Contains(steps, "arbitration") {
		r.err("dispute.steps", RuleCourtOrArbitration, string(a.Jurisdiction), "")
	}
	if slices.Contains(steps, "arbitration") && a.Jurisdiction == JurisdictionHK && a.consumerSale() {
		r.warn("dispute.steps", RuleConsumerArbitration, string(a.Jurisdiction), "")
	}
	for i, s := range steps {
		if s == "consumer_association" && !a.consumerSale() {
			r.warn(fmt.Sprintf("dispute.steps[%d]", i), RuleConsumerAssociation, "", s)
		}
	}
	if a.consumerSale() && consumerLawJurisdiction(a.Jurisdiction) {
		rem := a.Refund.Remedies
		if belowFloor[rem.NotAsDescribed] {
			r.err("refund.remedies.not_as_described", RuleRemedyBelowStatute, string(a.Jurisdiction), rem.NotAsDescribed)
		}
		if belowFloor[rem.Defective] {
			r.err("refund.remedies.defective", RuleRemedyBelowStatute, string(a.Jurisdiction), rem.Defective)
		}
		if au := a.Authenticity; au != nil && !au.Guaranteed {
			r.warn("authenticity.guaranteed", RuleAuthenticityDisclaimed, string(a.Jurisdiction), "false")
		}
	}
	if d := a.Payment.Deposit; d != nil && d.Type == DepositEarnest {
		if a.Jurisdiction == JurisdictionHK {
			r.warn("payment.deposit.type", RuleEarnestHK, "", d.Type)
		}
		if a.Jurisdiction == JurisdictionTW && a.consumerSale() && a.Cancellation != nil && a.Cancellation.By != "seller" {
			r.warn("cancellation", RuleEarnestCoolingOff, "", "")
		}
	}
	for i, it := range a.Items {
		g := it.GiftCard
		if g == nil {
			continue
		}
		p := fmt.Sprintf("items[%d].gift_card", i)
		switch {
		case g.Expires.IsZero():
		case a.Jurisdiction == JurisdictionCN && g.CardType == "registered":
			r.warn(p+".expires", RuleCardExpiryLaw, "CN:registered", g.Expires.String())
		case a.Jurisdiction == JurisdictionCN && g.CardType == "anonymous" && !a.Date.IsZero() && g.Expires.Before(Date{Year: a.Date.Year + 3, Month: a.Date.Month, Day: a.Date.Day}):
			r.warn(p+".expires", RuleCardExpiryLaw, "CN:anonymous", g.Expires.String())
		case a.Jurisdiction == JurisdictionTW:
			r.warn(p+".expires", RuleCardExpiryLaw, "TW", g.Expires.String())
		}
	}
	if a.Jurisdiction == JurisdictionCN && a.consumerSale() && a.Delivery.Method == DeliveryShipping && a.Delivery.CarrierChosenBy != PaidByBuyer {
		if a.Delivery.LossBorneBy == PaidByBuyer {
			r.warn("delivery.loss_borne_by", RuleTransitRiskConsumer, "", a.Delivery.LossBorneBy)
		}
		for i, it := range a.Items {
			if it.Proxy != nil && it.Proxy.LossBorneBy == PaidByBuyer {
				r.warn(fmt.Sprintf("items[%d].proxy.loss_borne_by", i), RuleTransitRiskConsumer, "", it.Proxy.LossBorneBy)
			}
		}
	}
	if a.Kind == KindGiftCard && a.Refund.Remedies.InvalidCard == "" {
		r.warn("refund.remedies", RuleInvalidCardMissing, "", "")
	}
}
