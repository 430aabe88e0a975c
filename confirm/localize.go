package confirm

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorMessage returns err as a sentence in lang ("en", "zh-Hans" or
// "zh-Hant"; other values give English) for the parties to a contract,
// who mostly read Chinese. The errors of this package are translated;
// technical details they wrap (a JSON parser's complaint) stay as they
// are. Any other error is returned as err.Error().
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
	if i == 0 {
		return err.Error()
	}
	t := func(hans, hant string, args ...any) string {
		return fmt.Sprintf([]string{"", hans, hant}[i], args...)
	}
	role := func(r Role) string {
		switch r {
		case Seller:
			return t("卖方", "賣方")
		case Buyer:
			return t("买方", "買方")
		}
		return ""
	}
	entry := func(n int) string {
		if n <= 0 {
			return ""
		}
		return t("第 %d 项：", "第 %d 項：", n)
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
	)
	switch {
	case errors.As(err, &rb):
		if !rb.WantHead.IsZero() {
			return t("这份合同文件的历史记录（%d 条，第 %d 版，最新哈希 %s）不包含您已知的哈希 %s：它是被截短的旧副本，或是另一份历史记录",
				"這份契約檔案的歷史紀錄（%d 筆，第 %d 版，最新雜湊 %s）不包含您已知的雜湊 %s：它是遭截短的舊副本，或是另一份歷史紀錄",
				rb.Entries, rb.Revisions, rb.Head.Short(), rb.WantHead.Short())
		}
		return t("这份合同文件只有 %d 个版本，但已知存在第 %d 版：它是被截短的旧副本", "這份契約檔案只有 %d 個版本，但已知存在第 %d 版：它是遭截短的舊副本",
			rb.Revisions, rb.WantRevision)
	case errors.As(err, &ke):
		who := role(ke.Role) + t("公钥", "公鑰")
		if ke.Role == "" {
			who = t("公钥", "公鑰")
		}
		fp := ke.Key.Fingerprint()
		want := ""
		if ke.Want != "" {
			want = t("（应为 %s）", "（應為 %s）", ke.Want.Fingerprint())
		}
		switch ke.Problem {
		case KeyWeak:
			return entry(ke.Entry) + t("%s %s 格式错误，或是任何人都能用来签名的弱密钥", "%s %s 格式錯誤，或是任何人都能用來簽章的弱金鑰", who, fp)
		case KeyNotPinned:
			return entry(ke.Entry) + t("%s %s 不是您指定信任的公钥%s", "%s %s 不是您指定信任的公鑰%s", who, fp, want)
		case KeyNotRecorded:
			return entry(ke.Entry) + t("%s %s 不是合同文件为%s记录的公钥%s", "%s %s 不是契約檔案為%s記錄的公鑰%s", who, fp, role(ke.Role), want)
		case KeyOtherRole:
			return entry(ke.Entry) + t("公钥 %s 已代表另一方；同一把密钥不能同时代表买卖双方", "公鑰 %s 已代表另一方；同一把金鑰不能同時代表買賣雙方", fp)
		case KeyUnknown:
			return entry(ke.Entry) + t("公钥 %s 既不是卖方也不是买方记录在案的公钥", "公鑰 %s 既不是賣方也不是買方記錄在案的公鑰", fp)
		case KeyNotSeller:
			return t("只有卖方可以提出合同", "只有賣方可以提出契約")
		}
	case errors.As(err, &sig):
		return entry(sig.Entry) + t("%s对第 %d 版的确认签名验证失败（公钥 %s）：签名或其签署的内容已被改动",
			"%s對第 %d 版的確認簽章驗證失敗（公鑰 %s）：簽章或其簽署的內容已遭變更", role(sig.Role), sig.Revision, sig.Key.Fingerprint())
	case errors.As(err, &dm):
		switch dm.What {
		case "terms":
			return t("第 %d 版的条款与记录的摘要不符（记录 %s，实际 %s）：条款已被改动", "第 %d 版的條款與記錄的摘要不符（記錄 %s，實際 %s）：條款已遭變更",
				dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
		case "rendered text":
			return t("第 %d 版记录的文本（%s）与其模板根据条款生成的文本（%s）不同：文本与条款不一致", "第 %d 版記錄的文字（%s）與其範本依條款產生的文字（%s）不同：文字與條款不一致",
				dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
		}
		return t("第 %d 版的文本与记录的摘要不符（记录 %s，实际 %s）：文本已被改动", "第 %d 版的文字與記錄的摘要不符（記錄 %s，實際 %s）：文字已遭變更",
			dm.Revision, dm.Recorded.Short(), dm.Computed.Short())
	case errors.As(err, &he):
		return entry(he.Entry) + t("记录链断裂：之前的记录已被删除、插入、调换顺序或修改，请与对方保存的副本比对", "紀錄鏈斷裂：之前的紀錄已遭刪除、插入、調換順序或修改，請與對方保存的副本比對")
	case errors.As(err, &me):
		return entry(me.Entry) + t("这份确认不属于第 %d 版（%s 为 %q，该版本为 %q）：可能是从其他合同或版本复制而来", "這份確認不屬於第 %d 版（%s 為 %q，該版本為 %q）：可能是從其他契約或版本複製而來",
			me.Revision, me.Field, me.Recorded, me.Want)
	case errors.As(err, &mp):
		return t("第 %d 版缺少其提出者（%s）的确认", "第 %d 版缺少其提出者（%s）的確認", mp.Revision, role(mp.Role))
	case errors.As(err, &mf):
		where := ""
		if mf.Entry > 0 || mf.Field != "" {
			parts := []string{}
			if mf.Entry > 0 {
				parts = append(parts, t("第 %d 项", "第 %d 項", mf.Entry))
			}
			if mf.Field != "" {
				parts = append(parts, t("字段 %s", "欄位 %s", mf.Field))
			}
			where = t("（%s）", "（%s）", strings.Join(parts, t("，", "，")))
		}
		return t("不是有效的合同文件%s：%v", "不是有效的契約檔案%s：%v", where, mf.Err)
	case errors.As(err, &pe):
		switch pe.Problem {
		case "unreadable":
			return t("无法读取此 PDF：%v", "無法讀取此 PDF：%v", pe.Err)
		case "no contract file":
			return t("此 PDF 没有附上合同文件，无法验证", "此 PDF 未附契約檔案，無法驗證")
		case "pages differ":
			return t("PDF 页面与所附合同文件生成的内容不一致：PDF 已被改动，或是用其他字体或版面选项生成的", "PDF 頁面與所附契約檔案產生的內容不一致：PDF 已遭變更，或是以其他字型或版面選項產生")
		}
		return t("PDF 页面未经验证：%v", "PDF 頁面未經驗證：%v", pe.Err)
	case errors.Is(err, ErrAlreadyConfirmed):
		return t("您已确认过最新版本，无需再次确认", "您已確認過最新版本，無需再次確認")
	case errors.Is(err, ErrNotRerendered):
		return t("这一版的文本无法用现有模板根据条款重新生成，无法证明文本与条款一致，因此不予确认", "這一版的文字無法以現有範本依條款重新產生，無法證明文字與條款一致，因此不予確認")
	case errors.Is(err, ErrWeakKey):
		return t("这是任何人都能用来签名的弱密钥", "這是任何人都能用來簽章的弱金鑰")
	}
	return err.Error()
}
