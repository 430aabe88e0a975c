package render_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/internal/pades"
	"github.com/tradepact/tradepact/render"
)

// testKey is a P-256 key derived from name.
func testKey(t testing.TB, name string) *ecdsa.PrivateKey {
	t.Helper()
	d := sha256.Sum256([]byte("pdf sign test " + name))
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// deviceSign signs msg as a device does: ECDSA P-256 over its SHA-256,
// randomised, returned as r ‖ s.
func deviceSign(t testing.TB, k *ecdsa.PrivateKey, msg []byte) []byte {
	t.Helper()
	h := sha256.Sum256(msg)
	r, s, err := ecdsa.Sign(rand.Reader, k, h[:])
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 64)
	r.FillBytes(out[:32])
	s.FillBytes(out[32:])
	return out
}

// storedSig is what a device produced at confirmation time: the
// certificate and, once the digest is known, the CMS.
type storedSig struct {
	cert []byte
	cms  []byte
}

func makeSig(t testing.TB, k *ecdsa.PrivateKey, who pades.Subject, at time.Time, field int, certify bool, st *storedSig) render.PDFSignature {
	t.Helper()
	if st.cert == nil {
		tbs, err := pades.TBSCertificate(&k.PublicKey, who, at)
		if err != nil {
			t.Fatal(err)
		}
		st.cert, err = pades.Certificate(tbs, deviceSign(t, k, tbs))
		if err != nil {
			t.Fatal(err)
		}
	}
	return render.PDFSignature{
		Field: field, Name: who.Name, Time: at, Certify: certify,
		Lines: []string{"Electronically confirmed", "Key 0123 4567 89ab cdef", "20 Nov 2026 14:03 (UTC+8)"},
		Sign: func(d [32]byte) ([]byte, error) {
			if st.cms != nil {
				return st.cms, nil
			}
			attrs := pades.SignedAttributes(d, st.cert)
			cms, err := pades.SignedData(st.cert, nil, attrs, deviceSign(t, k, attrs), []byte(`{"type":"confirmation"}`))
			st.cms = cms
			return cms, err
		},
	}
}

type extracted struct{ cms, covered []byte }

// extractSigs returns each signature's CMS and the bytes its /ByteRange
// covers, read from the PDF as any verifier reads them.
func extractSigs(t *testing.T, pdf []byte) []extracted {
	t.Helper()
	var out []extracted
	for rest, at := pdf, 0; ; {
		i := bytes.Index(rest, []byte("/ByteRange ["))
		if i < 0 {
			return out
		}
		var a, b, c, d int
		if _, err := fmt.Sscanf(string(rest[i+len("/ByteRange ["):]), "%d %d %d %d", &a, &b, &c, &d); err != nil {
			t.Fatal(err)
		}
		all, err := hex.DecodeString(string(pdf[b+1 : c-1]))
		if err != nil {
			t.Fatal(err)
		}
		var raw asn1.RawValue // the CMS, without the zero padding after it
		if _, err := asn1.Unmarshal(all, &raw); err != nil {
			t.Fatal(err)
		}
		cms := raw.FullBytes
		out = append(out, extracted{cms, append(bytes.Clone(pdf[a:a+b]), pdf[c:c+d]...)})
		at += i + 1
		rest = pdf[at:]
	}
}

const reserve = "Electronically confirmedKey 0123456789abcdef JanFebMarAprMayJunJulAugSepOctNovDec:()UTC+-"

// TestSignedPDF signs a contract's PDF for both parties, each in its own
// incremental update, the first a certification (DocMDP P=2), and checks
// it with poppler's pdfsig (read, not its exit status: it exits 0 on
// "Digest Mismatch" too) and qpdf.
func TestSignedPDF(t *testing.T) {
	needTool(t, "pdfsig")
	doc := exampleDoc(t, "goods-en")
	tz := time.FixedZone("", 8*3600)
	seller, buyer := testKey(t, "seller"), testKey(t, "buyer")
	var ss, bs storedSig
	sigs := func(n int) []render.PDFSignature {
		all := []render.PDFSignature{
			makeSig(t, seller, pades.Subject{Name: "Harbor Audio LLC", Account: "ebay:harbor_audio"}, time.Date(2026, 11, 20, 9, 0, 0, 0, tz), 0, true, &ss),
			makeSig(t, buyer, pades.Subject{Name: "Emily Carter", Account: "ebay:ecarter_88"}, time.Date(2026, 11, 20, 14, 3, 0, 0, tz), 1, false, &bs),
		}
		return all[:n]
	}
	var one, two, again bytes.Buffer
	names := [2]string{"Seller", "Buyer"}
	if err := render.SignedPDF(&one, doc, names, reserve, sigs(1)); err != nil {
		t.Fatal(err)
	}
	if err := render.SignedPDF(&two, doc, names, reserve, sigs(2)); err != nil {
		t.Fatal(err)
	}
	if err := render.SignedPDF(&again, doc, names, reserve, sigs(2)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(two.Bytes(), one.Bytes()) {
		t.Fatal("the second signature does not append to the first signer's PDF")
	}
	if !bytes.Equal(two.Bytes(), again.Bytes()) {
		t.Fatal("stored signatures do not assemble into the same bytes")
	}
	dir := t.TempDir()
	if d := os.Getenv("PDF_KEEP"); d != "" {
		dir = d
	}
	path := filepath.Join(dir, "signed.pdf")
	if err := os.WriteFile(path, two.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("pdfsig", path).CombinedOutput()
	if n := strings.Count(string(out), "Signature Validation: Signature is Valid."); n != 2 {
		t.Fatalf("pdfsig: %d valid signatures, want 2:\n%s", n, out)
	}
	if !strings.Contains(string(out), "Total document signed") {
		t.Errorf("pdfsig: the last signature does not cover the whole document:\n%s", out)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}

	// Each CMS, extracted with the bytes it covers, verifies with OpenSSL.
	if _, err := exec.LookPath("openssl"); err == nil || os.Getenv("CI") == "true" {
		for i, sig := range extractSigs(t, two.Bytes()) {
			cms, data := filepath.Join(dir, fmt.Sprintf("sig%d.der", i+1)), filepath.Join(dir, fmt.Sprintf("sig%d.bin", i+1))
			if err := os.WriteFile(cms, sig.cms, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(data, sig.covered, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", data, "-noverify", "-out", os.DevNull).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "Verification successful") {
				t.Errorf("openssl cms -verify, signature %d: %v\n%s", i+1, err, out)
			}
			// No signing-time attribute (PAdES B-B); signing-certificate-v2 present.
			out, _ = exec.Command("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cms).CombinedOutput()
			if strings.Contains(string(out), "signingTime") || !strings.Contains(string(out), "id-smime-aa-signingCertificateV2") {
				t.Errorf("signature %d: signed attributes:\n%s", i+1, out)
			}
		}
	}

	// A byte of page content changed: pdfsig reports it.
	bad := bytes.Clone(two.Bytes())
	i := bytes.Index(bad, []byte("/Title "))
	bad[i+9] ^= 1
	path2 := filepath.Join(dir, "tampered.pdf")
	if err := os.WriteFile(path2, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ = exec.Command("pdfsig", path2).CombinedOutput()
	if strings.Count(string(out), "Digest Mismatch.") != 2 {
		t.Errorf("pdfsig on a changed PDF:\n%s", out)
	}

	// MuPDF, a second independent verifier (mutool sign -v, Debian's
	// mupdf-tools): the first signature is valid with only the second
	// signature's update after it, the second covers the whole document,
	// and the changed byte invalidates both. Like pdfsig it reports in
	// text; a self-signed certificate is named, not an error here.
	if _, err := exec.LookPath("mutool"); err == nil || os.Getenv("CI") == "true" {
		out, err := exec.Command("mutool", "sign", "-v", path).CombinedOutput()
		if err != nil || strings.Count(string(out), "Verifying signature") != 2 ||
			!strings.Contains(string(out), "The signature is valid but there have been edits since signing.") ||
			!strings.Contains(string(out), "The document is unchanged since signing.") ||
			strings.Contains(string(out), "Digest error") {
			t.Errorf("mutool sign -v: %v\n%s", err, out)
		}
		out, _ = exec.Command("mutool", "sign", "-v", path2).CombinedOutput()
		if strings.Count(string(out), "Digest error: Signature invalidated by change to document.") != 2 {
			t.Errorf("mutool sign -v on a changed PDF:\n%s", out)
		}
	} else {
		t.Log("mutool not found (Debian package mupdf-tools): the MuPDF check is skipped")
	}
}
