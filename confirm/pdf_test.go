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
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func TestPDF(t *testing.T) {
	data := flow(t)
	var pdf bytes.Buffer
	res, err := confirm.WritePDF(&pdf, data, pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Agreed {
		t.Fatal("not agreed")
	}
	got, err := confirm.ExtractContract(pdf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Fatal("the embedded contract file is not the one written")
	}
	pr, err := confirm.VerifyPDF(pdf.Bytes(), pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if !pr.Compared || !pr.PagesVerified() || !pr.Agreed || pr.Note != "" || !pr.Seller.Pinned {
		t.Fatalf("compared %v, agreed %v, note %q", pr.Compared, pr.Agreed, pr.Note)
	}

	t.Run("changed attachment", func(t *testing.T) {
		bad := edit(t, data, func(f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["items"].([]any)[0].(map[string]any)["unit_price"] = "30000"
		})
		pdf := pdfWith(t, data, bad, nil)
		var dm *confirm.DigestMismatchError
		if _, err := confirm.VerifyPDF(pdf); !errors.As(err, &dm) {
			t.Fatalf("error %T: %v", err, err)
		}
	})
	t.Run("changed page text", func(t *testing.T) {
		pdf := pdfWith(t, data, data, func(doc *render.Document) {
			for i, b := range doc.Blocks {
				if b.Kind == render.BlockParagraph && len(b.Inlines) > 0 {
					doc.Blocks[i].Inlines = append([]render.Inline{{Text: "Price doubled. "}}, b.Inlines...)
					return
				}
			}
			t.Fatal("no paragraph")
		})
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(pdf); !errors.As(err, &pe) || pe.Problem != "pages differ" {
			t.Fatalf("error %T: %v", err, err)
		}
	})
	t.Run("no attachment", func(t *testing.T) {
		res, _ := confirm.Verify(data)
		doc, err := res.Document()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := render.PDF(&b, doc); err != nil {
			t.Fatal(err)
		}
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(b.Bytes()); !errors.As(err, &pe) || pe.Problem != "no contract file" {
			t.Fatalf("error %T: %v", err, err)
		}
	})
	t.Run("other version", func(t *testing.T) {
		// Creator in the Info dictionary (UTF-16) and in the XMP metadata.
		v, w := "tradepact "+render.Version, "tradepact "+strings.Repeat("9", len(render.Version))
		other := bytes.ReplaceAll(pdf.Bytes(), utf16BE(v), utf16BE(w))
		other = bytes.ReplaceAll(other, []byte(v), []byte(w))
		if bytes.Equal(other, pdf.Bytes()) {
			t.Fatal("no Creator to change")
		}
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(other, pinned(t)...); !errors.As(err, &pe) || pe.Problem != "pages not compared" {
			t.Fatalf("by default: %v", err)
		}
		pr, err := confirm.VerifyPDF(other, append(pinned(t), confirm.AcceptUnverifiedPages())...)
		if err != nil {
			t.Fatal(err)
		}
		if pr.Agreed || !pr.Confirmed {
			t.Fatalf("agreed %v on pages that were not verified", pr.Agreed)
		}
		if pr.Compared || pr.PagesVerified() || !strings.Contains(pr.Note, "cannot be compared") {
			t.Fatalf("compared %v, note %q", pr.Compared, pr.Note)
		}
	})
	t.Run("changed metadata", func(t *testing.T) {
		other := bytes.Replace(pdf.Bytes(), utf16BE("TP-2026"), utf16BE("TP-2027"), 1)
		if bytes.Equal(other, pdf.Bytes()) {
			t.Fatal("nothing changed")
		}
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(other); !errors.As(err, &pe) || pe.Problem != "pages differ" {
			t.Fatalf("error %T: %v", err, err)
		}
	})
	t.Run("incremental update", func(t *testing.T) {
		updated := append(bytes.Clone(pdf.Bytes()), "% a later incremental update\n"...)
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(updated, pinned(t)...); !errors.As(err, &pe) || pe.Problem != "unchecked update" {
			t.Fatalf("by default: %v", err)
		}
		pr, err := confirm.VerifyPDF(updated, append(pinned(t), confirm.AcceptUnverifiedPages())...)
		if err != nil {
			t.Fatal(err)
		}
		if pr.Agreed {
			t.Fatal("agreed on pages that were not verified")
		}
		if !pr.Compared || pr.PagesVerified() || !strings.Contains(pr.Note, "incremental update") {
			t.Fatalf("compared %v, note %q", pr.Compared, pr.Note)
		}
	})
	t.Run("not a PDF", func(t *testing.T) {
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(pdf.Bytes()[:len(pdf.Bytes())/2]); !errors.As(err, &pe) {
			t.Fatalf("error %T: %v", err, err)
		}
	})
}

func utf16BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// pdfWith renders the contract file shown (after edit changes its document)
// with attached embedded instead.
func pdfWith(t *testing.T, shown, attached []byte, edit func(*render.Document)) []byte {
	t.Helper()
	res, err := confirm.Verify(shown)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := res.Document()
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(doc)
	}
	var b bytes.Buffer
	if err := render.PDF(&b, doc, render.WithAttachment(confirm.AttachmentName, attached)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPDFShowsRecord checks with pdftotext that the PDF prints the signing
// record: the state, every confirmation with its key fingerprint, and the
// full agreement digest beside the QR code.
func TestPDFShowsRecord(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (poppler-utils)")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	data := flow(t)
	var pdf bytes.Buffer
	res, err := confirm.WritePDF(&pdf, data)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "deal.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	want := []string{"簽署紀錄", "本檔案記錄之雙方公鑰均已確認第 2 版", res.Head.String(), res.Latest().Agreement.String(),
		// what happened, in words and local times (issue 13)
		"第 1 版：賣方陳志明（帳號 chen_cameras）於 2026年11月22日 10:00 (UTC+8) 提出。",
		"第 2 版：買方林美（帳號 lin_mei）於 2026年11月22日 10:05 (UTC+8) 修改條款。",
		"賣方陳志明（帳號 chen_cameras）於 2026年11月22日 10:09 (UTC+8) 以電子方式確認第 2 版。",
	}
	for _, rev := range res.Revisions {
		for _, c := range rev.Confirmations {
			want = append(want, c.Key.Fingerprint())
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF text lacks %q", w)
		}
	}
	// No UTC ISO times or jargon on the page a buyer reads.
	for _, bad := range []string{"2026-11-22T", "重新產生", "紀錄鏈最新雜湊"} {
		if strings.Contains(text, bad) {
			t.Errorf("the PDF text shows %q", bad)
		}
	}
}

// TestPDFOtherTemplateSet renders and verifies a PDF of a contract whose
// template set this build does not have: the recorded text is used as is.
func TestPDFOtherTemplateSet(t *testing.T) {
	data := flow(t)
	other, err := templates.Load(fstest.MapFS{"set.json": {Data: []byte(`{"name": "shop", "version": "7"}`)}})
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data, confirm.WithTemplates(other)); err != nil {
		t.Fatal(err)
	}
	pr, err := confirm.VerifyPDF(pdf.Bytes(), confirm.WithTemplates(other))
	if err != nil || !pr.Compared {
		t.Fatalf("compared %v: %v", pr != nil && pr.Compared, err)
	}
	if len(pr.Notes) == 0 {
		t.Fatal("no note that the text was not re-rendered")
	}
}
