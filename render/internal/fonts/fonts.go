// Package fonts holds the default font set embedded in tradepact and the
// per-character fallback across a list of fonts.
//
// The default set is Liberation Sans Regular (SIL Open Font Licence 1.1,
// from github.com/go-fonts/liberation) for Latin text and Droid Sans
// Fallback (Google, Apache-2.0, files/DroidSansFallback-*) for Traditional
// and Simplified Chinese. Droid has no Latin letters or digits, so text
// needs fallback from one font to the next, character by character.
//
// Liberation Sans is a text face with Arial's metrics: a short hyphen and
// equal-width (tabular) figures by default, so amounts and contract
// numbers line up in tables without a monospace face. It replaced the Go
// Regular font, whose hyphen-minus is as wide as its plus sign (it is a
// minus for code), so that "TP-2026-000205" printed with dashes. Go
// Regular (BSD, from golang.org/x/image/font/gofont) stays last in the
// list for the few characters neither of the others has, among them the
// replacement character U+FFFD.
package fonts

import (
	_ "embed"
	"sync"

	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tradepact/tradepact/render/internal/ttf"
)

//go:embed files/DroidSansFallbackFull.ttf
var droid []byte

// Set is an ordered list of faces: a rune is drawn with the first face that
// has it. A Set is read-only and safe for concurrent use.
type Set struct {
	Faces []*ttf.Font
	// UnitsPerEm is the scale of the merged subset font: the smallest of
	// the faces', but at least minUnitsPerEm. With the default fonts that
	// is Droid Sans Fallback's 256, so its outlines, most of a Chinese
	// contract's glyphs, are copied as they are instead of being decoded,
	// rescaled ×8 and encoded again with wider coordinates (the PDFs are
	// 9–10% smaller and the subset is cut faster). The Latin outlines are
	// scaled down instead, to 1/256 em: 0.04 pt at 10 pt, below what a
	// 600 dpi printer shows.
	UnitsPerEm int
}

// minUnitsPerEm keeps a coarse user font from coarsening every outline.
const minUnitsPerEm = 256

// NewSet returns a set over faces in fallback order.
func NewSet(faces ...*ttf.Font) *Set {
	s := &Set{Faces: faces}
	for _, f := range faces {
		if s.UnitsPerEm == 0 || f.UnitsPerEm < s.UnitsPerEm {
			s.UnitsPerEm = f.UnitsPerEm
		}
	}
	s.UnitsPerEm = max(s.UnitsPerEm, minUnitsPerEm)
	return s
}

// defaultFaces parses the embedded fonts once per process.
var defaultFaces = sync.OnceValues(func() ([]*ttf.Font, error) {
	var all []*ttf.Font
	for _, f := range []struct {
		name string
		data []byte
	}{{"LiberationSans-Regular.ttf", liberationsansregular.TTF}, {"DroidSansFallbackFull.ttf", droid}, {"Go-Regular.ttf", goregular.TTF}} {
		faces, err := ttf.ParseCollection(f.name, f.data)
		if err != nil {
			return nil, err
		}
		all = append(all, faces...)
	}
	return all, nil
})

// Default returns the embedded faces (Latin first, then CJK, then Go Regular), parsed once
// per process and shared read-only.
func Default() ([]*ttf.Font, error) {
	return defaultFaces()
}

// Lookup returns the glyph for r from the first face that has it.
func (s *Set) Lookup(r rune) (ttf.Glyph, bool) {
	for _, f := range s.Faces {
		if g := f.GlyphIndex(r); g != 0 {
			return ttf.Glyph{Font: f, ID: g}, true
		}
	}
	return ttf.Glyph{}, false
}

// Width returns the advance of g in thousandths of an em exactly as the PDF
// will state it: rescaled to the set's units per em, then rounded to 1/1000
// em the way the PDF writer rounds its width array.
func (s *Set) Width(g ttf.Glyph) int {
	adv := g.Font.Advance(g.ID)
	if g.Font.UnitsPerEm != s.UnitsPerEm {
		adv = (adv*s.UnitsPerEm + g.Font.UnitsPerEm/2) / g.Font.UnitsPerEm
	}
	w := (adv*1000*2 + s.UnitsPerEm) / (2 * s.UnitsPerEm)
	return w
}
