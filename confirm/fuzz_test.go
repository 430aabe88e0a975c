package confirm_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/tradepact/tradepact/confirm"
)

// The seeds are whole contract files of a few dozen kilobytes, which the
// fuzzer's minimiser spends minutes on: fuzz with -fuzzminimizetime 1x,
//
//	go test -run '^$' -fuzz FuzzVerify -fuzztime 5m -fuzzminimizetime 1x ./confirm

// seedVectors adds every vector's contract file to the corpus.
func seedVectors(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "vectors", "*.txtar"))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "contract.json" {
				f.Add(af.Data)
			}
		}
	}
	f.Add([]byte(`{"tradepact_contract":1,"id":"x","entries":[]}`))
	f.Add([]byte(`{"tradepact_contract":1,"id":"x","entries":[null]}`))
}

// FuzzParseContract checks that Parse never panics, and that Marshal gives
// back the same file for anything Parse accepts.
func FuzzParseContract(f *testing.F) {
	seedVectors(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := confirm.Parse(data)
		if err != nil {
			var me *confirm.MalformedError
			if !errors.As(err, &me) {
				t.Fatalf("Parse error %T, want *MalformedError", err)
			}
			return
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		c2, err := confirm.Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(c)): %v", err)
		}
		out2, err := c2.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("Marshal is not stable:\n%s\n%s", out, out2)
		}
		if c.Head() != c2.Head() {
			t.Fatal("the head changed through Marshal")
		}
	})
}

// FuzzVerify checks that Verify never panics and never accepts a file that
// is not one the honest flow produced, byte for byte after canonical
// marshalling: every other change to a signed file must be rejected or
// leave the verified state unchanged.
func FuzzVerify(f *testing.F) {
	seedVectors(f)
	good := flow(f)
	want, err := confirm.Verify(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := confirm.Verify(data)
		if err != nil {
			return
		}
		if res == nil || len(res.Revisions) == 0 || res.Latest().ConfirmedBy(res.Latest().Author) == nil {
			t.Fatalf("verified a file without a confirmed revision")
		}
		// No false success: a file that claims the honest contract's
		// parties and head must hold exactly its revisions.
		if res.Head == want.Head {
			for i, rev := range res.Revisions {
				if i >= len(want.Revisions) || rev.Agreement != want.Revisions[i].Agreement || rev.Document != want.Revisions[i].Document {
					t.Fatalf("same head, other revision %d", i+1)
				}
			}
		}
		for _, rev := range res.Revisions {
			if d, err := rev.Terms.Digest(); err != nil || d != rev.Agreement || confirm.DigestOf(rev.Text) != rev.Document {
				t.Fatalf("revision %d: terms or text do not match their digests", rev.Number)
			}
			if rev.ConfirmedBy(rev.Author) == nil {
				t.Fatalf("revision %d lacks its author's confirmation", rev.Number)
			}
			for _, c := range rev.Confirmations {
				if !c.Verify() || c.Revision != rev.Number || c.Agreement != rev.Agreement || c.Document != rev.Document {
					t.Fatalf("a confirmation that does not fit revision %d was accepted", rev.Number)
				}
				if p := res.Party(c.Role); p == nil || p.Key != c.Key {
					t.Fatalf("a confirmation by a key not recorded for the %s was accepted", c.Role)
				}
			}
		}
		if res.Seller != nil && res.Buyer != nil && res.Seller.Key == res.Buyer.Key {
			t.Fatal("one key acts for both parties")
		}
	})
}

func TestFuzzCorpusExists(t *testing.T) {
	if _, err := os.Stat(filepath.Join("testdata", "vectors", "agreed.txtar")); err != nil {
		t.Fatal(err)
	}
}

// FuzzReadStatus checks that ReadStatus never panics, and that it agrees
// with Verify on every file Verify accepts (same head, state and who must
// act next). ReadStatus checks less (no decoding or re-rendering), so it
// may accept files Verify refuses, never the other way round; and it never
// reports agreed without pins.
func FuzzReadStatus(f *testing.F) {
	seedVectors(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		st, serr := confirm.ReadStatus(data)
		res, verr := confirm.Verify(data)
		if verr == nil {
			if serr != nil {
				t.Fatalf("Verify accepts, ReadStatus refuses: %v", serr)
			}
			if st.Head != res.Head || st.State != res.State() || len(st.Next) != len(res.Missing()) || st.Revision != res.Latest().Number {
				t.Fatalf("status %+v, verify state %s head %v", st, res.State(), res.Head)
			}
		}
		if serr == nil && (st.Agreed || st.State == confirm.StateAgreed) {
			t.Fatal("agreed without pinned keys")
		}
	})
}
