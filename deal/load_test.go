package deal_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/pgstore"
)

// backend is one way to run the service for the load benchmark: one or
// more instances (HTTP servers on loopback), each with its own store
// handle on one database.
type backend struct {
	name  string
	setup func(b *testing.B) []*deal.Service
}

func backends() []backend {
	out := []backend{{"sqlite", func(b *testing.B) []*deal.Service {
		return []*deal.Service{benchService(b, newStore(b))}
	}}}
	dsn := os.Getenv("TRADEPACT_TEST_POSTGRES")
	if dsn == "" {
		return out
	}
	pg := func(n int) func(b *testing.B) []*deal.Service {
		return func(b *testing.B) []*deal.Service {
			ctx := context.Background()
			admin, err := pgxpool.New(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			r := make([]byte, 6)
			rand.Read(r)
			schema := "tradepact_bench_" + hex.EncodeToString(r)
			if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); admin.Close() })
			var svcs []*deal.Service
			for range n {
				cfg, _ := pgxpool.ParseConfig(dsn)
				cfg.ConnConfig.RuntimeParams["search_path"] = schema
				pool, err := pgxpool.NewWithConfig(ctx, cfg)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(pool.Close)
				st, err := pgstore.Open(ctx, pool)
				if err != nil {
					b.Fatal(err)
				}
				svcs = append(svcs, benchService(b, st))
			}
			return svcs
		}
	}
	return append(out, backend{"postgres-1", pg(1)}, backend{"postgres-2", pg(2)})
}

func benchService(b *testing.B, st deal.Store) *deal.Service {
	s, err := deal.New(deal.Config{Store: st, Location: time.FixedZone("CST", 8*3600)})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkLoad measures the HTTP API on loopback: requests/s and the
// 50th and 99th percentile latency of status, preview, PDF and confirm
// (prepare, sign on the client, submit), with 8 concurrent clients, on
// SQLite and, when TRADEPACT_TEST_POSTGRES is set, on PostgreSQL with one
// and with two service instances (the clients alternate between them).
//
//	go test -run '^$' -bench Load -benchtime 200x ./deal
func BenchmarkLoad(b *testing.B) {
	for _, be := range backends() {
		for _, op := range []string{"status", "preview", "pdf", "confirm"} {
			b.Run(be.name+"/"+op, func(b *testing.B) { load(b, be, op) })
		}
	}
}

func load(b *testing.B, be backend, op string) {
	svcs := be.setup(b)
	var urls []string
	for _, s := range svcs {
		h := deal.NewHandler(s)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(w, r.WithContext(deal.WithAccount(r.Context(), r.Header.Get("X-Account"))))
		}))
		b.Cleanup(srv.Close)
		urls = append(urls, srv.URL)
	}
	seller, buyer := key(b, 1), key(b, 2)
	// One agreed deal to read; for confirm, one pending deal per request.
	n := 1
	if op == "confirm" {
		n = b.N
	}
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("TP-LOAD-%06d", i)
		terms := bytes.Replace(termsYAML(b), []byte(termsID), []byte(ids[i]), 1)
		p, err := svcs[0].PrepareCreate(as(sellerAcct), terms, "", seller.Public())
		if err != nil {
			b.Fatal(err)
		}
		st, err := svcs[0].Submit(as(sellerAcct), p.Request, sign(b, seller, p))
		if err != nil {
			b.Fatal(err)
		}
		if op != "confirm" {
			p, err := svcs[0].PrepareConfirm(as(buyerAcct), ids[i], st.Head, buyer.Public())
			if err != nil {
				b.Fatal(err)
			}
			if _, err := svcs[0].Submit(as(buyerAcct), p.Request, sign(b, buyer, p)); err != nil {
				b.Fatal(err)
			}
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	do := func(method, url string, body any) []byte {
		var rd io.Reader
		if body != nil {
			data, _ := json.Marshal(body)
			rd = bytes.NewReader(data)
		}
		req, _ := http.NewRequest(method, url, rd)
		req.Header.Set("X-Account", buyerAcct)
		resp, err := client.Do(req)
		if err != nil {
			b.Error(err)
			return nil
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 300 {
			b.Errorf("%s %s: %d %s", method, url, resp.StatusCode, out)
		}
		return out
	}
	var mu sync.Mutex
	var lat []time.Duration
	var next, inst atomic.Int64
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			base := urls[int(inst.Add(1))%len(urls)]
			t0 := time.Now()
			switch op {
			case "status":
				do("GET", base+"/deals/"+ids[0], nil)
			case "preview":
				do("GET", base+"/deals/"+ids[0]+"/preview", nil)
			case "pdf":
				do("GET", base+"/deals/"+ids[0]+"/pdf", nil)
			case "confirm":
				id := ids[next.Add(1)-1]
				var prep struct {
					Request *confirm.Request `json:"request"`
				}
				json.Unmarshal(do("POST", base+"/deals/"+id+"/confirm/prepare", map[string]any{"key": buyer.Public()}), &prep)
				if prep.Request == nil {
					continue
				}
				sigs := sign(b, buyer, &deal.Prepared{Request: prep.Request})
				do("POST", base+"/deals/"+id+"/submit", map[string]any{"request": prep.Request, "signatures": sigs})
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	pct := func(p float64) float64 { return float64(lat[int(float64(len(lat)-1)*p)].Microseconds()) / 1000 }
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
