package templates_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// dealCase is one clause of issue 15 ("the deals people actually make")
// checked in a rendered contract: an edit of an example, the sentences the
// contract must then hold in each locale, and what it must not.
type dealCase struct {
	name string
	file string
	edit func(a *agreement.Agreement)
	want map[agreement.Locale][]string
	not  []string
}

func checkDeals(t *testing.T, cases []dealCase) {
	t.Helper()
	for _, c := range cases {
		for l, want := range c.want {
			a := withLocale(loadExample(t, c.file), l)
			c.edit(a)
			if err := a.Check(); err != nil {
				t.Fatalf("%s: %s: the edited terms do not validate: %v", c.name, l, err)
			}
			md := execute(t, a)
			for _, w := range want {
				if !strings.Contains(md, w) {
					t.Errorf("%s (%s): missing %q", c.name, l, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(md, w) {
					t.Errorf("%s (%s): says %q", c.name, l, w)
				}
			}
		}
	}
}

const (
	hashPhoto = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	hashChat  = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
)

// TestEvidenceFiles checks that the contract names every evidence file by
// kind, description, supplier, size and full hash, in every locale, and
// says nothing of files when there are none.
func TestEvidenceFiles(t *testing.T) {
	files := func(a *agreement.Agreement) {
		a.Evidence.Files = []agreement.EvidenceFile{
			{Kind: agreement.EvidencePhoto, Description: "開箱照片", SHA256: hashPhoto, Size: 1048576, SuppliedBy: agreement.PaidByBuyer},
			{Kind: agreement.EvidenceChatExport, Description: "chat *log*", SHA256: hashChat, Size: 999, SuppliedBy: agreement.PaidBySeller},
		}
	}
	checkDeals(t, []dealCase{
		{"evidence files", "goods-en.yaml", files, map[agreement.Locale][]string{
			agreement.LocaleEN: {"1. Photo: 開箱照片 (supplied by the Buyer; 1,048,576 bytes) — SHA-256 `" + hashPhoto + "`",
				"2. Chat export: chat \\*log\\* (supplied by the Seller; 999 bytes) — SHA-256 `" + hashChat + "`",
				"each identified by its SHA-256 hash"},
			agreement.LocaleZHHans: {"1. 照片：開箱照片（由买方提供，1,048,576 字节）— SHA-256 `" + hashPhoto + "`", "2. 聊天记录导出："},
			agreement.LocaleZHHant: {"1. 照片：開箱照片（由買方提供，1,048,576 位元組）— SHA-256 `" + hashPhoto + "`", "2. 對話紀錄匯出："},
		}, nil},
		{"no evidence files", "goods-en.yaml", func(*agreement.Agreement) {}, map[agreement.Locale][]string{
			agreement.LocaleEN: {"Both parties keep the messages"},
		}, []string{"SHA-256 hash.", "SHA-256 `"}},
	})
}

// TestDealClauses checks each clause of issue 15 in every locale: the
// article or sentence appears when its term is set, with the amounts known
// at signing printed as amounts (and in 大寫 in Chinese), and the law the
// jurisdiction selects.
func TestDealClauses(t *testing.T) {
	amt := agreement.MustAmount
	en, hans, hant := agreement.LocaleEN, agreement.LocaleZHHans, agreement.LocaleZHHant
	checkDeals(t, []dealCase{
		{"liquidated damages under CN", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("20"), Cap: amt("130"), EstimatedLoss: amt("100")}
		}, map[agreement.Locale][]string{
			en:   {"## Article 8. Liquidated damages", "liquidated damages of ¥20.00 for each day of delay", "total no more than ¥130.00.", "(PRC Civil Code art. 585)"},
			hans: {"## 第八条　违约金", "每逾期一日，应向买方支付违约金¥20.00（大写：人民币贰拾元整）。", "累计不超过¥130.00（大写：人民币壹佰叁拾元整）", "第五百八十五条"},
			hant: {"違約金¥20.00（大寫：人民幣貳拾元整）", "中華人民共和國民法典第585條"},
		}, []string{"第五百八十八条", "art. 588"}},
		{"liquidated damages with earnest money under CN", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositEarnest, Amount: amt("10"), Due: a.Payment.Due}
			a.Damages = &agreement.Damages{LatePaymentPerDay: amt("5"), Cap: amt("50")}
		}, map[agreement.Locale][]string{
			en:   {"If the Buyer pays late, the Buyer pays the Seller liquidated damages of ¥5.00", "not both (PRC Civil Code art. 588)"},
			hans: {"不得同时适用（《中华人民共和国民法典》第五百八十八条）"},
			hant: {"不得同時適用（中華人民共和國民法典第588條）"},
		}, nil},
		{"liquidated damages under TW and HK", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("100"), Cap: amt("1000")}
		}, map[agreement.Locale][]string{
			hant: {"違約金NT$100（大寫：新臺幣壹佰元整）", "法院得減至相當之數額（民法第252條）"},
			en:   {"(Taiwan Civil Code art. 252)"},
		}, nil},
		{"liquidated damages under HK", "proxy_purchase-en.yaml", func(a *agreement.Agreement) {
			a.Damages = &agreement.Damages{LateDeliveryPerDay: amt("10"), Cap: amt("100"), EstimatedLoss: amt("100")}
		}, map[agreement.Locale][]string{
			en: {"a genuine pre-estimate of the loss, not a penalty"},
		}, nil},
		{"force majeure", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.ForceMajeure = &agreement.ForceMajeure{NoticeDays: 3, Outcome: agreement.FMExtend}
		}, map[agreement.Locale][]string{
			en:   {"Force majeure", "(Taiwan Civil Code art. 225)", "within 3 days of the event", "move by as long as the event lasts"},
			hans: {"不可抗力", "（台湾地区“民法”第225条）", "相应顺延"},
			hant: {"（民法第225條）", "依該事件持續之期間順延"},
		}, nil},
		{"force majeure under CN, cancel", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.ForceMajeure = &agreement.ForceMajeure{NoticeDays: 5, Outcome: agreement.FMCancelAndRefund}
		}, map[agreement.Locale][]string{
			hans: {"（《中华人民共和国民法典》第一百八十条、第五百九十条）", "任何一方均可解除本合同，卖方应在 7 天内退还"},
		}, nil},
		{"personal data under HK", "proxy_purchase-en.yaml", func(a *agreement.Agreement) {
			a.PersonalData = &agreement.PersonalData{KeepDays: 400}
		}, map[agreement.Locale][]string{
			en:   {"## Article", "Personal data", "keep them for 400 days", "Cap. 486, Data Protection Principles 1–2"},
			hans: {"（第486章）保障资料第1至2原则"},
			hant: {"（第486章）保障資料第1至2原則"},
		}, []string{"delivery address"}},
		{"personal data and an address under TW", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Address = "臺北市大安區復興南路一段390號"
			a.PersonalData = &agreement.PersonalData{KeepDays: 730}
		}, map[agreement.Locale][]string{
			hant: {"賣方應將商品寄送至：臺北市大安區復興南路一段390號。", "聯絡方式及收件地址", "（個人資料保護法第5條、第8條、第19條至第20條）"},
			en:   {"and the delivery address", "(Taiwan Personal Data Protection Act arts. 5, 8, 19–20)"},
		}, nil},
		{"contact details kept out of the record", "goods-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Buyer.Contact = ""
			a.Buyer.ContactCommitment = "sha256:" + hashChat
		}, map[agreement.Locale][]string{
			hant: {"；聯絡方式另行保存，本契約僅載其承諾值 `sha256:" + hashChat + "`"},
			hans: {"；联系方式另行保存，本合同仅载其承诺值 `sha256:" + hashChat + "`"},
			en:   {", contact details kept apart from this record (commitment `sha256:" + hashChat + "`)"},
		}, nil},
		{"a meet-up", "secondhand-zh-Hant.yaml", func(a *agreement.Agreement) {
			a.Delivery.Meetup = &agreement.Meetup{Place: "捷運台北車站 M8 出口", Date: a.Delivery.Deadline, Time: "19:30"}
		}, map[agreement.Locale][]string{
			hant: {"雙方約定於2026年11月23日 19:30在捷運台北車站 M8 出口面交商品。"},
			en:   {"handed over in person at 捷運台北車站 M8 出口 on November 23, 2026 at 19:30."},
		}, nil},
		{"offer expiry", "goods-en.yaml", func(a *agreement.Agreement) {
			a.OfferExpires = "2026-11-21T23:59:00+08:00"
		}, map[agreement.Locale][]string{
			en:   {"lapses if both parties have not confirmed it by 2026-11-21 23:59 (UTC+08:00)", "each signer's own statement"},
			hans: {"双方未在2026-11-21 23:59 (UTC+08:00)前确认的，本要约失效"},
			hant: {"本要約失其效力"},
		}, nil},
		{"escrow timer from shipment with an extension", "goods-en.yaml", func(a *agreement.Agreement) {
			a.Payment.Escrow.From = agreement.FromShipment
			a.Payment.Escrow.ExtensionDays = 5
		}, map[agreement.Locale][]string{
			en:   {"counts from the day the Seller ships the goods", "extend it once, by 5 days."},
			hans: {"自动确认收货期限自卖方发货之日起算", "延长收货一次，延长 5 天"},
			hant: {"自賣方出貨之日起算", "延長收貨一次，延長 5 日"},
		}, nil},
		{"partial delivery and refunds per item", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Delivery.Partial = agreement.PartialAllowed
			a.Refund.PerItem = true
			a.Refund.ReplyDays = 3
		}, map[agreement.Locale][]string{
			hans: {"卖方可以分批交付", "| 1 | 德国双立人 Twin Point 不锈钢炒锅 30cm | ¥459.00 |", "3 天内未答复的，视为同意该申请"},
			en:   {"| No. | Item | Refund |", "| 2 | 双立人 硅胶锅铲 | ¥79.80 |"},
		}, nil},
		{"proxy: price rise, shipping per kg, duty up front", "proxy_purchase-zh-Hant.yaml", func(a *agreement.Agreement) {
			p := a.Items[0].Proxy
			p.IfPriceRises = agreement.PriceRiseConsentOrCancel
			p.ShippingPerKg = amt("250")
			p.DutyPaidBy = agreement.PaidByBuyer
			p.DutyPrepaid = amt("200")
		}, map[agreement.Locale][]string{
			hant: {"買方得以書面同意補付差額，或取消交易並獲全額退款", "每公斤 NT$250 計收", "買方預付關稅及進口稅費NT$200（大寫：新臺幣貳佰元整）"},
			hans: {"每公斤 NT$250 计收", "预付关税及进口环节税NT$200（大写：新台币贰佰元整）"},
			en:   {"agrees in writing to pay the difference or cancels", "at NT$250 per kilogram", "The Buyer pays NT$200 up front for import duty"},
		}, nil},
		{"gift card: reveal, balance proof, resale forbidden", "gift_card-zh-Hans.yaml", func(a *agreement.Agreement) {
			g := a.Items[0].GiftCard
			g.Reveal = agreement.RevealOnEscrowPayment
			g.BalanceProof = "京东 App 余额页截图（2026-11-20 10:02）"
			g.ResaleForbidden = true
		}, map[agreement.Locale][]string{
			hans: {"- 买方货款进入担保交易后，卖方发送卡密或兑换码。", "- 出售时余额的证明：京东 App 余额页截图（2026-11-20 10:02）。", "发卡方条款禁止转售"},
			en:   {"once the Buyer's payment is held in escrow", "The issuer's terms forbid resale."},
			hant: {"款項交付履約保證後", "發卡機構條款禁止轉售"},
		}, nil},
		{"gift card shortfall per unit and as an amount", "gift_card-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Items[0].GiftCard.BalanceFound = amt("300")
		}, map[agreement.Locale][]string{
			hans: {"每短少余额 ¥100.00，卖方退还 ¥93.54（即售价除以约定余额，四舍五入至最小货币单位）", "交付时实际余额为 ¥300.00，卖方应退还¥59.39（大写：人民币伍拾玖元叁角玖分）。"},
			en:   {"the Seller refunds ¥93.54 for each ¥100.00 of missing balance", "The balance found at delivery was ¥300.00: the Seller refunds ¥59.39."},
			hant: {"每短少餘額 ¥100.00，賣方退還 ¥93.54"},
		}, nil},
	})
}
