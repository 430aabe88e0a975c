package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// A vector is a directory under testdata/vectors holding terms.yaml or
// terms.json (the input), canonical.json (the expected canonical bytes,
// exactly) and digest.txt (the expected digest and a newline). Vectors whose
// names differ only after a "+" mean the same and must share one canonical
// form; vectors of different groups must not. See doc/canonical.md.
type vector struct {
	name, dir, input string
	data             []byte
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	dirs, err := filepath.Glob("testdata/vectors/*")
	if err != nil || len(dirs) < 8 {
		t.Fatalf("vectors: %v, %d found", err, len(dirs))
	}
	var vs []vector
	for _, dir := range dirs {
		v := vector{name: filepath.Base(dir), dir: dir}
		for _, in := range []string{"terms.yaml", "terms.json"} {
			if b, err := os.ReadFile(filepath.Join(dir, in)); err == nil {
				v.input, v.data = in, b
			}
		}
		if v.data == nil {
			t.Fatalf("%s: no terms.yaml or terms.json", dir)
		}
		vs = append(vs, v)
	}
	return vs
}

func TestCanonicalVectors(t *testing.T) {
	canon := map[string][]byte{} // by vector name
	for _, v := range loadVectors(t) {
		t.Run(v.name, func(t *testing.T) {
			a, err := agreement.Decode(v.input, v.data)
			if err != nil {
				t.Fatal(err)
			}
			c, err := a.Canonical()
			if err != nil {
				t.Fatal(err)
			}
			d, err := a.Digest()
			if err != nil {
				t.Fatal(err)
			}
			if d != agreement.DigestOf(c) {
				t.Errorf("Digest %s is not the digest of Canonical", d)
			}
			canon[v.name] = c
			golden(t, filepath.Join(v.dir, "canonical.json"), c)
			golden(t, filepath.Join(v.dir, "digest.txt"), []byte(d.String()+"\n"))
			checkCanonicalShape(t, c)
		})
	}
	// Same group, same bytes; different groups, different bytes.
	for n1, c1 := range canon {
		for n2, c2 := range canon {
			g1, _, _ := strings.Cut(n1, "+")
			g2, _, _ := strings.Cut(n2, "+")
			if same := bytes.Equal(c1, c2); same != (g1 == g2) {
				t.Errorf("%s and %s: same canonical form %v, want %v", n1, n2, same, g1 == g2)
			}
		}
	}
}

// checkCanonicalShape checks properties of a canonical form that do not
// depend on this implementation: it is JSON; it re-canonicalises to itself
// (members sorted, no white space); no member is empty; no number has a
// fraction; every amount is a string.
func checkCanonicalShape(t *testing.T, c []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(c))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("canonical form is not JSON: %v", err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				switch e := e.(type) {
				case string:
					if e == "" {
						t.Errorf("%s.%s is empty", path, k)
					}
					if strings.TrimSpace(e) != e || strings.Contains(e, "\r") {
						t.Errorf("%s.%s = %q: not normalised", path, k, e)
					}
				case bool:
					if !e {
						t.Errorf("%s.%s is false", path, k)
					}
				case json.Number:
					if e.String() == "0" || strings.ContainsAny(e.String(), ".eE") {
						t.Errorf("%s.%s = %s", path, k, e)
					}
				case []any:
					if len(e) == 0 {
						t.Errorf("%s.%s is []", path, k)
					}
				}
				if strings.HasSuffix(k, "price") || strings.HasSuffix(k, "fee") || k == "amount" || k == "balance" || k == "face_value" {
					if _, ok := e.(string); !ok {
						t.Errorf("%s.%s = %v: amount not a string", path, k, e)
					}
				}
				walk(e, path+"."+k)
			}
		case []any:
			for _, e := range v {
				walk(e, path+"[]")
			}
		}
	}
	walk(v, "")
	// Key order: each object's keys appear sorted (all keys are ASCII, so
	// UTF-16 order is byte order) and the bytes have no insignificant space.
	if bytes.ContainsAny(c, "\n\t") || bytes.Contains(c, []byte(`": `)) || bytes.Contains(c, []byte(`, "`)) {
		t.Errorf("canonical form has white space: %.80s…", c)
	}
}

func TestCanonicalProxyMatchesGo(t *testing.T) {
	// The agreement built in Go and the vector written by hand in YAML are
	// the same terms.
	want, err := os.ReadFile("testdata/vectors/proxy-zh-Hans/canonical.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := proxyAgreement().Canonical()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Go-built agreement:\n%s\nvector:\n%s", got, want)
	}
}

func TestCanonicalExact(t *testing.T) {
	// A small agreement whose canonical form is written out by hand, to pin
	// the rules independently of the golden files: sorted keys, amounts as
	// minimal decimal strings, dates, NFC, trimmed text, empty values gone.
	a := &agreement.Agreement{
		Version: 1, ID: "T-1", Kind: agreement.KindGoods, Locale: agreement.LocaleEN,
		Date:     agreement.MustDate("2026-01-05"),
		Seller:   agreement.Party{Name: " Cafe\u0301\r\nLin ", Account: "s"},
		Buyer:    agreement.Party{Name: "B", Account: "b", Business: false},
		Currency: "USD",
		Items: []agreement.Item{
			{Name: "x", Quantity: 3, UnitPrice: agreement.MustAmount("1,200.50"), Defects: []string{"", "dent"}},
			{},
		},
		ShippingFee: agreement.MustAmount("0.00"),
		Payment:     agreement.Payment{Method: "other", Installments: []agreement.Installment{}},
		Inspection:  &agreement.Inspection{},
		Refund:      agreement.Refund{Exclusions: nil},
	}
	got, err := a.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"buyer":{"account":"b","name":"B"},"currency":"USD","date":"2026-01-05","id":"T-1","inspection":{},` +
		`"items":[{"defects":["","dent"],"name":"x","quantity":3,"unit_price":"1200.5"},{}],` +
		`"kind":"goods","locale":"en","payment":{"method":"other"},` +
		`"seller":{"account":"s","name":"Café\nLin"},"tradepact":1}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCanonicalErrors(t *testing.T) {
	a := proxyAgreement()
	a.Items[1].Name = "bad \xff"
	_, err := a.Canonical()
	var ce *agreement.CanonicalError
	if !errors.As(err, &ce) || ce.Path != "items[1].name" {
		t.Errorf("invalid UTF-8: %v", err)
	}
	a = proxyAgreement()
	a.Items[0].Quantity = 1 << 60
	if _, err := a.Digest(); !errors.As(err, &ce) || ce.Path != "items[0].quantity" {
		t.Errorf("huge integer: %v", err)
	}
}

// TestDigestChangesWithMeaning changes every value of a realistic
// agreement, one at a time, and checks that the digest changes each time.
func TestDigestChangesWithMeaning(t *testing.T) {
	base, err := proxyAgreement().Digest()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[agreement.Digest]string{base: "base"}
	n := 0
	var visit func(get func(*agreement.Agreement) reflect.Value, path string, typ reflect.Type)
	visit = func(get func(*agreement.Agreement) reflect.Value, path string, typ reflect.Type) {
		mutate := func(change func(v reflect.Value)) {
			a := proxyAgreement()
			v := get(a)
			if !v.IsValid() {
				return
			}
			change(v)
			if reflect.DeepEqual(a, proxyAgreement()) {
				return // the value was empty already: nothing changed
			}
			d, err := a.Digest()
			if err != nil {
				t.Errorf("%s: %v", path, err)
				return
			}
			if prev, dup := seen[d]; dup {
				t.Errorf("changing %s gives the same digest as %s", path, prev)
			}
			seen[d] = path
			n++
		}
		switch typ {
		case reflect.TypeFor[agreement.Amount]():
			mutate(func(v reflect.Value) {
				a := v.Interface().(agreement.Amount)
				v.Set(reflect.ValueOf(agreement.MustAmount(a.String() + "1")))
			})
			return
		case reflect.TypeFor[agreement.Date]():
			mutate(func(v reflect.Value) { v.Set(reflect.ValueOf(v.Interface().(agreement.Date).AddDays(1))) })
			return
		}
		switch typ.Kind() {
		case reflect.String:
			mutate(func(v reflect.Value) { v.SetString(v.String() + "x") })
		case reflect.Int:
			mutate(func(v reflect.Value) { v.SetInt(v.Int() + 1) })
		case reflect.Bool:
			mutate(func(v reflect.Value) { v.SetBool(!v.Bool()) })
		case reflect.Pointer:
			mutate(func(v reflect.Value) {
				if !v.IsNil() {
					v.Set(reflect.Zero(v.Type()))
				}
			})
			visit(func(a *agreement.Agreement) reflect.Value {
				v := get(a)
				if !v.IsValid() || v.IsNil() {
					return reflect.Value{}
				}
				return v.Elem()
			}, path, typ.Elem())
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() {
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				visit(func(a *agreement.Agreement) reflect.Value {
					v := get(a)
					if !v.IsValid() {
						return v
					}
					return v.Field(i)
				}, path+"."+name, f.Type)
			}
		case reflect.Slice:
			// Reorder, drop and mutate each element.
			mutate(func(v reflect.Value) {
				if v.Len() > 1 {
					a, b := v.Index(0).Interface(), v.Index(1).Interface()
					v.Index(0).Set(reflect.ValueOf(b))
					v.Index(1).Set(reflect.ValueOf(a))
				} else {
					v.Set(v.Slice(0, 0))
				}
			})
			for i := range 2 {
				visit(func(a *agreement.Agreement) reflect.Value {
					v := get(a)
					if !v.IsValid() || i >= v.Len() {
						return reflect.Value{}
					}
					return v.Index(i)
				}, path+"["+string(rune('0'+i))+"]", typ.Elem())
			}
		}
	}
	visit(func(a *agreement.Agreement) reflect.Value { return reflect.ValueOf(a).Elem() }, "", reflect.TypeFor[agreement.Agreement]())
	if n < 80 {
		t.Errorf("only %d changes tried", n)
	}
}

func BenchmarkDigest(b *testing.B) {
	a := proxyAgreement()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Digest(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeValidateDigest(b *testing.B) {
	data, err := os.ReadFile("testdata/vectors/proxy-zh-Hans/terms.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a, err := agreement.Decode("terms.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		_ = a.Validate()
		if _, err := a.Digest(); err != nil {
			b.Fatal(err)
		}
	}
}

// The canonical form is itself a terms file (JSON) with the same meaning:
// decoding it gives the same canonical form back.
func TestCanonicalIdempotent(t *testing.T) {
	for _, v := range loadVectors(t) {
		a, err := agreement.Decode(v.input, v.data)
		if err != nil {
			t.Fatal(err)
		}
		c1, err := a.Canonical()
		if err != nil {
			t.Fatal(err)
		}
		b, err := agreement.Decode("canonical.json", c1)
		if err != nil {
			t.Fatalf("%s: canonical form does not decode: %v", v.name, err)
		}
		c2, err := b.Canonical()
		if err != nil || !bytes.Equal(c1, c2) {
			t.Errorf("%s: canonical form of the canonical form differs:\n%s\n%s", v.name, c1, c2)
		}
	}
}

// FuzzCanonical decodes arbitrary terms files; whatever decodes has a
// canonical form (or a CanonicalError), and that form decodes to the same
// digest.
func FuzzCanonical(f *testing.F) {
	dirs, _ := filepath.Glob("testdata/vectors/*/terms.*")
	for _, p := range dirs {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(filepath.Base(p), b)
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := agreement.Decode(name, data)
		if err != nil {
			return
		}
		c, err := a.Canonical()
		if err != nil {
			var ce *agreement.CanonicalError
			if !errors.As(err, &ce) {
				t.Fatalf("Canonical: %v", err)
			}
			return
		}
		b, err := agreement.Decode("canonical.json", c)
		if err != nil {
			t.Fatalf("canonical form %s does not decode: %v", c, err)
		}
		d1, _ := a.Digest()
		d2, err := b.Digest()
		if err != nil || d1 != d2 {
			t.Fatalf("digest %s, of the canonical form %s (%v)", d1, d2, err)
		}
	})
}
