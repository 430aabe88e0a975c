package confirm

import (
	"fmt"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

// withUnverifiedBanner returns doc with a warning before its text when the
// revision's text was not rendered again from its terms (another template
// set made it): the text is then the signer's own and may state another
// price than the terms, so a PDF of it says so on its first page, in the
// terms' language, with the terms' total. The warning depends on the
// revision only, so [VerifyPDF] renders the same bytes.
func withUnverifiedBanner(doc *render.Document, rev *Revision) *render.Document {
	if rev == nil || rev.Rerendered {
		return doc
	}
	i := 0
	switch rev.Terms.Locale {
	case agreement.LocaleZHHans:
		i = 1
	case agreement.LocaleZHHant:
		i = 2
	}
	t := func(en, hans, hant string, args ...any) string {
		return fmt.Sprintf([]string{en, hans, hant}[i], args...)
	}
	w := t("WARNING, NOT VERIFIED: the text of revision %d was not rendered again from its terms (template set %s is not this build's), so it may not say what the terms say",
		"警告：未经核实。第 %d 版的文本未能根据条款重新生成（模板集 %s 不属于本版本），其内容可能与条款不符",
		"警告：未經核實。第 %d 版的文字未能依條款重新產生（範本集 %s 不屬於本版本），其內容可能與條款不符",
		rev.Number, rev.Template.String())
	if tot, err := rev.Terms.Totals(); err == nil {
		w += t("; the terms total %s", "；条款的总金额为 %s", "；條款的總金額為 %s", tot.Total.Format(rev.Terms.Locale))
	}
	w += t(". Below is the text as the contract file records it.", "。以下是合同文件中记录的文本。", "。以下是契約檔案中記錄的文字。")
	d := *doc
	d.Blocks = append([]render.Block{
		{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: w, Bold: true}}},
		{Kind: render.BlockRule},
	}, doc.Blocks...)
	return &d
}

// otherSetNote is the note that a revision's text was made by a template
// set this build lacks, so it was checked against its digest only.
type otherSetNote struct {
	rev       int
	set, have TemplateID
}

func (n otherSetNote) text(lang string) string {
	switch lang {
	case "zh-Hans":
		return fmt.Sprintf("第 %d 版由模板集 %s 生成，本版本的模板集为 %s：其文本已与摘要核对，但未重新生成", n.rev, n.set, n.have)
	case "zh-Hant":
		return fmt.Sprintf("第 %d 版由範本集 %s 產生，本版本的範本集為 %s：其文字已與摘要核對，但未重新產生", n.rev, n.set, n.have)
	}
	return fmt.Sprintf("revision %d was rendered with template set %s, this build has %s: its text was checked against its digest but not re-rendered", n.rev, n.set, n.have)
}

// notes returns r.Notes in lang, for the signing record: the notes this
// package made, in that language; any other (a Result built by hand) as
// they are.
func (r *Result) notes(lang string) []string {
	if len(r.otherSet) != len(r.Notes) {
		return r.Notes
	}
	out := make([]string, len(r.otherSet))
	for i, n := range r.otherSet {
		out[i] = n.text(lang)
	}
	return out
}
