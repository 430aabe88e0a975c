// PDF layout: the layout state, character checks and measuring, and the
// driver that lays a document out and builds its subset font.

package render

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tradepact/tradepact/internal/linebreak"
	"github.com/tradepact/tradepact/render/internal/fonts"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
	"github.com/tradepact/tradepact/render/internal/ttf"
)

// op is one drawing operation. Inside an item, y is relative to the item's
// top; on a page it is absolute (from the top of the page).
type op struct {
	kind   byte // 't' text, 'l' line, 'f' filled rectangle, 'q' QR modules (x2 the module size)
	x, y   float64
	x2, y2 float64 // line end; rectangle width and height
	s      string
	size   float64
	bold   bool
	italic bool
	tc     float64
	grey   int
	lw     float64
	mods   [][]bool // 'q': dark modules, read-only
}

func (o op) draw(w *pdfwriter.Writer) {
	switch o.kind {
	case 't':
		w.Text(o.x, o.y, o.size, o.s, o.bold, o.italic, o.tc)
	case 'l':
		w.Line(o.x, o.y, o.x2, o.y2, o.lw, o.grey)
	case 'f':
		w.Fill(o.x, o.y, o.x2, o.y2, o.grey)
	case 'q':
		w.Modules(o.x, o.y, o.x2, o.mods, 0)
	}
}

// item is a unit of pagination: a line of text, a table row, a rule.
type item struct {
	h        float64 // height
	before   float64 // space above, dropped at the top of a page
	ops      []op
	keepNext bool  // stays on the page of the next item (headings, table header rows)
	group    int   // items of one non-zero group stay on one page (BlockKeep)
	header   *item // table rows: the header row to repeat after a page break
	// sep marks a rule that only separates: at the top of a page, under
	// the header's own rule, it would be a second rule, so it is dropped.
	sep bool
}

type span struct {
	start, end   int
	bold, italic bool
}

type layout struct {
	// keepItems keeps each item's ops after paginate copied them into
	// their page, for tests that inspect items; otherwise they are
	// dropped as they are placed, so that a long document is not held
	// twice.
	keepItems bool
	doc       *Document
	c         *pdfConfig
	set       *fonts.Set
	widths    []uint16 // BMP rune -> advance in 1/1000 em (0: not yet seen)
	glyphs    map[rune]ttf.Glyph
	repl      rune
	missing   []MissingGlyph
	more      int
	items     []*item
	groups    int
	keeping   int // depth of BlockKeep being laid out: its empty table cells are room to sign
	// sigMarked: the signature cells are marked (op 'm') for signature
	// fields, when pdfConfig.sigFields asks for them.
	sigMarked bool
	left      float64
	width     float64
	top       float64
	bottom    float64
	lang      int // 0 en, 1 zh-Hant, 2 zh-Hans
}

func newLayout(doc *Document, c *pdfConfig, set *fonts.Set) *layout {
	l := &layout{
		doc: doc, c: c, set: set,
		widths: make([]uint16, 0x10000),
		glyphs: make(map[rune]ttf.Glyph, 256),
		left:   c.margins[3],
		width:  c.paper.Width - c.margins[1] - c.margins[3],
		top:    c.margins[0],
		bottom: c.paper.Height - c.margins[2],
	}
	if c.replace {
		l.repl = '?'
		if g, ok := set.Lookup(unicode.ReplacementChar); ok && set.Width(g) > 0 {
			l.repl = unicode.ReplacementChar
		}
	}
	lang := strings.ToLower(doc.Lang)
	switch {
	case strings.HasPrefix(lang, "zh") && (strings.Contains(lang, "hant") || strings.Contains(lang, "tw") || strings.Contains(lang, "hk") || strings.Contains(lang, "mo")):
		l.lang = 1
	case strings.HasPrefix(lang, "zh"):
		l.lang = 2
	}
	return l
}

// clean checks that every character of s can be drawn and returns the text
// to draw: NFC, tabs as spaces, newlines kept as hard breaks. Characters
// that cannot be drawn are recorded with where they are, or replaced.
func (l *layout) clean(s, where string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b []byte // nil while s needs no change
	for i, r := range s {
		out := r
		reason := ""
		switch {
		case r == '\n':
		case r == '\t':
			out = ' '
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			reason = "invalid UTF-8"
		case unicode.IsControl(r):
			reason = "control character"
		case r > 0xFFFF:
			reason = "outside the Basic Multilingual Plane"
		default:
			if l.widths[r] != 0 {
				break
			}
			g, ok := l.set.Lookup(r)
			w := 0
			if ok {
				w = l.set.Width(g)
			}
			if w <= 0 || w > 0xFFFF {
				// A zero-width glyph (a combining mark left after
				// NFC) would be drawn unpositioned, over the wrong
				// letter: there is no mark positioning here.
				reason = "no font has it"
				break
			}
			l.widths[r] = uint16(w)
			l.glyphs[r] = g
		}
		if reason != "" {
			if l.c.replace {
				out = l.repl
				l.need(out)
			} else {
				l.addMissing(r, reason, where, s, i)
			}
		}
		if (out != r || reason != "") && b == nil {
			// Also when U+FFFD replaces an invalid byte, which ranges as
			// U+FFFD too: the byte must not reach the PDF writer.
			b = append(make([]byte, 0, len(s)), s[:i]...)
		}
		if b != nil {
			b = utf8.AppendRune(b, out)
		}
	}
	if b != nil {
		return string(b)
	}
	return s
}

// need records a rune the layout itself draws (labels, markers).
func (l *layout) need(r rune) {
	if r > 0xFFFF || l.widths[r] != 0 {
		return
	}
	if g, ok := l.set.Lookup(r); ok {
		if w := l.set.Width(g); w > 0 && w <= 0xFFFF {
			l.widths[r] = uint16(w)
			l.glyphs[r] = g
		}
	}
}

func (l *layout) addMissing(r rune, reason, where, s string, i int) {
	if len(l.missing) >= maxMissing {
		l.more++
		return
	}
	// A little context on either side, so that people find the place.
	from, to := i, i+utf8.RuneLen(max(r, 0))
	for n := 0; n < 8 && from > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s[:from])
		from -= sz
	}
	for n := 0; n < 8 && to < len(s); n++ {
		_, sz := utf8.DecodeRuneInString(s[to:])
		to += sz
	}
	ctx := s[from:min(to, len(s))]
	if r == utf8.RuneError {
		ctx = strings.ToValidUTF8(ctx, "\uFFFD")
	}
	l.missing = append(l.missing, MissingGlyph{Rune: r, Where: fmt.Sprintf("%s: %q", where, ctx), Reason: reason})
}

// measure returns the width of s in points at size.
func (l *layout) measure(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		if r <= 0xFFFF {
			w += int(l.widths[r])
		}
	}
	return float64(w) * size / 1000
}

func (l *layout) measurer(size float64) linebreak.Measure {
	return func(s string) float64 { return l.measure(s, size) }
}

// run lays the document out and returns its pages.
func (l *layout) run() ([][]op, error) {
	size := l.c.size
	m := l.doc.Meta
	l.blocks(l.doc.Blocks, l.left, l.width, size, 0, "blocks")
	if len(l.doc.Record) > 0 || m.QR != "" {
		lh := l.lineHeight(size)
		rs := size * 0.9
		l.groups++
		g := l.groups
		if len(l.doc.Record) == 0 && len(l.items) > 0 && l.items[len(l.items)-1].group != 0 {
			// A QR code alone goes with the block before it (the
			// signature block), never onto a page of its own.
			g = l.items[len(l.items)-1].group
		}
		// The rule that sets the record apart is an item of its own, so
		// that at the top of a page it is drawn below the header, not
		// on it. The record and its QR code stay on one page when they
		// fit.
		l.add(&item{h: lh * 0.9, before: lh * 0.6, keepNext: true, sep: true, ops: []op{{kind: 'l', x: l.left, y: lh * 0.3, x2: l.left + l.width, y2: lh * 0.3, lw: 0.5, grey: 128}}}, g)
		// Its heading is set like the other headings; the rest smaller.
		rec := l.doc.Record
		if len(rec) > 0 && rec[0].Kind == BlockHeading {
			l.blocks(rec[:1], l.left, l.width, size, g, "record")
			rec = rec[1:]
		}
		l.blocks(rec, l.left, l.width, rs, g, "record")
		if m.QR != "" {
			if err := l.qr(m.QR, size, g); err != nil {
				return nil, err
			}
		}
	}
	pages := l.paginate()
	l.furniture(pages)
	if len(l.missing) > 0 {
		return nil, &MissingGlyphsError{Glyphs: l.missing, More: l.more}
	}
	return pages, nil
}

// subset builds the one font this document embeds and the widths the PDF
// states for its runes: those the layout measured with.
func (l *layout) subset() (*ttf.Subsetted, []int, error) {
	runes := make([]rune, 0, len(l.glyphs))
	for r := range l.glyphs {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	gs := make([]ttf.Glyph, len(runes))
	ws := make([]int, len(runes))
	for i, r := range runes {
		gs[i] = l.glyphs[r]
		ws[i] = int(l.widths[r])
	}
	first := l.set.Faces[0]
	f, err := ttf.MakeSubset(l.set.UnitsPerEm, first, metricsFace(l.set), runes, gs)
	return f, ws, err
}

// metricsFace picks the face whose vertical metrics the merged font takes:
// the one with the tallest ascent relative to its em, so no glyph is
// clipped by viewers that trust the ascent.
func metricsFace(s *fonts.Set) *ttf.Font {
	best := s.Faces[0]
	for _, f := range s.Faces[1:] {
		if f.Ascent*best.UnitsPerEm > best.Ascent*f.UnitsPerEm {
			best = f
		}
	}
	return best
}
