package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

// maxExamplePDF bounds the size of every example contract's PDF.
const maxExamplePDF = 90_000

// TestPDFExamples renders every example terms file (every kind, every
// locale) and checks the PDF shows every character of the contract text in
// order, embeds its font, passes qpdf and is at most 90 KB.
func TestPDFExamples(t *testing.T) {
	needTool(t, "pdftotext", "pdfinfo", "pdffonts", "qpdf")
	files, err := filepath.Glob("../examples/terms/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no example terms in ../examples/terms")
	}
	var mu sync.Mutex
	locales := map[string]bool{}
	// The examples run in parallel (each waits on pdftotext, pdffonts and
	// qpdf); the group returns when all have.
	t.Run("each", func(t *testing.T) {
		for _, f := range files {
			t.Run(filepath.Base(f), func(t *testing.T) {
				t.Parallel()
				a, err := agreement.Load(f)
				if err != nil {
					t.Fatal(err)
				}
				d, err := render.NewDocument(a, nil)
				if err != nil {
					t.Fatal(err)
				}
				mu.Lock()
				locales[d.Lang] = true
				mu.Unlock()
				b := renderPDF(t, d)
				// Small enough to send in a chat app: compressed pages, one
				// subset font, the QR code as one path.
				if len(b) > maxExamplePDF {
					t.Errorf("%d bytes, more than %d", len(b), maxExamplePDF)
				}
				p := writeTemp(t, b)
				checkStructure(t, p)
				checkText(t, p, d)
				if dir := os.Getenv("PDF_KEEP"); dir != "" {
					name := strings.TrimSuffix(filepath.Base(f), ".yaml") + ".pdf"
					if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	})
	for _, l := range []string{"en", "zh-Hans", "zh-Hant"} {
		if !locales[l] {
			t.Errorf("no example in locale %s", l)
		}
	}
}
