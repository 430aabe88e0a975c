package render_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func benchTerms(b *testing.B) *agreement.Agreement {
	a, err := agreement.Load("../examples/terms/proxy_purchase-zh-Hant.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkTemplateAndText measures one contract from checked terms to
// wrapped text: template execution, parsing into the document, and the
// text renderer (UAX #14 breaking by display width).
func BenchmarkTemplateAndText(b *testing.B) {
	a := benchTerms(b)
	set := templates.Default()
	b.ReportAllocs()
	for b.Loop() {
		var md bytes.Buffer
		if err := set.Execute(&md, a); err != nil {
			b.Fatal(err)
		}
		doc, err := render.Parse(md.Bytes(), render.Meta{})
		if err != nil {
			b.Fatal(err)
		}
		if err := render.Text(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTemplateAndNaiveText is the straightforward way, for
// comparison: the same template execution, then the Markdown wrapped line
// by line by rune count, with no parsing, no display width, no kinsoku and
// no table layout (and so wrong for CJK text and tables).
func BenchmarkTemplateAndNaiveText(b *testing.B) {
	a := benchTerms(b)
	set := templates.Default()
	b.ReportAllocs()
	for b.Loop() {
		var md bytes.Buffer
		if err := set.Execute(&md, a); err != nil {
			b.Fatal(err)
		}
		var out strings.Builder
		for _, line := range strings.Split(md.String(), "\n") {
			r := []rune(line)
			for len(r) > 80 {
				out.WriteString(string(r[:80]) + "\n")
				r = r[80:]
			}
			out.WriteString(string(r) + "\n")
		}
		io.WriteString(io.Discard, out.String())
	}
}

// BenchmarkTextOnly measures the text renderer alone on a parsed contract.
func BenchmarkTextOnly(b *testing.B) {
	doc, err := render.NewDocument(benchTerms(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.Text(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
