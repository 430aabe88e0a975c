package pdfwriter_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/render/internal/fonts"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
	"github.com/tradepact/tradepact/render/internal/ttf"
)

func subsetFor(t testing.TB, text string) (*ttf.Subsetted, []int) {
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
	widths := make([]int, len(runes))
	for i, r := range runes {
		g, ok := set.Lookup(r)
		if !ok {
			t.Fatalf("no glyph for %q", r)
		}
		glyphs[i] = g
		widths[i] = set.Width(g)
	}
	f, err := ttf.MakeSubset(set.UnitsPerEm, faces[0], faces[0], runes, glyphs)
	if err != nil {
		t.Fatal(err)
	}
	return f, widths
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
	font, widths := subsetFor(t, text)
	w := pdfwriter.New(pdfwriter.Config{Width: 595, Height: 842, Title: "t", Date: time.Date(2024, 8, 15, 0, 0, 0, 0, time.UTC), Font: font, Widths: widths})
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

func render(t *testing.T, text string, draw func(w *pdfwriter.Writer)) []byte {
	t.Helper()
	font, widths := subsetFor(t, text)
	w := pdfwriter.New(pdfwriter.Config{Width: 200, Height: 200, Title: "t", Date: time.Date(2024, 8, 15, 0, 0, 0, 0, time.UTC), Font: font, Widths: widths})
	w.AddPage()
	w.Text(10, 20, 10, text, false, false, 0)
	if draw != nil {
		draw(w)
	}
	var buf bytes.Buffer
	if err := w.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var baseFont = regexp.MustCompile(`/BaseFont /([A-Z]{6})\+TradepactSubset\b`)

// TestSubsetTag: the font's name carries a subset tag derived from the
// subset itself: the same glyphs give the same tag, others another.
func TestSubsetTag(t *testing.T) {
	tag := func(b []byte) string {
		m := baseFont.FindSubmatch(b)
		if m == nil {
			t.Fatalf("no tagged /BaseFont in\n%.600s", b)
		}
		return string(m[1])
	}
	a, a2, b := tag(render(t, "合約 TP-1", nil)), tag(render(t, "合約 TP-1", nil)), tag(render(t, "合同 TP-1", nil))
	if a != a2 {
		t.Errorf("tags %s and %s for one subset", a, a2)
	}
	if a == b {
		t.Errorf("tag %s for two different subsets", a)
	}
}

// TestStreamsCompressed: every stream (pages, font, maps) is compressed.
func TestStreamsCompressed(t *testing.T) {
	b := render(t, "合約 TP-1", nil)
	streams, flate := bytes.Count(b, []byte("\nstream\n")), bytes.Count(b, []byte("/Filter /FlateDecode"))
	if streams < 3 || streams != flate {
		t.Errorf("%d streams, %d compressed", streams, flate)
	}
}

// TestModules draws a pattern of QR modules as one path and reads the
// pixels back with pdftoppm: dark exactly where the pattern is.
func TestModules(t *testing.T) {
	tool(t, "pdftoppm")
	dark := [][]bool{
		{true, false, true, true},
		{false, true, false, false},
		{true, true, false, true},
	}
	b := render(t, "x", func(w *pdfwriter.Writer) {
		w.Fill(0, 150, 200, 50, 235) // a grey box before must not tint the code
		w.Modules(40, 60, 20, dark, 0)
	})
	dir := t.TempDir()
	p := filepath.Join(dir, "m.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "72", "-gray", "-aa", "no", "-singlefile", p, filepath.Join(dir, "m")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pgm, err := os.ReadFile(filepath.Join(dir, "m.pgm"))
	if err != nil {
		t.Fatal(err)
	}
	// P5 header: "P5\n200 200\n255\n".
	fields := bytes.Fields(pgm[:15])
	if len(fields) < 4 || string(fields[0]) != "P5" {
		t.Fatalf("not a PGM: %q", pgm[:15])
	}
	pix := pgm[len(pgm)-200*200:]
	for y, row := range dark {
		for x, d := range row {
			px, py := 40+20*x+10, 60+20*y+10
			v := pix[py*200+px]
			if d != (v < 64) {
				t.Errorf("module (%d,%d): grey %d, want dark=%v", x, y, v, d)
			}
		}
	}
}

// TestMetadataStrings: metadata with the characters a literal string must
// escape, and Chinese, reads back unchanged.
func TestMetadataStrings(t *testing.T) {
	tool(t, "pdfinfo")
	title := `合約 (draft) \ 第(1)版` + "\r" + "end"
	font, widths := subsetFor(t, "x")
	w := pdfwriter.New(pdfwriter.Config{Width: 200, Height: 200, Title: title, Author: "王小明 ()", Date: time.Date(2024, 8, 15, 0, 0, 0, 0, time.UTC), Font: font, Widths: widths})
	w.AddPage()
	w.Text(10, 20, 10, "x", false, false, 0)
	var buf bytes.Buffer
	if err := w.Output(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "m.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `合約 (draft) \ 第(1)版`) || !strings.Contains(string(out), "王小明 ()") {
		t.Errorf("pdfinfo:\n%s", out)
	}
}
