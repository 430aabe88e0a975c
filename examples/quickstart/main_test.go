package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// TestRun runs the quickstart and verifies what it wrote.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	stdout := os.Stdout
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout = devnull
	err = run(dir)
	os.Stdout = stdout
	devnull.Close()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "deal.contract.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := confirm.Verify(data)
	if err != nil || !res.Confirmed || res.Agreed || len(res.Revisions) != 2 {
		t.Fatalf("deal.contract.json: %v", err)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "deal.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if pr, err := confirm.VerifyPDF(pdf); err != nil || !pr.Compared {
		t.Fatalf("deal.pdf: %v", err)
	}
}
