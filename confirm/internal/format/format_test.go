package format

import (
	"bytes"
	"errors"
	"github.com/gowebpki/jcs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzParseMarshal checks that Marshal gives back exactly the input for any
// file in canonical layout, and that parsing never panics.
func FuzzParseMarshal(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "vectors", "*.txtar"))
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
	f.Add([]byte(`{"tradepact_contract":1,"id":"x","entries":[{"type":"revision","revision":1,"time":"t","agreement_digest":"","document_digest":"","template":null,"changes":[{"path":"a","old":1}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		out, err := Marshal(file)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(f)): %v", err)
		}
		out2, err := Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("Marshal(Parse(Marshal(f))) differs:\n%s\n%s", out, out2)
		}
		for i := range file.Entries {
			h1, err1 := Hash(file.Entries[i])
			h2, err2 := Hash(again.Entries[i])
			if err1 != nil || err2 != nil || h1 != h2 {
				t.Fatalf("entry %d hashes differently after a round trip", i)
			}
		}
	})
}

// TestRoundTripExact checks that the canonical files written by Marshal
// parse and marshal back to the same bytes.
func TestRoundTripExact(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "vectors", "*.txtar"))
	n := 0
	for _, file := range files {
		if strings.Contains(file, "reserialised") {
			continue
		}
		data := contractOf(t, file)
		f, err := Parse(data)
		if err != nil {
			continue // the malformed vectors
		}
		out, err := Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s: Marshal(Parse(x)) != x", file)
		}
		n++
	}
	if n < 5 {
		t.Fatalf("only %d vectors", n)
	}
}

func contractOf(t *testing.T, file string) []byte {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, af := range ar.Files {
		if af.Name == "contract.json" {
			return af.Data
		}
	}
	t.Fatalf("%s: no contract.json", file)
	return nil
}

func TestParseRejects(t *testing.T) {
	for _, tc := range []string{
		``,
		`[]`,
		`{"tradepact_contract":1,"id":"x","entries":[],"extra":1}`,
		`{"tradepact_contract":1,"id":"x","id":"y","entries":[]}`,
		`{"tradepact_contract":1,"id":"x","entries":[null]}`,
		`{"tradepact_contract":1,"id":"x","entries":[]} {}`,
		`{"tradepact_contract":"1","id":"x","entries":[]}`,
	} {
		if _, err := Parse([]byte(tc)); err == nil {
			t.Errorf("Parse(%q) succeeded", tc)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "testdata", "vectors")); err != nil {
		t.Fatal(err)
	}
}

func TestCanonicalNumbers(t *testing.T) {
	for _, tc := range []struct {
		raw string
		ok  bool
	}{
		{`{"a":"x\"1.0 \\","b":[1,2.5,-3,0,1e+21,1234567890123456]}`, true},
		{`{"q":123456789012345678}`, false},
		{`{"a":"1.0"}`, true},
		{`{"q":1.0}`, false},
		{`{"q":1e0}`, false},
		{`{"q":1.9999999999999999}`, false},
		{`{"q":-0}`, false},
		{`{"q":[1e21]}`, false},
		{`{"q":0.10}`, false},
		{`{"q":1E+2}`, false},
	} {
		err := canonicalNumbers([]byte(tc.raw))
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrNumberForm)) {
			t.Errorf("%s: %v", tc.raw, err)
		}
	}
}

// FuzzEntryHash checks that Hash, which writes the canonical form
// directly, gives what the definition gives: encoding/json then RFC 8785.
func FuzzEntryHash(f *testing.F) {
	f.Add("revision", "seller", "a\"b\\c\n\x01\u2028<>&\x7f\xff", "sha256:00", 2, `{"a":1,"b":[true,null,"x"]}`, `"2350"`)
	f.Add("confirmation", "", "林美", "", 1, ``, `null`)
	f.Fuzz(func(t *testing.T, typ, role, text, prev string, rev int, terms, val string) {
		e := &Entry{Type: typ, Prev: prev, Revision: rev, Time: text, Author: role, Document: text,
			AgreementDigest: prev, DocumentDigest: text, Role: role, Account: text, Key: prev, Signature: role,
			Template: &Template{Name: text, Version: role, Digest: prev}}
		if c, err := jcs.Transform([]byte(terms)); err == nil && len(terms) > 0 {
			e.Terms = c
		}
		if c, err := jcs.Transform([]byte(val)); err == nil && len(val) > 0 {
			e.Changes = []Change{{Path: text, Old: c}, {Path: role, New: c, Old: c}}
		}
		got, err := Hash(e)
		want, err2 := slowHash(e)
		if (err == nil) != (err2 == nil) || got != want {
			t.Fatalf("Hash %x (%v), by definition %x (%v)", got, err, want, err2)
		}
		e.Template = nil
		got, _ = Hash(e)
		want, _ = slowHash(e)
		if got != want {
			t.Fatal("nil template")
		}
	})
}
