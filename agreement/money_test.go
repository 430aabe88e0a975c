package agreement_test

import (
	"errors"
	"math"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func cur(t testing.TB, code string) agreement.Currency {
	t.Helper()
	c, ok := agreement.LookupCurrency(code)
	if !ok {
		t.Fatalf("no currency %s", code)
	}
	return c
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		code  string
		minor int64
		want  string
	}{
		{"TWD", 1200, "NT$1,200"},
		{"TWD", 920, "NT$920"},
		{"TWD", 0, "NT$0"},
		{"TWD", -80, "-NT$80"},
		{"USD", 1250, "US$12.50"},
		{"USD", 5, "US$0.05"},
		{"USD", 100000000, "US$1,000,000.00"},
		{"CNY", 120000, "¥1,200.00"},
		{"CNY", 100001050, "¥1,000,010.50"},
		{"JPY", 5000, "JP¥5,000"},
		{"JPY", 123456789, "JP¥123,456,789"},
		{"HKD", 99, "HK$0.99"},
		{"KWD", 1125, "KWD 1.125"},
		{"CLF", 12345, "CLF 1.2345"},
		{"EUR", 999999, "€9,999.99"},
		{"KRW", 1000000, "₩1,000,000"},
		{"CHF", 990, "CHF 9.90"},
		{"TWD", math.MaxInt64, "NT$9,223,372,036,854,775,807"},
		{"TWD", math.MinInt64, "-NT$9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		m := agreement.Money{Minor: tt.minor, Currency: cur(t, tt.code)}
		for _, l := range agreement.Locales {
			if got := m.Format(l); got != tt.want {
				t.Errorf("%s %d in %s = %q, want %q", tt.code, tt.minor, l, got, tt.want)
			}
		}
	}
}

func TestMoneyArithmetic(t *testing.T) {
	usd, twd := cur(t, "USD"), cur(t, "TWD")
	m := func(v int64) agreement.Money { return agreement.Money{Minor: v, Currency: usd} }
	if s, err := m(150).Add(m(250)); err != nil || s != m(400) {
		t.Errorf("add = %v, %v", s, err)
	}
	if s, err := m(150).Sub(m(250)); err != nil || s != m(-100) {
		t.Errorf("sub = %v, %v", s, err)
	}
	if p, err := m(-7).Mul(3); err != nil || p != m(-21) {
		t.Errorf("mul = %v, %v", p, err)
	}
	if p, err := m(math.MinInt64 / 2).Mul(2); err != nil || p != m(math.MinInt64) {
		t.Errorf("mul to MinInt64 = %v, %v", p, err)
	}
	overflows := []func() (agreement.Money, error){
		func() (agreement.Money, error) { return m(math.MaxInt64).Add(m(1)) },
		func() (agreement.Money, error) { return m(math.MinInt64).Add(m(-1)) },
		func() (agreement.Money, error) { return m(math.MinInt64).Sub(m(1)) },
		func() (agreement.Money, error) { return m(0).Sub(m(math.MinInt64)) },
		func() (agreement.Money, error) { return m(math.MaxInt64/2 + 1).Mul(2) },
		func() (agreement.Money, error) { return m(math.MinInt64).Mul(-1) },
		func() (agreement.Money, error) { return m(1 << 40).Mul(1 << 40) },
		func() (agreement.Money, error) { return m(-(1 << 32)).Mul(1 << 32) },
	}
	for i, f := range overflows {
		if v, err := f(); !errors.Is(err, agreement.ErrAmountOverflow) {
			t.Errorf("case %d: %v, %v; want overflow", i, v, err)
		}
	}
	if _, err := m(1).Add(agreement.Money{Minor: 1, Currency: twd}); err == nil {
		t.Error("adding USD and TWD succeeded")
	}
}
