package confirm

import (
	"fmt"
	"io"
	"strings"
)

var pdfReportTexts = map[string]struct {
	sig, certifies, approves, none string
}{
	"en": {
		sig:       "PDF signature %d: the %s, key %s, signed %s (%s): valid, its certificate holds the key the contract file records for the %[2]s",
		certifies: "certification: after it only signatures may be added",
		approves:  "approval",
		none:      "PDF signatures: none (the confirmations were made with Ed25519 keys, which PDF viewers do not check; tradepact verify checks them)",
	},
	"zh-Hans": {
		sig:       "PDF 签名 %d：%s，公钥 %s，于 %s 签署（%s）：有效，其证书中的公钥即合同文件为%[2]s记录的公钥",
		certifies: "认证签名：此后只能再加签名",
		approves:  "批准签名",
		none:      "PDF 签名：无（各方以 Ed25519 公钥确认，PDF 阅读器无法核对；本程序已核对这些确认）",
	},
	"zh-Hant": {
		sig:       "PDF 簽章 %d：%s，公鑰 %s，於 %s 簽署（%s）：有效，其憑證中之公鑰即契約檔為%[2]s記錄之公鑰",
		certifies: "認證簽章：其後僅得再加簽章",
		approves:  "核准簽章",
		none:      "PDF 簽章：無（各方以 Ed25519 公鑰確認，PDF 閱讀器無法核對；本程式已核對這些確認）",
	},
}

// WriteSignatures writes one line per PDF signature [VerifyPDF] checked,
// in lang (en, zh-Hans or zh-Hant; other values give en): whose, which
// key, when in the signer's local time, certification or approval. A PDF
// without PDF signatures gets a line that says why.
func (r *PDFResult) WriteSignatures(w io.Writer, lang string) error {
	t, ok := pdfReportTexts[lang]
	if !ok {
		t, lang = pdfReportTexts["en"], "en"
	}
	rt := texts(lang)
	var b strings.Builder
	if len(r.Signatures) == 0 {
		b.WriteString(t.none + "\n")
	}
	for i, s := range r.Signatures {
		kind := t.approves
		if s.Certifies {
			kind = t.certifies
		}
		fmt.Fprintf(&b, t.sig+"\n", i+1, rt.role(s.Role), s.Key.Fingerprint(), LocalTime(s.Time, lang), kind)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
