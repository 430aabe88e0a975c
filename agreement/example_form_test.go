package agreement_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tradepact/tradepact/agreement"
)

// A web form posts terms as JSON; one call returns every decoding and
// validation finding, and each has a JSON form in the user's language.
func ExampleDecodeAndValidate() {
	body := strings.NewReader(`{"tradepact": 1, "id": "TP-1", "kind": "secondhand", "locale": "zh-Hans",
		"jurisdiction": "CN", "date": "2026-11-20", "colour": "red",
		"seller": {"name": "王", "account": "xianyu:wang"}, "buyer": {"name": "李", "account": "xianyu:li"},
		"currency": "CNY", "items": [{"name": "耳机", "quantity": "two", "unit_price": "300", "condition": "mint"}]}`)
	l := agreement.MatchLocale("zh-CN,zh;q=0.9,en;q=0.8")
	a, findings, err := agreement.DecodeAndValidate(body, "form", agreement.FormatJSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("agreement:", a != nil)
	for _, f := range agreement.Findings(findings, l) {
		if f.Rule == "required" || f.Severity == agreement.SeverityWarning {
			continue // the keys this short form leaves out, and advice
		}
		fmt.Printf("%s %s (%s): %s\n", f.Severity, f.Path, f.Label, f.Message)
	}
	// Output:
	// agreement: false
	// error colour (colour): 未知的键 "colour"
	// error items[0].quantity (商品 1 › 数量): "two" 不是整数
	// error items[0].condition (商品 1 › 成色): "mint" 不是可选的值，请选择：全新（new）、几乎全新（like_new）、良好（good）、一般（fair）、较差（poor）
}

// Marshalled as JSON, a finding has stable keys (doc/format.md, section 7).
func ExampleFieldError_Finding() {
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	a.Delivery.Method = "drone"
	for _, f := range a.Validate() {
		if f.Rule == "oneof" {
			enc := json.NewEncoder(os.Stdout)
			enc.SetEscapeHTML(false)
			enc.Encode(f.Finding(agreement.LocaleZHHant))
		}
	}
	// Output:
	// {"file":"../examples/terms/goods-en.yaml","path":"delivery.method","label":"交付 › 交付方式","line":36,"column":3,"rule":"oneof","severity":"error","locale":"zh-Hant","message":"\"drone\" 不是可選的值，請選擇：寄送（shipping）、面交（in_person）、線上交付（digital）、買方自取（pickup）","param":"shipping in_person digital pickup","value":"drone","allowed":[{"value":"shipping","label":"寄送"},{"value":"in_person","label":"面交"},{"value":"digital","label":"線上交付"},{"value":"pickup","label":"買方自取"}]}
}

func ExampleMatchLocale() {
	for _, h := range []string{"zh-TW,zh;q=0.9", "zh-HK", "zh-CN", "en-GB,en;q=0.8", "fr-FR", ""} {
		fmt.Printf("%q → %s\n", h, agreement.MatchLocale(h))
	}
	// Output:
	// "zh-TW,zh;q=0.9" → zh-Hant
	// "zh-HK" → zh-Hant
	// "zh-CN" → zh-Hans
	// "en-GB,en;q=0.8" → en
	// "fr-FR" → en
	// "" → en
}

func ExampleAllowedValues() {
	e, values, _ := agreement.AllowedValues("items[0].condition")
	for _, v := range values {
		label, _ := e.Label(v, agreement.LocaleZHHant)
		fmt.Println(v, label)
	}
	// Output:
	// new 全新
	// like_new 近全新
	// good 良好
	// fair 普通
	// poor 較差
}
