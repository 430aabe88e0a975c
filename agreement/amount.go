package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Amount is an exact, non-negative decimal amount of money in major units of
// the agreement's currency, as the terms file wrote it ("1,200", "1200.50",
// 1200). It is never a float. An Amount becomes integer minor units only
// together with a currency: see [Amount.Minor] and [Money].
//
// The zero Amount is zero.
type Amount struct {
	coef  int64 // the digits, without the decimal point
	scale uint8 // how many of them follow the point
}

// maxScale is the most decimals an Amount may be written with (ISO 4217's
// largest minor unit exponent is 4).
const maxScale = 4

// Errors returned by [ParseAmount], for errors.Is.
var (
	ErrAmountSyntax   = errors.New("not a decimal amount")
	ErrAmountNegative = errors.New("amount is negative")
	ErrAmountOverflow = errors.New("amount is too large")
	ErrAmountFloat    = errors.New("amount must be written as a decimal string or an integer, not a float")
)

// maxMajor bounds amounts so that sums of up to 10,000 lines × 1,000,000 units
// in minor units can never overflow int64.
const maxMajor = 1_000_000_000_000 // 10^12 major units

// ParseAmount parses a decimal amount in major units. Thousands separators
// (",") are allowed between groups of three digits before the point;
// a leading sign, exponent, spaces inside the number or more than 4 decimals
// are errors.
func ParseAmount(s string) (Amount, error) {
	in := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountSyntax)
	}
	if s[0] == '-' {
		return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountNegative)
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if hasPoint && frac == "" || intPart == "" {
		return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountSyntax)
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountSyntax)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountSyntax)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if len(frac) > maxScale {
		return Amount{}, fmt.Errorf("%q: %w: more than %d decimals", in, ErrAmountSyntax, maxScale)
	}
	var coef int64
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountSyntax)
			}
			if coef > (math.MaxInt64-9)/10 {
				return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountOverflow)
			}
			coef = coef*10 + int64(c-'0')
		}
	}
	a := Amount{coef: coef, scale: uint8(len(frac))}
	if a.coef/pow10[a.scale] >= maxMajor {
		return Amount{}, fmt.Errorf("%q: %w", in, ErrAmountOverflow)
	}
	return a.trim(), nil
}

// MustAmount is like [ParseAmount] but panics on error. For tests and examples.
func MustAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000}

// trim drops trailing zero decimals so that equal amounts compare equal.
func (a Amount) trim() Amount {
	for a.scale > 0 && a.coef%10 == 0 {
		a.coef /= 10
		a.scale--
	}
	return a
}

// IsZero reports whether a is zero.
func (a Amount) IsZero() bool { return a.coef == 0 }

// Decimals returns how many decimals a needs (trailing zeros dropped).
func (a Amount) Decimals() int { return int(a.scale) }

// Minor returns a in minor units of a currency with the given number of
// decimals, or an error if a has more decimals than that.
func (a Amount) Minor(decimals int) (int64, error) {
	if int(a.scale) > decimals {
		return 0, fmt.Errorf("%s has %d decimals, more than the currency allows (%d)", a, a.scale, decimals)
	}
	return a.coef * pow10[decimals-int(a.scale)], nil
}

// String returns a plain decimal in major units without separators and
// without trailing zero decimals ("1200", "1200.5").
func (a Amount) String() string {
	if a.scale == 0 {
		return fmt.Sprint(a.coef)
	}
	p := pow10[a.scale]
	return fmt.Sprintf("%d.%0*d", a.coef/p, int(a.scale), a.coef%p)
}

// MarshalText implements [encoding.TextMarshaler]: amounts are written as
// decimal strings, never numbers.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// UnmarshalYAML implements [yaml.Unmarshaler]: an amount is a YAML string
// ("1,200.50") or integer (1200) scalar in major units. A float (1200.5
// unquoted, 1e3, .inf) fails with an [*AmountError] wrapping
// [ErrAmountFloat]; any other node, or a string or integer [ParseAmount]
// rejects, fails likewise with the node's line and column.
func (a *Amount) UnmarshalYAML(n *yaml.Node) error {
	fail := func(err error) error {
		return &AmountError{Line: n.Line, Column: n.Column, Rule: amountRuleOf(err), Err: err}
	}
	if n.Kind != yaml.ScalarNode {
		return fail(fmt.Errorf("%w: want a decimal string or an integer", ErrAmountSyntax))
	}
	switch n.ShortTag() {
	case "!!str", "!!int":
		// An !!int is parsed by ParseAmount too, so that only plain decimal
		// digits pass: 0x1F, 0o17, 1_000 and +5 are errors, not numbers.
	case "!!float":
		if strings.Trim(n.Value, "0123456789") != "" {
			return fail(fmt.Errorf("%s: %w", n.Value, ErrAmountFloat))
		}
		// All digits: an integer too large for int64, which the YAML
		// library resolves as a float. ParseAmount reports the overflow.
	case "!!null":
		*a = Amount{}
		return nil
	default:
		return fail(fmt.Errorf("%q: %w: want a decimal string or an integer", n.Value, ErrAmountSyntax))
	}
	v, err := ParseAmount(n.Value)
	if err != nil {
		return fail(err)
	}
	*a = v
	return nil
}

// MarshalYAML implements [yaml.Marshaler]: amounts are written as quoted
// decimal strings ("1200.5"), which read back as the same amount.
func (a Amount) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: a.String()}, nil
}

// UnmarshalJSON implements [json.Unmarshaler]: an amount is a JSON string
// ("1,200.50") or an integer number (1200) in major units. A number with a
// fraction or an exponent (1200.5, 1e3) fails with [ErrAmountFloat]; null
// leaves a unchanged, as encoding/json does for other types.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return &AmountError{Rule: RuleSyntax, Err: fmt.Errorf("%w: empty", ErrAmountSyntax)}
	case string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return &AmountError{Rule: RuleSyntax, Err: fmt.Errorf("%w: %v", ErrAmountSyntax, err)}
		}
		v, err := ParseAmount(s)
		if err != nil {
			return &AmountError{Rule: amountRuleOf(err), Err: err}
		}
		*a = v
		return nil
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		if bytes.ContainsAny(b, ".eE") {
			return &AmountError{Rule: RuleFloat, Err: fmt.Errorf("%s: %w", b, ErrAmountFloat)}
		}
		v, err := ParseAmount(string(b))
		if err != nil {
			return &AmountError{Rule: amountRuleOf(err), Err: err}
		}
		*a = v
		return nil
	}
	return &AmountError{Rule: RuleSyntax, Err: fmt.Errorf("%w: want a decimal string or an integer", ErrAmountSyntax)}
}

// MarshalJSON implements [json.Marshaler]: amounts are JSON strings
// ("1200.5"), never numbers.
func (a Amount) MarshalJSON() ([]byte, error) {
	return []byte(`"` + a.String() + `"`), nil
}
