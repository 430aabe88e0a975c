package pades

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"math/big"
	"time"
)

// Subject is who a self-signed certificate names: the party's name and
// its account on the platform.
type Subject struct {
	Name, Account string
}

func name(s Subject) []byte {
	rdn := func(o []byte, v string) []byte { return set(seq(o, utf8(v))) }
	parts := [][]byte{rdn(oid(oidCommonName), s.Name)}
	if s.Account != "" {
		parts = append(parts, rdn(oid(oidOrgUnit), s.Account))
	}
	return seq(parts...)
}

func certTime(t time.Time) []byte {
	t = t.UTC()
	if t.Year() >= 1950 && t.Year() < 2050 {
		return der(0x17, []byte(t.Format("060102150405Z")))
	}
	return der(0x18, []byte(t.Format("20060102150405Z")))
}

// TBSCertificate returns the DER TBSCertificate of the self-signed
// certificate for key: subject and issuer both s, valid from notBefore
// (the confirmation time) with no expiry (99991231235959Z, RFC 5280
// §4.1.2.5), key usage digital signature and non-repudiation, and a serial
// number derived from the key, the subject and the time, so the same
// inputs always give the same certificate. The device signs these bytes
// (ECDSA P-256 over their SHA-256); [Certificate] adds the signature.
func TBSCertificate(key *ecdsa.PublicKey, s Subject, notBefore time.Time) ([]byte, error) {
	if key == nil {
		return nil, errors.New("pades: no key")
	}
	spki, err := x509.MarshalPKIXPublicKey(key)
	if err != nil {
		return nil, fmt.Errorf("pades: %w", err)
	}
	if s.Name == "" {
		return nil, errors.New("pades: a certificate needs the signer's name")
	}
	nm := name(s)
	h := sha256.New()
	h.Write(spki)
	h.Write(nm)
	h.Write([]byte(notBefore.UTC().Format(time.RFC3339)))
	serial := new(big.Int).SetBytes(h.Sum(nil)[:16])
	serial.Rsh(serial, 1) // positive, at most 127 bits, as RFC 5280 wants
	// keyUsage: critical, digitalSignature | nonRepudiation.
	ku := seq(oid(oidKeyUsage), der(0x01, []byte{0xff}), octets(der(0x03, []byte{0x06, 0xc0})))
	return seq(
		der(0xa0, integer(big.NewInt(2))),
		integer(serial),
		algID(oidECDSAWithSHA256),
		nm,
		seq(certTime(notBefore), der(0x18, []byte("99991231235959Z"))),
		nm,
		spki,
		der(0xa3, seq(ku)),
	), nil
}

// Certificate returns the DER certificate made of tbs and the device's
// P-256 signature of it (r ‖ s, 64 bytes). It checks that the signature
// verifies with the certificate's own key.
func Certificate(tbs, sig []byte) ([]byte, error) {
	ds, err := ecdsaDER(sig)
	if err != nil {
		return nil, err
	}
	c := seq(tbs, algID(oidECDSAWithSHA256), der(0x03, append([]byte{0}, ds...)))
	cert, err := x509.ParseCertificate(c)
	if err != nil {
		return nil, fmt.Errorf("pades: the certificate does not parse: %w", err)
	}
	if err := cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature); err != nil {
		return nil, fmt.Errorf("pades: the certificate's signature does not verify with its key: %w", err)
	}
	return c, nil
}
