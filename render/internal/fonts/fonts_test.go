package fonts

import (
	"sync"
	"testing"
)

func TestDefault(t *testing.T) {
	faces, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Default()
	if len(faces) != 3 || &faces[0] != &again[0] {
		t.Fatalf("Default parses %d faces, or parses them more than once", len(faces))
	}
	s := NewSet(faces...)
	if s.UnitsPerEm != 256 {
		t.Errorf("UnitsPerEm = %d, want Droid Sans Fallback's 256", s.UnitsPerEm)
	}
	for _, tt := range []struct {
		r     rune
		face  int
		width int // thousandths of an em
	}{
		{'A', 0, -1}, {'5', 0, -1}, {'合', 1, 1000}, {'臺', 1, 1000}, {'台', 1, 1000}, {'，', 1, 1000},
	} {
		g, ok := s.Lookup(tt.r)
		if !ok || g.Font != faces[tt.face] {
			t.Errorf("%q: drawn from the wrong face", tt.r)
			continue
		}
		w := s.Width(g)
		if tt.width >= 0 && w != tt.width {
			t.Errorf("%q: width %d, want %d", tt.r, w, tt.width)
		}
		if w <= 0 || w > 1500 {
			t.Errorf("%q: width %d", tt.r, w)
		}
	}
	if _, ok := s.Lookup('😀'); ok {
		t.Error("a glyph outside the BMP")
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			faces, err := Default()
			if err != nil || len(faces) != 3 {
				t.Error(err)
			}
			NewSet(faces...).Lookup('合')
		}()
	}
	wg.Wait()
}

// TestLatinFace: the Latin face is a text face, not a code face: the
// hyphen is a short hyphen (Go Regular's was as wide as its plus sign and
// printed "TP-2026-000205" with dashes), and the figures are tabular, so
// amounts line up in columns without a monospace face.
func TestLatinFace(t *testing.T) {
	faces, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSet(faces...)
	width := func(r rune) int {
		g, ok := s.Lookup(r)
		if !ok || g.Font != faces[0] {
			t.Fatalf("%q: not drawn by the Latin face", r)
		}
		return s.Width(g)
	}
	if h, plus, n := width('-'), width('+'), width('n'); h*3 > plus*2 || h*5 > n*3 {
		t.Errorf("hyphen is %d/1000 em wide (plus %d, n %d): a dash, not a hyphen", h, plus, n)
	}
	for r := '1'; r <= '9'; r++ {
		if width(r) != width('0') {
			t.Errorf("%q is %d/1000 em wide, '0' %d: figures are not tabular", r, width(r), width('0'))
		}
	}
	if width('1') == width('i') {
		t.Error("the face is monospaced")
	}
}
