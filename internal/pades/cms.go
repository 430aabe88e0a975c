package pades

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
)

// SignedAttributes returns the DER of the CMS signed attributes, as the
// SET OF (tag 0x31) the device signs: content-type id-data, the
// message-digest (SHA-256 of the PDF bytes the signature's /ByteRange
// covers), and the ESS signing-certificate-v2 naming cert by its SHA-256.
// No signing-time: PAdES B-B forbids it; the time is the PDF signature
// dictionary's /M.
func SignedAttributes(digest [32]byte, cert []byte) []byte {
	ch := sha256.Sum256(cert)
	return set(
		seq(oid(oidContentType), set(oid(oidData))),
		seq(oid(oidMessageDigest), set(octets(digest[:]))),
		// SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { certHash } }:
		// hashAlgorithm is left out, SHA-256 being its DEFAULT.
		seq(oid(oidSigningCertV2), set(seq(seq(seq(octets(ch[:])))))),
	)
}

// SignedData returns the DER CMS ContentInfo (SignedData, detached) for a
// PDF signature: the certificate cert (and the chain above it), one
// SignerInfo with the signed attributes attrs (as [SignedAttributes]
// returns them) and the device's P-256 signature of them (r ‖ s), and,
// when entry is not empty, the unsigned attribute that carries a
// confirmation entry.
func SignedData(cert []byte, chain [][]byte, attrs, sig, entry []byte) ([]byte, error) {
	c, err := x509.ParseCertificate(cert)
	if err != nil {
		return nil, fmt.Errorf("pades: certificate: %w", err)
	}
	if len(attrs) == 0 || attrs[0] != 0x31 {
		return nil, errors.New("pades: the signed attributes are not a DER SET")
	}
	ds, err := ecdsaDER(sig)
	if err != nil {
		return nil, err
	}
	signed := append([]byte{0xa0}, attrs[1:]...) // [0] IMPLICIT
	si := [][]byte{
		integer(big.NewInt(1)),
		seq(c.RawIssuer, integer(c.SerialNumber)),
		algID(oidSHA256),
		signed,
		algID(oidECDSAWithSHA256),
		octets(ds),
	}
	if len(entry) > 0 {
		si = append(si, der(0xa1, seq(oidConfirmation, set(octets(entry)))))
	}
	certs := append([][]byte{cert}, chain...)
	sd := seq(
		integer(big.NewInt(1)),
		set(algID(oidSHA256)),
		seq(oid(oidData)),
		der(0xa0, certs...),
		set(seq(si...)),
	)
	return seq(oid(oidSignedData), der(0xa0, sd)), nil
}

// CMS is a parsed PDF signature.
type CMS struct {
	// Cert is the signer's certificate (the one the SignerInfo names);
	// Chain the other certificates.
	Cert  *x509.Certificate
	Chain []*x509.Certificate
	// Attrs is the DER SET of the signed attributes, as signed.
	Attrs []byte
	// Signature is the signature of Attrs, DER.
	Signature []byte
	// Digest is the message-digest attribute.
	Digest []byte
	// CertHash is the signing-certificate-v2 hash (nil when absent).
	CertHash []byte
	// SigningTime reports whether the forbidden signing-time attribute
	// is present.
	SigningTime bool
	// Entry is the confirmation entry the unsigned attribute carries.
	Entry []byte
}

type attribute struct {
	Type   asn1.ObjectIdentifier
	Values []asn1.RawValue `asn1:"set"`
}

// Parse reads a CMS ContentInfo as [SignedData] writes it: SignedData,
// detached, one SignerInfo, SHA-256 and ECDSA.
func Parse(der []byte) (*CMS, error) {
	var ci struct {
		Type    asn1.ObjectIdentifier
		Content asn1.RawValue `asn1:"explicit,tag:0"`
	}
	rest, err := asn1.Unmarshal(der, &ci)
	if err != nil {
		return nil, fmt.Errorf("pades: CMS: %w", err)
	}
	if len(bytes.Trim(rest, "\x00")) != 0 || !ci.Type.Equal(oidSignedData) {
		return nil, errors.New("pades: CMS: not one SignedData")
	}
	var sd struct {
		Version    int
		Digests    asn1.RawValue
		Encap      asn1.RawValue
		Certs      asn1.RawValue   `asn1:"optional,tag:0"`
		CRLs       asn1.RawValue   `asn1:"optional,tag:1"`
		SignerInfo []asn1.RawValue `asn1:"set"`
	}
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		return nil, fmt.Errorf("pades: SignedData: %w", err)
	}
	var encap struct {
		Type    asn1.ObjectIdentifier
		Content asn1.RawValue `asn1:"optional,explicit,tag:0"`
	}
	if _, err := asn1.Unmarshal(sd.Encap.FullBytes, &encap); err != nil || !encap.Type.Equal(oidData) || len(encap.Content.Bytes) != 0 {
		return nil, errors.New("pades: SignedData: not detached id-data")
	}
	if len(sd.SignerInfo) != 1 {
		return nil, fmt.Errorf("pades: SignedData: %d signers, want 1", len(sd.SignerInfo))
	}
	var certs []*x509.Certificate
	for b := sd.Certs.Bytes; len(b) > 0; {
		var raw asn1.RawValue
		r, err := asn1.Unmarshal(b, &raw)
		if err != nil {
			return nil, fmt.Errorf("pades: certificates: %w", err)
		}
		c, err := x509.ParseCertificate(raw.FullBytes)
		if err != nil {
			return nil, fmt.Errorf("pades: certificate: %w", err)
		}
		certs = append(certs, c)
		b = r
	}
	var si struct {
		Version int
		SID     struct {
			Issuer asn1.RawValue
			Serial *big.Int
		}
		DigestAlg struct{ Algorithm asn1.ObjectIdentifier }
		Signed    asn1.RawValue `asn1:"tag:0"`
		SigAlg    struct{ Algorithm asn1.ObjectIdentifier }
		Signature []byte
		Unsigned  asn1.RawValue `asn1:"optional,tag:1"`
	}
	if _, err := asn1.Unmarshal(sd.SignerInfo[0].FullBytes, &si); err != nil {
		return nil, fmt.Errorf("pades: SignerInfo: %w", err)
	}
	if !si.DigestAlg.Algorithm.Equal(oidSHA256) || !si.SigAlg.Algorithm.Equal(oidECDSAWithSHA256) {
		return nil, errors.New("pades: SignerInfo: not SHA-256 with ECDSA")
	}
	out := &CMS{Signature: si.Signature, Attrs: append([]byte{0x31}, si.Signed.FullBytes[1:]...)}
	for _, c := range certs {
		if out.Cert == nil && bytes.Equal(c.RawIssuer, si.SID.Issuer.FullBytes) && c.SerialNumber.Cmp(si.SID.Serial) == 0 {
			out.Cert = c
		} else {
			out.Chain = append(out.Chain, c)
		}
	}
	if out.Cert == nil {
		return nil, errors.New("pades: the signer's certificate is not in the CMS")
	}
	var attrs []attribute
	if _, err := asn1.UnmarshalWithParams(out.Attrs, &attrs, "set"); err != nil {
		return nil, fmt.Errorf("pades: signed attributes: %w", err)
	}
	for _, a := range attrs {
		if len(a.Values) != 1 {
			return nil, fmt.Errorf("pades: attribute %v: %d values", a.Type, len(a.Values))
		}
		v := a.Values[0].FullBytes
		switch {
		case a.Type.Equal(oidMessageDigest):
			if _, err := asn1.Unmarshal(v, &out.Digest); err != nil {
				return nil, fmt.Errorf("pades: message-digest: %w", err)
			}
		case a.Type.Equal(oidSigningTime):
			out.SigningTime = true
		case a.Type.Equal(oidSigningCertV2):
			var sc struct {
				Certs []struct {
					Hash []byte
				}
			}
			if _, err := asn1.Unmarshal(v, &sc); err != nil || len(sc.Certs) == 0 {
				return nil, errors.New("pades: signing-certificate-v2 does not parse")
			}
			out.CertHash = sc.Certs[0].Hash
		}
	}
	if len(si.Unsigned.Bytes) > 0 {
		for b := si.Unsigned.Bytes; len(b) > 0; {
			var raw asn1.RawValue
			r, err := asn1.Unmarshal(b, &raw)
			if err != nil {
				return nil, fmt.Errorf("pades: unsigned attributes: %w", err)
			}
			if bytes.HasPrefix(raw.Bytes, oidConfirmation) {
				var vals []asn1.RawValue
				if _, err := asn1.UnmarshalWithParams(raw.Bytes[len(oidConfirmation):], &vals, "set"); err != nil || len(vals) != 1 {
					return nil, errors.New("pades: the confirmation attribute does not parse")
				}
				if _, err := asn1.Unmarshal(vals[0].FullBytes, &out.Entry); err != nil {
					return nil, errors.New("pades: the confirmation attribute is not an OCTET STRING")
				}
			}
			b = r
		}
	}
	return out, nil
}

// Verify checks a parsed PDF signature against the SHA-256 of the bytes
// its /ByteRange covers: the message-digest equals it, the signed
// attributes' signature verifies with the certificate's P-256 key, the
// signing-certificate-v2 hash names that certificate, and there is no
// signing-time attribute. It returns the signer's key.
func (c *CMS) Verify(digest [32]byte) (*ecdsa.PublicKey, error) {
	if !bytes.Equal(c.Digest, digest[:]) {
		return nil, errors.New("the document digest does not match the signed one: the signed bytes were changed")
	}
	key, ok := c.Cert.PublicKey.(*ecdsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("the certificate holds a %T key, not ECDSA P-256", c.Cert.PublicKey)
	}
	h := sha256.Sum256(c.Attrs)
	if !ecdsa.VerifyASN1(key, h[:], c.Signature) {
		return nil, errors.New("the signature does not verify with the certificate's key")
	}
	ch := sha256.Sum256(c.Cert.Raw)
	if !bytes.Equal(c.CertHash, ch[:]) {
		return nil, errors.New("the signing-certificate-v2 attribute does not name the certificate (missing or swapped)")
	}
	if c.SigningTime {
		return nil, errors.New("a signing-time attribute, which PAdES B-B forbids")
	}
	return key, nil
}
