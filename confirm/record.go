package confirm

import (
	"fmt"
	"io"
	"strings"

	"github.com/tradepact/tradepact/internal/safetext"
)

// RecordRow is one line of a signing record: a label and its value.
type RecordRow struct {
	Label, Value string
}

type recordText struct {
	title, contract, status, agreed, unpinnedAgreed, pending, head, key, pinned, unpinned string
	revision, proposed, amended, terms, text, template, confirmed                         string
	rerendered, notRerendered                                                             string
	seller, buyer                                                                         string
	colon, note                                                                           string // "label: value" in en, "標籤：值" in Chinese
}

var recordTexts = map[string]recordText{
	"en": {
		title: "Signing record", contract: "Contract", status: "Status",
		agreed:         "agreed: both parties confirmed revision %d",
		unpinnedAgreed: "both keys on file confirmed revision %d; it is agreed only if they are the parties' keys: compare the fingerprints below with the seller and the buyer",
		pending:        "not agreed: revision %d awaits the confirmation of the %s",
		head:           "History head", key: "%s's key", pinned: "%s (matches the pinned key)", unpinned: "%s (compare with the %s)",
		revision: "Revision %d", proposed: "proposed by the %s, %s", amended: "amended by the %s, %s",
		terms: "Terms digest", text: "Text digest", template: "Template",
		confirmed:  "confirmed by the %s (%s) at %s, key %s",
		rerendered: "%s (re-rendered: identical)", notRerendered: "%s (not re-rendered: other template set)",
		seller: "seller", buyer: "buyer", colon: ": ", note: "note",
	},
	"zh-Hans": {
		title: "签署记录", contract: "合同编号", status: "状态",
		agreed:         "已达成：双方均已确认第 %d 版",
		unpinnedAgreed: "文件记录的双方公钥均已确认第 %d 版；只有这两把公钥确属双方时才算达成：请与卖方和买方核对下列公钥指纹",
		pending:        "未达成：第 %d 版待%s确认",
		head:           "记录链最新哈希", key: "%s公钥", pinned: "%s（与指定公钥一致）", unpinned: "%s（请与%s核对）",
		revision: "第 %d 版", proposed: "%s提出，%s", amended: "%s修改，%s",
		terms: "条款摘要", text: "文本摘要", template: "模板",
		confirmed:  "%s（%s）于 %s 确认，公钥 %s",
		rerendered: "%s（重新生成：一致）", notRerendered: "%s（未重新生成：模板不同）",
		seller: "卖方", buyer: "买方", colon: "：", note: "说明",
	},
	"zh-Hant": {
		title: "簽署紀錄", contract: "契約編號", status: "狀態",
		agreed:         "已成立：雙方均已確認第 %d 版",
		unpinnedAgreed: "檔案記錄的雙方公鑰均已確認第 %d 版；唯有這兩把公鑰確屬雙方時才算成立：請與賣方及買方核對下列公鑰指紋",
		pending:        "未成立：第 %d 版待%s確認",
		head:           "紀錄鏈最新雜湊", key: "%s公鑰", pinned: "%s（與指定公鑰相符）", unpinned: "%s（請與%s核對）",
		revision: "第 %d 版", proposed: "%s提出，%s", amended: "%s修改，%s",
		terms: "條款摘要", text: "文本摘要", template: "範本",
		confirmed:  "%s（%s）於 %s 確認，公鑰 %s",
		rerendered: "%s（重新產生：相同）", notRerendered: "%s（未重新產生：範本不同）",
		seller: "賣方", buyer: "買方", colon: "：", note: "說明",
	},
}

// RecordLanguages lists the languages [Result.Record] writes.
var RecordLanguages = []string{"en", "zh-Hans", "zh-Hant"}

func texts(lang string) recordText {
	if t, ok := recordTexts[lang]; ok {
		return t
	}
	return recordTexts["en"]
}

func (t recordText) role(r Role) string {
	if r == Seller {
		return t.seller
	}
	return t.buyer
}

// Record returns the signing record in lang (en, zh-Hans or zh-Hant; other
// values give en): the state, the chain head, each party's key fingerprint,
// and for every revision its author, digests and confirmations. The status
// says "agreed" only for [StateAgreed]; when both keys on file confirmed
// but not both were pinned it says that the fingerprints remain to be
// checked. A zero Result gives no rows.
func (r *Result) Record(lang string) []RecordRow {
	t := texts(lang)
	latest := r.Latest()
	if latest == nil {
		return nil
	}
	rows := []RecordRow{{t.contract, r.ID}}
	switch r.State() {
	case StateAgreed:
		rows = append(rows, RecordRow{t.status, fmt.Sprintf(t.agreed, latest.Number)})
	case StateUnpinned:
		rows = append(rows, RecordRow{t.status, fmt.Sprintf(t.unpinnedAgreed, latest.Number)})
	default:
		var who []string
		for _, role := range r.Missing() {
			who = append(who, t.role(role))
		}
		rows = append(rows, RecordRow{t.status, fmt.Sprintf(t.pending, latest.Number, strings.Join(who, " / "))})
	}
	rows = append(rows, RecordRow{t.head, r.Head.String()})
	for _, p := range []*Party{r.Seller, r.Buyer} {
		if p == nil {
			continue
		}
		v := fmt.Sprintf(t.unpinned, p.Key.Fingerprint(), t.role(p.Role))
		if p.Pinned {
			v = fmt.Sprintf(t.pinned, p.Key.Fingerprint())
		}
		rows = append(rows, RecordRow{fmt.Sprintf(t.key, capitalise(t.role(p.Role))), v})
	}
	for _, rev := range r.Revisions {
		how := t.amended
		if rev.Number == 1 {
			how = t.proposed
		}
		rows = append(rows, RecordRow{fmt.Sprintf(t.revision, rev.Number), fmt.Sprintf(how, t.role(rev.Author), rev.Time)})
		rows = append(rows, RecordRow{t.terms, rev.Agreement.String()})
		text := t.notRerendered
		if rev.Rerendered {
			text = t.rerendered
		}
		rows = append(rows, RecordRow{t.text, fmt.Sprintf(text, rev.Document.String())})
		rows = append(rows, RecordRow{t.template, rev.Template.String()})
		for _, c := range rev.Confirmations {
			rows = append(rows, RecordRow{"", fmt.Sprintf(t.confirmed, t.role(c.Role), c.Account, c.Time, c.Key.Fingerprint())})
		}
	}
	for i := range rows {
		rows[i].Value = printable(rows[i].Value)
	}
	return rows
}

// printable returns s with every character that is not graphic, or that
// changes how the text around it is shown (controls, line and paragraph
// separators, bidirectional and other format characters, characters that
// draw nothing), written visibly as internal/safetext spells them for
// every output (\x1b, <U+202E>). Record values come from the file, and
// such a character in an account or a template name could otherwise forge
// lines of the record or reorder them on screen.
func printable(s string) string { return safetext.Line(s) }

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// WriteRecord writes the signing record as plain text, one "label: value"
// line per row, followed by the notes.
func (r *Result) WriteRecord(w io.Writer, lang string) error {
	if r == nil {
		return nil
	}
	t := texts(lang)
	var b strings.Builder
	b.WriteString(t.title + "\n")
	for _, row := range r.Record(lang) {
		if row.Label == "" {
			fmt.Fprintf(&b, "  - %s\n", row.Value)
			continue
		}
		fmt.Fprintf(&b, "%s%s%s\n", row.Label, t.colon, row.Value)
	}
	for _, n := range r.notes(lang) {
		fmt.Fprintf(&b, "%s%s%s\n", t.note, t.colon, printable(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
