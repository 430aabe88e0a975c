package confirm_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

func TestKeyFiles(t *testing.T) {
	k, err := confirm.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	priv := k.MarshalFile()
	if !bytes.HasPrefix(priv, []byte("tradepact-private-key v1 ed25519:")) || !bytes.HasSuffix(priv, []byte("\n")) || bytes.Count(priv, []byte("\n")) != 1 {
		t.Fatalf("private key file %q", priv)
	}
	k2, err := confirm.ParsePrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	if k2.Public() != k.Public() {
		t.Fatal("the parsed key differs")
	}
	pub, err := confirm.ParsePublicKey(string(k.Public().MarshalFile()))
	if err != nil || pub != k.Public() {
		t.Fatalf("public key file: %v %q", err, pub)
	}
	if _, err := confirm.ParsePublicKey(string(pub)); err != nil {
		t.Fatalf("bare public key: %v", err)
	}
	msg := []byte("tradepact confirmation v1\n")
	sig, _ := k.Sign(msg)
	v, err := confirm.NewVerifier(pub)
	if err != nil || !v.Verify(msg, sig) || v.Verify(append(msg, 'x'), sig) || v.Verify(msg, sig[:63]) {
		t.Fatal("verifier disagrees with the signer")
	}
	if fp := pub.Fingerprint(); len(fp) != 24 || strings.Count(fp, " ") != 4 {
		t.Fatalf("fingerprint %q", fp)
	}

	for _, bad := range []string{
		"",
		"tradepact-private-key v1 ed25519:AAAA\n",
		"tradepact-private-key v2 ed25519:" + strings.Repeat("A", 43) + "=\n",
		"tradepact-private-key v1 rsa:" + strings.Repeat("A", 43) + "=\n",
		string(pub.MarshalFile()),
	} {
		if _, err := confirm.ParsePrivateKey([]byte(bad)); !errors.Is(err, confirm.ErrPrivateKey) {
			t.Errorf("ParsePrivateKey(%q): %v", bad, err)
		}
	}
	for _, bad := range []string{"", "ed25519:", "ed25519:AAAA", "ssh-ed25519 AAAA", "ed25519:" + strings.Repeat("A", 44) + "\n\n"} {
		if _, err := confirm.ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) succeeded", bad)
		}
	}

	// Files saved by editors: a byte-order mark, CRLF line ends.
	for _, f := range []string{"\ufeff" + string(pub.MarshalFile()), strings.ReplaceAll(string(pub.MarshalFile()), "\n", "\r\n"), string(pub.MarshalFile()) + "\n"} {
		if got, err := confirm.ParsePublicKey(f); err != nil || got != pub {
			t.Errorf("ParsePublicKey(%q) = %q, %v", f, got, err)
		}
	}
	if got, err := confirm.ParsePrivateKey([]byte("\ufeff" + strings.ReplaceAll(string(priv), "\n", "\r\n"))); err != nil || got.Public() != k.Public() {
		t.Errorf("private key with BOM and CRLF: %v", err)
	}
	// A private key given as a public one is refused without a word of it.
	_, err = confirm.ParsePublicKey(string(priv))
	seed := strings.TrimSpace(strings.TrimPrefix(string(priv), "tradepact-private-key v1 ed25519:"))
	if err == nil || strings.Contains(err.Error(), seed[:8]) || !strings.Contains(err.Error(), "private key") {
		t.Errorf("ParsePublicKey(private key file): %v", err)
	}
}
