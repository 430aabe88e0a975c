package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tradepact/tradepact/internal/linebreak"
)

// Text widths in columns.
const (
	DefaultWidth = 80 // a terminal or a printed page
	NarrowWidth  = 36 // pasted into a chat app on a phone
	MinTextWidth = 16 // narrower widths are raised to this
)

// TextOption configures [Text].
type TextOption func(*textConfig)

type textConfig struct {
	width int
}

// Width sets the line width in display columns (CJK characters take two).
// The default is [DefaultWidth]; widths below [MinTextWidth] are raised to it.
func Width(n int) TextOption { return func(c *textConfig) { c.width = n } }

// Narrow is Width([NarrowWidth]): text that reads well in a chat app. Tables
// that do not fit are written as lists of records.
func Narrow() TextOption { return Width(NarrowWidth) }

// Text writes doc as UTF-8 plain text wrapped to a width by display width
// (see [internal/linebreak]: no break inside a Latin word or a number, no
// line starting with closing punctuation), tables aligned by display width
// or, when they cannot fit, written as records. The signing record, if any,
// follows the document after a rule.
func Text(w io.Writer, doc *Document, opts ...TextOption) error {
	if doc == nil {
		return errNilDoc
	}
	doc = visible(doc)
	c := textConfig{width: DefaultWidth}
	for _, o := range opts {
		o(&c)
	}
	c.width = max(c.width, MinTextWidth)
	t := &textWriter{w: bufio.NewWriter(w), width: c.width}
	t.blocks(doc.Blocks, "", "", false)
	if len(doc.Record) > 0 {
		t.blank()
		t.line("", strings.Repeat("=", c.width))
		t.blocks(doc.Record, "", "", false)
	}
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

type textWriter struct {
	w       *bufio.Writer
	width   int
	started bool // something was written
	blankOK bool // the last line written was not blank
	err     error
}

func (t *textWriter) line(indent, s string) {
	if t.err != nil {
		return
	}
	_, t.err = t.w.WriteString(strings.TrimRight(indent+s, " ") + "\n")
	t.started, t.blankOK = true, true
}

// blank writes one blank line between blocks, never two, never first.
func (t *textWriter) blank() {
	if t.started && t.blankOK {
		t.line("", "")
		t.blankOK = false
	}
}

// blocks writes blocks; the first line of the first block starts with
// first (a list marker) and every other line with indent. keep marks the
// signature block, whose empty table cells become lines to sign on.
func (t *textWriter) blocks(bs []Block, first, indent string, keep bool) {
	for i, b := range bs {
		if i > 0 || first == indent {
			t.blank()
		}
		lead := indent
		if i == 0 {
			lead = first
		}
		t.block(b, lead, indent, keep)
	}
}

func (t *textWriter) block(b Block, first, indent string, keep bool) {
	switch b.Kind {
	case BlockHeading:
		lines := t.wrap(plain(b.Inlines), first, indent)
		if b.Level <= 2 {
			wmax := 0.0
			for _, l := range lines {
				wmax = max(wmax, linebreak.Columns(l))
			}
			mark := "="
			if b.Level == 2 {
				mark = "-"
			}
			lines = append(lines, indent+strings.Repeat(mark, int(wmax)-len(indent)))
		}
		for _, l := range lines {
			t.line("", l)
		}
	case BlockParagraph:
		for _, l := range t.wrapInlines(b.Inlines, first, indent) {
			t.line("", l)
		}
	case BlockList:
		for i, item := range b.Items {
			marker := "- "
			if b.Ordered {
				marker = strconv.Itoa(b.Start+i) + ". "
			}
			pad := strings.Repeat(" ", len(marker))
			if i > 0 && !tight(b) {
				t.blank()
			}
			if len(item) == 0 {
				t.line(first, strings.TrimSpace(marker))
				continue
			}
			t.blocks(item, first+marker, indent+pad, keep)
			first = indent
		}
	case BlockTable:
		t.table(b.Table, first, indent, keep)
	case BlockRule:
		t.line(first, strings.Repeat("-", t.width-len(first)))
	case BlockKeep:
		t.blocks(b.Children, first, indent, true)
	}
}

// tight reports whether every item of a list is one paragraph, so items
// follow each other without blank lines.
func tight(b Block) bool {
	for _, it := range b.Items {
		if len(it) > 1 {
			return false
		}
	}
	return true
}

// wrap breaks s into lines: the first starts with first, the others with
// indent, each no wider than the width.
func (t *textWriter) wrap(s, first, indent string) []string {
	s = strings.Join(strings.Fields(s), " ")
	lines := linebreak.BreakFunc(s, func(i int) float64 {
		if i == 0 {
			return float64(t.width) - linebreak.Columns(first)
		}
		return float64(t.width) - linebreak.Columns(indent)
	}, linebreak.Columns)
	if len(lines) == 0 {
		return []string{first}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		lead := indent
		if i == 0 {
			lead = first
		}
		out[i] = lead + l.Text
	}
	return out
}

// wrapInlines wraps a paragraph, honouring hard line breaks.
func (t *textWriter) wrapInlines(ins []Inline, first, indent string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		lead := indent
		if len(out) == 0 {
			lead = first
		}
		out = append(out, t.wrap(cur.String(), lead, indent)...)
		cur.Reset()
	}
	for _, in := range ins {
		if in.Break {
			flush()
			continue
		}
		cur.WriteString(in.Text)
	}
	flush()
	return out
}

// table writes a table aligned by display width, wrapping cells when the
// natural widths do not fit, or as records when even the narrowest
// columns do not.
func (t *textWriter) table(tb *Table, first, indent string, keep bool) {
	n := len(tb.Header)
	for _, r := range tb.Rows {
		n = max(n, len(r))
	}
	if n == 0 {
		return
	}
	cell := func(r [][]Inline, i int) string {
		if i < len(r) {
			return strings.Join(strings.Fields(plain(r[i])), " ")
		}
		return ""
	}
	avail := t.width - int(linebreak.Columns(first))
	natural := make([]int, n)
	minw := make([]int, n)
	for _, r := range append([][][]Inline{tb.Header}, tb.Rows...) {
		for i := range n {
			s := cell(r, i)
			natural[i] = max(natural[i], int(linebreak.Columns(s)))
			minw[i] = max(minw[i], int(linebreak.MinWidth(s, linebreak.Columns)))
		}
	}
	if keep {
		for i := range natural {
			natural[i] = max(natural[i], 12) // room to sign
		}
	}
	sep := 3 * (n - 1)
	sum := func(ws []int) int {
		s := sep
		for _, w := range ws {
			s += w
		}
		return s
	}
	// A column of short labels is not squeezed below its natural width
	// (up to 16 columns) to make room for a long token in another: a
	// label broken every three characters reads worse than a record.
	for i := range minw {
		minw[i] = max(minw[i], min(natural[i], 16))
	}
	if sum(minw) > avail {
		t.records(tb, n, cell, first, indent, keep)
		return
	}
	widths := append([]int(nil), natural...)
	for sum(widths) > avail {
		// Shrink the widest column that can still shrink.
		j := -1
		for i := range widths {
			if widths[i] > minw[i] && (j < 0 || widths[i] > widths[j]) {
				j = i
			}
		}
		widths[j]--
	}
	align := func(i int) Align {
		if i < len(tb.Align) {
			return tb.Align[i]
		}
		return AlignNone
	}
	row := func(r [][]Inline, lead string, signing bool) {
		cols := make([][]string, n)
		height := 1
		for i := range n {
			s := cell(r, i)
			if s == "" && signing && i > 0 {
				cols[i] = []string{strings.Repeat("_", widths[i])}
				continue
			}
			for _, l := range linebreak.Break(s, float64(widths[i]), linebreak.Columns) {
				cols[i] = append(cols[i], l.Text)
			}
			height = max(height, len(cols[i]))
		}
		for k := range height {
			var b strings.Builder
			for i := range n {
				if i > 0 {
					b.WriteString(" | ")
				}
				s := ""
				if k < len(cols[i]) {
					s = cols[i][k]
				}
				b.WriteString(pad(s, widths[i], align(i)))
			}
			l := indent
			if k == 0 {
				l = lead
			}
			t.line(l, b.String())
		}
	}
	row(tb.Header, first, false)
	var rule []string
	for _, w := range widths {
		rule = append(rule, strings.Repeat("-", w))
	}
	t.line(indent, strings.Join(rule, "-+-"))
	for _, r := range tb.Rows {
		row(r, indent, keep)
	}
}

// records writes a table that cannot fit as a list of records, one per
// row with "Header: value" lines. A table whose first header is empty (the
// signature block) has its row labels there, so it is written one record
// per column instead: "Seller" then "Name: …", "Signature: ____".
func (t *textWriter) records(tb *Table, n int, cell func([][]Inline, int) string, first, indent string, keep bool) {
	type field struct{ label, value string }
	var recs []struct {
		title  string
		fields []field
	}
	if cell(tb.Header, 0) == "" {
		for i := 1; i < n; i++ {
			r := struct {
				title  string
				fields []field
			}{title: cell(tb.Header, i)}
			for _, row := range tb.Rows {
				r.fields = append(r.fields, field{cell(row, 0), cell(row, i)})
			}
			recs = append(recs, r)
		}
	} else {
		for _, row := range tb.Rows {
			var r struct {
				title  string
				fields []field
			}
			for i := range n {
				r.fields = append(r.fields, field{cell(tb.Header, i), cell(row, i)})
			}
			recs = append(recs, r)
		}
	}
	lead := first
	for k, r := range recs {
		if k > 0 {
			t.blank()
		}
		marker := "- "
		if r.title != "" {
			for _, l := range t.wrap(r.title, lead, indent) {
				t.line("", l)
			}
			lead = indent
		}
		for j, f := range r.fields {
			if r.title == "" && j > 0 {
				marker = "  "
			}
			v := f.value
			if v == "" && keep {
				v = strings.Repeat("_", 16)
			}
			text := v
			if f.label != "" {
				text = f.label + colon(f.label) + v
			}
			for _, l := range t.wrap(text, lead+marker, indent+"  ") {
				t.line("", l)
			}
			lead = indent
		}
	}
}

// colon returns the colon that follows label: fullwidth after CJK text.
func colon(label string) string {
	r, _ := utf8.DecodeLastRuneInString(label)
	if linebreak.Wide(r) {
		return "："
	}
	return ": "
}

// pad pads s to w columns, on the side the alignment asks for.
func pad(s string, w int, a Align) string {
	gap := w - int(linebreak.Columns(s))
	if gap <= 0 {
		return s
	}
	switch a {
	case AlignRight:
		return strings.Repeat(" ", gap) + s
	case AlignCenter:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}
