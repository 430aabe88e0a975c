package confirm_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/pades"
	"github.com/tradepact/tradepact/render"
)

func pinnedP256(t testing.TB) []confirm.Option {
	return []confirm.Option{
		confirm.TrustKey(confirm.Seller, p256key(t, "seller").Public()),
		confirm.TrustKey(confirm.Buyer, p256key(t, "buyer").Public()),
	}
}

func signedPDF(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := confirm.WritePDF(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfsig runs poppler's pdfsig and returns its text: it exits 0 even on
// "Digest Mismatch.", so only the text says anything.
func pdfsig(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfsig is missing (poppler-utils)")
		}
		t.Skip("pdfsig is missing (poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("pdfsig", p).CombinedOutput()
	return string(out)
}

type sigAt struct{ b, c, d int }

// byteRanges returns each signature's /ByteRange (a, b, c, d with a = 0).
func byteRanges(t *testing.T, pdf []byte) []sigAt {
	t.Helper()
	var out []sigAt
	for at := 0; ; {
		i := bytes.Index(pdf[at:], []byte("/ByteRange [0 "))
		if i < 0 {
			return out
		}
		var s sigAt
		if _, err := fmt.Sscanf(string(pdf[at+i+len("/ByteRange [0 "):]), "%d %d %d", &s.b, &s.c, &s.d); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
		at += i + 1
	}
}

// A contract both parties confirmed with P-256 keys renders to a PDF with
// both parties' PAdES signatures, in confirmation order, each in its own
// update, the first certifying; the same file gives the same bytes;
// VerifyPDF reads both, and pdfsig and qpdf agree.
func TestSignedPDFFlow(t *testing.T) {
	data := flowP256(t)
	if !bytes.Contains(data, []byte(`"tradepact_contract": 3`)) || bytes.Count(data, []byte(`"signed_attributes"`)) != 3 {
		t.Fatalf("want version 3 and 3 PDF signatures (revision 1 seller, revision 2 buyer and seller):\n%.300s", data)
	}
	pdf := signedPDF(t, data)
	if !bytes.Equal(pdf, signedPDF(t, data)) {
		t.Fatal("the same contract file gives other PDF bytes")
	}
	brs := byteRanges(t, pdf)
	if len(brs) != 2 || brs[1].c+brs[1].d != len(pdf) || brs[0].c+brs[0].d >= brs[1].b {
		t.Fatalf("byte ranges %v for %d bytes", brs, len(pdf))
	}
	if n := bytes.Count(pdf, []byte("/TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2")); n != 1 {
		t.Errorf("%d DocMDP P=2 references, want 1 (the first signature)", n)
	}
	pr, err := confirm.VerifyPDF(pdf, pinnedP256(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if !pr.Agreed || !pr.PagesVerified() || len(pr.Signatures) != 2 {
		t.Fatalf("agreed %v, pages %v, %d signatures", pr.Agreed, pr.PagesVerified(), len(pr.Signatures))
	}
	s0, s1 := pr.Signatures[0], pr.Signatures[1]
	if s0.Role != confirm.Buyer || !s0.Certifies || s1.Role != confirm.Seller || s1.Certifies ||
		s0.Key != p256key(t, "buyer").Public() || s1.Key != p256key(t, "seller").Public() {
		t.Errorf("signatures %+v", pr.Signatures)
	}
	got, err := confirm.ExtractContract(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := confirm.Verify(got, pinnedP256(t)...); err != nil {
		t.Fatalf("the reassembled contract file does not verify: %v", err)
	}

	out := pdfsig(t, pdf)
	if n := strings.Count(out, "Signature is Valid."); n != 2 || !strings.Contains(out, "Total document signed") {
		t.Fatalf("pdfsig:\n%s", out)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		p := filepath.Join(t.TempDir(), "q.pdf")
		os.WriteFile(p, pdf, 0o644)
		if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}

	t.Run("a signed byte changed (the title)", func(t *testing.T) {
		bad := bytes.Clone(pdf)
		i := bytes.Index(bad, []byte("/Title "))
		bad[i+10] ^= 1
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(bad); !errors.As(err, &pe) || pe.Problem != "signature invalid" {
			t.Fatalf("error %v", err)
		}
		if out := pdfsig(t, bad); strings.Count(out, "Digest Mismatch.") != 2 {
			t.Errorf("pdfsig:\n%s", out)
		}
	})
	t.Run("update after the second signature", func(t *testing.T) {
		bad := append(bytes.Clone(pdf), fmt.Sprintf("1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n1 1\n%010d 00000 n \ntrailer\n<< /Size 2 /Prev 0 >>\nstartxref\n%d\n%%%%EOF\n", len(pdf), len(pdf)+40)...)
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(bad); !errors.As(err, &pe) || pe.Problem != "unchecked update" {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("second signature removed", func(t *testing.T) {
		first := pdf[:brs[0].c+brs[0].d]
		pr, err := confirm.VerifyPDF(first, pinnedP256(t)...)
		if err != nil {
			t.Fatal(err)
		}
		if pr.Agreed || len(pr.Signatures) != 1 || pr.State() != confirm.StatePending {
			t.Errorf("one signature left: agreed %v, state %v, %d signatures", pr.Agreed, pr.State(), len(pr.Signatures))
		}
	})
	t.Run("signature by a key that is not the role's", func(t *testing.T) {
		// Mallory signs the same bytes with a valid CMS of his own and
		// keeps the seller's confirmation in it: pdfsig calls it valid,
		// tradepact does not.
		mallory := p256key(t, "mallory")
		scalar := sha256.Sum256([]byte("tradepact test key p256 mallory"))
		priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar[:])
		if err != nil {
			t.Fatal(err)
		}
		ek := &priv.PublicKey
		s := brs[1]
		h := sha256.New()
		h.Write(pdf[:s.b])
		h.Write(pdf[s.c : s.c+s.d])
		var d [32]byte
		h.Sum(d[:0])
		sign := func(msg []byte) []byte {
			sig, err := mallory.Sign(msg)
			if err != nil {
				t.Fatal(err)
			}
			return sig
		}
		tbs, _ := pades.TBSCertificate(ek, pades.Subject{Name: "陳志明", Account: "chen_cameras"}, time.Date(2026, 11, 22, 2, 9, 0, 0, time.UTC))
		cert, err := pades.Certificate(tbs, sign(tbs))
		if err != nil {
			t.Fatal(err)
		}
		orig := parseCMS(t, pdf, s)
		attrs := pades.SignedAttributes(d, cert)
		cms, err := pades.SignedData(cert, nil, attrs, sign(attrs), orig.Entry)
		if err != nil {
			t.Fatal(err)
		}
		bad := bytes.Clone(pdf)
		h2 := make([]byte, s.c-s.b-2)
		for i := range h2 {
			h2[i] = '0'
		}
		hex.Encode(h2, cms)
		copy(bad[s.b+1:], h2)
		if out := pdfsig(t, bad); strings.Count(out, "Signature is Valid.") != 2 {
			t.Logf("pdfsig (expected to call it valid):\n%s", out)
		}
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(bad); !errors.As(err, &pe) || pe.Problem != "signature invalid" || !strings.Contains(err.Error(), "not the key of the confirmation") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("certificates swapped in the PDF", func(t *testing.T) {
		bad := bytes.Clone(pdf)
		c0, c1 := parseCMS(t, pdf, brs[0]), parseCMS(t, pdf, brs[1])
		for i, pair := range [][2]*pades.CMS{{c0, c1}, {c1, c0}} {
			rs, err := confirm.SignatureFromDER(pair[0].Signature)
			if err != nil {
				t.Fatal(err)
			}
			cms, err := pades.SignedData(pair[1].Cert.Raw, nil, pair[0].Attrs, rs, pair[0].Entry)
			if err != nil {
				t.Fatal(err)
			}
			s := brs[i]
			h := bytes.Repeat([]byte("0"), s.c-s.b-2)
			hex.Encode(h, cms)
			copy(bad[s.b+1:], h)
		}
		if out := pdfsig(t, bad); strings.Contains(out, "Signature is Valid.") {
			t.Errorf("pdfsig calls a signature with the other party's certificate valid:\n%s", out)
		}
		var pe *confirm.PDFError
		if _, err := confirm.VerifyPDF(bad); !errors.As(err, &pe) || pe.Problem != "signature invalid" {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("certificates swapped in the file", func(t *testing.T) {
		bad := edit(t, data, func(f map[string]any) {
			sigs := f["pdf_signatures"].([]any)
			a, b := sigs[1].(map[string]any), sigs[2].(map[string]any)
			a["certificate"], b["certificate"] = b["certificate"], a["certificate"]
		})
		var me *confirm.MalformedError
		if _, err := confirm.Verify(bad); !errors.As(err, &me) {
			t.Fatalf("error %T %v", err, err)
		}
	})
	t.Run("another renderer", func(t *testing.T) {
		old := edit(t, data, func(f map[string]any) {
			for _, s := range f["pdf_signatures"].([]any) {
				s.(map[string]any)["renderer"] = "0.7.0"
			}
		})
		var b bytes.Buffer
		if _, err := confirm.WritePDF(&b, old); !errors.Is(err, confirm.ErrRendererVersion) || !strings.Contains(err.Error(), "0.7.0") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("version rule", func(t *testing.T) {
		v2 := edit(t, data, func(f map[string]any) { f["tradepact_contract"] = 2 })
		v3 := edit(t, flowP256NoPDF(t), func(f map[string]any) { f["tradepact_contract"] = 3 })
		for _, b := range [][]byte{v2, v3} {
			var me *confirm.MalformedError
			if _, err := confirm.Verify(b); !errors.As(err, &me) {
				t.Errorf("error %T %v", err, err)
			}
		}
	})
}

// flowP256NoPDF is a P-256 file without PDF signatures (two-step
// signing, which does not make them).
func flowP256NoPDF(t *testing.T) []byte {
	t.Helper()
	k := p256key(t, "seller")
	r, err := confirm.PreparePropose(terms(), k.Public(), at(0))
	if err != nil {
		t.Fatal(err)
	}
	var sigs [][]byte
	for _, p := range r.Payloads {
		s, err := k.Sign(p)
		if err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, s)
	}
	c, err := confirm.Submit(nil, r, sigs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseCMS(t *testing.T, pdf []byte, s sigAt) *pades.CMS {
	t.Helper()
	raw, err := hex.DecodeString(string(pdf[s.b+1 : s.c-1]))
	if err != nil {
		t.Fatal(err)
	}
	var v asn1.RawValue
	if _, err := asn1.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	c, err := pades.Parse(v.FullBytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Contracts confirmed with Ed25519 keys get the filled signature block but
// no PDF signatures, and the PDF says so.
func TestEd25519PDFHasNoSignatures(t *testing.T) {
	data := flow(t)
	pdf := signedPDF(t, data)
	if bytes.Contains(pdf, []byte("/ByteRange")) {
		t.Fatal("PDF signatures for Ed25519 confirmations")
	}
	pr, err := confirm.VerifyPDF(pdf)
	if err != nil || len(pr.Signatures) != 0 {
		t.Fatalf("%v, %d signatures", err, len(pr.Signatures))
	}
	if got := pdfText(t, data); !strings.Contains(got, "本PDF不含PDF簽章：各方以Ed25519公鑰確認") {
		t.Error("the PDF does not say it has no PDF signatures")
	}
	// A P-256 confirmation made through Submit without its PDF rounds:
	// an unsigned PDF that says why.
	if got := pdfText(t, flowP256NoPDF(t)); !strings.Contains(got, "本PDF不含PDF簽章：本版並非每項確認皆附有PDF簽章") {
		t.Error("the PDF of a P-256 confirmation without its PDF signature does not say why it has none")
	}
}

// FuzzVerifySignedPDF: a changed signed PDF never crashes VerifyPDF, and
// never verifies unless it is byte for byte what its contract file and
// signatures assemble to.
func FuzzVerifySignedPDF(f *testing.F) {
	data := flowP256(f)
	var b bytes.Buffer
	if _, err := confirm.WritePDF(&b, data); err != nil {
		f.Fatal(err)
	}
	pdf := b.Bytes()
	brs := func() []int {
		var out []int
		for at := 0; ; {
			i := bytes.Index(pdf[at:], []byte("/ByteRange [0 "))
			if i < 0 {
				return out
			}
			out = append(out, at+i)
			at += i + 1
		}
	}()
	f.Add(uint32(brs[0]+14), byte('1'), uint32(0))
	f.Add(uint32(brs[1]+20), byte('9'), uint32(0))
	f.Add(uint32(100), byte(0), uint32(len(pdf)-50))
	f.Fuzz(func(t *testing.T, at uint32, v byte, cut uint32) {
		bad := bytes.Clone(pdf)
		bad[int(at)%len(bad)] = v
		if c := int(cut) % len(bad); c > 0 {
			bad = bad[:len(bad)-c]
		}
		pr, err := confirm.VerifyPDF(bad)
		if err == nil && (!bytes.Equal(bad, pdf) && len(pr.Signatures) == 2 || !pr.PagesVerified()) {
			t.Fatalf("a changed signed PDF verified: %d signatures", len(pr.Signatures))
		}
	})
}

// Rendering with other PDF options than the signatures were made with
// would give other bytes: refused with a clear error, not a broken PDF.
func TestSignedPDFOtherOptions(t *testing.T) {
	data := flowP256(t)
	var b bytes.Buffer
	_, err := confirm.WritePDF(&b, data, confirm.WithPDFOptions(render.PageSize(render.Letter)))
	if !errors.Is(err, confirm.ErrRendererVersion) || !strings.Contains(err.Error(), "other bytes") {
		t.Fatalf("error %v", err)
	}
}
