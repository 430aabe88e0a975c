package pdfwriter_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/render/internal/fonts"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
	"github.com/tradepact/tradepact/render/internal/ttf"
)

func subsetFor(t testing.TB, text string) []byte {
	t.Helper()
	faces, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	set := fonts.NewSet(faces...)
	var runes []rune
	for _, r := range text {
		if !slices.Contains(runes, r) {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	glyphs := make([]ttf.Glyph, len(runes))
	for i, r := range runes {
		g, ok := set.Lookup(r)
		if !ok {
			t.Fatalf("no glyph for %q", r)
		}
		glyphs[i] = g
	}
	b, err := ttf.Subset(set.UnitsPerEm, faces[0], faces[0], runes, glyphs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func tool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not installed", name)
		}
		t.Skipf("%s not installed (poppler-utils / qpdf): skipping", name)
	}
}

// TestSubsetFontExtracts draws Latin and CJK text with one merged subset font
// and reads it back with poppler: every character, the font embedded.
func TestSubsetFontExtracts(t *testing.T) {
	tool(t, "pdftotext")
	tool(t, "pdffonts")
	const text = "Contract TA-2024-0815 合約編號 買方（甲方）：王小明，賣方 Ünïcødé 1,234.50 「定金」"
	w := pdfwriter.New(pdfwriter.Config{Width: 595, Height: 842, Title: "t", Date: time.Date(2024, 8, 15, 0, 0, 0, 0, time.UTC), Font: subsetFor(t, text)})
	w.AddPage()
	w.Text(50, 100, 12, text, false, false, 0)
	w.Text(50, 130, 12, text, true, true, 0.5)
	var buf bytes.Buffer
	if err := w.Output(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "t.pdf")
	if d := os.Getenv("PDF_KEEP"); d != "" {
		p = filepath.Join(d, "subset.pdf")
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(out), text); got != 2 {
		t.Errorf("pdftotext found the text %d times, want 2:\n%s", got, out)
	}
	ff, err := exec.Command("pdffonts", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(ff)), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "yes") {
		t.Errorf("pdffonts:\n%s", ff)
	}
}
