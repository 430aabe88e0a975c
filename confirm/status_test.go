package confirm_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

func TestReadStatus(t *testing.T) {
	data := flow(t)
	st, err := confirm.ReadStatus(data, pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	full, err := confirm.Verify(data, pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if st.State != confirm.StateAgreed || !st.Agreed || st.Head != full.Head || st.Revision != 2 || len(st.Next) != 0 ||
		st.Entries != 5 || len(st.Revisions) != 2 || len(st.Revisions[1].Confirmations) != 2 || !st.Keys[confirm.Buyer].Pinned {
		t.Fatalf("%+v", st)
	}
	b, err := json.Marshal(st)
	if err != nil || !strings.HasPrefix(string(b), `{"id":"TP-2026-1122-001","state":"agreed"`) {
		t.Fatalf("JSON %s: %v", b, err)
	}
	st, err = confirm.ReadStatus(data)
	if err != nil || st.State != confirm.StateUnpinned || st.Agreed {
		t.Fatalf("unpinned: %v %+v", err, st)
	}
	amendedOnly := edit(t, data, func(f map[string]any) { f["entries"] = entries(f)[:4] })
	st, err = confirm.ReadStatus(amendedOnly, pinned(t)...)
	if err != nil || st.State != confirm.StatePending || len(st.Next) != 1 || st.Next[0] != confirm.Seller {
		t.Fatalf("pending: %v %+v", err, st)
	}

	// What decides who confirmed what is checked as Verify checks it.
	for _, tc := range []struct {
		name   string
		data   []byte
		opts   []confirm.Option
		target any
	}{
		{"bad signature", edit(t, data, func(f map[string]any) { flipSig(entry(f, 4)) }), nil, new(*confirm.InvalidSignatureError)},
		{"changed price", edit(t, data, func(f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["items"].([]any)[0].(map[string]any)["unit_price"] = "30000"
		}), nil, new(*confirm.DigestMismatchError)},
		{"changed text", edit(t, data, func(f map[string]any) {
			entry(f, 1)["document"] = strings.Replace(entry(f, 1)["document"].(string), "1", "7", 1)
		}), nil, new(*confirm.DigestMismatchError)},
		{"reordered", edit(t, data, func(f map[string]any) { es := entries(f); es[3], es[4] = es[4], es[3] }), nil, new(*confirm.HistoryError)},
		{"changed account", edit(t, data, func(f map[string]any) { entry(f, 5)["account"] = "someone" }), nil, new(*confirm.MismatchError)},
		{"wrong pin", data, []confirm.Option{confirm.TrustKey(confirm.Buyer, key(t, "mallory").Public())}, new(*confirm.KeyError)},
		{"rollback", amendedOnly, []confirm.Option{confirm.RequireHead(full.Head)}, new(*confirm.RollbackError)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := confirm.ReadStatus(tc.data, tc.opts...)
			if !errors.As(err, tc.target) {
				t.Fatalf("%T: %v", err, err)
			}
		})
	}
}

// BenchmarkReadStatus measures the cheap read of the file BenchmarkVerify
// verifies in full.
func BenchmarkReadStatus(b *testing.B) {
	data := flow(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := confirm.ReadStatus(data); err != nil {
			b.Fatal(err)
		}
	}
}
