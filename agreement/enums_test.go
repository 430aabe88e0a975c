package agreement_test

import (
	"slices"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func TestAllowedValues(t *testing.T) {
	for _, c := range []struct {
		path string
		enum agreement.Enum
		want []string
	}{
		{"kind", agreement.EnumKind, []string{"goods", "secondhand", "proxy_purchase", "gift_card"}},
		{"items[3].condition", agreement.EnumCondition, []string{"new", "like_new", "good", "fair", "poor"}},
		{"items.proxy.duty_paid_by", agreement.EnumParty, []string{"seller", "buyer"}},
		{"refund.remedies.late_delivery", agreement.EnumRemedy, []string{"cancel_and_refund", "partial_refund"}},
		{"refund.exclusions[2]", agreement.EnumExclusion, agreement.EnumExclusion.Values()},
		{"dispute.steps", agreement.EnumDisputeStep, agreement.EnumDisputeStep.Values()},
		{"dispute.governing_law", agreement.EnumJurisdiction, []string{"CN", "TW", "HK", "other"}},
	} {
		e, got, ok := agreement.AllowedValues(c.path)
		if !ok || e != c.enum || !slices.Equal(got, c.want) {
			t.Errorf("AllowedValues(%q) = %q, %q, %v; want %q, %q", c.path, e, got, ok, c.enum, c.want)
		}
	}
	for _, p := range []string{"", "items[0].name", "seller", "nosuch", "items[0].condition.x", "kind.x"} {
		if e, v, ok := agreement.AllowedValues(p); ok {
			t.Errorf("AllowedValues(%q) = %q, %q, true; want not enumerated", p, e, v)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, c := range []struct {
		e    agreement.Enum
		v    string
		l    agreement.Locale
		want string
	}{
		{agreement.EnumCondition, agreement.ConditionLikeNew, agreement.LocaleEN, "Like new"},
		{agreement.EnumCondition, agreement.ConditionLikeNew, agreement.LocaleZHHans, "几乎全新"},
		{agreement.EnumCondition, agreement.ConditionLikeNew, agreement.LocaleZHHant, "近全新"},
		{agreement.EnumPaymentMethod, agreement.MethodCashOnDelivery, agreement.LocaleZHHant, "貨到付款"},
		{agreement.EnumDisputeStep, agreement.StepCourt, "fr", "Court"},
	} {
		if got, ok := c.e.Label(c.v, c.l); !ok || got != c.want {
			t.Errorf("%s.Label(%q, %s) = %q, %v; want %q", c.e, c.v, c.l, got, ok, c.want)
		}
	}
	if got, ok := agreement.EnumCondition.Label("mint", agreement.LocaleEN); ok || got != "mint" {
		t.Errorf("unknown value: %q, %v", got, ok)
	}
	for _, c := range []struct {
		path string
		l    agreement.Locale
		want string
	}{
		{"date", agreement.LocaleEN, "Agreement date"},
		{"items[1].unit_price", agreement.LocaleEN, "Items 2 › Unit price"},
		{"items[1].unit_price", agreement.LocaleZHHans, "商品 2 › 单价"},
		{"payment.deposit.due", agreement.LocaleZHHant, "付款 › 定金或預付款 › 到期日"},
		{"refund.exclusions[0]", agreement.LocaleEN, "Returns and refunds › Excluded from return without reason 1"},
		{"seller.nosuch", agreement.LocaleEN, "Seller › nosuch"},
		{"", agreement.LocaleEN, ""},
	} {
		if got := agreement.FieldLabel(c.path, c.l); got != c.want {
			t.Errorf("FieldLabel(%q, %s) = %q; want %q", c.path, c.l, got, c.want)
		}
	}
}

// A date-order finding names the other field by its label, and a refused
// enum value names every choice by its label and its key.
func TestReadableMessages(t *testing.T) {
	a, err := agreement.Load("../examples/terms/goods-zh-Hans.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a.Payment.Due = agreement.MustDate("2000-01-01")
	a.Dispute.GoverningLaw = agreement.JurisdictionTW
	a.Items[0].Condition = "mint"
	want := map[string][3]string{
		"payment.due": {
			`"2000-01-01" is before the agreement date (` + a.Date.String() + `)`,
			`"2000-01-01" 早于 约定日期（` + a.Date.String() + `）`,
			`"2000-01-01" 早於 約定日期（` + a.Date.String() + `）`,
		},
		"dispute.governing_law": {
			`the governing law "Taiwan (TW)" is not the jurisdiction Mainland China (CN) the terms assume; the contract's legal notes follow jurisdiction`,
			`适用法律 "台湾（TW）" 与条款所依据的法域 中国大陆（CN） 不同；合同中的法律说明以 jurisdiction 为准`,
			`準據法 "臺灣（TW）" 與條款所依據的法域 中國大陸（CN） 不同；契約中的法律說明以 jurisdiction 為準`,
		},
		"items[0].condition": {
			`"mint" is not one of the choices: New (new), Like new (like_new), Good (good), Fair (fair), Poor (poor)`,
			`"mint" 不是可选的值，请选择：全新（new）、几乎全新（like_new）、良好（good）、一般（fair）、较差（poor）`,
			`"mint" 不是可選的值，請選擇：全新（new）、近全新（like_new）、良好（good）、普通（fair）、較差（poor）`,
		},
	}
	seen := 0
	for _, f := range a.Validate() {
		w, ok := want[f.Path]
		if !ok {
			continue
		}
		seen++
		for i, l := range agreement.Locales {
			if got := f.Message(l); got != w[i] {
				t.Errorf("%s %s: %q\nwant %q", f.Path, l, got, w[i])
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d findings", seen, len(want))
	}
}
