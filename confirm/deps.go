package confirm

// This file is the only place where confirm reaches into the packages it
// builds on (agreement for terms, templates and render for the contract
// text). Until those land, the functions below are private stand-ins.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gowebpki/jcs"
	"github.com/tradepact/tradepact/agreement"
)

// Digest is a SHA-256 digest, written "sha256:" followed by 64 hex digits.
type Digest [32]byte

// String returns "sha256:" and the digest in hex.
func (d Digest) String() string { return "sha256:" + hex.EncodeToString(d[:]) }

// Short returns the first 12 hex digits in groups of four, for people to compare.
func (d Digest) Short() string {
	h := hex.EncodeToString(d[:6])
	return h[0:4] + " " + h[4:8] + " " + h[8:12]
}

func digestOf(b []byte) Digest { return sha256.Sum256(b) }

func parseDigest(s string) (Digest, error) {
	var d Digest
	h, ok := strings.CutPrefix(s, "sha256:")
	if !ok || len(h) != 64 || strings.ToLower(h) != h {
		return d, fmt.Errorf("digest %q: want sha256: and 64 lower-case hex digits", s)
	}
	if _, err := hex.Decode(d[:], []byte(h)); err != nil {
		return d, fmt.Errorf("digest %q: want sha256: and 64 lower-case hex digits", s)
	}
	return d, nil
}

// TemplateSet is the set of contract templates that renders terms into the
// contract text.
type TemplateSet = standinSet

type standinSet struct{}

func defaultTemplates() *TemplateSet { return &standinSet{} }

func templateID(set *TemplateSet) TemplateID {
	return TemplateID{Name: "standin", Version: "0", Digest: digestOf([]byte("standin"))}
}

// canonicalTerms returns the canonical form of the terms and its digest.
func canonicalTerms(a *agreement.Agreement) ([]byte, Digest, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, Digest{}, err
	}
	c, err := jcs.Transform(b)
	if err != nil {
		return nil, Digest{}, err
	}
	return c, digestOf(c), nil
}

func decodeTerms(data []byte) (*agreement.Agreement, error) {
	return agreement.Decode("terms.json", data)
}

func checkTerms(a *agreement.Agreement) error { return a.Check() }

// renderText returns the contract Markdown that set renders from a.
func renderText(a *agreement.Agreement, set *TemplateSet) ([]byte, error) {
	c, _, err := canonicalTerms(a)
	if err != nil {
		return nil, err
	}
	return []byte("# Contract " + a.ID + "\n\n```json\n" + string(c) + "\n```\n"), nil
}

// DigestOf returns the SHA-256 digest of b.
func DigestOf(b []byte) Digest { return digestOf(b) }

// TermsDigest returns the digest of the canonical form of the terms.
func TermsDigest(a *agreement.Agreement) (Digest, error) {
	_, d, err := canonicalTerms(a)
	return d, err
}
