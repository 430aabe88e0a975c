package confirm_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// The buyer confirms at 10:30; the seller then amends, dating the
// amendment 10:10, before the confirmation it follows. Amend refuses to
// make such a file and Verify refuses one made by another tool.
func TestAttackAmendmentBeforeConfirmation(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(buyer, at(30)); err != nil {
		t.Fatal(err)
	}
	var te *confirm.TimeOrderError
	if _, err := c.Amend(amended(), seller, at(10)); !errors.As(err, &te) || te.Last != at(30).Format(confirm.TimeLayout) {
		t.Fatalf("Amend before the last confirmation: %v", err)
	}
	if _, err := c.Confirm(buyer, at(29), confirm.AsRole(confirm.Buyer)); err == nil {
		t.Fatal("a second confirmation, and dated back, accepted")
	}
	if err := confirm.AmendAt(c, amended(), confirm.Seller, seller, at(10).Format(confirm.TimeLayout)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	_, err = confirm.Verify(data)
	var mf *confirm.MalformedError
	if !errors.As(err, &mf) || mf.Entry != 4 || mf.Field != "time" || !errors.As(err, &te) || te.Entry != 3 {
		t.Fatalf("Verify of an amendment dated before the confirmation it follows: %v", err)
	}
	// Dated at the same second is in order.
	c, _ = confirm.Propose(terms(), seller, at(0))
	if _, err := c.Confirm(buyer, at(30)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), seller, at(30)); err != nil {
		t.Fatalf("an amendment at the time of the confirmation it follows: %v", err)
	}
	if c.LastTime() != at(30).Format(confirm.TimeLayout) {
		t.Errorf("LastTime %q", c.LastTime())
	}
}

// Terms are byte for byte their canonical form: a number written
// otherwise (1.0, 1e0, or 1.9999999999999999, which reads as 2) shows a
// reader of the file another number than the one signed, so the file is
// refused, wherever the number stands.
func TestNonCanonicalNumbers(t *testing.T) {
	data := flow(t)
	if _, err := confirm.Verify(data); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"1.0", "1e0", "1E0", "1.9999999999999999", "1.00000000000000001", "01", "-0"} {
		t.Run(n, func(t *testing.T) {
			bad := bytes.Replace(data, []byte(`"quantity": 1,`), []byte(`"quantity": `+n+`,`), 1)
			if bytes.Equal(bad, data) {
				t.Fatal("no quantity to change")
			}
			_, err := confirm.Verify(bad)
			var mf *confirm.MalformedError
			if !errors.As(err, &mf) {
				t.Fatalf("verified, or not as malformed: %v", err)
			}
			if n != "01" && (mf.Entry != 1 || mf.Field != "terms") {
				t.Fatalf("entry %d field %q: %v", mf.Entry, mf.Field, err)
			}
		})
	}
}

// Keys not made by this package are refused with an error, not a panic.
func TestZeroPrivateKey(t *testing.T) {
	for _, k := range []*confirm.PrivateKey{nil, {}} {
		if _, err := k.Sign([]byte("x")); !errors.Is(err, confirm.ErrNoKey) {
			t.Errorf("%#v: Sign: %v", k, err)
		}
		if k.MarshalFile() != nil || k.Public() != "" {
			t.Errorf("%#v: MarshalFile or Public not empty", k)
		}
		if _, err := confirm.Propose(terms(), k, at(0)); err == nil {
			t.Errorf("%#v: Propose signed", k)
		}
	}
}
