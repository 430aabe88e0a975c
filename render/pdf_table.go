// PDF layout: tables (column widths, ruled rows, room to sign).

package render

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tradepact/tradepact/internal/linebreak"
)

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
		markSig := l.c.sigFields && l.keeping > 0 && !isHeader && signingRow(cs) && !l.sigMarked
		if markSig {
			l.sigMarked = true
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
			if markSig && ncols == 3 {
				// The signature cells of the signature block: where the
				// parties' signature fields go (seller, then buyer).
				it.ops = append(it.ops,
					op{kind: 'm', x: x + cols[0], y: 0, x2: cols[1], y2: h, s: "0"},
					op{kind: 'm', x: x + cols[0] + cols[1], y: 0, x2: cols[2], y2: h, s: "1"})
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
