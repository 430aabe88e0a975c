package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/gowebpki/jcs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
		if raw, err := os.ReadFile(file); err == nil && bytes.HasPrefix(raw, []byte("expect: malformed")) {
			continue // written by hand or re-serialised to be malformed, not by Marshal
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

// FuzzReadFast checks that Read's one-pass reader gives what encoding/json
// gives wherever it takes a file, and that Read takes every file Parse
// takes, as Parse reads it once the terms are compacted.
func FuzzReadFast(f *testing.F) {
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
	f.Add([]byte(`{"tradepact_contract":1,"id":"x\u00e9\n","entries":[{"type":"revision","revision":1,"time":"t","agreement_digest":"","document_digest":"","template":{"name":"a","version":"1","digest":"d"},"terms":{"b":[1,"]"],"a":null},"changes":[{"path":"a","old":1,"new":"x"}]}]}`))
	f.Add([]byte(`{"tradepact_contract":1,"id":"x","entries":[{"type":"revision","Type":"x","prev":null,"revision":1.0}]}`))
	f.Fuzz(checkRead)
}

// checkRead checks the properties of FuzzReadFast on data.
func checkRead(t *testing.T, data []byte) {
	fast, ok := readFast(data)
	slow, err := readJSON(data)
	if ok && err != nil {
		t.Fatalf("readFast took a file encoding/json refuses: %v", err)
	}
	if ok && !reflect.DeepEqual(fast, slow) {
		t.Fatalf("readFast and encoding/json differ:\n%+v\n%+v", fast, slow)
	}
	p, err := Parse(data)
	if err != nil {
		return
	}
	got, err := Read(data)
	if err != nil {
		t.Fatalf("Read refuses a file Parse takes: %v", err)
	}
	for i, e := range p.Entries {
		g := *got.Entries[i]
		g.Terms = e.Terms // Parse gives their RFC 8785 form
		if !reflect.DeepEqual(&g, e) {
			t.Fatalf("entry %d: Read and Parse differ:\n%+v\n%+v", i, &g, e)
		}
	}
}

// TestReadFastMutations runs checkRead on the vectors' contract files
// changed in many small ways (a byte replaced by one of JSON's
// punctuation, escapes and spellings, deleted or repeated), so that
// the property holds in every run, not only under -fuzz.
func TestReadFastMutations(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "vectors", "*.txtar"))
	var seeds [][]byte
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "contract.json" {
				seeds = append(seeds, af.Data)
			}
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no contract files in the vectors")
	}
	pieces := []string{"", " ", "\"", "\\", "\\u00e9", "\\ud800", "\\n", "{", "}", "[", "]", ",", ":", "null", "1.0", "-0", "01", "1e2",
		"\xff", "\x01", "\"Type\"", "\"type\"", "\"prev\":null,", "\"terms\":{},", "\"changes\":null,", "\"template\":null,"}
	rnd := rand.New(rand.NewPCG(3, 4))
	n := 3000
	if testing.Short() || raceBuild {
		n = 300 // under -race, 3000 took 67 s of the package's time
	}
	for range n {
		data := bytes.Clone(seeds[rnd.IntN(len(seeds))])
		for range 1 + rnd.IntN(3) {
			i := rnd.IntN(len(data))
			j := min(len(data), i+rnd.IntN(3))
			switch rnd.IntN(3) {
			case 0: // replace
				data = slices.Concat(data[:i], []byte(pieces[rnd.IntN(len(pieces))]), data[j:])
			case 1: // repeat
				data = slices.Concat(data[:j], data[i:j], data[j:])
			case 2: // delete
				data = slices.Concat(data[:i], data[j:])
			}
		}
		checkRead(t, data)
	}
}

// TestStringAt checks StringAt against encoding/json: where StringAt is
// sure, it gives what encoding/json decodes into a string field.
func TestStringAt(t *testing.T) {
	for _, raw := range []string{
		`{"id":"a","seller":{"account":"s","name":"n"},"buyer":{"account":"b\u00e9\n"}}`,
		`{"seller":{"name":"n"}}`,
		`{}`,
		`{"id":1}`,
		`{"id":null}`,
		`{"seller":null}`,
		`{"seller":"x"}`,
		`{"seller":{"account":["x"]}}`,
		`{"ID":"a","id":"b"}`,
		`{"id":"b","Id":"a"}`,
		`{"id":"a","id":"b"}`,
		`{"seller":{"account":"a"},"seller":{"account":"b"}}`,
		`{"seller":{"Account":"a"}}`,
		`{"x":{"id":"no"},"y":["]","}"],"id":"yes"}`,
		`{"id":"\ud83d\ude00"}`,
		`{"id":"\u0000"}`,
	} {
		var id struct {
			ID string `json:"id"`
		}
		var seller struct {
			Seller struct {
				Account string `json:"account"`
			} `json:"seller"`
		}
		ierr := json.Unmarshal([]byte(raw), &id)
		serr := json.Unmarshal([]byte(raw), &seller)
		for _, tc := range []struct {
			path []string
			want string
			err  error
		}{{[]string{"id"}, id.ID, ierr}, {[]string{"seller", "account"}, seller.Seller.Account, serr}} {
			got, ok := StringAt([]byte(raw), tc.path...)
			if ok && (tc.err != nil || got != tc.want) {
				t.Errorf("%s %v: StringAt %q, encoding/json %q (%v)", raw, tc.path, got, tc.want, tc.err)
			}
		}
	}
	if s, ok := StringAt([]byte(`{"x":{"id":"no"},"y":["]","}"],"id":"yes"}`), "id"); !ok || s != "yes" {
		t.Errorf("StringAt = %q, %v", s, ok)
	}
}

// TestCompact checks the reader's compact against json.Compact: where it
// takes a value, it gives the same bytes, and it takes every value that
// json.Compact takes short of the nesting limit.
func TestCompact(t *testing.T) {
	vals := []string{
		`{"a": [1, -0.5e+10, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud800"], "b" : {}, "c":[ ]}`,
		`"\xff raw bytes \u2028"`, `0`, `-0`, `1E5`, `1.0`, `{"k":{"k":{"k":[[[]]]}}}`,
		`01`, `1.`, `.5`, `-`, `1e`, `+1`, `tru`, `nul`, `"\x01"`, `"\u12"`, `"\q"`, `{"a" 1}`, `{"a":1,}`, `[1,]`, `{1:2}`, `"abc`, `[`, `{`, ``,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	pieces := []string{" ", "\"", "\\", "{", "}", "[", "]", ",", ":", "e", ".", "-", "0", "u", "\x00", "\xe9"}
	for range 3000 {
		v := []byte(vals[rnd.IntN(7)])
		for range 1 + rnd.IntN(2) {
			i := rnd.IntN(len(v) + 1)
			v = slices.Concat(v[:i], []byte(pieces[rnd.IntN(len(pieces))]), v[i:])
		}
		vals = append(vals, string(v))
	}
	for _, v := range vals {
		var want bytes.Buffer
		werr := json.Compact(&want, []byte(v))
		r := &reader{b: []byte(v)}
		got, ok := r.compact(nil, 0)
		if ok {
			r.ws()
			ok = r.i == len(r.b)
		}
		switch {
		case ok && werr != nil:
			t.Errorf("%q: compact takes it, json.Compact: %v", v, werr)
		case ok && !bytes.Equal(got, want.Bytes()):
			t.Errorf("%q: compact %q, json.Compact %q", v, got, want.Bytes())
		case !ok && werr == nil && !strings.HasPrefix(v, strings.Repeat("[", 100)):
			t.Errorf("%q: compact refuses it, json.Compact takes it", v)
		}
	}
}
