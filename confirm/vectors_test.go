package confirm_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/tradepact/tradepact/confirm"
)

var update = flag.Bool("update", false, "rewrite the test vectors in testdata/vectors")

// A vector is a contract file with the outcome any implementation must
// reach. testdata/vectors/NAME.txtar holds, in its comment, "expect: …"
// and a description; the files seller.pub and buyer.pub (keys to pin, when
// present), contract.json, and for every confirmation of a valid file the
// exact signed message (message-rN-ROLE.txt) and its base64 signature
// (signature-rN-ROLE.txt).
type vector struct {
	name, expect, desc string
	pin                bool
	build              func(t testing.TB) []byte
}

// isP256 reports whether the vector's parties have P-256 keys (p256key).
func (v vector) isP256() bool { return strings.HasPrefix(v.name, "p256-") }

// vectorKeys says how the vectors' keys were made, so that another
// implementation can sign the same messages and compare.
const vectorKeys = `keys: Ed25519 seeds are SHA-256 of "tradepact test key seller", "tradepact test key buyer",
  "tradepact test key mallory"; seller.pub and buyer.pub, when present, are the keys to pin
`

// vectorKeysP256 says how the P-256 vectors' keys were made.
const vectorKeysP256 = `keys: P-256 scalars are SHA-256 of "tradepact test key p256 seller" and
  "tradepact test key p256 buyer"; signatures are RFC 6979 (deterministic), r || s, low-S;
  seller.pub and buyer.pub are the keys to pin
`

// The outcomes a vector can expect.
var outcomes = map[string]any{
	"bad signature":   new(*confirm.InvalidSignatureError),
	"digest mismatch": new(*confirm.DigestMismatchError),
	"wrong key":       new(*confirm.KeyError),
	"broken chain":    new(*confirm.HistoryError),
	"replay":          new(*confirm.MismatchError),
	"missing party":   new(*confirm.MissingPartyError),
	"malformed":       new(*confirm.MalformedError),
}

func vectors() []vector {
	tamper := func(fn func(t testing.TB, f map[string]any)) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			return edit(t, flow(t), func(f map[string]any) { fn(t, f) })
		}
	}
	return []vector{
		{"agreed", "success", "the seller proposes, the buyer amends, the seller confirms the amendment", true, flow},
		{"proposed", "unconfirmed", "the seller's proposal: valid, the buyer has not confirmed", true, func(t testing.TB) []byte {
			c, err := confirm.Propose(terms(), key(t, "seller"), at(0))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := c.Marshal()
			return b
		}},
		{"amended", "unconfirmed", "the buyer amended; the seller has not confirmed the amendment", true, tamper(func(t testing.TB, f map[string]any) {
			f["entries"] = entries(f)[:4]
		})},
		{"reserialised", "success", "the agreed file with keys reordered and tabs: still valid", true, tamper(func(t testing.TB, f map[string]any) {})},
		{"bad-signature", "bad signature", "one bit of the buyer's signature flipped", false, tamper(func(t testing.TB, f map[string]any) { flipSig(entry(f, 4)) })},
		{"changed-time", "bad signature", "the seller's last confirmation time moved by one second", false, tamper(func(t testing.TB, f map[string]any) {
			entry(f, 5)["time"] = "2026-11-22T10:09:01+08:00"
		})},
		{"changed-term", "digest mismatch", "the price in revision 2 raised", false, tamper(func(t testing.TB, f map[string]any) {
			entry(f, 3)["terms"].(map[string]any)["items"].([]any)[0].(map[string]any)["unit_price"] = "35000"
		})},
		{"changed-text", "digest mismatch", "one character of the confirmed text of revision 1 changed", false, tamper(func(t testing.TB, f map[string]any) {
			e := entry(f, 1)
			e["document"] = strings.Replace(e["document"].(string), "1", "7", 1)
		})},
		{"wrong-pinned-key", "wrong key", "the buyer's key pinned to another key", false, func(t testing.TB) []byte { return flow(t) }},
		{"swapped-roles", "wrong key", "the roles of the two confirmations of revision 2 swapped", false, tamper(func(t testing.TB, f map[string]any) {
			a, b := entry(f, 4), entry(f, 5)
			a["role"], b["role"] = b["role"], a["role"]
			a["account"], b["account"] = b["account"], a["account"]
		})},
		{"removed-entry", "broken chain", "the seller's confirmation of revision 1 removed", false, tamper(func(t testing.TB, f map[string]any) {
			f["entries"] = append(entries(f)[:1:1], entries(f)[2:]...)
		})},
		{"reordered", "broken chain", "the last two confirmations swapped", false, tamper(func(t testing.TB, f map[string]any) {
			es := entries(f)
			es[3], es[4] = es[4], es[3]
		})},
		{"replayed", "replay", "the buyer's confirmation of another agreement appended", false, tamper(func(t testing.TB, f map[string]any) {
			f["entries"] = append(entries(f)[:4:4], entry(otherContract(t), 4))
		})},
		{"unconfirmed-amendment", "missing party", "an amendment without its author's confirmation", false, tamper(func(t testing.TB, f map[string]any) {
			f["entries"] = entries(f)[:3]
		})},
		{"unknown-field", "malformed", "a field the format does not have", false, tamper(func(t testing.TB, f map[string]any) {
			entry(f, 5)["note"] = "paid in cash"
		})},
		{"p256-agreed", "success", "the flow of agreed, with P-256 keys for both parties (format version 2)", true, flowP256},
		{"p256-high-s", "bad signature", "the P-256 flow with the buyer's s replaced by n - s: valid ECDSA, but not low-S", false, func(t testing.TB) []byte {
			return edit(t, flowP256(t), func(f map[string]any) { highS(t, entry(f, 4)) })
		}},
		{"p256-version-1", "malformed", "the P-256 flow written as format version 1, which has only Ed25519 keys", false, func(t testing.TB) []byte {
			return edit(t, flowP256(t), func(f map[string]any) { f["tradepact_contract"] = json.Number("1") })
		}},
	}
}

func TestVectors(t *testing.T) {
	dir := filepath.Join("testdata", "vectors")
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, v := range vectors() {
			writeVector(t, dir, v)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) < len(vectors()) {
		t.Fatalf("%d vectors in %s, want %d (run go test -update): %v", len(files), dir, len(vectors()), err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			checkVector(t, ar)
		})
	}
}

func writeVector(t *testing.T, dir string, v vector) {
	data := v.build(t)
	if c, err := confirm.Parse(data); err == nil && v.name != "reserialised" {
		// Canonical layout, so that the files are easy to read and diff.
		if data, err = c.Marshal(); err != nil {
			t.Fatal(err)
		}
	}
	keys := vectorKeys
	if v.isP256() {
		keys = vectorKeysP256
	}
	ar := &txtar.Archive{Comment: []byte(fmt.Sprintf("expect: %s\ndescription: %s\n%s", v.expect, v.desc, keys))}
	if v.isP256() && v.pin {
		ar.Files = append(ar.Files,
			txtar.File{Name: "seller.pub", Data: p256key(t, "seller").Public().MarshalFile()},
			txtar.File{Name: "buyer.pub", Data: p256key(t, "buyer").Public().MarshalFile()})
	} else if v.pin || v.name == "wrong-pinned-key" {
		ar.Files = append(ar.Files, txtar.File{Name: "seller.pub", Data: key(t, "seller").Public().MarshalFile()})
		buyer := key(t, "buyer")
		if v.name == "wrong-pinned-key" {
			buyer = key(t, "mallory")
		}
		ar.Files = append(ar.Files, txtar.File{Name: "buyer.pub", Data: buyer.Public().MarshalFile()})
	}
	ar.Files = append(ar.Files, txtar.File{Name: "contract.json", Data: data})
	if res, err := confirm.Verify(data); err == nil {
		for _, rev := range res.Revisions {
			for _, c := range rev.Confirmations {
				name := fmt.Sprintf("r%d-%s.txt", rev.Number, c.Role)
				ar.Files = append(ar.Files,
					txtar.File{Name: "message-" + name, Data: c.Message()},
					txtar.File{Name: "signature-" + name, Data: []byte(base64Std(c.Signature) + "\n")})
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, v.name+".txtar"), txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkVector(t *testing.T, ar *txtar.Archive) {
	expect, ok := strings.CutPrefix(strings.SplitN(string(ar.Comment), "\n", 2)[0], "expect: ")
	if !ok {
		t.Fatalf("no expect: header")
	}
	files := map[string][]byte{}
	for _, f := range ar.Files {
		files[f.Name] = f.Data
	}
	var opts []confirm.Option
	for name, role := range map[string]confirm.Role{"seller.pub": confirm.Seller, "buyer.pub": confirm.Buyer} {
		if b, ok := files[name]; ok {
			k, err := confirm.ParsePublicKey(string(b))
			if err != nil {
				t.Fatal(err)
			}
			opts = append(opts, confirm.TrustKey(role, k))
		}
	}
	res, err := confirm.Verify(files["contract.json"], opts...)
	switch expect {
	case "success", "unconfirmed":
		if err != nil {
			t.Fatalf("expect %s: %v", expect, err)
		}
		if res.Agreed != (expect == "success") {
			t.Fatalf("expect %s: agreed %v", expect, res.Agreed)
		}
		n := 0
		for _, rev := range res.Revisions {
			if !rev.Rerendered {
				// The vectors show what this build renders: a template
				// change means go test -update.
				t.Errorf("revision %d: text not re-rendered by this build (%v); run go test -update", rev.Number, res.Notes)
			}
			for _, c := range rev.Confirmations {
				name := fmt.Sprintf("r%d-%s.txt", rev.Number, c.Role)
				if got, want := c.Message(), files["message-"+name]; !bytes.Equal(got, want) {
					t.Errorf("message %s:\n%s\nwant:\n%s", name, got, want)
				}
				if got, want := base64Std(c.Signature)+"\n", string(files["signature-"+name]); got != want {
					t.Errorf("signature %s: %s, want %s", name, got, want)
				}
				n++
			}
		}
		if n == 0 {
			t.Fatal("no confirmations")
		}
	default:
		target, ok := outcomes[expect]
		if !ok {
			t.Fatalf("unknown expect: %q", expect)
		}
		if err == nil {
			t.Fatalf("expect %s: verified", expect)
		}
		if !errors.As(err, target) {
			t.Fatalf("expect %s: %T: %v", expect, err, err)
		}
	}
}

// TestVectorsDeterministic checks that building the vectors twice gives the
// same bytes: nothing in them depends on the clock or randomness.
func TestVectorsDeterministic(t *testing.T) {
	for _, v := range vectors()[:4] {
		a, b := v.build(t), v.build(t)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", v.name)
		}
		var x any
		if err := json.Unmarshal(a, &x); err != nil {
			t.Errorf("%s: %v", v.name, err)
		}
	}
}
