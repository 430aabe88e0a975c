// Package storetest is the conformance suite every [deal.Store] passes:
// a store's own test calls [Run] with a constructor of empty stores, and
// [RunShared] with two stores that share one database (two service
// instances, or two processes).
package storetest

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
)

//go:embed terms.yaml
var termsYAML []byte

// Contract returns a real contract file (a second-hand sale in Simplified
// Chinese, proposed by the seller with a P-256 key) with the contract ID
// id, and its head.
func Contract(t testing.TB, id string) ([]byte, confirm.Digest) {
	t.Helper()
	a, err := agreement.Decode("terms.yaml", termsYAML)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = id
	key, err := confirm.NewP256Key(scalar(1))
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Propose(a, key, time.Date(2026, 11, 20, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data, c.Head()
}

func scalar(b byte) []byte {
	s := make([]byte, 32)
	s[31] = b
	return s
}

var t0 = time.Date(2026, 11, 20, 1, 30, 0, 123456000, time.UTC)

func record(t testing.TB, id, seller, buyer string, updated time.Time) *deal.Record {
	data, head := Contract(t, id)
	return &deal.Record{ID: id, Seller: seller, Buyer: buyer, State: confirm.StatePending,
		Head: head, Revision: 1, Contract: data, Created: t0, Updated: updated}
}

func equal(t testing.TB, got, want *deal.Record) {
	t.Helper()
	if got.ID != want.ID || got.Seller != want.Seller || got.Buyer != want.Buyer || got.State != want.State ||
		got.Head != want.Head || got.Revision != want.Revision || string(got.Contract) != string(want.Contract) ||
		!got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Fatalf("stored record differs:\n got %+v\nwant %+v", got.Summary(), want.Summary())
	}
}

// Run runs the conformance suite; newStore returns an empty store, and is
// called once per subtest.
func Run(t *testing.T, newStore func(t *testing.T) deal.Store) {
	ctx := context.Background()
	t.Run("CreateGet", func(t *testing.T) {
		s := newStore(t)
		r := record(t, "TP-1", "xianyu:zhangwei_sh", "xianyu:liuyang_bj", t0)
		if err := s.Create(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, "TP-1")
		if err != nil {
			t.Fatal(err)
		}
		equal(t, got, r)
		if _, err := confirm.Verify(got.Contract); err != nil {
			t.Fatalf("the stored contract no longer verifies: %v", err)
		}
		if err := s.Create(ctx, record(t, "TP-1", "a", "b", t0)); !errors.Is(err, deal.ErrExists) {
			t.Fatalf("second Create: got %v, want ErrExists", err)
		}
		got, _ = s.Get(ctx, "TP-1")
		equal(t, got, r)
		if _, err := s.Get(ctx, "TP-2"); !errors.Is(err, deal.ErrNotFound) {
			t.Fatalf("Get of a missing deal: got %v, want ErrNotFound", err)
		}
		// Ids are compared exactly: no case folding, no trimming.
		if _, err := s.Get(ctx, "tp-1"); !errors.Is(err, deal.ErrNotFound) {
			t.Fatalf("Get(%q): got %v, want ErrNotFound", "tp-1", err)
		}
	})
	t.Run("Swap", func(t *testing.T) {
		s := newStore(t)
		r := record(t, "TP-1", "s", "b", t0)
		if err := s.Create(ctx, r); err != nil {
			t.Fatal(err)
		}
		next := *r
		next.Head = confirm.DigestOf([]byte("2"))
		next.Revision = 2
		next.State = confirm.StateAgreed
		next.Contract = append([]byte(nil), r.Contract...)
		next.Contract = append(next.Contract, ' ')
		next.Updated = t0.Add(time.Minute)
		if err := s.Swap(ctx, r.Head, &next); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Get(ctx, "TP-1")
		equal(t, got, &next)
		// The old head again: a conflict naming the stored head.
		stale := next
		stale.Head = confirm.DigestOf([]byte("3"))
		err := s.Swap(ctx, r.Head, &stale)
		var ce *deal.ConflictError
		if !errors.As(err, &ce) || ce.Actual != next.Head || ce.Expected != r.Head || ce.ID != "TP-1" {
			t.Fatalf("stale Swap: got %v, want *ConflictError naming head %s", err, next.Head)
		}
		got, _ = s.Get(ctx, "TP-1")
		equal(t, got, &next)
		missing := next
		missing.ID = "TP-9"
		if err := s.Swap(ctx, next.Head, &missing); !errors.Is(err, deal.ErrNotFound) {
			t.Fatalf("Swap of a missing deal: got %v, want ErrNotFound", err)
		}
	})
	t.Run("SwapRace", func(t *testing.T) {
		s := newStore(t)
		swapRace(t, []deal.Store{s})
	})
	t.Run("List", func(t *testing.T) {
		s := newStore(t)
		for i, p := range [][2]string{{"ann", "bob"}, {"bob", "cat"}, {"cat", "ann"}, {"dan", "eve"}} {
			r := record(t, fmt.Sprintf("TP-%d", i), p[0], p[1], t0.Add(time.Duration(i)*time.Second))
			if err := s.Create(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			account string
			limit   int
			want    []string
		}{
			{"ann", 10, []string{"TP-2", "TP-0"}},
			{"bob", 10, []string{"TP-1", "TP-0"}},
			{"cat", 1, []string{"TP-2"}},
			{"eve", 10, []string{"TP-3"}},
			{"zoe", 10, nil},
			{"", 10, nil},
			{"%", 10, nil}, // not a pattern
		} {
			got, err := s.List(ctx, tc.account, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, g := range got {
				ids = append(ids, g.ID)
				if g.Seller != tc.account && g.Buyer != tc.account {
					t.Errorf("List(%q) returned %s of %s and %s", tc.account, g.ID, g.Seller, g.Buyer)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Errorf("List(%q, %d) = %v, want %v", tc.account, tc.limit, ids, tc.want)
			}
		}
	})
	t.Run("Keys", func(t *testing.T) {
		s := newStore(t)
		if k, err := s.Key(ctx, "ann"); err != nil || k != "" {
			t.Fatalf("Key of an account without one: %q, %v", k, err)
		}
		k1 := mustKey(t, 1)
		k2 := mustKey(t, 2)
		if got, err := s.RegisterKey(ctx, "ann", k1); err != nil || got != k1 {
			t.Fatalf("RegisterKey: %q, %v", got, err)
		}
		if got, err := s.RegisterKey(ctx, "ann", k2); err != nil || got != k1 {
			t.Fatalf("second RegisterKey: got %q, %v; want the first key", got, err)
		}
		if got, err := s.Key(ctx, "ann"); err != nil || got != k1 {
			t.Fatalf("Key: %q, %v", got, err)
		}
		keyRace(t, []deal.Store{s})
	})
	t.Run("Cancelled", func(t *testing.T) {
		s := newStore(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Create(cctx, record(t, "TP-1", "s", "b", t0)); err == nil {
			t.Fatal("Create with a cancelled context succeeded")
		}
		if _, err := s.Get(cctx, "TP-1"); err == nil || errors.Is(err, deal.ErrNotFound) {
			t.Fatalf("Get with a cancelled context: %v, want the context's error", err)
		}
	})
}

// RunShared checks that stores sharing one database (a and b, two
// instances of a service) see each other's writes and that of concurrent
// writers through both exactly one wins. The database must be empty.
func RunShared(t *testing.T, a, b deal.Store) {
	ctx := context.Background()
	r := record(t, "TP-shared", "s", "b", t0)
	if err := a.Create(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := b.Create(ctx, r); !errors.Is(err, deal.ErrExists) {
		t.Fatalf("Create through the second instance: %v, want ErrExists", err)
	}
	got, err := b.Get(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, got, r)
	swapRace(t, []deal.Store{a, b})
	keyRace(t, []deal.Store{a, b})
}

func mustKey(t testing.TB, n byte) confirm.PublicKey {
	k, err := confirm.NewP256Key(scalar(n))
	if err != nil {
		t.Fatal(err)
	}
	return k.Public()
}

// swapRace has 16 writers, spread over the stores, swap the same head
// of a new deal, twice over.
func swapRace(t *testing.T, stores []deal.Store) {
	ctx := context.Background()
	id := fmt.Sprintf("TP-race-%d", len(stores))
	r := record(t, id, "s", "b", t0)
	if err := stores[0].Create(ctx, r); err != nil {
		t.Fatal(err)
	}
	head := r.Head
	for round := 0; round < 2; round++ {
		const n = 16
		errs := make([]error, n)
		recs := make([]*deal.Record, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			next := *r
			next.Head = confirm.DigestOf(fmt.Appendf(nil, "%d-%d", round, i))
			next.Contract = fmt.Appendf(nil, "%s\n%d", r.Contract, i)
			next.Revision = round + 2
			next.Updated = t0.Add(time.Duration(i+1) * time.Second)
			recs[i] = &next
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = stores[i%len(stores)].Swap(ctx, head, &next)
			}()
		}
		close(start)
		wg.Wait()
		winner := -1
		for i, err := range errs {
			var ce *deal.ConflictError
			switch {
			case err == nil:
				if winner >= 0 {
					t.Fatalf("round %d: writers %d and %d both won", round, winner, i)
				}
				winner = i
			case errors.As(err, &ce):
			default:
				t.Fatalf("round %d: writer %d: %v, want nil or *ConflictError", round, i, err)
			}
		}
		if winner < 0 {
			t.Fatalf("round %d: no writer won", round)
		}
		for i, err := range errs {
			var ce *deal.ConflictError
			if errors.As(err, &ce) && ce.Actual != recs[winner].Head {
				t.Errorf("round %d: writer %d was told the head is %s, the winner wrote %s", round, i, ce.Actual, recs[winner].Head)
			}
		}
		for _, s := range stores {
			got, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			equal(t, got, recs[winner])
		}
		head = recs[winner].Head
	}
}

// keyRace has 16 callers, spread over the stores, register different
// keys to one account at once: all must be told the same key.
func keyRace(t *testing.T, stores []deal.Store) {
	ctx := context.Background()
	account := fmt.Sprintf("race-%d", len(stores))
	const n = 16
	got := make([]confirm.PublicKey, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		k := mustKey(t, byte(10+i))
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			got[i], errs[i] = stores[i%len(stores)].RegisterKey(ctx, account, k)
		}()
	}
	close(start)
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("RegisterKey %d: %v", i, errs[i])
		}
		if got[i] != got[0] {
			t.Fatalf("RegisterKey callers were told different keys: %q and %q", got[0], got[i])
		}
	}
	for _, s := range stores {
		if k, err := s.Key(ctx, account); err != nil || k != got[0] {
			t.Fatalf("Key after the race: %q, %v; want %q", k, err, got[0])
		}
	}
}
