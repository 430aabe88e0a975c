package agreement

import "strings"

// Rules of decoding: the Rule of a [FieldError] returned by [Decode]; also
// [RuleSyntax] (not well-formed YAML or JSON; Value holds the parser's own
// words) and the amount rules [RuleFloat], [RuleNegative], [RuleOverflow].
const (
	RuleSize           = "size"            // the file is larger than MaxSize (Param)
	RuleEncoding       = "encoding"        // not valid UTF-8
	RuleBinary         = "binary"          // a control character: not a text file
	RuleEmpty          = "empty"           // no document
	RuleSecondDocument = "second_document" // a second YAML document
	RuleTrailingData   = "trailing_data"   // data after the JSON value
	RuleControl        = "control"         // a control character written as an escape in text
	RuleAlias          = "alias"           // a YAML anchor or alias
	RuleDepth          = "depth"           // nested deeper than the format needs
	RuleKeyType        = "key_type"        // a key that is not a plain scalar
	RuleDuplicateKey   = "duplicate_key"   // a key given twice (Param: the first one's line:column)
	RuleUnknownKey     = "unknown_key"     // a key the format does not have (Param: the enclosing path)
	RuleType           = "type"            // a value of the wrong type (Param: amount, date, integer, bool, text, mapping, list)
	RuleVersion        = "version"         // a format version newer than FormatVersion (Param)
)

// Rules of validation that tie fields together: the Rule of a [FieldError]
// returned by [Agreement.Validate]; also [RuleCurrency] and [RuleDecimals]
// (Param: the decimals allowed). Field rules use validator's tag names
// ("required", "oneof", "max", …) instead.
const (
	RuleDistinctParties      = "distinct_parties"        // seller and buyer are the same account
	RuleNotBefore            = "not_before"              // a date before the one at Param
	RuleNotAfter             = "not_after"               // a date after the one at Param
	RuleDepositMax           = "deposit_max"             // deposit more than the total (Param)
	RuleEarnestCap           = "earnest_cap"             // earnest money over 20% of the total under CN (Param: the cap)
	RuleEarnestCapWarning    = "earnest_cap_warning"     // the same, elsewhere: a warning
	RuleInstallmentsOnly     = "installments_only"       // installments without method installments
	RuleInstallmentsRequired = "installments_required"   // method installments without a schedule
	RuleInstallmentsSum      = "installments_sum"        // installments do not add up to the balance due (Param)
	RuleInstallmentsOrder    = "installments_order"      // an installment not after the previous one
	RuleEscrowRequired       = "escrow_required"         // method escrow without an escrow block
	RuleEscrowOnly           = "escrow_only"             // an escrow block without method escrow
	RuleEscrowInspection     = "escrow_inspection"       // warning: escrow released after an inspection window the terms do not set
	RuleEscrowReleaseEarly   = "escrow_release_early"    // warning: escrow released automatically before the inspection window ends (Param: the window in days)
	RuleConditionRequired    = "condition_required"      // a second-hand item without a condition grade
	RuleProxyRequired        = "proxy_required"          // a proxy purchase item without a proxy block
	RuleProxyOnly            = "proxy_only"              // a proxy block outside a proxy purchase
	RuleFXRequired           = "fx_required"             // a foreign store price without rate or fixing date
	RuleGiftCardRequired     = "gift_card_required"      // a gift card item without the card block
	RuleGiftCardOnly         = "gift_card_only"          // a card block outside a gift card deal
	RuleBalanceMax           = "balance_max"             // balance more than face value (Param)
	RuleExpiry               = "expiry"                  // card expires before delivery plus inspection (Param: first acceptable day)
	RuleInspectionOne        = "inspection_one"          // inspection with both or neither of hours and days
	RuleExclusionsAck        = "exclusions_acknowledged" // exclusions without the buyer's acknowledgement
	RuleNoReasonMin          = "no_reason_min"           // business seller under CN or TW with fewer than 7 days (Param: CN or TW)
	RuleShippingFeeSeller    = "shipping_fee_seller"     // a shipping fee although the seller pays shipping
	RuleShippingPaidBy       = "shipping_paid_by"        // shipping without saying who pays it
	RuleGraceDays            = "grace_days"              // grace_then_cancel without grace_days
	RuleForfeitNeedsEarnest  = "forfeit_needs_earnest"   // forfeiting a deposit that is not earnest money
	RuleDefectsNone          = "defects_none"            // warning: used goods with no defect listed
	RuleAfterSalesMissing    = "after_sales_missing"     // warning: no after-sales contact
	RuleInspectionMissing    = "inspection_missing"      // warning: no inspection window
	RuleChannelMissing       = "channel_missing"         // warning: digital delivery without a channel
	RuleTrackingMissing      = "tracking_missing"        // warning: shipping without tracking
	RuleAuthenticityMissing  = "authenticity_missing"    // warning: proxy purchase without authenticity guarantee
	RulePriceOverBalance     = "price_over_balance"      // warning: card sold for more than its balance
	RuleDutyUnassigned       = "duty_unassigned"         // warning: foreign purchase without saying who pays duty
	RuleRefundWithinMax      = "refund_within_max"       // business seller under CN (7) or TW (15) refunding later than the law allows (Param: CN or TW)
	RuleGoverningLaw         = "governing_law"           // warning: dispute.governing_law is not the jurisdiction
	RuleLossUnassigned       = "loss_unassigned"         // warning: a purchase abroad without loss_borne_by
	RuleFXChangeUnassigned   = "fx_change_unassigned"    // warning: a purchase abroad without fx_change_borne_by
	RuleCancellationMissing  = "cancellation_missing"    // warning: no cancellation terms
	RuleGraceDaysOnly        = "grace_days_only"         // grace_days with a late_payment other than grace_then_cancel
	RuleExclusionNotLawful   = "exclusion_not_lawful"    // business seller under CN or TW excluding used goods from the no-reason return (Param: CN or TW)
	RuleMixedScript          = "mixed_script"            // an account, number or contact mixing Latin with Cyrillic or Greek letters (Value: the first of these)
	RuleBidiControl          = "bidi_control"            // a bidirectional formatting character in text (Value: U+XXXX)
	RuleInvisible            = "invisible"               // an invisible character in an identifier, or a line or paragraph separator in text (Value: U+XXXX)
	RuleInvalid              = "invalid"                 // a field rule with no translation of its own
	RuleFullWidth            = "fullwidth"               // an amount, number or date in full-width characters (Param: the half-width spelling)
	RuleDate                 = "date"                    // a date that is not a calendar day from 1900 to 9999 (set from Go, as 2026-11-31)

	// The rules that keep a contract within the law (DOMAIN.md §4);
	// "consumer sale" means a business seller and a buyer not buying as a
	// business. Errors refuse new proposals only: Verify does not apply
	// them to contracts already made.
	RuleCourtOrArbitration     = "court_or_arbitration"    // court and arbitration both offered (Param: the jurisdiction)
	RuleRemedyBelowStatute     = "remedy_below_statute"    // a consumer sale under CN, TW or HK offering a partial refund for goods not as described or defective (Param: the jurisdiction)
	RuleConsumerArbitration    = "consumer_arbitration"    // warning: arbitration in a consumer sale under HK (Param: HK)
	RuleConsumerAssociation    = "consumer_association"    // warning: a consumer association as a step when the deal is not a consumer sale
	RuleAuthenticityDisclaimed = "authenticity_disclaimed" // warning: a business disclaims genuineness to a consumer under CN, TW or HK (Param: the jurisdiction)
	RuleEarnestHK              = "earnest_hk"              // warning: earnest money (定金) under HK, which has no such doctrine
	RuleEarnestCoolingOff      = "earnest_cooling_off"     // warning: a TW consumer sale whose buyer could forfeit earnest money by cancelling
	RuleCardExpiryLaw          = "card_expiry_law"         // warning: a card expiry the prepaid-card rules forbid (Param: CN:registered, CN:anonymous or TW)
	RuleInvalidCardMissing     = "invalid_card_missing"    // warning: a gift card deal with no remedy for an invalid card
	RuleDueFirstPayment        = "due_first_payment"       // warning: with installments, payment.due is not the date of the first payment (Param: that date)
	RuleFXPair                 = "fx_pair"                 // warning: fx_rate without store_currency
	RuleTransitRiskConsumer    = "transit_risk_consumer"   // warning: a CN consumer sale putting transit loss on the buyer who did not choose the carrier
	RuleSHA256                 = "sha256"                  // an evidence hash that is not 64 lower-case hex digits (the validator's tag)
	RuleEvidenceDuplicate      = "evidence_duplicate"      // the same evidence file listed twice (Param: the first one's path)
	RuleMeetupOnly             = "meetup_only"             // a meet-up for goods not handed over in person
	RuleAddressOnly            = "address_only"            // a delivery address for goods not shipped
	RuleFromShipment           = "from_shipment"           // escrow counted from shipment for goods not shipped
	RuleExtensionNeedsTimer    = "extension_needs_timer"   // an extension of an automatic release that is not set
	RulePartialOneItem         = "partial_one_item"        // warning: partial delivery of a single item
	RuleDutyPrepaidSeller      = "duty_prepaid_seller"     // duty collected up front although the seller pays duty
	RuleResaleForbidden        = "resale_forbidden"        // warning: the issuer forbids resale
	RuleRevealNeedsEscrow      = "reveal_needs_escrow"     // a code revealed once the payment is in escrow, without escrow
	RuleRevealInPerson         = "reveal_in_person"        // a code revealed in person for a deal not handed over in person
	RulePersonalDataMissing    = "personal_data_missing"   // warning: a business keeps the buyer's address without a personal-data term (Param: the jurisdiction)
	RulePersonalDataShort      = "personal_data_short"     // warning: contact details kept for less time than the evidence (Param: evidence.keep_days)
	RuleCommitment             = "commitment"              // a contact_commitment that is not sha256: and 64 lower-case hex digits
	RuleDamagesEmpty           = "damages_empty"           // damages without a daily amount
	RuleDamagesOverCap         = "damages_over_cap"        // a daily amount over the cap (Param: the cap)
	RuleDamagesOverTotal       = "damages_over_total"      // warning: a cap over the total price (Param: the total)
	RuleDamagesExcessive       = "damages_excessive"       // warning: a cap a court may reduce (Param: CN, TW, HK or HK:unstated)
	RuleDamagesEarnest         = "damages_earnest"         // warning: earnest money and liquidated damages under CN (Param: CN)
)

// catalog holds the messages of this package's rules, and of the few
// validator tags whose translations some locale lacks, in en, zh-Hans and
// zh-Hant. "{param}" and "{value}" are replaced by the finding's Param and
// Value. A key "rule:param" overrides "rule" for that param. Never changed
// after initialisation.
var catalog = map[string][3]string{
	RuleSize:             {"the file is larger than {param} bytes", "文件超过 {param} 字节", "檔案超過 {param} 位元組"},
	RuleEncoding:         {"not valid UTF-8 (byte {value}); save the file as UTF-8", "不是有效的 UTF-8 编码（字节 {value}），请以 UTF-8 保存文件", "不是有效的 UTF-8 編碼（位元組 {value}），請以 UTF-8 儲存檔案"},
	RuleBinary:           {"control character {value}: this is not a text terms file", "控制字符 {value}：这不是文本格式的条款文件", "控制字元 {value}：這不是文字格式的條款檔案"},
	RuleControl:          {"the text holds control character {value}; remove it", "文本中含有控制字符 {value}，请删除", "文字中含有控制字元 {value}，請刪除"},
	RuleEmpty:            {"the file holds no terms", "文件中没有条款", "檔案中沒有條款"},
	RuleSyntax:           {"not well-formed: {value}", "格式错误：{value}", "格式錯誤：{value}"},
	"syntax:tab":         {"a tab in the indentation: YAML indents with spaces only", "缩进中有制表符（Tab）：YAML 只能用空格缩进", "縮排中有定位字元（Tab）：YAML 只能用空格縮排"},
	"syntax:indent":      {"not well-formed: this line's indentation does not line up with the lines around it, or a colon is missing ({value})", "格式错误：这一行的缩进与上下文不一致，或缺少冒号（{value}）", "格式錯誤：這一行的縮排與上下文不一致，或缺少冒號（{value}）"},
	RuleSecondDocument:   {"a second YAML document; a terms file holds exactly one", "出现第二个 YAML 文档；条款文件只能有一个", "出現第二個 YAML 文件；條款檔案只能有一個"},
	RuleTrailingData:     {"data after the end of the terms", "条款结束后还有多余内容", "條款結束後還有多餘內容"},
	RuleAlias:            {"YAML anchors and aliases (&{value}, *{value}) are not allowed; write the value out", "不允许使用 YAML 锚点和别名（&{value}、*{value}），请直接写出内容", "不允許使用 YAML 錨點與別名（&{value}、*{value}），請直接寫出內容"},
	RuleDepth:            {"nested more than {param} levels deep", "嵌套超过 {param} 层", "巢狀超過 {param} 層"},
	RuleKeyType:          {"a key must be plain text", "键必须是纯文本", "鍵必須是純文字"},
	RuleDuplicateKey:     {"key %q given twice (first at {param})", "键 %q 重复（第一次出现在 {param}）", "鍵 %q 重複（第一次出現在 {param}）"},
	RuleUnknownKey:       {"unknown key %q", "未知的键 %q", "未知的鍵 %q"},
	"type:amount":        {"%q is not an amount: write a decimal string in major units such as \"1,200.50\" or an integer", "%q 不是金额：请写成以元为单位的十进制字符串（如 \"1,200.50\"）或整数", "%q 不是金額：請寫成以元為單位的十進位字串（如 \"1,200.50\"）或整數"},
	"type:calendar_date": {"%q is not a day of the calendar (from 1900): check the month and the day", "%q 不是日历上的日期（1900 年起）：请检查月份和日期", "%q 不是日曆上的日期（1900 年起）：請檢查月份與日期"},
	"type:date":          {"%q is not a date: write YYYY-MM-DD", "%q 不是日期：请写成 YYYY-MM-DD", "%q 不是日期：請寫成 YYYY-MM-DD"},
	"type:integer":       {"%q is not a whole number", "%q 不是整数", "%q 不是整數"},
	RuleFullWidth:        {"%q is written with full-width characters: write it with half-width digits and punctuation, as {param}", "%q 使用了全角字符：请改用半角数字和标点，写成 {param}", "%q 使用了全形字元：請改用半形數字與標點，寫成 {param}"},
	"type:leading_zero":  {"%q starts with 0, which YAML reads as an octal number: write it without the leading zero", "%q 以 0 开头，YAML 会把它读成八进制数：请去掉开头的 0", "%q 以 0 開頭，YAML 會將其讀為八進位數：請去掉開頭的 0"},
	"type:quoted":        {"%q is in quotes, which makes it text: write it without the quotes", "%q 加了引号，会被当作文本：请去掉引号", "%q 加了引號，會被當作文字：請去掉引號"},
	"type:bool":          {"%q is not true or false", "%q 不是 true 或 false", "%q 不是 true 或 false"},
	"type:text":          {"%q is not text", "%q 不是文本", "%q 不是文字"},
	"type:mapping":       {"want keys and values here, not %q", "此处应为键值对，而不是 %q", "此處應為鍵值對，而非 %q"},
	"type:list":          {"want a list here, not %q", "此处应为列表，而不是 %q", "此處應為清單，而非 %q"},
	RuleType:             {"%q has the wrong type", "%q 类型不对", "%q 型別不對"},
	RuleVersion:          {"format version %q is newer than this program reads ({param}); update tradepact", "格式版本 %q 比本程序支持的版本（{param}）更新，请升级 tradepact", "格式版本 %q 比本程式支援的版本（{param}）更新，請更新 tradepact"},

	RuleCurrency:                    {"%q is not a currency this program knows (ISO 4217 code)", "%q 不是已知的币种（ISO 4217 代码）", "%q 不是已知的幣別（ISO 4217 代碼）"},
	RuleDecimals:                    {"%q has more decimals than {param1} allows: {param1} amounts have at most {param2} decimal places", "%q 的小数位数超过 {param1} 允许的位数：{param1} 金额最多 {param2} 位小数", "%q 的小數位數超過 {param1} 允許的位數：{param1} 金額最多 {param2} 位小數"},
	RuleDistinctParties:             {"the buyer's account is the seller's account (%q); seller and buyer must be different", "买家账号与卖家账号相同（%q），买卖双方必须不同", "買家帳號與賣家帳號相同（%q），買賣雙方必須不同"},
	RuleNotBefore:                   {"%q is before {param}", "%q 早于 {param}", "%q 早於 {param}"},
	RuleNotAfter:                    {"%q is after {param}", "%q 晚于 {param}", "%q 晚於 {param}"},
	RuleDepositMax:                  {"the deposit %q is more than the total {param}", "定金或预付款 %q 超过总价 {param}", "定金或預付款 %q 超過總價 {param}"},
	RuleEarnestCap:                  {"earnest money (定金) of %q is more than 20% of the total: PRC Civil Code art. 586 caps it at {param} and the excess has no effect as earnest money", "定金 %q 超过总价的20%：《民法典》第五百八十六条规定定金数额不得超过主合同标的额的20%（即 {param}），超过部分不产生定金的效力", "定金 %q 超過總價的20%：中國大陸《民法典》第586條規定定金數額不得超過主合同標的額的20%（即 {param}），超過部分不產生定金效力"},
	RuleEarnestCapWarning:           {"earnest money (定金) of %q is more than 20% of the total ({param}); the law of this jurisdiction sets no such cap, but a forfeit this large invites a dispute, and a court may reduce it as excessive or refuse it as a penalty", "定金 %q 超过总价的20%（{param}）；本法域法律虽无此上限，但数额过高的定金容易引发纠纷，法院可能予以酌减或认定为罚金而不予支持", "定金 %q 超過總價的20%（{param}）；本法域法律雖無此上限，但數額過高之定金容易引發糾紛，法院得予酌減或認定為懲罰性條款而不予支持"},
	RuleInstallmentsOnly:            {"installments are only for payment.method: installments", "只有 payment.method 为 installments 时才能约定分期", "只有 payment.method 為 installments 時才能約定分期"},
	RuleInstallmentsRequired:        {"payment.method installments needs the installment schedule", "分期付款须列出分期计划", "分期付款須列出分期計畫"},
	RuleInstallmentsSum:             {"the installments add up to %q, not the balance due {param}", "各期金额合计 %q，与应付余额 {param} 不符", "各期金額合計 %q，與應付餘額 {param} 不符"},
	RuleInstallmentsOrder:           {"%q is not after the previous installment ({param})", "%q 不晚于上一期（{param}）", "%q 不晚於上一期（{param}）"},
	RuleEscrowRequired:              {"payment.method escrow needs the escrow block (provider and release rule)", "担保交易须填写 escrow（平台与放款条件）", "第三方支付須填寫 escrow（平台與撥款條件）"},
	RuleEscrowOnly:                  {"an escrow block is only for payment.method: escrow", "只有 payment.method 为 escrow 时才能填写 escrow", "只有 payment.method 為 escrow 時才能填寫 escrow"},
	RuleEscrowInspection:            {"the escrow is released after_inspection, but the terms set no inspection window: add inspection, or release on_receipt_confirmation", "放款条件为验货期满（after_inspection），但条款未约定验货期：请填写 inspection，或改为 on_receipt_confirmation", "撥款條件為檢查期間屆滿（after_inspection），但條款未約定檢查期間：請填寫 inspection，或改為 on_receipt_confirmation"},
	RuleEscrowReleaseEarly:          {"the escrow pays the seller automatically after {value} days, before the buyer's inspection window of {param} days ends: a buyer who complains in time could already have lost the escrow's protection", "担保交易在 {value} 天后自动放款，早于 {param} 天验货期届满：买方在验货期内及时提出异议时，价款可能已付给卖方", "履約保證於 {value} 日後自動撥款，早於 {param} 日之檢查期間屆滿：買方於檢查期間內及時異議時，價金可能已撥付賣方"},
	RuleConditionRequired:           {"a second-hand item needs its condition (new, like_new, good, fair, poor)", "二手商品须注明成色（new、like_new、good、fair、poor）", "二手商品須註明成色（new、like_new、good、fair、poor）"},
	RuleProxyRequired:               {"a proxy purchase item needs the proxy block naming the store", "代购商品须填写 proxy 并注明购买商店", "代購商品須填寫 proxy 並註明購買商店"},
	RuleProxyOnly:                   {"a proxy block is only for kind: proxy_purchase", "只有 kind 为 proxy_purchase 时才能填写 proxy", "只有 kind 為 proxy_purchase 時才能填寫 proxy"},
	RuleFXRequired:                  {"a store price in another currency needs fx_rate and fx_fixed_on, so the price cannot move later", "以外币计价的商店价格须注明 fx_rate 与 fx_fixed_on，以免事后价格变动", "以外幣計價的商店價格須註明 fx_rate 與 fx_fixed_on，以免事後價格變動"},
	RuleGiftCardRequired:            {"a gift card item needs the gift_card block (brand, face value, balance, expiry, source)", "礼品卡商品须填写 gift_card（品牌、面额、余额、有效期、来源）", "禮物卡商品須填寫 gift_card（品牌、面額、餘額、有效期限、來源）"},
	RuleGiftCardOnly:                {"a gift_card block is only for kind: gift_card", "只有 kind 为 gift_card 时才能填写 gift_card", "只有 kind 為 gift_card 時才能填寫 gift_card"},
	RuleBalanceMax:                  {"the balance %q is more than the face value {param}", "余额 %q 超过面额 {param}", "餘額 %q 超過面額 {param}"},
	RuleExpiry:                      {"the card expires on %q, before the inspection window after delivery ends; it must be valid at least until {param}", "卡片于 %q 到期，早于交付后验收期结束；有效期至少须到 {param}", "卡片於 %q 到期，早於交付後檢查期結束；有效期限至少須到 {param}"},
	RuleInspectionOne:               {"give exactly one of hours or days", "hours 与 days 必须且只能填写一项", "hours 與 days 必須且只能填寫一項"},
	RuleExclusionsAck:               {"exclusions from the no-reason return need exclusions_acknowledged: true (the buyer confirms them at purchase)", "排除无理由退货须设 exclusions_acknowledged: true（买家在购买时确认）", "排除無理由退貨須設 exclusions_acknowledged: true（買家於購買時確認）"},
	"no_reason_min:CN":              {"a business seller must let the buyer return goods bought at a distance within 7 days without reason (PRC Consumer Rights Protection Law art. 25); it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "经营者采用网络等方式销售商品，消费者有权自收到商品之日起七日内无理由退货（《消费者权益保护法》第二十五条）；此规定只约束经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "經營者以網路等方式銷售商品，消費者有權自收到商品之日起七日內無理由退貨（中國大陸《消費者權益保護法》第25條）；此規定只拘束經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	"no_reason_min:TW":              {"a business seller must let the buyer cancel a distance sale within 7 days of receipt without reason (Taiwan Consumer Protection Act art. 19); it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "企业经营者以通讯交易方式销售商品，消费者得于收受商品后七日内无须说明理由解除契约（台湾地区“消费者保护法”第19条）；此规定只约束企业经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "企業經營者以通訊交易方式銷售商品，消費者得於收受商品後七日內無須說明理由解除契約（《消費者保護法》第19條）；此規定只拘束企業經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	RuleNoReasonMin:                 {"a business seller must offer at least 7 days' return without reason", "经营者须提供至少七日无理由退货", "企業經營者須提供至少七日無理由退貨"},
	RuleShippingFeeSeller:           {"shipping_fee must be 0 when delivery.shipping_paid_by is seller", "delivery.shipping_paid_by 为 seller 时 shipping_fee 必须为 0", "delivery.shipping_paid_by 為 seller 時 shipping_fee 必須為 0"},
	RuleShippingPaidBy:              {"say who pays for shipping (seller or buyer)", "请注明运费由谁承担（seller 或 buyer）", "請註明運費由誰負擔（seller 或 buyer）"},
	RuleGraceDays:                   {"late_payment grace_then_cancel needs grace_days", "late_payment 为 grace_then_cancel 时须填写 grace_days", "late_payment 為 grace_then_cancel 時須填寫 grace_days"},
	RuleForfeitNeedsEarnest:         {"only earnest money (定金) can be forfeited: add a deposit of type earnest or choose another late_payment", "只有定金可以不予返还：请约定 type 为 earnest 的定金，或改用其他 late_payment", "只有定金可以沒收：請約定 type 為 earnest 的定金，或改用其他 late_payment"},
	RuleDefectsNone:                 {"no defects listed for a used item; list every known defect so the buyer cannot later say one was hidden", "二手商品未列出瑕疵；请逐条列出所有已知瑕疵，以免日后被指隐瞒", "二手商品未列出瑕疵；請逐條列出所有已知瑕疵，以免日後被指隱瞞"},
	RuleAfterSalesMissing:           {"no after-sales contact and response time", "未注明售后联系方式与回复时限", "未註明售後聯絡方式與回覆時限"},
	RuleInspectionMissing:           {"no inspection window: say how long the buyer has to check the goods", "未约定验收期：请注明买家有多长时间检查商品", "未約定檢查期：請註明買家有多長時間檢查商品"},
	RuleChannelMissing:              {"digital delivery without a channel: say where the code is revealed", "数字交付未注明渠道：请注明在哪里发送卡密", "數位交付未註明管道：請註明在哪裡提供序號"},
	RuleTrackingMissing:             {"shipping without tracking makes a lost parcel hard to settle", "寄送无物流单号，丢件时难以厘清责任", "寄送無物流追蹤，遺失時難以釐清責任"},
	RuleAuthenticityMissing:         {"no authenticity guarantee for a proxy purchase", "代购未约定正品保证", "代購未約定正品保證"},
	RulePriceOverBalance:            {"the card is sold for more than its balance {param}", "礼品卡售价高于余额 {param}", "禮物卡售價高於餘額 {param}"},
	RuleDutyUnassigned:              {"a purchase abroad without duty_paid_by: say who pays customs duty", "境外代购未注明 duty_paid_by：请注明关税由谁承担", "境外代購未註明 duty_paid_by：請註明關稅由誰負擔"},
	RuleFloat:                       {"%q is read as a floating-point number, which is not exact: put the amount in quotes, \"{value}\"", "%q 会被读成不精确的浮点数：请给金额加上引号，写成 \"{value}\"", "%q 會被讀成不精確的浮點數：請為金額加上引號，寫成 \"{value}\""},
	"float:spelling":                {"%q is read as a floating-point number, which is not exact: write the amount in digits and quotes, such as \"1000\" or \"0.50\"", "%q 会被读成不精确的浮点数：请用数字加引号写出金额，例如 \"1000\" 或 \"0.50\"", "%q 會被讀成不精確的浮點數：請用數字加引號寫出金額，例如 \"1000\" 或 \"0.50\""},
	RuleNegative:                    {"%q is negative", "%q 为负数", "%q 為負數"},
	RuleOverflow:                    {"%q is too large", "%q 数额过大", "%q 數額過大"},
	"overflow:sum":                  {"the amounts add up to more than can be computed exactly; check the quantities and prices", "金额合计过大，无法精确计算；请检查数量与单价", "金額合計過大，無法精確計算；請檢查數量與單價"},
	"refund_within_max:CN":          {"a business seller must refund within 7 days of receiving the returned goods (PRC Consumer Rights Protection Law art. 25); it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "经营者应当自收到退回商品之日起七日内返还价款（《消费者权益保护法》第二十五条）；此规定只约束经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "經營者應自收到退回商品之日起七日內返還價款（中國大陸《消費者權益保護法》第25條）；此規定只拘束經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	"refund_within_max:TW":          {"a business seller must refund within 15 days of taking the goods back (Taiwan Consumer Protection Act art. 19-2); it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "企业经营者应于取回商品之日起十五日内返还价款（台湾地区“消费者保护法”第19条之2）；此规定只约束企业经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "企業經營者應於取回商品之日起十五日內返還已支付之對價（《消費者保護法》第19條之2）；此規定只拘束企業經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	RuleRefundWithinMax:             {"a business seller must refund sooner", "经营者须更早退款", "企業經營者須更早退款"},
	RuleGoverningLaw:                {"the governing law %q is not the jurisdiction {param} the terms assume; the contract's legal notes follow jurisdiction", "适用法律 %q 与条款所依据的法域 {param} 不同；合同中的法律说明以 jurisdiction 为准", "準據法 %q 與條款所依據的法域 {param} 不同；契約中的法律說明以 jurisdiction 為準"},
	RuleLossUnassigned:              {"a purchase abroad without loss_borne_by: say who bears seizure or loss in transit", "境外代购未注明 loss_borne_by：请注明扣关或运输丢失由谁承担", "境外代購未註明 loss_borne_by：請註明扣關或運送遺失由誰負擔"},
	RuleFXChangeUnassigned:          {"a price in another currency without fx_change_borne_by: say who bears a change of rate", "外币价格未注明 fx_change_borne_by：请注明汇率变动由谁承担", "外幣價格未註明 fx_change_borne_by：請註明匯率變動由誰負擔"},
	RuleGraceDaysOnly:               {"grace_days applies only to late_payment: grace_then_cancel; remove it or change late_payment", "grace_days 只适用于 late_payment: grace_then_cancel，请删除或修改 late_payment", "grace_days 只適用於 late_payment: grace_then_cancel，請刪除或修改 late_payment"},
	"exclusion_not_lawful:CN":       {"a business seller cannot exclude used goods from the 7-day return without reason: they are not among the goods PRC Consumer Rights Protection Law art. 25 lets it exclude (goods returned must be in good condition, which the law already requires); it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "经营者不得将已使用的商品排除于七日无理由退货之外：此类商品不在《消费者权益保护法》第二十五条规定可排除的范围内（退回的商品应当完好，法律已有规定）；此规定只约束经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "經營者不得將已使用之商品排除於七日無理由退貨之外：此類商品不在中國大陸《消費者權益保護法》第25條所定得排除之範圍（退回之商品應當完好，法律已有規定）；此規定只拘束經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	"exclusion_not_lawful:TW":       {"a business seller cannot exclude used goods from the 7-day cancellation: they are not among the exceptions Taiwan Consumer Protection Act art. 19 allows, and terms to the contrary are void; it binds businesses only and protects consumers only: set seller.business: false if the seller is a private person, or buyer.business: true if the buyer buys for a business", "企业经营者不得将已使用的商品排除于七日解除权之外：此非台湾地区“消费者保护法”第19条所定的合理例外情事，违反的约定无效；此规定只约束企业经营者、只保护消费者：卖家为个人时请设 seller.business: false，买家为经营目的购买时请设 buyer.business: true", "企業經營者不得將已使用之商品排除於七日解除權之外：此非《消費者保護法》第19條所定之合理例外情事，違反之約定無效；此規定只拘束企業經營者、只保護消費者：賣家為個人時請設 seller.business: false，買家為營業目的購買時請設 buyer.business: true"},
	RuleExclusionNotLawful:          {"a business seller cannot exclude used goods from the no-reason return", "经营者不得将已使用的商品排除于无理由退货之外", "企業經營者不得將已使用之商品排除於無理由退貨之外"},
	RuleMixedScript:                 {"mixes Latin letters with Cyrillic or Greek ones that look alike ({value}); write it in one script", "混用了拉丁字母与外形相似的西里尔或希腊字母（{value}），请只用一种文字书写", "混用了拉丁字母與外形相似的西里爾或希臘字母（{value}），請只用一種文字書寫"},
	RuleBidiControl:                 {"holds the invisible direction control {value}, which can make the text display in another order than it is stored and signed; remove it", "含有不可见的文字方向控制字符 {value}，可能使文字显示的顺序与实际签署的内容不同，请删除", "含有看不見的文字方向控制字元 {value}，可能使文字顯示的順序與實際簽署的內容不同，請刪除"},
	RuleInvisible:                   {"holds the invisible character {value}, so values that look the same could differ; remove it", "含有不可见字符 {value}，看起来相同的内容可能并不相同，请删除", "含有看不見的字元 {value}，看起來相同的內容可能並不相同，請刪除"},
	RuleCancellationMissing:         {"no cancellation terms: say who may cancel before the trade is carried out, until when, and what is refunded", "未约定取消条款：请注明履行前谁可以取消、截止何时、退还多少", "未約定取消條款：請註明履行前誰可以取消、截止何時、退還多少"},
	RuleDate:                        {"%q is not a calendar date: want a day from 1900-01-01 to 9999-12-31", "%q 不是有效的日期：应为 1900-01-01 至 9999-12-31 之间的日期", "%q 不是有效的日期：應為 1900-01-01 至 9999-12-31 之間的日期"},
	"court_or_arbitration:CN":       {"court and arbitration are both offered: an agreement that a dispute may go either to arbitration or to court makes the arbitration agreement void (SPC interpretation of the PRC Arbitration Law, 2006, art. 7; it survives only if the other party does not object before the first hearing, Arbitration Law art. 20); keep one of them", "同时约定了诉讼和仲裁：约定争议可以向仲裁机构申请仲裁也可以向人民法院起诉的，仲裁协议无效（《最高人民法院关于适用〈中华人民共和国仲裁法〉若干问题的解释》第七条；仅在另一方未于首次开庭前提出异议时仍有效，《仲裁法》第二十条）；请只保留其中一种", "同時約定了訴訟與仲裁：約定爭議得申請仲裁亦得向法院起訴者，仲裁協議無效（中國大陸最高人民法院關於適用仲裁法若干問題的解釋第7條；僅於他方未於首次開庭前提出異議時仍有效，仲裁法第20條）；請只保留其中一種"},
	"court_or_arbitration:HK":       {"court and arbitration are both offered: a dispute goes to one of them, and in a consumer sale an arbitration clause binds the consumer only if the consumer agrees in writing after the dispute has arisen (Control of Exemption Clauses Ordinance, Cap. 71, s. 15); keep one of them", "同时约定了诉讼和仲裁：争议只能提交其中之一；消费交易中，仲裁条款只有在争议发生后经消费者书面同意才对其有约束力（香港《管制免责条款条例》（第71章）第15条）；请只保留其中一种", "同時約定了訴訟與仲裁：爭議只能提交其中之一；消費交易中，仲裁條款須於爭議發生後經消費者書面同意始拘束消費者（香港《管制免責條款條例》（第71章）第15條）；請只保留其中一種"},
	RuleCourtOrArbitration:          {"court and arbitration are both offered: they exclude each other, and a clause offering both leaves it unclear where a dispute goes (under PRC law it voids the arbitration agreement); keep one of them", "同时约定了诉讼和仲裁：两者互相排斥，同时约定会使争议向何处提交不明确（依中国大陆法律，仲裁协议因此无效）；请只保留其中一种", "同時約定了訴訟與仲裁：兩者互相排斥，同時約定將使爭議應向何處提交不明確（依中國大陸法律，仲裁協議因此無效）；請只保留其中一種"},
	"remedy_below_statute:CN":       {"a business cannot limit a consumer to %q: for goods that are not as described or defective the consumer may have them returned, replaced or repaired (PRC Consumer Rights Protection Law art. 24), and standard terms that exclude or limit this are void (art. 26); offer full_refund, replacement or replacement_or_refund", "经营者不得将消费者的补救限于 %q：商品不符合质量要求或与描述不符的，消费者可以要求退货、更换或者修理（《消费者权益保护法》第二十四条），以格式条款排除或者限制此项权利的，其内容无效（第二十六条）；请改为 full_refund、replacement 或 replacement_or_refund", "經營者不得將消費者之救濟限於 %q：商品不符合品質要求或與描述不符者，消費者得請求退貨、更換或修理（中國大陸消費者權益保護法第24條），以格式條款排除或限制者，其內容無效（第26條）；請改為 full_refund、replacement 或 replacement_or_refund"},
	"remedy_below_statute:TW":       {"a business cannot limit a consumer to %q: the Civil Code's remedies for defects (arts. 359, 364) stay with the consumer, and standard terms contrary to good faith and clearly unfair to the consumer are void (Taiwan Consumer Protection Act art. 12); offer full_refund, replacement or replacement_or_refund", "企业经营者不得将消费者的救济限于 %q：台湾地区“民法”关于瑕疵担保的救济（第359条、第364条）仍归消费者，违反诚信原则、对消费者显失公平的定型化契约条款无效（台湾地区“消费者保护法”第12条）；请改为 full_refund、replacement 或 replacement_or_refund", "企業經營者不得將消費者之救濟限於 %q：民法瑕疵擔保之救濟（第359條、第364條）仍屬消費者，定型化契約條款違反誠信原則，對消費者顯失公平者無效（消費者保護法第12條）；請改為 full_refund、replacement 或 replacement_or_refund"},
	"remedy_below_statute:HK":       {"a business cannot limit a consumer to %q: liability for goods that do not match their description or are not of satisfactory quality cannot be excluded or restricted against a consumer (Control of Exemption Clauses Ordinance, Cap. 71, s. 11); offer full_refund, replacement or replacement_or_refund", "经营者不得将消费者的补救限于 %q：货品与说明不符或质量不合格的责任，不得以合约条款对消费者免除或限制（香港《管制免责条款条例》（第71章）第11条）；请改为 full_refund、replacement 或 replacement_or_refund", "經營者不得將消費者之救濟限於 %q：貨品與說明不符或品質不合格之責任，不得以契約條款對消費者免除或限制（香港《管制免責條款條例》（第71章）第11條）；請改為 full_refund、replacement 或 replacement_or_refund"},
	RuleRemedyBelowStatute:          {"a business cannot limit a consumer to %q", "经营者不得将消费者的补救限于 %q", "經營者不得將消費者之救濟限於 %q"},
	RuleConsumerArbitration:         {"an arbitration clause binds a consumer only if the consumer agrees in writing after the dispute has arisen (Control of Exemption Clauses Ordinance, Cap. 71, s. 15); the contract says so, and the consumer may still go to court or the Small Claims Tribunal", "仲裁条款只有在争议发生后经消费者书面同意才对其有约束力（香港《管制免责条款条例》（第71章）第15条）；合同已载明这一点，消费者仍可向法院或小额钱债审裁处提出", "仲裁條款須於爭議發生後經消費者書面同意始拘束消費者（香港《管制免責條款條例》（第71章）第15條）；契約已載明此點，消費者仍得向法院或小額錢債審裁處提出"},
	RuleConsumerAssociation:         {"a consumer association takes complaints against businesses by consumers only (PRC Consumer Rights Protection Law art. 37, Taiwan Consumer Protection Act art. 43): drop this step when the seller is a private person or the buyer buys as a business", "消费者协会只受理消费者对经营者的投诉（《消费者权益保护法》第三十七条、台湾地区“消费者保护法”第43条）：卖家为个人或买家为经营目的购买时，请删除此步骤", "消費者保護團體只受理消費者對企業經營者之申訴（消費者保護法第43條、中國大陸消費者權益保護法第37條）：賣家為個人或買家為營業目的購買時，請刪除此步驟"},
	"authenticity_disclaimed:CN":    {"a business that sells counterfeit goods as genuine to a consumer owes a refund plus three times the price, at least ¥500 (PRC Consumer Rights Protection Law art. 55), whatever the contract says (art. 26): a disclaimer of genuineness does not protect it", "经营者向消费者出售假冒商品的，应退还价款并赔偿价款的三倍，不足五百元的按五百元计（《消费者权益保护法》第五十五条），合同另有约定亦同（第二十六条）：不保证正品的约定不能免除此责任", "經營者向消費者出售仿冒商品者，應退還價款並賠償價款三倍，不足人民幣五百元者以五百元計（中國大陸消費者權益保護法第55條），契約另有約定亦同（第26條）：不保證真品之約定不能免除此責任"},
	RuleAuthenticityDisclaimed:      {"a business that disclaims that its goods are genuine to a consumer remains liable under consumer law (Taiwan Consumer Protection Act art. 12; Hong Kong Control of Exemption Clauses Ordinance, Cap. 71, s. 11): the disclaimer invites a dispute", "经营者向消费者声明不保证正品，仍须依消费者保护法律负责（台湾地区“消费者保护法”第12条；香港《管制免责条款条例》（第71章）第11条）：此声明容易引发纠纷", "企業經營者向消費者聲明不保證真品，仍須依消費者保護法令負責（消費者保護法第12條；香港《管制免責條款條例》（第71章）第11條）：此聲明容易引發糾紛"},
	RuleEarnestHK:                   {"Hong Kong law has no rule on earnest money (定金): forfeiting a reasonable deposit is usually upheld, but a duty to return twice the amount may be struck down as a penalty; consider a prepayment", "香港法律没有定金规则：没收合理数额的订金通常会获支持，但双倍返还的约定可能被认定为罚金条款而无效；可考虑改为预付款", "香港法律並無定金規則：沒收合理數額之訂金通常獲得支持，但加倍返還之約定可能被認定為懲罰性條款而無效；可考慮改為預付款"},
	RuleEarnestCoolingOff:           {"a consumer may cancel a distance sale within 7 days of receipt at no cost (Taiwan Consumer Protection Act art. 19 I), and terms to the contrary are void (art. 19 V): the buyer keeps the earnest money when cancelling that way, and the contract says so", "消费者得于收受商品后七日内解除通讯交易且无须负担任何费用（台湾地区“消费者保护法”第19条第1项），违反的约定无效（同条第5项）：买方以此方式解除时定金应全额返还，合同已载明这一点", "消費者得於收受商品後七日內解除通訊交易，無須負擔任何費用（消費者保護法第19條第1項），違反之約定無效（同條第5項）：買方以此方式解除時，定金應全數返還，契約已載明此點"},
	"card_expiry_law:CN:registered": {"a registered prepaid card may carry no expiry date (单用途商业预付卡管理办法（试行） art. 22): check the issuer's terms; an expiry the issuer set may not bind the holder", "记名预付卡不得设置有效期（《单用途商业预付卡管理办法（试行）》第二十二条）：请核对发卡方的规则，发卡方设置的有效期可能对持卡人无效", "記名預付卡不得設定有效期限（中國大陸單用途商業預付卡管理辦法（試行）第22條）：請核對發卡方之規定，發卡方設定之有效期限可能對持卡人無效"},
	"card_expiry_law:CN:anonymous":  {"an anonymous prepaid card must be valid for at least 3 years (单用途商业预付卡管理办法（试行） art. 22): check the issuer's terms", "不记名预付卡有效期不得少于3年（《单用途商业预付卡管理办法（试行）》第二十二条）：请核对发卡方的规则", "不記名預付卡有效期限不得少於3年（中國大陸單用途商業預付卡管理辦法（試行）第22條）：請核對發卡方之規定"},
	"card_expiry_law:TW":            {"most gift certificates in Taiwan may carry no expiry date (零售業等商品（服務）禮券定型化契約應記載及不得記載事項): check the issuer's terms; an expiry the issuer set may not bind the holder", "台湾地区多数礼券不得记载使用期限（零售业等商品（服务）礼券定型化契约应记载及不得记载事项）：请核对发卡方的规则，所记载的期限可能对持有人无效", "多數禮券不得記載使用期限（零售業等商品（服務）禮券定型化契約應記載及不得記載事項）：請核對發行人之規定，所記載之期限可能對持有人無效"},
	RuleCardExpiryLaw:               {"the prepaid-card rules may not allow this expiry date: check the issuer's terms", "预付卡规则可能不允许此有效期：请核对发卡方的规则", "預付卡規定可能不允許此有效期限：請核對發行人之規定"},
	RuleInvalidCardMissing:          {"no remedy for a card that is invalid or short of balance at delivery: set refund.remedies.invalid_card", "未约定交付时卡无效或余额不足的补救：请填写 refund.remedies.invalid_card", "未約定交付時卡片無效或餘額不足之救濟：請填寫 refund.remedies.invalid_card"},
	RuleDueFirstPayment:             {"with installments, payment.due is the date of the first payment ({param}, the deposit's or the first installment's), not %q: the contract prints the schedule's dates, so another payment.due would contradict them", "分期付款时，payment.due 应为首笔付款的日期（{param}，即定金或预付款、或第一期的付款期限），而不是 %q：合同载明的是分期表的日期，其他日期会与之矛盾", "分期付款時，payment.due 應為首筆付款之日期（{param}，即定金或預付款、或第一期之付款期限），而非 %q：契約載明者為分期表之日期，其他日期將與之矛盾"},
	RuleFXPair:                      {"an exchange rate needs its currency pair: add store_currency (the rate is units of currency per 1 store_currency)", "汇率须注明币种：请填写 store_currency（汇率为 1 单位 store_currency 折合的 currency 金额）", "匯率須註明幣別：請填寫 store_currency（匯率為 1 單位 store_currency 折合之 currency 金額）"},
	RuleTransitRiskConsumer:         {"in a consumer sale the seller bears the risk in transit unless the consumer chose another carrier (PRC E-Commerce Law art. 20): the contract says the seller bears it; set delivery.carrier_chosen_by: buyer if the buyer chose the carrier", "消费交易中，除消费者另行选择快递物流服务提供者外，运输中的风险由经营者承担（《电子商务法》第二十条）：合同将载明由卖方承担；如承运人由买方选择，请设 delivery.carrier_chosen_by: buyer", "消費交易中，除消費者另行選擇快遞物流服務提供者外，運送中之風險由經營者承擔（中國大陸電子商務法第20條）：契約將載明由賣方承擔；如承運人由買方選擇，請設 delivery.carrier_chosen_by: buyer"},
	RuleSHA256:                      {"must be the file's SHA-256 hash, 64 lower-case hexadecimal digits; \"tradepact evidence add\" writes it", "必须是文件的 SHA-256 哈希值，即 64 位小写十六进制数字；可用 \"tradepact evidence add\" 写入", "必須是檔案的 SHA-256 雜湊值，即 64 位小寫十六進位數字；可用 \"tradepact evidence add\" 寫入"},
	RuleEvidenceDuplicate:           {"the same file is already listed at {param}", "同一文件已列于 {param}", "同一檔案已列於 {param}"},
	RuleMeetupOnly:                  {"a meet-up needs delivery.method in_person or pickup", "面交须将 delivery.method 设为 in_person 或 pickup", "面交須將 delivery.method 設為 in_person 或 pickup"},
	RuleAddressOnly:                 {"a delivery address needs delivery.method shipping; for a handover in person write delivery.meetup", "收货地址须将 delivery.method 设为 shipping；当面交付请填写 delivery.meetup", "收件地址須將 delivery.method 設為 shipping；面交請填寫 delivery.meetup"},
	RuleFromShipment:                {"automatic release counted from shipment needs delivery.method shipping", "自发货起算自动放款，须将 delivery.method 设为 shipping", "自出貨起算自動撥款，須將 delivery.method 設為 shipping"},
	RuleExtensionNeedsTimer:         {"an extension needs payment.escrow.auto_release_days", "延长收货须先设定 payment.escrow.auto_release_days", "延長收貨須先設定 payment.escrow.auto_release_days"},
	RulePartialOneItem:              {"partial delivery of a single item means nothing; list the items separately or leave delivery.partial out", "只有一件商品时分批交付没有意义；请分项列出商品或删去 delivery.partial", "只有一項商品時分批交付沒有意義；請分項列出商品或刪去 delivery.partial"},
	RuleDutyPrepaidSeller:           {"duty is collected up front only when the buyer pays duty: set duty_paid_by: buyer or remove duty_prepaid", "只有关税由买方承担时才可预收关税：请设 duty_paid_by: buyer 或删去 duty_prepaid", "只有關稅由買方負擔時才可預收關稅：請設 duty_paid_by: buyer 或刪去 duty_prepaid"},
	RuleResaleForbidden:             {"the issuer's terms forbid resale: the issuer may void the card; the contract puts that risk on the seller", "发卡方条款禁止转售：发卡方可能作废该卡；合同将此风险归于卖方", "發卡機構條款禁止轉售：發卡機構可能作廢該卡；契約將此風險歸於賣方"},
	RuleRevealNeedsEscrow:           {"a code revealed once the payment is held in escrow needs payment.escrow", "货款进入担保交易后发送卡密，须设定 payment.escrow", "款項交付履約保證後揭露序號，須設定 payment.escrow"},
	RuleRevealInPerson:              {"a code revealed in person needs delivery.method in_person or pickup", "当面发送卡密，须将 delivery.method 设为 in_person 或 pickup", "面交時揭露序號，須將 delivery.method 設為 in_person 或 pickup"},
	RulePersonalDataMissing:         {"a business keeps the buyer's address in the record: add personal_data with keep_days, so the contract states the purpose and the period", "经营者在记录中保存买方收货地址：请添加 personal_data 并填写 keep_days，合同将载明目的和保存期限", "企業經營者於紀錄中保存買方收件地址：請新增 personal_data 並填寫 keep_days，契約將載明目的及保存期間"},
	"personal_data_missing:CN":      {"a business keeps the buyer's address in the record: add personal_data with keep_days, so the contract states the purpose and the period (PIPL arts. 17, 19)", "经营者在记录中保存买方收货地址：请添加 personal_data 并填写 keep_days，合同将载明处理目的和保存期限（《个人信息保护法》第十七条、第十九条）", "企業經營者於紀錄中保存買方收件地址：請新增 personal_data 並填寫 keep_days，契約將載明目的及保存期間（中華人民共和國個人信息保護法第17條、第19條）"},
	"personal_data_missing:TW":      {"a business keeps the buyer's address in the record: add personal_data with keep_days, so the contract states the purpose and the period (Personal Data Protection Act arts. 8, 11)", "经营者在记录中保存买方收货地址：请添加 personal_data 并填写 keep_days，合同将载明目的和保存期限（台湾地区“个人资料保护法”第8条、第11条）", "企業經營者於紀錄中保存買方收件地址：請新增 personal_data 並填寫 keep_days，契約將載明目的及保存期間（個人資料保護法第8條、第11條）"},
	"personal_data_missing:HK":      {"a business keeps the buyer's address in the record: add personal_data with keep_days, so the contract states the purpose and the period (Cap. 486, DPP 1-2)", "经营者在记录中保存买方收货地址：请添加 personal_data 并填写 keep_days，合同将载明目的和保存期限（香港《个人资料（私隐）条例》第486章，保障资料第1至2原则）", "企業經營者於紀錄中保存買方收件地址：請新增 personal_data 並填寫 keep_days，契約將載明目的及保存期間（香港《個人資料（私隱）條例》第486章，保障資料第1至2原則）"},
	RulePersonalDataShort:           {"contact details are kept {value} days, less than the {param} days the evidence is kept; the record would outlive the consent to keep them", "联系方式保存 {value} 天，短于证据保存的 {param} 天；记录的保存期将超过联系方式的保存期", "聯絡方式保存 {value} 日，短於證據保存之 {param} 日；紀錄之保存期間將超過聯絡方式之保存期間"},
	RuleCommitment:                  {"must be \"sha256:\" and 64 lower-case hexadecimal digits, as agreement.CommitContact writes it", "必须是 \"sha256:\" 加 64 位小写十六进制数字（agreement.CommitContact 的输出）", "必須是 \"sha256:\" 加 64 位小寫十六進位數字（agreement.CommitContact 之輸出）"},
	RuleDamagesEmpty:                {"liquidated damages need late_delivery_per_day or late_payment_per_day", "违约金须填写 late_delivery_per_day 或 late_payment_per_day", "違約金須填寫 late_delivery_per_day 或 late_payment_per_day"},
	RuleDamagesOverCap:              {"the daily amount is more than the cap of {param}", "每日金额超过上限 {param}", "每日金額超過上限 {param}"},
	RuleDamagesOverTotal:            {"the cap is more than the total price of {param}; a court is likely to reduce it", "上限超过总价 {param}；法院很可能予以减少", "上限超過總價 {param}；法院很可能予以酌減"},
	RuleDamagesExcessive:            {"a court may reduce liquidated damages that are excessive compared with the loss", "违约金过分高于损失的，法院可予以减少", "違約金過高者，法院得減至相當之數額"},
	"damages_excessive:CN":          {"the cap is more than 30% above the estimated loss: a court may treat it as excessive and reduce it (PRC Civil Code art. 585; SPC interpretation of the contract part of the Civil Code, 2023, art. 65)", "上限超过预估损失的百分之三十：法院可认定为过分高于损失并予以减少（《民法典》第五百八十五条；《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》第六十五条）", "上限超過預估損失之百分之三十：法院得認定為過分高於損失而予減少（中華人民共和國民法典第585條；最高人民法院民法典合同編通則解釋（2023）第65條）"},
	"damages_excessive:TW":          {"the cap is more than the estimated loss: a court may reduce an excessive penalty to a reasonable amount (Taiwan Civil Code art. 252)", "上限超过预估损失：法院可将过高的违约金减至相当的数额（台湾地区“民法”第252条）", "上限超過預估損失：約定之違約金額過高者，法院得減至相當之數額（民法第252條）"},
	"damages_excessive:HK":          {"the cap is more than the estimated loss: under Hong Kong law a sum that is a penalty rather than a genuine pre-estimate of the loss cannot be enforced", "上限超过预估损失：依香港法律，属于罚款而非对损失真实预估的金额不可强制执行", "上限超過預估損失：依香港法律，屬於罰款而非對損失真實預估之金額不可強制執行"},
	"damages_excessive:HK:unstated": {"state estimated_loss: under Hong Kong law liquidated damages are enforceable only as a genuine pre-estimate of the loss, not as a penalty", "请填写 estimated_loss：依香港法律，违约金须为对损失的真实预估，而非罚款，方可强制执行", "請填寫 estimated_loss：依香港法律，違約金須為對損失之真實預估，而非罰款，方可強制執行"},
	RuleDamagesEarnest:              {"with earnest money (定金) and liquidated damages, the other party may claim one or the other, not both (PRC Civil Code art. 588); the contract says so", "同时约定定金和违约金的，对方只能选择适用其一（《民法典》第五百八十八条）；合同将载明此点", "同時約定定金及違約金者，他方僅得擇一適用（中華人民共和國民法典第588條）；契約將載明此點"},
	RuleInvalid:                     {"%q is not valid here ({param})", "%q 在此无效（{param}）", "%q 在此無效（{param}）"},

	// Validator tags whose translation some locale lacks.
	"unique":    {"list the same value only once", "同一值只能出现一次", "同一值只能出現一次"},
	"uppercase": {"%q must be in capital letters", "%q 必须为大写字母", "%q 必須為大寫字母"},
}

// message formats the catalog entry for rule in locale i.
func message(rule string, i int, param, value string) string {
	m, ok := catalog[rule+":"+param]
	if !ok {
		m, ok = catalog[rule]
	}
	if !ok {
		m = catalog[RuleInvalid]
		param = rule
	}
	s := m[i]
	s = strings.Replace(s, "%q", quote(value), 1)
	// A parameter of two parts, "TWD:0", is {param1} and {param2}.
	p1, p2, _ := strings.Cut(param, ":")
	return strings.NewReplacer("{param}", param, "{value}", value, "{param1}", p1, "{param2}", p2).Replace(s)
}

// quote quotes user input for a message, keeping non-ASCII text readable.
func quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "…"
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
