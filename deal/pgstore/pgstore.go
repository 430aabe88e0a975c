// Package pgstore is the [deal.Store] in PostgreSQL, through
// github.com/jackc/pgx/v5, for a platform that runs several service
// instances behind a load balancer: every instance opens a pool on the
// same database, and the compare-and-swap on the chain head is one
// UPDATE … WHERE head = $n, so of concurrent writers on any instances
// exactly one wins.
//
// [Open] creates the tables if they are missing (under an advisory lock,
// so instances starting together do not race). The tables live in the
// pool's search_path schema.
package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
)

// Store is a [deal.Store] in PostgreSQL. It does not own the pool.
type Store struct {
	pool *pgxpool.Pool
}

// migrationLock is the advisory lock key held while the tables are made.
const migrationLock = 0x7470_6465_616c // "tpdeal"

const schema = `
CREATE TABLE IF NOT EXISTS tradepact_deals (
	id       text PRIMARY KEY,
	seller   text NOT NULL,
	buyer    text NOT NULL,
	state    text NOT NULL,
	head     text NOT NULL,
	revision integer NOT NULL,
	contract bytea NOT NULL,
	created  timestamptz NOT NULL,
	updated  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS tradepact_deals_seller ON tradepact_deals (seller, updated DESC);
CREATE INDEX IF NOT EXISTS tradepact_deals_buyer ON tradepact_deals (buyer, updated DESC);
CREATE TABLE IF NOT EXISTS tradepact_account_keys (
	account text PRIMARY KEY,
	key     text NOT NULL
);
`

// Open returns a store on pool, creating its tables (tradepact_deals,
// tradepact_account_keys) if they do not exist.
func Open(ctx context.Context, pool *pgxpool.Pool) (*Store, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return nil, fmt.Errorf("pgstore: creating the tables: %w", err)
	}
	if _, err := tx.Exec(ctx, schema); err != nil {
		return nil, fmt.Errorf("pgstore: creating the tables: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("pgstore: creating the tables: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Create implements [deal.Store].
func (s *Store) Create(ctx context.Context, r *deal.Record) error {
	tag, err := s.pool.Exec(ctx, `INSERT INTO tradepact_deals (id, seller, buyer, state, head, revision, contract, created, updated)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
		r.ID, r.Seller, r.Buyer, string(r.State), r.Head.String(), r.Revision, r.Contract, r.Created, r.Updated)
	if err != nil {
		return fmt.Errorf("pgstore: create %q: %w", r.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return deal.ErrExists
	}
	return nil
}

// Get implements [deal.Store].
func (s *Store) Get(ctx context.Context, id string) (*deal.Record, error) {
	var r deal.Record
	var state, head string
	err := s.pool.QueryRow(ctx, `SELECT id, seller, buyer, state, head, revision, contract, created, updated
		FROM tradepact_deals WHERE id = $1`, id).Scan(&r.ID, &r.Seller, &r.Buyer, &state, &head, &r.Revision, &r.Contract, &r.Created, &r.Updated)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, deal.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("pgstore: get %q: %w", id, err)
	}
	r.State = confirm.State(state)
	if r.Head, err = agreement.ParseDigest(head); err != nil {
		return nil, fmt.Errorf("pgstore: %q: stored head: %w", id, err)
	}
	return &r, nil
}

// Swap implements [deal.Store].
func (s *Store) Swap(ctx context.Context, head confirm.Digest, r *deal.Record) error {
	tag, err := s.pool.Exec(ctx, `UPDATE tradepact_deals SET seller = $1, buyer = $2, state = $3, head = $4, revision = $5, contract = $6, updated = $7
		WHERE id = $8 AND head = $9`,
		r.Seller, r.Buyer, string(r.State), r.Head.String(), r.Revision, r.Contract, r.Updated, r.ID, head.String())
	if err != nil {
		return fmt.Errorf("pgstore: swap %q: %w", r.ID, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var now string
	err = s.pool.QueryRow(ctx, `SELECT head FROM tradepact_deals WHERE id = $1`, r.ID).Scan(&now)
	if errors.Is(err, pgx.ErrNoRows) {
		return deal.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("pgstore: swap %q: %w", r.ID, err)
	}
	actual, _ := agreement.ParseDigest(now)
	return &deal.ConflictError{ID: r.ID, Expected: head, Actual: actual}
}

// List implements [deal.Store].
func (s *Store) List(ctx context.Context, account string, limit int) ([]deal.Summary, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, seller, buyer, state, head, revision, created, updated FROM tradepact_deals
		WHERE seller = $1 OR buyer = $1 ORDER BY updated DESC, id LIMIT $2`, account, limit)
	if err != nil {
		return nil, fmt.Errorf("pgstore: list: %w", err)
	}
	defer rows.Close()
	var out []deal.Summary
	for rows.Next() {
		var r deal.Summary
		var state, head string
		if err := rows.Scan(&r.ID, &r.Seller, &r.Buyer, &state, &head, &r.Revision, &r.Created, &r.Updated); err != nil {
			return nil, fmt.Errorf("pgstore: list: %w", err)
		}
		r.State = confirm.State(state)
		if r.Head, err = agreement.ParseDigest(head); err != nil {
			return nil, fmt.Errorf("pgstore: %q: stored head: %w", r.ID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgstore: list: %w", err)
	}
	return out, nil
}

// RegisterKey implements [deal.Store]: one INSERT … ON CONFLICT that
// returns the key stored, whoever stored it.
func (s *Store) RegisterKey(ctx context.Context, account string, key confirm.PublicKey) (confirm.PublicKey, error) {
	var k string
	err := s.pool.QueryRow(ctx, `INSERT INTO tradepact_account_keys (account, key) VALUES ($1, $2)
		ON CONFLICT (account) DO UPDATE SET key = tradepact_account_keys.key RETURNING key`, account, string(key)).Scan(&k)
	if err != nil {
		return "", fmt.Errorf("pgstore: register key: %w", err)
	}
	return confirm.PublicKey(k), nil
}

// Key implements [deal.Store].
func (s *Store) Key(ctx context.Context, account string) (confirm.PublicKey, error) {
	var k string
	err := s.pool.QueryRow(ctx, `SELECT key FROM tradepact_account_keys WHERE account = $1`, account).Scan(&k)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("pgstore: key: %w", err)
	}
	return confirm.PublicKey(k), nil
}

var _ deal.Store = (*Store)(nil)
