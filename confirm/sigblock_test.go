package confirm_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

func TestLocalTime(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{"2026-11-20T14:03:59+08:00", "zh-Hant", "2026年11月20日 14:03 (UTC+8)"},
		{"2026-11-20T14:03:00+08:00", "zh-Hans", "2026年11月20日 14:03 (UTC+8)"},
		{"2026-11-20T14:03:00+08:00", "en", "20 Nov 2026 14:03 (UTC+8)"},
		{"2026-01-02T03:04:05Z", "en", "2 Jan 2026 03:04 (UTC)"},
		{"2026-07-09T23:30:00+05:30", "en", "9 Jul 2026 23:30 (UTC+5:30)"},
		{"2026-07-09T08:00:00-03:00", "zh-Hans", "2026年7月9日 08:00 (UTC-3)"},
		{"2026-07-09T08:00:00-09:30", "fr", "9 Jul 2026 08:00 (UTC-9:30)"},
		{"not a time", "en", "not a time"},
	} {
		if got := confirm.LocalTime(c.in, c.lang); got != c.want {
			t.Errorf("LocalTime(%q, %s) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

// pdfText renders the contract file's PDF and returns pdftotext's text of
// it, spaces removed.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (poppler-utils)")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// The signature block tells the truth in every state (issue 13 item 1):
// a proposal shows the seller's confirmation and an empty buyer cell; an
// agreed contract shows both, each with its local time and key
// fingerprint; a contract file's PDF is never marked as a draft, and the
// body ends with the "no further text" line. The confirmed text itself
// keeps its empty cells.
func TestSignatureBlockStates(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	proposed, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	sfp := strings.ReplaceAll(seller.Public().Fingerprint(), " ", "")
	bfp := strings.ReplaceAll(buyer.Public().Fingerprint(), " ", "")

	got := pdfText(t, proposed)
	for _, want := range []string{"（以下無正文）", "已電子確認公鑰" + sfp, "2026年11月22日10:00(UTC+8)"} {
		if !strings.Contains(got, want) {
			t.Errorf("proposed: PDF lacks %q", want)
		}
	}
	if n := strings.Count(got, "已電子確認"); n != 1 {
		t.Errorf("proposed: %d cells say confirmed, want the seller's only", n)
	}
	if strings.Contains(got, bfp) || strings.Contains(got, "草稿") {
		t.Errorf("proposed: buyer's key or a draft marker shown")
	}
	if !strings.Contains(got, "（以下無正文）簽署賣方買方") {
		t.Error("the no-further-text line does not come right before the signature block")
	}

	if _, err := c.Confirm(buyer, at(7)); err != nil {
		t.Fatal(err)
	}
	agreed, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	got = pdfText(t, agreed)
	if n := strings.Count(got, "已電子確認"); n != 2 {
		t.Errorf("agreed: %d cells say confirmed, want 2", n)
	}
	for _, want := range []string{"公鑰" + sfp, "公鑰" + bfp, "2026年11月22日10:00(UTC+8)", "2026年11月22日10:07(UTC+8)"} {
		if !strings.Contains(got, want) {
			t.Errorf("agreed: PDF lacks %q", want)
		}
	}
	if strings.Contains(got, "草稿") {
		t.Error("agreed: a draft marker")
	}
	res, err := confirm.Verify(agreed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(res.Latest().Text, []byte("| 簽名或電子確認 |  |  |")) {
		t.Error("the confirmed text's signature cells are not empty: what is drawn must stay outside it")
	}
}
