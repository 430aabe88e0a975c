package agreement_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	yaml "go.yaml.in/yaml/v3"
)

// hostileSeeds are small inputs that once broke, or could break, a decoder.
var hostileSeeds = []string{
	"",
	"tradepact: 1\na: &a [x]\nb: *a\n",
	"tradepact: 2\n",
	"tradepact: 1\n---\ntradepact: 1\n",
	"{\"tradepact\": 1}{}",
	"tradepact: 1\nitems: [{unit_price: 1e3}]\n",
	"tradepact: 1\nid: !!binary gIGC\n",
	"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
	"tradepact: 1\nid: \"\\x01\\u00e9\"\n",
}

// roundTrip checks the property both fuzz tests share: whatever decodes
// re-encodes (yaml.Marshal and json.Marshal) and decodes again to the same
// digest, and every rejection is a positioned *FieldError.
func roundTrip(t *testing.T, name string, data []byte) {
	l, lok := agreement.DetectLocale(name, data)
	a, err := agreement.Decode(name, data)
	if err == nil && slices.Contains(agreement.Locales, a.Locale) && (l != a.Locale || !lok) {
		t.Fatalf("DetectLocale = %q, %v; the file decodes with locale %q", l, lok, a.Locale)
	}
	if err != nil {
		var fe *agreement.FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("error %T %v is not a *FieldError", err, err)
		}
		if fe.Line < 1 || fe.Column < 1 || fe.Message(agreement.LocaleZHHant) == "" {
			t.Fatalf("error without position or message: %v", err)
		}
		return
	}
	_ = a.Validate()
	want, werr := a.Digest()
	y, err := yaml.Marshal(a)
	if err != nil {
		t.Fatalf("yaml.Marshal: %v", err)
	}
	j, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	for _, again := range []struct {
		name string
		data []byte
	}{{"again.yaml", y}, {"again.json", j}} {
		b, err := agreement.Decode(again.name, again.data)
		if err != nil {
			t.Fatalf("%s does not decode: %v\n%s", again.name, err, again.data)
		}
		got, gerr := b.Digest()
		if (werr == nil) != (gerr == nil) || got != want {
			t.Fatalf("%s: digest %v (%v), want %v (%v)\n%s", again.name, got, gerr, want, werr, again.data)
		}
	}
}

func FuzzDecodeYAML(f *testing.F) {
	for _, file := range exampleFiles(f) {
		f.Add(readFile(f, file))
	}
	f.Add([]byte(minimal))
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, "terms.yaml", data)
	})
}

func FuzzDecodeJSON(f *testing.F) {
	for _, file := range exampleFiles(f) {
		a, err := agreement.Load(file)
		if err != nil {
			f.Fatal(err)
		}
		j, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(j)
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"tradepact": 1, "items": [{"unit_price": 12.5}]}`))
	f.Add([]byte(`{"tradepact": 1, "id": "a", "id": "b"}`))
	f.Add([]byte(`{"tradepact": 1, "seller": {"name": "\ud800"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, "terms.json", data)
	})
}
