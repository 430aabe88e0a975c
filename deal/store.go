package deal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tradepact/tradepact/confirm"
)

// Record is one deal as a [Store] keeps it: the contract file stored whole
// (bytes as the service wrote them; the file verifies after any
// re-serialisation, so a store may keep it as JSON text or jsonb) and the
// columns a platform queries.
type Record struct {
	ID       string        // the contract ID, the terms' id
	Seller   string        // the seller's platform account
	Buyer    string        // the buyer's platform account
	State    confirm.State // the state when the record was written, with the registered keys pinned
	Head     confirm.Digest
	Revision int       // the latest revision
	Contract []byte    // the contract file
	Created  time.Time // when the deal was created
	Updated  time.Time // when the record was last written
}

// Summary is a [Record] without its contract file, as [Store.List]
// returns it.
type Summary struct {
	ID       string
	Seller   string
	Buyer    string
	State    confirm.State
	Head     confirm.Digest
	Revision int
	Created  time.Time
	Updated  time.Time
}

// Summary returns r without its contract file.
func (r *Record) Summary() Summary {
	return Summary{ID: r.ID, Seller: r.Seller, Buyer: r.Buyer, State: r.State, Head: r.Head,
		Revision: r.Revision, Created: r.Created, Updated: r.Updated}
}

// Store keeps deals and the public keys registered to accounts. Every
// method is safe for concurrent use, also by several processes sharing one
// database. The conformance suite in package deal/storetest states the
// contract each implementation keeps.
type Store interface {
	// Create stores a new deal. It returns ErrExists if a deal with r.ID
	// is stored.
	Create(ctx context.Context, r *Record) error
	// Get returns the deal id, or ErrNotFound.
	Get(ctx context.Context, id string) (*Record, error)
	// Swap replaces the deal r.ID with r if its stored head is still
	// head, atomically: of writers that pass the same head, exactly one
	// succeeds and the others get a *ConflictError. It returns
	// ErrNotFound if there is no such deal.
	Swap(ctx context.Context, head confirm.Digest, r *Record) error
	// List returns the deals in which account is the seller or the buyer,
	// most recently updated first (then by id), at most limit of them.
	List(ctx context.Context, account string, limit int) ([]Summary, error)
	// RegisterKey registers key to account unless the account already has
	// a key, and returns the account's key: key itself, or the key
	// registered first. The first registration wins, also between
	// concurrent callers.
	RegisterKey(ctx context.Context, account string, key confirm.PublicKey) (confirm.PublicKey, error)
	// Key returns the key registered to account, or "" if there is none.
	Key(ctx context.Context, account string) (confirm.PublicKey, error)
}

// ErrNotFound is returned by a [Store] for a deal it does not hold.
var ErrNotFound = errors.New("deal: no such deal")

// ErrExists is returned by [Store.Create] for a deal id already stored.
var ErrExists = errors.New("deal: a deal with this id already exists")

// ConflictError is returned by [Store.Swap] when the stored head is no
// longer the one the writer read: another writer changed the deal first.
// The caller reloads the deal and decides again.
type ConflictError struct {
	ID       string
	Expected confirm.Digest // the head the writer read
	Actual   confirm.Digest // the head stored now
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("deal: %q changed since it was read (head %s, now %s); reload it", e.ID, e.Expected, e.Actual)
}
