package templates_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestNoReasonReturnLaw checks the statements about the statutory
// no-reason return: they are made for a business seller only, under the
// jurisdiction whose statute gives the right, and a longer window is not
// presented as the statutory one.
func TestNoReasonReturnLaw(t *testing.T) {
	// goods-en: a business seller, 30 no-reason days, the buyer pays return shipping.
	base := loadExample(t, "goods-en.yaml")
	cases := []struct {
		jur      agreement.Jurisdiction
		business bool
		locale   agreement.Locale
		want     []string
		absent   []string
	}{
		{agreement.JurisdictionTW, true, agreement.LocaleEN,
			[]string{"costs the Buyer nothing (Taiwan Consumer Protection Act art. 19)", "longer than the 7 days required by Taiwan Consumer Protection Act"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHant,
			[]string{"無須負擔任何費用（消費者保護法第19條）", "較消費者保護法第18條至第19條所定之 7 日為長"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHans,
			[]string{"无需承担任何费用（台湾地区“消费者保护法”第19条）", "长于台湾地区“消费者保护法”第18条至第19条规定的 7 天"}, nil},
		// Under CN the buyer bears return shipping by default (art. 25).
		{agreement.JurisdictionCN, true, agreement.LocaleEN,
			[]string{"longer than the 7 days required by PRC Consumer Rights Protection Law art. 25"}, []string{"costs the Buyer nothing"}},
		// A private seller is not bound: no statute is cited.
		{agreement.JurisdictionTW, false, agreement.LocaleEN,
			nil, []string{"costs the Buyer nothing", "Consumer Protection Act arts. 18–19"}},
		{agreement.JurisdictionHK, true, agreement.LocaleEN,
			nil, []string{"costs the Buyer nothing", "required by"}},
	}
	for _, c := range cases {
		a := withLocale(base, c.locale)
		a.Jurisdiction = c.jur
		seller := a.Seller
		seller.Business = c.business
		a.Seller = seller
		got := execute(t, a)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s business=%v %s: missing %q", c.jur, c.business, c.locale, w)
			}
		}
		for _, w := range c.absent {
			if strings.Contains(got, w) {
				t.Errorf("%s business=%v %s: has %q", c.jur, c.business, c.locale, w)
			}
		}
	}
}

// TestLateDeliveryRemedyGrammar checks that the late-delivery sentence
// reads as a claim whichever remedy the terms choose: "cancel_and_refund"
// is a verb phrase, the others are things the buyer asks for.
func TestLateDeliveryRemedyGrammar(t *testing.T) {
	want := map[agreement.Locale]map[string]string{
		agreement.LocaleZHHant: {"cancel_and_refund": "買方得解除契約並全額退款。", "partial_refund": "買方得請求雙方協議之部分退款。"},
		agreement.LocaleZHHans: {"cancel_and_refund": "买方有权解除合同并全额退款。", "partial_refund": "买方有权要求双方协商一致的部分退款。"},
		agreement.LocaleEN:     {"cancel_and_refund": "the Buyer is entitled to cancel the contract with a full refund.", "partial_refund": "the Buyer is entitled to a partial refund agreed between the parties."},
	}
	for l, byRemedy := range want {
		for remedy, sentence := range byRemedy {
			a := withLocale(loadExample(t, "goods-en.yaml"), l)
			r := a.Refund
			r.Remedies.LateDelivery = remedy
			a.Refund = r
			if got := strings.Join(strings.Fields(execute(t, a)), " "); !strings.Contains(got, sentence) {
				t.Errorf("%s %s: missing %q", l, remedy, sentence)
			}
		}
	}
}
