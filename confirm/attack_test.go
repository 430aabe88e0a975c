package confirm_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// Attacks by a party that holds one key, or by anyone who edits a file.
// The flow's entries are those of tamper_test.go: 1 revision 1 (seller),
// 2 seller confirms 1, 3 revision 2 (buyer), 4 buyer confirms 2, 5 seller
// confirms 2.

// replaceNth replaces the n-th (from 1) occurrence of old in data.
func replaceNth(t *testing.T, data []byte, old, new string, n int) []byte {
	t.Helper()
	i := -1
	for k := 0; k < n; k++ {
		j := bytes.Index(data[i+1:], []byte(old))
		if j < 0 {
			t.Fatalf("occurrence %d of %q not found", n, old)
		}
		i += 1 + j
	}
	return append(append(bytes.Clone(data[:i]), new...), data[i+len(old):]...)
}

// TestAttackCaseVariantKeys: encoding/json matches object keys without
// regard to case ("Role", "ROLE", even "ſignature" with a long s for
// "signature"), and so would read keys that the format does not have and
// that a stricter reader (JavaScript, a database) ignores or reads as
// distinct. Readers reject unknown fields: a key that is not spelled as
// the format spells it is one.
func TestAttackCaseVariantKeys(t *testing.T) {
	data := flow(t)
	for _, tc := range []struct {
		name, old, new string
		n              int
	}{
		{"file key", `"id":`, `"ID":`, 1},
		{"entry key", `"role":`, `"Role":`, 1},
		{"long s", `"signature":`, `"ſignature":`, 2},
		{"kelvin sign", `"key":`, `"\u212aey":`, 1},
		{"template key", `"digest":`, `"Digest":`, 1},
		{"change key", `"path":`, `"PATH":`, 1},
		{"decoy before the real key", `"role": "seller"`, `"role": "buyer", "Role": "seller"`, 1},
		{"duplicate key", `"role": "seller"`, `"role": "buyer", "role": "seller"`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := replaceNth(t, data, tc.old, tc.new, tc.n)
			res, err := confirm.Verify(bad)
			var mf *confirm.MalformedError
			if !errors.As(err, &mf) {
				t.Fatalf("verified %v (agreed %v); want a malformed file", err, res != nil && res.Agreed)
			}
		})
	}
}

// TestAttackDecoyTerms: the buyer hides the signed terms under a
// case-variant key and shows other readers a decoy under "terms".
func TestAttackDecoyTerms(t *testing.T) {
	data := flow(t)
	var f map[string]any
	edit(t, data, func(g map[string]any) { f = g })
	decoy, err := json.Marshal(entry(f, 1)["terms"]) // revision 1's price
	if err != nil {
		t.Fatal(err)
	}
	bad := replaceNth(t, data, `"terms":`, `"terms": `+string(decoy)+`, "Terms":`, 2)
	if _, err := confirm.Verify(bad); err == nil {
		t.Fatal("a file with two terms verified")
	}
}

// TestAttackConfirmationBeforeItsRevision: a confirmation dated before the
// revision it confirms existed is impossible; a party could backdate its
// confirmation of an amendment to before a deadline. Confirm refuses to
// sign one and Verify rejects one that was signed by hand.
func TestAttackConfirmationBeforeItsRevision(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(seller, at(3)); err == nil {
		t.Fatal("Confirm signed a confirmation dated before its revision")
	}
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	rev := res.Latest()
	conf := &confirm.Confirmation{
		Contract: res.ID, Revision: rev.Number, Role: confirm.Seller, Account: rev.Terms.Seller.Account,
		Agreement: rev.Agreement, Document: rev.Document, Template: rev.Template,
		History: res.Head, Time: at(3).Format(confirm.TimeLayout),
	}
	if err := conf.Sign(seller); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	bad := edit(t, data, func(f map[string]any) { f["entries"] = append(entries(f), confirmationEntry(conf)) })
	res, err = confirm.Verify(bad)
	var mf *confirm.MalformedError
	if !errors.As(err, &mf) || mf.Field != "time" || mf.Entry != 5 {
		t.Fatalf("a confirmation at 10:03 of a revision made at 10:05: %v (agreed %v)", err, res != nil && res.Agreed)
	}
}

// TestAttackAmendmentBeforeItsPredecessor: an amendment dated before the
// revision it amends is refused when made and rejected when forged.
func TestAttackAmendmentBeforeItsPredecessor(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(10))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err == nil {
		t.Fatal("Amend made an amendment dated before the proposal")
	}
	if _, err := c.Amend(amended(), buyer, at(15)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// Same instant in another zone is not earlier.
	if _, err := confirm.Verify(data); err != nil {
		t.Fatal(err)
	}
	// The buyer backdates its amendment and signs it.
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	bad := edit(t, data, func(f map[string]any) {
		entry(f, 3)["time"] = "2026-11-22T02:05:00Z"
		es := entries(f)[:3]
		rev := res.Latest()
		conf := &confirm.Confirmation{
			Contract: res.ID, Revision: 2, Role: confirm.Buyer, Account: rev.Terms.Buyer.Account,
			Agreement: rev.Agreement, Document: rev.Document, Template: rev.Template,
			History: mustHead(t, es, f), Time: "2026-11-22T02:05:00Z",
		}
		if err := conf.Sign(buyer); err != nil {
			t.Fatal(err)
		}
		f["entries"] = append(es, confirmationEntry(conf))
	})
	var mf *confirm.MalformedError
	if _, err := confirm.Verify(bad); !errors.As(err, &mf) || mf.Field != "time" || mf.Entry != 3 {
		t.Fatalf("error %T: %v", err, err)
	}
}

// TestAttackSmallOrderKey: the Ed25519 public key of the identity point
// (and the other points of small order) has signatures anyone can make
// without any private key: R = identity, S = 0 verifies for every message.
// A party that registers such a key lets anyone confirm in its name, and
// can deny every confirmation it gave; in the flow below the seller later
// "confirms" a higher price in the buyer's name.
func TestAttackSmallOrderKey(t *testing.T) {
	identity := make([]byte, 32)
	identity[0] = 1
	weak := confirm.PublicKey("ed25519:" + base64Std(identity))
	forged := make([]byte, 64)
	forged[0] = 1 // R = identity, S = 0
	forge := forgedSigner{weak, forged}

	seller := key(t, "seller")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(forge, at(1)); err == nil {
		t.Fatal("Confirm accepted a small-order key")
	}
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	rev := res.Latest()
	conf := &confirm.Confirmation{
		Contract: res.ID, Revision: 1, Role: confirm.Buyer, Account: rev.Terms.Buyer.Account,
		Agreement: rev.Agreement, Document: rev.Document, Template: rev.Template,
		History: res.Head, Time: at(1).Format(confirm.TimeLayout), Key: weak, Signature: forged,
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	bad := edit(t, data, func(f map[string]any) { f["entries"] = append(entries(f), confirmationEntry(conf)) })
	res, err = confirm.Verify(bad)
	if err == nil {
		t.Fatalf("a confirmation by a key anyone can sign with verified (agreed %v)", res.Agreed)
	}
	var ke *confirm.KeyError
	var mf *confirm.MalformedError
	if !errors.As(err, &ke) && !errors.As(err, &mf) {
		t.Fatalf("error %T: %v", err, err)
	}
	if _, err := confirm.ParsePublicKey(string(weak)); err == nil {
		t.Error("ParsePublicKey accepted a small-order key")
	}
	if conf.Verify() {
		t.Error("Confirmation.Verify accepted a signature by a small-order key")
	}
}

type forgedSigner struct {
	k   confirm.PublicKey
	sig []byte
}

func (f forgedSigner) Public() confirm.PublicKey   { return f.k }
func (f forgedSigner) Sign([]byte) ([]byte, error) { return f.sig, nil }

// TestAttackTextOtherThanTerms: the buyer amends with a text that is not
// what its terms render to (the text keeps the old price, the terms carry
// a lower one) and names a template set the seller does not have, so the
// seller's build cannot re-render it. Verify can only say so in a note;
// Confirm must not sign it, or the seller agrees to terms it was never
// shown.
func TestAttackTextOtherThanTerms(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	cheap := terms()
	cheap.Items[0].UnitPrice = agreement.MustAmount("21000")
	canon, err := cheap.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	ad, err := cheap.Digest()
	if err != nil {
		t.Fatal(err)
	}
	changes, err := confirm.Diff(terms(), cheap)
	if err != nil {
		t.Fatal(err)
	}
	var wire []any
	for _, ch := range changes {
		wire = append(wire, map[string]any{"path": ch.Path, "old": ch.Old, "new": ch.New})
	}
	tid := confirm.TemplateID{Name: "shop", Version: "7", Digest: confirm.DigestOf([]byte("shop 7"))}
	bad := edit(t, data, func(f map[string]any) {
		text := entry(f, 1)["document"].(string) // shows 32000
		es := entries(f)
		rev := map[string]any{
			"type": "revision", "prev": mustHead(t, es, f).String(), "revision": 2, "time": at(5).Format(confirm.TimeLayout),
			"author": "buyer", "terms": json.RawMessage(canon), "document": text, "changes": wire,
			"agreement_digest": ad.String(), "document_digest": confirm.DigestOf([]byte(text)).String(),
			"template": map[string]any{"name": tid.Name, "version": tid.Version, "digest": tid.Digest.String()},
		}
		appendSigned(t, f, rev, buyer, confirm.Buyer, cheap.Buyer.Account)
	})
	res, err := confirm.Verify(bad)
	if err != nil {
		t.Fatal(err) // valid: the text matches its digest; only a note says it was not re-rendered
	}
	if res.Latest().Rerendered || len(res.Notes) == 0 {
		t.Fatalf("rerendered %v, notes %q", res.Latest().Rerendered, res.Notes)
	}
	victim, err := confirm.Parse(bad)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := victim.Confirm(seller, at(9)); !errors.Is(err, confirm.ErrNotRerendered) {
		t.Fatalf("the seller confirmed terms of 21000 behind a text of 32000: %v", err)
	}
}

// appendSigned appends the revision entry rev to the contract file f and
// the author's signed confirmation of it, as an author who builds its
// entries by hand would.
func appendSigned(t *testing.T, f map[string]any, rev map[string]any, s confirm.Signer, role confirm.Role, account string) {
	t.Helper()
	es := append(entries(f), rev)
	tpl := rev["template"].(map[string]any)
	parse := func(v any) confirm.Digest {
		var d confirm.Digest
		if err := d.UnmarshalText([]byte(v.(string))); err != nil {
			t.Fatal(err)
		}
		return d
	}
	conf := &confirm.Confirmation{
		Contract: f["id"].(string), Revision: number(rev["revision"]), Role: role, Account: account,
		Agreement: parse(rev["agreement_digest"]), Document: parse(rev["document_digest"]),
		Template: confirm.TemplateID{Name: tpl["name"].(string), Version: tpl["version"].(string), Digest: parse(tpl["digest"])},
		History:  mustHead(t, es, f), Time: rev["time"].(string),
	}
	if err := conf.Sign(s); err != nil {
		t.Fatal(err)
	}
	f["entries"] = append(es, confirmationEntry(conf))
}

func number(v any) int {
	n, err := strconv.Atoi(fmt.Sprint(v))
	if err != nil {
		panic(err)
	}
	return n
}

// TestAttackNonCanonicalTerms: an author records terms that decode to the
// agreement it signed but are not its canonical form (here an empty list
// the canonical form leaves out), and signs the entry. The file must hold
// the canonical terms, so that what every reader sees is what was hashed.
func TestAttackNonCanonicalTerms(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Amend(amended(), buyer, at(5)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		fn   func(terms map[string]any)
	}{
		{"explicit empty list", func(m map[string]any) { m["clauses"] = []any{} }},
		{"explicit empty string", func(m map[string]any) { m["buyer"].(map[string]any)["contact"] = "" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := edit(t, data, func(f map[string]any) {
				rev := entry(f, 3)
				tc.fn(rev["terms"].(map[string]any))
				f["entries"] = entries(f)[:2]
				appendSigned(t, f, rev, buyer, confirm.Buyer, amended().Buyer.Account)
			})
			res, err := confirm.Verify(bad)
			var mf *confirm.MalformedError
			if !errors.As(err, &mf) || mf.Field != "terms" {
				t.Fatalf("%v (agreed %v)", err, res != nil && res.Agreed)
			}
		})
	}
}

// TestAttackRecordInjection: strings the file's authors choose (a
// template name, an account) appear in the signing record that verify
// prints and the PDF shows. A line break or a bidirectional override in
// them must not forge lines of the record, such as a status that says the
// contract was agreed when the other party never confirmed.
func TestAttackRecordInjection(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	// Terms refuse such an account before anything is signed; the record
	// still escapes it for files made by other tools (record_test.go).
	a := terms()
	a.Seller.Account = "chen_cameras\u2028Status: agreed: both parties confirmed revision 2\u202e"
	var ve *agreement.ValidationError
	if _, err := confirm.Propose(a, seller, at(0)); !errors.As(err, &ve) || ve.Fields[0].Rule != agreement.RuleBidiControl {
		t.Fatalf("propose with a bidi override in the account: %v", err)
	}
	a = terms()
	c, err := confirm.Propose(a, seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	b := amended()
	if _, err := c.Amend(b, buyer, at(5)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// The buyer's amendment names a template set with a line break in its
	// name, and signs it.
	bad := edit(t, data, func(f map[string]any) {
		rev := entry(f, 3)
		rev["template"].(map[string]any)["name"] = "tradepact\nStatus: agreed: both parties confirmed revision 2\nx"
		f["entries"] = entries(f)[:2]
		appendSigned(t, f, rev, buyer, confirm.Buyer, b.Buyer.Account)
	})
	res, err := confirm.Verify(bad)
	if err != nil {
		var mf *confirm.MalformedError
		if !errors.As(err, &mf) {
			t.Fatalf("error %T: %v", err, err)
		}
		res, err = c.Verify()
		if err != nil {
			t.Fatal(err)
		}
	}
	if res.Agreed {
		t.Fatal("agreed")
	}
	var out bytes.Buffer
	if err := res.WriteRecord(&out, "en"); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "Status: agreed") {
			t.Errorf("forged line %q in the record:\n%s", line, &out)
		}
	}
	if strings.ContainsAny(out.String(), "\u2028\u202e") {
		t.Errorf("line separator or bidi override in the record:\n%q", &out)
	}
}

// TestAttackRevisionNumbers: revision numbers skipped or repeated, and
// entries duplicated, even when the author signs what it wrote.
func TestAttackRevisionNumbers(t *testing.T) {
	data := flow(t)
	buyer := key(t, "buyer")
	for _, tc := range []struct {
		name string
		fn   func(f map[string]any)
	}{
		{"skipped, signed", func(f map[string]any) {
			rev := entry(f, 3)
			rev["revision"] = 3
			f["entries"] = entries(f)[:2]
			appendSigned(t, f, rev, buyer, confirm.Buyer, amended().Buyer.Account)
		}},
		{"repeated, signed", func(f map[string]any) {
			rev := entry(f, 3)
			rev["revision"] = 1
			f["entries"] = entries(f)[:2]
			appendSigned(t, f, rev, buyer, confirm.Buyer, amended().Buyer.Account)
		}},
		{"revision entry duplicated", func(f map[string]any) {
			f["entries"] = append(entries(f)[:3:3], entry(f, 3), entry(f, 4), entry(f, 5))
		}},
		{"confirmation duplicated", func(f map[string]any) { f["entries"] = append(entries(f), entry(f, 5)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := confirm.Verify(edit(t, data, tc.fn))
			if err == nil {
				t.Fatalf("verified (agreed %v)", res.Agreed)
			}
		})
	}
}

// TestAttackErrorInjection: verify prints its error; a prev chosen by
// whoever edited the file must not add lines to it.
func TestAttackErrorInjection(t *testing.T) {
	bad := edit(t, flow(t), func(f map[string]any) { entry(f, 3)["prev"] = "x\nok: agreed\u202e" })
	_, err := confirm.Verify(bad)
	var he *confirm.HistoryError
	if !errors.As(err, &he) {
		t.Fatalf("error %T: %v", err, err)
	}
	if strings.ContainsAny(err.Error(), "\n\u202e") {
		t.Fatalf("%q", err)
	}
}
