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
	{"open-bracket-run", func(n int) string { return strings.Repeat("[", n) }},
	{"paren-run", func(n int) string { return strings.Repeat("(", n) }},
	{"cjk-quote-run", func(n int) string { return strings.Repeat("「", n/3) }},
	{"dot-run", func(n int) string { return strings.Repeat(".", n) }},
	{"long-token", func(n int) string { return strings.Repeat("abcdefghij", n/10) }},
	{"digit-groups", func(n int) string { return strings.Repeat("12 ", n/3) }},
	{"nested-links", func(n int) string { return strings.Repeat("[", n/2) + "a" + strings.Repeat("]", n/2) }},
	{"nested-emphasis", func(n int) string { return strings.Repeat("*", n/2) + "a" + strings.Repeat("*", n/2) }},
	{"nested-quotes", func(n int) string { return strings.Repeat(">", n) + " a" }},
	{"nested-lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i%64) + "- a\n")
		}
		return b.String()
	}},
}

// BenchmarkTextAdversarial parses and renders as text (80 and 36 columns)
// adversarial Markdown from 1 KB up; ns/byte stays flat when the Markdown
// path and the line breaker are linear.
func BenchmarkTextAdversarial(b *testing.B) {
	for _, c := range adversarialText {
		for _, size := range []int{1 << 10, 8 << 10, 64 << 10} {
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
