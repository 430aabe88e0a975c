package agreement_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func TestContactCommitment(t *testing.T) {
	salt := bytes.Repeat([]byte{7}, 16)
	c, err := agreement.CommitContact("+886 912 345 678", salt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c, "sha256:") || len(c) != 71 {
		t.Fatalf("commitment %q", c)
	}
	if !agreement.OpenContact(c, "+886 912 345 678", salt) {
		t.Error("the details and salt do not open their own commitment")
	}
	if agreement.OpenContact(c, "+886 912 345 679", salt) {
		t.Error("other details open the commitment")
	}
	if agreement.OpenContact(c, "+886 912 345 678", bytes.Repeat([]byte{8}, 16)) {
		t.Error("another salt opens the commitment")
	}
	// The salt's length is part of the hash: moving a byte from the salt
	// to the details gives another commitment.
	long := bytes.Repeat([]byte{7}, 17)
	c2, _ := agreement.CommitContact("\x07+886 912 345 678", salt)
	c3, _ := agreement.CommitContact("+886 912 345 678", long)
	if c2 == c3 {
		t.Error("salt and details are not separated")
	}
	if _, err := agreement.CommitContact("x", salt[:15]); err == nil {
		t.Error("a 15-byte salt is accepted")
	}

	a := load(t, "goods-zh-Hant.yaml")
	a.Buyer.Contact = ""
	a.Buyer.ContactCommitment = c
	if err := a.Check(); err != nil {
		t.Errorf("a valid commitment: %v", err)
	}
	for _, bad := range []struct{ c, rule string }{
		{strings.ToUpper(c[:7]) + c[7:], "startswith"},
		{"sha256:" + strings.ToUpper(c[7:]), "commitment"},
		{c[:70], "len"},
	} {
		a.Buyer.ContactCommitment = bad.c
		got := summary(a.Validate())
		if want := fmt.Sprintf("error buyer.contact_commitment %s", bad.rule); !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("%q: got %q, want %q", bad.c, got, want)
		}
	}
}

// ExampleCommitContact keeps a buyer's phone number out of the signed
// terms: the terms hold the commitment, the number and the salt are kept
// beside the contract and deleted when personal_data.keep_days ends.
func ExampleCommitContact() {
	salt := []byte("0123456789abcdef") // in real use: 16+ bytes from crypto/rand
	c, _ := agreement.CommitContact("+886 912 345 678", salt)
	fmt.Println(c)
	fmt.Println(agreement.OpenContact(c, "+886 912 345 678", salt))
	// Output:
	// sha256:981dd247aec5dd1c1f12dd3ba525b227c6622c0081a12b3a2c8fe5658acf1835
	// true
}
