package agreement_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// FuzzDecodeAndValidate checks the one-call path a web form uses against
// the two steps it stands for: no panic; findings sorted by position,
// each with a message in every locale and a JSON form; the agreement
// returned exactly when no finding is an error; and for input that
// decodes, the same findings as Decode followed by Validate.
func FuzzDecodeAndValidate(f *testing.F) {
	for _, file := range exampleFiles(f) {
		f.Add(readFile(f, file), false)
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Add([]byte("tradepact: 1\nitems: [{quantity: x, unit_price: \"1\", name: a}]\nkind: used\n"), false)
	f.Add([]byte(`{"tradepact": 1, "kind": "goods", "colour": 1, "date": "2026-01-01"}`), true)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		format := agreement.FormatYAML
		if asJSON {
			format = agreement.FormatJSON
		}
		a, fs, err := agreement.DecodeAndValidate(bytes.NewReader(data), "f", format)
		if err != nil {
			t.Fatalf("a bytes.Reader cannot fail: %v", err)
		}
		if fs == nil {
			t.Fatal("findings are nil, not empty")
		}
		errs := 0
		for i, x := range fs {
			if x.Severity == agreement.SeverityError {
				errs++
			}
			if i > 0 && cmp.Or(cmp.Compare(fs[i-1].Line, x.Line), cmp.Compare(fs[i-1].Column, x.Column)) > 0 {
				t.Fatalf("findings out of order: %v before %v", fs[i-1], x)
			}
			for _, l := range agreement.Locales {
				if x.Message(l) == "" {
					t.Fatalf("%v: no %s message", x, l)
				}
			}
			if _, err := json.Marshal(x); err != nil {
				t.Fatal(err)
			}
		}
		if (a == nil) != (errs > 0) {
			t.Fatalf("agreement %v with %d errors", a != nil, errs)
		}
		b, derr := agreement.DecodeReader(bytes.NewReader(data), "f", format)
		if derr != nil {
			return
		}
		want := b.Validate()
		key := func(x *agreement.FieldError) string {
			return x.Path + " " + x.Rule + " " + x.Message(agreement.LocaleEN)
		}
		if !slices.EqualFunc(fs, want, func(x, y *agreement.FieldError) bool { return key(x) == key(y) }) {
			t.Fatalf("DecodeAndValidate %v\nDecode+Validate %v", fs, want)
		}
	})
}
