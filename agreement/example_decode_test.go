package agreement_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tradepact/tradepact/agreement"
)

// terms is a small but complete gift card deal.
const terms = `tradepact: 1
id: TP-2026-000123
kind: gift_card
locale: zh-Hant
jurisdiction: TW
date: 2026-11-22
seller: {name: 王小明, account: "shopee:wang_xm"}
buyer:  {name: 李大同, account: "shopee:li_dt"}
currency: TWD
items:
  - name: 星巴克隨行卡
    quantity: 1
    unit_price: "920"
    gift_card: {brand: Starbucks, card_type: anonymous, face_value: "1000", balance: "1000",
                source: 公司尾牙獎品, card_last4: "1234"}
shipping_fee: "0"
payment: {method: bank_transfer, due: 2026-11-23, late_payment: cancel}
delivery: {method: digital, deadline: 2026-11-24, shipping_paid_by: seller, channel: 蝦皮聊聊}
inspection: {hours: 24}
refund:
  no_reason_days: 0
  exclusions: [code_revealed]
  exclusions_acknowledged: true
  return_shipping_paid_by: seller
  refund_within_days: 7
  remedies: {not_as_described: full_refund, invalid_card: replacement_or_refund, late_delivery: cancel_and_refund}
cancellation: {before: delivery, refund: full}
after_sales: {warranty_days: 0, response_hours: 48, contact: 蝦皮聊聊}
dispute: {steps: [negotiation, platform, court], governing_law: TW, venue: 臺灣臺北地方法院}
evidence: {keep_days: 180}
`

func ExampleDecode() {
	a, err := agreement.Decode("terms.yaml", []byte(terms))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Kind, a.Items[0].Name, a.Items[0].GiftCard.FaceValue)

	// Decoding is strict: a misspelt key is an error with its position.
	_, err = agreement.Decode("terms.yaml", []byte(strings.Replace(terms, "unit_price", "unitprice", 1)))
	fmt.Println(err)
	// Output:
	// gift_card 星巴克隨行卡 1000
	// agreement: terms.yaml:13:5: items[0].unitprice: unknown key "unitprice"
}

func ExampleAgreement_Validate() {
	bad := strings.NewReplacer(
		`account: "shopee:li_dt"`, `account: "shopee:wang_xm"`, // the seller's own account
		`balance: "1000"`, `balance: "1200"`, // more than the face value
		`shipping_fee: "0"`, `shipping_fee: "60"`, // but the seller pays shipping
	).Replace(terms)
	a, err := agreement.Decode("terms.yaml", []byte(bad))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range a.Validate() {
		fmt.Printf("%d:%d: %s: %s: %s\n", f.Line, f.Column, f.Path, f.Severity, f.Message(a.Locale))
	}
	// Output:
	// 8:21: buyer.account: error: 買家帳號與賣家帳號相同（"shopee:wang_xm"），買賣雙方必須不同
	// 14:77: items[0].gift_card.balance: error: 餘額 "1200" 超過面額 1000
	// 16:1: shipping_fee: error: delivery.shipping_paid_by 為 seller 時 shipping_fee 必須為 0
}

func ExampleAgreement_Check() {
	a, err := agreement.Decode("terms.yaml", []byte(terms))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Check())

	a.Refund.ExclusionsAcknowledged = false
	a.AfterSales = nil // only a warning: Check ignores it
	err = a.Check()
	var ve *agreement.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Println(f.Rule, "-", f.Message(agreement.LocaleZHHans))
		}
	}
	// Output:
	// <nil>
	// exclusions_acknowledged - 排除无理由退货须设 exclusions_acknowledged: true（买家在购买时确认）
}
