package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/deal/sqlitestore"
)

// newTestSite serves the marketplace on a fresh SQLite file.
func newTestSite(t *testing.T) (*httptest.Server, *sqlitestore.Store) {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := deal.New(deal.Config{Store: st, Location: time.FixedZone("CST", 8*3600)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newSite(svc, time.Now))
	t.Cleanup(srv.Close)
	return srv, st
}

// client is a browser stand-in with the cookie of a demo account.
func client(t *testing.T, srv *httptest.Server, account string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(srv.URL+"/as", url.Values{"account": {account}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("switching to %s: %d", account, resp.StatusCode)
	}
	return c
}

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestStartPage(t *testing.T) {
	srv, _ := newTestSite(t)
	resp, body := get(t, http.DefaultClient, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, "Continue as 张伟 (seller)") || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", resp.StatusCode, body)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Fatalf("the page may load from elsewhere: CSP %q", csp)
	}
	for path, ctype := range map[string]string{"/static/app.js": "text/javascript", "/static/site.css": "text/css"} {
		resp, body := get(t, http.DefaultClient, srv.URL+path)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) || len(body) < 500 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if strings.Contains(body, "https://") || strings.Contains(body, "http://") {
			t.Fatalf("%s refers to the network", path)
		}
	}
	if resp, _ := get(t, http.DefaultClient, srv.URL+"/nothing"); resp.StatusCode != 404 {
		t.Fatalf("GET /nothing: %d", resp.StatusCode)
	}
}

func TestAccounts(t *testing.T) {
	srv, _ := newTestSite(t)
	// Not a demo account: refused, no cookie.
	resp, err := http.PostForm(srv.URL+"/as", url.Values{"account": {"admin"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Fatalf("switching to a made-up account: %d", resp.StatusCode)
	}
	// A forged cookie is no account.
	req, _ := http.NewRequest("GET", srv.URL+"/api/deals", nil)
	req.AddCookie(&http.Cookie{Name: cookieName, Value: "admin"})
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("a forged cookie: %d", resp.StatusCode)
	}
	// An open redirect through next is refused.
	c := client(t, srv, "demo:liuyang")
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err = c.PostForm(srv.URL+"/as", url.Values{"account": {"demo:liuyang"}, "next": {"//evil.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Location") != "/" {
		t.Fatalf("redirected to %q", resp.Header.Get("Location"))
	}
}

// TestFlowThroughSite runs the whole deal through the site's cookie
// login and API, signing as the pages do (P-256, r || s).
func TestFlowThroughSite(t *testing.T) {
	srv, _ := newTestSite(t)
	seller, buyer := client(t, srv, "demo:zhangwei"), client(t, srv, "demo:liuyang")
	sk, bk := p256(t, 1), p256(t, 2)

	_, page := get(t, seller, srv.URL+"/new")
	terms := between(page, `aria-describedby="findings">`, "</textarea>")
	terms = strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(terms)
	id := between(terms, "id: ", "\n")
	st := act(t, seller, srv.URL, "/deals/prepare", map[string]any{"terms": terms, "format": "yaml"}, sk)
	if st["id"] != id {
		t.Fatalf("created %v, want %s", st["id"], id)
	}
	resp, page := get(t, buyer, srv.URL+"/deals/"+id)
	if resp.StatusCode != 200 || !strings.Contains(page, `id="confirm"`) || !strings.Contains(page, `class="tradepact"`) {
		t.Fatalf("the buyer's page: %d", resp.StatusCode)
	}
	act(t, buyer, srv.URL, "/deals/"+id+"/confirm/prepare", map[string]any{"base": st["head"]}, bk)
	_, page = get(t, seller, srv.URL+"/deals/"+id)
	if !strings.Contains(page, `data-state="agreed"`) || !strings.Contains(page, "escrow may be released") {
		t.Fatalf("the seller's page after both confirmed:\n%s", page)
	}
	resp, pdf := get(t, buyer, srv.URL+"/api/deals/"+id+"/pdf")
	if resp.StatusCode != 200 {
		t.Fatalf("pdf: %d", resp.StatusCode)
	}
	if res, err := confirm.VerifyPDF([]byte(pdf), confirm.TrustKey(confirm.Seller, sk.Public()), confirm.TrustKey(confirm.Buyer, bk.Public())); err != nil || !res.Agreed {
		t.Fatalf("the PDF: %v", err)
	}
	// The stranger's view of the deal page.
	jar, _ := cookiejar.New(nil)
	if resp, _ := get(t, &http.Client{Jar: jar}, srv.URL+"/deals/"+id); resp.StatusCode != 401 {
		t.Fatalf("a visitor without an account: %d", resp.StatusCode)
	}
}

func p256(t *testing.T, n byte) *confirm.PrivateKey {
	b := make([]byte, 32)
	b[0], b[31] = 9, n
	k, err := confirm.NewP256Key(b)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	if j := strings.Index(s, b); j >= 0 {
		return s[:j]
	}
	return s
}

// act prepares, signs and submits as app.js does.
func act(t *testing.T, c *http.Client, base, path string, body map[string]any, k *confirm.PrivateKey) map[string]any {
	t.Helper()
	body["key"] = k.Public()
	var prep struct {
		Request *confirm.Request `json:"request"`
	}
	post(t, c, base+"/api"+path, body, &prep)
	var sigs [][]byte
	for _, p := range prep.Request.Payloads {
		s, err := k.Sign(p)
		if err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, s)
	}
	var st map[string]any
	post(t, c, base+"/api/deals/"+prep.Request.Contract+"/submit", map[string]any{"request": prep.Request, "signatures": sigs}, &st)
	return st
}

func post(t *testing.T, c *http.Client, u string, body, out any) {
	t.Helper()
	data, _ := json.Marshal(body)
	resp, err := c.Post(u, "application/json", strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("POST %s: %d %s", u, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
}
