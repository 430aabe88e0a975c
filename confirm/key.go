package confirm

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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

// weakKey reports whether the 32-byte Ed25519 public key raw is a
// non-canonical encoding (y >= p) or a point of small order. The eight
// points of small order have one of five y-coordinates (the identity 1,
// the point of order 2 at p-1, those of order 4 at 0, those of order 8 at
// ±y8), whatever the sign bit of x, so comparing y with them is the whole
// check; weakkey_test.go checks it against the definition (X25519 with a
// cofactor-multiple scalar gives zero exactly for small order) and derives
// y8 from the curve equation. It costs nanoseconds instead of a scalar
// multiplication, which was a tenth of reading a contract file's status.
func weakKey(raw []byte) bool {
	if len(raw) != 32 {
		return true
	}
	var y [32]byte
	copy(y[:], raw)
	y[31] &= 0x7f                                        // the sign of x
	if y[0] >= 0xed && y[31] == 0x7f && allFF(y[1:31]) { // y >= p
		return true
	}
	for _, w := range &smallOrderY {
		if y == w {
			return true
		}
	}
	return false
}

func allFF(b []byte) bool {
	for _, c := range b {
		if c != 0xff {
			return false
		}
	}
	return true
}

// smallOrderY are the little-endian y-coordinates of the Ed25519 points of
// small order.
var smallOrderY = [5][32]byte{
	{0x01}, // the identity
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // p-1: order 2
	{}, // 0: order 4
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
		0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05}, // y8: order 8
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
		0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a}, // p-y8: order 8
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
