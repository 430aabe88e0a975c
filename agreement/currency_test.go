package agreement_test

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func TestCurrencyTable(t *testing.T) {
	table := agreement.Currencies()
	if len(table) < 150 {
		t.Fatalf("table has %d currencies, want the ISO 4217 list", len(table))
	}
	symbols := map[string]string{}
	for i, c := range table {
		if i > 0 && table[i-1].Code >= c.Code {
			t.Errorf("table not sorted at %s after %s", c.Code, table[i-1].Code)
		}
		if len(c.Code) != 3 || strings.ToUpper(c.Code) != c.Code {
			t.Errorf("%q: not an upper-case ISO code", c.Code)
		}
		if c.Decimals < 0 || c.Decimals > 4 {
			t.Errorf("%s: %d decimals", c.Code, c.Decimals)
		}
		if c.Symbol == "" || c.Name == "" {
			t.Errorf("%s: symbol %q, name %q", c.Code, c.Symbol, c.Name)
		}
		if prev, dup := symbols[c.Symbol]; dup {
			t.Errorf("symbol %q used by %s and %s", c.Symbol, prev, c.Code)
		}
		symbols[c.Symbol] = c.Code
		if (c.NameHans == "") != (c.NameHant == "") {
			t.Errorf("%s: Chinese name for one script only", c.Code)
		}
		got, ok := agreement.LookupCurrency(c.Code)
		if !ok || got != c {
			t.Errorf("LookupCurrency(%s) = %v, %v", c.Code, got, ok)
		}
	}
	// The pair the issue names: CNY and JPY never both "¥".
	cny, _ := agreement.LookupCurrency("CNY")
	jpy, _ := agreement.LookupCurrency("JPY")
	if cny.Symbol == jpy.Symbol {
		t.Errorf("CNY and JPY share %q", cny.Symbol)
	}
}

func TestCurrencyDecimals(t *testing.T) {
	want := map[string]int{
		"TWD": 0, "JPY": 0, "KRW": 0, "CNY": 2, "HKD": 2, "USD": 2, "EUR": 2, "GBP": 2,
		"SGD": 2, "MYR": 2, "AUD": 2, "CAD": 2, "KWD": 3, "BHD": 3, "OMR": 3, "CLF": 4, "CLP": 0, "VND": 0,
	}
	for code, d := range want {
		c, ok := agreement.LookupCurrency(code)
		if !ok {
			t.Errorf("%s missing", code)
			continue
		}
		if c.Decimals != d {
			t.Errorf("%s: %d decimals, want %d", code, c.Decimals, d)
		}
	}
	for _, code := range []string{"", "twd", "XXX", "TW", "TWDX", "¥"} {
		if c, ok := agreement.LookupCurrency(code); ok {
			t.Errorf("LookupCurrency(%q) = %v", code, c)
		}
	}
}

func TestCurrenciesIsACopy(t *testing.T) {
	a := agreement.Currencies()
	a[0].Decimals = 9
	if b := agreement.Currencies(); b[0].Decimals == 9 || slices.Equal(a, b) {
		t.Error("Currencies exposes the table")
	}
}

func TestCurrencyMoney(t *testing.T) {
	twd, _ := agreement.LookupCurrency("TWD")
	kwd, _ := agreement.LookupCurrency("KWD")
	tests := []struct {
		c     agreement.Currency
		in    string
		minor int64
		rule  string
	}{
		{twd, "1,200", 1200, ""},
		{twd, "1200.00", 1200, ""},
		{twd, "1200.5", 0, agreement.RuleDecimals},
		{kwd, "1.125", 1125, ""},
		{kwd, "1.1", 1100, ""},
		{kwd, "1.1255", 0, agreement.RuleDecimals},
		{agreement.Currency{}, "1", 0, agreement.RuleCurrency},
	}
	for _, tt := range tests {
		m, err := tt.c.Money(agreement.MustAmount(tt.in))
		if tt.rule != "" {
			var ae *agreement.AmountError
			if !errors.As(err, &ae) || ae.Rule != tt.rule {
				t.Errorf("%s %s: err %v, want rule %s", tt.c.Code, tt.in, err, tt.rule)
			}
			continue
		}
		if err != nil || m.Minor != tt.minor || m.Currency != tt.c {
			t.Errorf("%s %s = %+v, %v; want minor %d", tt.c.Code, tt.in, m, err, tt.minor)
		}
	}
}

func TestLocalName(t *testing.T) {
	twd, _ := agreement.LookupCurrency("TWD")
	chf, _ := agreement.LookupCurrency("XOF")
	for _, tt := range []struct {
		c    agreement.Currency
		l    agreement.Locale
		want string
	}{
		{twd, agreement.LocaleZHHant, "新臺幣"},
		{twd, agreement.LocaleZHHans, "新台币"},
		{twd, agreement.LocaleEN, "New Taiwan dollar"},
		{chf, agreement.LocaleZHHant, "XOF"},
	} {
		if got := tt.c.LocalName(tt.l); got != tt.want {
			t.Errorf("%s in %s = %q, want %q", tt.c.Code, tt.l, got, tt.want)
		}
	}
}

// TestCurrencyDoc keeps doc/currencies.md, the published table, in step with
// the code (go test -update rewrites it).
func TestCurrencyDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString(`# Currencies

The currency table of package ` + "`agreement`" + ` (` + "`agreement.Currencies()`" + `): how many decimals each
currency allows in a terms file and shows in a contract, the symbol written before its amounts, and
the names that prefix amounts in Chinese capital numerals (大寫). Decimals follow ISO 4217, except
TWD, which is used in whole dollars. Every symbol is unique, so two currencies never look alike in
one document (CNY ` + "`¥`" + `, JPY ` + "`JP¥`" + `). A currency without a Chinese name is prefixed by its code
in 大寫.

Generated from agreement/currency.go by ` + "`go test ./agreement -run TestCurrencyDoc -update`" + `.

| code | decimals | symbol | name | 简体 | 繁體 |
|---|---|---|---|---|---|
`)
	for _, c := range agreement.Currencies() {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", c.Code, c.Decimals, c.Symbol, c.Name, c.NameHans, c.NameHant)
	}
	golden(t, "../doc/currencies.md", []byte(b.String()))
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if updating(t) {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s is out of date: run go test ./agreement -update", path)
	}
}
