package agreement_test

import (
	"fmt"

	"github.com/tradepact/tradepact/agreement"
)

func ExampleMoney_Format() {
	for _, code := range []string{"TWD", "USD", "CNY", "JPY", "KWD"} {
		c, _ := agreement.LookupCurrency(code)
		m, err := c.Money(agreement.MustAmount("1,200.5"))
		if err != nil {
			fmt.Println(code, "error:", err)
			continue
		}
		fmt.Println(code, m.Format(agreement.LocaleEN))
	}
	// Output:
	// TWD error: agreement: 1200.5: more decimals than the currency allows (TWD allows 0)
	// USD US$1,200.50
	// CNY ¥1,200.50
	// JPY error: agreement: 1200.5: more decimals than the currency allows (JPY allows 0)
	// KWD KWD 1,200.500
}

func ExampleAgreement_Totals() {
	a := &agreement.Agreement{
		Currency: "TWD",
		Items: []agreement.Item{
			{Name: "星巴克隨行卡", Quantity: 2, UnitPrice: agreement.MustAmount("920")},
			{Name: "代購 御守", Quantity: 1, UnitPrice: agreement.MustAmount("300"),
				Proxy: &agreement.Proxy{Store: "明治神宮", ServiceFee: agreement.MustAmount("50")}},
		},
		ShippingFee: agreement.MustAmount("60"),
		Payment:     agreement.Payment{Deposit: &agreement.Deposit{Type: agreement.DepositPrepayment, Amount: agreement.MustAmount("500")}},
	}
	t, err := a.Totals()
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, l := range t.Lines {
		fmt.Printf("line %d: %s\n", i+1, l.Format(agreement.LocaleZHHant))
	}
	fmt.Println("total:", t.Total.Format(agreement.LocaleZHHant))
	fmt.Println("balance due:", t.BalanceDue.Format(agreement.LocaleZHHant))
	// Output:
	// line 1: NT$1,840
	// line 2: NT$350
	// total: NT$2,250
	// balance due: NT$1,750
}
