package agreement

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strings"
)

// A signed record cannot be erased, so contact details need not be in it:
// a party's contact_commitment is a salted hash of the contact details,
// which are kept beside the contract (with the salt) and deleted when
// personal_data.keep_days ends. The commitment binds them: whoever holds the
// details and the salt can show they are the ones agreed ([OpenContact]);
// without the salt, nobody can test guesses of a phone number against it.

// contactDomain separates contact commitments from every other SHA-256
// this module computes.
const contactDomain = "tradepact contact commitment v1\n"

// MinSaltSize is the smallest salt [CommitContact] accepts: 16 bytes, so
// that a commitment cannot be opened by trying every phone number.
const MinSaltSize = 16

// CommitContact returns the commitment to contact under salt, written as
// "sha256:" and 64 lower-case hex digits: SHA-256 of a domain line, the
// salt's length as one byte, the salt, and the contact details. The caller
// draws the salt from a cryptographic random source and keeps it with the
// details.
func CommitContact(contact string, salt []byte) (string, error) {
	if len(salt) < MinSaltSize || len(salt) > 255 {
		return "", errors.New("agreement: a contact commitment needs a salt of 16 to 255 bytes")
	}
	h := sha256.New()
	h.Write([]byte(contactDomain))
	h.Write([]byte{byte(len(salt))})
	h.Write(salt)
	h.Write([]byte(contact))
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// OpenContact reports whether contact and salt are what commitment c was
// made from. The comparison takes the same time wherever they differ.
func OpenContact(c, contact string, salt []byte) bool {
	want, err := CommitContact(contact, salt)
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(c)) == 1
}

// commitmentForm reports whether c is "sha256:" and 64 lower-case hex.
func commitmentForm(c string) bool {
	h, ok := strings.CutPrefix(c, "sha256:")
	return ok && sha256Form(h)
}
