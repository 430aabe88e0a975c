package sqlitestore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/sqlitestore"
	"github.com/tradepact/tradepact/deal/storetest"
)

func open(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) deal.Store {
		return open(t, filepath.Join(t.TempDir(), "deals.db"))
	})
}

// Two stores on one file stand for two processes sharing it.
func TestShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deals.db")
	storetest.RunShared(t, open(t, path), open(t, path))
}

func TestCreatedOnFirstUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a dir with spaces & ?marks")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "deals.db")
	s := open(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database file was not created: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no WAL file beside the database: %v", err)
	}
	data, head := storetest.Contract(t, "TP-reopen")
	if err := s.Create(context.Background(), &deal.Record{ID: "TP-reopen", Seller: "s", Buyer: "b", Head: head, Revision: 1, Contract: data}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Opening it again keeps what it holds.
	s2 := open(t, path)
	r, err := s2.Get(context.Background(), "TP-reopen")
	if err != nil || string(r.Contract) != string(data) {
		t.Fatalf("after reopening: %v", err)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deals.db")
	if err := os.WriteFile(path, []byte("this is a text file, not SQLite\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := sqlitestore.Open(context.Background(), path); err == nil {
		s.Close()
		t.Fatal("Open accepted a text file")
	}
}
