package confirm_test

import (
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
