package confirm

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/tradepact/tradepact/confirm/internal/format"
	"github.com/tradepact/tradepact/internal/pades"
	"github.com/tradepact/tradepact/render"
)

// PDFSignatureInfo is one PDF signature [VerifyPDF] checked: its byte
// range, CMS signature, signed attributes and certificate, and that the
// certificate's key is the key of the confirmation it carries, which is
// the key the contract file records for that role.
type PDFSignatureInfo struct {
	Role Role
	Key  PublicKey
	// Time is the confirmation's time, as recorded (the signature
	// dictionary's /M says the same instant).
	Time string
	// Certifies is true for the first signature, the certification
	// (DocMDP P=2): a viewer flags any later change but a signature.
	Certifies bool
}

// isSignedPDF reports whether pdf holds PDF signatures of the kind
// tradepact writes.
func isSignedPDF(pdf []byte) bool {
	return bytes.Contains(pdf, []byte("/SubFilter /ETSI.CAdES.detached")) && bytes.Contains(pdf, []byte("/ByteRange ["))
}

type pdfSigPart struct {
	cms  *pades.CMS
	end  int
	info PDFSignatureInfo
}

func sigErr(n int, format string, a ...any) error {
	return &PDFError{Problem: "signature invalid", Err: fmt.Errorf("PDF signature %d: "+format, append([]any{n}, a...)...)}
}

// pdfSignatures reads and checks every signature of pdf, in file order:
// each /ByteRange starts at 0, leaves out exactly its /Contents, and ends
// where its update ends; the last ends at the end of the file; the CMS
// message digest is the SHA-256 of the covered bytes and its signature
// verifies with the certificate, which the signed attributes name.
func pdfSignatures(pdf []byte) ([]pdfSigPart, error) {
	var parts []pdfSigPart
	prevEnd := 0
	for at := 0; ; {
		i := bytes.Index(pdf[at:], []byte("/ByteRange ["))
		if i < 0 {
			break
		}
		i += at
		at = i + 1
		n := len(parts) + 1
		var br [4]int
		rest := pdf[i+len("/ByteRange ["):]
		for k := range br {
			rest = bytes.TrimLeft(rest, " ")
			j := bytes.IndexAny(rest, " ]")
			if j <= 0 || j > 12 {
				return nil, sigErr(n, "a malformed /ByteRange")
			}
			v, err := strconv.Atoi(string(rest[:j]))
			if err != nil || v < 0 {
				return nil, sigErr(n, "a malformed /ByteRange")
			}
			br[k] = v
			rest = rest[j:]
		}
		a, b, c, d := br[0], br[1], br[2], br[3]
		if a != 0 || b >= c || c+d > len(pdf) || c+d <= prevEnd || pdf[b] != '<' || pdf[c-1] != '>' {
			return nil, sigErr(n, "the byte range does not cover the file from its start up to its update's end, less its signature")
		}
		if i < b-len("/ByteRange [0 0000000000 0000000000 0000000000] /Contents ")-16 || i > b {
			return nil, sigErr(n, "the byte range leaves out other bytes than its own signature")
		}
		if !bytes.HasSuffix(pdf[:c+d], []byte("%%EOF\n")) {
			return nil, sigErr(n, "the byte range does not end at the end of an update")
		}
		raw, err := hex.DecodeString(string(pdf[b+1 : c-1]))
		if err != nil {
			return nil, sigErr(n, "/Contents is not hex")
		}
		var v asn1.RawValue
		if _, err := asn1.Unmarshal(raw, &v); err != nil {
			return nil, sigErr(n, "%v", err)
		}
		cms, err := pades.Parse(v.FullBytes)
		if err != nil {
			return nil, sigErr(n, "%v", err)
		}
		h := sha256.New()
		h.Write(pdf[:b])
		h.Write(pdf[c : c+d])
		var digest [32]byte
		h.Sum(digest[:0])
		if _, err := cms.Verify(digest); err != nil {
			return nil, sigErr(n, "%v", err)
		}
		parts = append(parts, pdfSigPart{cms: cms, end: c + d, info: PDFSignatureInfo{Certifies: n == 1}})
		prevEnd = c + d
	}
	if len(parts) == 0 {
		return nil, &PDFError{Problem: "signature invalid", Err: errors.New("no PDF signature found")}
	}
	if prevEnd != len(pdf) {
		return nil, &PDFError{Problem: "unchecked update", Err: fmt.Errorf("%d bytes follow the last PDF signature; nothing may follow it", len(pdf)-prevEnd)}
	}
	return parts, nil
}

// reassemble rebuilds the contract file a signed PDF carries: the
// attached file (up to the latest revision), the confirmation entries
// its signatures carry, and their PDF signatures.
func reassemble(pdf []byte) ([]byte, []pdfSigPart, error) {
	parts, err := pdfSignatures(pdf)
	if err != nil {
		return nil, nil, err
	}
	data0, _, err := readPDF(pdf)
	if err != nil {
		return nil, nil, err
	}
	f, err := format.Parse(data0)
	if err != nil || len(f.Entries) == 0 || len(f.PDFSignatures) > 0 || f.Entries[len(f.Entries)-1].Type != format.TypeRevision {
		return nil, nil, &PDFError{Problem: "no contract file", Err: errors.New("the embedded contract file is not the base of a signed PDF (the history up to the latest revision)")}
	}
	for i, p := range parts {
		d := json.NewDecoder(bytes.NewReader(p.cms.Entry))
		d.DisallowUnknownFields()
		var e format.Entry
		if err := d.Decode(&e); err != nil || e.Type != format.TypeConfirmation {
			return nil, nil, sigErr(i+1, "it carries no confirmation")
		}
		k := PublicKey(e.Key)
		want, ok := k.p256()
		if key, isEC := p.cms.Cert.PublicKey.(*ecdsa.PublicKey); !ok || !isEC || !key.Equal(want) {
			return nil, nil, sigErr(i+1, "the certificate's key is not the key of the confirmation it carries")
		}
		h, err := format.Hash(&e)
		if err != nil {
			return nil, nil, sigErr(i+1, "%v", err)
		}
		sig, err := SignatureFromDER(p.cms.Signature)
		if err != nil {
			return nil, nil, sigErr(i+1, "%v", err)
		}
		var chain [][]byte
		for _, c := range p.cms.Chain {
			chain = append(chain, c.Raw)
		}
		f.Entries = append(f.Entries, &e)
		f.PDFSignatures = append(f.PDFSignatures, &format.PDFSignature{Confirmation: Digest(h).String(), Renderer: render.Version,
			Certificate: p.cms.Cert.Raw, Chain: chain, SignedAttributes: p.cms.Attrs, Signature: sig})
		parts[i].info.Role, parts[i].info.Key, parts[i].info.Time = Role(e.Role), k, e.Time
	}
	f.Version = format.VersionPDF
	data, err := format.Marshal(f)
	return data, parts, err
}

// verifySignedPDF verifies a PDF with PDF signatures: every signature
// (pdfSignatures), the contract file reassembled from the attachment and
// the signatures (Verify, with opts: pinned keys apply), and that the PDF
// is byte for byte what that file renders to, so that nothing follows the
// last signature and no page differs.
func verifySignedPDF(pdf []byte, cfg *config, opts []Option) (*PDFResult, error) {
	data, parts, err := reassemble(pdf)
	if err != nil {
		return nil, err
	}
	res, err := Verify(data, opts...)
	if err != nil {
		return nil, err
	}
	again, err := pdfOf(res, data, cfg)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(again, pdf) {
		return nil, &PDFError{Problem: "pages differ", Err: fmt.Errorf(
			"the signed PDF is not what its contract file and signatures assemble to with tradepact %s: it was changed, or made by another version", render.Version)}
	}
	out := &PDFResult{Result: res, Compared: true}
	for _, p := range parts {
		out.Signatures = append(out.Signatures, p.info)
	}
	return out, nil
}
