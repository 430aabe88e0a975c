package render_test

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/tradepact/tradepact/render"
)

// needTool skips when a poppler or qpdf tool is missing, and fails in CI.
func needTool(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is not installed (CI=true)", name)
			}
			t.Skipf("%s is not installed (apt-get install poppler-utils qpdf): skipping", name)
		}
	}
}

func txt(s string) []render.Inline { return []render.Inline{{Text: s}} }

func para(ins ...render.Inline) render.Block {
	return render.Block{Kind: render.BlockParagraph, Inlines: ins}
}

func heading(level int, s string) render.Block {
	return render.Block{Kind: render.BlockHeading, Level: level, Inlines: txt(s)}
}

type phrases struct {
	lang, title, intro, parties, items, total, clauses, sign string
	role                                                     [2]string
	cols                                                     []string
	clause                                                   []string
	record                                                   string
}

var langs = map[string]phrases{
	"zh-Hant": {
		lang: "zh-Hant", title: "代購委託合約", intro: "合約編號 TP-2026-000123，訂立日期 2026-11-20。買賣雙方依下列條款成立本合約：",
		parties: "一、當事人", items: "二、標的與價金", total: "總計 新臺幣玖佰貳拾元整（NT$920）", clauses: "三、條款", sign: "四、簽署",
		role: [2]string{"賣方（甲方）", "買方（乙方）"}, cols: []string{"項次", "品名", "數量", "單價", "金額"},
		clause: []string{
			"買方應於收貨後七日內完成驗收；逾期未提出異議者，視為驗收合格。",
			"定金為新臺幣貳佰元整（NT$200），依民法第248條至第249條，付定金之一方不履行契約者，不得請求返還；受定金之一方不履行者，應加倍返還。",
			"賣方保證商品為正品，並提供購買憑證（發票編號 AB-12345678）；如經鑑定為仿冒品，賣方應全額退款並賠償。",
			"運送方式為「7-ELEVEN 交貨便」，運費由買方負擔，賣方應於 2026-11-27 前出貨並提供追蹤編號。",
			"雙方同意以電子方式訂立本合約，並各自保存對話紀錄及付款憑證至少 365 日。",
		},
		record: "賣方於 2026-11-20 10:15 確認，金鑰 ed25519:7f3a9c…；買方於 2026-11-20 11:02 確認。",
	},
	"zh-Hans": {
		lang: "zh-Hans", title: "二手商品买卖合同", intro: "合同编号 TP-2026-000456，订立日期 2026-11-21。买卖双方按下列条款订立本合同：",
		parties: "一、当事人", items: "二、标的与价款", total: "合计 人民币壹仟零壹元伍角整（¥1,001.50）", clauses: "三、条款", sign: "四、签署",
		role: [2]string{"卖方（甲方）", "买方（乙方）"}, cols: []string{"序号", "品名", "数量", "单价", "金额"},
		clause: []string{
			"买方应于收货后七日内完成验收；逾期未提出异议的，视为验收合格。",
			"订金为人民币贰佰元整（¥200.00），属预付款性质，不适用定金罚则；合同解除时全额退还。",
			"卖方如实描述商品成色为「九成新」，并已列明全部瑕疵：屏幕右上角有一处 2mm 划痕。",
			"通过闲鱼平台担保交易付款，买方确认收货后平台放款；买方 10 日内未确认的，自动放款。",
			"争议先协商，协商不成可向平台客服投诉，再向消费者协会申请调解，或向卖方所在地人民法院起诉。",
		},
		record: "卖方于 2026-11-21 09:30 确认，密钥 ed25519:1c4e…；买方于 2026-11-21 10:45 确认。",
	},
	"en": {
		lang: "en", title: "Sales Agreement", intro: "Contract TP-2026-000101, made on 2026-11-20 between the parties below, on these terms:",
		parties: "1. Parties", items: "2. Goods and price", total: "Total US$371.89", clauses: "3. Terms", sign: "4. Signatures",
		role: [2]string{"Seller", "Buyer"}, cols: []string{"#", "Item", "Qty", "Unit price", "Amount"},
		clause: []string{
			"The buyer inspects the goods within 3 days of delivery; goods not rejected in that time count as accepted.",
			"Payment is made through eBay Managed Payments (escrow) and released to the seller when the buyer confirms receipt, or automatically after 14 days.",
			"The seller guarantees that the goods are genuine (authorized Sony dealer invoice INV-2026-88412) and refunds the price plus compensation for counterfeits.",
			"The buyer may return the goods without giving a reason within 30 days; return shipping is paid by the buyer and the refund follows within 5 days.",
			"Disputes: negotiation, then the platform's resolution centre, then the small claims court of the buyer's county of residence.",
		},
		record: "Seller confirmed 2026-11-20 10:15 UTC with key ed25519:7f3a9c…; buyer confirmed 2026-11-20 11:02 UTC.",
	},
}

// contractDoc builds a realistic contract by hand: title, parties and items
// tables, totals, numbered clauses, a signature block and a signing record.
func contractDoc(lang string, nItems, nClauses int) *render.Document {
	p := langs[lang]
	var blocks []render.Block
	blocks = append(blocks, heading(1, p.title), para(txt(p.intro)...))
	blocks = append(blocks, heading(2, p.parties), render.Block{Kind: render.BlockTable, Table: &render.Table{
		Header: [][]render.Inline{txt(""), txt(p.role[0]), txt(p.role[1])},
		Rows: [][][]render.Inline{
			{txt("Name / 名稱"), txt("Harbor Audio LLC 海港音響有限公司"), txt("王小明 Emily Carter")},
			{txt("Account / 帳號"), txt("ebay:harbor_audio"), txt("shopee:wang.xiaoming_1988")},
			{txt("Contact / 聯絡"), txt("support@harboraudio.example"), txt("emily.carter@example.com")},
		},
	}})
	var rows [][][]render.Inline
	for i := 0; i < nItems; i++ {
		name := []string{"Sony WH-1000XM5 無線耳機（黑色）", "Anker USB-C 傳輸線 6 ft", "日本限定 Pokémon 卡盒 151 強化擴充包", "二手 iPhone 13 128GB 午夜色，電池健康度 87%"}[i%4]
		rows = append(rows, [][]render.Inline{txt(fmt.Sprint(i + 1)), txt(name), txt(fmt.Sprint(1 + i%3)), txt("NT$1,250"), txt(fmt.Sprintf("NT$%d,250", 1+i%3))})
	}
	hdr := make([][]render.Inline, len(p.cols))
	for i, c := range p.cols {
		hdr[i] = txt(c)
	}
	blocks = append(blocks, heading(2, p.items), render.Block{Kind: render.BlockTable, Table: &render.Table{
		Align:  []render.Align{render.AlignRight, render.AlignLeft, render.AlignRight, render.AlignRight, render.AlignRight},
		Header: hdr, Rows: rows,
	}}, para(render.Inline{Text: p.total, Bold: true}))
	var items [][]render.Block
	for i := 0; i < nClauses; i++ {
		c := p.clause[i%len(p.clause)]
		if i >= len(p.clause) {
			c += " (" + strings.Repeat("附則", 1+i%3) + " TP-2026-000123-" + fmt.Sprint(i) + ")"
		}
		items = append(items, []render.Block{para(render.Inline{Text: c[:len(c)/3*0+0]}, render.Inline{Text: c})})
	}
	blocks = append(blocks, heading(2, p.clauses), render.Block{Kind: render.BlockList, Ordered: true, Start: 1, Items: items})
	blocks = append(blocks, render.Block{Kind: render.BlockKeep, Children: []render.Block{
		heading(2, p.sign),
		{Kind: render.BlockTable, Table: &render.Table{
			Header: [][]render.Inline{txt(p.role[0]), txt(p.role[1])},
			Rows: [][][]render.Inline{
				{txt("Harbor Audio LLC"), txt("王小明")},
				{txt("ebay:harbor_audio"), txt("shopee:wang.xiaoming_1988")},
				{txt("____________  2026-11-20"), txt("____________  2026-11-20")},
			},
		}},
	}})
	return &render.Document{
		Source: []byte(p.title),
		Lang:   p.lang,
		Meta: render.Meta{
			Title: p.title, ID: "TP-2026-000123", Date: "2026-11-20", Author: "Harbor Audio LLC",
			Subject: p.title, Keywords: []string{"tradepact", "goods"}, ShortDigest: "3f2a 91c0 7be4",
			QR: "sha256:3f2a91c07be4aa0155e5d8f4c1e0b2b3b4a5f60718293a4b5c6d7e8f90a1b2c3",
		},
		Blocks: blocks,
		Record: []render.Block{para(txt(p.record)...)},
	}
}

// docText is every character of the document text in reading order, as
// the PDF must show it: list markers included, white space removed.
func docText(d *render.Document) string {
	var b strings.Builder
	var walk func(bs []render.Block)
	ins := func(is []render.Inline) {
		for _, in := range is {
			b.WriteString(in.Text)
		}
	}
	walk = func(bs []render.Block) {
		for _, bl := range bs {
			switch bl.Kind {
			case render.BlockHeading, render.BlockParagraph:
				ins(bl.Inlines)
			case render.BlockList:
				for i, it := range bl.Items {
					switch {
					case bl.Ordered:
						fmt.Fprintf(&b, "%d.", bl.Start+i)
					case !ownNumber(it):
						b.WriteString("•")
					}
					walk(it)
				}
			case render.BlockTable:
				for _, c := range bl.Table.Header {
					ins(c)
				}
				for _, r := range bl.Table.Rows {
					for _, c := range r {
						ins(c)
					}
				}
			case render.BlockKeep:
				walk(bl.Children)
			}
		}
	}
	walk(d.Blocks)
	walk(d.Record)
	return stripSpace(b.String())
}

// ownNumber: a bullet item whose text starts with its own number is drawn
// without the bullet (the PDF layout's rule, restated here).
func ownNumber(item []render.Block) bool {
	if len(item) == 0 || (item[0].Kind != render.BlockParagraph && item[0].Kind != render.BlockHeading) {
		return false
	}
	var b strings.Builder
	for _, in := range item[0].Inlines {
		b.WriteString(in.Text)
	}
	return regexp.MustCompile(`^\s*(?:\d{1,3}[.)]\s|\d{1,3}[、．]|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])`).MatchString(b.String() + " ")
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
