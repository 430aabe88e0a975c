package main

import "bytes"

// keyFileError is the error for a key file given where terms or a contract
// file belong. It names the file and never holds the key's text: a
// private key printed in an error message is a key given away.
type keyFileError struct {
	path    string
	private bool
}

func (k *keyFileError) Error() string {
	if k.private {
		return "this is a private key file, not terms or a contract file; its content is not shown (keep it to yourself)"
	}
	return "this is a public key file, not terms or a contract file"
}

// message is the error in lang.
func (k *keyFileError) message(e *env) string {
	if k.private {
		return e.tr("private key file")
	}
	return e.tr("public key file")
}

// checkKeyFile returns a *keyFileError if data is a tradepact key file,
// and nil otherwise. Every command that reads terms or a contract file
// calls it before decoding, so that no decoding error quotes a key.
func checkKeyFile(path string, data []byte) error {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("tradepact-private-key")):
		return &keyFileError{path: path, private: true}
	case bytes.HasPrefix(head, []byte("tradepact-public-key")):
		return &keyFileError{path: path}
	}
	return nil
}

// contractNotTerms is the error for a contract file given where terms
// belong (validate, propose, amend's new terms).
type contractNotTerms struct{ path string }

func (c *contractNotTerms) Error() string {
	return "this is a contract file, not a terms file; check it with \"tradepact verify " + c.path +
		"\", or write its terms to edit with \"tradepact terms -o terms.yaml " + c.path + "\""
}

// checkTermsFile returns an error for a key file or a contract file: what
// a command expecting terms must not decode as terms.
func checkTermsFile(path string, data []byte) error {
	if err := checkKeyFile(path, data); err != nil {
		return err
	}
	if isContractFile(data) {
		return &contractNotTerms{path}
	}
	return nil
}

// keyFileHint prints the error (and hint) for a key file or a contract
// file given as terms, in e's language, and reports whether err was one.
func keyFileHint(e *env, err error) bool {
	if c, ok := err.(*contractNotTerms); ok {
		e.errorf("%s: %s", c.path, e.tr("contract not terms", c.path))
		return true
	}
	k, ok := err.(*keyFileError)
	if !ok {
		return false
	}
	e.errorf("%s: %s", k.path, k.message(e))
	e.hintf("%s", e.tr("hint key file"))
	return true
}
