package confirm_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// The signed PDF of an agreed P-256 contract against the unsigned PDF of
// the same contract confirmed with Ed25519 keys, and the verification of
// each (doc/performance.md).
func BenchmarkPDFSigned(b *testing.B) {
	benchPDF(b, flowP256(b))
}

func BenchmarkPDFUnsigned(b *testing.B) {
	benchPDF(b, flow(b))
}

func benchPDF(b *testing.B, data []byte) {
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := confirm.WritePDF(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		b.Fatal(err)
	}
	b.Run("verify", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := confirm.VerifyPDF(pdf.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkConfirmP256 is a P-256 confirmation that also makes the PDF
// signature (it renders the revision's PDF), against the same with
// Ed25519.
func BenchmarkConfirmP256(b *testing.B) {
	seller, buyer := p256key(b, "seller"), p256key(b, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		b.Fatal(err)
	}
	data, _ := c.Marshal()
	b.ReportAllocs()
	for b.Loop() {
		c, _ := confirm.Parse(data)
		if _, err := c.Confirm(buyer, at(7)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConfirmEd25519(b *testing.B) {
	seller, buyer := key(b, "seller"), key(b, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		b.Fatal(err)
	}
	data, _ := c.Marshal()
	b.ReportAllocs()
	for b.Loop() {
		c, _ := confirm.Parse(data)
		if _, err := c.Confirm(buyer, at(7)); err != nil {
			b.Fatal(err)
		}
	}
}
