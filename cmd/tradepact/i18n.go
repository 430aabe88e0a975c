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
	"contract not terms": {
		"this is a contract file, not a terms file; check it with \"tradepact verify %[1]s\", or write its terms to edit with \"tradepact terms -o terms.yaml %[1]s\"",
		"这是合同文件，不是条款文件；请用“tradepact verify %[1]s”核验，或用“tradepact terms -o terms.yaml %[1]s”导出条款以便修改",
		"這是契約檔案，不是條款檔案；請用「tradepact verify %[1]s」核驗，或用「tradepact terms -o terms.yaml %[1]s」匯出條款以便修改"},
	"pdf to terminal": {
		"render: standard output is a terminal; a PDF is binary and is not written there",
		"render：标准输出是终端；PDF 是二进制数据，不会输出到终端",
		"render：標準輸出是終端機；PDF 是二進位資料，不會輸出到終端機"},
	"hint pdf to terminal": {
		"write it to a file: tradepact render -o contract.pdf FILE (or redirect: > contract.pdf)",
		"请写入文件：tradepact render -o contract.pdf 文件名（或重定向：> contract.pdf）",
		"請寫入檔案：tradepact render -o contract.pdf 檔名（或重新導向：> contract.pdf）"},
	"hint force": {
		"write to another file, or give --force to replace it",
		"请写入其他文件，或加上 --force 以替换它",
		"請寫入其他檔案，或加上 --force 以取代它"},
	"pdf cannot draw": {
		"the PDF cannot show %s",
		"PDF 无法显示 %s",
		"PDF 無法顯示 %s"},
	"glyph":          {"%U '%c' (%s)%s", "%U“%c”（%s）%s", "%U「%c」（%s）%s"},
	"near":           {" near \"%s\"", "，位于“%s”附近", "，位於「%s」附近"},
	"list sep":       {"; ", "；", "；"},
	"reason bmp":     {"an emoji or other character outside the fonts' range", "表情符号或字体范围以外的字符", "表情符號或字型範圍以外的字元"},
	"reason font":    {"no font has it", "字体中没有此字符", "字型中沒有此字元"},
	"reason control": {"a control character", "控制字符", "控制字元"},
	"hint pdf glyphs": {
		"remove or replace these characters in the terms, or render as text or HTML (--format text, --format html)",
		"请在条款中删除或替换这些字符，或改为输出文本或 HTML（--format text、--format html）",
		"請在條款中刪除或替換這些字元，或改為輸出文字或 HTML（--format text、--format html）"},
	"terms header": {
		"Terms of %s (agreement %s).",
		"%s 的条款（条款摘要 %s）。",
		"%s 的條款（條款摘要 %s）。"},
	"terms how": {
		"To propose changes, edit this file and run:",
		"如需修改，请编辑本文件，然后运行：",
		"如需修改，請編輯本檔案，然後執行："},
	"edited terms": {
		"%s holds terms that were edited after tradepact terms wrote them (or other terms); not overwriting it",
		"%s 中的条款在 tradepact terms 写出后已被修改（或是其他条款）；不覆盖该文件",
		"%s 中的條款在 tradepact terms 寫出後已被修改（或是其他條款）；不覆寫該檔案"},
	"hint edited terms": {
		"write to another file, or give --force to replace %s",
		"请写入其他文件，或加上 --force 以替换 %s",
		"請寫入其他檔案，或加上 --force 以取代 %s"},
	"unknown command": {"unknown command %q", "未知命令 %q", "未知指令 %q"},
	"hint help": {
		"run \"tradepact help\" for the list of commands",
		"运行“tradepact help”查看命令列表",
		"執行「tradepact help」查看指令列表"},
	"want args": {
		"%s: want %d argument(s), have %d",
		"%s：需要 %d 个参数，实际为 %d 个",
		"%s：需要 %d 個引數，實際為 %d 個"},
	"want one file": {
		"render: want one terms file, have %d",
		"render：需要一个条款文件，实际为 %d 个",
		"render：需要一個條款檔案，實際為 %d 個"},
	"hint render": {
		"tradepact render terms.yaml -o contract.html",
		"tradepact render terms.yaml -o contract.html",
		"tradepact render terms.yaml -o contract.html"},
	"no format": {
		"render: cannot tell the format from the name %s",
		"render：无法从文件名 %s 判断输出格式",
		"render：無法從檔名 %s 判斷輸出格式"},
	"hint format": {
		"name it .pdf, .html, .md or .txt, or give --format",
		"请使用 .pdf、.html、.md 或 .txt 扩展名，或指定 --format",
		"請使用 .pdf、.html、.md 或 .txt 副檔名，或指定 --format"},
	"unknown format": {"render: unknown format %q", "render：未知格式 %q", "render：未知格式 %q"},
	"hint unknown format": {
		"use --format text, md, html or pdf",
		"请使用 --format text、md、html 或 pdf",
		"請使用 --format text、md、html 或 pdf"},
	"width text only": {
		"render: --width applies to text only, not %s",
		"render：--width 只适用于 text 格式，不适用于 %s",
		"render：--width 只適用於 text 格式，不適用於 %s"},
	"width positive": {
		"render: --width %d: want a positive number of columns",
		"render：--width %d：栏数必须为正数",
		"render：--width %d：欄數必須為正數"},
	"unknown language": {"unknown language %q", "未知语言 %q", "未知語言 %q"},
	"hint lang": {
		"use --lang en, --lang zh-Hans or --lang zh-Hant",
		"请使用 --lang en、--lang zh-Hans 或 --lang zh-Hant",
		"請使用 --lang en、--lang zh-Hans 或 --lang zh-Hant"},
	"o is input": {
		"render: -o %s is the input file; the contract would replace the terms",
		"render：-o %s 是输入文件；合同会覆盖条款",
		"render：-o %s 是輸入檔案；契約會覆寫條款"},
	"no terms file": {"validate: no terms file given", "validate：未指定条款文件", "validate：未指定條款檔案"},
	"hint validate": {
		"tradepact validate terms.yaml (or start one with: tradepact init --kind goods > terms.yaml)",
		"tradepact validate terms.yaml（或先生成一份：tradepact init --kind goods --lang zh-Hans > terms.yaml）",
		"tradepact validate terms.yaml（或先產生一份：tradepact init --kind goods --lang zh-Hant > terms.yaml）"},
	"hint verify details": {
		"run \"tradepact verify %s\" for details",
		"运行“tradepact verify %s”查看详情",
		"執行「tradepact verify %s」查看詳情"},
	"hint must be valid": {
		"the terms must be valid to render; fix the file and run \"tradepact validate %s\"",
		"条款必须有效才能生成合同；请修改文件后运行“tradepact validate %s”",
		"條款必須有效才能產生契約；請修改檔案後執行「tradepact validate %s」"},
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
