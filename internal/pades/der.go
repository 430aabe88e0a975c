// Package pades builds and checks the pieces of a PAdES B-B PDF signature
// (ETSI EN 319 142-1) without a clock or randomness: a self-signed
// certificate per key, the CMS signed attributes (content-type,
// message-digest, ESS signing-certificate-v2, and no signing-time), the CMS
// SignedData around a device's ECDSA P-256 signature, and the incremental
// update that puts it into a PDF. The device signs the DER bytes this
// package returns (the TBSCertificate and the signed attributes), so the
// key never has to be here: the signatures can be made elsewhere, stored,
// and assembled later into the same bytes.
package pades

import (
	"bytes"
	"encoding/asn1"
	"errors"
	"math/big"
	"slices"
)

// Object identifiers.
var (
	oidData            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidSigningCertV2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256          = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidCommonName      = asn1.ObjectIdentifier{2, 5, 4, 3}
	oidOrgUnit         = asn1.ObjectIdentifier{2, 5, 4, 11}
	oidKeyUsage        = asn1.ObjectIdentifier{2, 5, 29, 15}
)

// oidConfirmation is the DER of the unsigned attribute type that carries a
// tradepact confirmation entry (its JSON, as an OCTET STRING) in a
// SignerInfo: 2.25.<UUID 5f1c2c1e-6b8e-4f0a-9d35-6a1f2d9b7c41 as an
// integer> (ITU-T X.667, no registration needed). Its arc does not fit
// asn1.ObjectIdentifier's ints, so it is encoded here.
var oidConfirmation = func() []byte {
	n, _ := new(big.Int).SetString("5f1c2c1e6b8e4f0a9d356a1f2d9b7c41", 16)
	var arc []byte
	for n.Sign() > 0 {
		arc = append([]byte{byte(n.Int64() & 0x7f)}, arc...)
		n.Rsh(n, 7)
	}
	for i := 0; i < len(arc)-1; i++ {
		arc[i] |= 0x80
	}
	return der(0x06, append([]byte{2*40 + 25}, arc...))
}()

// der writes one TLV.
func der(tag byte, content ...[]byte) []byte {
	n := 0
	for _, c := range content {
		n += len(c)
	}
	b := []byte{tag}
	switch {
	case n < 0x80:
		b = append(b, byte(n))
	case n < 0x100:
		b = append(b, 0x81, byte(n))
	case n < 0x10000:
		b = append(b, 0x82, byte(n>>8), byte(n))
	default:
		b = append(b, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, c := range content {
		b = append(b, c...)
	}
	return b
}

func seq(content ...[]byte) []byte { return der(0x30, content...) }

// set writes a DER SET OF: the elements sorted by their encodings.
func set(elems ...[]byte) []byte {
	s := slices.Clone(elems)
	slices.SortFunc(s, bytes.Compare)
	return der(0x31, s...)
}

func mustMarshal(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err) // only constant, well-formed values reach here
	}
	return b
}

func oid(o asn1.ObjectIdentifier) []byte { return mustMarshal(o) }

func octets(b []byte) []byte { return der(0x04, b) }

func algID(o asn1.ObjectIdentifier) []byte { return seq(oid(o)) }

func integer(n *big.Int) []byte { return mustMarshal(n) }

func utf8(s string) []byte { return der(0x0c, []byte(s)) }

// ecdsaDER converts a P-256 signature r ‖ s (64 bytes) to its DER form.
func ecdsaDER(sig []byte) ([]byte, error) {
	if len(sig) != 64 {
		return nil, errors.New("pades: a P-256 signature is 64 bytes r ‖ s")
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	return asn1.Marshal(struct{ R, S *big.Int }{r, s})
}
