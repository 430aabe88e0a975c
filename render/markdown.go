package render

import (
	"errors"
	"io"
	"strings"

	"github.com/tradepact/tradepact/internal/safetext"
)

// errNilDoc is returned by the renderers for a nil *Document.
var errNilDoc = errors.New("render: nil document")

// Markdown writes the document's Markdown: Source, the text the parties
// confirm, byte for byte, unless it holds control, bidirectional or
// invisible characters: those are written visibly (\x1b, <U+202E>, as
// internal/safetext spells them; line feeds and tabs stay), so the output
// never hides what the text holds, and then it differs from Source. When
// the document has a signing record, it follows after a rule, outside the
// confirmed text.
func Markdown(w io.Writer, doc *Document) error {
	if doc == nil {
		return errNilDoc
	}
	src := doc.Source
	if safetext.HasUnsafe(string(src)) {
		src = []byte(safetext.Text(string(src)))
	}
	if _, err := w.Write(src); err != nil {
		return err
	}
	doc = visible(doc)
	if len(doc.Record) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n---\n\n")
	for _, blk := range doc.Record {
		writeMarkdownBlock(&b, blk)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownBlock writes a record block as Markdown: paragraphs,
// headings and lists of paragraphs, which is what signing records hold.
func writeMarkdownBlock(b *strings.Builder, blk Block) {
	switch blk.Kind {
	case BlockHeading:
		b.WriteString(strings.Repeat("#", max(1, blk.Level)) + " " + markdownInlines(blk.Inlines) + "\n\n")
	case BlockParagraph:
		b.WriteString(markdownInlines(blk.Inlines) + "\n\n")
	case BlockList:
		for _, it := range blk.Items {
			var parts []string
			for _, c := range it {
				parts = append(parts, markdownInlines(c.Inlines))
			}
			b.WriteString("- " + strings.Join(parts, " ") + "\n")
		}
		b.WriteString("\n")
	case BlockRule:
		b.WriteString("---\n\n")
	case BlockKeep:
		for _, c := range blk.Children {
			writeMarkdownBlock(b, c)
		}
	case BlockTable:
		t := blk.Table
		row := func(cells [][]Inline) {
			b.WriteString("|")
			for _, c := range cells {
				b.WriteString(" " + markdownInlines(c) + " |")
			}
			b.WriteString("\n")
		}
		row(t.Header)
		b.WriteString("|" + strings.Repeat("---|", len(t.Header)) + "\n")
		for _, r := range t.Rows {
			row(r)
		}
		b.WriteString("\n")
	}
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`)

func markdownInlines(ins []Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch {
		case in.Break:
			b.WriteString("\\\n")
		case in.Code:
			b.WriteString("`" + strings.ReplaceAll(in.Text, "`", "'") + "`")
		case in.Bold:
			b.WriteString("**" + mdEscaper.Replace(in.Text) + "**")
		case in.Italic:
			b.WriteString("*" + mdEscaper.Replace(in.Text) + "*")
		default:
			b.WriteString(mdEscaper.Replace(in.Text))
		}
	}
	return b.String()
}
