package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// agreedPDF returns the PDF of a contract that both parties confirmed.
func agreedPDF(t *testing.T) []byte {
	t.Helper()
	a, err := agreement.Load("../../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seller, err := confirm.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	if err != nil {
		t.Fatal(err)
	}
	buyer, err := confirm.NewKeyFromSeed(bytes.Repeat([]byte{2}, 32))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("", 8*3600))
	c, err := confirm.Propose(a, seller, at)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(buyer, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		t.Fatal(err)
	}
	return pdf.Bytes()
}

// An incremental update appended to a rendered PDF can change what every
// viewer shows on its pages (here a white box over page 1, where the terms
// are) while the original bytes, and so the embedded contract file and the
// comparison with a fresh rendering, stay intact. Nothing checks what the
// update does, so verify must not call such a PDF verified.
func TestAttackPDFIncrementalUpdate(t *testing.T) {
	t.Parallel() // in-process and in its own directory: it overlaps the scripts, which wait on execs
	pdf := agreedPDF(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "deal.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	tampered := coverPageOne(t, pdf)
	if err := os.WriteFile(path, tampered, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ReadContext(bytes.NewReader(tampered), model.NewDefaultConfiguration()); err != nil {
		t.Fatalf("the tampered PDF does not read: %v", err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"verify", path}, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	if code != exitFailure {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitFailure, &stdout, &stderr)
	}
	if !strings.Contains(stderr.String(), "incremental update") {
		t.Fatalf("stderr does not say why:\n%s", &stderr)
	}
}

// coverPageOne appends to pdf (one classic cross-reference table, as gofpdf
// writes it) an incremental update that draws a white box over the first
// page's text, as anyone can with a PDF editor.
func coverPageOne(t *testing.T, pdf []byte) []byte {
	t.Helper()
	page := bytes.Index(pdf, []byte("<</Type /Page\n"))
	start := bytes.LastIndex(pdf[:page-1], []byte("\n")) + 1
	var num int
	if _, err := fmt.Sscanf(string(pdf[start:page]), "%d 0 obj", &num); err != nil {
		t.Fatal(err)
	}
	end := page + bytes.Index(pdf[page:], []byte(">>"))
	dict := string(pdf[page:end])
	var contents int
	i := strings.Index(dict, "/Contents ")
	if _, err := fmt.Sscanf(dict[i:], "/Contents %d 0 R", &contents); err != nil {
		t.Fatal(err)
	}
	tail := string(pdf[bytes.LastIndex(pdf, []byte("trailer")):])
	var size, root, info, prev int
	if _, err := fmt.Sscanf(tail, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d", &size, &root, &info, &prev); err != nil {
		t.Fatal(err)
	}
	out := bytes.NewBuffer(bytes.Clone(pdf))
	pageAt := out.Len()
	fmt.Fprintf(out, "%d 0 obj\n%s", num, dict[:i])
	fmt.Fprintf(out, "/Contents [%d 0 R %d 0 R]>>\nendobj\n", contents, size)
	boxAt := out.Len()
	draw := "1 1 1 rg 20 100 560 700 re f\n"
	fmt.Fprintf(out, "%d 0 obj\n<</Length %d>>\nstream\n%sendstream\nendobj\n", size, len(draw), draw)
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n", num, pageAt, size, boxAt)
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", size+1, root, info, prev, xref)
	return out.Bytes()
}
