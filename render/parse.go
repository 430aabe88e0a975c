package render

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tradepact/tradepact/internal/linebreak"
)

// Markers of a region that must stay on one page, such as the signature
// block: an HTML comment on its own, before and after the region.
const (
	KeepStart = "<!-- keep -->"
	KeepEnd   = "<!-- /keep -->"
)

// newParser returns a CommonMark parser with GFM tables. Parsers are built
// per call: goldmark's are not documented as safe for concurrent use.
func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
}

// Parse parses contract Markdown (CommonMark with GFM tables) into a
// [Document] with the given metadata. The region between a [KeepStart] and
// a [KeepEnd] comment becomes one [BlockKeep]; other raw HTML is dropped,
// as are images (their alt text is kept) and link targets (their text is
// kept). The document's Source is md itself.
//
// Text over [MaxMarkdownSize], nested deeper than [MaxMarkdownDepth] or
// with a table beyond [MaxTableCells] or [MaxTableHeader] is refused with
// a *[LimitError] before it is parsed.
func Parse(md []byte, meta Meta) (*Document, error) {
	if err := checkLimits(md); err != nil {
		return nil, err
	}
	if !utf8.Valid(md) {
		return nil, fmt.Errorf("render: markdown is not valid UTF-8")
	}
	src := bytes.Clone(md)
	root := newParser().Parse(text.NewReader(src))
	if err := checkInlineDepth(root, src); err != nil {
		return nil, err
	}
	p := &mdParser{src: src}
	blocks, err := p.blocks(root)
	if err != nil {
		return nil, err
	}
	return &Document{Source: src, Meta: meta, Blocks: blocks}, nil
}

type mdParser struct {
	src []byte
}

// blocks converts the block children of n, grouping keep regions.
func (p *mdParser) blocks(n ast.Node) ([]Block, error) {
	var out []Block
	var keep *Block // the open keep region
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.HTMLBlock); ok {
			var b bytes.Buffer
			for i := 0; i < h.Lines().Len(); i++ {
				seg := h.Lines().At(i)
				b.Write(seg.Value(p.src))
			}
			switch strings.TrimSpace(b.String()) {
			case KeepStart:
				if keep != nil {
					return nil, fmt.Errorf("render: nested %s", KeepStart)
				}
				keep = &Block{Kind: BlockKeep}
			case KeepEnd:
				if keep == nil {
					return nil, fmt.Errorf("render: %s without %s", KeepEnd, KeepStart)
				}
				out = append(out, *keep)
				keep = nil
			}
			continue
		}
		bs := p.block(c)
		if keep != nil {
			keep.Children = append(keep.Children, bs...)
		} else {
			out = append(out, bs...)
		}
	}
	if keep != nil {
		return nil, fmt.Errorf("render: %s not closed", KeepStart)
	}
	return out, nil
}

// block converts one block node; containers without a counterpart in the
// model (block quotes) give their children.
func (p *mdParser) block(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Heading:
		return []Block{{Kind: BlockHeading, Level: n.Level, Inlines: p.inlines(n)}}
	case *ast.Paragraph, *ast.TextBlock:
		ins := p.inlines(n)
		if len(ins) == 0 {
			return nil
		}
		return []Block{{Kind: BlockParagraph, Inlines: ins}}
	case *ast.ThematicBreak:
		return []Block{{Kind: BlockRule}}
	case *ast.List:
		b := Block{Kind: BlockList, Ordered: n.IsOrdered(), Start: n.Start}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var item []Block
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				item = append(item, p.block(c)...)
			}
			b.Items = append(b.Items, item)
		}
		return []Block{b}
	case *east.Table:
		t := &Table{}
		for _, a := range n.Alignments {
			t.Align = append(t.Align, map[east.Alignment]Align{
				east.AlignLeft: AlignLeft, east.AlignRight: AlignRight, east.AlignCenter: AlignCenter,
			}[a])
		}
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var cells [][]Inline
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, p.inlines(c))
			}
			if _, ok := r.(*east.TableHeader); ok {
				t.Header = cells
			} else {
				t.Rows = append(t.Rows, cells)
			}
		}
		return []Block{{Kind: BlockTable, Table: t}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(p.src))
		}
		var ins []Inline
		for i, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			if i > 0 {
				ins = append(ins, Inline{Break: true})
			}
			ins = append(ins, Inline{Text: l, Code: true})
		}
		return []Block{{Kind: BlockParagraph, Inlines: ins}}
	case *ast.HTMLBlock:
		return nil
	}
	var out []Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, p.block(c)...)
	}
	return out
}

// style is the inline style in effect while walking inline nodes.
type style struct{ bold, italic, code bool }

// inlines converts the inline children of n into runs of text, merging
// neighbours of the same style. A soft line break becomes a space, or
// nothing between two CJK characters.
func (p *mdParser) inlines(n ast.Node) []Inline {
	var out []Inline
	// The text of the run being built, added to piece by piece: goldmark
	// gives a node per escaped or delimiter character, and adding each to
	// a string would copy the run every time.
	var cur strings.Builder
	var curStyle style
	var last rune // the last character added
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, Inline{Text: cur.String(), Bold: curStyle.bold, Italic: curStyle.italic, Code: curStyle.code})
			cur.Reset()
		}
	}
	soft := false // a soft line break is pending
	add := func(s string, st style) {
		if s == "" {
			return
		}
		if soft {
			soft = false
			first, _ := utf8.DecodeRuneInString(s)
			if last != 0 && !(linebreak.Wide(first) && linebreak.Wide(last)) {
				s = " " + s
			}
		}
		if cur.Len() > 0 && st != curStyle {
			flush()
		}
		curStyle = st
		cur.WriteString(s)
		last, _ = utf8.DecodeLastRuneInString(s)
	}
	var walk func(n ast.Node, st style)
	walk = func(n ast.Node, st style) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(p.src)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				add(string(v), st)
				switch {
				case c.HardLineBreak():
					flush()
					out = append(out, Inline{Break: true})
					soft, last = false, 0
				case c.SoftLineBreak():
					soft = true
				}
			case *ast.String:
				add(string(c.Value), st)
			case *ast.Emphasis:
				s := st
				if c.Level >= 2 {
					s.bold = true
				} else {
					s.italic = true
				}
				walk(c, s)
			case *ast.CodeSpan:
				s := st
				s.code = true
				var b strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Segment.Value(p.src))
					} else if str, ok := t.(*ast.String); ok {
						b.Write(str.Value)
					}
				}
				add(b.String(), s)
			case *ast.AutoLink:
				add(string(c.Label(p.src)), st)
			case *ast.RawHTML:
				// dropped: templates escape HTML, so only comments get here
			default:
				// links, images and extensions: their text
				walk(c, st)
			}
		}
	}
	walk(n, style{})
	flush()
	// Trim the run's outer white space.
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
	}
	return out
}
