package agreement_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/agreement"
)

func TestAmountYAML(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
		err  error
	}{
		{`"1,200"`, "1200", nil},
		{`"1200.50"`, "1200.5", nil},
		{`1200`, "1200", nil},
		{`'0.05'`, "0.05", nil},
		{`0`, "0", nil},
		{`~`, "0", nil},
		{`1200.5`, "", agreement.ErrAmountFloat},
		{`1e3`, "", agreement.ErrAmountFloat},
		{`.inf`, "", agreement.ErrAmountFloat},
		{`.nan`, "", agreement.ErrAmountFloat},
		{`-5`, "", agreement.ErrAmountNegative},
		{`"-5"`, "", agreement.ErrAmountNegative},
		{`0x1F`, "", agreement.ErrAmountSyntax},
		{`0o17`, "", agreement.ErrAmountSyntax},
		{`1_000`, "", agreement.ErrAmountSyntax},
		{`+5`, "", agreement.ErrAmountSyntax},
		{`true`, "", agreement.ErrAmountSyntax},
		{`[1]`, "", agreement.ErrAmountSyntax},
		{`{a: 1}`, "", agreement.ErrAmountSyntax},
		{`"1.23456"`, "", agreement.ErrAmountSyntax},
		{`"12 00"`, "", agreement.ErrAmountSyntax},
		{`1000000000000`, "", agreement.ErrAmountOverflow},
		{`99999999999999999999999`, "", agreement.ErrAmountOverflow},
	}
	for _, tt := range tests {
		var v struct {
			Price agreement.Amount `yaml:"price"`
		}
		err := yaml.Unmarshal([]byte("# terms\nprice: "+tt.in+"\n"), &v)
		if tt.err != nil {
			var ae *agreement.AmountError
			if !errors.Is(err, tt.err) || !errors.As(err, &ae) {
				t.Errorf("%s: err %v, want %v", tt.in, err, tt.err)
			} else if ae.Line != 2 || ae.Column != 8 {
				t.Errorf("%s: at %d:%d, want 2:8", tt.in, ae.Line, ae.Column)
			}
			continue
		}
		if err != nil || v.Price.String() != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.in, v.Price, err, tt.want)
		}
	}
}

func TestAmountJSON(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{`"1,200"`, "1200", nil},
		{`"1200.50"`, "1200.5", nil},
		{`1200`, "1200", nil},
		{`null`, "0", nil},
		{`"\u0031\u0032"`, "12", nil},
		{`1200.5`, "", agreement.ErrAmountFloat},
		{`1200.0`, "", agreement.ErrAmountFloat},
		{`1e3`, "", agreement.ErrAmountFloat},
		{`1E3`, "", agreement.ErrAmountFloat},
		{`-5`, "", agreement.ErrAmountNegative},
		{`true`, "", agreement.ErrAmountSyntax},
		{`[1]`, "", agreement.ErrAmountSyntax},
		{`""`, "", agreement.ErrAmountSyntax},
		{`"1,20"`, "", agreement.ErrAmountSyntax},
		{`12345678901234567890`, "", agreement.ErrAmountOverflow},
	}
	for _, tt := range tests {
		var v struct {
			Price agreement.Amount `json:"price"`
		}
		err := json.Unmarshal([]byte(`{"price": `+tt.in+`}`), &v)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: err %v, want %v", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || v.Price.String() != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.in, v.Price, err, tt.want)
		}
	}
}

func TestAmountMarshalRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1200", "1200.5", "0.05", "999999999999.9999", "1,000"} {
		a := agreement.MustAmount(s)
		y, err := yaml.Marshal(map[string]agreement.Amount{"v": a})
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("v: %q\n", a.String()); string(y) != want {
			t.Errorf("YAML %s = %q, want %q", s, y, want)
		}
		var back map[string]agreement.Amount
		if err := yaml.Unmarshal(y, &back); err != nil || back["v"] != a {
			t.Errorf("YAML %s back = %v, %v", s, back["v"], err)
		}
		j, err := json.Marshal(a)
		if err != nil || string(j) != `"`+a.String()+`"` {
			t.Errorf("JSON %s = %s, %v", s, j, err)
		}
		var jb agreement.Amount
		if err := json.Unmarshal(j, &jb); err != nil || jb != a {
			t.Errorf("JSON %s back = %v, %v", s, jb, err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "1,200", "1200.50", "0.05", "999,999,999,999.9999", "1e3", "-1", " 12 ", "1,20", ".5", "5.", "00012.3400", "1000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := agreement.ParseAmount(s)
		if err != nil {
			return
		}
		b, err := agreement.ParseAmount(a.String())
		if err != nil {
			t.Fatalf("%q parsed to %s, which does not parse: %v", s, a, err)
		}
		if a != b {
			t.Fatalf("%q parsed to %s, which parses to %s", s, a, b)
		}
		// Minor units at the amount's own precision are exact.
		m, err := a.Minor(a.Decimals())
		if err != nil || m < 0 {
			t.Fatalf("%s.Minor(%d) = %d, %v", a, a.Decimals(), m, err)
		}
		j, _ := json.Marshal(a)
		var back agreement.Amount
		if err := json.Unmarshal(j, &back); err != nil || back != a {
			t.Fatalf("%s via JSON %s = %s, %v", a, j, back, err)
		}
	})
}

func ExampleParseAmount() {
	for _, s := range []string{"1,200", "1200.50", "1200", "1.2e3", "-5"} {
		a, err := agreement.ParseAmount(s)
		if err != nil {
			fmt.Println(s, "→ error:", errors.Unwrap(err))
			continue
		}
		fmt.Println(s, "→", a)
	}
	// Output:
	// 1,200 → 1200
	// 1200.50 → 1200.5
	// 1200 → 1200
	// 1.2e3 → error: not a decimal amount
	// -5 → error: amount is negative
}
