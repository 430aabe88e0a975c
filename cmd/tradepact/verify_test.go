package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/render"
)

func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// A PDF whose pages cannot be compared with a fresh rendering (it claims
// another tradepact version) is not a verified PDF: its attachment may
// verify, but nothing shows that the pages say the same. verify says so
// plainly and exits 1, never 0.
func TestVerifyPDFOfAnotherVersionIsNotVerified(t *testing.T) {
	a, err := agreement.Load("../../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seller, err := confirm.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Propose(a, seller, time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("", 8*3600)))
	if err != nil {
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
	v, w := "tradepact "+render.Version, "tradepact "+strings.Repeat("9", len(render.Version))
	other := bytes.ReplaceAll(pdf.Bytes(), utf16BE(v), utf16BE(w))
	other = bytes.ReplaceAll(other, []byte(v), []byte(w))
	if bytes.Equal(other, pdf.Bytes()) {
		t.Fatal("no Creator to change")
	}

	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		pdf    []byte
		code   int
		stdout string
		stderr string
	}{
		{"same version", pdf.Bytes(), exitUnconfirmed, "exactly what the embedded contract file renders to", ""},
		{"other version", other, exitFailure, "", "cannot be compared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".pdf")
			if err := os.WriteFile(path, tc.pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"verify", path}, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Fatalf("stdout:\n%s\nstderr:\n%s", &stdout, &stderr)
			}
			if tc.code == exitFailure && !strings.Contains(stderr.String(), "not verified") {
				t.Fatalf("the error does not say the pages are not verified:\n%s", &stderr)
			}
		})
	}
}
