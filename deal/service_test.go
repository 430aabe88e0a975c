package deal_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/sqlitestore"
)

const (
	sellerAcct = "xianyu:zhangwei_sh"
	buyerAcct  = "xianyu:liuyang_bj"
	termsID    = "TP-2026-000102"
)

func termsYAML(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../examples/terms/secondhand-zh-Hans.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// amended returns the terms with the delivery deadline moved.
func amended(t testing.TB, deadline string) []byte {
	return bytes.Replace(termsYAML(t), []byte("deadline: 2026-11-23"), []byte("deadline: "+deadline), 1)
}

func key(t testing.TB, n byte) *confirm.PrivateKey {
	t.Helper()
	s := make([]byte, 32)
	s[0], s[31] = 0x42, n
	k, err := confirm.NewP256Key(s)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Minute)
	return c.t
}

func newStore(t testing.TB) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "deals.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newService(t testing.TB, st deal.Store, mod ...func(*deal.Config)) *deal.Service {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)}
	cfg := deal.Config{Store: st, Now: c.now, Location: time.FixedZone("CST", 8*3600)}
	for _, m := range mod {
		m(&cfg)
	}
	s, err := deal.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func as(account string) context.Context {
	return deal.WithAccount(context.Background(), account)
}

func sign(t testing.TB, k *confirm.PrivateKey, p *deal.Prepared) [][]byte {
	t.Helper()
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

// propose creates the demo deal, signed on the seller's device.
func propose(t testing.TB, s *deal.Service, seller *confirm.PrivateKey) *deal.Status {
	t.Helper()
	p, err := s.PrepareCreate(as(sellerAcct), termsYAML(t), agreement.FormatYAML, seller.Public())
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Submit(as(sellerAcct), p.Request, sign(t, seller, p))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func wantCode(t testing.TB, err error, code deal.Code) {
	t.Helper()
	var e *deal.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("got error %v, want code %s", err, code)
	}
}

func TestFlow(t *testing.T) {
	st := newStore(t)
	s := newService(t, st)
	seller, buyer := key(t, 1), key(t, 2)

	got := propose(t, s, seller)
	if got.State != confirm.StatePending || got.Revision != 1 || got.Role != confirm.Seller ||
		strings.Join(got.Next, ",") != buyerAcct || got.YourTurn || got.Agreed || got.ReleaseEscrow {
		t.Fatalf("after the proposal: %+v", got)
	}

	// The buyer reads the deal, then amends the delivery date: the
	// amendment carries the buyer's confirmation.
	bs, err := s.Status(as(buyerAcct), termsID)
	if err != nil {
		t.Fatal(err)
	}
	if !bs.YourTurn || bs.Role != confirm.Buyer {
		t.Fatalf("the buyer's status: %+v", bs)
	}
	p, err := s.PrepareAmend(as(buyerAcct), termsID, bs.Head, amended(t, "2026-11-25"), "", buyer.Public())
	if err != nil {
		t.Fatal(err)
	}
	got, err = s.Submit(as(buyerAcct), p.Request, sign(t, buyer, p))
	if err != nil {
		t.Fatal(err)
	}
	if got.Revision != 2 || strings.Join(got.Next, ",") != sellerAcct || got.YourTurn {
		t.Fatalf("after the amendment: %+v", got)
	}

	// The seller sees the change, and confirms.
	var preview bytes.Buffer
	if err := s.Preview(as(sellerAcct), termsID, &preview); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(preview.String(), `class="tp-changes"`) || !strings.Contains(preview.String(), "<ins>") ||
		!strings.Contains(preview.String(), `<article class="tradepact"`) {
		t.Fatalf("the preview shows no change:\n%.2000s", preview.String())
	}
	p, err = s.PrepareConfirm(as(sellerAcct), termsID, got.Head, seller.Public())
	if err != nil {
		t.Fatal(err)
	}
	got, err = s.Submit(as(sellerAcct), p.Request, sign(t, seller, p))
	if err != nil {
		t.Fatal(err)
	}
	if got.State != confirm.StateAgreed || !got.Agreed || !got.ReleaseEscrow || len(got.Next) != 0 {
		t.Fatalf("after both confirmed: %+v", got)
	}
	if got.Keys[confirm.Seller].Fingerprint != seller.Public().Fingerprint() || !got.Keys[confirm.Buyer].Pinned {
		t.Fatalf("keys: %+v", got.Keys)
	}

	v, err := s.Verify(as(buyerAcct), termsID)
	if err != nil {
		t.Fatal(err)
	}
	if !v.AgreedAndRerendered || v.Revisions != 2 || v.Head != got.Head {
		t.Fatalf("verification: %+v", v)
	}
	var pdf bytes.Buffer
	if err := s.PDF(as(buyerAcct), termsID, &pdf); err != nil {
		t.Fatal(err)
	}
	res, err := confirm.VerifyPDF(pdf.Bytes(), confirm.TrustKey(confirm.Seller, seller.Public()), confirm.TrustKey(confirm.Buyer, buyer.Public()))
	if err != nil || !res.Agreed || !res.PagesVerified() {
		t.Fatalf("the PDF does not verify as agreed: %v", err)
	}
	var page bytes.Buffer
	if err := s.Page(as(sellerAcct), termsID, &page); err != nil || !strings.HasPrefix(page.String(), "<!DOCTYPE html>") {
		t.Fatalf("page: %v %.100q", err, page.String())
	}
	for _, acct := range []string{sellerAcct, buyerAcct} {
		l, err := s.List(as(acct))
		if err != nil || len(l) != 1 || l[0].ID != termsID || l[0].State != confirm.StateAgreed {
			t.Fatalf("List for %s: %+v, %v", acct, l, err)
		}
	}
	if l, err := s.List(as("stranger")); err != nil || len(l) != 0 {
		t.Fatalf("List for a stranger: %+v, %v", l, err)
	}
}

func TestStranger(t *testing.T) {
	s := newService(t, newStore(t))
	seller, buyer, stranger := key(t, 1), key(t, 2), key(t, 3)
	propose(t, s, seller)
	ctx := as("xianyu:stranger")
	_, err := s.Status(ctx, termsID)
	wantCode(t, err, deal.CodeForbidden)
	_, err = s.PrepareConfirm(ctx, termsID, confirm.Digest{}, stranger.Public())
	wantCode(t, err, deal.CodeForbidden)
	wantCode(t, s.Preview(ctx, termsID, &bytes.Buffer{}), deal.CodeForbidden)
	wantCode(t, s.PDF(ctx, termsID, &bytes.Buffer{}), deal.CodeForbidden)
	_, err = s.Contract(ctx, termsID)
	wantCode(t, err, deal.CodeForbidden)
	// A request the buyer prepared and signed, replayed by a stranger.
	p, err := s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, buyer.Public())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Submit(ctx, p.Request, sign(t, buyer, p))
	if err == nil {
		t.Fatal("a stranger submitted the buyer's confirmation")
	}
	// No account at all.
	_, err = s.Status(context.Background(), termsID)
	wantCode(t, err, deal.CodeUnauthenticated)
	// The buyer may not create the seller's deal.
	_, err = s.PrepareCreate(as(buyerAcct), amended(t, "2026-11-24"), "", buyer.Public())
	wantCode(t, err, deal.CodeForbidden)
}

func TestForgedSignature(t *testing.T) {
	st := newStore(t)
	s := newService(t, st)
	seller, buyer := key(t, 1), key(t, 2)
	propose(t, s, seller)
	before, _ := st.Get(context.Background(), termsID)
	p, err := s.PrepareConfirm(as(buyerAcct), termsID, before.Head, buyer.Public())
	if err != nil {
		t.Fatal(err)
	}
	for name, sigs := range map[string][][]byte{
		"flipped":   func() [][]byte { g := sign(t, buyer, p); g[0][10] ^= 1; return g }(),
		"other key": sign(t, key(t, 9), p),
		"zero":      {make([]byte, 64)},
		"short":     {[]byte("sig")},
	} {
		_, err := s.Submit(as(buyerAcct), p.Request, sigs)
		wantCode(t, err, deal.CodeBadSignature)
		after, _ := st.Get(context.Background(), termsID)
		if !bytes.Equal(after.Contract, before.Contract) || after.Head != before.Head {
			t.Fatalf("%s: a forged signature changed the stored file", name)
		}
		if k, _ := st.Key(context.Background(), buyerAcct); k != "" {
			t.Fatalf("%s: a forged signature registered a key", name)
		}
	}
	// The terms changed in the request after it was prepared: the
	// signature is of other bytes.
	req := *p.Request
	req.Payloads = [][]byte{bytes.Replace(p.Request.Payloads[0], []byte("revision: 1"), []byte("revision: 2"), 1)}
	_, err = s.Submit(as(buyerAcct), &req, sign(t, buyer, &deal.Prepared{Request: &req}))
	if err == nil {
		t.Fatal("a request with edited payloads was accepted")
	}
}

func TestDoubleConfirmation(t *testing.T) {
	s := newService(t, newStore(t))
	seller, buyer := key(t, 1), key(t, 2)
	propose(t, s, seller)
	_, err := s.PrepareConfirm(as(sellerAcct), termsID, confirm.Digest{}, seller.Public())
	wantCode(t, err, deal.CodeAlreadyConfirmed)
	p, err := s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, buyer.Public())
	if err != nil {
		t.Fatal(err)
	}
	sigs := sign(t, buyer, p)
	if _, err := s.Submit(as(buyerAcct), p.Request, sigs); err != nil {
		t.Fatal(err)
	}
	// The same signed request again: the head moved on.
	_, err = s.Submit(as(buyerAcct), p.Request, sigs)
	wantCode(t, err, deal.CodeReload)
	_, err = s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, buyer.Public())
	wantCode(t, err, deal.CodeAlreadyConfirmed)
}

func TestStaleHead(t *testing.T) {
	st := newStore(t)
	s := newService(t, st)
	seller, buyer := key(t, 1), key(t, 2)
	first := propose(t, s, seller)
	p, err := s.PrepareConfirm(as(buyerAcct), termsID, first.Head, buyer.Public())
	if err != nil {
		t.Fatal(err)
	}
	// Meanwhile the seller amends the price.
	pa, err := s.PrepareAmend(as(sellerAcct), termsID, first.Head, bytes.Replace(termsYAML(t), []byte(`"2,350"`), []byte(`"2,550"`), 1), "", seller.Public())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Submit(as(sellerAcct), pa.Request, sign(t, seller, pa)); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Get(context.Background(), termsID)
	// The buyer's confirmation of the old price must not land.
	_, err = s.Submit(as(buyerAcct), p.Request, sign(t, buyer, p))
	wantCode(t, err, deal.CodeReload)
	if !errors.Is(err, deal.ErrReload) {
		t.Fatal("errors.Is(err, ErrReload) is false")
	}
	after, _ := st.Get(context.Background(), termsID)
	if after.Head != before.Head {
		t.Fatal("a stale confirmation changed the deal")
	}
	_, err = s.PrepareConfirm(as(buyerAcct), termsID, first.Head, buyer.Public())
	wantCode(t, err, deal.CodeReload)
}

// Two service instances on one database, many conflicting actions on the
// same head: exactly one lands, every other caller is told to reload.
func TestConcurrentInstances(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deals.db")
	open := func() *sqlitestore.Store {
		st, err := sqlitestore.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	s1, s2 := newService(t, open()), newService(t, open())
	seller, buyer := key(t, 1), key(t, 2)
	first := propose(t, s1, seller)
	// Register the buyer's key first, so that every request below uses it.
	if _, err := open().RegisterKey(context.Background(), buyerAcct, buyer.Public()); err != nil {
		t.Fatal(err)
	}
	const n = 8
	type job struct {
		s    *deal.Service
		acct string
		k    *confirm.PrivateKey
		p    *deal.Prepared
	}
	var jobs []job
	for i := range n {
		s := []*deal.Service{s1, s2}[i%2]
		var p *deal.Prepared
		var err error
		switch i % 4 {
		case 0, 1:
			p, err = s.PrepareConfirm(as(buyerAcct), termsID, first.Head, buyer.Public())
			jobs = append(jobs, job{s, buyerAcct, buyer, p})
		case 2:
			p, err = s.PrepareAmend(as(buyerAcct), termsID, first.Head, amended(t, "2026-11-2"+string(rune('4'+i%5))), "", buyer.Public())
			jobs = append(jobs, job{s, buyerAcct, buyer, p})
		case 3:
			p, err = s.PrepareAmend(as(sellerAcct), termsID, first.Head, amended(t, "2026-11-2"+string(rune('4'+i%5))), "", seller.Public())
			jobs = append(jobs, job{s, sellerAcct, seller, p})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = j.s.Submit(as(j.acct), j.p.Request, sign(t, j.k, j.p))
		}()
	}
	close(start)
	wg.Wait()
	wins := 0
	for i, err := range errs {
		if err == nil {
			wins++
			continue
		}
		if !errors.Is(err, deal.ErrReload) {
			t.Fatalf("job %d: %v, want a reload error", i, err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d writers won, want exactly 1", wins)
	}
	v, err := s2.Verify(as(sellerAcct), termsID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Revisions > 2 {
		t.Fatalf("revisions: %d", v.Revisions)
	}
}

func TestKeysAndRoles(t *testing.T) {
	s := newService(t, newStore(t))
	seller, buyer := key(t, 1), key(t, 2)
	propose(t, s, seller)
	// The buyer presents the seller's key: one key never acts for both roles.
	_, err := s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, seller.Public())
	wantCode(t, err, deal.CodeKeyMismatch)
	// The seller with a key other than the registered one.
	_, err = s.PrepareAmend(as(sellerAcct), termsID, confirm.Digest{}, amended(t, "2026-11-24"), "", buyer.Public())
	wantCode(t, err, deal.CodeKeyMismatch)
	// An amendment may not move the deal to other accounts.
	_, err = s.PrepareAmend(as(buyerAcct), termsID, confirm.Digest{},
		bytes.Replace(termsYAML(t), []byte(buyerAcct), []byte("xianyu:someone_else"), 1), "", buyer.Public())
	wantCode(t, err, deal.CodeRole)
	// Nor give both roles to one account (validation refuses it first).
	_, err = s.PrepareCreate(as(sellerAcct), bytes.Replace(
		bytes.Replace(termsYAML(t), []byte(buyerAcct), []byte(sellerAcct), 1), []byte("TP-2026-000102"), []byte("TP-2"), 1), "", seller.Public())
	wantCode(t, err, deal.CodeInvalidTerms)
	var e *deal.Error
	if errors.As(err, &e); len(e.Findings) == 0 || !strings.Contains(e.Findings[0].Path, "account") {
		t.Fatalf("findings: %v", e.Findings)
	}
	// The same contract number again.
	_, err = s.PrepareCreate(as(sellerAcct), termsYAML(t), "", seller.Public())
	wantCode(t, err, deal.CodeExists)
	_, err = s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, "p256:AAAA")
	wantCode(t, err, deal.CodeBadRequest)
}

func TestTermsFindingsAndLimits(t *testing.T) {
	s := newService(t, newStore(t), func(c *deal.Config) { c.MaxTermsBytes = 4096 })
	seller := key(t, 1)
	bad := bytes.Replace(termsYAML(t), []byte(`unit_price: "2,350"`), []byte(`unit_price: "-5"`), 1)
	_, err := s.PrepareCreate(as(sellerAcct), bad, agreement.FormatYAML, seller.Public())
	wantCode(t, err, deal.CodeInvalidTerms)
	var e *deal.Error
	errors.As(err, &e)
	found := false
	for _, f := range e.Findings {
		if f.Path == "items[0].unit_price" && f.Line > 0 {
			found = true
		}
	}
	if !found {
		t.Fatalf("no finding at items[0].unit_price: %v", e.Findings)
	}
	if !strings.Contains(e.Message(agreement.LocaleZHHans), "条款") {
		t.Fatalf("message in zh-Hans: %q", e.Message(agreement.LocaleZHHans))
	}
	fs, err := s.Validate(as(sellerAcct), bad, "")
	if err != nil || len(fs) == 0 {
		t.Fatalf("Validate: %v, %v", fs, err)
	}
	big := append(termsYAML(t), bytes.Repeat([]byte("# padding\n"), 500)...)
	_, err = s.PrepareCreate(as(sellerAcct), big, "", seller.Public())
	wantCode(t, err, deal.CodeTooLarge)
	_, err = s.PrepareCreate(as(sellerAcct), []byte("{"), agreement.FormatJSON, seller.Public())
	wantCode(t, err, deal.CodeInvalidTerms)
}

func TestServerKeys(t *testing.T) {
	keys := map[string]*confirm.PrivateKey{sellerAcct: key(t, 1), buyerAcct: key(t, 2)}
	s := newService(t, newStore(t), func(c *deal.Config) {
		c.ServerKeys = func(_ context.Context, account string) (confirm.Signer, error) {
			if k, ok := keys[account]; ok {
				return k, nil
			}
			return nil, errors.New("no key for this account")
		}
	})
	st, err := s.Create(as(sellerAcct), termsYAML(t), "")
	if err != nil {
		t.Fatal(err)
	}
	st, err = s.Amend(as(buyerAcct), termsID, st.Head, amended(t, "2026-11-26"), "")
	if err != nil {
		t.Fatal(err)
	}
	st, err = s.Confirm(as(sellerAcct), termsID, st.Head)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Agreed || !st.ReleaseEscrow {
		t.Fatalf("%+v", st)
	}
	_, err = s.Confirm(as(sellerAcct), termsID, st.Head)
	wantCode(t, err, deal.CodeAlreadyConfirmed)

	plain := newService(t, newStore(t))
	_, err = plain.Create(as(sellerAcct), termsYAML(t), "")
	wantCode(t, err, deal.CodeNoServerKeys)
}

// WebCrypto signs P-256 as r || s without normalising s: a high-S
// signature is accepted and stored low-S.
func TestWebCryptoHighS(t *testing.T) {
	s := newService(t, newStore(t))
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := confirm.NewP256Key(priv.D.FillBytes(make([]byte, 32)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PrepareCreate(as(sellerAcct), termsYAML(t), "", k.Public())
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(p.Request.Payloads[0])
	r, sv, err := ecdsa.Sign(rand.Reader, priv, h[:])
	if err != nil {
		t.Fatal(err)
	}
	n := elliptic.P256().Params().N
	if sv.Cmp(new(big.Int).Rsh(n, 1)) <= 0 {
		sv.Sub(n, sv)
	}
	sig := append(r.FillBytes(make([]byte, 32)), sv.FillBytes(make([]byte, 32))...)
	if _, err := s.Submit(as(sellerAcct), p.Request, [][]byte{sig}); err != nil {
		t.Fatalf("a high-S WebCrypto signature: %v", err)
	}
}

// A request whose signed time was edited on the client, or that waited
// too long, is refused: prepare again.
func TestRequestTime(t *testing.T) {
	s := newService(t, newStore(t))
	seller, buyer := key(t, 1), key(t, 2)
	propose(t, s, seller)
	for _, tm := range []string{"2030-01-01T00:00:00+08:00", "2026-11-19T09:00:00+08:00", "yesterday"} {
		p, err := s.PrepareConfirm(as(buyerAcct), termsID, confirm.Digest{}, buyer.Public())
		if err != nil {
			t.Fatal(err)
		}
		// The payload with the edited time, signed: what a client that
		// edits both sends.
		p.Request.Payloads[0] = bytes.Replace(p.Request.Payloads[0], []byte("time: "+p.Request.Time), []byte("time: "+tm), 1)
		p.Request.Time = tm
		_, err = s.Submit(as(buyerAcct), p.Request, sign(t, buyer, p))
		wantCode(t, err, deal.CodeReload)
	}
}

func TestDeadline(t *testing.T) {
	s := newService(t, newStore(t))
	propose(t, s, key(t, 1))
	ctx, cancel := context.WithCancel(as(sellerAcct))
	cancel()
	_, err := s.Status(ctx, termsID)
	wantCode(t, err, deal.CodeTimeout)
}
