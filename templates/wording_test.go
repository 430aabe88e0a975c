package templates_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestWording holds the wording fixes of issue 14 ("Wording and template
// fit"), each quoted from a rendered example: the contract must say the
// fixed text and never the old one.
func TestWording(t *testing.T) {
	none := func(*agreement.Agreement) {}
	cases := []struct {
		name, file string
		l          agreement.Locale
		edit       func(*agreement.Agreement)
		want, not  []string
	}{
		{"gift card remedy as a sentence", "gift_card-zh-Hans.yaml", agreement.LocaleZHHans, none,
			[]string{"交付时卡或兑换码无效的，买方有权要求全额退款；余额低于约定的，卖方应按短少余额占约定余额的比例退还售价。"},
			[]string{"买方有权要求卡或兑换码无效的全额退款"}},
		{"online delivery is deemed", "gift_card-zh-Hans.yaml", agreement.LocaleZHHans, none,
			[]string{"且买方能够查看时，视为交付；"}, []string{"能够查看时为交付"}},
		{"delivery sentence order", "gift_card-zh-Hans.yaml", agreement.LocaleZHHans, none,
			[]string{"卖方应最迟于2026年11月22日以线上交付方式（通过闲鱼聊天）交付商品。"}, []string{"方式通过闲鱼聊天，最迟于"}},
		{"no shipping for codes", "gift_card-zh-Hans.yaml", agreement.LocaleZHHans, none, nil, []string{"运费"}},
		{"no shipping for codes zh-Hant", "gift_card-zh-Hant.yaml", agreement.LocaleZHHant, none, nil, []string{"運費"}},
		{"no shipping for codes en", "gift_card-en.yaml", agreement.LocaleEN, none, nil, []string{"Shipping", "Return shipping"}},
		{"in-person handover: no shipping, 面交 once", "secondhand-zh-Hant.yaml", agreement.LocaleZHHant, none,
			[]string{"以面交方式（捷運台北車站 M8 出口）交付商品。"}, []string{"運費由買方負擔。", "- 運費：", "出口面交"}},
		{"a business is 经营者", "goods-zh-Hans.yaml", agreement.LocaleZHHans, none, []string{"；经营者）"}, []string{"以经营为业的经营者"}},
		{"compensation names no subject twice", "goods-zh-Hans.yaml", agreement.LocaleZHHans, none,
			[]string{"买方有权要求全额退款并赔偿其经证明的损失"}, []string{"赔偿买方经证明"}},
		{"price fixed, 不影响价款", "proxy_purchase-zh-Hans.yaml", agreement.LocaleZHHans, none,
			[]string{"汇率或商店售价的涨跌均不影响价款（详见代购条款）"}, []string{"均不影响（"}},
		{"grace period is the seller's to give", "goods-zh-Hant.yaml", agreement.LocaleZHHant, none,
			[]string{"賣方應給予 5 日之寬限期"}, []string{"享有 5 日"}},
		{"one clear installment sentence", "goods-zh-Hant.yaml", agreement.LocaleZHHant, none,
			[]string{"買方應分期支付尾款 NT$30,000，各期金額及付款期限以下列分期表為準。"}, []string{"首筆款項"}},
		{"HK law note", "proxy_purchase-en.yaml", agreement.LocaleEN, none,
			[]string{"where a point relies on a statute, the statute is named."}, []string{"no statute is cited"}},
		{"conditions are words", "secondhand-en.yaml", agreement.LocaleEN, none, []string{"| Good |"}, []string{"| good |"}},
		{"exchange rate with its pair", "proxy_purchase-zh-Hans.yaml", agreement.LocaleZHHans, func(a *agreement.Agreement) {
			a.Items[0].Proxy.StorePrice = agreement.Amount{}
		}, []string{"- 汇率：1 JPY ＝ 0.0480 CNY（锁定日："}, []string{"- 汇率：0.0480"}},
	}
	for _, c := range cases {
		a := withLocale(loadExample(t, c.file), c.l)
		c.edit(a)
		md := execute(t, a)
		for _, w := range c.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: missing %q", c.name, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(md, w) {
				t.Errorf("%s: still says %q", c.name, w)
			}
		}
	}
}
