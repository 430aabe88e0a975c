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

// renderEdited returns the contract of example name in locale l after edit.
func renderEdited(t *testing.T, name string, l agreement.Locale, edit func(a *agreement.Agreement)) string {
	t.Helper()
	a := withLocale(loadExample(t, name), l)
	edit(a)
	return strings.Join(strings.Fields(execute(t, a)), " ")
}

// TestConsumerRightsReserved checks issue 14's law items 2 and 8: a
// business seller's contract with a consumer reserves the consumer's
// statutory rights under the jurisdiction's law, in every locale; a deal
// between businesses, or with a private seller, gets no consumer-law
// sentences at all (the no-reason return is then the parties' own term).
func TestConsumerRightsReserved(t *testing.T) {
	want := map[agreement.Jurisdiction]map[agreement.Locale]string{
		agreement.JurisdictionCN: {
			agreement.LocaleEN:     "refund plus compensation of three times the price, at least ¥500 (art. 55); standard terms that exclude or limit them are void (art. 26).",
			agreement.LocaleZHHans: "以格式条款排除或者限制上述权利的，其内容无效（第二十六条）。",
			agreement.LocaleZHHant: "以格式條款排除或限制上述權利者，其內容無效（第26條）。",
		},
		agreement.JurisdictionTW: {
			agreement.LocaleEN:     "clearly unfair to the consumer are void (Consumer Protection Act art. 12).",
			agreement.LocaleZHHans: "对消费者显失公平的，无效（台湾地区“消费者保护法”第12条）。",
			agreement.LocaleZHHant: "對消費者顯失公平者，無效（消費者保護法第12條）。",
		},
		agreement.JurisdictionHK: {
			agreement.LocaleEN:     "cannot be excluded or restricted against the Buyer (Control of Exemption Clauses Ordinance, Cap. 71, s. 11).",
			agreement.LocaleZHHans: "不得对作为消费者的买方免除或限制（香港《管制免责条款条例》（第71章）第11条）。",
			agreement.LocaleZHHant: "不得對作為消費者之買方免除或限制（香港《管制免責條款條例》（第71章）第11條）。",
		},
	}
	for j, byLocale := range want {
		for l, sentence := range byLocale {
			consumer := renderEdited(t, "goods-en.yaml", l, func(a *agreement.Agreement) { a.Jurisdiction = j })
			if !strings.Contains(consumer, sentence) {
				t.Errorf("%s %s: the consumer's rights are not reserved: missing %q", j, l, sentence)
			}
			b2b := renderEdited(t, "goods-en.yaml", l, func(a *agreement.Agreement) { a.Jurisdiction, a.Buyer.Business = j, true })
			private := renderEdited(t, "goods-en.yaml", l, func(a *agreement.Agreement) { a.Jurisdiction, a.Seller.Business = j, false })
			for what, text := range map[string]string{"B2B": b2b, "private seller": private} {
				if strings.Contains(text, sentence) {
					t.Errorf("%s %s %s: consumer rights reserved although consumer law does not apply", j, l, what)
				}
				for _, statute := range []string{"Consumer Rights Protection Law art. 25", "Consumer Protection Act arts. 18–19", "消费者权益保护法》第二十五条", "消費者保護法第18條至第19條"} {
					if strings.Contains(text, statute) {
						t.Errorf("%s %s %s: cites the consumer no-reason return %q", j, l, what, statute)
					}
				}
			}
		}
	}
}

// TestArbitrationWording checks law item 1: arbitration is offered as the
// forum, never "arbitration or court", and a Hong Kong consumer is told
// that the arbitration clause binds only with written consent given after
// the dispute arises.
func TestArbitrationWording(t *testing.T) {
	arb := func(a *agreement.Agreement) { a.Dispute.Steps = []string{"negotiation", "arbitration"} }
	for l, want := range map[agreement.Locale]string{
		agreement.LocaleZHHans: "争议提交杭州互联网法院仲裁。",
		agreement.LocaleZHHant: "爭議提交杭州互聯網法院仲裁。",
		agreement.LocaleEN:     "A dispute is referred to arbitration by 杭州互联网法院.",
	} {
		got := renderEdited(t, "goods-zh-Hans.yaml", l, func(a *agreement.Agreement) {
			arb(a)
			if l == agreement.LocaleZHHant {
				a.Dispute.Venue = "杭州互聯網法院"
			}
		})
		if !strings.Contains(got, want) || strings.Contains(got, "受理仲裁或管辖") || strings.Contains(got, "Court or arbitration") {
			t.Errorf("%s: arbitration clause: want %q", l, want)
		}
		if strings.Contains(got, "Cap. 71, s. 15") || strings.Contains(got, "第15条") {
			t.Errorf("%s: a CN contract explains HK consumer arbitration", l)
		}
	}
	hk := renderEdited(t, "proxy_purchase-en.yaml", agreement.LocaleEN, arb)
	if !strings.Contains(hk, "binds the Buyer only if the Buyer agrees in writing, after a dispute has arisen, to have it arbitrated (Control of Exemption Clauses Ordinance, Cap. 71, s. 15).") {
		t.Error("HK consumer arbitration not explained")
	}
	b2b := renderEdited(t, "proxy_purchase-en.yaml", agreement.LocaleEN, func(a *agreement.Agreement) { arb(a); a.Buyer.Business = true })
	if strings.Contains(b2b, "s. 15") {
		t.Error("HK arbitration between businesses explained as a consumer's")
	}
}

// TestElectronicSignatureClaims checks law item 3: the clause says what
// the parties agree and what the law presumes, no more: no E-Commerce Law
// art. 50 (a duty of operators), reliability stated as a condition under
// CN, and under TW the 2024 Act's equivalence distinguished from the
// presumption that only certificate-based 數位簽章 get.
func TestElectronicSignatureClaims(t *testing.T) {
	for _, c := range []struct {
		jur          agreement.Jurisdiction
		l            agreement.Locale
		want, absent []string
	}{
		{agreement.JurisdictionCN, agreement.LocaleZHHans, []string{"符合该法第十三条规定条件的可靠的电子签名", "（第十四条）；是否符合该条件，依事实认定。"}, []string{"电子商务法", "具有同等法律效力（"}},
		{agreement.JurisdictionCN, agreement.LocaleEN, []string{"a reliable electronic signature, one that meets the conditions of the Electronic Signature Law art. 13"}, []string{"E-Commerce Law"}},
		{agreement.JurisdictionTW, agreement.LocaleZHHant, []string{"電子簽章法（2024年修正）", "（第4條）", "推定為簽署人本人所為（第6條），本契約之確認非屬此類簽章"}, []string{"第4條至第5條"}},
		{agreement.JurisdictionTW, agreement.LocaleEN, []string{"as amended in 2024", "is presumed to be the signer's own (art. 6), and these confirmations are not such signatures"}, nil},
		{agreement.JurisdictionHK, agreement.LocaleEN, []string{"The parties agree that, between them, these confirmations have the effect of handwritten signatures."}, []string{"art."}},
	} {
		got := renderEdited(t, "goods-en.yaml", c.l, func(a *agreement.Agreement) { a.Jurisdiction = c.jur })
		i := strings.Index(got, map[agreement.Locale]string{agreement.LocaleEN: "Electronic form", agreement.LocaleZHHans: "电子形式", agreement.LocaleZHHant: "電子形式"}[c.l])
		j := strings.Index(got, map[agreement.Locale]string{agreement.LocaleEN: "Disputes", agreement.LocaleZHHans: "争议解决", agreement.LocaleZHHant: "爭議處理"}[c.l])
		if i < 0 || j < i {
			t.Fatalf("%s %s: no electronic-form article", c.jur, c.l)
		}
		article := got[i:j]
		for _, w := range c.want {
			if !strings.Contains(article, w) {
				t.Errorf("%s %s: missing %q in %q", c.jur, c.l, w, article)
			}
		}
		for _, w := range c.absent {
			if strings.Contains(article, w) {
				t.Errorf("%s %s: has %q", c.jur, c.l, w)
			}
		}
	}
}

// TestTaiwanCoolingOffAndExceptions checks law items 5 and 9: in a TW
// consumer sale the buyer's statutory cancellation costs nothing even with
// earnest money, and the exceptions to the 7-day rule cite the rules that
// list them.
func TestTaiwanCoolingOffAndExceptions(t *testing.T) {
	got := renderEdited(t, "goods-zh-Hant.yaml", agreement.LocaleZHHant, func(a *agreement.Agreement) { a.Payment.Deposit.Type = "earnest" })
	if !strings.Contains(got, "買方解除者，定金歸賣方所有，但買方依消費者保護法第19條解除者，無須負擔任何費用") {
		t.Error("TW consumer: the earnest forfeit is not limited by CPA art. 19")
	}
	if got := renderEdited(t, "proxy_purchase-zh-Hant.yaml", agreement.LocaleZHHant, func(*agreement.Agreement) {}); !strings.Contains(got, "不在此限（通訊交易解除權合理例外情事適用準則第2條）") {
		t.Error("TW exclusions do not cite 通訊交易解除權合理例外情事適用準則")
	}
	private := renderEdited(t, "goods-zh-Hant.yaml", agreement.LocaleZHHant, func(a *agreement.Agreement) {
		a.Payment.Deposit.Type = "earnest"
		a.Seller.Business = false
	})
	if strings.Contains(private, "第19條解除者") || strings.Contains(private, "適用準則") {
		t.Error("a private TW seller's contract cites consumer law")
	}
}

// TestGiftCardWithoutExpiry checks law item 10: a card may have no expiry
// date, and the contract then says what the jurisdiction's rules on
// prepaid cards say.
func TestGiftCardWithoutExpiry(t *testing.T) {
	for l, want := range map[agreement.Locale]string{
		agreement.LocaleZHHant: "- 未載明使用期限（依零售業等商品（服務）禮券定型化契約應記載及不得記載事項，多數禮券不得記載使用期限）",
		agreement.LocaleZHHans: "- 未载明有效期（依台湾地区“零售业等商品（服务）礼券定型化契约应记载及不得记载事项”，多数礼券不得记载使用期限）",
		agreement.LocaleEN:     "- No expiry date is stated (under Taiwan's rules on gift certificates",
	} {
		a := withLocale(loadExample(t, "gift_card-zh-Hant.yaml"), l)
		if md := execute(t, a); !strings.Contains(md, want) {
			t.Errorf("%s: missing %q", l, want)
		}
	}
}

// TestTransitRisk checks law item 6: every shipped contract says who bears
// loss in transit, by the jurisdiction's rule unless the terms agree it,
// and a CN consumer sale keeps the seller's risk (E-Commerce Law art. 20)
// unless the buyer chose the carrier.
func TestTransitRisk(t *testing.T) {
	cases := []struct {
		name, file string
		l          agreement.Locale
		edit       func(a *agreement.Agreement)
		want       string
	}{
		{"CN consumer", "goods-zh-Hans.yaml", agreement.LocaleZHHans, func(*agreement.Agreement) {},
			"商品交付买方前毁损、灭失的风险由卖方承担（《中华人民共和国电子商务法》第二十条）。"},
		{"CN consumer, loss put on the buyer", "goods-zh-Hans.yaml", agreement.LocaleZHHans, func(a *agreement.Agreement) { a.Delivery.LossBorneBy = "buyer" },
			"商品交付买方前毁损、灭失的风险由卖方承担（《中华人民共和国电子商务法》第二十条）。"},
		{"CN consumer chose the carrier", "goods-zh-Hans.yaml", agreement.LocaleZHHans, func(a *agreement.Agreement) { a.Delivery.CarrierChosenBy = "buyer" },
			"承运人由买方另行选择，卖方将商品交付该承运人后，运输途中商品毁损、灭失的风险由买方承担（《中华人民共和国电子商务法》第二十条）。"},
		{"CN private sale", "secondhand-zh-Hans.yaml", agreement.LocaleZHHans, func(*agreement.Agreement) {},
			"卖方将商品交付承运人后，运输途中商品毁损、灭失的风险由买方承担（《中华人民共和国民法典》第六百零七条）。"},
		{"TW goods", "goods-zh-Hant.yaml", agreement.LocaleZHHant, func(*agreement.Agreement) {},
			"買方請求將商品送交清償地以外之處所者，自賣方交付商品於運送人時起，危險由買方負擔（民法第374條）。"},
		{"agreed", "goods-en.yaml", agreement.LocaleEN, func(*agreement.Agreement) {},
			"Loss of or damage to the goods in transit is borne by the Seller."},
	}
	for _, c := range cases {
		if got := renderEdited(t, c.file, c.l, c.edit); !strings.Contains(got, c.want) {
			t.Errorf("%s: missing %q", c.name, c.want)
		}
	}
	inPerson := renderEdited(t, "secondhand-zh-Hant.yaml", agreement.LocaleZHHant, func(*agreement.Agreement) {})
	if strings.Contains(inPerson, "第374條") {
		t.Error("an in-person handover states the transit-risk rule")
	}
	// A proxy purchase whose items say who bears loss in transit gets no
	// general rule that could contradict them.
	proxy := renderEdited(t, "proxy_purchase-zh-Hans.yaml", agreement.LocaleZHHans, func(*agreement.Agreement) {})
	if !strings.Contains(proxy, "运输途中丢失或被海关扣押的损失由卖方承担") || strings.Contains(proxy, "第六百零七条") {
		t.Error("proxy purchase: the item's transit-loss term is contradicted by the general rule")
	}
}
