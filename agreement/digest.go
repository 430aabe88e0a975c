package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Digest is a SHA-256 digest: of an agreement's canonical form
// ([Agreement.Digest]) or of any bytes ([DigestOf]), such as a rendered
// contract. It is written "sha256:" followed by 64 lowercase hex digits.
type Digest [32]byte

// ErrDigestSyntax is returned by [ParseDigest] for anything but
// "sha256:" followed by 64 lowercase hex digits.
var ErrDigestSyntax = errors.New("not a digest: want sha256: and 64 lowercase hex digits")

const digestPrefix = "sha256:"

// DigestOf returns the SHA-256 digest of b.
func DigestOf(b []byte) Digest { return sha256.Sum256(b) }

// String returns "sha256:" followed by 64 lowercase hex digits.
func (d Digest) String() string { return digestPrefix + hex.EncodeToString(d[:]) }

// Short returns the first 12 hex digits in groups of four, "3f2a 91c0 7be4":
// the form people compare when they read a digest to each other. Short
// forms identify a document in conversation; only the full digest is
// checked.
func (d Digest) Short() string {
	h := hex.EncodeToString(d[:6])
	return h[0:4] + " " + h[4:8] + " " + h[8:12]
}

// IsZero reports whether d is the zero Digest (no digest, not the digest of
// anything).
func (d Digest) IsZero() bool { return d == Digest{} }

// ParseDigest parses the String form of a digest. Upper-case hex, other
// algorithms, the short form and surrounding space are errors.
func ParseDigest(s string) (Digest, error) {
	var d Digest
	h, ok := strings.CutPrefix(s, digestPrefix)
	if !ok || len(h) != 2*len(d) {
		return Digest{}, fmt.Errorf("agreement: %q: %w", s, ErrDigestSyntax)
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return Digest{}, fmt.Errorf("agreement: %q: %w", s, ErrDigestSyntax)
		}
	}
	if _, err := hex.Decode(d[:], []byte(h)); err != nil {
		return Digest{}, fmt.Errorf("agreement: %q: %w", s, ErrDigestSyntax)
	}
	return d, nil
}

// MarshalText implements [encoding.TextMarshaler] with the String form.
func (d Digest) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDigest].
func (d *Digest) UnmarshalText(b []byte) error {
	v, err := ParseDigest(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Digest returns the SHA-256 digest of the agreement's canonical form
// ([Agreement.Canonical]): what both parties confirm. Formatting, key order
// and comments of the terms file never change it; any change of meaning,
// the locale included, does.
func (a *Agreement) Digest() (Digest, error) {
	c, err := a.Canonical()
	if err != nil {
		return Digest{}, err
	}
	return DigestOf(c), nil
}
