package deal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tradepact/tradepact/deal"
)

// FuzzSubmit posts arbitrary bodies to the submit route of a deal
// awaiting the buyer's confirmation: no body may panic or fail inside
// the service (500), and whatever is refused leaves the stored file as it
// was. Seeded with a valid confirmation, a forged one and broken JSON.
func FuzzSubmit(f *testing.F) {
	st := newStore(f)
	s := newService(f, st)
	seller, buyer := key(f, 1), key(f, 2)
	propose(f, s, seller)
	p, err := s.PrepareConfirm(as(buyerAcct), termsID, [32]byte{}, buyer.Public())
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(map[string]any{"request": p.Request, "signatures": sign(f, buyer, p)})
	forged := bytes.Replace(good, []byte(`"signatures":["`), []byte(`"signatures":["AAAA`), 1)
	f.Add(good)
	f.Add(forged)
	f.Add([]byte(`{"request": {"action": "amend", "contract": "TP-2026-000102", "terms": "e30="}, "signatures": []}`))
	f.Add([]byte(`{"request": {"action": "propose", "contract": "TP-2026-000102", "payloads": ["AA=="]}, "signatures": ["AA=="]}`))
	f.Add([]byte(`{`))
	h := deal.NewHandler(s)
	f.Fuzz(func(t *testing.T, body []byte) {
		before, err := st.Get(context.Background(), termsID)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("POST", "/deals/"+termsID+"/submit", bytes.NewReader(body))
		req = req.WithContext(deal.WithAccount(req.Context(), buyerAcct))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 && w.Code != http.StatusNotImplemented {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		after, _ := st.Get(context.Background(), termsID)
		if w.Code >= 300 && !bytes.Equal(before.Contract, after.Contract) {
			t.Fatalf("a refused submit (%d) changed the stored file", w.Code)
		}
	})
}
