package agreement_test

import (
	"fmt"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func invisibleFindings(a *agreement.Agreement, path string) int {
	n := 0
	for _, f := range a.Validate() {
		if f.Path == path && f.Rule == agreement.RuleInvisible && f.Severity == agreement.SeverityError {
			n++
		}
	}
	return n
}

// Each filler that draws nothing makes an account (and an order number, a
// contract number, a party's name) that looks like another: refused.
func TestInvisibleFillersRefused(t *testing.T) {
	fillers := []rune{0x3164, 0x115F, 0x1160, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5, 0x180E,
		0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE0F, 0xE0041}
	for _, r := range fillers {
		for _, tc := range []struct {
			path string
			set  func(a *agreement.Agreement, s string)
		}{
			{"buyer.account", func(a *agreement.Agreement, s string) { a.Buyer.Account = s }},
			{"seller.account", func(a *agreement.Agreement, s string) { a.Seller.Account = s }},
			{"platform.order_id", func(a *agreement.Agreement, s string) { a.Platform.OrderID = s }},
			{"seller.name", func(a *agreement.Agreement, s string) { a.Seller.Name = s }},
			{"buyer.name", func(a *agreement.Agreement, s string) { a.Buyer.Name = s }},
		} {
			t.Run(fmt.Sprintf("U+%04X in %s", r, tc.path), func(t *testing.T) {
				a, err := agreement.Load("../examples/terms/gift_card-zh-Hant.yaml")
				if err != nil {
					t.Fatal(err)
				}
				tc.set(a, "shopee:wang"+string(r)+"_xm")
				if invisibleFindings(a, tc.path) != 1 {
					t.Errorf("no invisible finding: %v", a.Validate())
				}
				// A value of nothing but the filler too.
				tc.set(a, string(r))
				if invisibleFindings(a, tc.path) != 1 {
					t.Errorf("a lone filler is not refused: %v", a.Validate())
				}
			})
		}
	}
}

// Names keep their spaces; free text keeps emoji sequences.
func TestInvisibleAllowed(t *testing.T) {
	a, err := agreement.Load("../examples/terms/gift_card-zh-Hant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a.Seller.Name = "陳　志明"
	a.Buyer.Name = "Chen Chih-ming"
	a.Items[0].Name = "貼紙 👩\u200d💻"
	for _, p := range []string{"seller.name", "buyer.name", "items[0].name"} {
		if invisibleFindings(a, p) != 0 {
			t.Errorf("%s refused: %v", p, a.Validate())
		}
	}
}
