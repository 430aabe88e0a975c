package confirm_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// The flow's entries: 1 revision 1 (seller), 2 seller confirms 1,
// 3 revision 2 (buyer), 4 buyer confirms 2, 5 seller confirms 2.

func TestTamper(t *testing.T) {
	data := flow(t)
	var (
		malformed *confirm.MalformedError
		badSig    *confirm.InvalidSignatureError
		digest    *confirm.DigestMismatchError
		keyErr    *confirm.KeyError
		history   *confirm.HistoryError
		mismatch  *confirm.MismatchError
		missing   *confirm.MissingPartyError
	)
	other := otherContract(t)
	tests := []struct {
		name string
		edit func(f map[string]any)
		want any
	}{
		{"term of revision 1", func(f map[string]any) {
			entry(f, 1)["terms"].(map[string]any)["items"].([]any)[0].(map[string]any)["quantity"] = json.Number("2")
		}, &digest},
		{"term of revision 2", func(f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["buyer"].(map[string]any)["name"] = "林美美"
		}, &digest},
		{"added term", func(f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["clauses"] = []any{map[string]any{"title": "x", "text": "y"}}
		}, &digest},
		{"unknown term field", func(f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["discount"] = "1000"
		}, &malformed},
		{"term and its digest", func(f map[string]any) {
			e := entry(f, 3)
			e["terms"].(map[string]any)["shipping_fee"] = "0"
			e["agreement_digest"] = digestOfTerms(t, e["terms"])
		}, &digest}, // the text no longer renders from the terms
		{"text", func(f map[string]any) { entry(f, 3)["document"] = entry(f, 3)["document"].(string) + " " }, &digest},
		{"text digest", func(f map[string]any) { entry(f, 1)["document_digest"] = "sha256:" + hex64('a') }, &digest},
		{"text and its digest", func(f map[string]any) {
			e := entry(f, 3)
			e["document"] = e["document"].(string) + "\n"
			e["document_digest"] = confirm.DigestOf([]byte(e["document"].(string))).String()
		}, &digest},
		{"seller's signature", func(f map[string]any) { flipSig(entry(f, 2)) }, &badSig},
		{"buyer's signature", func(f map[string]any) { flipSig(entry(f, 4)) }, &badSig},
		{"confirmation time", func(f map[string]any) { entry(f, 5)["time"] = "2026-11-22T10:09:01+08:00" }, &badSig},
		{"revision time", func(f map[string]any) { entry(f, 3)["time"] = "2026-11-22T09:05:00+08:00" }, &history},
		{"revision author", func(f map[string]any) { entry(f, 3)["author"] = "seller" }, &history},
		{"changes", func(f map[string]any) { entry(f, 3)["changes"] = entries(f)[:0] }, &malformed},
		{"prev of a revision", func(f map[string]any) { entry(f, 3)["prev"] = "sha256:" + hex64('b') }, &history},
		{"entry removed", func(f map[string]any) { f["entries"] = append(entries(f)[:1:1], entries(f)[2:]...) }, &history},
		{"entries reordered", func(f map[string]any) {
			es := entries(f)
			es[3], es[4] = es[4], es[3]
		}, &history},
		{"roles swapped", func(f map[string]any) {
			a, b := entry(f, 4), entry(f, 5)
			a["role"], b["role"] = b["role"], a["role"]
			a["account"], b["account"] = b["account"], a["account"]
		}, &keyErr},
		{"confirmation replayed from another agreement", func(f map[string]any) {
			f["entries"] = append(entries(f)[:4:4], entry(other, 4))
		}, &mismatch},
		{"confirmation replayed onto another revision", func(f map[string]any) {
			e := map[string]any{}
			for k, v := range entry(f, 2) {
				e[k] = v
			}
			f["entries"] = append(entries(f)[:4:4], e)
		}, &mismatch},
		{"confirmation's revision number", func(f map[string]any) { entry(f, 4)["revision"] = json.Number("1") }, &mismatch},
		{"authors's confirmation removed", func(f map[string]any) { f["entries"] = entries(f)[:1] }, &missing},
		{"amendment without its author", func(f map[string]any) { f["entries"] = entries(f)[:3] }, &missing},
		{"unknown field", func(f map[string]any) { entry(f, 2)["note"] = "paid" }, &malformed},
		{"version", func(f map[string]any) { f["tradepact_contract"] = json.Number("3") }, &malformed},
		{"version 2 without a p256 key", func(f map[string]any) { f["tradepact_contract"] = json.Number("2") }, &malformed},
		{"entry type", func(f map[string]any) { entry(f, 5)["type"] = "comment" }, &malformed},
		{"no entries", func(f map[string]any) { f["entries"] = []any{} }, &malformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := edit(t, data, tt.edit)
			res, err := confirm.Verify(bad)
			if err == nil {
				t.Fatalf("verified (agreed %v)", res.Agreed)
			}
			if !errors.As(err, tt.want) {
				t.Fatalf("error %T: %v", err, err)
			}
		})
	}
}

func TestPinnedKeys(t *testing.T) {
	data := flow(t)
	for _, role := range []confirm.Role{confirm.Seller, confirm.Buyer} {
		_, err := confirm.Verify(data, confirm.TrustKey(role, key(t, "mallory").Public()))
		var ke *confirm.KeyError
		if !errors.As(err, &ke) || ke.Role != role {
			t.Errorf("%s pinned to another key: %v", role, err)
		}
	}
}

// TestThirdKey appends a correctly signed confirmation by a key that may
// not act for the role it claims.
func TestThirdKey(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(buyer, at(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), seller, at(2)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		signer *confirm.PrivateKey
		role   confirm.Role
	}{
		{"mallory as buyer", key(t, "mallory"), confirm.Buyer},
		{"mallory as seller", key(t, "mallory"), confirm.Seller},
		{"seller as buyer", seller, confirm.Buyer},
		{"buyer as seller", buyer, confirm.Seller},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rev := res.Latest()
			acct := rev.Terms.Seller.Account
			if tc.role == confirm.Buyer {
				acct = rev.Terms.Buyer.Account
			}
			conf := &confirm.Confirmation{
				Contract: res.ID, Revision: rev.Number, Role: tc.role, Account: acct,
				Agreement: rev.Agreement, Document: rev.Document, Template: rev.Template,
				History: res.Head, Time: "2026-11-22T11:00:00+08:00",
			}
			if err := conf.Sign(tc.signer); err != nil {
				t.Fatal(err)
			}
			if !conf.Verify() {
				t.Fatal("the forged confirmation's signature does not verify")
			}
			bad := edit(t, data, func(f map[string]any) {
				f["entries"] = append(entries(f), confirmationEntry(conf))
			})
			_, err := confirm.Verify(bad)
			var ke *confirm.KeyError
			if !errors.As(err, &ke) {
				t.Fatalf("error %T: %v", err, err)
			}
		})
	}
}

// mustHead returns the head of the history es by parsing a truncated copy.
func mustHead(t testing.TB, es []any, f map[string]any) confirm.Digest {
	t.Helper()
	g := map[string]any{"tradepact_contract": f["tradepact_contract"], "id": f["id"], "entries": es}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return c.Head()
}

func confirmationEntry(c *confirm.Confirmation) map[string]any {
	return map[string]any{
		"type": "confirmation", "prev": c.History.String(), "revision": c.Revision, "time": c.Time,
		"agreement_digest": c.Agreement.String(), "document_digest": c.Document.String(),
		"template": map[string]any{"name": c.Template.Name, "version": c.Template.Version, "digest": c.Template.Digest.String()},
		"role":     string(c.Role), "account": c.Account, "key": string(c.Key),
		"signature": base64Std(c.Signature),
	}
}

// otherContract is another agreement between the same parties, confirmed by
// both: its confirmations must not count for the flow's contract.
func otherContract(t testing.TB) map[string]any {
	a := terms()
	a.Items[0].Name = "Fujifilm X100VI"
	c, err := confirm.Propose(a, key(t, "seller"), at(0))
	if err != nil {
		t.Fatal(err)
	}
	b := amended()
	b.Items[0].Name = "Fujifilm X100VI"
	if _, err := c.Amend(b, key(t, "buyer"), at(5)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	edit(t, data, func(g map[string]any) { f = g })
	return f
}

func digestOfTerms(t testing.TB, v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	a := new(agreement.Agreement)
	if err := json.Unmarshal(raw, a); err != nil {
		t.Fatal(err)
	}
	d, err := confirm.TermsDigest(a)
	if err != nil {
		t.Fatal(err)
	}
	return d.String()
}

func hex64(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
