// Package ttf parses TrueType fonts (.ttf and .ttc collections) and writes
// small subset fonts that merge glyphs from several source fonts into one.
//
// It exists because no Go module reachable here subsets TrueType while
// renumbering glyphs: golang.org/x/image/font/sfnt and
// github.com/go-text/typesetting/font read fonts but do not write them,
// pdfcpu's subsetter keeps the original glyph ids (so tables stay full
// size), and gofpdf's own subsetter re-parses the whole 4 MB CJK font for
// every document. Merging the Latin and CJK fonts into one subset lets a
// PDF carry a single embedded font (gofpdf costs ~5 ms per registered font).
//
// A parsed [Font] is read-only and safe for concurrent use.
package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// Font is one parsed TrueType face.
type Font struct {
	tables     map[string][]byte // slices into the source bytes; never written
	UnitsPerEm int
	NumGlyphs  int
	Ascent     int // hhea ascender, font units
	Descent    int // hhea descender (negative), font units
	LineGap    int
	CapHeight  int
	maxPoints  int
	maxContour int
	maxCPoints int
	maxCCont   int
	maxCElems  int
	maxCDepth  int
	locaLong   bool
	nhm        int
	bmp        []uint16 // BMP rune -> glyph id (0 = none)
	underPos   int
	underThick int
	// scaled memoizes simple glyphs rescaled to another em (key: glyph
	// id and target units per em), so that a process rendering many
	// documents decodes and re-encodes each outline once. Values are
	// never modified after they are stored.
	scaled sync.Map
}

// Error is a font that cannot be used.
type Error struct {
	Name string // the font's file name, when known
	Err  error
}

func (e *Error) Error() string {
	if e.Name == "" {
		return "ttf: " + e.Err.Error()
	}
	return "ttf: " + e.Name + ": " + e.Err.Error()
}

// Unwrap returns the cause, [ErrCFF] for CFF fonts.
func (e *Error) Unwrap() error { return e.Err }

// ErrCFF reports an OpenType font with PostScript (CFF) outlines.
var ErrCFF = errors.New(`OpenType font with CFF outlines ("OTTO", e.g. Noto Sans CJK .otf): the PDF writer embeds only TrueType (glyf) outlines; use a .ttf or .ttc font`)

const (
	tagTTCF = 0x74746366
	tagOTTO = 0x4F54544F
	tagTrue = 0x74727565
)

// ParseCollection parses a TrueType font or every face of a TrueType
// collection (.ttc). name is used in error messages only.
func ParseCollection(name string, data []byte) ([]*Font, error) {
	if len(data) < 12 {
		return nil, &Error{name, errors.New("too short to be a font")}
	}
	if binary.BigEndian.Uint32(data) != tagTTCF {
		f, err := parseAt(data, 0)
		if err != nil {
			return nil, wrap(name, err)
		}
		return []*Font{f}, nil
	}
	n := int(binary.BigEndian.Uint32(data[8:]))
	if n <= 0 || n > 1024 || 12+4*n > len(data) {
		return nil, &Error{name, errors.New("bad collection header")}
	}
	fonts := make([]*Font, 0, n)
	for i := 0; i < n; i++ {
		off := int(binary.BigEndian.Uint32(data[12+4*i:]))
		f, err := parseAt(data, off)
		if err != nil {
			return nil, wrap(name, fmt.Errorf("face %d: %w", i, err))
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
}

func wrap(name string, err error) error {
	return &Error{Name: name, Err: err}
}

func u16(b []byte, i int) int { return int(binary.BigEndian.Uint16(b[i:])) }
func i16(b []byte, i int) int { return int(int16(binary.BigEndian.Uint16(b[i:]))) }
func u32(b []byte, i int) int { return int(binary.BigEndian.Uint32(b[i:])) }

func parseAt(data []byte, off int) (f *Font, err error) {
	defer func() {
		// Table parsing below checks lengths, but a hostile font must
		// never crash the caller.
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("malformed font: %v", r)
		}
	}()
	if off < 0 || off+12 > len(data) {
		return nil, errors.New("bad offset table")
	}
	switch v := binary.BigEndian.Uint32(data[off:]); v {
	case 0x00010000, tagTrue:
	case tagOTTO:
		return nil, ErrCFF
	default:
		return nil, fmt.Errorf("not a TrueType font (tag %#08x)", v)
	}
	nt := u16(data, off+4)
	if off+12+16*nt > len(data) {
		return nil, errors.New("truncated table directory")
	}
	f = &Font{tables: make(map[string][]byte, nt)}
	for i := 0; i < nt; i++ {
		r := data[off+12+16*i:]
		tag := string(r[:4])
		o, l := u32(r, 8), u32(r, 12)
		if o < 0 || l < 0 || o+l > len(data) || o+l < o {
			return nil, fmt.Errorf("table %q out of bounds", tag)
		}
		f.tables[tag] = data[o : o+l : o+l]
	}
	if _, ok := f.tables["CFF "]; ok {
		return nil, ErrCFF
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"} {
		if _, ok := f.tables[t]; !ok {
			return nil, fmt.Errorf("missing %q table (only TrueType outline fonts are supported)", t)
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("truncated head, hhea or maxp table")
	}
	f.UnitsPerEm = u16(head, 18)
	if f.UnitsPerEm < 16 || f.UnitsPerEm > 16384 {
		return nil, fmt.Errorf("bad unitsPerEm %d", f.UnitsPerEm)
	}
	f.locaLong = i16(head, 50) == 1
	f.Ascent, f.Descent, f.LineGap = i16(hhea, 4), i16(hhea, 6), i16(hhea, 8)
	f.nhm = u16(hhea, 34)
	f.NumGlyphs = u16(maxp, 4)
	if f.NumGlyphs == 0 || f.nhm == 0 || f.nhm > f.NumGlyphs {
		return nil, errors.New("bad glyph or metrics count")
	}
	if len(maxp) >= 32 {
		f.maxPoints, f.maxContour = u16(maxp, 6), u16(maxp, 8)
		f.maxCPoints, f.maxCCont = u16(maxp, 10), u16(maxp, 12)
		f.maxCElems, f.maxCDepth = u16(maxp, 28), u16(maxp, 30)
	}
	if len(f.tables["hmtx"]) < 4*f.nhm+2*(f.NumGlyphs-f.nhm) {
		return nil, errors.New("truncated hmtx table")
	}
	ll := 2
	if f.locaLong {
		ll = 4
	}
	if len(f.tables["loca"]) < ll*(f.NumGlyphs+1) {
		return nil, errors.New("truncated loca table")
	}
	if os2 := f.tables["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		f.CapHeight = i16(os2, 88)
	} else {
		f.CapHeight = f.Ascent
	}
	if post := f.tables["post"]; len(post) >= 12 {
		f.underPos, f.underThick = i16(post, 8), i16(post, 10)
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *Font) parseCmap() error {
	c := f.tables["cmap"]
	if len(c) < 4 {
		return errors.New("truncated cmap table")
	}
	n := u16(c, 2)
	if 4+8*n > len(c) {
		return errors.New("truncated cmap table")
	}
	best, bestScore := -1, 0
	for i := 0; i < n; i++ {
		pid, eid, off := u16(c, 4+8*i), u16(c, 6+8*i), u32(c, 8+8*i)
		if off+2 > len(c) {
			continue
		}
		format := u16(c, off)
		score := 0
		switch {
		case pid == 3 && eid == 10 && format == 12, pid == 0 && (eid == 4 || eid == 6) && format == 12:
			score = 3
		case pid == 3 && eid == 1 && format == 4, pid == 0 && format == 4:
			score = 2
		}
		if score > bestScore {
			best, bestScore = off, score
		}
	}
	if best < 0 {
		return errors.New("no Unicode cmap (format 4 or 12)")
	}
	f.bmp = make([]uint16, 0x10000)
	t := c[best:]
	// Valid subtables map each BMP code point at most once; a budget keeps
	// hostile overlapping ranges from taking minutes.
	budget := 0x20000
	spend := func() bool { budget--; return budget >= 0 }
	errBudget := errors.New("malformed cmap: overlapping ranges")
	switch u16(t, 0) {
	case 4:
		if len(t) < 14 {
			return errors.New("truncated cmap format 4")
		}
		seg := u16(t, 6) / 2
		if 16+8*seg > len(t) {
			return errors.New("truncated cmap format 4")
		}
		ends, starts, deltas, ros := 14, 16+2*seg, 16+4*seg, 16+6*seg
		for s := 0; s < seg; s++ {
			end, start, delta, ro := u16(t, ends+2*s), u16(t, starts+2*s), u16(t, deltas+2*s), u16(t, ros+2*s)
			if start > end {
				continue
			}
			for r := start; r <= end && r < 0xFFFF; r++ {
				if !spend() {
					return errBudget
				}
				var g int
				if ro == 0 {
					g = (r + delta) & 0xFFFF
				} else {
					p := ros + 2*s + ro + 2*(r-start)
					if p+2 > len(t) {
						continue
					}
					if g = u16(t, p); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				if g < f.NumGlyphs {
					f.bmp[r] = uint16(g)
				}
			}
		}
	case 12:
		if len(t) < 16 {
			return errors.New("truncated cmap format 12")
		}
		ng := u32(t, 12)
		if ng < 0 || 16+12*ng > len(t) {
			return errors.New("truncated cmap format 12")
		}
		for i := 0; i < ng; i++ {
			start, end, g := u32(t, 16+12*i), u32(t, 20+12*i), u32(t, 24+12*i)
			for r := start; r <= end && r < 0xFFFF; r++ {
				if !spend() {
					return errBudget
				}
				if gg := g + r - start; gg < f.NumGlyphs {
					f.bmp[r] = uint16(gg)
				}
			}
		}
	}
	return nil
}

// GlyphIndex returns the glyph for r, or 0 if the font has none. Only the
// Basic Multilingual Plane is mapped.
func (f *Font) GlyphIndex(r rune) uint16 {
	if r < 0 || r >= 0xFFFF {
		return 0
	}
	return f.bmp[r]
}

// Advance returns the advance width of glyph g in font units.
func (f *Font) Advance(g uint16) int {
	h := f.tables["hmtx"]
	if int(g) < f.nhm {
		return u16(h, 4*int(g))
	}
	return u16(h, 4*(f.nhm-1))
}

// glyph returns the glyf data of g (empty for a blank glyph).
func (f *Font) glyph(g uint16) ([]byte, error) {
	if int(g) >= f.NumGlyphs {
		return nil, fmt.Errorf("glyph %d out of range", g)
	}
	l := f.tables["loca"]
	var a, b int
	if f.locaLong {
		a, b = u32(l, 4*int(g)), u32(l, 4*int(g)+4)
	} else {
		a, b = 2*u16(l, 2*int(g)), 2*u16(l, 2*int(g)+2)
	}
	gl := f.tables["glyf"]
	if a > b || b > len(gl) {
		return nil, fmt.Errorf("glyph %d out of bounds", g)
	}
	if a == b {
		return nil, nil
	}
	if b-a < 10 {
		return nil, fmt.Errorf("glyph %d truncated", g)
	}
	return gl[a:b:b], nil
}
