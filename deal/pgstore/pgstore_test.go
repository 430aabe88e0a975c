package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/pgstore"
	"github.com/tradepact/tradepact/deal/storetest"
)

// database returns the DSN of the test server and a fresh schema in it,
// dropped after the test. Without TRADEPACT_TEST_POSTGRES, or when the
// server cannot be reached, the test is skipped, unless CI=true.
func database(t *testing.T) (dsn, schema string) {
	t.Helper()
	dsn = os.Getenv("TRADEPACT_TEST_POSTGRES")
	skip := t.Skipf
	if os.Getenv("CI") == "true" {
		skip = t.Fatalf
	}
	if dsn == "" {
		skip("TRADEPACT_TEST_POSTGRES is not set; set it to a PostgreSQL DSN (postgres://user@host/db) to run the PostgreSQL store tests")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pool, err := pgxpool.New(ctx, dsn)
	if err == nil {
		err = pool.Ping(ctx)
	}
	if err != nil {
		if pool != nil {
			pool.Close()
		}
		skip("PostgreSQL at TRADEPACT_TEST_POSTGRES is not reachable: %v", err)
		return
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema = "tradepact_test_" + hex.EncodeToString(b)
	if _, err := pool.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		pool.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		pool.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		pool.Close()
	})
	return dsn, schema
}

// open opens a pool of its own (a service instance) on the schema.
func open(t *testing.T, dsn, schema string) *pgstore.Store {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.MaxConns = 8
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	s, err := pgstore.Open(context.Background(), pool)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPostgresConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) deal.Store {
		dsn, schema := database(t)
		return open(t, dsn, schema)
	})
}

// Two pools on one database stand for two service instances behind a
// load balancer.
func TestPostgresTwoInstances(t *testing.T) {
	dsn, schema := database(t)
	storetest.RunShared(t, open(t, dsn, schema), open(t, dsn, schema))
}

// Instances starting together make the tables once, without an error.
func TestPostgresOpenTogether(t *testing.T) {
	dsn, schema := database(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			cfg, _ := pgxpool.ParseConfig(dsn)
			cfg.ConnConfig.RuntimeParams["search_path"] = schema
			pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
			if err == nil {
				_, err = pgstore.Open(context.Background(), pool)
				pool.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
