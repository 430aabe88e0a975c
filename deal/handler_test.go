package deal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
)

// newAPI serves the handler behind a stand-in for the platform's
// authentication: the account is the X-Account header.
func newAPI(t *testing.T, s *deal.Service) *httptest.Server {
	h := deal.NewHandler(s)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a := r.Header.Get("X-Account"); a != "" {
			r = r.WithContext(deal.WithAccount(r.Context(), a))
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("not JSON (%d): %s", r.status, r.body)
	}
	return m
}

func (r reply) code(t *testing.T) string {
	t.Helper()
	e, _ := r.json(t)["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func call(t *testing.T, srv *httptest.Server, method, path, account, lang string, body any) reply {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if account != "" {
		req.Header.Set("X-Account", account)
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, data}
}

// prepared signs the request of a prepare reply with k and returns the
// submit body.
func prepared(t *testing.T, r reply, k *confirm.PrivateKey) map[string]any {
	t.Helper()
	if r.status != 200 {
		t.Fatalf("prepare: %d %s", r.status, r.body)
	}
	var p struct {
		Request *confirm.Request `json:"request"`
	}
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatal(err)
	}
	var sigs [][]byte
	for _, m := range p.Request.Payloads {
		s, err := k.Sign(m)
		if err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, s)
	}
	return map[string]any{"request": p.Request, "signatures": sigs}
}

func TestHTTPFlow(t *testing.T) {
	st := newStore(t)
	srv := newAPI(t, newService(t, st))
	seller, buyer := key(t, 1), key(t, 2)

	r := call(t, srv, "POST", "/deals/prepare", sellerAcct, "", map[string]any{"terms": string(termsYAML(t)), "format": "yaml", "key": seller.Public()})
	r = call(t, srv, "POST", "/deals/"+termsID+"/submit", sellerAcct, "", prepared(t, r, seller))
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	head := r.json(t)["head"].(string)

	r = call(t, srv, "GET", "/deals/"+termsID, buyerAcct, "", nil)
	if r.status != 200 || r.json(t)["your_turn"] != true {
		t.Fatalf("buyer's status: %d %s", r.status, r.body)
	}
	r = call(t, srv, "POST", "/deals/"+termsID+"/amend/prepare", buyerAcct, "",
		map[string]any{"base": head, "terms": string(amended(t, "2026-11-25")), "key": buyer.Public()})
	r = call(t, srv, "POST", "/deals/"+termsID+"/submit", buyerAcct, "", prepared(t, r, buyer))
	if r.status != 200 {
		t.Fatalf("amend: %d %s", r.status, r.body)
	}
	head = r.json(t)["head"].(string)

	r = call(t, srv, "GET", "/deals/"+termsID+"/preview", sellerAcct, "", nil)
	if r.status != 200 || !strings.Contains(string(r.body), "tp-changes") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("preview: %d %.300s", r.status, r.body)
	}
	r = call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", sellerAcct, "", map[string]any{"base": head, "key": seller.Public()})
	r = call(t, srv, "POST", "/deals/"+termsID+"/submit", sellerAcct, "", prepared(t, r, seller))
	if r.status != 200 || r.json(t)["state"] != "agreed" || r.json(t)["release_escrow"] != true {
		t.Fatalf("confirm: %d %s", r.status, r.body)
	}

	r = call(t, srv, "GET", "/deals/"+termsID+"/pdf", buyerAcct, "", nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
		t.Fatalf("pdf: %d %s", r.status, r.header)
	}
	if res, err := confirm.VerifyPDF(r.body, confirm.TrustKey(confirm.Seller, seller.Public()), confirm.TrustKey(confirm.Buyer, buyer.Public())); err != nil || !res.Agreed {
		t.Fatalf("the downloaded PDF: %v", err)
	}
	r = call(t, srv, "GET", "/deals/"+termsID+"/verify", buyerAcct, "", nil)
	if r.status != 200 || r.json(t)["agreed_and_rerendered"] != true {
		t.Fatalf("verify: %d %s", r.status, r.body)
	}
	r = call(t, srv, "GET", "/deals/"+termsID+"/contract", buyerAcct, "", nil)
	if _, err := confirm.Verify(r.body); r.status != 200 || err != nil {
		t.Fatalf("contract: %d %v", r.status, err)
	}
	r = call(t, srv, "GET", "/deals/"+termsID+"/page", buyerAcct, "", nil)
	if r.status != 200 || !strings.Contains(string(r.body), "<html") {
		t.Fatalf("page: %d", r.status)
	}
	r = call(t, srv, "GET", "/deals", sellerAcct, "", nil)
	if l, _ := r.json(t)["deals"].([]any); r.status != 200 || len(l) != 1 {
		t.Fatalf("list: %d %s", r.status, r.body)
	}
}

func TestHTTPErrors(t *testing.T) {
	st := newStore(t)
	srv := newAPI(t, newService(t, st))
	seller, buyer := key(t, 1), key(t, 2)
	first := propose(t, newService(t, st), seller)
	stored := func() []byte {
		r, err := st.Get(context.Background(), termsID)
		if err != nil {
			t.Fatal(err)
		}
		return r.Contract
	}

	t.Run("stranger", func(t *testing.T) {
		for _, p := range []string{"", "/preview", "/pdf", "/contract", "/verify", "/page"} {
			r := call(t, srv, "GET", "/deals/"+termsID+p, "xianyu:stranger", "", nil)
			if r.status != http.StatusForbidden || r.code(t) != "forbidden" {
				t.Fatalf("GET %s by a stranger: %d %s", p, r.status, r.body)
			}
			if r.header.Get("Content-Disposition") != "" {
				t.Fatalf("an error offered as an attachment")
			}
		}
		r := call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", "xianyu:stranger", "", map[string]any{"key": key(t, 7).Public()})
		if r.status != http.StatusForbidden {
			t.Fatalf("a stranger's confirmation: %d %s", r.status, r.body)
		}
	})
	t.Run("unauthenticated", func(t *testing.T) {
		if r := call(t, srv, "GET", "/deals/"+termsID, "", "", nil); r.status != http.StatusUnauthorized {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("not found", func(t *testing.T) {
		if r := call(t, srv, "GET", "/deals/TP-none", sellerAcct, "", nil); r.status != http.StatusNotFound {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("forged signature", func(t *testing.T) {
		before := stored()
		b := prepared(t, call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", buyerAcct, "", map[string]any{"key": buyer.Public()}), buyer)
		b["signatures"].([][]byte)[0][5] ^= 0x80
		r := call(t, srv, "POST", "/deals/"+termsID+"/submit", buyerAcct, "zh-TW", b)
		if r.status != http.StatusBadRequest || r.code(t) != "bad_signature" {
			t.Fatalf("%d %s", r.status, r.body)
		}
		if msg := r.json(t)["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "簽章") {
			t.Fatalf("message not in zh-Hant: %q", msg)
		}
		if !bytes.Equal(stored(), before) {
			t.Fatal("the stored file changed")
		}
	})
	t.Run("double confirmation", func(t *testing.T) {
		r := call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", sellerAcct, "", map[string]any{"key": seller.Public()})
		if r.status != http.StatusConflict || r.code(t) != "already_confirmed" {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("stale head", func(t *testing.T) {
		b := prepared(t, call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", buyerAcct, "", map[string]any{"key": buyer.Public(), "base": first.Head.String()}), buyer)
		// The seller amends before the buyer's confirmation arrives.
		a := prepared(t, call(t, srv, "POST", "/deals/"+termsID+"/amend/prepare", sellerAcct, "",
			map[string]any{"key": seller.Public(), "base": first.Head.String(), "terms": string(amended(t, "2026-11-27"))}), seller)
		if r := call(t, srv, "POST", "/deals/"+termsID+"/submit", sellerAcct, "", a); r.status != 200 {
			t.Fatalf("amend: %d %s", r.status, r.body)
		}
		before := stored()
		r := call(t, srv, "POST", "/deals/"+termsID+"/submit", buyerAcct, "", b)
		if r.status != http.StatusConflict || r.code(t) != "reload" {
			t.Fatalf("%d %s", r.status, r.body)
		}
		if !bytes.Equal(stored(), before) {
			t.Fatal("the stored file changed")
		}
		r = call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", buyerAcct, "", map[string]any{"key": buyer.Public(), "base": first.Head.String()})
		if r.status != http.StatusConflict || r.code(t) != "reload" || r.json(t)["error"].(map[string]any)["field"] != "base" {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("findings in the caller's language", func(t *testing.T) {
		bad := bytes.Replace(termsYAML(t), []byte(`unit_price: "2,350"`), []byte(`unit_price: "-5"`), 1)
		bad = bytes.Replace(bad, []byte("TP-2026-000102"), []byte("TP-2026-000103"), 1)
		r := call(t, srv, "POST", "/deals/prepare", sellerAcct, "zh-TW,zh;q=0.8,en;q=0.5", map[string]any{"terms": string(bad), "key": seller.Public()})
		if r.status != http.StatusUnprocessableEntity || r.code(t) != "invalid_terms" || r.header.Get("Content-Language") != "zh-Hant" {
			t.Fatalf("%d %s", r.status, r.body)
		}
		var out struct {
			Error struct {
				Findings []struct {
					Path, Message, Locale string
					Line                  int
				}
			}
		}
		json.Unmarshal(r.body, &out)
		found := false
		for _, f := range out.Error.Findings {
			if f.Path == "items[0].unit_price" && f.Locale == "zh-Hant" && f.Line > 0 && f.Message != "" {
				found = true
			}
		}
		if !found {
			t.Fatalf("no zh-Hant finding at items[0].unit_price: %s", r.body)
		}
		// The same through the form's validation route, as JSON terms.
		r = call(t, srv, "POST", "/deals/validate", sellerAcct, "en", `{"terms": {"tradepact": 1, "id": "X"}}`)
		if r.status != 200 || !strings.Contains(string(r.body), `"path":"seller.account"`) {
			t.Fatalf("validate: %d %s", r.status, r.body)
		}
	})
	t.Run("malformed bodies", func(t *testing.T) {
		for name, b := range map[string]string{
			"not JSON":      `{"terms": `,
			"unknown field": `{"terms": "x", "price": 1}`,
			"two values":    `{} {}`,
			"terms number":  `{"terms": 5}`,
			"bad base":      `{"base": "sha256:zz", "key": "p256:AAAA"}`,
		} {
			r := call(t, srv, "POST", "/deals/"+termsID+"/confirm/prepare", buyerAcct, "", b)
			if r.status != http.StatusBadRequest || r.code(t) != "bad_request" {
				t.Fatalf("%s: %d %s", name, r.status, r.body)
			}
		}
		r := call(t, srv, "POST", "/deals/"+termsID+"/submit", buyerAcct, "", `{"request": {"contract": "TP-other"}}`)
		if r.status != http.StatusBadRequest {
			t.Fatalf("submit for another deal: %d %s", r.status, r.body)
		}
	})
	t.Run("too large", func(t *testing.T) {
		huge := `{"terms": "` + strings.Repeat("a", 600<<10) + `"}`
		r := call(t, srv, "POST", "/deals/prepare", sellerAcct, "", huge)
		if r.status != http.StatusRequestEntityTooLarge {
			t.Fatalf("%d %s", r.status, r.body)
		}
		over := `{"terms": "` + strings.Repeat("#", 300<<10) + `"}`
		if r := call(t, srv, "POST", "/deals/prepare", sellerAcct, "", over); r.status != http.StatusRequestEntityTooLarge {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("no server keys", func(t *testing.T) {
		r := call(t, srv, "POST", "/deals/"+termsID+"/confirm", buyerAcct, "", `{}`)
		if r.status != http.StatusNotImplemented || r.code(t) != "no_server_keys" {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("method", func(t *testing.T) {
		if r := call(t, srv, "DELETE", "/deals/"+termsID, sellerAcct, "", nil); r.status != http.StatusMethodNotAllowed {
			t.Fatalf("%d", r.status)
		}
	})
}

// A platform that keeps its users' keys: create, amend and confirm
// through the one-call routes.
func TestHTTPServerKeys(t *testing.T) {
	keys := map[string]*confirm.PrivateKey{sellerAcct: key(t, 1), buyerAcct: key(t, 2)}
	srv := newAPI(t, newService(t, newStore(t), func(c *deal.Config) {
		c.ServerKeys = func(_ context.Context, account string) (confirm.Signer, error) {
			return keys[account], nil
		}
	}))
	r := call(t, srv, "POST", "/deals", sellerAcct, "", map[string]any{"terms": string(termsYAML(t))})
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	r = call(t, srv, "POST", "/deals/"+termsID+"/amend", buyerAcct, "", map[string]any{"base": r.json(t)["head"], "terms": string(amended(t, "2026-11-28"))})
	if r.status != 200 {
		t.Fatalf("amend: %d %s", r.status, r.body)
	}
	head := r.json(t)["head"]
	r = call(t, srv, "POST", "/deals/"+termsID+"/confirm", sellerAcct, "", map[string]any{"base": head})
	if r.status != 200 || r.json(t)["agreed"] != true {
		t.Fatalf("confirm: %d %s", r.status, r.body)
	}
	// The same confirmation on the old head again: the head moved.
	r = call(t, srv, "POST", "/deals/"+termsID+"/confirm", sellerAcct, "", map[string]any{"base": head})
	if r.status != http.StatusConflict || r.code(t) != "reload" {
		t.Fatalf("again: %d %s", r.status, r.body)
	}
}
