package confirm

import (
	"fmt"
	"strings"

	"github.com/tradepact/tradepact/render"
)

// recordPageText is the record page of a PDF in one language. The
// sentences take, where they have them, %[1]d the revision, %[2]s the
// role, %[3]s the party's name, %[4]s the account and %[5]s the local time.
type recordPageText struct {
	intro, proposed, amended, confirmed string
	agreed, unpinned, pending, signed   string
	unsignedPDF, incompletePDF          string
	check, tech                         string
	contract, head, key, terms, text    string
	template, notRerendered             string
}

var recordPageTexts = map[string]recordPageText{
	"en": {
		intro:         "Who proposed, changed and confirmed this contract, and when (each time as the party's device recorded it):",
		proposed:      "Revision %[1]d: the %[2]s, %[3]s (account %[4]s), proposed it on %[5]s.",
		amended:       "Revision %[1]d: the %[2]s, %[3]s (account %[4]s), changed the terms on %[5]s.",
		confirmed:     "The %[2]s, %[3]s (account %[4]s), confirmed revision %[1]d electronically on %[5]s.",
		agreed:        "Agreed: both parties confirmed revision %d.",
		unpinned:      "Both keys recorded in this file confirmed revision %d. The contract binds the parties if these keys are really theirs: ask each party to compare its key fingerprint with the one below.",
		pending:       "Not agreed yet: revision %d waits for the confirmation of the %s.",
		signed:        "The parties' confirmations of revision %d are the PDF signatures in the signature block: a PDF viewer's signature panel shows who signed and checks that nothing changed since.",
		unsignedPDF:   "This PDF carries no PDF signatures: the confirmations were made with Ed25519 keys, which PDF viewers do not check. Check them with tradepact verify.",
		incompletePDF: "This PDF carries no PDF signatures: not every confirmation of this revision made one. Check the confirmations with tradepact verify.",
		check:         "To check this PDF and the contract file it carries, run tradepact verify on it. The values below are for checking by software.",
		tech:          "For checking by software",
		contract:      "Contract No.", head: "History head", key: "%s's key fingerprint",
		terms: "Revision %d terms digest", text: "Revision %d text digest", template: "Template",
		notRerendered: "%s (text not made by this program's templates)",
	},
	"zh-Hans": {
		intro:         "本合同的提出、修改和确认经过如下（时间为各方设备记录的当地时间）：",
		proposed:      "第 %[1]d 版：%[2]s%[3]s（账号 %[4]s）于 %[5]s 提出。",
		amended:       "第 %[1]d 版：%[2]s%[3]s（账号 %[4]s）于 %[5]s 修改条款。",
		confirmed:     "%[2]s%[3]s（账号 %[4]s）于 %[5]s 以电子方式确认第 %[1]d 版。",
		agreed:        "已达成：双方均已确认第 %d 版。",
		unpinned:      "本文件记录的双方公钥均已确认第 %d 版。只有这两把公钥确属双方本人时，本合同才约束双方：请让各方核对下表中自己的公钥指纹。",
		pending:       "尚未达成：第 %d 版尚待%s确认。",
		signed:        "双方对第 %d 版的确认即签署栏中的 PDF 签名：PDF 阅读器的签名面板显示签署人，并核对签署后文件未被改动。",
		unsignedPDF:   "本 PDF 不含 PDF 签名：各方以 Ed25519 公钥确认，PDF 阅读器无法核对。请以 tradepact verify 核对。",
		incompletePDF: "本 PDF 不含 PDF 签名：本版并非每项确认都附有 PDF 签名。请以 tradepact verify 核对各项确认。",
		check:         "如需核对本 PDF 及其所附合同文件，请对它运行 tradepact verify。下表数值供软件核对。",
		tech:          "供软件核对",
		contract:      "合同编号", head: "记录链哈希", key: "%s公钥指纹",
		terms: "第 %d 版条款摘要", text: "第 %d 版文本摘要", template: "模板",
		notRerendered: "%s（文本并非由本程序的模板生成）",
	},
	"zh-Hant": {
		intro:         "本契約之提出、修改及確認經過如下（時間為各方裝置記錄之當地時間）：",
		proposed:      "第 %[1]d 版：%[2]s%[3]s（帳號 %[4]s）於 %[5]s 提出。",
		amended:       "第 %[1]d 版：%[2]s%[3]s（帳號 %[4]s）於 %[5]s 修改條款。",
		confirmed:     "%[2]s%[3]s（帳號 %[4]s）於 %[5]s 以電子方式確認第 %[1]d 版。",
		agreed:        "已成立：雙方均已確認第 %d 版。",
		unpinned:      "本檔案記錄之雙方公鑰均已確認第 %d 版。唯有這兩把公鑰確屬雙方本人時，本契約始拘束雙方：請各方核對下表中自己的公鑰指紋。",
		pending:       "尚未成立：第 %d 版尚待%s確認。",
		signed:        "雙方對第 %d 版之確認即簽署欄中之 PDF 簽章：PDF 閱讀器之簽章面板顯示簽署人，並核對簽署後文件未經變更。",
		unsignedPDF:   "本 PDF 不含 PDF 簽章：各方以 Ed25519 公鑰確認，PDF 閱讀器無法核對。請以 tradepact verify 核對。",
		incompletePDF: "本 PDF 不含 PDF 簽章：本版並非每項確認皆附有 PDF 簽章。請以 tradepact verify 核對各項確認。",
		check:         "如需核對本 PDF 及其所附契約檔，請對其執行 tradepact verify。下表數值供軟體核對。",
		tech:          "供軟體核對",
		contract:      "契約編號", head: "紀錄鏈雜湊", key: "%s公鑰指紋",
		terms: "第 %d 版條款摘要", text: "第 %d 版文本摘要", template: "範本",
		notRerendered: "%s（文字非由本程式之範本產生）",
	},
}

// RecordBlocks returns the signing record as document blocks, for
// render.Document.Record, in words a buyer understands: the state in one
// sentence, what each party did and when, in the local time each recorded,
// how to check the PDF, and then a compact table of the technical values
// (history head, key fingerprints, digests) for checking by software. lang
// is en, zh-Hans or zh-Hant (other values give en). A zero Result gives
// no blocks.
func (r *Result) RecordBlocks(lang string) []render.Block {
	if r == nil || r.Latest() == nil {
		return nil
	}
	t, ok := recordPageTexts[lang]
	if !ok {
		t, lang = recordPageTexts["en"], "en"
	}
	rt := texts(lang)
	para := func(s string, bold bool) render.Block {
		return render.Block{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: printable(s), Bold: bold}}}
	}
	latest := r.Latest()
	var state string
	switch {
	case r.signed:
		state = fmt.Sprintf(t.signed, latest.Number)
	case r.State() == StateAgreed:
		state = fmt.Sprintf(t.agreed, latest.Number)
	case r.State() == StateUnpinned:
		state = fmt.Sprintf(t.unpinned, latest.Number)
	default:
		var who []string
		for _, role := range r.Missing() {
			who = append(who, rt.role(role))
		}
		state = fmt.Sprintf(t.pending, latest.Number, strings.Join(who, " / "))
	}
	blocks := []render.Block{
		{Kind: render.BlockHeading, Level: 2, Inlines: []render.Inline{{Text: rt.title}}},
		para(state, true),
		para(t.intro, false),
	}
	var events [][]render.Block
	for _, rev := range r.Revisions {
		name := func(role Role) string {
			if role == Seller {
				return rev.Terms.Seller.Name
			}
			return rev.Terms.Buyer.Name
		}
		how := t.amended
		if rev.Number == 1 {
			how = t.proposed
		}
		events = append(events, []render.Block{para(fmt.Sprintf(how, rev.Number, rt.role(rev.Author), name(rev.Author), rev.account(rev.Author), LocalTime(rev.Time, lang)), false)})
		for _, c := range rev.Confirmations {
			events = append(events, []render.Block{para(fmt.Sprintf(t.confirmed, rev.Number, rt.role(c.Role), name(c.Role), c.Account, LocalTime(c.Time, lang)), false)})
		}
	}
	blocks = append(blocks, render.Block{Kind: render.BlockList, Items: events}, para(t.check, false))
	if r.unsigned && len(latest.Confirmations) > 0 {
		why := t.incompletePDF
		for _, c := range latest.Confirmations {
			if !c.Key.isP256() {
				why = t.unsignedPDF
				break
			}
		}
		blocks = append(blocks, para(why, false))
	}

	tab := &render.Table{Align: []render.Align{render.AlignLeft, render.AlignLeft}}
	row := func(label, value string) {
		tab.Rows = append(tab.Rows, [][]render.Inline{{{Text: printable(label)}}, {{Text: printable(value), Code: true}}})
	}
	row(t.contract, r.ID)
	row(t.head, r.Head.String())
	for _, p := range []*Party{r.Seller, r.Buyer} {
		if p != nil {
			row(fmt.Sprintf(t.key, capitalise(rt.role(p.Role))), p.Key.Fingerprint())
		}
	}
	for _, rev := range r.Revisions {
		row(fmt.Sprintf(t.terms, rev.Number), rev.Agreement.String())
		text := rev.Document.String()
		if !rev.Rerendered {
			text = fmt.Sprintf(t.notRerendered, text)
		}
		row(fmt.Sprintf(t.text, rev.Number), text)
	}
	row(t.template, latest.Template.String())
	blocks = append(blocks,
		render.Block{Kind: render.BlockHeading, Level: 3, Inlines: []render.Inline{{Text: t.tech}}},
		render.Block{Kind: render.BlockTable, Table: tab})
	for _, n := range r.notes(lang) {
		blocks = append(blocks, render.Block{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: printable(n), Italic: true}}})
	}
	return blocks
}
