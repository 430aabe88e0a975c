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

// keyFileHint prints the error and hint for a key file in e's language.
func keyFileHint(e *env, err error) bool {
	k, ok := err.(*keyFileError)
	if !ok {
		return false
	}
	e.errorf("%s: %s", k.path, k.message(e))
	e.hintf("%s", e.tr("hint key file"))
	return true
}
