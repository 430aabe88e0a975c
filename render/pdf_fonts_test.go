package render_test

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tradepact/tradepact/render"
)

// TestPDFUserFont: a user font comes first in the fallback list (Latin from
// Go Mono), the embedded fonts still draw what it lacks (Chinese), and the
// PDF still embeds one font.
func TestPDFUserFont(t *testing.T) {
	needTool(t, "pdftotext", "pdffonts", "qpdf", "pdfinfo")
	mono, err := render.ParseFont("Go-Mono.ttf", gomono.TTF)
	if err != nil {
		t.Fatal(err)
	}
	d := contractDoc("zh-Hant", 3, 5)
	def := renderPDF(t, d)
	b := renderPDF(t, d, render.Fonts(mono))
	if bytes.Equal(def, b) {
		t.Fatal("the user font changed nothing")
	}
	p := writeTemp(t, b)
	checkStructure(t, p)
	checkText(t, p, d)
	if n := strings.Count(run(t, "pdffonts", p), "\n"); n != 3 {
		t.Errorf("pdffonts lists %d fonts, want 1", n-2)
	}
}

func TestParseFont(t *testing.T) {
	otf := bytes.Clone(goregular.TTF)
	copy(otf, "OTTO")
	_, err := render.ParseFont("NotoSansCJK-Regular.otf", otf)
	if !errors.Is(err, render.ErrOpenTypeCFF) || !strings.Contains(err.Error(), "NotoSansCJK-Regular.otf") || !strings.HasPrefix(err.Error(), "render: ") {
		t.Errorf("OpenType CFF font: err = %v", err)
	}
	if _, err := render.ParseFont("x.ttf", []byte("nope")); err == nil {
		t.Error("garbage accepted as a font")
	}
	// The caller may reuse its buffer: the parsed font does not change.
	buf := bytes.Clone(gomono.TTF)
	f, err := render.ParseFont("Go-Mono.ttf", buf)
	if err != nil {
		t.Fatal(err)
	}
	d := contractDoc("en", 2, 2)
	before := renderPDF(t, d, render.Fonts(f))
	clear(buf)
	if after := renderPDF(t, d, render.Fonts(f)); !bytes.Equal(before, after) {
		t.Error("font changed when the caller reused its buffer")
	}
}

// TestPDFReplacement: with AllowReplacement a character no font has is
// shown as a visible U+FFFD, found by pdftotext.
func TestPDFReplacement(t *testing.T) {
	d := &render.Document{Lang: "en", Meta: render.Meta{ID: "TP-1", ShortDigest: "0000 0000 0000"},
		Blocks: []render.Block{para(render.Inline{Text: "Buyer:\t😀 "}, render.Inline{Text: "Niko ნიკო", Bold: true})}}
	err := render.PDF(&bytes.Buffer{}, d)
	var me *render.MissingGlyphsError
	if !errors.As(err, &me) || len(me.Glyphs) != 5 || me.Glyphs[0].Rune != '😀' {
		t.Fatalf("err = %v, want the emoji and the four Georgian letters", err)
	}
	b := renderPDF(t, d, render.AllowReplacement())
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out := run(t, "pdftotext", writeTemp(t, b), "-")
	if !strings.Contains(out, "Buyer: \uFFFD Niko \uFFFD\uFFFD\uFFFD\uFFFD") {
		t.Errorf("pdftotext: %q", out)
	}
}
