package render

import (
	"strings"
	"testing"
)

// BenchmarkVisibleCheck measures what every Text, HTML and PDF call pays
// for a clean document: one pass over its text, no copy.
func BenchmarkVisibleCheck(b *testing.B) {
	d, err := Parse([]byte("# Sale\n\n"+strings.Repeat("合同条款，价格 ¥12.00，交付 2026-11-20。Terms apply.\n\n", 200)), Meta{ID: "TP-1"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if visible(d) != d {
			b.Fatal("copied a clean document")
		}
	}
}
