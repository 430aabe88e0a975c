package agreement_test

import (
	"fmt"

	"github.com/tradepact/tradepact/agreement"
)

func ExampleMoney_Capital() {
	twd, _ := agreement.LookupCurrency("TWD")
	cny, _ := agreement.LookupCurrency("CNY")
	for _, c := range []struct {
		m agreement.Money
		l agreement.Locale
	}{
		{agreement.Money{Minor: 920, Currency: twd}, agreement.LocaleZHHant},
		{agreement.Money{Minor: 100150, Currency: cny}, agreement.LocaleZHHans},
		{agreement.Money{Minor: 100001050, Currency: cny}, agreement.LocaleZHHans},
		{agreement.Money{Minor: 32504, Currency: cny}, agreement.LocaleZHHant},
	} {
		s, err := c.m.Capital(c.l)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.m.Format(c.l), s)
	}
	// Output:
	// NT$920 新臺幣玖佰貳拾元整
	// ¥1,001.50 人民币壹仟零壹元伍角整
	// ¥1,000,010.50 人民币壹佰万零壹拾元伍角整
	// ¥325.04 人民幣參佰貳拾伍元零肆分
}
