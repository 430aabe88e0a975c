package confirm_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/templates"
)

// A party confirming again, or with the other role's key, hears whose key
// it is in a sentence that reads right: "this key is the seller's", not
// "this key is The seller's".
func TestAlreadyConfirmedMessage(t *testing.T) {
	c, err := confirm.Parse(flow(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Confirm(key(t, "seller"), at(20))
	var ac *confirm.AlreadyConfirmedError
	if !errors.As(err, &ac) {
		t.Fatalf("got %v, want an *AlreadyConfirmedError", err)
	}
	for lang, want := range map[string]string{
		"en":      "If you are the buyer, this key is the seller's: confirm with your own key",
		"zh-Hans": "如果您是买方，这把密钥是卖方的",
		"zh-Hant": "如果您是買方，這把金鑰是賣方的",
	} {
		if m := confirm.ErrorMessage(err, lang); !strings.Contains(m, want) {
			t.Errorf("%s: %q lacks %q", lang, m, want)
		}
	}
}

// A PDF of a revision whose text another template set made (so nothing
// re-rendered it from its terms: it may state another price) carries the
// warning on its first page, with the terms' total, as render
// --unverified-text prints it; VerifyPDF renders the same bytes.
func TestPDFOfUnrerenderedTextWarns(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (poppler-utils)")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	shop, err := templates.Load(fstest.MapFS{
		"set.json":              {Data: []byte(`{"name": "shop", "version": "3"}`)},
		"zh-Hant/evidence.tmpl": {Data: []byte(`{{define "evidence"}}總價：NT$ 10{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := terms()
	c, err := confirm.Propose(a, key(t, "seller"), at(0), confirm.WithTemplates(shop))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	res, err := confirm.WritePDF(&pdf, data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Latest().Rerendered {
		t.Fatal("re-rendered under another set")
	}
	if _, err := confirm.VerifyPDF(pdf.Bytes(), confirm.AcceptUnverifiedPages()); err != nil {
		t.Fatalf("VerifyPDF of its own PDF: %v", err)
	}
	file := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	tot, err := res.Latest().Terms.Totals()
	if err != nil {
		t.Fatal(err)
	}
	warn := strings.Index(text, "警告：未經核實")
	if warn < 0 || !strings.Contains(text, "條款的總金額為 "+tot.Total.Format(a.Locale)) {
		t.Fatalf("no warning with the total %s in the PDF:\n%s", tot.Total.Format(a.Locale), text)
	}
	// The record's note that the text was not re-rendered speaks the
	// contract's language too.
	if strings.Contains(text, "was rendered with template set") || !strings.Contains(text, "第 1 版由範本集 shop 3") {
		t.Errorf("the record's note is not in zh-Hant:\n%s", text)
	}
	if i := strings.Index(text, "總價：NT$ 10 "); i < warn {
		t.Errorf("the recorded text (at %d) is not after the warning (at %d)", i, warn)
	}
}

// A nil *PDFResult has no verified pages rather than a panic.
func TestNilPDFResult(t *testing.T) {
	var r *confirm.PDFResult
	if r.PagesVerified() {
		t.Error("a nil PDFResult reports verified pages")
	}
}
