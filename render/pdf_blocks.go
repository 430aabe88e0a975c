// PDF layout: blocks (headings, paragraphs, lists, rules, kept blocks) into
// items.

package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

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
			// The block (the signature block) never starts a page by
			// itself: when it moves to a new page, the last lines of
			// the text before it go along (the paragraph's widow rule
			// keeps its last two lines together). Not when a kept group
			// comes before: that group would be split.
			if n := len(l.items); n > 0 && l.items[n-1].group == 0 {
				l.items[n-1].keepNext = true
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
		switch {
		case b.Ordered:
			m = strconv.Itoa(b.Start+i) + "."
		case ownMarker(b.Items[i]):
			// "1. 星巴克隨行卡：…" carries its own number: a bullet
			// before it would be a second marker.
			continue
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
		if markers[i] == "" {
			continue
		}
		mk := op{kind: 't', x: x + indent - size*0.6 - l.measure(markers[i], size), y: (lh + size*0.7) / 2, s: markers[i], size: size}
		if len(it.ops) > 0 && it.ops[0].kind == 't' {
			mk.y = it.ops[0].y
			mk.size = it.ops[0].size
		}
		it.ops = append([]op{mk}, it.ops...)
	}
}

// enumerator matches the number that starts an item of its own accord:
// "1. ", "2) ", "(3)", "4、", "一、", "（二）".
var enumerator = regexp.MustCompile(`^\s*(?:\d{1,3}[.)]\s|\d{1,3}[、．]|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])`)

// ownMarker reports whether a bullet-list item starts with its own
// enumerator, as item notes do ("**1. 星巴克隨行卡**：…"): it is drawn
// without the bullet.
func ownMarker(item []Block) bool {
	if len(item) == 0 || (item[0].Kind != BlockParagraph && item[0].Kind != BlockHeading) {
		return false
	}
	var b strings.Builder
	for _, in := range item[0].Inlines {
		b.WriteString(in.Text)
		if b.Len() > 32 {
			break
		}
	}
	return enumerator.MatchString(b.String() + " ")
}
