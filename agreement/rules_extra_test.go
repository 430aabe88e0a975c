package agreement_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestEscrowRules checks that the escrow's release agrees with the
// inspection window (D6, D12): the valid case and each way it fails.
func TestEscrowRules(t *testing.T) {
	const (
		goods = "goods-en.yaml"     // escrow on receipt confirmation, auto 14 days, inspection 3 days
		gift  = "gift_card-en.yaml" // escrow after inspection, auto 3 days, inspection 12 hours
	)
	tests := []struct {
		name string
		base string
		edit func(a *agreement.Agreement)
		want []string // "severity path rule"
	}{
		{"auto release after the window", goods, func(a *agreement.Agreement) {}, nil},
		{"release after inspection with a window", gift, func(a *agreement.Agreement) {}, nil},
		{"auto release on the window's last day", goods, func(a *agreement.Agreement) { a.Payment.Escrow.AutoReleaseDays = 3 }, nil},
		{"no automatic release", goods, func(a *agreement.Agreement) { a.Payment.Escrow.AutoReleaseDays = 0 }, nil},
		{"hours rounded up to a day", gift, func(a *agreement.Agreement) { a.Payment.Escrow.AutoReleaseDays = 1 }, nil},
		{"release on receipt without a window", goods, func(a *agreement.Agreement) { a.Inspection = nil }, nil},

		{"auto release before the window ends", goods, func(a *agreement.Agreement) { a.Payment.Escrow.AutoReleaseDays = 2 },
			[]string{"warning payment.escrow.auto_release_days escrow_release_early"}},
		{"auto release before a window in hours ends", gift, func(a *agreement.Agreement) {
			a.Inspection = &agreement.Inspection{Hours: 72}
			a.Payment.Escrow.AutoReleaseDays = 2
		}, []string{"warning payment.escrow.auto_release_days escrow_release_early"}},
		{"release after inspection without a window", gift, func(a *agreement.Agreement) { a.Inspection = nil },
			[]string{"warning inspection inspection_missing", "warning payment.escrow.release escrow_inspection"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := load(t, tt.base)
			tt.edit(a)
			var got []string
			for _, s := range summary(a.Validate()) {
				if strings.Contains(s, "escrow") || strings.Contains(s, "inspection") {
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEscrowMessages checks that the new rules speak all three languages
// and name the figures.
func TestEscrowMessages(t *testing.T) {
	a := load(t, "goods-en.yaml")
	a.Payment.Escrow.AutoReleaseDays = 2
	var f *agreement.FieldError
	for _, x := range a.Validate() {
		if x.Rule == agreement.RuleEscrowReleaseEarly {
			f = x
		}
	}
	if f == nil {
		t.Fatal("no escrow_release_early finding")
	}
	for _, l := range []agreement.Locale{agreement.LocaleEN, agreement.LocaleZHHans, agreement.LocaleZHHant} {
		if m := f.Message(l); !strings.Contains(m, "2") || !strings.Contains(m, "3") {
			t.Errorf("%s: %q does not name both figures", l, m)
		}
	}
}
