package render_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/render"
)

// adversarialText is text a stranger may put in a clause or a contract
// file's recorded text, of about n bytes: runs of one character that no
// line may end or start with, tokens longer than any line, and Markdown
// that nests.
var adversarialText = []struct {
	name string
	gen  func(n int) string
}{
	// A clause of '[' or '(' as the templates write it (escaped).
	{"open-bracket-run", func(n int) string { return strings.Repeat(`\[`, n/2) }},
	{"paren-run", func(n int) string { return strings.Repeat("(", n) }},
	{"cjk-quote-run", func(n int) string { return strings.Repeat("「", n/3) }},
	{"dot-run", func(n int) string { return strings.Repeat(".", n) }},
	{"long-token", func(n int) string { return strings.Repeat("abcdefghij", n/10) }},
	{"digit-groups", func(n int) string { return strings.Repeat("12 ", n/3) }},
	{"nested-links", func(n int) string {
		d := render.MaxMarkdownDepth
		return strings.Repeat(strings.Repeat("[", d)+"a"+strings.Repeat("]", d)+" ", n/(2*d+2))
	}},
	{"nested-emphasis", func(n int) string {
		d := render.MaxMarkdownDepth
		return strings.Repeat(strings.Repeat("*a ", d)+strings.Repeat("a* ", d), n/(6*d))
	}},
	{"nested-quotes", func(n int) string {
		return strings.Repeat(strings.Repeat(">", render.MaxMarkdownDepth)+" a\n", n/(render.MaxMarkdownDepth+3))
	}},
	{"nested-lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i%(render.MaxMarkdownDepth/2)) + "- a\n")
		}
		return b.String()
	}},
	{"table", func(n int) string {
		var b strings.Builder
		b.WriteString("| No. | Item | Qty | Price |\n|---|---|---|--:|\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "| %d | 星巴克隨行卡 Starbucks card | 1 | 920 |\n", i)
		}
		return b.String()
	}},
}

// BenchmarkTextAdversarial parses and renders as text (80 and 36 columns)
// adversarial Markdown from 1 KB up to MaxMarkdownSize; ns/byte stays flat
// when the Markdown path and the line breaker are linear. The largest
// size takes seconds per run: use -benchtime=1x.
func BenchmarkTextAdversarial(b *testing.B) {
	for _, c := range adversarialText {
		for _, size := range []int{1 << 10, 16 << 10, 256 << 10, render.MaxMarkdownSize - 4<<10} {
			md := []byte(c.gen(size))
			b.Run(fmt.Sprintf("%s/%dKB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(md)))
				for b.Loop() {
					doc, err := render.Parse(md, render.Meta{})
					if err != nil {
						b.Fatal(err)
					}
					if err := render.Text(io.Discard, doc); err != nil {
						b.Fatal(err)
					}
					if err := render.Text(io.Discard, doc, render.Narrow()); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(md)), "ns/byte")
			})
		}
	}
}
