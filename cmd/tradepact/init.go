package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/tradepact/tradepact/agreement"
)

func init() {
	register(&command{
		name:    "init",
		summary: "print a complete, commented terms file to start from",
		run:     runInit,
	})
}

// initTemplate is the commented terms file "init" prints. One template
// serves every kind and locale: the comments and the sample values come
// from initComments and initValues, so the four kinds cannot drift apart.
//
//go:embed inittemplate/terms.yaml.tmpl
var initTemplate string

// commentColumn is where the trailing comments of the template start.
const commentColumn = 34

func runInit(e *env, args []string) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	kind := fs.String("kind", "", "deal kind: goods, secondhand, proxy_purchase or gift_card (required)")
	lang := fs.String("lang", "en", "language of the contract and the comments: en, zh-Hans or zh-Hant")
	date := fs.String("date", "", "date the terms are drawn up, YYYY-MM-DD (default: today)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact init --kind KIND [--lang LOCALE] [--date YYYY-MM-DD] > terms.yaml")
		fmt.Fprintln(fs.Output(), "\nPrints a complete, commented terms file that validates; edit it, then run tradepact validate.\n\nflags:")
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(e, fs, args)
	if err == flag.ErrHelp {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		e.errorf("init: unexpected argument %q", rest[0])
		e.hintf("redirect the output to a file: tradepact init --kind goods > terms.yaml")
		return exitUsage
	}
	if !slices.Contains(agreement.Kinds, agreement.Kind(*kind)) {
		if *kind == "" {
			e.errorf("init: --kind is required")
		} else {
			e.errorf("init: unknown kind %q", *kind)
		}
		e.hintf("use --kind goods, secondhand, proxy_purchase or gift_card")
		return exitUsage
	}
	if !validLocale(*lang) {
		e.errorf("init: unknown language %q", *lang)
		e.hintf("use --lang en, --lang zh-Hans or --lang zh-Hant")
		return exitUsage
	}
	day := agreement.Date{}
	if *date == "" {
		now := time.Now()
		day = agreement.Date{Year: now.Year(), Month: now.Month(), Day: now.Day()}
	} else if day, err = agreement.ParseDate(*date); err != nil {
		e.errorf("init: --date: %v", err)
		return exitUsage
	}
	if err := writeInit(e.stdout, agreement.Kind(*kind), agreement.Locale(*lang), day); err != nil {
		e.errorf("init: %v", err)
		return exitFailure
	}
	return exitOK
}

// writeInit writes the commented terms file for kind and l to w. terms
// takes its comments from it.
func writeInit(w io.Writer, kind agreement.Kind, l agreement.Locale, day agreement.Date) error {
	li := slices.Index(agreement.Locales, l)
	look := func(m map[string][3]string, key string) (string, error) {
		v, ok := m[key]
		if !ok {
			return "", fmt.Errorf("no text %q", key)
		}
		return v[li], nil
	}
	funcs := template.FuncMap{
		"c": func(key string) (string, error) { return look(initComments, key) },
		"v": func(key string) (string, error) { return look(initValues, key) },
		"item": func(key string) (string, error) {
			return look(initValues, string(kind)+"."+key)
		},
		// pad returns the spaces that take a value written after a prefix
		// of the given width to the comment column (CJK counted double).
		"pad": func(s string, prefix int) string {
			return strings.Repeat(" ", max(1, commentColumn-prefix-runewidth.StringWidth(s)))
		},
	}
	t, err := template.New("terms").Funcs(funcs).Option("missingkey=error").Parse(initTemplate)
	if err != nil {
		return err
	}
	data := map[string]string{
		"Kind":     string(kind),
		"Locale":   string(l),
		"ID":       fmt.Sprintf("TP-%04d-000001", day.Year),
		"Date":     day.String(),
		"Due":      day.AddDays(1).String(),
		"Deadline": day.AddDays(5).String(),
		"Expires":  day.AddDays(365).String(),
	}
	return t.Execute(w, data)
}

// initComments are the template's comments, in en, zh-Hans and zh-Hant.
var initComments = map[string][3]string{
	"head1":            {"Trade terms for tradepact. Replace the sample values with your own, keep the keys.", "tradepact 交易条款。请把示例内容换成你们自己的，键名保持不变。", "tradepact 交易條款。請把範例內容換成你們自己的，鍵名保持不變。"},
	"head2":            {"Amounts are decimal strings in major units (\"1,200.50\"), never floats; dates are YYYY-MM-DD.", "金额写成以元为单位的十进制字符串（\"1,200.50\"），不要写小数形式的数字；日期写成 YYYY-MM-DD。", "金額寫成以元為單位的十進位字串（\"1,200.50\"），不要寫成浮點數；日期寫成 YYYY-MM-DD。"},
	"head3":            {"Check it with: tradepact validate FILE (doc/format.md explains every key).", "检查：tradepact validate 文件名（每个键的含义见 doc/format.md）。", "檢查：tradepact validate 檔名（每個鍵的含義見 doc/format.md）。"},
	"version":          {"format version", "格式版本", "格式版本"},
	"id":               {"contract number", "合同编号", "契約編號"},
	"jurisdiction":     {"whose law the parties assume", "双方适用的法律", "雙方適用的法律"},
	"date":             {"date the terms are drawn up", "条款拟定日期", "條款擬定日期"},
	"platform":         {"where the deal was agreed", "成交平台", "成交平台"},
	"account":          {"platform account: seller and buyer must differ", "平台账号：买卖双方必须不同", "平台帳號：買賣雙方必須不同"},
	"business":         {"true if the seller sells as a business (then CN/TW law requires 7 no-reason return days)", "卖家以经营者身份销售时填 true（此时中国大陆/台湾法律要求七日无理由退货）", "賣家以企業經營者身分銷售時填 true（此時台灣/中國大陸法律要求七日無理由退貨）"},
	"currency":         {"ISO 4217 code of every amount below", "以下所有金额的 ISO 4217 币种代码", "以下所有金額的 ISO 4217 幣別代碼"},
	"items":            {"one entry per item; totals are computed, never typed in", "每件商品一项；总价自动计算，不要手填", "每件商品一項；總價自動計算，不要手填"},
	"unit_price":       {"price per unit", "单价", "單價"},
	"condition":        {"second-hand items must say", "二手商品必填", "二手商品必填"},
	"defects":          {"every known defect, one per line", "逐条列出所有已知瑕疵", "逐條列出所有已知瑕疵"},
	"store":            {"where the item is bought", "购买商店", "購買商店"},
	"service_fee":      {"proxy fee, added to the line", "代购费，计入该项金额", "代購費，計入該項金額"},
	"store_price":      {"price at the store, in store_currency", "商店售价（store_currency 币种）", "商店售價（store_currency 幣別）"},
	"fx_rate":          {"agreed exchange rate, fixed on fx_fixed_on", "约定汇率，于 fx_fixed_on 锁定", "約定匯率，於 fx_fixed_on 鎖定"},
	"fx_change":        {"who bears a later change of rate", "之后汇率变动由谁承担", "之後匯率變動由誰負擔"},
	"duty":             {"who pays customs duty", "关税由谁承担", "關稅由誰負擔"},
	"loss":             {"who bears seizure or loss in transit", "扣关或运输丢失由谁承担", "扣關或運送遺失由誰負擔"},
	"if_unavailable":   {"if the item cannot be bought", "买不到时如何处理", "買不到時如何處理"},
	"face":             {"face value printed on the card", "面额", "面額"},
	"balance":          {"remaining balance, at most the face value", "剩余余额，不得超过面额", "剩餘餘額，不得超過面額"},
	"expires":          {"must be after delivery plus the inspection window", "须晚于交付期限加验收期", "須晚於交付期限加檢查期"},
	"source":           {"how the seller lawfully obtained the card", "卖家合法取得此卡的途径", "賣家合法取得此卡的來源"},
	"last4":            {"last four characters only, never the full number", "只写末四位，切勿写完整卡号", "只寫末四碼，切勿寫完整卡號"},
	"shipping_fee":     {"what the buyer pays for shipping; 0 when the seller pays", "买家支付的运费；卖家包邮时为 0", "買家支付的運費；賣家負擔運費時為 0"},
	"due":              {"when the buyer pays", "买家付款期限", "買家付款期限"},
	"deposit":          {"earnest (定金, at most 20% of the total) or prepayment (预付款)", "earnest 为定金（不超过总价 20%），prepayment 为预付款", "earnest 為定金（中國大陸上限為總價 20%），prepayment 為預付款"},
	"escrow":           {"who holds the payment and when it is released", "由谁代管货款、何时放款", "由誰代管貨款、何時撥款"},
	"late_payment":     {"what happens when payment is missed", "逾期未付款的后果", "逾期未付款的後果"},
	"deadline":         {"latest delivery date", "最迟交付日期", "最遲交付日期"},
	"shipping_paid_by": {"seller | buyer", "seller（卖家）| buyer（买家）", "seller（賣家）| buyer（買家）"},
	"channel":          {"where the code is revealed: that is delivery", "在何处发送卡密：发送即视为交付", "在何處提供序號：提供即視為交付"},
	"tracking":         {"a tracking number is given", "提供物流单号", "提供物流追蹤編號"},
	"inspection":       {"time the buyer has to check: hours or days, not both", "买家验收时间：hours 或 days 二选一", "買家檢查時間：hours 或 days 擇一"},
	"no_reason":        {"days to return without reason (business sellers under CN/TW: at least 7)", "无理由退货天数（中国大陆/台湾的经营者至少 7 天）", "無理由退貨天數（台灣/中國大陸的企業經營者至少 7 天）"},
	"ack":              {"the buyer confirms the exclusions when buying", "买家购买时已确认上述排除项", "買家購買時已確認上述排除項目"},
	"return_shipping":  {"who pays to send goods back", "退货运费由谁承担", "退貨運費由誰負擔"},
	"refund_within":    {"days to refund after a return", "退货后几天内退款", "退貨後幾天內退款"},
	"remedies":         {"which remedy applies when", "各种情况的补救方式", "各種情況的補救方式"},
	"cancellation":     {"who may cancel, until when, what is refunded", "谁可以取消、截止何时、退还多少", "誰可以取消、截止何時、退還多少"},
	"response":         {"answer within this many hours", "几小时内答复", "幾小時內答覆"},
	"authenticity":     {"the seller guarantees the goods are genuine", "卖家保证正品", "賣家保證正品"},
	"dispute":          {"escalation path, governing law and court", "争议解决途径、适用法律与管辖法院", "爭議解決途徑、準據法與管轄法院"},
	"evidence":         {"both keep chat logs and receipts this long", "双方保存聊天记录与凭证的天数", "雙方保存聊天紀錄與憑證的天數"},
	"clauses":          {"extra clauses, if any", "其他约定（如有）", "其他約定（如有）"},
}

// initValues are the template's sample values, in en, zh-Hans and zh-Hant.
// Keys "KIND.name" and so on are the sample item of each kind.
var initValues = map[string][3]string{
	"jurisdiction":   {"other", "CN", "TW"},
	"platform":       {"eBay", "闲鱼", "蝦皮購物"},
	"order_id":       {"27-10000-00001", "3100000000000001", "2411000000001"},
	"seller":         {"Sam Seller", "张卖家", "林賣家"},
	"seller_account": {"ebay:sam_seller", "xianyu:seller_zhang", "shopee:seller_lin"},
	"seller_contact": {"sam@example.com", "+86 138 0000 0000", "+886 912 000 000"},
	"buyer":          {"Bea Buyer", "李买家", "陳買家"},
	"buyer_account":  {"ebay:bea_buyer", "xianyu:buyer_li", "shopee:buyer_chen"},
	"buyer_contact":  {"bea@example.com", "+86 139 0000 0000", "+886 922 000 000"},
	"currency":       {"USD", "CNY", "TWD"},
	"defect1":        {"small scratch on the screen, invisible when on", "屏幕有一道细小划痕，亮屏不明显", "螢幕有一道細小刮痕，亮屏不明顯"},
	"defect2":        {"scuffed corner of the case", "外壳一角有磕碰", "外殼一角有碰傷"},
	"store":          {"Pokémon Center Tokyo DX", "宝可梦中心 东京DX店", "寶可夢中心 東京DX店"},
	"proof":          {"photo of the store receipt", "购物小票照片", "購物收據照片"},
	"service_fee":    {"15.00", "60", "300"},
	"store_price":    {"15,800", "15,800", "15,800"},
	"store_currency": {"JPY", "JPY", "JPY"},
	"fx_rate":        {"0.0067", "0.0480", "0.2150"},
	"brand":          {"Amazon", "京东", "Apple"},
	"source":         {"bought at retail, receipt kept", "公司福利发放", "公司尾牙獎品"},
	"shipping":       {"8.95", "12", "60"},
	"escrow":         {"eBay Managed Payments", "支付宝", "蝦皮購物 履約保證"},
	"channel":        {"eBay messages", "闲鱼聊天", "蝦皮聊聊"},
	"carrier":        {"USPS Priority Mail", "顺丰速运", "7-ELEVEN 交貨便"},
	"after_sales":    {"eBay messages", "闲鱼消息", "蝦皮聊聊"},
	"auth_proof":     {"store receipt", "购物小票", "購買收據"},
	"venue":          {"Small claims court of the buyer's county", "卖家住所地人民法院", "臺灣臺北地方法院"},

	"goods.name":           {"Wireless earbuds, new in box", "小米手环 9 NFC 版（全新未拆封）", "膳魔師 不鏽鋼真空保溫瓶 500ml"},
	"goods.desc":           {"Factory sealed, 1-year manufacturer warranty", "全新未拆封，享受官方保修", "全新未拆封，原廠保固一年"},
	"goods.price":          {"79.99", "269", "890"},
	"secondhand.name":      {"Nintendo Switch OLED, used", "Kindle Paperwhite 5 二手", "Sony A6400 相機機身 二手"},
	"secondhand.desc":      {"Bought 2024, works perfectly, with dock and charger", "2023 年购入，功能正常，附原装充电线", "2023 年購入，快門數約 8,000，附原廠電池"},
	"secondhand.price":     {"220.00", "480", "18,500"},
	"proxy_purchase.name":  {"Pikachu plush, Pokémon Center limited edition", "宝可梦中心限定 皮卡丘玩偶", "寶可夢中心限定 皮卡丘娃娃"},
	"proxy_purchase.desc":  {"Bought in Tokyo on the buyer's request", "应买家要求于东京代购", "應買家要求於東京代購"},
	"proxy_purchase.price": {"105.86", "758.40", "3,397"},
	"gift_card.name":       {"Amazon.com eGift card code", "京东E卡 电子卡", "App Store & iTunes 禮品卡"},
	"gift_card.desc":       {"Unused, delivered as a code", "未使用，以卡密交付", "未使用，以序號交付"},
	"gift_card.price":      {"45.00", "470", "900"},
	"gift_card.face":       {"50.00", "500", "1,000"},
}
