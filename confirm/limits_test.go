package confirm_test

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// bombPDF is a PDF of a few hundred kilobytes whose embedded contract.json
// inflates to mib MiB of spaces (issue 10: pdfcpu decoded 500 MB of it,
// 1 GB of memory, before any limit applied).
func bombPDF(t testing.TB, mib int) []byte {
	t.Helper()
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for range mib {
		w.Write(chunk)
	}
	w.Close()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(contract.json) 4 0 R] >> >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
		"<< /Type /Filespec /F (contract.json) /UF (contract.json) /EF << /F 5 0 R >> >>",
		fmt.Sprintf("<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// withDocument returns the contract file data with the first revision's
// document replaced by a string of n bytes and its terms given an extra
// array of zeros (tokens of them): the signatures break, but only after
// the whole file was parsed.
func withDocument(t testing.TB, data []byte, n, zeros int) []byte {
	t.Helper()
	return edit(t, data, func(f map[string]any) {
		e := entry(f, 1)
		e["document"] = strings.Repeat("A", n)
		if zeros > 0 {
			e["terms"].(map[string]any)["x"] = make([]any, zeros)
		}
	})
}

// atLimits returns data grown to just below MaxContractSize and
// MaxContractTokens.
func atLimits(t testing.TB, data []byte) []byte {
	t.Helper()
	zeros := confirm.MaxContractTokens - 3000
	b := withDocument(t, data, 0, zeros)
	b = withDocument(t, data, confirm.MaxContractSize-len(b)-64, zeros)
	if len(b) > confirm.MaxContractSize {
		t.Fatalf("%d bytes", len(b))
	}
	return b
}

func TestContractLimits(t *testing.T) {
	data := flow(t)
	for _, tc := range []struct {
		name string
		data []byte
		what string
	}{
		{"bytes", withDocument(t, data, confirm.MaxContractSize, 0), "contract file"},
		{"tokens", withDocument(t, data, 0, confirm.MaxContractTokens), "contract file structure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(name string, err error) {
				t.Helper()
				var le *confirm.LimitError
				if !errors.As(err, &le) || le.What != tc.what {
					t.Fatalf("%s: got %v, want a *LimitError for the %s", name, err, tc.what)
				}
				for _, lang := range []string{"en", "zh-Hans", "zh-Hant"} {
					if m := confirm.ErrorMessage(err, lang); strings.Contains(m, "confirm:") || !strings.Contains(m, "tradepact") {
						t.Errorf("%s: %s message %q", name, lang, m)
					}
				}
			}
			_, err := confirm.Parse(tc.data)
			check("Parse", err)
			_, err = confirm.Verify(tc.data)
			check("Verify", err)
			_, err = confirm.ReadStatus(tc.data)
			check("ReadStatus", err)
			_, err = confirm.WritePDF(new(bytes.Buffer), tc.data)
			check("WritePDF", err)
		})
	}
	// Just below the limits is read (and then fails on its signatures).
	var le *confirm.LimitError
	if _, err := confirm.Verify(atLimits(t, data)); err == nil || errors.As(err, &le) {
		t.Fatalf("a file below the limits: got %v, want a verification error", err)
	}
}

func TestPDFLimits(t *testing.T) {
	var le *confirm.LimitError
	_, err := confirm.VerifyPDF(bombPDF(t, confirm.MaxContractSize>>20+4))
	if !errors.As(err, &le) || le.What != "embedded contract file" {
		t.Fatalf("attachment inflating past MaxContractSize: got %v, want a *LimitError", err)
	}
	if m := confirm.ErrorMessage(err, "zh-Hans"); !strings.Contains(m, "这个 PDF 所附的合同文件解压后大于 16 MiB") {
		t.Errorf("zh-Hans message %q", m)
	}
	big := append([]byte("%PDF-1.7\n"), make([]byte, confirm.MaxPDFSize)...)
	if _, err := confirm.ExtractContract(big); !errors.As(err, &le) || le.What != "PDF" {
		t.Fatalf("a PDF over MaxPDFSize: got %v, want a *LimitError", err)
	}
	// Too many objects, or cross-reference entries, are refused before
	// pdfcpu reads them: 600,000 tiny objects took it minutes and over
	// 300 MiB.
	var objs bytes.Buffer
	objs.WriteString("%PDF-1.7\n")
	for i := range confirm.MaxPDFObjects + 10 {
		fmt.Fprintf(&objs, "%d 0 obj\n[0]\nendobj\n", i+1)
	}
	if _, err := confirm.ExtractContract(objs.Bytes()); !errors.As(err, &le) || le.What != "PDF structure" {
		t.Fatalf("a PDF of %d objects: got %v, want a *LimitError", confirm.MaxPDFObjects+10, err)
	}
	xref := append([]byte("%PDF-1.7\nxref\n"), bytes.Repeat([]byte("0000000000 00000 f\r\n"), confirm.MaxPDFObjects+10)...)
	if _, err = confirm.ExtractContract(xref); !errors.As(err, &le) || le.What != "PDF structure" {
		t.Fatalf("a PDF of %d cross-reference entries: got %v, want a *LimitError", confirm.MaxPDFObjects+10, err)
	}
	if m := confirm.ErrorMessage(err, "zh-Hant"); !strings.Contains(m, "這個 PDF 的物件超過 50000 個") {
		t.Errorf("zh-Hant message %q", m)
	}
	// A real PDF still yields its contract file.
	data := flow(t)
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		t.Fatal(err)
	}
	got, err := confirm.ExtractContract(pdf.Bytes())
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("ExtractContract of a real PDF: %v", err)
	}
}

// worstContractInputs are the worst inputs the limits accept, or just
// above them, each run by TestVerifyRSS in a child process.
var worstContractInputs = map[string]func(t *testing.T){
	// A contract file at MaxContractSize with MaxContractTokens of
	// structure: parsed whole, then refused on its signatures.
	"contract file at the limits": func(t *testing.T) {
		var le *confirm.LimitError
		if _, err := confirm.Verify(atLimits(t, flow(t))); err == nil || errors.As(err, &le) {
			t.Fatalf("got %v, want a verification error after parsing", err)
		}
	},
	// A PDF whose attachment inflates to 500 MB (issue 10).
	"PDF bomb": func(t *testing.T) {
		if _, err := confirm.VerifyPDF(bombPDF(t, 500)); err == nil {
			t.Fatal("verified")
		}
	},
}

// TestVerifyRSS checks that verifying the worst accepted contract file and
// a PDF bomb peaks below 256 MiB, measured in a child process (rusage).
func TestVerifyRSS(t *testing.T) {
	if kind := os.Getenv("TRADEPACT_CONFIRM_RSS_CHILD"); kind != "" {
		worstContractInputs[kind](t)
		if !t.Failed() {
			fmt.Println("rss-child-ok")
		}
		return
	}
	if raceEnabled {
		t.Skip("peak memory is measured without -race, whose shadow memory multiplies it")
	}
	if testing.Short() {
		t.Skip("-short: the child processes take a few seconds")
	}
	const maxRSS = 256 << 20
	for kind := range worstContractInputs {
		t.Run(kind, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestVerifyRSS$", "-test.count=1")
			cmd.Env = append(os.Environ(), "TRADEPACT_CONFIRM_RSS_CHILD="+kind)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil || !strings.Contains(out.String(), "rss-child-ok") {
				t.Fatalf("child: %v\n%s", err, out.String())
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Fatalf("no rusage: %T", cmd.ProcessState.SysUsage())
			}
			rss := ru.Maxrss << 10 // kilobytes on Linux
			t.Logf("%s: peak RSS %d MiB, %v user", kind, rss>>20, cmd.ProcessState.UserTime())
			if rss > maxRSS {
				t.Errorf("%s: peak RSS %d MiB, over %d MiB", kind, rss>>20, maxRSS>>20)
			}
		})
	}
}
