package agreement_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// proxyAgreement is a realistic 代購 agreement in CNY: two items bought in
// Japan with service fees, shipping, and an earnest-money deposit.
func proxyAgreement() *agreement.Agreement {
	return &agreement.Agreement{
		Version:      1,
		ID:           "TP-2026-000456",
		Kind:         agreement.KindProxyPurchase,
		Locale:       agreement.LocaleZHHans,
		Jurisdiction: agreement.JurisdictionCN,
		Date:         agreement.MustDate("2026-11-20"),
		Platform:     &agreement.Platform{Name: "小红书", OrderID: "XHS-88172"},
		Seller:       agreement.Party{Name: "陈晓东", Account: "xhs:chen_jp_daigou", Contact: "+86 138 0013 8000", Business: true},
		Buyer:        agreement.Party{Name: "周敏", Account: "xhs:zhoumin", Contact: "zhoumin@example.com"},
		Currency:     "CNY",
		Items: []agreement.Item{
			{
				Name: "资生堂红腰子精华 50ml", Description: "日本免税店购买，全新未拆封", Quantity: 2,
				UnitPrice: agreement.MustAmount("455.50"),
				Proxy: &agreement.Proxy{Store: "Shiseido Ginza", PurchaseProof: "免税店小票照片",
					ServiceFee: agreement.MustAmount("40"), StorePrice: agreement.MustAmount("9900"), StoreCurrency: "JPY",
					FXRate: "0.046", FXFixedOn: agreement.MustDate("2026-11-20"), FXChangeBorneBy: "seller", DutyPaidBy: "buyer",
					LossBorneBy: "seller", IfUnavailable: "full_refund"},
			},
			{
				Name: "白色恋人 36枚装", Quantity: 3, UnitPrice: agreement.MustAmount("128"),
				Proxy: &agreement.Proxy{Store: "新千岁机场", ServiceFee: agreement.MustAmount("15.5")},
			},
		},
		ShippingFee: agreement.MustAmount("38"),
		Payment: agreement.Payment{
			Method:      agreement.MethodBankTransfer,
			Due:         agreement.MustDate("2026-11-21"),
			Deposit:     &agreement.Deposit{Type: agreement.DepositEarnest, Amount: agreement.MustAmount("200"), Due: agreement.MustDate("2026-11-20")},
			LatePayment: "cancel_forfeit_deposit",
		},
		Delivery:   agreement.Delivery{Method: agreement.DeliveryShipping, Deadline: agreement.MustDate("2026-12-10"), ShippingPaidBy: "buyer", Tracking: true, Carrier: "顺丰"},
		Inspection: &agreement.Inspection{Days: 3},
		Refund: agreement.Refund{NoReasonDays: 7, Exclusions: []string{"unsealed_digital"}, ExclusionsAcknowledged: true,
			ReturnShippingPaidBy: "buyer", RefundWithinDays: 7,
			Remedies: agreement.Remedies{NotAsDescribed: "full_refund", Counterfeit: "refund_and_compensation", LateDelivery: "cancel_and_refund"}},
		Cancellation: &agreement.Cancellation{Before: "purchase", By: "either", Refund: "full"},
		Authenticity: &agreement.Authenticity{Guaranteed: true, Proof: "购买小票", Remedy: "refund_and_compensation"},
		Dispute:      agreement.Dispute{Steps: []string{"negotiation", "platform", "court"}, GoverningLaw: agreement.JurisdictionCN, Venue: "上海市浦东新区人民法院"},
		Evidence:     agreement.Evidence{KeepDays: 180},
		Clauses:      []agreement.Clause{{Title: "其他约定", Text: "买家确认已了解代购商品无法享受国内专柜保修。"}},
	}
}

func TestTotals(t *testing.T) {
	a := proxyAgreement()
	tot, err := a.Totals()
	if err != nil {
		t.Fatal(err)
	}
	cny := cur(t, "CNY")
	// Worked by hand: 2 × 455.50 + 40 = 951.00; 3 × 128 + 15.50 = 399.50;
	// subtotal 1,350.50; + shipping 38 = 1,388.50; − deposit 200 = 1,188.50.
	want := map[string]string{
		"line 0": "¥951.00", "line 1": "¥399.50",
		"price 0": "¥911.00", "price 1": "¥384.00",
		"fee 0": "¥40.00", "fee 1": "¥15.50",
		"service fees": "¥55.50", "subtotal": "¥1,350.50", "shipping": "¥38.00",
		"total": "¥1,388.50", "deposit": "¥200.00", "balance": "¥1,188.50",
	}
	got := map[string]agreement.Money{
		"line 0": tot.Line(0), "line 1": tot.Lines[1],
		"price 0": tot.Prices[0], "price 1": tot.Prices[1],
		"fee 0": tot.Fees[0], "fee 1": tot.Fees[1],
		"service fees": tot.ServiceFees, "subtotal": tot.Subtotal, "shipping": tot.Shipping,
		"total": tot.Total, "deposit": tot.Deposit, "balance": tot.BalanceDue,
	}
	for k, w := range want {
		m := got[k]
		if m.Currency != cny || m.Format(agreement.LocaleZHHans) != w {
			t.Errorf("%s = %s (%s), want %s", k, m.Format(agreement.LocaleZHHans), m.Currency.Code, w)
		}
	}
	if tot.Currency != cny || len(tot.Lines) != 2 {
		t.Errorf("currency %v, %d lines", tot.Currency, len(tot.Lines))
	}
}

func TestTotalsNoDepositNoFees(t *testing.T) {
	a := proxyAgreement()
	a.Currency = "TWD"
	a.Items = []agreement.Item{{Name: "星巴克隨行卡", Quantity: 1, UnitPrice: agreement.MustAmount("920")}}
	a.ShippingFee = agreement.Amount{}
	a.Payment.Deposit = nil
	tot, err := a.Totals()
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]agreement.Money{"total": tot.Total, "balance": tot.BalanceDue} {
		if m.Format(agreement.LocaleZHHant) != "NT$920" {
			t.Errorf("%s = %s", name, m)
		}
	}
	if !tot.Deposit.IsZero() || !tot.ServiceFees.IsZero() || !tot.Shipping.IsZero() || tot.Deposit.Currency.Code != "TWD" {
		t.Errorf("deposit %v, fees %v, shipping %v", tot.Deposit, tot.ServiceFees, tot.Shipping)
	}
}

func TestTotalsErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *agreement.Agreement)
		path   string
		rule   string
	}{
		{"unknown currency", func(a *agreement.Agreement) { a.Currency = "RMB" }, "currency", agreement.RuleCurrency},
		{"lower-case currency", func(a *agreement.Agreement) { a.Currency = "cny" }, "currency", agreement.RuleCurrency},
		{"cents in TWD", func(a *agreement.Agreement) {
			a.Currency = "TWD"
			a.Items[0].UnitPrice = agreement.MustAmount("455.50")
		}, "items[0].unit_price", agreement.RuleDecimals},
		{"three decimals in CNY", func(a *agreement.Agreement) { a.Items[1].UnitPrice = agreement.MustAmount("128.005") }, "items[1].unit_price", agreement.RuleDecimals},
		{"fee decimals", func(a *agreement.Agreement) { a.Items[1].Proxy.ServiceFee = agreement.MustAmount("0.001") }, "items[1].proxy.service_fee", agreement.RuleDecimals},
		{"shipping decimals", func(a *agreement.Agreement) { a.ShippingFee = agreement.MustAmount("1.234") }, "shipping_fee", agreement.RuleDecimals},
		{"deposit decimals", func(a *agreement.Agreement) { a.Payment.Deposit.Amount = agreement.MustAmount("0.125") }, "payment.deposit.amount", agreement.RuleDecimals},
		{"product overflow", func(a *agreement.Agreement) {
			a.Items[1].UnitPrice = agreement.MustAmount("999,999,999,999.99")
			a.Items[1].Quantity = 1 << 30
		}, "items[1].quantity", agreement.RuleOverflow},
		{"sum overflow", func(a *agreement.Agreement) {
			a.Currency = "CLF" // 4 decimals: 10^12 × 10^4 × 10^3 > 2^63
			a.Items = nil
			for range 1000 {
				a.Items = append(a.Items, agreement.Item{Name: "x", Quantity: 1000, UnitPrice: agreement.MustAmount("999999999999")})
			}
		}, "items[0]", agreement.RuleOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := proxyAgreement()
			tt.change(a)
			tot, err := a.Totals()
			var ae *agreement.AmountError
			if !errors.As(err, &ae) {
				t.Fatalf("Totals = %v, %v; want *AmountError", tot, err)
			}
			if tt.rule == agreement.RuleOverflow && tt.path == "items[0]" {
				// The sum overflows at some line; which one depends on the
				// amounts, but it must be a line path.
				if !strings.HasPrefix(ae.Path, "items[") || ae.Rule != tt.rule {
					t.Errorf("path %q rule %q", ae.Path, ae.Rule)
				}
				return
			}
			if ae.Path != tt.path || ae.Rule != tt.rule {
				t.Errorf("path %q rule %q, want %q %q (%v)", ae.Path, ae.Rule, tt.path, tt.rule, err)
			}
			if !strings.HasPrefix(err.Error(), "agreement: "+tt.path+": ") {
				t.Errorf("message %q does not start with the path", err)
			}
		})
	}
}

func TestTotalsNegativeBalance(t *testing.T) {
	a := proxyAgreement()
	a.Payment.Deposit.Amount = agreement.MustAmount("2000")
	tot, err := a.Totals()
	if err != nil {
		t.Fatal(err)
	}
	if got := tot.BalanceDue.Format(agreement.LocaleEN); got != "-¥611.50" {
		t.Errorf("balance = %s", got)
	}
}

func BenchmarkTotals(b *testing.B) {
	a := proxyAgreement()
	for i := range 20 {
		a.Items = append(a.Items, agreement.Item{Name: fmt.Sprint("item ", i), Quantity: i + 1, UnitPrice: agreement.MustAmount("19.90"),
			Proxy: &agreement.Proxy{Store: "x", ServiceFee: agreement.MustAmount("2")}})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Totals(); err != nil {
			b.Fatal(err)
		}
	}
}
