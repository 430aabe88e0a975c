package agreement_test

import (
	"fmt"

	"github.com/tradepact/tradepact/agreement"
)

func ExampleAgreement_Digest() {
	// The same terms written two ways: YAML with comments and grouped
	// amounts, and JSON in another key order.
	yamlTerms := `# 星巴克隨行卡
tradepact: 1
id: TP-2026-000123
kind: gift_card
locale: zh-Hant
jurisdiction: TW
date: 2026-11-22
seller: {name: 王小明, account: "xianyu:wang_xm"}
buyer: {name: 李大同, account: "xianyu:li_dt"}
currency: TWD
items:
  - {name: 星巴克隨行卡, quantity: 1, unit_price: "1,000"}
payment: {method: escrow, due: 2026-11-23, late_payment: cancel}
delivery: {method: digital, deadline: 2026-11-24}
refund: {return_shipping_paid_by: buyer, refund_within_days: 7,
         remedies: {not_as_described: full_refund, late_delivery: cancel_and_refund}}
dispute: {steps: [negotiation], governing_law: TW, venue: 臺灣臺北地方法院}
evidence: {keep_days: 180}
`
	jsonTerms := `{"evidence": {"keep_days": 180},
 "dispute": {"venue": "臺灣臺北地方法院", "governing_law": "TW", "steps": ["negotiation"]},
 "refund": {"remedies": {"late_delivery": "cancel_and_refund", "not_as_described": "full_refund"},
            "refund_within_days": 7, "return_shipping_paid_by": "buyer", "no_reason_days": 0},
 "delivery": {"deadline": "2026-11-24", "method": "digital"},
 "payment": {"late_payment": "cancel", "due": "2026-11-23", "method": "escrow"},
 "items": [{"unit_price": 1000, "quantity": 1, "name": "星巴克隨行卡"}],
 "currency": "TWD", "buyer": {"account": "xianyu:li_dt", "name": "李大同"},
 "seller": {"account": "xianyu:wang_xm", "name": "王小明"},
 "date": "2026-11-22", "jurisdiction": "TW", "locale": "zh-Hant", "kind": "gift_card",
 "id": "TP-2026-000123", "tradepact": 1}`
	for _, f := range []struct{ name, data string }{{"terms.yaml", yamlTerms}, {"terms.json", jsonTerms}} {
		a, err := agreement.Decode(f.name, []byte(f.data))
		if err != nil {
			fmt.Println(err)
			return
		}
		d, err := a.Digest()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(f.name, d.Short())
	}
	// Output:
	// terms.yaml be6d 30e2 cdba
	// terms.json be6d 30e2 cdba
}
