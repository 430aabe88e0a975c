// Command marketplace is a small but real marketplace around the deal
// service (package deal): a seller proposes terms, the buyer reads them on
// a phone, amends or confirms, and both sign in the browser with a
// non-extractable WebCrypto P-256 key kept in IndexedDB.
//
//	go run ./examples/marketplace [-addr 127.0.0.1:8080] [-db marketplace.db | -db postgres://…]
//
// It starts on SQLite (one file, created on first run) with two demo
// accounts, a seller and a buyer, and prints the URL. There is no login:
// the start page lets you act as either account (a cookie), so one
// browser can play both parties; each account gets its own key. WebCrypto
// needs a secure context: http://127.0.0.1 and http://localhost are one,
// a deployment needs TLS. The pages load nothing from the network.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/pgstore"
	"github.com/tradepact/tradepact/deal/sqlitestore"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	db := flag.String("db", "marketplace.db", "SQLite file, or a postgres:// URL")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*addr, *db, log); err != nil {
		fmt.Fprintln(os.Stderr, "marketplace:", err)
		os.Exit(1)
	}
}

// openStore opens the store the -db flag names.
func openStore(ctx context.Context, db string) (deal.Store, func(), error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		pool, err := pgxpool.New(ctx, db)
		if err != nil {
			return nil, nil, err
		}
		s, err := pgstore.Open(ctx, pool)
		if err != nil {
			pool.Close()
			return nil, nil, err
		}
		return s, pool.Close, nil
	}
	s, err := sqlitestore.Open(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	return s, func() { s.Close() }, nil
}

func run(addr, db string, log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store, closeStore, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer closeStore()
	svc, err := deal.New(deal.Config{Store: store, Logger: log, Location: time.FixedZone("CST", 8*3600)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newSite(svc, time.Now), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Printf("marketplace: http://%s/ (store: %s)\n", ln.Addr(), db)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
