package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tradepact/tradepact/render"
)

func renderPDF(t testing.TB, d *render.Document, opts ...render.PDFOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.PDF(&buf, d, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFKeep(t *testing.T) {
	dir := os.Getenv("PDF_KEEP")
	if dir == "" {
		t.Skip("set PDF_KEEP=dir to write sample PDFs for a look")
	}
	for _, lang := range []string{"zh-Hant", "zh-Hans", "en"} {
		b := renderPDF(t, contractDoc(lang, 12, 15))
		if err := os.WriteFile(filepath.Join(dir, lang+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
