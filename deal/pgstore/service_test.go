package pgstore_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
)

// Two service instances, each with its own pool on one database (as
// behind a load balancer): the buyer's confirmation and the seller's
// amendment, prepared on the same head, race through different instances
// many times over; exactly one lands each time and the other is told to
// reload.
func TestPostgresTwoServiceInstances(t *testing.T) {
	dsn, schema := database(t)
	terms, err := os.ReadFile("../../examples/terms/secondhand-zh-Hans.yaml")
	if err != nil {
		t.Fatal(err)
	}
	newService := func() *deal.Service {
		s, err := deal.New(deal.Config{Store: open(t, dsn, schema)})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s1, s2 := newService(), newService()
	p256 := func(n byte) *confirm.PrivateKey {
		b := make([]byte, 32)
		b[0], b[31] = 7, n
		k, err := confirm.NewP256Key(b)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	seller, buyer := p256(1), p256(2)
	sellerCtx := deal.WithAccount(context.Background(), "xianyu:zhangwei_sh")
	buyerCtx := deal.WithAccount(context.Background(), "xianyu:liuyang_bj")
	sign := func(k *confirm.PrivateKey, p *deal.Prepared) [][]byte {
		var sigs [][]byte
		for _, m := range p.Request.Payloads {
			s, err := k.Sign(m)
			if err != nil {
				t.Fatal(err)
			}
			sigs = append(sigs, s)
		}
		return sigs
	}
	p, err := s1.PrepareCreate(sellerCtx, terms, "", seller.Public())
	if err != nil {
		t.Fatal(err)
	}
	st, err := s1.Submit(sellerCtx, p.Request, sign(seller, p))
	if err != nil {
		t.Fatal(err)
	}
	id := st.ID
	for round := range 3 {
		status, err := s2.Status(buyerCtx, id)
		if err != nil {
			t.Fatal(err)
		}
		bp, err := s2.PrepareConfirm(buyerCtx, id, status.Head, buyer.Public())
		if err != nil {
			t.Fatal(err)
		}
		deadline := []byte("deadline: 2026-11-2" + string(rune('4'+round)))
		sp, err := s1.PrepareAmend(sellerCtx, id, status.Head, replace(terms, "deadline: 2026-11-23", deadline), "", seller.Public())
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var errB, errS error
		start := make(chan struct{})
		wg.Add(2)
		go func() { defer wg.Done(); <-start; _, errB = s2.Submit(buyerCtx, bp.Request, sign(buyer, bp)) }()
		go func() { defer wg.Done(); <-start; _, errS = s1.Submit(sellerCtx, sp.Request, sign(seller, sp)) }()
		close(start)
		wg.Wait()
		if (errB == nil) == (errS == nil) {
			t.Fatalf("round %d: buyer %v, seller %v: want exactly one to succeed", round, errB, errS)
		}
		for _, err := range []error{errB, errS} {
			if err != nil && !errors.Is(err, deal.ErrReload) {
				t.Fatalf("round %d: the loser got %v, want a reload error", round, err)
			}
		}
		if errB == nil {
			// Agreed: amend again so that the next round has something to confirm.
			st, err := s1.Status(sellerCtx, id)
			if err != nil || !st.Agreed {
				t.Fatalf("after the buyer's confirmation: %+v %v", st, err)
			}
			ap, err := s1.PrepareAmend(sellerCtx, id, st.Head, replace(terms, "deadline: 2026-11-23", []byte("deadline: 2026-12-0"+string(rune('1'+round)))), "", seller.Public())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s1.Submit(sellerCtx, ap.Request, sign(seller, ap)); err != nil {
				t.Fatal(err)
			}
		}
	}
	ctx, cancel := context.WithTimeout(buyerCtx, 30*time.Second)
	defer cancel()
	if _, err := s2.Verify(ctx, id); err != nil {
		t.Fatalf("the stored contract after the races: %v", err)
	}
}

func replace(b []byte, old string, new []byte) []byte {
	return bytes.Replace(b, []byte(old), new, 1)
}
