package render

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/boombuler/barcode/qr"
	"golang.org/x/text/unicode/norm"

	"github.com/tradepact/tradepact/internal/linebreak"
	"github.com/tradepact/tradepact/render/internal/fonts"
	"github.com/tradepact/tradepact/render/internal/pdfwriter"
	"github.com/tradepact/tradepact/render/internal/ttf"
)

// op is one drawing operation. Inside an item, y is relative to the item's
// top; on a page it is absolute (from the top of the page).
type op struct {
	kind   byte // 't' text, 'l' line, 'f' filled rectangle
	x, y   float64
	x2, y2 float64 // line end; rectangle width and height
	s      string
	size   float64
	bold   bool
	italic bool
	tc     float64
	grey   int
	lw     float64
}

func (o op) draw(w *pdfwriter.Writer) {
	switch o.kind {
	case 't':
		w.Text(o.x, o.y, o.size, o.s, o.bold, o.italic, o.tc)
	case 'l':
		w.Line(o.x, o.y, o.x2, o.y2, o.lw, o.grey)
	case 'f':
		w.Fill(o.x, o.y, o.x2, o.y2, o.grey)
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
}

type span struct {
	start, end   int
	bold, italic bool
}

type layout struct {
	doc     *Document
	c       *pdfConfig
	set     *fonts.Set
	widths  []uint16 // BMP rune -> advance in 1/1000 em (0: not yet seen)
	glyphs  map[rune]ttf.Glyph
	repl    rune
	missing []MissingGlyph
	more    int
	items   []*item
	groups  int
	keeping int // depth of BlockKeep being laid out: its empty table cells are room to sign
	left    float64
	width   float64
	top     float64
	bottom  float64
	lang    int // 0 en, 1 zh-Hant, 2 zh-Hans
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
				// gofpdf writes a zero width as 65535: such glyphs
				// (combining marks left after NFC) cannot be drawn.
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

// flatten joins inlines into one string with bold spans.
func flatten(ins []Inline) (string, []span) {
	var b strings.Builder
	var spans []span
	for _, in := range ins {
		start := b.Len()
		if in.Break {
			b.WriteByte('\n')
		} else {
			b.WriteString(in.Text)
		}
		if n := len(spans); n > 0 && spans[n-1].bold == in.Bold && spans[n-1].italic == in.Italic {
			spans[n-1].end = b.Len()
			continue
		}
		spans = append(spans, span{start, b.Len(), in.Bold, in.Italic})
	}
	return b.String(), spans
}

// cleanInlines cleans each inline (so that every bad character is
// reported once and spans follow replacements) and joins them.
func (l *layout) cleanInlines(ins []Inline, where string) (string, []span) {
	c := make([]Inline, len(ins))
	for i, in := range ins {
		c[i] = in
		c[i].Text = l.clean(in.Text, where)
	}
	return flatten(c)
}

type textStyle struct {
	size    float64
	align   Align
	justify bool
	bold    bool // everything bold (headings, table headers)
}

func (l *layout) lineHeight(size float64) float64 { return size * 1.5 }

// line is one laid-out line: its text and the operations that draw it,
// relative to the line's top.
type line struct {
	text   string
	ops    []op
	forced bool // ends inside a token wider than the measure
	width  float64
	at     int // byte offset of text in the laid-out string
}

// lines breaks text into lines of at most width points starting at x.
func (l *layout) lines(text string, spans []span, x, width float64, st textStyle) []line {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	lh := l.lineHeight(st.size)
	base := (lh + st.size*0.7) / 2
	var br []linebreak.Line
	if !strings.ContainsAny(text, "\n") {
		// Most table cells and short paragraphs fit on one line: skip
		// the line breaker's segmentation for them.
		if t := strings.TrimSpace(text); l.measure(t, st.size) <= width {
			i := strings.Index(text, t)
			br = []linebreak.Line{{Text: t, Width: l.measure(t, st.size), Start: i, End: len(text)}}
		}
	}
	if br == nil {
		br = linebreak.Break(text, width, l.measurer(st.size))
	}
	out := make([]line, 0, len(br))
	for i, ln := range br {
		if ln.Text == "" {
			out = append(out, line{})
			continue
		}
		seg := text[ln.Start:ln.End]
		ls := ln.Start + strings.Index(seg, ln.Text)
		le := ls + len(ln.Text)
		lw := l.measure(ln.Text, st.size)
		// Justified CJK lines stretch only at the gaps next to a wide
		// character: Latin words and numbers on the line keep their
		// letter spacing.
		tc := 0.0
		if st.justify && !ln.Hard && i < len(br)-1 {
			if g := cjkGaps(ln.Text); g > 0 {
				if t := (width - lw) / float64(g); t > 0 && t < st.size*0.25 {
					tc = t
				}
			}
		}
		lx := x
		switch align := st.align; {
		case tc != 0: // a justified line fills the measure
		case align == AlignRight:
			lx = x + width - lw
		case align == AlignCenter:
			lx = x + (width-lw)/2
		}
		var ops []op
		for _, sp := range spans {
			a, b := max(sp.start, ls), min(sp.end, le)
			if a >= b {
				continue
			}
			s := text[a:b]
			mk := func(s string, tc float64) op {
				return op{kind: 't', x: lx, y: base, s: s, size: st.size, bold: st.bold || sp.bold, italic: sp.italic, tc: tc}
			}
			if tc == 0 {
				ops = append(ops, mk(s, 0))
				lx += l.measure(s, st.size)
				continue
			}
			// Runs of wide characters carry the spacing after each of
			// their characters; a run of others is set solid, with the
			// spacing after it when a wide character follows.
			for _, r := range wideRuns(s) {
				if r.wide {
					ops = append(ops, mk(r.s, tc))
					lx += l.measure(r.s, st.size) + tc*float64(utf8.RuneCountInString(r.s))
					continue
				}
				ops = append(ops, mk(r.s, 0))
				lx += l.measure(r.s, st.size)
				if next, _ := utf8.DecodeRuneInString(text[a+r.end:]); a+r.end < le && linebreak.Wide(next) {
					lx += tc
				}
			}
		}
		out = append(out, line{text: ln.Text, ops: ops, forced: ln.Forced, width: lw + tc*float64(cjkGaps(ln.Text)), at: ls})
	}
	return out
}

// cjkGaps counts the gaps between adjacent characters of s of which at
// least one is wide: where a justified line may stretch.
func cjkGaps(s string) int {
	n, prevWide, first := 0, false, true
	for _, r := range s {
		w := linebreak.Wide(r)
		if !first && (w || prevWide) {
			n++
		}
		prevWide, first = w, false
	}
	return n
}

type run struct {
	s    string
	end  int // byte offset in the string split, just after the run
	wide bool
}

// wideRuns splits s into maximal runs of wide and of other characters.
func wideRuns(s string) []run {
	var out []run
	start := 0
	for i, r := range s {
		w := linebreak.Wide(r)
		if i > start && w != out[len(out)-1].wide {
			out[len(out)-1].s, out[len(out)-1].end = s[start:i], i
			start = i
		}
		if i == start {
			out = append(out, run{wide: w})
		}
	}
	if len(out) > 0 {
		out[len(out)-1].s, out[len(out)-1].end = s[start:], len(s)
	}
	return out
}

func (l *layout) add(it *item, group int) *item {
	it.group = group
	l.items = append(l.items, it)
	return it
}

// paragraph adds one item per line.
func (l *layout) paragraph(ins []Inline, x, width float64, st textStyle, before float64, keep bool, group int, where string) []*item {
	text, spans := l.cleanInlines(ins, where)
	lh := l.lineHeight(st.size)
	var items []*item
	lines := l.lines(text, spans, x, width, st)
	for i, ln := range lines {
		ops := ln.ops
		// Keep the first two and the last two lines of a paragraph
		// together: no orphan, no widow.
		k := keep || (len(lines) >= 3 && (i == 0 || i == len(lines)-2)) || (len(lines) == 2 && i == 0)
		it := &item{h: lh, ops: ops, keepNext: k}
		if i == 0 {
			it.before = before
		}
		items = append(items, l.add(it, group))
	}
	return items
}

func kindName(k BlockKind) string {
	switch k {
	case BlockHeading:
		return "heading"
	case BlockParagraph:
		return "paragraph"
	case BlockList:
		return "list"
	case BlockTable:
		return "table"
	case BlockRule:
		return "rule"
	case BlockKeep:
		return "keep"
	}
	return "block"
}

// blocks lays out bs at x with the given width. It returns the items made.
func (l *layout) blocks(bs []Block, x, width, size float64, group int, path string) {
	lh := l.lineHeight(size)
	for i, b := range bs {
		where := fmt.Sprintf("%s[%d] (%s)", path, i, kindName(b.Kind))
		switch b.Kind {
		case BlockHeading:
			hs := size * 1.1
			st := textStyle{size: hs, bold: true}
			switch b.Level {
			case 1:
				hs = size * 1.6
				st = textStyle{size: hs, bold: true, align: AlignCenter}
			case 2:
				hs = size * 1.25
				st.size = hs
			}
			items := l.paragraph(b.Inlines, x, width, st, lh*0.8, true, group, where)
			if b.Level == 1 && len(items) > 0 {
				items[len(items)-1].h += size * 0.5
			}
		case BlockParagraph:
			l.paragraph(b.Inlines, x, width, textStyle{size: size, justify: true}, lh*0.35, false, group, where)
		case BlockList:
			// A short list (the price lines: subtotal, shipping, total)
			// is not split across pages.
			g := group
			if g == 0 && len(b.Items) <= 4 {
				l.groups++
				g = l.groups
			}
			l.list(b, x, width, size, g, where)
		case BlockTable:
			if b.Table != nil {
				// Nor is a short table: three instalments on one page.
				g := group
				if g == 0 && len(b.Table.Rows) <= 5 {
					l.groups++
					g = l.groups
				}
				l.table(b.Table, x, width, size, g, where)
			}
		case BlockRule:
			l.add(&item{h: lh * 0.6, before: lh * 0.3, ops: []op{{kind: 'l', x: x, y: lh * 0.3, x2: x + width, y2: lh * 0.3, lw: 0.5, grey: 128}}}, group)
		case BlockKeep:
			g := group
			if g == 0 {
				l.groups++
				g = l.groups
			}
			first := len(l.items)
			l.keeping++
			l.blocks(b.Children, x, width, size, g, where+".children")
			l.keeping--
			if first < len(l.items) {
				l.items[first].before = max(l.items[first].before, lh*0.8)
			}
		}
	}
}

func (l *layout) list(b Block, x, width, size float64, group int, where string) {
	markers := make([]string, len(b.Items))
	mw := 0.0
	for i := range b.Items {
		m := "•"
		if b.Ordered {
			m = strconv.Itoa(b.Start+i) + "."
		}
		markers[i] = l.clean(m, where)
		mw = max(mw, l.measure(markers[i], size))
	}
	indent := mw + size*0.6
	if indent > width/3 {
		indent = width / 3
	}
	lh := l.lineHeight(size)
	for i, children := range b.Items {
		first := len(l.items)
		l.blocks(children, x+indent, width-indent, size, group, fmt.Sprintf("%s.items[%d]", where, i))
		if first == len(l.items) {
			l.add(&item{h: lh}, group)
		}
		it := l.items[first]
		if i > 0 || first > 0 {
			it.before = max(it.before, lh*0.25)
		}
		mk := op{kind: 't', x: x + indent - size*0.6 - l.measure(markers[i], size), y: (lh + size*0.7) / 2, s: markers[i], size: size}
		if len(it.ops) > 0 && it.ops[0].kind == 't' {
			mk.y = it.ops[0].y
			mk.size = it.ops[0].size
		}
		it.ops = append([]op{mk}, it.ops...)
	}
}

type cell struct {
	text  string
	spans []span
}

const cellPadX, cellPadY = 4.0, 3.0

func (l *layout) table(t *Table, x, width, size float64, group int, where string) {
	ncols := len(t.Align)
	ncols = max(ncols, len(t.Header))
	for _, r := range t.Rows {
		ncols = max(ncols, len(r))
	}
	if ncols == 0 {
		return
	}
	rowCells := func(row [][]Inline, r int) []cell {
		cs := make([]cell, ncols)
		for i := range min(len(row), ncols) {
			cs[i].text, cs[i].spans = l.cleanInlines(row[i], fmt.Sprintf("%s row %d cell %d", where, r, i+1))
		}
		return cs
	}
	var header []cell
	if len(t.Header) > 0 {
		header = rowCells(t.Header, 0)
	}
	rows := make([][]cell, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = rowCells(r, i+1)
	}
	// Column widths: as wide as the content wants; when the table is too
	// wide, shrink the columns toward their longest unbreakable token.
	maxW := make([]float64, ncols)
	minW := make([]float64, ncols)
	measureRow := func(cs []cell, hsize float64) {
		for i, c := range cs {
			for _, para := range strings.Split(c.text, "\n") {
				maxW[i] = max(maxW[i], l.measure(para, hsize)+2*cellPadX+1)
			}
			minW[i] = max(minW[i], l.longestToken(c.text, hsize)+2*cellPadX+1)
		}
	}
	if header != nil {
		measureRow(header, size)
	}
	for _, r := range rows {
		measureRow(r, size)
	}
	for i := range minW {
		minW[i] = min(minW[i], width*0.4, maxW[i])
	}
	// A column of short labels (natural width up to 8 em) keeps its
	// natural width rather than wrapping mid-word to make room for a long
	// token in another column, as the signing record's digests are; when
	// that leaves too little room, the columns shrink to their tokens.
	labelMin := slices.Clone(minW)
	for i := range labelMin {
		if maxW[i] <= 8*size+2*cellPadX+1 {
			labelMin[i] = maxW[i]
		}
	}
	sum := func(v []float64) (s float64) {
		for _, x := range v {
			s += x
		}
		return s
	}
	if sum(labelMin) < width {
		minW = labelMin
	}
	cols := make([]float64, ncols)
	switch sMax, sMin := sum(maxW), sum(minW); {
	case sMax <= width:
		for i := range cols {
			cols[i] = maxW[i] + (width-sMax)*maxW[i]/sMax
		}
	case sMin < width:
		d := sMax - sMin
		for i := range cols {
			cols[i] = minW[i] + (width-sMin)*(maxW[i]-minW[i])/d
		}
	default:
		for i := range cols {
			cols[i] = width * minW[i] / sMin
		}
	}
	if header != nil && header[0].text == "" && ncols > 2 {
		// A table whose first header cell is empty has its row labels
		// there and one column per party (the signature block): every
		// party gets the same room to sign, however long its name.
		rest := (width - cols[0]) / float64(ncols-1)
		if rest >= slices.Max(minW[1:]) {
			for i := 1; i < ncols; i++ {
				cols[i] = rest
			}
		}
	}
	align := func(i int) Align {
		if i < len(t.Align) {
			return t.Align[i]
		}
		return AlignNone
	}
	lh := l.lineHeight(size)
	maxRow := (l.bottom - l.top) * 0.8
	var head *item
	mkRow := func(cs []cell, isHeader bool) []*item {
		cellLines := make([][]line, ncols)
		n := 0
		cx := x
		for i, c := range cs {
			st := textStyle{size: size, align: align(i), bold: isHeader}
			cellLines[i] = l.lines(c.text, c.spans, cx+cellPadX, cols[i]-2*cellPadX, st)
			n = max(n, len(cellLines[i]))
			cx += cols[i]
		}
		n = max(n, 1)
		minH := 0.0
		if l.keeping > 0 && !isHeader && signingRow(cs) {
			// A row left blank for a signature or a date in the
			// signature block: room to sign by hand.
			minH = 2.5 * lh
		}
		per := max(1, int((maxRow-2*cellPadY)/lh))
		var items []*item
		for from := 0; from < n; from += per {
			to := min(n, from+per)
			h := float64(to-from)*lh + 2*cellPadY
			if n == 1 {
				h = max(h, minH)
			}
			it := &item{h: h}
			if isHeader {
				it.ops = append(it.ops, op{kind: 'f', x: x, y: 0, x2: width, y2: h, grey: 235})
			}
			for i := range cs {
				for j := from; j < min(to, len(cellLines[i])); j++ {
					dy := cellPadY + float64(j-from)*lh
					for _, o := range cellLines[i][j].ops {
						o.y += dy
						it.ops = append(it.ops, o)
					}
				}
			}
			rule := func(x1, y1, x2, y2 float64) {
				it.ops = append(it.ops, op{kind: 'l', x: x1, y: y1, x2: x2, y2: y2, lw: 0.5, grey: 110})
			}
			rule(x, 0, x+width, 0)
			rule(x, h, x+width, h)
			cx := x
			for i := 0; i <= ncols; i++ {
				rule(cx, 0, cx, h)
				if i < ncols {
					cx += cols[i]
				}
			}
			items = append(items, l.add(it, group))
		}
		return items
	}
	if header != nil {
		hs := mkRow(header, true)
		hs[0].before = lh * 0.4
		for _, h := range hs {
			h.keepNext = true
		}
		if len(hs) == 1 {
			head = hs[0]
		}
	}
	for i, r := range rows {
		its := mkRow(r, false)
		for _, it := range its {
			it.header = head
		}
		if i == 0 && header == nil {
			its[0].before = lh * 0.4
		}
	}
}

// signingRow reports whether a row has a label and nothing else: a
// place to sign or date by hand.
func signingRow(cs []cell) bool {
	if len(cs) < 2 || strings.TrimSpace(cs[0].text) == "" {
		return false
	}
	for _, c := range cs[1:] {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// longestToken returns the width of the widest piece of s between break
// opportunities a typesetter would use: spaces and CJK characters.
func (l *layout) longestToken(s string, size float64) float64 {
	best, cur := 0.0, 0.0
	for _, r := range s {
		if unicode.IsSpace(r) || linebreak.Wide(r) {
			best = max(best, cur)
			cur = 0
			if linebreak.Wide(r) {
				best = max(best, l.measure(string(r), size))
			}
			continue
		}
		cur += l.measure(string(r), size)
	}
	return max(best, cur)
}

// qr adds the QR code of the digest, kept with the record's last lines.
func (l *layout) qr(content string, size float64, group int) error {
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return fmt.Errorf("render: pdf: qr code: %w", err)
	}
	n := code.Bounds().Dx()
	side := min(size*9, l.width/3)
	m := side / float64(n)
	var ops []op
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !dark(code.At(x, y)) {
				x++
				continue
			}
			x0 := x
			for x < n && dark(code.At(x, y)) {
				x++
			}
			ops = append(ops, op{kind: 'f', x: l.left + float64(x0)*m, y: float64(y) * m, x2: float64(x-x0) * m, y2: m, grey: 0})
		}
	}
	// Beside the code, the digest it holds, for people checking by eye.
	cs := max(7, size*0.8)
	cx := l.left + side + size
	lab := l.clean(labels[l.lang].qr, "qr caption")
	dig := l.clean(content, "meta.qr")
	ops = append(ops, op{kind: 't', x: cx, y: cs * 1.2, s: lab, size: cs})
	lh := l.lineHeight(cs)
	for i, ln := range l.lines(dig, []span{{start: 0, end: len(dig)}}, cx, l.left+l.width-cx, textStyle{size: cs}) {
		for _, o := range ln.ops {
			o.y += lh*float64(i) + cs*1.4
			ops = append(ops, o)
		}
	}
	l.add(&item{h: side, before: l.lineHeight(size) * 0.6, ops: ops}, group)
	return nil
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}

var labels = [3]struct {
	number, digest, page, qr string
}{
	{"Contract No. %s", "Digest %s", "Page %d of %d", "Digest of the agreed terms"},
	{"契約編號 %s", "摘要 %s", "第 %d 頁，共 %d 頁", "條款摘要"},
	{"合同编号 %s", "摘要 %s", "第 %d 页，共 %d 页", "条款摘要"},
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
		l.add(&item{h: lh * 0.9, before: lh * 0.6, keepNext: true, ops: []op{{kind: 'l', x: l.left, y: lh * 0.3, x2: l.left + l.width, y2: lh * 0.3, lw: 0.5, grey: 128}}}, g)
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

func (l *layout) paginate() [][]op {
	var pages [][]op
	var page []op
	y := l.top
	empty := true
	place := func(it *item) {
		if !empty {
			y += it.before
		}
		for _, o := range it.ops {
			o.y += y
			if o.kind == 'l' {
				o.y2 += y
			}
			page = append(page, o)
		}
		y += it.h
		empty = false
	}
	body := l.bottom - l.top
	for i := 0; i < len(l.items); i++ {
		it := l.items[i]
		need := it.h + it.before
		if it.keepNext {
			j, n := i, it.h+it.before
			for j+1 < len(l.items) && l.items[j].keepNext {
				j++
				n += l.items[j].h + l.items[j].before
			}
			if n <= body {
				need = n
			}
			// A heading goes with the whole group that follows it, if
			// one starts there (a short table or list kept together) and
			// the two fit on a page; else with the group's first line.
			if g := l.items[j].group; g != 0 && g != it.group {
				for k := j + 1; k < len(l.items) && l.items[k].group == g; k++ {
					n += l.items[k].h + l.items[k].before
				}
				if n <= body {
					need = n
				}
			}
		}
		if it.group != 0 && (i == 0 || l.items[i-1].group != it.group) {
			n := 0.0
			for j := i; j < len(l.items) && l.items[j].group == it.group; j++ {
				n += l.items[j].h + l.items[j].before
			}
			if n <= body {
				need = max(need, n)
			}
		}
		if !empty && y+need > l.bottom+1e-6 {
			pages = append(pages, page)
			page, y, empty = nil, l.top, true
			if it.header != nil {
				place(it.header)
			}
		}
		place(it)
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}
	return pages
}

// furniture adds the header and footer to every page: contract number,
// short digest, page n of N.
func (l *layout) furniture(pages [][]op) {
	lb := labels[l.lang]
	fs := max(7, l.c.size*0.8)
	m := l.doc.Meta
	right := l.left + l.width
	hy := l.top - fs*1.6
	var num, dig string
	if m.ID != "" {
		num = l.clean(fmt.Sprintf(lb.number, m.ID), "meta.id")
	}
	if m.ShortDigest != "" {
		dig = l.clean(fmt.Sprintf(lb.digest, m.ShortDigest), "meta.short_digest")
	}
	for i := range pages {
		foot := l.clean(fmt.Sprintf(lb.page, i+1, len(pages)), "page footer")
		var fur []op
		if num != "" {
			fur = append(fur, op{kind: 't', x: l.left, y: hy, s: num, size: fs})
		}
		if dig != "" {
			fur = append(fur, op{kind: 't', x: right - l.measure(dig, fs), y: hy, s: dig, size: fs})
		}
		if num != "" || dig != "" {
			fur = append(fur, op{kind: 'l', x: l.left, y: hy + fs*0.5, x2: right, y2: hy + fs*0.5, lw: 0.4, grey: 128})
		}
		fy := l.bottom + fs*2.2
		fur = append(fur, op{kind: 't', x: l.left + (l.width-l.measure(foot, fs))/2, y: fy, s: foot, size: fs})
		pages[i] = append(fur, pages[i]...)
	}
}

// subset builds the one font this document embeds.
func (l *layout) subset() ([]byte, error) {
	runes := make([]rune, 0, len(l.glyphs))
	for r := range l.glyphs {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	gs := make([]ttf.Glyph, len(runes))
	for i, r := range runes {
		gs[i] = l.glyphs[r]
	}
	first := l.set.Faces[0]
	return ttf.Subset(l.set.UnitsPerEm, first, metricsFace(l.set), runes, gs)
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
