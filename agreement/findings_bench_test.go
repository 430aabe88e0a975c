package agreement_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// formWithMistakes is a terms file as a web form might post it: a value
// of the wrong type, an unknown key, dates out of order and a value not
// among the choices, beside the usual warnings.
func formWithMistakes(b *testing.B) []byte {
	data, err := os.ReadFile("../examples/terms/goods-zh-Hant.yaml")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	for _, r := range [][2]string{
		{"quantity: 1", "quantity: one"},
		{"method: ", "colour: red\n  method: "},
		{"late_payment: ", "late_payment: never #"},
	} {
		if !strings.Contains(s, r[0]) {
			b.Fatalf("%q not in the file", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	return []byte(s)
}

// BenchmarkFindingsJSON measures what a form's submit costs the server:
// decoding and validating in one call, and the findings as JSON in the
// user's language.
func BenchmarkFindingsJSON(b *testing.B) {
	valid, err := os.ReadFile("../examples/terms/goods-zh-Hant.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"valid", valid}, {"mistakes", formWithMistakes(b)}} {
		b.Run("DecodeAndValidate/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, fs, err := agreement.DecodeAndValidate(bytes.NewReader(c.data), "form", agreement.FormatYAML); err != nil || fs == nil {
					b.Fatal(err)
				}
			}
		})
		_, fs, _ := agreement.DecodeAndValidate(bytes.NewReader(c.data), "form", agreement.FormatYAML)
		b.Run("JSON/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := json.NewEncoder(io.Discard).Encode(agreement.Findings(fs, agreement.LocaleZHHant)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
