package confirm_test

import (
	"bytes"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// BenchmarkPropose measures starting a contract: check the terms, take
// their canonical form and read it back, render the text, sign, marshal.
func BenchmarkPropose(b *testing.B) {
	seller := key(b, "seller")
	a := terms()
	b.ReportAllocs()
	for b.Loop() {
		c, err := confirm.Propose(a, seller, at(0))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConfirm measures one confirmation of a two-revision contract:
// parse, verify the history (Confirm always does), sign, marshal.
func BenchmarkConfirm(b *testing.B) {
	seller, buyer := key(b, "seller"), key(b, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err != nil {
		b.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := confirm.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Confirm(seller, at(9)); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify measures verifying an agreed contract file of five
// entries (two revisions, three confirmations).
func BenchmarkVerify(b *testing.B) {
	data := flow(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := confirm.Verify(data, pinned(b)...)
		if err != nil || !res.Agreed {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyPDF measures verifying a PDF: extracting the contract file,
// verifying it and rendering the PDF again to compare.
func BenchmarkVerifyPDF(b *testing.B) {
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, flow(b)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(pdf.Len()))
	for b.Loop() {
		res, err := confirm.VerifyPDF(pdf.Bytes())
		if err != nil || !res.Compared {
			b.Fatal(err)
		}
	}
}
