package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unicode/utf16"
)

// Glyph names one glyph of a source font.
type Glyph struct {
	Font *Font
	ID   uint16
}

// Subset writes a TrueType font whose units per em are upem and whose cmap
// maps runes[i] (BMP, ascending, no duplicates) to a copy of glyphs[i].
// Glyphs may come from different fonts: outlines and advances are rescaled
// to upem, composite glyphs bring their components, hinting is dropped.
// Glyph 0 (.notdef) comes from notdef; the vertical metrics from metrics.
// Every rune gets a glyph id of its own, even where two runes share a
// source glyph. The output depends only on the arguments.
func Subset(upem int, notdef, metrics *Font, runes []rune, glyphs []Glyph) ([]byte, error) {
	f, err := MakeSubset(upem, notdef, metrics, runes, glyphs)
	if err != nil {
		return nil, err
	}
	return f.Data, nil
}

// Subsetted is a subset font with what a PDF states about it. Lengths are
// in the font's units (UnitsPerEm).
type Subsetted struct {
	Data       []byte   // the TrueType font
	Runes      []rune   // the runes it maps, ascending
	GIDs       []uint16 // GIDs[i] is the glyph of Runes[i]
	UnitsPerEm int
	Ascent     int
	Descent    int // negative
	CapHeight  int
	BBox       [4]int // xMin, yMin, xMax, yMax over all glyphs
}

// MakeSubset is [Subset] returning the glyph ids and metrics with the font.
func MakeSubset(upem int, notdef, metrics *Font, runes []rune, glyphs []Glyph) (*Subsetted, error) {
	if len(runes) != len(glyphs) {
		return nil, errors.New("ttf: subset: runes and glyphs differ in length")
	}
	if upem < 16 || upem > 16384 {
		return nil, fmt.Errorf("ttf: subset: bad unitsPerEm %d", upem)
	}
	s := &subsetter{upem: upem, ids: make(map[Glyph]uint16, len(glyphs)+1)}
	if _, err := s.add(Glyph{notdef, 0}, 0); err != nil {
		return nil, err
	}
	gids := make([]uint16, len(runes))
	used := make(map[uint16]bool, len(runes))
	for i, g := range glyphs {
		if i > 0 && runes[i] <= runes[i-1] {
			return nil, errors.New("ttf: subset: runes not ascending")
		}
		if runes[i] < 0 || runes[i] >= 0xFFFF {
			return nil, fmt.Errorf("ttf: subset: rune %U outside the BMP", runes[i])
		}
		id, err := s.add(g, 0)
		if err != nil {
			return nil, err
		}
		if used[id] {
			// Two runes with one glyph (a space and a no-break space):
			// each rune gets a glyph id of its own, so that a PDF whose
			// character ids are glyph ids maps each back to its rune.
			if len(s.glyphs) >= maxGlyphs {
				return nil, errors.New("ttf: subset: too many glyphs")
			}
			s.glyphs = append(s.glyphs, s.glyphs[id])
			id = uint16(len(s.glyphs) - 1)
		}
		used[id] = true
		gids[i] = id
	}
	out := &Subsetted{Runes: runes, GIDs: gids, UnitsPerEm: upem}
	out.Data = s.assemble(metrics, runes, gids, out)
	return out, nil
}

type outGlyph struct {
	data       []byte
	adv        int
	xMin, yMin int
	xMax, yMax int
	points     int
	contours   int
}

type subsetter struct {
	// scratch buffers for decoding simple glyphs
	flags  []byte
	xs, ys []int
	upem   int
	ids    map[Glyph]uint16
	glyphs []outGlyph
	maxCE  int
	maxCD  int
}

func (s *subsetter) scale(f *Font, v int) int {
	if f.UnitsPerEm == s.upem {
		return v
	}
	n := v * s.upem
	d := f.UnitsPerEm
	if n >= 0 {
		return (n + d/2) / d
	}
	return -((-n + d/2) / d)
}

const maxGlyphs = 0xFFFE

func (s *subsetter) add(g Glyph, depth int) (uint16, error) {
	if id, ok := s.ids[g]; ok {
		return id, nil
	}
	if depth > 16 {
		return 0, errors.New("ttf: subset: composite glyphs nested too deep")
	}
	if len(s.glyphs) >= maxGlyphs {
		return 0, errors.New("ttf: subset: too many glyphs")
	}
	id := uint16(len(s.glyphs))
	s.ids[g] = id
	s.glyphs = append(s.glyphs, outGlyph{})
	src, err := g.Font.glyph(g.ID)
	if err != nil {
		return 0, fmt.Errorf("ttf: subset: %w", err)
	}
	out := outGlyph{adv: s.scale(g.Font, g.Font.Advance(g.ID))}
	if len(src) > 0 {
		if i16(src, 0) >= 0 {
			key := uint32(g.ID)<<16 | uint32(s.upem)
			if v, ok := g.Font.scaled.Load(key); ok && g.Font.UnitsPerEm != s.upem {
				out = v.(outGlyph)
			} else if err = s.simple(g.Font, src, &out); err == nil && g.Font.UnitsPerEm != s.upem {
				g.Font.scaled.Store(key, out)
			}
		} else {
			err = s.composite(g, src, &out, depth)
		}
		if err != nil {
			return 0, fmt.Errorf("ttf: subset: glyph %d: %w", g.ID, err)
		}
	}
	s.glyphs[id] = out
	return id, nil
}

var errTrunc = errors.New("truncated glyph")

func (s *subsetter) simple(f *Font, src []byte, out *outGlyph) error {
	nc := i16(src, 0)
	p := 10 + 2*nc
	if p+2 > len(src) {
		return errTrunc
	}
	np := 0
	if nc > 0 {
		np = u16(src, p-2) + 1
	}
	il := u16(src, p)
	body := p + 2 + il
	if body > len(src) {
		return errTrunc
	}
	out.contours, out.points = nc, np
	if f.UnitsPerEm == s.upem {
		// Same scale: copy the outline, dropping the instructions.
		b := make([]byte, 0, len(src)-il)
		b = append(b, src[:p]...)
		b = append(b, 0, 0)
		b = append(b, src[body:]...)
		out.data = b
		out.xMin, out.yMin, out.xMax, out.yMax = i16(src, 2), i16(src, 4), i16(src, 6), i16(src, 8)
		return nil
	}
	// Decode the points, rescale them, encode them again.
	flags := s.flags[:0]
	defer func() { s.flags = flags }()
	q := body
	for len(flags) < np {
		if q >= len(src) {
			return errTrunc
		}
		fl := src[q]
		q++
		flags = append(flags, fl)
		if fl&8 != 0 {
			if q >= len(src) {
				return errTrunc
			}
			for n := int(src[q]); n > 0 && len(flags) < np; n-- {
				flags = append(flags, fl)
			}
			q++
		}
	}
	if cap(s.xs) < np {
		s.xs, s.ys = make([]int, np*2), make([]int, np*2)
	}
	xs, ys := s.xs[:np], s.ys[:np]
	for axis, short, same := 0, byte(2), byte(16); axis < 2; axis, short, same = axis+1, 4, 32 {
		v := 0
		dst := xs
		if axis == 1 {
			dst = ys
		}
		for i, fl := range flags {
			switch {
			case fl&short != 0:
				if q >= len(src) {
					return errTrunc
				}
				d := int(src[q])
				q++
				if fl&same == 0 {
					d = -d
				}
				v += d
			case fl&same == 0:
				if q+2 > len(src) {
					return errTrunc
				}
				v += i16(src, q)
				q += 2
			}
			dst[i] = v
		}
	}
	b := make([]byte, 10, 10+2*nc+2+np*5)
	binary.BigEndian.PutUint16(b, uint16(int16(nc)))
	b = append(b, src[10:p]...)
	b = append(b, 0, 0)
	for i := range xs {
		xs[i] = s.scale(f, xs[i])
		ys[i] = s.scale(f, ys[i])
	}
	if np > 0 {
		out.xMin, out.yMin, out.xMax, out.yMax = xs[0], ys[0], xs[0], ys[0]
	}
	for i := range xs {
		out.xMin, out.xMax = min(out.xMin, xs[i]), max(out.xMax, xs[i])
		out.yMin, out.yMax = min(out.yMin, ys[i]), max(out.yMax, ys[i])
	}
	binary.BigEndian.PutUint16(b[2:], uint16(int16(out.xMin)))
	binary.BigEndian.PutUint16(b[4:], uint16(int16(out.yMin)))
	binary.BigEndian.PutUint16(b[6:], uint16(int16(out.xMax)))
	binary.BigEndian.PutUint16(b[8:], uint16(int16(out.yMax)))
	nf := make([]byte, np)
	var xb, yb []byte
	px, py := 0, 0
	for i := range xs {
		fl := flags[i] & 1
		dx, dy := xs[i]-px, ys[i]-py
		px, py = xs[i], ys[i]
		switch {
		case dx == 0:
			fl |= 16
		case dx > -256 && dx < 256:
			fl |= 2
			if dx > 0 {
				fl |= 16
				xb = append(xb, byte(dx))
			} else {
				xb = append(xb, byte(-dx))
			}
		default:
			xb = binary.BigEndian.AppendUint16(xb, uint16(int16(dx)))
		}
		switch {
		case dy == 0:
			fl |= 32
		case dy > -256 && dy < 256:
			fl |= 4
			if dy > 0 {
				fl |= 32
				yb = append(yb, byte(dy))
			} else {
				yb = append(yb, byte(-dy))
			}
		default:
			yb = binary.BigEndian.AppendUint16(yb, uint16(int16(dy)))
		}
		nf[i] = fl
	}
	b = append(b, nf...)
	b = append(b, xb...)
	b = append(b, yb...)
	out.data = b
	return nil
}

func (s *subsetter) composite(g Glyph, src []byte, out *outGlyph, depth int) error {
	f := g.Font
	b := make([]byte, 10, len(src)+16)
	b[0], b[1] = 0xFF, 0xFF
	out.xMin, out.yMin = s.scale(f, i16(src, 2)), s.scale(f, i16(src, 4))
	out.xMax, out.yMax = s.scale(f, i16(src, 6)), s.scale(f, i16(src, 8))
	binary.BigEndian.PutUint16(b[2:], uint16(int16(out.xMin)))
	binary.BigEndian.PutUint16(b[4:], uint16(int16(out.yMin)))
	binary.BigEndian.PutUint16(b[6:], uint16(int16(out.xMax)))
	binary.BigEndian.PutUint16(b[8:], uint16(int16(out.yMax)))
	q := 10
	n := 0
	for {
		if q+4 > len(src) {
			return errTrunc
		}
		fl, comp := u16(src, q), u16(src, q+2)
		q += 4
		var a1, a2 int
		if fl&1 != 0 {
			if q+4 > len(src) {
				return errTrunc
			}
			a1, a2 = i16(src, q), i16(src, q+2)
			q += 4
		} else {
			if q+2 > len(src) {
				return errTrunc
			}
			if fl&2 != 0 {
				a1, a2 = int(int8(src[q])), int(int8(src[q+1]))
			} else {
				a1, a2 = int(src[q]), int(src[q+1])
			}
			q += 2
		}
		tl := 0
		switch {
		case fl&8 != 0:
			tl = 2
		case fl&0x40 != 0:
			tl = 4
		case fl&0x80 != 0:
			tl = 8
		}
		if q+tl > len(src) {
			return errTrunc
		}
		tr := src[q : q+tl]
		q += tl
		id, err := s.add(Glyph{f, uint16(comp)}, depth+1)
		if err != nil {
			return err
		}
		c := s.glyphs[id]
		out.points += c.points
		out.contours += c.contours
		n++
		nfl := fl &^ 0x100 // instructions dropped
		if fl&2 != 0 {
			a1, a2 = s.scale(f, a1), s.scale(f, a2)
		}
		nfl |= 1 // arguments as words
		b = binary.BigEndian.AppendUint16(b, uint16(nfl))
		b = binary.BigEndian.AppendUint16(b, id)
		if fl&2 != 0 {
			b = binary.BigEndian.AppendUint16(b, uint16(int16(a1)))
			b = binary.BigEndian.AppendUint16(b, uint16(int16(a2)))
		} else {
			b = binary.BigEndian.AppendUint16(b, uint16(a1))
			b = binary.BigEndian.AppendUint16(b, uint16(a2))
		}
		b = append(b, tr...)
		if fl&0x20 == 0 {
			break
		}
	}
	s.maxCE = max(s.maxCE, n)
	s.maxCD = max(s.maxCD, depth+1)
	out.data = b
	return nil
}

func (s *subsetter) assemble(m *Font, runes []rune, gids []uint16, info *Subsetted) []byte {
	n := len(s.glyphs)
	// glyf, loca, hmtx
	size := 0
	for _, g := range s.glyphs {
		size += len(g.data) + 3
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 0, 4*(n+1))
	hmtx := make([]byte, 0, 4*n)
	bx0, by0, bx1, by1 := 0, 0, 0, 0
	first := true
	advMax, minL, minR, xMaxExt, maxPts, maxCt, sumAdv, nAdv := 0, 0, 0, 0, 0, 0, 0, 0
	for _, g := range s.glyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g.data...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		lsb := 0
		if len(g.data) > 0 {
			lsb = g.xMin
			if first {
				bx0, by0, bx1, by1 = g.xMin, g.yMin, g.xMax, g.yMax
				minL, minR, xMaxExt = lsb, g.adv-g.xMax, g.xMax
				first = false
			}
			bx0, by0, bx1, by1 = min(bx0, g.xMin), min(by0, g.yMin), max(bx1, g.xMax), max(by1, g.yMax)
			minL, minR, xMaxExt = min(minL, lsb), min(minR, g.adv-g.xMax), max(xMaxExt, g.xMax)
		}
		advMax = max(advMax, g.adv)
		if g.adv > 0 {
			sumAdv += g.adv
			nAdv++
		}
		maxPts, maxCt = max(maxPts, g.points), max(maxCt, g.contours)
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(g.adv))
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(int16(lsb)))
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	asc, desc, gap := s.scale(m, m.Ascent), s.scale(m, m.Descent), s.scale(m, m.LineGap)
	capH := s.scale(m, m.CapHeight)
	info.Ascent, info.Descent, info.CapHeight = asc, desc, capH
	info.BBox = [4]int{bx0, by0, bx1, by1}

	p16 := func(b []byte, v int) []byte { return binary.BigEndian.AppendUint16(b, uint16(v)) }
	head := make([]byte, 0, 54)
	head = binary.BigEndian.AppendUint32(head, 0x00010000)
	head = binary.BigEndian.AppendUint32(head, 0x00010000)
	head = binary.BigEndian.AppendUint32(head, 0) // checkSumAdjustment, set below
	head = binary.BigEndian.AppendUint32(head, 0x5F0F3CF5)
	head = p16(head, 0x000B)
	head = p16(head, s.upem)
	head = append(head, make([]byte, 16)...) // created, modified: zero for reproducible bytes
	head = p16(head, bx0)
	head = p16(head, by0)
	head = p16(head, bx1)
	head = p16(head, by1)
	head = p16(head, 0) // macStyle
	head = p16(head, 8) // lowestRecPPEM
	head = p16(head, 2) // fontDirectionHint
	head = p16(head, 1) // long loca
	head = p16(head, 0)

	hhea := make([]byte, 0, 36)
	hhea = binary.BigEndian.AppendUint32(hhea, 0x00010000)
	hhea = p16(hhea, asc)
	hhea = p16(hhea, desc)
	hhea = p16(hhea, gap)
	hhea = p16(hhea, advMax)
	hhea = p16(hhea, minL)
	hhea = p16(hhea, minR)
	hhea = p16(hhea, xMaxExt)
	hhea = p16(hhea, 1) // caretSlopeRise
	hhea = append(hhea, make([]byte, 12)...)
	hhea = p16(hhea, 0)
	hhea = p16(hhea, n)

	maxp := make([]byte, 0, 32)
	maxp = binary.BigEndian.AppendUint32(maxp, 0x00010000)
	maxp = p16(maxp, n)
	maxp = p16(maxp, maxPts)
	maxp = p16(maxp, maxCt)
	maxp = p16(maxp, maxPts) // maxCompositePoints (upper bound)
	maxp = p16(maxp, maxCt)
	maxp = p16(maxp, 2) // maxZones
	maxp = append(maxp, make([]byte, 12)...)
	maxp = p16(maxp, s.maxCE)
	maxp = p16(maxp, s.maxCD)

	avg := 0
	if nAdv > 0 {
		avg = sumAdv / nAdv
	}
	firstC, lastC := 0xFFFF, 0
	if len(runes) > 0 {
		firstC, lastC = int(runes[0]), int(runes[len(runes)-1])
	}
	os2 := make([]byte, 0, 96)
	os2 = p16(os2, 3)
	os2 = p16(os2, avg)
	os2 = p16(os2, 400) // weight
	os2 = p16(os2, 5)   // width
	os2 = p16(os2, 0)   // fsType: installable embedding
	os2 = append(os2, make([]byte, 20)...)
	os2 = p16(os2, 0)                      // sFamilyClass
	os2 = append(os2, make([]byte, 10)...) // panose
	os2 = append(os2, make([]byte, 16)...) // unicode ranges
	os2 = append(os2, "TPCT"...)
	os2 = p16(os2, 0x40) // fsSelection: regular
	os2 = p16(os2, firstC)
	os2 = p16(os2, lastC)
	os2 = p16(os2, asc)
	os2 = p16(os2, desc)
	os2 = p16(os2, gap)
	os2 = p16(os2, max(by1, asc))
	os2 = p16(os2, max(-by0, -desc))
	os2 = binary.BigEndian.AppendUint32(os2, 1)
	os2 = binary.BigEndian.AppendUint32(os2, 0)
	os2 = p16(os2, capH*7/10) // sxHeight (approximate)
	os2 = p16(os2, capH)
	os2 = p16(os2, 0)
	os2 = p16(os2, 32)
	os2 = p16(os2, 0)

	post := make([]byte, 0, 32)
	post = binary.BigEndian.AppendUint32(post, 0x00030000)
	post = binary.BigEndian.AppendUint32(post, 0)
	post = p16(post, s.scale(m, m.underPos))
	post = p16(post, s.scale(m, m.underThick))
	post = append(post, make([]byte, 20)...)

	tables := map[string][]byte{
		"cmap": buildCmap(runes, gids),
		"glyf": glyf,
		"head": head,
		"hhea": hhea,
		"hmtx": hmtx,
		"loca": loca,
		"maxp": maxp,
		"name": buildName("Tradepact Subset"),
		"OS/2": os2,
		"post": post,
	}
	return assembleTables(tables)
}

func buildCmap(runes []rune, gids []uint16) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, r := range runes {
		g := int(gids[i])
		if k := len(segs) - 1; k >= 0 && segs[k].end+1 == int(r) && (int(r)+segs[k].delta)&0xFFFF == g {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{int(r), int(r), (g - int(r)) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	nseg := len(segs)
	sr, es := 1, 0
	for sr*2 <= nseg {
		sr *= 2
		es++
	}
	sr *= 2
	st := make([]byte, 0, 16+8*nseg)
	p16 := func(v int) { st = binary.BigEndian.AppendUint16(st, uint16(v)) }
	p16(4)
	p16(16 + 8*nseg)
	p16(0)
	p16(2 * nseg)
	p16(sr)
	p16(es)
	p16(2*nseg - sr)
	for _, s := range segs {
		p16(s.end)
	}
	p16(0)
	for _, s := range segs {
		p16(s.start)
	}
	for _, s := range segs {
		p16(s.delta)
	}
	for range segs {
		p16(0)
	}
	c := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(c, st...)
}

func buildName(family string) []byte {
	ps := "TradepactSubset"
	recs := []struct {
		id int
		s  string
	}{{1, family}, {2, "Regular"}, {3, ps}, {4, family}, {6, ps}}
	var strs []byte
	b := make([]byte, 0, 6+12*len(recs))
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(recs)))
	b = binary.BigEndian.AppendUint16(b, uint16(6+12*len(recs)))
	for _, r := range recs {
		u := utf16.Encode([]rune(r.s))
		for _, b16 := range []int{3, 1, 0x409, r.id, 2 * len(u), len(strs)} {
			b = binary.BigEndian.AppendUint16(b, uint16(b16))
		}
		for _, c := range u {
			strs = binary.BigEndian.AppendUint16(strs, c)
		}
	}
	return append(b, strs...)
}

func checksum(b []byte) uint32 {
	var s uint32
	n := len(b) &^ 3
	for i := 0; i < n; i += 4 {
		s += binary.BigEndian.Uint32(b[i:])
	}
	if n < len(b) {
		var w [4]byte
		copy(w[:], b[n:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

func assembleTables(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, d := range tables {
		tags = append(tags, t)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	nt := len(tags)
	sr, es := 1, 0
	for sr*2 <= nt {
		sr *= 2
		es++
	}
	sr *= 16
	out := make([]byte, 0, size)
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	for _, v := range []int{nt, sr, es, nt*16 - sr} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	off := 12 + 16*nt
	headOff := 0
	for _, t := range tags {
		d := tables[t]
		if t == "head" {
			headOff = off
		}
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(d))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(d)))
		off += (len(d) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headOff+8:], 0xB1B0AFBA-checksum(out))
	return out
}
