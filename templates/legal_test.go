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
	// goods-en: a business seller, 30 no-reason days, the buyer pays return
	// shipping, refund within 5 days.
	base := loadExample(t, "goods-en.yaml")
	cases := []struct {
		jur      agreement.Jurisdiction
		business bool
		locale   agreement.Locale
		want     []string
		absent   []string
	}{
		{agreement.JurisdictionTW, true, agreement.LocaleEN,
			[]string{"costs the Buyer nothing (Taiwan Consumer Protection Act art. 19)", "longer than the 7 days required by Taiwan Consumer Protection Act",
				"(sooner than the 15 days required by Taiwan Consumer Protection Act art. 19-2)"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHant,
			[]string{"無須負擔任何費用（消費者保護法第19條）", "較消費者保護法第18條至第19條所定之 7 日為長", "（較消費者保護法第19條之2所定之 15 日為短）"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHans,
			[]string{"无需承担任何费用（台湾地区“消费者保护法”第19条）", "长于台湾地区“消费者保护法”第18条至第19条规定的 7 天"}, nil},
		// Under CN the buyer bears return shipping by default (art. 25).
		{agreement.JurisdictionCN, true, agreement.LocaleEN,
			[]string{"longer than the 7 days required by PRC Consumer Rights Protection Law art. 25",
				"(sooner than the 7 days required by PRC Consumer Rights Protection Law art. 25)"}, []string{"costs the Buyer nothing"}},
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
		agreement.LocaleZHHant: {"cancel_and_refund": "買方得解除契約並請求賣方全額退款。", "partial_refund": "買方得請求雙方協議之部分退款。"},
		agreement.LocaleZHHans: {"cancel_and_refund": "买方有权解除合同并要求卖方全额退款。", "partial_refund": "买方有权要求双方协商一致的部分退款。"},
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

// TestEarnestMoneyConditions checks that earnest money is forfeited or
// returned double on the condition the assumed law sets: a default that
// defeats the contract's purpose (PRC Civil Code art. 587), a reason
// attributable to a party (Taiwan Civil Code art. 249), or, with no statute,
// failure to perform as the parties agree.
func TestEarnestMoneyConditions(t *testing.T) {
	base := loadExample(t, "secondhand-zh-Hans.yaml") // earnest money
	cases := []struct {
		jur    agreement.Jurisdiction
		locale agreement.Locale
		want   string
	}{
		{agreement.JurisdictionCN, agreement.LocaleEN, "so that the purpose of this contract cannot be achieved"},
		{agreement.JurisdictionCN, agreement.LocaleZHHans, "致使不能实现合同目的的，无权请求返还定金"},
		{agreement.JurisdictionCN, agreement.LocaleZHHant, "致不能實現契約目的者，無權請求返還定金"},
		{agreement.JurisdictionTW, agreement.LocaleEN, "for a reason attributable to the Buyer"},
		{agreement.JurisdictionTW, agreement.LocaleZHHans, "因可归责于买方的事由致使合同不能履行的"},
		{agreement.JurisdictionTW, agreement.LocaleZHHant, "因可歸責於買方之事由致契約不能履行者"},
		{agreement.JurisdictionHK, agreement.LocaleEN, "If the Buyer fails to perform this contract, the earnest money is forfeited"},
	}
	for _, c := range cases {
		a := withLocale(base, c.locale)
		a.Jurisdiction = c.jur
		if got := strings.Join(strings.Fields(execute(t, a)), " "); !strings.Contains(got, c.want) {
			t.Errorf("%s %s: missing %q", c.jur, c.locale, c.want)
		}
	}
}

// TestCancellationKeepsEarnestRules: a free cancellation right does not
// undo the earnest money (定金) rules: the party who cancels loses it or
// returns it twice over. Without an earnest deposit nothing is said.
func TestCancellationKeepsEarnestRules(t *testing.T) {
	base := loadExample(t, "secondhand-zh-Hans.yaml") // earnest 200, cancellation before shipment
	want := map[agreement.Locale]string{
		agreement.LocaleEN:     "except the earnest money: a Buyer who cancels forfeits it, and a Seller who cancels returns it twice over",
		agreement.LocaleZHHans: "但定金除外：买方解除的，定金不予返还；卖方解除的，应双倍返还定金",
		agreement.LocaleZHHant: "但定金不在此限：買方解除者，定金歸賣方所有；賣方解除者，應加倍返還定金",
	}
	only := map[agreement.Locale][2]string{ // what is said when only the buyer / only the seller may cancel
		agreement.LocaleEN:     {"except the earnest money: a Buyer who cancels forfeits it.", "except the earnest money: a Seller who cancels returns it twice over."},
		agreement.LocaleZHHans: {"但定金除外：买方解除的，定金不予返还。", "但定金除外：卖方解除的，应双倍返还定金。"},
		agreement.LocaleZHHant: {"但定金不在此限：買方解除者，定金歸賣方所有。", "但定金不在此限：賣方解除者，應加倍返還定金。"},
	}
	for l, w := range want {
		a := withLocale(base, l)
		if got := execute(t, a); !strings.Contains(got, w) {
			t.Errorf("%s: missing %q", l, w)
		}
		for i, by := range []string{"buyer", "seller"} {
			b := withLocale(base, l)
			c := *b.Cancellation
			c.By = by
			b.Cancellation = &c
			if got := execute(t, b); !strings.Contains(got, only[l][i]) {
				t.Errorf("%s, only the %s cancels: missing %q", l, by, only[l][i])
			}
		}
		p := a.Payment
		p.Deposit = nil
		if p.LatePayment == "cancel_forfeit_deposit" {
			p.LatePayment = "cancel"
		}
		a.Payment = p
		if got := execute(t, a); strings.Contains(got, w) {
			t.Errorf("%s without a deposit: has %q", l, w)
		}
	}
}

// TestPriceFixedUnlessBuyerBearsRate: the price article does not promise a
// fixed price when a proxy item puts the exchange-rate risk on the buyer.
func TestPriceFixedUnlessBuyerBearsRate(t *testing.T) {
	base := loadExample(t, "proxy_purchase-zh-Hant.yaml")
	fixed := map[agreement.Locale]string{
		agreement.LocaleEN:     "whatever happens to exchange rates",
		agreement.LocaleZHHans: "汇率或商店售价的涨跌均不影响",
		agreement.LocaleZHHant: "匯率或商店售價之漲跌均不影響",
	}
	borne := map[agreement.Locale]string{
		agreement.LocaleEN:     "for the items whose proxy purchase terms put it on the Buyer",
		agreement.LocaleZHHans: "代购条款约定由买方承担汇率变动的商品",
		agreement.LocaleZHHant: "代購條款約定由買方承擔匯率變動之商品",
	}
	for l := range fixed {
		a := withLocale(base, l)
		got := execute(t, a)
		if !strings.Contains(got, fixed[l]) || strings.Contains(got, borne[l]) {
			t.Errorf("%s, seller bears the rate: want %q only", l, fixed[l])
		}
		items := append([]agreement.Item(nil), a.Items...)
		for i := range items {
			if items[i].Proxy != nil {
				p := *items[i].Proxy
				p.FXChangeBorneBy = "buyer"
				items[i].Proxy = &p
			}
		}
		a.Items = items
		got = execute(t, a)
		if strings.Contains(got, fixed[l]) || !strings.Contains(got, borne[l]) {
			t.Errorf("%s, buyer bears the rate: want %q only", l, borne[l])
		}
	}
}
