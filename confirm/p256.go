package confirm

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// P-256 keys sit beside Ed25519 ones for devices that hold only P-256 keys
// (a phone's secure element, Android Keystore, WebCrypto in every browser,
// most HSMs). doc/contract-file.md §6 specifies the encodings:
//
//   - public key: "p256:" + standard base64 of the 65-byte uncompressed
//     SEC 1 point (0x04 || X || Y), what WebCrypto exports as "raw";
//   - private key file: "tradepact-private-key v1 p256:" + standard base64
//     of the 32-byte scalar;
//   - signature: ECDSA over SHA-256 of the message, written as r || s, each
//     a 32-byte big-endian integer (IEEE P1363, 64 bytes: what WebCrypto's
//     sign returns), not DER; s must be at most n/2 (low-S), so that nobody
//     can turn a signature into a second valid one and change the entry
//     hash. [Submit] normalises a high s from a device to n - s.
const (
	p256Alg        = "p256:"
	p256PublicSize = 65
	p256SigSize    = 64
)

var (
	p256N     = elliptic.P256().Params().N
	p256HalfN = new(big.Int).Rsh(p256N, 1)
)

func (k PublicKey) p256() (*ecdsa.PublicKey, bool) {
	b64, ok := strings.CutPrefix(string(k), p256Alg)
	if !ok {
		return nil, false
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err != nil || len(raw) != p256PublicSize {
		return nil, false
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), raw)
	return pub, err == nil
}

// valid reports whether k is a well-formed key of a known algorithm and not
// a weak Ed25519 key.
func (k PublicKey) valid() bool {
	if _, ok := k.p256(); ok {
		return true
	}
	_, ok := k.raw()
	return ok
}

// isP256 reports whether k names a P-256 key (well formed or not).
func (k PublicKey) isP256() bool { return strings.HasPrefix(string(k), p256Alg) }

type p256Verifier struct {
	k   PublicKey
	pub *ecdsa.PublicKey
}

func (v p256Verifier) Public() PublicKey { return v.k }

// Verify accepts only the fixed-size, low-S form of a signature.
func (v p256Verifier) Verify(msg, sig []byte) bool {
	if len(sig) != p256SigSize {
		return false
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	if r.Sign() == 0 || s.Sign() == 0 || r.Cmp(p256N) >= 0 || s.Cmp(p256HalfN) > 0 {
		return false
	}
	h := sha256.Sum256(msg)
	return ecdsa.Verify(v.pub, h[:], r, s)
}

// GenerateP256Key returns a new ECDSA P-256 private key whose scalar is
// read from rand (crypto/rand.Reader in real use; the library never chooses
// its own randomness).
func GenerateP256Key(rand io.Reader) (*PrivateKey, error) {
	for range 100 {
		scalar := make([]byte, 32)
		if _, err := io.ReadFull(rand, scalar); err != nil {
			return nil, fmt.Errorf("confirm: generating key: %w", err)
		}
		if k, err := NewP256Key(scalar); err == nil {
			return k, nil
		}
	}
	return nil, errors.New("confirm: generating key: no valid P-256 scalar from the random source")
}

// NewP256Key returns the P-256 private key with the 32-byte big-endian
// scalar given (1 ≤ scalar < n). The same scalar always gives the same key:
// for test vectors and demos, and for keys imported from elsewhere.
func NewP256Key(scalar []byte) (*PrivateKey, error) {
	ec, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar)
	if err != nil {
		return nil, fmt.Errorf("confirm: P-256 key: %w", err)
	}
	pub, err := ec.PublicKey.Bytes()
	if err != nil {
		return nil, fmt.Errorf("confirm: P-256 key: %w", err)
	}
	return &PrivateKey{ec: ec, pub: PublicKey(p256Alg + base64.StdEncoding.EncodeToString(pub))}, nil
}

// SignatureFromDER converts an ECDSA P-256 signature in ASN.1 DER (what
// Go's ecdsa.SignASN1, Android Keystore and Apple's Security framework
// return) to the form a contract file records: r || s, 64 bytes, low-S.
func SignatureFromDER(der []byte) ([]byte, error) {
	var v struct{ R, S *big.Int }
	rest, err := asn1.Unmarshal(der, &v)
	if err != nil || len(rest) > 0 || v.R == nil || v.S == nil {
		return nil, errors.New("confirm: not a DER ECDSA signature")
	}
	if v.R.Sign() <= 0 || v.S.Sign() <= 0 || v.R.Cmp(p256N) >= 0 || v.S.Cmp(p256N) >= 0 {
		return nil, errors.New("confirm: ECDSA signature values out of range")
	}
	out := make([]byte, p256SigSize)
	v.R.FillBytes(out[:32])
	lowS(v.S).FillBytes(out[32:])
	return out, nil
}

// lowS returns s or n - s, whichever is at most n/2.
func lowS(s *big.Int) *big.Int {
	if s.Cmp(p256HalfN) > 0 {
		return new(big.Int).Sub(p256N, s)
	}
	return s
}

// normaliseP256 returns a 64-byte r || s signature with s replaced by n - s
// when it is high, as WebCrypto may return it; anything else is returned
// as it is (and fails verification if it is wrong).
func normaliseP256(k PublicKey, sig []byte) []byte {
	if !k.isP256() || len(sig) != p256SigSize {
		return sig
	}
	s := new(big.Int).SetBytes(sig[32:])
	if s.Cmp(p256HalfN) <= 0 || s.Cmp(p256N) >= 0 {
		return sig
	}
	out := append([]byte(nil), sig[:32]...)
	return append(out, lowS(s).FillBytes(make([]byte, 32))...)
}
