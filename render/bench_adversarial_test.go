package render_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
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
		for i := 0; b.Len() < n-64; i++ {
			if i%(render.MaxTableCells/4-2) == 0 {
				b.WriteString("\n| No. | Item | Qty | Price |\n|---|---|---|--:|\n")
			}
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

// clauseTerms returns the gift-card example with n extra clauses, each
// 10,000 times the character c (the longest clause the terms admit).
func clauseTerms(tb testing.TB, c string, n int) *agreement.Agreement {
	a, err := agreement.Load("../examples/terms/gift_card-zh-Hant.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		a.Clauses = append(a.Clauses, agreement.Clause{Title: fmt.Sprintf("附加條款 %d", i+1), Text: strings.Repeat(c, 10000)})
	}
	if err := a.Check(); err != nil {
		tb.Fatal(err)
	}
	return a
}

// BenchmarkClauseRuns renders terms whose clauses are 10,000 '[', '(',
// '「' or '.' (issue 10: one such clause took 5 s as text and 4 s as PDF,
// ten took 40 s) as text and as PDF.
func BenchmarkClauseRuns(b *testing.B) {
	for _, c := range []string{"[", "(", "「", "."} {
		for _, n := range []int{1, 10} {
			a := clauseTerms(b, c, n)
			doc, err := render.NewDocument(a, templates.Default())
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s×10000×%d/text", c, n), func(b *testing.B) {
				for b.Loop() {
					if err := render.Text(io.Discard, doc, render.Narrow()); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s×10000×%d/pdf", c, n), func(b *testing.B) {
				for b.Loop() {
					if err := render.PDF(io.Discard, doc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
