package ttf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

func droid(t testing.TB) []byte {
	b, err := os.ReadFile("../fonts/files/DroidSansFallbackFull.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parse1(t testing.TB, name string, b []byte) *Font {
	t.Helper()
	fs, err := ParseCollection(name, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("%d faces", len(fs))
	}
	return fs[0]
}

// collection builds a .ttc from TrueType fonts: the table offsets of each
// font are moved by where the font lands in the file.
func collection(fonts ...[]byte) []byte {
	head := 12 + 4*len(fonts)
	out := make([]byte, head)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		base := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(base))
		f = bytes.Clone(f)
		nt := int(binary.BigEndian.Uint16(f[4:]))
		for k := 0; k < nt; k++ {
			p := 12 + 16*k + 8
			binary.BigEndian.PutUint32(f[p:], binary.BigEndian.Uint32(f[p:])+uint32(base))
		}
		out = append(out, f...)
	}
	return out
}

func TestParse(t *testing.T) {
	g := parse1(t, "Go-Regular.ttf", goregular.TTF)
	d := parse1(t, "DroidSansFallbackFull.ttf", droid(t))
	if g.UnitsPerEm != 2048 || d.UnitsPerEm != 256 {
		t.Errorf("unitsPerEm = %d, %d", g.UnitsPerEm, d.UnitsPerEm)
	}
	if g.GlyphIndex('A') == 0 || g.GlyphIndex('合') != 0 {
		t.Error("Go Regular: wrong cmap")
	}
	if d.GlyphIndex('合') == 0 || d.GlyphIndex('臺') == 0 || d.GlyphIndex('台') == 0 || d.GlyphIndex('A') != 0 {
		t.Error("Droid Sans Fallback: wrong cmap (it has CJK and no Latin)")
	}
	if d.GlyphIndex(0x10000) != 0 || d.GlyphIndex(-1) != 0 {
		t.Error("runes outside the BMP must map to no glyph")
	}
}

func TestParseCollection(t *testing.T) {
	fs, err := ParseCollection("go.ttc", collection(goregular.TTF, gobold.TTF, gomono.TTF))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 {
		t.Fatalf("%d faces, want 3", len(fs))
	}
	mono := parse1(t, "Go-Mono.ttf", gomono.TTF)
	if a, b := fs[2].Advance(fs[2].GlyphIndex('i')), mono.Advance(mono.GlyphIndex('i')); a != b {
		t.Errorf("face 3 advance of i = %d, want Go Mono's %d", a, b)
	}
	if fs[0].Advance(fs[0].GlyphIndex('i')) == fs[2].Advance(fs[2].GlyphIndex('i')) {
		t.Error("faces 1 and 3 look the same")
	}
}

func TestParseRejects(t *testing.T) {
	otto := bytes.Clone(goregular.TTF)
	copy(otto, "OTTO")
	cff := bytes.Clone(goregular.TTF)
	copy(cff[12:], "CFF ") // first table renamed
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"OpenType CFF", otto, "CFF outlines"},
		{"CFF table", cff, "CFF outlines"},
		{"empty", nil, "too short"},
		{"garbage", []byte("this is not a font at all"), "not a TrueType font"},
		{"truncated", goregular.TTF[:2000], "out of bounds"},
		{"bad collection", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x09"), "bad collection header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCollection("x.otf", tt.data)
			var fe *Error
			if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.otf") {
				t.Fatalf("err = %v, want a *ttf.Error naming x.otf and %q", err, tt.want)
			}
		})
	}
	if _, err := ParseCollection("x.otf", otto); !errors.Is(err, ErrCFF) && !strings.Contains(err.Error(), ErrCFF.Error()) {
		t.Errorf("err = %v, want ErrCFF", err)
	}
}

// TestSubset merges Latin (2048 units/em) and CJK (256 units/em) glyphs into
// one font and reads it back.
func TestSubset(t *testing.T) {
	g := parse1(t, "Go-Regular.ttf", goregular.TTF)
	d := parse1(t, "DroidSansFallbackFull.ttf", droid(t))
	runes := []rune{' ', 'A', 'a', 0xE9 /* é, a composite in Go */, '合', '約', '臺'}
	var gs []Glyph
	for _, r := range runes {
		f := g
		if g.GlyphIndex(r) == 0 {
			f = d
		}
		gs = append(gs, Glyph{f, f.GlyphIndex(r)})
	}
	b, err := Subset(2048, g, d, runes, gs)
	if err != nil {
		t.Fatal(err)
	}
	s := parse1(t, "subset", b)
	if s.UnitsPerEm != 2048 {
		t.Errorf("unitsPerEm = %d", s.UnitsPerEm)
	}
	if s.NumGlyphs < len(runes)+1 || s.NumGlyphs > 20 {
		t.Errorf("%d glyphs for %d runes", s.NumGlyphs, len(runes))
	}
	for i, r := range runes {
		sg := s.GlyphIndex(r)
		if sg == 0 {
			t.Errorf("%q not mapped", r)
			continue
		}
		want := gs[i].Font.Advance(gs[i].ID) * 2048 / gs[i].Font.UnitsPerEm
		if got := s.Advance(sg); got != want {
			t.Errorf("%q advance %d, want %d", r, got, want)
		}
		data, err := s.glyph(sg)
		if err != nil {
			t.Errorf("%q: %v", r, err)
		}
		src, _ := gs[i].Font.glyph(gs[i].ID)
		if (len(data) == 0) != (len(src) == 0) {
			t.Errorf("%q: outline lost", r)
		}
		if len(data) > 0 && len(src) > 0 {
			// The bounding box scales with the em.
			k := 2048 / gs[i].Font.UnitsPerEm
			if got, want := i16(data, 6), i16(src, 6)*k; got != want {
				t.Errorf("%q: xMax %d, want %d", r, got, want)
			}
		}
	}
	if b2, _ := Subset(2048, g, d, runes, gs); !bytes.Equal(b, b2) {
		t.Error("Subset is not deterministic")
	}
	if _, err := Subset(2048, g, d, []rune{'b', 'a'}, []Glyph{gs[1], gs[2]}); err == nil {
		t.Error("unsorted runes accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(goregular.TTF)
	f.Add(goregular.TTF[:5000])
	f.Add(collection(goregular.TTF[:3000], gomono.TTF))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := ParseCollection("fuzz", data)
		if err != nil {
			return
		}
		for _, fo := range fs {
			var runes []rune
			var gs []Glyph
			for r := rune(32); r < 0x3000; r++ {
				if g := fo.GlyphIndex(r); g != 0 && len(runes) < 50 {
					runes = append(runes, r)
					gs = append(gs, Glyph{fo, g})
				}
			}
			b, err := Subset(max(fo.UnitsPerEm, 1000), fo, fo, runes, gs)
			if err == nil {
				if _, err := ParseCollection("subset", b); err != nil {
					t.Fatalf("subset of a valid font does not parse: %v", err)
				}
			}
		}
	})
}

// withUnitsPerEm returns font data with head.unitsPerEm changed: a valid
// font at another scale, to exercise non-integer rescaling.
func withUnitsPerEm(t testing.TB, data []byte, upem int) []byte {
	data = bytes.Clone(data)
	nt := int(binary.BigEndian.Uint16(data[4:]))
	for k := 0; k < nt; k++ {
		r := data[12+16*k:]
		if string(r[:4]) == "head" {
			off := int(binary.BigEndian.Uint32(r[8:]))
			binary.BigEndian.PutUint16(data[off+18:], uint16(upem))
			return data
		}
	}
	t.Fatal("no head table")
	return nil
}

func TestSubsetNonIntegerScale(t *testing.T) {
	g := parse1(t, "Go-Regular.ttf", goregular.TTF)
	m := parse1(t, "Go-Mono-1000.ttf", withUnitsPerEm(t, gomono.TTF, 1000))
	runes := []rune{'A', 'g', 0xC5, 0xE9}
	var gs []Glyph
	for _, r := range runes {
		gs = append(gs, Glyph{m, m.GlyphIndex(r)})
	}
	b, err := Subset(2048, g, g, runes, gs)
	if err != nil {
		t.Fatal(err)
	}
	s := parse1(t, "subset", b)
	for i, r := range runes {
		src, _ := m.glyph(gs[i].ID)
		dst, err := s.glyph(s.GlyphIndex(r))
		if err != nil {
			t.Fatal(err)
		}
		for _, off := range []int{2, 4, 6, 8} { // bounding box
			want := float64(i16(src, off)) * 2.048
			if got := float64(i16(dst, off)); got < want-1.5 || got > want+1.5 {
				t.Errorf("%q: bbox value %v, want about %v", r, got, want)
			}
		}
	}
}
