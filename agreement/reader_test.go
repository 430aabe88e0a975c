package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// endless yields 'a' forever and counts what was read.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestDecodeReader(t *testing.T) {
	yml, err := os.ReadFile("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.DecodeReader(bytes.NewReader(yml), "", agreement.FormatYAML)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := agreement.Load("../examples/terms/goods-en.yaml")
	if !bytes.Equal(mustDigest(t, a), mustDigest(t, want)) {
		t.Error("DecodeReader and Load differ")
	}
	js, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	// The format named wins over the name's extension.
	b, err := agreement.DecodeReader(bytes.NewReader(js), "body.yaml", agreement.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustDigest(t, a), mustDigest(t, b)) {
		t.Error("JSON round trip differs")
	}
	// YAML named as JSON is a JSON syntax error, with the name given.
	_, err = agreement.DecodeReader(bytes.NewReader(yml), "form", agreement.FormatJSON)
	var fe *agreement.FieldError
	if !errors.As(err, &fe) || fe.Rule != agreement.RuleSyntax || fe.File != "form" {
		t.Errorf("YAML read as JSON: %v", err)
	}
	// An endless body is refused after MaxSize+1 bytes.
	r := &endless{}
	_, err = agreement.DecodeReader(r, "", agreement.FormatYAML)
	if !errors.As(err, &fe) || fe.Rule != agreement.RuleSize {
		t.Errorf("endless input: %v", err)
	}
	if r.n > 2*agreement.MaxSize {
		t.Errorf("read %d bytes of an endless input", r.n)
	}
	// A failing reader is a plain error, not a finding.
	_, err = agreement.DecodeReader(failing{}, "upload", agreement.FormatYAML)
	if err == nil || errors.As(err, &fe) || !strings.Contains(err.Error(), "upload: connection reset") {
		t.Errorf("failing reader: %v", err)
	}
	if _, err = agreement.DecodeReader(bytes.NewReader(yml), "", "toml"); err == nil || !strings.Contains(err.Error(), `unknown format "toml"`) {
		t.Errorf("unknown format: %v", err)
	}
}

func mustDigest(t *testing.T, a *agreement.Agreement) []byte {
	t.Helper()
	d, err := a.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d[:]
}

// One call reports a decoding error and the validation findings of the
// rest of the file together, without a second finding for the value that
// did not decode.
func TestDecodeAndValidate(t *testing.T) {
	yml, err := os.ReadFile("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(yml)
	src = strings.Replace(src, `unit_price: "329.99"`, `unit_price: lots`, 1)                                // decoding: type
	src = strings.Replace(src, "condition: new\n  - name", "colour: black\n    condition: new\n  - name", 1) // decoding: unknown key
	src = strings.Replace(src, "due: 2026-11-21", "due: 2026-11-01", 1)                                      // validation: before date
	src = strings.Replace(src, "method: shipping", "method: drone", 1)                                       // validation: oneof
	a, fs, err := agreement.DecodeAndValidate(strings.NewReader(src), "form.yaml", agreement.FormatYAML)
	if err != nil || a != nil {
		t.Fatalf("a = %v, err = %v", a, err)
	}
	var got []string
	for _, f := range fs {
		if f.Severity == agreement.SeverityError {
			got = append(got, f.Path+" "+f.Rule)
		}
	}
	want := []string{"items[0].unit_price type", "items[0].colour unknown_key", "payment.due not_before", "delivery.method oneof"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
	for _, f := range fs {
		if f.Line == 0 || f.File != "form.yaml" {
			t.Errorf("%s: line %d file %q", f.Path, f.Line, f.File)
		}
	}

	// A valid file: the agreement and its warnings, no error.
	a, fs, err = agreement.DecodeAndValidate(bytes.NewReader(yml), "", agreement.FormatYAML)
	if err != nil || a == nil || fs == nil {
		t.Fatalf("valid file: %v, %v, %v", a, fs, err)
	}
	for _, f := range fs {
		if f.Severity != agreement.SeverityWarning {
			t.Errorf("valid file: %v", f)
		}
	}
	// A syntax error gives that one finding.
	_, fs, err = agreement.DecodeAndValidate(strings.NewReader("a: [1,\n"), "", agreement.FormatYAML)
	if err != nil || len(fs) != 1 || fs[0].Rule != agreement.RuleSyntax {
		t.Errorf("syntax error: %v, %v", fs, err)
	}
	// A reader failure is err.
	if _, _, err = agreement.DecodeAndValidate(failing{}, "", agreement.FormatJSON); err == nil {
		t.Error("failing reader: no error")
	}
	// More than 20 wrong values: decoding stops at 20, validation still runs.
	var many strings.Builder
	many.WriteString(src)
	for i := range 30 {
		many.WriteString("x" + strings.Repeat("y", i) + ": 1\n")
	}
	_, fs, err = agreement.DecodeAndValidate(strings.NewReader(many.String()), "", agreement.FormatYAML)
	due := false
	for _, f := range fs {
		due = due || f.Path == "payment.due"
	}
	if err != nil || len(fs) < 20 || !due {
		t.Errorf("many: %d findings %v, %v", len(fs), fs, err)
	}
}

// The JSON form of findings: stable keys, message and labels in the
// locale asked for, the choices of an enumerated field.
func TestFindingsJSON(t *testing.T) {
	src, err := os.ReadFile("../examples/terms/secondhand-zh-Hant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "method: in_person", "method: teleport", 1)
	_, fs, err := agreement.DecodeAndValidate(strings.NewReader(s), "t.yaml", agreement.FormatYAML)
	if err != nil {
		t.Fatal(err)
	}
	var oneof *agreement.FieldError
	for _, f := range fs {
		if f.Rule == "oneof" {
			oneof = f
		}
	}
	if oneof == nil {
		t.Fatalf("no oneof finding in %v", fs)
	}
	got, err := json.Marshal(oneof.Finding(agreement.LocaleZHHant))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"t.yaml","path":"delivery.method","label":"交付 › 交付方式","line":` + itoa(oneof.Line) + `,"column":` + itoa(oneof.Column) +
		`,"rule":"oneof","severity":"error","locale":"zh-Hant","message":"\"teleport\" 不是可選的值，請選擇：寄送（shipping）、面交（in_person）、線上交付（digital）、買方自取（pickup）","param":"shipping in_person digital pickup","value":"teleport",` +
		`"allowed":[{"value":"shipping","label":"寄送"},{"value":"in_person","label":"面交"},{"value":"digital","label":"線上交付"},{"value":"pickup","label":"買方自取"}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	en, _ := json.Marshal(oneof)
	var m map[string]any
	if err := json.Unmarshal(en, &m); err != nil || m["locale"] != "en" || !strings.Contains(m["message"].(string), "is not one of the choices") {
		t.Errorf("FieldError JSON: %s", en)
	}
	if b, _ := json.Marshal(agreement.Findings(nil, agreement.LocaleEN)); string(b) != "[]" {
		t.Errorf("no findings: %s", b)
	}
	if b, _ := json.Marshal(&agreement.ValidationError{Fields: []*agreement.FieldError{oneof}}); !bytes.HasPrefix(b, []byte(`[{"file":"t.yaml"`)) {
		t.Errorf("ValidationError JSON: %s", b)
	}
	if f := (&agreement.FieldError{Rule: agreement.RuleEmpty, Severity: agreement.SeverityError}).Finding("fr"); f.Locale != agreement.LocaleEN || f.Label != "" {
		t.Errorf("fr: %+v", f)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

var _ io.Reader = (*endless)(nil)

// The form path is safe for concurrent use: one validator, one schema,
// shared by every request.
func TestDecodeAndValidateConcurrent(t *testing.T) {
	yml, err := os.ReadFile("../examples/terms/proxy_purchase-zh-Hant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(yml, []byte("kind: proxy_purchase"), []byte("kind: proxy"), 1)
	want, _ := json.Marshal(mustFindings(t, bad))
	schema := agreement.Schema()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			data := yml
			if i%2 == 1 {
				data = bad
			}
			_, fs, err := agreement.DecodeAndValidate(bytes.NewReader(data), "f", agreement.FormatYAML)
			if err != nil {
				t.Error(err)
				return
			}
			got, _ := json.Marshal(agreement.Findings(fs, agreement.LocaleZHHant))
			if i%2 == 1 && !bytes.Equal(got, want) {
				t.Errorf("findings differ under concurrency")
			}
			if !bytes.Equal(agreement.Schema(), schema) {
				t.Error("schema differs")
			}
		})
	}
	wg.Wait()
}

func mustFindings(t *testing.T, data []byte) []agreement.Finding {
	t.Helper()
	_, fs, err := agreement.DecodeAndValidate(bytes.NewReader(data), "f", agreement.FormatYAML)
	if err != nil || len(fs) == 0 {
		t.Fatalf("%v %v", fs, err)
	}
	return agreement.Findings(fs, agreement.LocaleZHHant)
}
