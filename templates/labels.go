package templates

import (
	"fmt"

	"github.com/tradepact/tradepact/agreement"
)

// label returns the label of enum value v of group in locale l. An unknown
// value is an error, so a new enum value cannot reach a contract unlabelled.
func label(l agreement.Locale, group, v string) (string, error) {
	s, ok := labels[l][group+"."+v]
	if !ok {
		return "", fmt.Errorf("no %s label for %s %q", l, group, v)
	}
	return s, nil
}

// labels holds the words for enum values. Traditional and Simplified
// Chinese are written separately, with their own terms (契約/合同,
// 預付款/预付款, 臺灣/台湾), not converted character by character.
var labels = map[agreement.Locale]map[string]string{
	agreement.LocaleEN: {
		"word.signatures": "Signatures",
		"word.seller":     "Seller",
		"word.buyer":      "Buyer",
		"word.name":       "Name",
		"word.account":    "Account",
		"word.signature":  "Signature",
		"word.signdate":   "Date",

		"jur.CN":    "Legal points in this contract assume the law of the People's Republic of China (mainland); where a point relies on a statute, the statute is named.",
		"jur.TW":    "Legal points in this contract assume the law of Taiwan; where a point relies on a statute, the statute is named.",
		"jur.HK":    "Legal points in this contract assume the law of the Hong Kong SAR; where a point relies on a statute, the statute is named.",
		"jur.other": "This contract assumes no particular jurisdiction; its legal points rest on the parties' agreement alone.",

		"kind.goods":          "Sales Contract",
		"kind.secondhand":     "Second-hand Sales Contract",
		"kind.proxy_purchase": "Proxy Purchase Agreement",
		"kind.gift_card":      "Gift Card Transfer Agreement",

		"condition.new":      "New",
		"condition.like_new": "Like new",
		"condition.good":     "Good",
		"condition.fair":     "Fair",
		"condition.poor":     "Poor",

		"card.anonymous":  "bearer card",
		"card.registered": "registered card",
		"card.code":       "redemption code",
		"card.voucher":    "voucher",

		"party.seller": "the Seller",
		"party.buyer":  "the Buyer",

		"method.escrow":           "through the platform's escrow",
		"method.bank_transfer":    "by bank transfer",
		"method.cash_on_delivery": "in cash on delivery",
		"method.cash_in_person":   "in cash at the handover",
		"method.installments":     "in installments",
		"method.other":            "by a method the parties agree in writing",

		"release.on_receipt_confirmation": "when the Buyer confirms receipt",
		"release.after_inspection":        "when the inspection period ends without a complaint",

		"deposit.earnest":    "earnest money",
		"deposit.prepayment": "prepayment",

		"delivery.shipping":  "shipping",
		"delivery.in_person": "handing them over in person",
		"delivery.digital":   "online delivery",
		"delivery.pickup":    "making them available for the Buyer to pick up",

		"exclusion.code_revealed":    "codes that have been revealed to the Buyer",
		"exclusion.custom_made":      "goods made to the Buyer's specifications",
		"exclusion.perishable":       "perishable goods",
		"exclusion.unsealed_digital": "digital content once unsealed or downloaded",
		"exclusion.personal_hygiene": "personal hygiene goods once unsealed",
		"exclusion.used":             "goods that have been used",

		"remedy.full_refund":               "a full refund",
		"remedy.partial_refund":            "a partial refund agreed between the parties",
		"remedy.replacement":               "a replacement",
		"remedy.replacement_or_refund":     "a replacement or, at the Buyer's choice, a full refund",
		"remedy.cancel_and_refund":         "cancel the contract with a full refund",
		"remedy.refund_by_remaining_value": "a full refund if the card is invalid, and otherwise a refund of the sale price in proportion to the missing balance",
		"remedy.refund_and_compensation":   "a full refund plus compensation for proven loss",

		"before.purchase": "the Seller buys the item",
		"before.shipment": "the goods are shipped",
		"before.delivery": "the goods are delivered",

		"by.either": "Either party",
		"by.buyer":  "The Buyer",
		"by.seller": "The Seller",

		"cancelrefund.full":        "everything paid is refunded in full",
		"cancelrefund.minus_costs": "everything paid is refunded less the costs the Seller has shown to have incurred",

		"step.negotiation":          "negotiation between the parties",
		"step.platform":             "the platform's customer service",
		"step.consumer_association": "a consumer association",
		"step.mediation":            "mediation",
		"step.court":                "court (small claims where available)",
		"step.arbitration":          "arbitration",

		"law.CN":    "the laws of the People's Republic of China (mainland)",
		"law.TW":    "the laws of Taiwan (Republic of China)",
		"law.HK":    "the laws of the Hong Kong SAR",
		"law.other": "the law of the place of the venue below",

		"unavailable.full_refund":             "the Seller refunds everything paid for that item in full",
		"unavailable.substitute_with_consent": "the Seller may buy a substitute only with the Buyer's written consent, and otherwise refunds in full",

		"col.no":         "No.",
		"col.item":       "Item",
		"col.condition":  "Condition",
		"col.quantity":   "Qty",
		"col.unit":       "Unit price",
		"col.amount":     "Amount",
		"col.amount_fee": "Amount incl. service fee",
	},
	agreement.LocaleZHHant: {
		"word.signatures": "簽署",
		"word.seller":     "賣方",
		"word.buyer":      "買方",
		"word.name":       "姓名／名稱",
		"word.account":    "帳號",
		"word.signature":  "簽名或電子確認",
		"word.signdate":   "日期",

		"jur.CN":    "本契約之法律事項以中華人民共和國（大陸地區）法律為準；凡有法律條文依據者，均註明出處。",
		"jur.TW":    "本契約之法律事項以臺灣法律為準；凡有法律條文依據者，均註明出處。",
		"jur.HK":    "本契約之法律事項以香港特別行政區法律為準；凡有法律條文依據者，均註明出處。",
		"jur.other": "本契約未指定法域，各項法律事項僅依雙方之約定。",

		"kind.goods":          "商品買賣契約",
		"kind.secondhand":     "二手商品買賣契約",
		"kind.proxy_purchase": "代購委託契約",
		"kind.gift_card":      "禮物卡轉讓契約",

		"condition.new":      "全新",
		"condition.like_new": "近全新",
		"condition.good":     "良好",
		"condition.fair":     "普通",
		"condition.poor":     "較差",

		"card.anonymous":  "不記名卡",
		"card.registered": "記名卡",
		"card.code":       "兌換序號",
		"card.voucher":    "禮券",

		"party.seller": "賣方",
		"party.buyer":  "買方",

		"method.escrow":           "透過平台代收（履約保證）",
		"method.bank_transfer":    "以銀行轉帳方式",
		"method.cash_on_delivery": "以貨到付款方式",
		"method.cash_in_person":   "於面交時當場以現金",
		"method.installments":     "分期",
		"method.other":            "以雙方書面約定之方式",

		"release.on_receipt_confirmation": "於買方確認收貨時",
		"release.after_inspection":        "於檢查期間屆滿且買方未提出異議時",

		"deposit.earnest":    "定金",
		"deposit.prepayment": "預付款",

		"delivery.shipping":  "寄送",
		"delivery.in_person": "面交",
		"delivery.digital":   "線上交付",
		"delivery.pickup":    "買方自取",

		"exclusion.code_revealed":    "已向買方揭露之序號",
		"exclusion.custom_made":      "依買方要求客製之商品",
		"exclusion.perishable":       "易於腐敗、保存期限較短之商品",
		"exclusion.unsealed_digital": "已拆封或已下載之數位內容",
		"exclusion.personal_hygiene": "已拆封之個人衛生用品",
		"exclusion.used":             "已使用之商品",

		"remedy.full_refund":               "全額退款",
		"remedy.partial_refund":            "雙方協議之部分退款",
		"remedy.replacement":               "換貨",
		"remedy.replacement_or_refund":     "換貨，或依買方選擇全額退款",
		"remedy.cancel_and_refund":         "解除契約並請求賣方全額退款",
		"remedy.refund_by_remaining_value": "卡片或序號無效者，全額退款；餘額短少者，按短少餘額占所載餘額之比例退還售價",
		"remedy.refund_and_compensation":   "全額退款並賠償其經證明之損失",

		"before.purchase": "賣方購入商品",
		"before.shipment": "出貨",
		"before.delivery": "交付",

		"by.either": "雙方均",
		"by.buyer":  "買方",
		"by.seller": "賣方",

		"cancelrefund.full":        "全額退還已付款項",
		"cancelrefund.minus_costs": "退還已付款項扣除賣方可證明之已生費用後之餘額",

		"step.negotiation":          "雙方協商",
		"step.platform":             "平台客服",
		"step.consumer_association": "消費者保護團體或消費爭議申訴",
		"step.mediation":            "調解",
		"step.court":                "法院訴訟（得適用小額訴訟程序）",
		"step.arbitration":          "仲裁",

		"law.CN":    "中華人民共和國（大陸地區）法律",
		"law.TW":    "中華民國（臺灣）法律",
		"law.HK":    "香港特別行政區法律",
		"law.other": "下列管轄法院所在地之法律",

		"unavailable.full_refund":             "賣方全額退還該項商品之已付款項",
		"unavailable.substitute_with_consent": "賣方須經買方書面同意始得改購替代品，否則全額退款",

		"col.no":         "項次",
		"col.item":       "品名",
		"col.condition":  "狀態",
		"col.quantity":   "數量",
		"col.unit":       "單價",
		"col.amount":     "金額",
		"col.amount_fee": "金額（含代購服務費）",
	},
	agreement.LocaleZHHans: {
		"word.signatures": "签署",
		"word.seller":     "卖方",
		"word.buyer":      "买方",
		"word.name":       "姓名／名称",
		"word.account":    "账号",
		"word.signature":  "签名或电子确认",
		"word.signdate":   "日期",

		"jur.CN":    "本合同涉及的法律问题适用中华人民共和国（内地）法律；有法律条文依据的，均注明出处。",
		"jur.TW":    "本合同涉及的法律问题适用台湾地区有关规定；有条文依据的，均注明出处。",
		"jur.HK":    "本合同涉及的法律问题适用香港特别行政区法律；有法律条文依据的，均注明出处。",
		"jur.other": "本合同未指定适用法域，各项法律问题仅以双方约定为准。",

		"kind.goods":          "商品买卖合同",
		"kind.secondhand":     "二手商品买卖合同",
		"kind.proxy_purchase": "代购委托合同",
		"kind.gift_card":      "礼品卡转让合同",

		"condition.new":      "全新",
		"condition.like_new": "几乎全新",
		"condition.good":     "良好",
		"condition.fair":     "一般",
		"condition.poor":     "较差",

		"card.anonymous":  "不记名卡",
		"card.registered": "记名卡",
		"card.code":       "兑换码",
		"card.voucher":    "礼券",

		"party.seller": "卖方",
		"party.buyer":  "买方",

		"method.escrow":           "通过平台担保交易",
		"method.bank_transfer":    "以银行转账方式",
		"method.cash_on_delivery": "以货到付款方式",
		"method.cash_in_person":   "在当面交付时以现金",
		"method.installments":     "以分期方式",
		"method.other":            "以双方书面约定的方式",

		"release.on_receipt_confirmation": "在买方确认收货时",
		"release.after_inspection":        "在验货期届满且买方未提出异议时",

		"deposit.earnest":    "定金",
		"deposit.prepayment": "预付款",

		"delivery.shipping":  "快递寄送",
		"delivery.in_person": "当面交付",
		"delivery.digital":   "线上交付",
		"delivery.pickup":    "买方自提",

		"exclusion.code_revealed":    "已向买方展示的卡密或兑换码",
		"exclusion.custom_made":      "按买方要求定制的商品",
		"exclusion.perishable":       "鲜活易腐的商品",
		"exclusion.unsealed_digital": "已拆封或已下载的数字商品",
		"exclusion.personal_hygiene": "已拆封的个人卫生用品",
		"exclusion.used":             "已使用的商品",

		"remedy.full_refund":               "全额退款",
		"remedy.partial_refund":            "双方协商一致的部分退款",
		"remedy.replacement":               "换货",
		"remedy.replacement_or_refund":     "换货，或由买方选择全额退款",
		"remedy.cancel_and_refund":         "解除合同并要求卖方全额退款",
		"remedy.refund_by_remaining_value": "卡或兑换码无效的，全额退款；余额短少的，按短少余额占约定余额的比例退还售价",
		"remedy.refund_and_compensation":   "全额退款并赔偿其经证明的损失",

		"before.purchase": "卖方购入商品",
		"before.shipment": "发货",
		"before.delivery": "交付",

		"by.either": "双方均",
		"by.buyer":  "买方",
		"by.seller": "卖方",

		"cancelrefund.full":        "全额退还已付款项",
		"cancelrefund.minus_costs": "退还已付款项扣除卖方能够证明的已发生费用后的余额",

		"step.negotiation":          "双方协商",
		"step.platform":             "平台客服介入",
		"step.consumer_association": "向消费者协会投诉",
		"step.mediation":            "调解",
		"step.court":                "向有管辖权的法院起诉（可适用小额诉讼程序）",
		"step.arbitration":          "仲裁",

		"law.CN":    "中华人民共和国法律",
		"law.TW":    "台湾地区有关规定",
		"law.HK":    "香港特别行政区法律",
		"law.other": "下列管辖法院所在地的法律",

		"unavailable.full_refund":             "卖方全额退还该商品的已付款项",
		"unavailable.substitute_with_consent": "卖方须经买方书面同意方可改购替代商品，否则全额退款",

		"col.no":         "序号",
		"col.item":       "商品名称",
		"col.condition":  "成色",
		"col.quantity":   "数量",
		"col.unit":       "单价",
		"col.amount":     "金额",
		"col.amount_fee": "金额（含代购服务费）",
	},
}

// citations name the source of a legal point under a jurisdiction (see
// DOMAIN.md §3). A point without a citation for a jurisdiction rests on the
// parties' agreement alone, and the templates say so.
var citations = map[agreement.Locale]map[string]string{
	agreement.LocaleEN: {
		"CN.earnest":      "PRC Civil Code arts. 586–587",
		"TW.earnest":      "Taiwan Civil Code arts. 248–249",
		"CN.noreason":     "PRC Consumer Rights Protection Law art. 25",
		"TW.noreason":     "Taiwan Consumer Protection Act arts. 18–19",
		"TW.noreasoncost": "Taiwan Consumer Protection Act art. 19",
		"TW.refund":       "Taiwan Consumer Protection Act art. 19-2",
		"CN.refund":       "PRC Consumer Rights Protection Law art. 25",
		"CN.digital":      "PRC E-Commerce Law art. 51",
		"CN.earnestcap":   "PRC Civil Code art. 586",
		"TW.exclusions":   "Taiwan 通訊交易解除權合理例外情事適用準則 (rules on reasonable exceptions to cancellation in distance sales) art. 2",
	},
	agreement.LocaleZHHant: {
		"CN.earnest":      "中華人民共和國民法典第586條至第587條",
		"TW.earnest":      "民法第248條至第249條",
		"CN.noreason":     "中華人民共和國消費者權益保護法第25條",
		"TW.noreason":     "消費者保護法第18條至第19條",
		"TW.noreasoncost": "消費者保護法第19條",
		"TW.refund":       "消費者保護法第19條之2",
		"CN.refund":       "中華人民共和國消費者權益保護法第25條",
		"CN.digital":      "中華人民共和國電子商務法第51條",
		"CN.earnestcap":   "中華人民共和國民法典第586條",
		"TW.exclusions":   "通訊交易解除權合理例外情事適用準則第2條",
	},
	agreement.LocaleZHHans: {
		"CN.earnest":      "《中华人民共和国民法典》第五百八十六条至第五百八十七条",
		"TW.earnest":      "台湾地区“民法”第248条至第249条",
		"CN.noreason":     "《中华人民共和国消费者权益保护法》第二十五条",
		"TW.noreason":     "台湾地区“消费者保护法”第18条至第19条",
		"TW.noreasoncost": "台湾地区“消费者保护法”第19条",
		"TW.refund":       "台湾地区“消费者保护法”第19条之2",
		"CN.refund":       "《中华人民共和国消费者权益保护法》第二十五条",
		"CN.digital":      "《中华人民共和国电子商务法》第五十一条",
		"CN.earnestcap":   "《中华人民共和国民法典》第五百八十六条",
		"TW.exclusions":   "台湾地区“通讯交易解除权合理例外情事适用准则”第2条",
	},
}
