package main

import (
	"fmt"

	"github.com/tradepact/tradepact/confirm"
)

// messages are what the negotiation verbs report, in en, zh-Hans and
// zh-Hant. They speak the contract's language unless --lang says otherwise.
var messages = map[string][3]string{
	"proposed": {
		"%s: revision 1 of %s, proposed and confirmed by the seller (key %s)",
		"%s：合同 %s 第 1 版，已由卖方提出并确认（公钥 %s）",
		"%s：契約 %s 第 1 版，已由賣方提出並確認（公鑰 %s）"},
	"amended": {
		"%s: revision %d of %s, amended and confirmed by the %s (key %s)",
		"%s：合同 %[3]s 第 %[2]d 版，已由%[4]s修改并确认（公钥 %[5]s）",
		"%s：契約 %[3]s 第 %[2]d 版，已由%[4]s修改並確認（公鑰 %[5]s）"},
	"must confirm": {
		"the %s must confirm revision %d",
		"须由%s确认第 %d 版",
		"須由%s確認第 %d 版"},
	"head": {"head: %s", "记录链最新哈希：%s", "紀錄鏈最新雜湊：%s"},
	"can confirm": {
		"%s: the %s (%s) can confirm revision %d of %s (key %s); nothing was written",
		"%s：%s（%s）可以确认合同 %[5]s 第 %[4]d 版（公钥 %[6]s）；未写入任何内容",
		"%s：%s（%s）可以確認契約 %[5]s 第 %[4]d 版（公鑰 %[6]s）；未寫入任何內容"},
	"confirmed": {
		"%s: the %s (%s) confirmed revision %d of %s (key %s)",
		"%s：%s（%s）已确认合同 %[5]s 第 %[4]d 版（公钥 %[6]s）",
		"%s：%s（%s）已確認契約 %[5]s 第 %[4]d 版（公鑰 %[6]s）"},
	"agreed": {
		"agreed: both parties confirmed revision %d",
		"已达成：双方均已确认第 %d 版",
		"已成立：雙方均已確認第 %d 版"},
	"waiting": {"waiting for the %s", "等待%s确认", "等待%s確認"},
	"revision": {
		"revision %d, by the %s: agreement %s, text %s",
		"第 %d 版，由%s提出：条款摘要 %s，文本摘要 %s",
		"第 %d 版，由%s提出：條款摘要 %s，文本摘要 %s"},
	"changes from":   {"changes from revision %d:", "与第 %d 版相比的变更：", "與第 %d 版相比的變更："},
	"no differences": {"no differences", "没有差异", "沒有差異"},
	"full text":      {"the full text: tradepact render %s", "完整文本：tradepact render %s", "完整文字：tradepact render %s"},
	"hint key":       {"compare the key fingerprints with the parties; one key acts for one role only", "请与双方核对公钥指纹；一把密钥只能代表一方", "請與雙方核對公鑰指紋；一把金鑰只能代表一方"},
	"hint history":   {"the history was edited, reordered or cut: compare the file with the other party's copy", "历史记录被修改、调换顺序或截断：请与对方保存的副本比对", "歷史紀錄遭修改、調換順序或截斷：請與對方保存的副本比對"},
	"hint malformed": {"this is not a tradepact contract file, or it was edited by hand", "这不是 tradepact 合同文件，或已被手动修改", "這不是 tradepact 契約檔案，或已遭手動修改"},
	"nothing to do":  {"nothing to do; the file was not changed", "无需操作；文件未作改动", "無需操作；檔案未變更"},
	"private key file": {
		"this is a private key file, not terms or a contract file; its content is not shown (keep it to yourself)",
		"这是私钥文件，不是条款文件或合同文件；其内容不予显示（请妥善保管，勿交给他人）",
		"這是私鑰檔案，不是條款檔案或契約檔案；其內容不予顯示（請妥善保管，勿交給他人）"},
	"public key file": {
		"this is a public key file, not terms or a contract file",
		"这是公钥文件，不是条款文件或合同文件",
		"這是公鑰檔案，不是條款檔案或契約檔案"},
	"hint key file": {
		"give the terms file (terms.yaml) or the contract file (deal.contract.json) here; keys go after --key, --seller-pub or --buyer-pub",
		"此处应为条款文件（terms.yaml）或合同文件（deal.contract.json）；密钥请用 --key、--seller-pub 或 --buyer-pub 指定",
		"此處應為條款檔案（terms.yaml）或契約檔案（deal.contract.json）；金鑰請用 --key、--seller-pub 或 --buyer-pub 指定"},
	"unverified text": {
		"the text of revision %d was not rendered again from its terms (template set %s is not this build's), so it may not say what the terms say",
		"第 %d 版的文本未能根据条款重新生成（模板集 %s 不属于本版本），其内容可能与条款不符",
		"第 %d 版的文字未能依條款重新產生（範本集 %s 不屬於本版本），其內容可能與條款不符"},
	"terms total": {"; the terms total %s", "；条款的总金额为 %s", "；條款的總金額為 %s"},
	"hint unverified": {
		"compare the text with the terms (tradepact terms %[1]s) before relying on it; tradepact render --unverified-text %[1]s shows it under this warning",
		"依赖该文本之前，请与条款核对（tradepact terms %[1]s）；tradepact render --unverified-text %[1]s 会在此警告下显示文本",
		"依賴該文字之前，請與條款核對（tradepact terms %[1]s）；tradepact render --unverified-text %[1]s 會在此警告下顯示文字"},
	"banner unverified": {
		"WARNING, NOT VERIFIED: %s. Below is the text as the contract file records it.",
		"警告：未经核实。%s。以下是合同文件中记录的文本。",
		"警告：未經核實。%s。以下是契約檔案中記錄的文字。"},
	"seller": {"seller", "卖方", "賣方"},
	"buyer":  {"buyer", "买方", "買方"},
}

func langIndex(lang string) int {
	switch lang {
	case "zh-Hans":
		return 1
	case "zh-Hant":
		return 2
	}
	return 0
}

// tr returns message key in e.lang, formatted with args.
func (e *env) tr(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		panic("tradepact: no message " + key)
	}
	return fmt.Sprintf(m[langIndex(e.lang)], args...)
}

// say prints message key in e.lang on standard output.
func (e *env) say(key string, args ...any) { fmt.Fprintln(e.stdout, oneLine(e.tr(key, args...))) }

// role names a role in e.lang: "the seller" is "seller" in English, as the
// messages put "the" before it.
func (e *env) role(r confirm.Role) string { return e.tr(string(r)) }
