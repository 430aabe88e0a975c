package confirm_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func TestFlow(t *testing.T) {
	seller, buyer := key(t, "seller"), key(t, "buyer")
	c, err := confirm.Propose(terms(), seller, at(0))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if res.Agreed || res.Buyer != nil || res.Latest().ConfirmedBy(confirm.Seller) == nil {
		t.Fatalf("after the proposal: agreed %v, buyer %v", res.Agreed, res.Buyer)
	}
	changes, err := c.Amend(amended(), buyer, at(5))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, ch := range changes {
		paths = append(paths, ch.String())
	}
	if got, want := strings.Join(paths, "\n"), "inspection.days: 3 → 5\nitems[0].unit_price: \"32000\" → \"31000\""; got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
	res, err = c.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if res.Agreed || res.Latest().Number != 2 || res.Latest().ConfirmedBy(confirm.Buyer) == nil || res.Latest().ConfirmedBy(confirm.Seller) != nil {
		t.Fatalf("after the amendment: agreed %v, latest %d", res.Agreed, res.Latest().Number)
	}
	if _, err := c.Confirm(buyer, at(6)); !errors.Is(err, confirm.ErrAlreadyConfirmed) {
		t.Errorf("buyer confirms twice: %v, want ErrAlreadyConfirmed", err)
	}
	if _, err := c.Confirm(seller, at(9), confirm.AsRole(confirm.Buyer)); !isKeyError(err) {
		t.Errorf("seller's key as buyer: %v, want *KeyError", err)
	}
	if _, err := c.Confirm(key(t, "mallory"), at(9)); !isKeyError(err) {
		t.Errorf("a third key: %v, want *KeyError", err)
	}
	if _, err := c.Confirm(seller, at(9)); err != nil {
		t.Fatal(err)
	}
	res, err = c.Verify(confirm.TrustKey(confirm.Seller, seller.Public()), confirm.TrustKey(confirm.Buyer, buyer.Public()))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Agreed || !res.Seller.Pinned || !res.Buyer.Pinned || res.Entries != 5 || res.Head != c.Head() {
		t.Fatalf("at the end: agreed %v, entries %d, head %v / %v", res.Agreed, res.Entries, res.Head, c.Head())
	}
	if res.Revisions[0].ConfirmedBy(confirm.Buyer) != nil {
		t.Error("the buyer never confirmed revision 1")
	}
}

func isKeyError(err error) bool {
	var ke *confirm.KeyError
	return errors.As(err, &ke)
}

func TestNeverSignInvalidTerms(t *testing.T) {
	bad := terms()
	bad.Buyer.Account = ""
	if _, err := confirm.Propose(bad, key(t, "seller"), at(0)); err == nil {
		t.Fatal("proposed invalid terms")
	}
	c, err := confirm.Propose(terms(), key(t, "seller"), at(0))
	if err != nil {
		t.Fatal(err)
	}
	before := c.Head()
	if _, err := c.Amend(bad, key(t, "buyer"), at(1)); err == nil {
		t.Fatal("amended to invalid terms")
	}
	if _, err := c.Amend(terms(), key(t, "buyer"), at(1)); err == nil {
		t.Fatal("amended without a change")
	}
	if c.Head() != before {
		t.Fatal("a failed amendment changed the contract")
	}
}

// TestReserialised checks that a file whose keys were reordered and white
// space changed, as a database would store it, still verifies with the same
// head.
func TestReserialised(t *testing.T) {
	data := flow(t)
	want, err := confirm.Verify(data)
	if err != nil {
		t.Fatal(err)
	}
	again := edit(t, data, func(map[string]any) {}) // sorted keys, tabs
	if bytes.Equal(again, data) {
		t.Fatal("the edit did not re-serialise the file")
	}
	got, err := confirm.Verify(again, pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	if got.Head != want.Head || !got.Agreed {
		t.Fatalf("head %v, want %v; agreed %v", got.Head, want.Head, got.Agreed)
	}
	c, err := confirm.Parse(again)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Fatal("Marshal of a re-serialised file differs from the original")
	}
}

func TestTruncationShowsInHead(t *testing.T) {
	data := flow(t)
	full, err := confirm.Verify(data)
	if err != nil {
		t.Fatal(err)
	}
	cut := edit(t, data, func(f map[string]any) { f["entries"] = entries(f)[:4] })
	res, err := confirm.Verify(cut)
	if err != nil {
		t.Fatal(err)
	}
	if res.Agreed || res.Head == full.Head {
		t.Fatalf("truncated: agreed %v, head %v (full %v)", res.Agreed, res.Head, full.Head)
	}
}

func flipSig(e map[string]any) {
	sig, _ := base64.StdEncoding.DecodeString(e["signature"].(string))
	sig[10] ^= 1
	e["signature"] = base64.StdEncoding.EncodeToString(sig)
}

// TestOtherTemplateSet checks that a text rendered with a template set this
// build does not have is checked against its digest and said plainly not
// to be re-rendered, and that it re-renders with the recorded set.
func TestOtherTemplateSet(t *testing.T) {
	data := flow(t)
	res, err := confirm.Verify(data, pinned(t)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range res.Revisions {
		if !rev.Rerendered {
			t.Fatalf("revision %d not re-rendered with the default set", rev.Number)
		}
	}
	if !res.AgreedAndRerendered() {
		t.Error("agreed and re-rendered with the default set, but AgreedAndRerendered is false")
	}
	other, err := templates.Load(fstest.MapFS{
		"set.json":           {Data: []byte(`{"name": "shop", "version": "7"}`)},
		"shared/custom.tmpl": {Data: []byte("{{define \"custom\"}}Extra clause.{{end}}\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err = confirm.Verify(data, append(pinned(t), confirm.WithTemplates(other))...)
	if err != nil {
		t.Fatal(err)
	}
	if res.Revisions[0].Rerendered || len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "not re-rendered") {
		t.Fatalf("rerendered %v, notes %q", res.Revisions[0].Rerendered, res.Notes)
	}
	if !res.Agreed || res.AgreedAndRerendered() {
		t.Errorf("with another template set: Agreed %v, AgreedAndRerendered %v; want true, false", res.Agreed, res.AgreedAndRerendered())
	}
}

// TestConcurrentVerify verifies one file from many goroutines (run with
// -race): Verify shares nothing mutable.
func TestConcurrentVerify(t *testing.T) {
	data := flow(t)
	want, err := confirm.Verify(data)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			res, err := confirm.Verify(data, pinned(t)...)
			if err == nil && (res.Head != want.Head || !res.Agreed) {
				err = errors.New("a different result")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestDocumentDigest checks that the text a revision records is the Source
// of render.NewDocument and its digest the document's: confirm renders with
// the template set directly, so that a later change of the validation rules
// cannot stop an old contract from verifying.
func TestDocumentDigest(t *testing.T) {
	res, err := confirm.Verify(flow(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range res.Revisions {
		doc, err := render.NewDocument(rev.Terms, templates.Default())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(doc.Source, rev.Text) || doc.Digest() != rev.Document {
			t.Errorf("revision %d: the recorded text is not render.NewDocument's Source", rev.Number)
		}
	}
}
