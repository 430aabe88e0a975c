package agreement

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Money is an exact amount in integer minor units of a currency: Minor 1250
// in USD is US$12.50, Minor 920 in TWD is NT$920. Money may be negative
// (a balance due when the deposit exceeds the total); [Amount], which is
// what a terms file holds, never is.
type Money struct {
	Minor    int64
	Currency Currency
}

// More errors, for errors.Is, wrapped by [*AmountError].
var (
	ErrUnknownCurrency = errors.New("unknown currency")
	ErrAmountDecimals  = errors.New("more decimals than the currency allows")
)

// Rules of an [*AmountError], named like validation rules so that they map
// onto validation findings.
const (
	RuleCurrency = "currency" // the currency is not in the table; Param is the code
	RuleDecimals = "decimals" // more decimals than the currency allows; Param is the code
	RuleOverflow = "overflow" // a product or sum does not fit
	RuleFloat    = "float"    // written as a float (1200.5 unquoted, 1e3)
	RuleNegative = "negative" // a negative amount
	RuleSyntax   = "syntax"   // not a decimal amount
)

// AmountError is an error about one amount: which field of the terms
// (Path in the file's own keys, "items[1].unit_price"), where in the file
// when known (Line and Column, 1-based; 0 when unknown), which rule it breaks
// and the cause.
type AmountError struct {
	Path   string
	Line   int
	Column int
	Rule   string // one of the Rule constants: RuleCurrency, RuleDecimals, …
	Param  string // the rule's parameter, such as the currency code
	Err    error
}

// Error returns "agreement: PATH: cause" (the path left out when empty).
func (e *AmountError) Error() string {
	var b strings.Builder
	b.WriteString("agreement: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString(e.Rule)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *AmountError) Unwrap() error { return e.Err }

// amountRuleOf names the rule an amount parsing error breaks.
func amountRuleOf(err error) string {
	switch {
	case errors.Is(err, ErrAmountFloat):
		return RuleFloat
	case errors.Is(err, ErrAmountNegative):
		return RuleNegative
	case errors.Is(err, ErrAmountOverflow):
		return RuleOverflow
	case errors.Is(err, ErrAmountDecimals):
		return RuleDecimals
	case errors.Is(err, ErrUnknownCurrency):
		return RuleCurrency
	}
	return RuleSyntax
}

// IsZero reports whether m is zero (in any currency).
func (m Money) IsZero() bool { return m.Minor == 0 }

func (m Money) abs() uint64 {
	if m.Minor < 0 {
		return uint64(-(m.Minor + 1)) + 1 // safe for math.MinInt64
	}
	return uint64(m.Minor)
}

// Format writes m the way a contract shows it: the currency symbol, the
// major units grouped by three with ",", then "." and exactly the currency's
// decimals. All locales write it the same way (Chinese contracts use the same
// grouping), so a document never mixes styles: "NT$1,200", "US$12.50",
// "¥1,200.00", "JP¥5,000", "CHF 9.90" (a code used as symbol is followed by
// a space). A negative amount starts with "-": "-NT$80".
func (m Money) Format(l Locale) string {
	_ = l // identical in every supported locale; kept so templates need not care
	var b strings.Builder
	if m.Minor < 0 {
		b.WriteByte('-')
	}
	sym := m.Currency.Symbol
	if sym == "" {
		sym = m.Currency.Code
	}
	b.WriteString(sym)
	if sym == m.Currency.Code && sym != "" {
		b.WriteByte(' ')
	}
	u := m.abs()
	d := m.Currency.Decimals
	p := uint64(1)
	for range d {
		p *= 10
	}
	major, minor := u/p, u%p
	digits := strconv.FormatUint(major, 10)
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if d > 0 {
		fmt.Fprintf(&b, ".%0*d", d, minor)
	}
	return b.String()
}

// String returns m formatted for English, as [Money.Format].
func (m Money) String() string { return m.Format(LocaleEN) }

// Add returns m+n. Both must be in the same currency; a sum that does not
// fit in int64 is an error wrapping [ErrAmountOverflow].
func (m Money) Add(n Money) (Money, error) {
	if m.Currency != n.Currency {
		return Money{}, fmt.Errorf("agreement: cannot add %s and %s", m.Currency.Code, n.Currency.Code)
	}
	s, ok := addInt64(m.Minor, n.Minor)
	if !ok {
		return Money{}, ErrAmountOverflow
	}
	return Money{Minor: s, Currency: m.Currency}, nil
}

// Sub returns m−n; see [Money.Add].
func (m Money) Sub(n Money) (Money, error) {
	if m.Currency != n.Currency {
		return Money{}, fmt.Errorf("agreement: cannot subtract %s from %s", n.Currency.Code, m.Currency.Code)
	}
	if n.Minor == math.MinInt64 {
		return Money{}, ErrAmountOverflow
	}
	s, ok := addInt64(m.Minor, -n.Minor)
	if !ok {
		return Money{}, ErrAmountOverflow
	}
	return Money{Minor: s, Currency: m.Currency}, nil
}

// Mul returns m×q, or an error wrapping [ErrAmountOverflow].
func (m Money) Mul(q int64) (Money, error) {
	p, ok := mulInt64(m.Minor, q)
	if !ok {
		return Money{}, ErrAmountOverflow
	}
	return Money{Minor: p, Currency: m.Currency}, nil
}

func addInt64(a, b int64) (int64, bool) {
	s := a + b
	// Overflow iff a and b have the same sign and s has the other.
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

func mulInt64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	ua, ub := absU(a), absU(b)
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return int64(-lo), true // -lo wraps to math.MinInt64 for lo == 1<<63
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}
