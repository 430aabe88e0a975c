package confirm_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// The seller proposes and confirms a second time with another key of its
// own, as the buyer. The file verifies, but only pinning shows whose keys
// confirmed: Agreed, the gate a backend uses, is false until both roles'
// keys are pinned, and a wrong pin fails.
func TestAttackOnePersonAgreed(t *testing.T) {
	seller, mallory := key(t, "seller"), key(t, "mallory")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(mallory, at(1)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		opts     []confirm.Option
		state    confirm.State
		unpinned []confirm.Role
	}{
		{"no pins", nil, confirm.StateUnpinned, []confirm.Role{confirm.Seller, confirm.Buyer}},
		{"seller pinned", []confirm.Option{confirm.TrustKey(confirm.Seller, seller.Public())}, confirm.StateUnpinned, []confirm.Role{confirm.Buyer}},
		{"buyer pinned", []confirm.Option{confirm.TrustKey(confirm.Buyer, mallory.Public())}, confirm.StateUnpinned, []confirm.Role{confirm.Seller}},
		{"both pinned", []confirm.Option{confirm.TrustKey(confirm.Seller, seller.Public()), confirm.TrustKey(confirm.Buyer, mallory.Public())}, confirm.StateAgreed, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := confirm.Verify(data, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if res.State() != tc.state || res.Agreed != (tc.state == confirm.StateAgreed) || !res.Confirmed ||
				res.AgreedAndRerendered() != res.Agreed {
				t.Fatalf("state %s, agreed %v, confirmed %v", res.State(), res.Agreed, res.Confirmed)
			}
			if got := res.Unpinned(); len(got) != len(tc.unpinned) || (len(got) > 0 && got[0] != tc.unpinned[0]) {
				t.Fatalf("unpinned %v, want %v", got, tc.unpinned)
			}
			var pdf bytes.Buffer
			pres, err := confirm.WritePDF(&pdf, data, tc.opts...)
			if err != nil || pres.Agreed != res.Agreed {
				t.Fatalf("WritePDF: %v, agreed %v", err, pres != nil && pres.Agreed)
			}
		})
	}
	_, err = confirm.Verify(data, confirm.TrustKey(confirm.Buyer, key(t, "buyer").Public()))
	var ke *confirm.KeyError
	if !errors.As(err, &ke) || ke.Problem != confirm.KeyNotPinned {
		t.Fatalf("the real buyer's key pinned: %v", err)
	}
	// A file still waiting for a confirmation is pending, pinned or not.
	c, _ = confirm.Propose(terms(), seller, at(0))
	data, _ = c.Marshal()
	res, err := confirm.Verify(data, pinned(t)...)
	if err != nil || res.State() != confirm.StatePending || res.Agreed || res.Confirmed {
		t.Fatalf("proposal: %v, state %s", err, res.State())
	}
}

// A zero Result (not from Verify) answers without panicking, and never
// says agreed.
func TestZeroResult(t *testing.T) {
	for _, r := range []*confirm.Result{nil, {}} {
		if r.Latest() != nil || len(r.Missing()) != 2 || r.State() != confirm.StatePending || r.AgreedAndRerendered() ||
			r.Record("en") != nil || r.Party(confirm.Seller) != nil || len(r.Unpinned()) != 2 {
			t.Errorf("%#v: unexpected answers", r)
		}
		if r != nil {
			if _, err := r.Document(); err == nil {
				t.Error("Document of a zero Result: no error")
			}
		}
	}
}

// rollback builds the file of the rollback attack: both confirm revision
// 1, the buyer amends to a lower price, both confirm revision 2. It returns
// the file, its head, and the first three entries alone: revision 1,
// agreed by both.
func rollback(t *testing.T) (full []byte, head confirm.Digest, cut []byte) {
	t.Helper()
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(2)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(seller, at(3)); err != nil {
		t.Fatal(err)
	}
	full, err = c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	cut = edit(t, full, func(f map[string]any) { f["entries"] = entries(f)[:3] })
	return full, c.Head(), cut
}

func TestAttackRollback(t *testing.T) {
	full, head, cut := rollback(t)
	res, err := confirm.Verify(cut, pinned(t)...)
	if err != nil || !res.Agreed || res.Latest().Number != 1 {
		t.Fatalf("the cut copy: %v; it should verify as revision 1 agreed, which is the attack", err)
	}
	var fullPDF, cutPDF bytes.Buffer
	if _, err := confirm.WritePDF(&fullPDF, full); err != nil {
		t.Fatal(err)
	}
	if _, err := confirm.WritePDF(&cutPDF, cut); err != nil {
		t.Fatal(err)
	}
	for _, demand := range []confirm.Option{confirm.RequireHead(head), confirm.RequireRevision(2)} {
		opts := append(pinned(t), demand)
		if res, err := confirm.Verify(full, opts...); err != nil || !res.Agreed {
			t.Errorf("the full file: %v", err)
		}
		if res, err := confirm.VerifyPDF(fullPDF.Bytes(), opts...); err != nil || !res.Agreed {
			t.Errorf("the full PDF: %v", err)
		}
		var rb *confirm.RollbackError
		if _, err := confirm.Verify(cut, opts...); !errors.As(err, &rb) || rb.Revisions != 1 || rb.Entries != 3 {
			t.Errorf("the cut file: %v", err)
		}
		if _, err := confirm.VerifyPDF(cutPDF.Bytes(), opts...); !errors.As(err, &rb) {
			t.Errorf("the cut PDF: %v", err)
		}
		// Nobody confirms or amends the older copy either.
		c, _ := confirm.Parse(cut)
		if _, err := c.Confirm(key(t, "buyer"), at(30), demand); !errors.As(err, &rb) {
			t.Errorf("Confirm of the cut file: %v", err)
		}
	}
	// A head from the middle of the history is in it: a later copy passes.
	mid := edit(t, full, func(f map[string]any) { f["entries"] = entries(f)[:4] })
	c, _ := confirm.Parse(mid)
	if _, err := confirm.Verify(full, confirm.RequireHead(c.Head())); err != nil {
		t.Errorf("a continued history with an earlier head: %v", err)
	}
	for _, bad := range []confirm.Option{confirm.RequireHead(confirm.Digest{}), confirm.RequireRevision(0)} {
		if _, err := confirm.Verify(full, bad); err == nil {
			t.Error("a meaningless demand accepted")
		}
	}
}
