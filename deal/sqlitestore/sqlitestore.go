// Package sqlitestore is the embedded [deal.Store]: one SQLite file,
// created on first use, in WAL mode, through modernc.org/sqlite (pure Go,
// no cgo).
//
// Several goroutines, and several processes opening the same file, may
// use it at once: every write is one statement, and a writer that finds
// the file locked waits up to the busy timeout (5 s) before it fails.
// To run several service instances on several machines, use package
// deal/pgstore.
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// Store is a [deal.Store] in one SQLite file. Close it when done.
type Store struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS deals (
	id       TEXT PRIMARY KEY,
	seller   TEXT NOT NULL,
	buyer    TEXT NOT NULL,
	state    TEXT NOT NULL,
	head     TEXT NOT NULL,
	revision INTEGER NOT NULL,
	contract BLOB NOT NULL,
	created  TEXT NOT NULL,
	updated  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deals_seller ON deals (seller, updated);
CREATE INDEX IF NOT EXISTS deals_buyer ON deals (buyer, updated);
CREATE TABLE IF NOT EXISTS account_keys (
	account TEXT PRIMARY KEY,
	key     TEXT NOT NULL
);
`

// timeLayout stores times as UTC text that sorts as it reads.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// Open opens the SQLite database file path, creating it and its tables
// if they do not exist, and turns on WAL mode.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlitestore: creating the tables in %s: %w", path, err)
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		db.Close()
		return nil, fmt.Errorf("sqlitestore: %s is not in WAL mode (%q, %v)", path, mode, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Create implements [deal.Store].
func (s *Store) Create(ctx context.Context, r *deal.Record) error {
	res, err := s.db.ExecContext(ctx, `INSERT INTO deals (id, seller, buyer, state, head, revision, contract, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		r.ID, r.Seller, r.Buyer, string(r.State), r.Head.String(), r.Revision, r.Contract,
		r.Created.UTC().Format(timeLayout), r.Updated.UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("sqlitestore: create %q: %w", r.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlitestore: create %q: %w", r.ID, err)
	} else if n == 0 {
		return deal.ErrExists
	}
	return nil
}

// Get implements [deal.Store].
func (s *Store) Get(ctx context.Context, id string) (*deal.Record, error) {
	var r deal.Record
	var state, head, created, updated string
	err := s.db.QueryRowContext(ctx, `SELECT id, seller, buyer, state, head, revision, contract, created, updated
		FROM deals WHERE id = ?`, id).Scan(&r.ID, &r.Seller, &r.Buyer, &state, &head, &r.Revision, &r.Contract, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, deal.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: get %q: %w", id, err)
	}
	r.State = confirm.State(state)
	if r.Head, err = agreement.ParseDigest(head); err != nil {
		return nil, fmt.Errorf("sqlitestore: %q: stored head: %w", r.ID, err)
	}
	if r.Created, err = time.Parse(timeLayout, created); err == nil {
		r.Updated, err = time.Parse(timeLayout, updated)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: get %q: %w", id, err)
	}
	return &r, nil
}

// Swap implements [deal.Store]: one UPDATE … WHERE head = ?, which SQLite
// runs under its write lock.
func (s *Store) Swap(ctx context.Context, head confirm.Digest, r *deal.Record) error {
	res, err := s.db.ExecContext(ctx, `UPDATE deals SET seller = ?, buyer = ?, state = ?, head = ?, revision = ?, contract = ?, updated = ?
		WHERE id = ? AND head = ?`,
		r.Seller, r.Buyer, string(r.State), r.Head.String(), r.Revision, r.Contract, r.Updated.UTC().Format(timeLayout),
		r.ID, head.String())
	if err != nil {
		return fmt.Errorf("sqlitestore: swap %q: %w", r.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("sqlitestore: swap %q: %w", r.ID, err)
	}
	if n == 1 {
		return nil
	}
	var now string
	err = s.db.QueryRowContext(ctx, `SELECT head FROM deals WHERE id = ?`, r.ID).Scan(&now)
	if errors.Is(err, sql.ErrNoRows) {
		return deal.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("sqlitestore: swap %q: %w", r.ID, err)
	}
	actual, _ := agreement.ParseDigest(now)
	return &deal.ConflictError{ID: r.ID, Expected: head, Actual: actual}
}

// List implements [deal.Store].
func (s *Store) List(ctx context.Context, account string, limit int) ([]deal.Summary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, seller, buyer, state, head, revision, created, updated FROM deals
		WHERE seller = ? OR buyer = ? ORDER BY updated DESC, id LIMIT ?`, account, account, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: list: %w", err)
	}
	defer rows.Close()
	var out []deal.Summary
	for rows.Next() {
		var r deal.Summary
		var state, head, created, updated string
		if err := rows.Scan(&r.ID, &r.Seller, &r.Buyer, &state, &head, &r.Revision, &created, &updated); err != nil {
			return nil, fmt.Errorf("sqlitestore: list: %w", err)
		}
		r.State = confirm.State(state)
		if r.Head, err = agreement.ParseDigest(head); err != nil {
			return nil, fmt.Errorf("sqlitestore: %q: stored head: %w", r.ID, err)
		}
		if r.Created, err = time.Parse(timeLayout, created); err == nil {
			r.Updated, err = time.Parse(timeLayout, updated)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: list: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: list: %w", err)
	}
	return out, nil
}

// RegisterKey implements [deal.Store].
func (s *Store) RegisterKey(ctx context.Context, account string, key confirm.PublicKey) (confirm.PublicKey, error) {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO account_keys (account, key) VALUES (?, ?) ON CONFLICT (account) DO NOTHING`,
		account, string(key)); err != nil {
		return "", fmt.Errorf("sqlitestore: register key: %w", err)
	}
	k, err := s.Key(ctx, account)
	if err == nil && k == "" {
		err = errors.New("sqlitestore: register key: the key vanished")
	}
	return k, err
}

// Key implements [deal.Store].
func (s *Store) Key(ctx context.Context, account string) (confirm.PublicKey, error) {
	var k string
	err := s.db.QueryRowContext(ctx, `SELECT key FROM account_keys WHERE account = ?`, account).Scan(&k)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlitestore: key: %w", err)
	}
	return confirm.PublicKey(k), nil
}

var _ deal.Store = (*Store)(nil)
