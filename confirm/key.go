package confirm

import (
	"bytes"
	"crypto/ed25519"
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
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimPrefix(s, publicHeader)
	b64, ok := strings.CutPrefix(s, keyAlg)
	if !ok {
		return "", fmt.Errorf("confirm: public key %q: want %s and base64", truncate(s), keyAlg)
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return "", fmt.Errorf("confirm: public key %q: want %d bytes in standard base64", truncate(s), ed25519.PublicKeySize)
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
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, false
	}
	return raw, true
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

// NewVerifier returns a Verifier for an Ed25519 public key.
func NewVerifier(k PublicKey) (Verifier, error) {
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

// PrivateKey is an Ed25519 private key. It implements [Signer]. Ed25519
// signatures are deterministic: the same key and message give the same
// signature.
type PrivateKey struct {
	key ed25519.PrivateKey
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
	s := string(bytes.TrimSuffix(data, []byte("\n")))
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
// it secret: whoever holds it can confirm in the party's name.
func (k *PrivateKey) MarshalFile() []byte {
	return []byte(privateHeader + keyAlg + base64.StdEncoding.EncodeToString(k.key.Seed()) + "\n")
}

// Public returns the public key.
func (k *PrivateKey) Public() PublicKey { return k.pub }

// Sign signs msg with Ed25519.
func (k *PrivateKey) Sign(msg []byte) ([]byte, error) { return ed25519.Sign(k.key, msg), nil }
