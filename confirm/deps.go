package confirm

// This file is the only place where confirm reaches into the packages it
// builds on: agreement for the terms, their canonical form and digests;
// templates for the contract text.

import (
	"bytes"
	"fmt"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/templates"
)

// Digest is a SHA-256 digest, written "sha256:" and 64 hex digits.
type Digest = agreement.Digest

// DigestOf returns the SHA-256 digest of b.
func DigestOf(b []byte) Digest { return agreement.DigestOf(b) }

func digestOf(b []byte) Digest { return agreement.DigestOf(b) }

// parseDigest parses a digest written exactly as Digest.String writes it:
// the file holds one spelling of each digest, so that what is hashed is
// what is signed.
func parseDigest(s string) (Digest, error) {
	d, err := agreement.ParseDigest(s)
	if err == nil && d.String() != s {
		err = fmt.Errorf("digest %q: want lower-case hex as in %s", s, d)
	}
	return d, err
}

// TemplateSet is the set of contract templates that renders terms into the
// contract text.
type TemplateSet = templates.Set

func defaultTemplates() *TemplateSet { return templates.Default() }

func templateID(set *TemplateSet) TemplateID {
	id := set.Identity()
	return TemplateID{Name: id.Name, Version: id.Version, Digest: id.Digest}
}

// canonicalTerms returns the canonical form of the terms and its digest.
func canonicalTerms(a *agreement.Agreement) ([]byte, Digest, error) {
	c, err := a.Canonical()
	if err != nil {
		return nil, Digest{}, err
	}
	return c, agreement.DigestOf(c), nil
}

// TermsDigest returns the digest of the canonical form of the terms, the
// same as a.Digest().
func TermsDigest(a *agreement.Agreement) (Digest, error) { return a.Digest() }

func decodeTerms(data []byte) (*agreement.Agreement, error) {
	return agreement.Decode("terms.json", data)
}

func checkTerms(a *agreement.Agreement) error { return a.Check() }

// renderText returns the contract Markdown that set renders from a: the
// Source of render.NewDocument(a, set), whose digest is the document digest.
func renderText(a *agreement.Agreement, set *TemplateSet) ([]byte, error) {
	var b bytes.Buffer
	if err := set.Execute(&b, a); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
