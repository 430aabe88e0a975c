package confirm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm/internal/format"
)

// ErrorMessage returns err as a whole sentence in lang ("en", "zh-Hans" or
// "zh-Hant"; other values give English) for the parties to a contract, who
// mostly read Chinese. Every error of this package has its sentence in the
// three languages, with no package prefix ("confirm: …"); history entries
// are explained as such. Technical details (a JSON parser's complaint) are
// given in English only. Any other error is returned as err.Error() with
// package prefixes removed.
func ErrorMessage(err error, lang string) string {
	if err == nil {
		return ""
	}
	i := 0
	switch lang {
	case "zh-Hans":
		i = 1
	case "zh-Hant":
		i = 2
	}
	t := func(en, hans, hant string, args ...any) string {
		return fmt.Sprintf([]string{en, hans, hant}[i], args...)
	}
	role := func(r Role) string {
		switch r {
		case Seller:
			return t("the seller", "卖方", "賣方")
		case Buyer:
			return t("the buyer", "买方", "買方")
		}
		return t("a party", "一方", "一方")
	}
	// entry says what an entry is: revisions and confirmations, counted
	// together in file order.
	entry := func(n int) string {
		if n <= 0 {
			return ""
		}
		return t("History entry %d (revisions and confirmations counted together, from 1): ",
			"历史记录第 %d 条（修改版本与确认按先后一并计数）：", "歷史紀錄第 %d 筆（修改版本與確認依先後一併計數）：", n)
	}
	sentence := func(prefix, s string) string {
		if prefix == "" && i == 0 {
			return capitalise(s)
		}
		return prefix + s
	}
	var (
		mf  *MalformedError
		sig *InvalidSignatureError
		dm  *DigestMismatchError
		ke  *KeyError
		he  *HistoryError
		me  *MismatchError
		mp  *MissingPartyError
		pe  *PDFError
		rb  *RollbackError
		ac  *AlreadyConfirmedError
		ut  *UnchangedTermsError
		id  *IDMismatchError
		te  *TermsError
		to  *TimeOrderError
		tm  *TimeError
		se  *SignerError
		le  *LimitError
	)
	switch {
	case errors.As(err, &le):
		if le.What == "contract file structure" {
			return t("This contract file holds more than %d JSON values and keys, more than any contract tradepact makes; it was not read", "这份合同文件包含超过 %d 个 JSON 值和键，超过 tradepact 生成的任何合同；未读取", "這份契約檔案包含超過 %d 個 JSON 值和鍵，超過 tradepact 產生的任何契約；未讀取", le.Limit)
		}
		if le.What == "PDF structure" {
			return t("This PDF has more than %d objects, more than any contract tradepact makes; it was not read", "这个 PDF 的对象超过 %d 个，超过 tradepact 生成的任何合同；未读取", "這個 PDF 的物件超過 %d 個，超過 tradepact 產生的任何契約；未讀取", le.Limit)
		}
		if le.What == "embedded contract file" {
			return t("The contract file this PDF carries inflates to more than %d MiB, more than any contract tradepact makes; it was not read", "这个 PDF 所附的合同文件解压后大于 %d MiB，超过 tradepact 生成的任何合同；未读取", "這個 PDF 所附的契約檔案解壓縮後大於 %d MiB，超過 tradepact 產生的任何契約；未讀取", le.Limit>>20)
		}
		if le.What == "PDF" {
			return t("This PDF is larger than %d MiB, more than any contract tradepact makes; it was not read", "这个 PDF 大于 %d MiB，超过 tradepact 生成的任何合同；未读取", "這個 PDF 大於 %d MiB，超過 tradepact 產生的任何契約；未讀取", le.Limit>>20)
		}
		return t("This contract file is larger than %d MiB, more than any contract tradepact makes; it was not read", "这份合同文件大于 %d MiB，超过 tradepact 生成的任何合同；未读取", "這份契約檔案大於 %d MiB，超過 tradepact 產生的任何契約；未讀取", le.Limit>>20)
	case errors.As(err, &rb):
		if !rb.WantHead.IsZero() {
			return t("The history of this contract file (%d entries, revision %d, head %s) does not contain the head you know, %s: it is an older or cut copy, or another history",
				"这份合同文件的历史记录（%d 条，第 %d 版，最新哈希 %s）不包含您已知的哈希 %s：它是被截短的旧副本，或是另一份历史记录",
				"這份契約檔案的歷史紀錄（%d 筆，第 %d 版，最新雜湊 %s）不包含您已知的雜湊 %s：它是遭截短的舊副本，或是另一份歷史紀錄",
				rb.Entries, rb.Revisions, rb.Head.Short(), rb.WantHead.Short())
		}
		return t("This contract file has %d revision(s), but revision %d is known to exist: it is an older or cut copy",
			"这份合同文件只有 %d 个版本，但已知存在第 %d 版：它是被截短的旧副本", "這份契約檔案只有 %d 個版本，但已知存在第 %d 版：它是遭截短的舊副本",
			rb.Revisions, rb.WantRevision)
	case errors.As(err, &ke):
		who := t("%s's key", "%s公钥", "%s公鑰", role(ke.Role))
		if ke.Role == "" {
			who = t("the key", "公钥", "公鑰")
		}
		fp := ke.Key.Fingerprint()
		want := ""
		if ke.Want != "" {
			want = t(" (want %s)", "（应为 %s）", "（應為 %s）", ke.Want.Fingerprint())
		}
		switch ke.Problem {
		case KeyWeak:
			return sentence(entry(ke.Entry), t("%s %s is malformed, or a weak key that anyone could sign with", "%s %s 格式错误，或是任何人都能用来签名的弱密钥", "%s %s 格式錯誤，或是任何人都能用來簽章的弱金鑰", who, fp))
		case KeyNotPinned:
			return sentence(entry(ke.Entry), t("%s %s is not the key you pinned as trusted%s", "%s %s 不是您指定信任的公钥%s", "%s %s 不是您指定信任的公鑰%s", who, fp, want))
		case KeyNotRecorded:
			return sentence(entry(ke.Entry), t("%s %s is not the key the contract file records for %s%s", "%s %s 不是合同文件为%s记录的公钥%s", "%s %s 不是契約檔案為%s記錄的公鑰%s", who, fp, role(ke.Role), want))
		case KeyOtherRole:
			return sentence(entry(ke.Entry), t("key %s already acts for the other party; one key cannot act for both the seller and the buyer", "公钥 %s 已代表另一方；同一把密钥不能同时代表买卖双方", "公鑰 %s 已代表另一方；同一把金鑰不能同時代表買賣雙方", fp))
		case KeyUnknown:
			return sentence(entry(ke.Entry), t("key %s is neither the seller's nor the buyer's recorded key", "公钥 %s 既不是卖方也不是买方记录在案的公钥", "公鑰 %s 既不是賣方也不是買方記錄在案的公鑰", fp))
		case KeyNotSeller:
			return t("Only the seller proposes a contract", "只有卖方可以提出合同", "只有賣方可以提出契約")
		}
		return sentence(entry(ke.Entry), t("%s %s may not act here", "%s %s 不能在此使用", "%s %s 不能在此使用", who, fp))
	case errors.As(err, &sig):
		return sentence(entry(sig.Entry), t("%s's confirmation signature on revision %d does not verify (key %s): the signature or what it signs was changed",
			"%s对第 %d 版的确认签名验证失败（公钥 %s）：签名或其签署的内容已被改动",
			"%s對第 %d 版的確認簽章驗證失敗（公鑰 %s）：簽章或其簽署的內容已遭變更", role(sig.Role), sig.Revision, sig.Key.Fingerprint()))
	case errors.As(err, &dm):
		switch dm.What {
		case "terms":
			return t("The terms of revision %d do not match their recorded digest (recorded %s, computed %s): the terms were changed",
				"第 %d 版的条款与记录的摘要不符（记录 %s，实际 %s）：条款已被改动", "第 %d 版的條款與記錄的摘要不符（記錄 %s，實際 %s）：條款已遭變更",
				dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
		case "rendered text":
			return t("The recorded text of revision %d (%s) is not what its templates make of its terms (%s): the text and the terms disagree",
				"第 %d 版记录的文本（%s）与其模板根据条款生成的文本（%s）不同：文本与条款不一致", "第 %d 版記錄的文字（%s）與其範本依條款產生的文字（%s）不同：文字與條款不一致",
				dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
		}
		return t("The text of revision %d does not match its recorded digest (recorded %s, computed %s): the text was changed",
			"第 %d 版的文本与记录的摘要不符（记录 %s，实际 %s）：文本已被改动", "第 %d 版的文字與記錄的摘要不符（記錄 %s，實際 %s）：文字已遭變更",
			dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
	case errors.As(err, &he):
		return sentence(entry(he.Entry), t("the history chain is broken: earlier entries were removed, inserted, reordered or edited; compare the file with the other party's copy",
			"记录链断裂：之前的记录已被删除、插入、调换顺序或修改，请与对方保存的副本比对", "紀錄鏈斷裂：之前的紀錄已遭刪除、插入、調換順序或修改，請與對方保存的副本比對"))
	case errors.As(err, &me):
		return sentence(entry(me.Entry), t("this confirmation does not belong to revision %d (its %s is %q, the revision's %q): it may have been copied from another contract or revision",
			"这份确认不属于第 %d 版（%s 为 %q，该版本为 %q）：可能是从其他合同或版本复制而来", "這份確認不屬於第 %d 版（%s 為 %q，該版本為 %q）：可能是從其他契約或版本複製而來",
			me.Revision, me.Field, printable(me.Recorded), printable(me.Want)))
	case errors.As(err, &mp):
		return t("Revision %d lacks the confirmation of its author, %s", "第 %d 版缺少其提出者（%s）的确认", "第 %d 版缺少其提出者（%s）的確認", mp.Revision, role(mp.Role))
	case errors.As(err, &mf):
		return malformedMessage(mf, t, entry, i)
	case errors.As(err, &pe):
		switch pe.Problem {
		case "unreadable":
			return t("This PDF cannot be read (%v)", "无法读取此 PDF%.0[1]v", "無法讀取此 PDF%.0[1]v", pe.Err)
		case "no contract file":
			return t("This PDF carries no contract file, so it cannot be verified", "此 PDF 没有附上合同文件，无法验证", "此 PDF 未附契約檔案，無法驗證")
		case "pages differ":
			return t("The pages of this PDF are not what its attached contract file renders to: the PDF was changed, or made with other fonts or page options",
				"PDF 页面与所附合同文件生成的内容不一致：PDF 已被改动，或是用其他字体或版面选项生成的", "PDF 頁面與所附契約檔案產生的內容不一致：PDF 已遭變更，或是以其他字型或版面選項產生")
		case "pages not compared":
			return t("This PDF was made by another tradepact version, so its pages cannot be compared with a fresh rendering: what they show is not verified (only the attached contract file is)",
				"此 PDF 由其他版本的 tradepact 生成，无法与重新生成的页面比对：页面内容未经验证（只验证了所附合同文件）",
				"此 PDF 由其他版本的 tradepact 產生，無法與重新產生的頁面比對：頁面內容未經驗證（只驗證了所附契約檔案）")
		case "unchecked update":
			return t("Bytes were added to this PDF after it was rendered (an incremental update, which can change what any page shows); they were not checked, so the pages are not verified",
				"此 PDF 在生成后被追加了内容（增量更新，可改变任何页面的显示）；这些内容未经检查，因此页面未经验证",
				"此 PDF 在產生後遭追加內容（增量更新，可改變任何頁面的顯示）；這些內容未經檢查，因此頁面未經驗證")
		case "signature invalid":
			return t("A PDF signature of this PDF is not valid (%v)", "此 PDF 的 PDF 签名无效（%v）", "此 PDF 之 PDF 簽章無效（%v）", pe.Err)
		}
		return t("The pages of this PDF are not verified", "PDF 页面未经验证", "PDF 頁面未經驗證")
	case errors.As(err, &ac):
		return t("%s (key %s) already confirmed revision %d; nothing to do. If you are %s, this key is %s's: confirm with your own key",
			"%s（公钥 %s）已确认过第 %d 版，无需再次确认。如果您是%s，这把密钥是%s的：请用您自己的密钥确认",
			"%s（公鑰 %s）已確認過第 %d 版，無需再次確認。如果您是%s，這把金鑰是%s的：請用您自己的金鑰確認",
			capitaliseIf(i, role(ac.Role)), ac.Key.Fingerprint(), ac.Revision, role(ac.Role.other()), role(ac.Role))
	case errors.As(err, &ut):
		return t("The new terms are the same as those of revision %d: there is nothing to amend. Edit the terms first, or confirm revision %[1]d as it is",
			"新条款与第 %d 版完全相同，没有可修改之处。请先编辑条款，或直接确认第 %[1]d 版",
			"新條款與第 %d 版完全相同，沒有可修改之處。請先編輯條款，或直接確認第 %[1]d 版", ut.Revision)
	case errors.As(err, &id):
		return t("The terms are for contract %q, but this contract file is %q", "这些条款属于合同 %q，而这份合同文件是 %q", "這些條款屬於契約 %q，而這份契約檔案是 %q",
			printable(id.Terms), printable(id.Contract))
	case errors.As(err, &te):
		msg := t("The terms of revision %d do not pass validation, and invalid terms are never signed", "第 %d 版的条款未通过校验，无效的条款不予签署", "第 %d 版的條款未通過檢核，無效的條款不予簽署", te.Revision)
		var ve *agreement.ValidationError
		if errors.As(te.Err, &ve) {
			l := agreement.Locale([]string{"en", "zh-Hans", "zh-Hant"}[i])
			var parts []string
			for _, f := range ve.Fields {
				parts = append(parts, f.Path+t(": ", "：", "：")+f.Message(l))
			}
			msg += t(": ", "：", "：") + strings.Join(parts, t("; ", "；", "；"))
		}
		return msg
	case errors.As(err, &to):
		return t("The time %s is earlier than %s, the time of the newest entry: an entry may not be dated before the one it follows",
			"时间 %s 早于最新一条记录的时间 %s：记录的时间不得早于其前一条", "時間 %s 早於最新一筆紀錄的時間 %s：紀錄的時間不得早於其前一筆", to.Time, to.Last)
	case errors.As(err, &tm):
		return t("The time %s cannot be recorded: %v. Times are RFC 3339 with whole seconds and an offset of whole minutes, years 0000–9999",
			"时间 %[1]s 无法记录：时间须为 RFC 3339 格式，精确到秒，时区偏移为整分钟，年份在 0000–9999 之间",
			"時間 %[1]s 無法記錄：時間須為 RFC 3339 格式，精確到秒，時區偏移為整分鐘，年份在 0000–9999 之間", tm.Time, tm.Err)
	case errors.As(err, &se):
		return t("The signer of key %s failed, so nothing was signed: %v", "密钥 %s 的签署方失败，未签署任何内容%.0[2]v", "金鑰 %s 的簽署方失敗，未簽署任何內容%.0[2]v",
			se.Key.Fingerprint(), se.Err)
	case errors.Is(err, ErrStale):
		return t("The contract changed after the signing request was prepared, so the signature cannot be used: read the new version and sign again",
			"签署请求准备好之后合同已有变动，签名无法使用：请阅读新版本后重新签署", "簽署請求準備好之後契約已有變動，簽章無法使用：請閱讀新版本後重新簽署")
	case errors.Is(err, ErrNotRerendered):
		return t("The text of this revision cannot be rendered again from its terms with the templates at hand, so nothing shows that the text says what the terms say: it is not confirmed",
			"这一版的文本无法用现有模板根据条款重新生成，无法证明文本与条款一致，因此不予确认", "這一版的文字無法以現有範本依條款重新產生，無法證明文字與條款一致，因此不予確認")
	case errors.Is(err, ErrWeakKey):
		return t("This is a weak key that anyone could sign with", "这是任何人都能用来签名的弱密钥", "這是任何人都能用來簽章的弱金鑰")
	case errors.Is(err, ErrNoKey):
		return t("No private key was given", "没有提供私钥", "未提供私鑰")
	case errors.Is(err, ErrPrivateKey) && strings.Contains(err.Error(), "public key file"):
		return t("This is a public key file: signing takes your private key file (NAME.key)", "这是公钥文件：签署需要您的私钥文件（NAME.key）", "這是公鑰檔案：簽署需要您的私鑰檔案（NAME.key）")
	case errors.Is(err, ErrPrivateKey):
		return t("This is not a tradepact private key file (made by tradepact keygen)", "这不是 tradepact 私钥文件（由 tradepact keygen 生成）", "這不是 tradepact 私鑰檔案（由 tradepact keygen 產生）")
	}
	return stripPrefixes(err.Error())
}

// malformedMessage explains a *MalformedError.
func malformedMessage(mf *MalformedError, t func(en, hans, hant string, args ...any) string, entry func(int) string, i int) string {
	var to *TimeOrderError
	switch {
	case errors.As(mf.Err, &to):
		return entry(mf.Entry) + t("its time %s is earlier than %s, the time of the entry before it: entries are dated in order",
			"其时间 %s 早于前一条记录的时间 %s：记录须按时间先后排列", "其時間 %s 早於前一筆紀錄的時間 %s：紀錄須依時間先後排列", to.Time, to.Last)
	case errors.Is(mf.Err, format.ErrNumberForm):
		return entry(mf.Entry) + t("the terms write a number other than in its canonical form, so the file shows a reader other numbers than those signed (%v)",
			"条款中的数字未以规范形式书写，文件显示给读者的数字可能与签署的不同%.0[1]v", "條款中的數字未以規範形式書寫，檔案顯示給讀者的數字可能與簽署的不同%.0[1]v", mf.Err)
	case errors.Is(mf.Err, format.ErrSyntax):
		return t("This is not a contract file: it is not JSON in the contract-file format, or it was cut short or edited by hand (%v)",
			"这不是合同文件：它不是合同文件格式的 JSON，或已被截断、手动修改%.0[1]v", "這不是契約檔案：它不是契約檔案格式的 JSON，或已遭截斷、手動修改%.0[1]v", mf.Err)
	case mf.Field == "tradepact_contract":
		return t("This contract file has a format version this build cannot read (%v); use a newer tradepact",
			"这份合同文件的格式版本本程序无法读取；请使用较新版本的 tradepact%.0[1]v", "這份契約檔案的格式版本本程式無法讀取；請使用較新版本的 tradepact%.0[1]v", mf.Err)
	}
	where := ""
	if mf.Field != "" {
		where = t("field %q: ", "字段 %q：", "欄位 %q：", mf.Field)
	}
	msg := t("the contract file is malformed: %s%v", "合同文件格式有误：%[1]s内容不符合合同文件格式（可能被截断或手动修改）", "契約檔案格式有誤：%[1]s內容不符合契約檔案格式（可能遭截斷或手動修改）", where, mf.Err)
	if mf.Entry > 0 {
		return entry(mf.Entry) + msg
	}
	if i == 0 {
		return capitalise(msg)
	}
	return msg
}

func capitaliseIf(i int, s string) string {
	if i == 0 {
		return capitalise(s)
	}
	return s
}

// stripPrefixes removes package prefixes ("confirm: ", "pdf: ",
// "render: ") from the start of msg and after each ": ".
func stripPrefixes(msg string) string {
	for _, p := range []string{"confirm: ", "pdf: ", "PDF: ", "render: "} {
		for strings.HasPrefix(msg, p) {
			msg = msg[len(p):]
		}
		msg = strings.ReplaceAll(msg, ": "+p, ": ")
	}
	return msg
}
