package confirm

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
)

// A Signer signs confirmations with one party's private key.
type Signer interface {
	// Public returns the public key that verifies the signatures.
	Public() PublicKey
	// Sign returns a signature of msg.
	Sign(msg []byte) ([]byte, error)
}

// A Verifier checks signatures made with one public key.
type Verifier interface {
	// Public returns the public key.
	Public() PublicKey
	// Verify reports whether sig is a valid signature of msg.
	Verify(msg, sig []byte) bool
}

// PublicKey is a party's public key in its text form, "ed25519:" followed
// by the standard base64 of the 32-byte Ed25519 public key. This is how it
// appears in contract files, signed messages and .pub files.
type PublicKey string

const (
	keyAlg        = "ed25519:"
	privateHeader = "tradepact-private-key v1 "
	publicHeader  = "tradepact-public-key v1 "
)

// ParsePublicKey parses a public key, either its text form ("ed25519:…")
// or the content of a .pub file written by [PublicKey.MarshalFile].
func ParsePublicKey(s string) (PublicKey, error) {
	// A .pub file that an editor saved with a byte-order mark or CRLF line
	// ends is still the key.
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if strings.HasPrefix(s, privateHeader) {
		// Never echo it: it is the secret.
		return "", errors.New("confirm: this is a private key file; pass the public key (.pub) instead, and keep the private one to yourself")
	}
	s = strings.TrimPrefix(s, publicHeader)
	if b64, ok := strings.CutPrefix(s, p256Alg); ok {
		raw, err := base64.StdEncoding.Strict().DecodeString(b64)
		if err != nil || len(raw) != p256PublicSize {
			return "", fmt.Errorf("confirm: public key %q: want the %d-byte uncompressed P-256 point in standard base64", truncate(s), p256PublicSize)
		}
		if _, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), raw); err != nil {
			return "", fmt.Errorf("confirm: public key %q: not a point of P-256", truncate(s))
		}
		return PublicKey(s), nil
	}
	b64, ok := strings.CutPrefix(s, keyAlg)
	if !ok {
		return "", fmt.Errorf("confirm: public key %q: want %s or %s and base64", truncate(s), keyAlg, p256Alg)
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return "", fmt.Errorf("confirm: public key %q: want %d bytes in standard base64", truncate(s), ed25519.PublicKeySize)
	}
	if weakKey(raw) {
		return "", fmt.Errorf("confirm: public key %q: %w", truncate(s), ErrWeakKey)
	}
	return PublicKey(s), nil
}

func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func (k PublicKey) raw() (ed25519.PublicKey, bool) {
	b64, ok := strings.CutPrefix(string(k), keyAlg)
	if !ok {
		return nil, false
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err != nil || len(raw) != ed25519.PublicKeySize || weakKey(raw) {
		return nil, false
	}
	return raw, true
}

// ErrWeakKey is returned for a public key that no private key stands
// behind alone: a point of small order (whose signatures anyone can make:
// for the identity, R = identity and S = 0 verify for every message), or a
// non-canonical encoding of a point. No key that [GenerateKey] makes is
// weak.
var ErrWeakKey = errors.New("a weak Ed25519 key (small order or non-canonical) that anyone could sign with")

// p25519 is the field prime of Curve25519, 2^255 - 19.
var p25519 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))

// x25519Probe is a fixed X25519 private key. Its clamped scalar is a
// multiple of the cofactor 8, so it maps exactly the points of small order
// to zero, which crypto/ecdh refuses.
var x25519Probe, _ = ecdh.X25519().NewPrivateKey(bytes.Repeat([]byte{0x5a}, 32))

// weakKey reports whether the 32-byte Ed25519 public key raw is a
// non-canonical encoding (y >= p) or a point of small order. It maps the
// point to the Montgomery curve, u = (1 + y) / (1 - y), where X25519 with
// a cofactor-multiple scalar gives zero exactly for small order.
func weakKey(raw []byte) bool {
	le := bytes.Clone(raw)
	le[31] &= 0x7f // the sign of x
	slices.Reverse(le)
	y := new(big.Int).SetBytes(le)
	if y.Cmp(p25519) >= 0 {
		return true
	}
	one := big.NewInt(1)
	den := new(big.Int).Sub(one, y)
	den.Mod(den, p25519)
	if den.Sign() == 0 { // y = 1: the identity
		return true
	}
	u := new(big.Int).Add(one, y)
	u.Mul(u, new(big.Int).ModInverse(den, p25519))
	u.Mod(u, p25519)
	ub := u.FillBytes(make([]byte, 32))
	slices.Reverse(ub)
	pub, err := ecdh.X25519().NewPublicKey(ub)
	if err != nil {
		return true
	}
	_, err = x25519Probe.ECDH(pub)
	return err != nil
}

// Fingerprint returns the first 20 hex digits of the SHA-256 of the key's
// text form in groups of four ("3f2a 91c0 7be4 55d1 a0b2"), for people to
// compare with what the other party tells them.
func (k PublicKey) Fingerprint() string {
	sum := sha256.Sum256([]byte(k))
	h := hex.EncodeToString(sum[:10])
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i : i+4])
	}
	return b.String()
}

// MarshalFile returns the content of a .pub file: one line,
// "tradepact-public-key v1 ed25519:BASE64".
func (k PublicKey) MarshalFile() []byte { return []byte(publicHeader + string(k) + "\n") }

// NewVerifier returns a Verifier for an Ed25519 or P-256 public key.
func NewVerifier(k PublicKey) (Verifier, error) {
	if pub, ok := k.p256(); ok {
		return p256Verifier{k, pub}, nil
	}
	raw, ok := k.raw()
	if !ok {
		return nil, fmt.Errorf("confirm: public key %q: malformed", truncate(string(k)))
	}
	return edVerifier{k, raw}, nil
}

type edVerifier struct {
	k   PublicKey
	raw ed25519.PublicKey
}

func (v edVerifier) Public() PublicKey { return v.k }

func (v edVerifier) Verify(msg, sig []byte) bool {
	return len(sig) == ed25519.SignatureSize && ed25519.Verify(v.raw, msg, sig)
}

// PrivateKey is an Ed25519 or ECDSA P-256 private key. It implements
// [Signer]. Its signatures are deterministic: the same key and message give
// the same signature (Ed25519 always; P-256 by RFC 6979).
type PrivateKey struct {
	key ed25519.PrivateKey
	ec  *ecdsa.PrivateKey
	pub PublicKey
}

// GenerateKey returns a new private key read from rand (crypto/rand.Reader
// in real use; the library never chooses its own randomness).
func GenerateKey(rand io.Reader) (*PrivateKey, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := io.ReadFull(rand, seed); err != nil {
		return nil, fmt.Errorf("confirm: generating key: %w", err)
	}
	return NewKeyFromSeed(seed)
}

// NewKeyFromSeed returns the private key for a 32-byte Ed25519 seed. The
// same seed always gives the same key: for test vectors and demos only.
func NewKeyFromSeed(seed []byte) (*PrivateKey, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("confirm: key seed: want %d bytes, have %d", ed25519.SeedSize, len(seed))
	}
	k := ed25519.NewKeyFromSeed(seed)
	return &PrivateKey{key: k, pub: PublicKey(keyAlg + base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey)))}, nil
}

// ErrPrivateKey is returned by [ParsePrivateKey] for anything that is not a
// private key file.
var ErrPrivateKey = errors.New("confirm: not a tradepact private key")

// ParsePrivateKey parses the content of a .key file written by
// [PrivateKey.MarshalFile].
func ParsePrivateKey(data []byte) (*PrivateKey, error) {
	s := strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff"))
	if rest, ok := strings.CutPrefix(s, privateHeader+p256Alg); ok {
		scalar, err := base64.StdEncoding.Strict().DecodeString(rest)
		if err != nil || len(scalar) != 32 {
			return nil, fmt.Errorf("%w: want a 32-byte P-256 scalar in standard base64", ErrPrivateKey)
		}
		k, err := NewP256Key(scalar)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrPrivateKey, err)
		}
		return k, nil
	}
	rest, ok := strings.CutPrefix(s, privateHeader+keyAlg)
	if !ok {
		if strings.HasPrefix(s, publicHeader) {
			return nil, fmt.Errorf("%w: this is a public key file", ErrPrivateKey)
		}
		return nil, ErrPrivateKey
	}
	seed, err := base64.StdEncoding.Strict().DecodeString(rest)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: want a %d-byte seed in standard base64", ErrPrivateKey, ed25519.SeedSize)
	}
	return NewKeyFromSeed(seed)
}

// MarshalFile returns the content of a .key file: one line,
// "tradepact-private-key v1 ed25519:BASE64" holding the 32-byte seed. Keep
// it secret: whoever holds it can confirm in the party's name. A nil or
// zero PrivateKey (not made by this package) gives nil.
func (k *PrivateKey) MarshalFile() []byte {
	if !k.valid() {
		return nil
	}
	if k.ec != nil {
		b, _ := k.ec.Bytes()
		return []byte(privateHeader + p256Alg + base64.StdEncoding.EncodeToString(b) + "\n")
	}
	return []byte(privateHeader + keyAlg + base64.StdEncoding.EncodeToString(k.key.Seed()) + "\n")
}

// Public returns the public key ("" for a nil key, which no call accepts).
func (k *PrivateKey) Public() PublicKey {
	if k == nil {
		return ""
	}
	return k.pub
}

// ErrNoKey is returned by [PrivateKey.Sign] for a nil or zero PrivateKey,
// one not made by [GenerateKey], [NewKeyFromSeed] or [ParsePrivateKey].
var ErrNoKey = errors.New("confirm: no private key (a nil or zero PrivateKey; use GenerateKey or ParsePrivateKey)")

func (k *PrivateKey) valid() bool {
	return k != nil && (len(k.key) == ed25519.PrivateKeySize || k.ec != nil)
}

// Sign signs msg with Ed25519. A nil or zero PrivateKey returns [ErrNoKey].
func (k *PrivateKey) Sign(msg []byte) ([]byte, error) {
	if !k.valid() {
		return nil, ErrNoKey
	}
	if k.ec != nil {
		h := sha256.Sum256(msg)
		der, err := k.ec.Sign(nil, h[:], crypto.SHA256) // nil: RFC 6979, deterministic
		if err != nil {
			return nil, err
		}
		return SignatureFromDER(der)
	}
	return ed25519.Sign(k.key, msg), nil
}
