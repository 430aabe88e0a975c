package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/agreement"
	yaml "go.yaml.in/yaml/v3"
)

// exampleFiles returns the shipped example terms files.
func exampleFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../examples/terms/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example terms files: %v", err)
	}
	return files
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// minimal is a valid gift card agreement in YAML, small enough to edit in
// table tests.
const minimal = `tradepact: 1
id: TP-1
kind: gift_card
locale: zh-Hant
jurisdiction: TW
date: 2026-11-22
seller: {name: 王小明, account: "shopee:wang"}
buyer: {name: 李大同, account: "shopee:li"}
currency: TWD
items:
  - name: 星巴克隨行卡
    quantity: 1
    unit_price: "920"
    gift_card: {brand: Starbucks, card_type: anonymous, face_value: "1000", balance: "1000", source: 尾牙獎品}
shipping_fee: "0"
payment: {method: bank_transfer, due: 2026-11-23, late_payment: cancel}
delivery: {method: digital, deadline: 2026-11-24, shipping_paid_by: seller, channel: 蝦皮聊聊}
inspection: {hours: 24}
refund: {no_reason_days: 0, exclusions: [code_revealed], exclusions_acknowledged: true, return_shipping_paid_by: seller, refund_within_days: 7, remedies: {not_as_described: full_refund, invalid_card: replacement_or_refund, late_delivery: cancel_and_refund}}
cancellation: {before: delivery, refund: full}
after_sales: {warranty_days: 0, response_hours: 48, contact: 蝦皮聊聊}
dispute: {steps: [negotiation, court], governing_law: TW, venue: 臺灣臺北地方法院}
evidence: {keep_days: 180}
`

func TestDecodeExamples(t *testing.T) {
	for _, f := range exampleFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a, err := agreement.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			if a.Version != agreement.FormatVersion || len(a.Items) == 0 || a.Seller.Account == "" {
				t.Errorf("decoded %+v", a)
			}
			// The same terms as JSON decode to the same agreement.
			j, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := agreement.Decode("terms.json", j)
			if err != nil {
				t.Fatalf("JSON form: %v\n%s", err, j)
			}
			j2, _ := json.Marshal(b)
			if !bytes.Equal(j, j2) {
				t.Errorf("JSON round trip differs:\n%s\n%s", j, j2)
			}
		})
	}
}

func TestDecodeMinimal(t *testing.T) {
	a, err := agreement.Decode("t.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Items[0].GiftCard.FaceValue.String(); got != "1000" {
		t.Errorf("face value %q", got)
	}
	if got := a.Validate(); len(got) != 0 {
		t.Errorf("minimal terms have findings: %v", got)
	}
}

func TestDecodeErrors(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(minimal, old) {
			panic("edit: no " + old)
		}
		return strings.Replace(minimal, old, new, 1)
	}
	tests := []struct {
		name, file, in string
		rule, path     string
		line, col      int
	}{
		{"unknown key", "t.yaml", edit("id: TP-1", "id: TP-1\nnote: hi"), agreement.RuleUnknownKey, "note", 3, 1},
		{"unknown nested key", "t.yaml", edit("quantity: 1", "quantity: 1\n    colour: red"), agreement.RuleUnknownKey, "items[0].colour", 13, 5},
		{"duplicate key", "t.yaml", edit("id: TP-1", "id: TP-1\nid: TP-2"), agreement.RuleDuplicateKey, "id", 3, 1},
		{"second document", "t.yaml", minimal + "---\ntradepact: 1\n", agreement.RuleSecondDocument, "", 24, 1},
		{"anchor", "t.yaml", edit(`seller: {name: 王小明, account: "shopee:wang"}`, `seller: &s {name: 王小明, account: "shopee:wang"}`), agreement.RuleAlias, "", 7, 9},
		{"alias", "t.yaml", "tradepact: 1\nx: &x 1\nid: *x\n", agreement.RuleAlias, "", 2, 4},
		{"newer version", "t.yaml", "tradepact: 2\nsomething_new: true\n", agreement.RuleVersion, "tradepact", 1, 12},
		{"exponent amount", "t.yaml", edit(`unit_price: "920"`, `unit_price: 1e3`), agreement.RuleFloat, "items[0].unit_price", 13, 17},
		{"float amount", "t.yaml", edit(`unit_price: "920"`, `unit_price: 920.5`), agreement.RuleFloat, "items[0].unit_price", 13, 17},
		{"negative amount", "t.yaml", edit(`unit_price: "920"`, `unit_price: "-920"`), agreement.RuleNegative, "items[0].unit_price", 13, 17},
		{"bad amount", "t.yaml", edit(`unit_price: "920"`, `unit_price: "9 20"`), agreement.RuleType, "items[0].unit_price", 13, 17},
		{"bad date", "t.yaml", edit("date: 2026-11-22", "date: 2026-02-30"), agreement.RuleType, "date", 6, 7},
		{"int as text", "t.yaml", edit("quantity: 1", "quantity: one"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"full-width amount", "t.yaml", edit(`unit_price: "920"`, `unit_price: "９２０"`), agreement.RuleFullWidth, "items[0].unit_price", 13, 17},
		{"full-width date", "t.yaml", edit("date: 2026-11-22", "date: ２０２６－１１－２２"), agreement.RuleFullWidth, "date", 6, 7},
		{"full-width quantity", "t.yaml", edit("quantity: 1", "quantity: １"), agreement.RuleFullWidth, "items[0].quantity", 12, 15},
		{"quoted int", "t.yaml", edit("quantity: 1", `quantity: "1"`), agreement.RuleType, "items[0].quantity", 12, 15},
		{"quoted bool", "t.yaml", edit("exclusions_acknowledged: true", `exclusions_acknowledged: "true"`), agreement.RuleType, "refund.exclusions_acknowledged", 19, 83},
		{"tab before a key", "t.yaml", edit("seller: {name: 王小明, account: \"shopee:wang\"}", "seller:\n\tname: x"), agreement.RuleSyntax, "", 8, 1},
		{"continuation line is not the culprit", "t.yaml", strings.Replace(edit("seller: {name: 王小明, account: \"shopee:wang\"}", "seller:\n  name: Harbor\n    Audio LLC\n  account: x"), "- name: 星巴克隨行卡", "- name: \"010\" 隨行卡", 1), agreement.RuleSyntax, "", 13, 1},
		{"misindented after a block scalar", "t.yaml", edit("    quantity: 1", "    description: |\n      line one\n      note: two\n     quantity: 1"), agreement.RuleSyntax, "", 15, 6},
		{"leading zero message", "t.yaml", edit("quantity: 1", "quantity: 007"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"decimal for int", "t.yaml", edit("quantity: 1", "quantity: 2.9"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"exponent for int", "t.yaml", edit("quantity: 1", "quantity: 1e1"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"leading zero for int", "t.yaml", edit("quantity: 1", "quantity: 010"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"tagged leading zero for int", "t.yaml", edit("quantity: 1", "quantity: !!int 010"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"hex for int", "t.yaml", edit("quantity: 1", "quantity: 0x1F"), agreement.RuleType, "items[0].quantity", 12, 15},
		{"decimal days", "t.yaml", edit("keep_days: 180", "keep_days: 180.7"), agreement.RuleType, "evidence.keep_days", 23, 23},
		{"yes for true", "t.yaml", edit(`account: "shopee:wang"}`, `account: "shopee:wang", business: yes}`), agreement.RuleType, "seller.business", 7, 55},
		{"on for true", "t.yaml", edit("exclusions_acknowledged: true", "exclusions_acknowledged: on"), agreement.RuleType, "refund.exclusions_acknowledged", 19, 83},
		{"True for true", "t.yaml", edit("exclusions_acknowledged: true", "exclusions_acknowledged: True"), agreement.RuleType, "refund.exclusions_acknowledged", 19, 83},
		{"Y for true", "t.yaml", edit("exclusions_acknowledged: true", "exclusions_acknowledged: Y"), agreement.RuleType, "refund.exclusions_acknowledged", 19, 83},
		{"list for mapping", "t.yaml", edit("inspection: {hours: 24}", "inspection: [24]"), agreement.RuleType, "inspection", 18, 13},
		{"mapping for list", "t.yaml", edit("exclusions: [code_revealed]", "exclusions: {a: b}"), agreement.RuleType, "refund.exclusions", 19, 41},
		{"syntax", "t.yaml", "tradepact: 1\n  id: : x\n", agreement.RuleSyntax, "", 2, 3},
		{"tab in the indentation", "t.yaml", edit("    quantity: 1", "\tquantity: 1"), agreement.RuleSyntax, "", 12, 1},
		{"indented too little", "t.yaml", edit("    quantity: 1", "   quantity: 1"), agreement.RuleSyntax, "", 12, 4},
		{"indented too much", "t.yaml", edit("    quantity: 1", "      quantity: 1"), agreement.RuleSyntax, "", 12, 7},
		{"escaped control character", "t.yaml", edit("id: TP-1", `id: "TP\x801"`), agreement.RuleControl, "id", 2, 5},
		{"JSON escaped control character", "t.json", `{"tradepact": 1, "id": "TP\u00011"}`, agreement.RuleControl, "id", 1, 24},
		{"escaped tab is text", "t.yaml", edit("id: TP-1", "id: \"TP\\t1\"\nx: 1"), agreement.RuleUnknownKey, "x", 3, 1},
		{"binary tag", "t.yaml", edit("id: TP-1", "id: !!binary gIGC"), agreement.RuleSyntax, "", 2, 5},
		{"custom tag", "t.yaml", edit("id: TP-1", "id: !secret TP-1"), agreement.RuleSyntax, "", 2, 5},
		{"not a mapping", "t.yaml", "- 1\n- 2\n", agreement.RuleType, "", 1, 1},
		{"empty", "t.yaml", "# nothing\n", agreement.RuleEmpty, "", 1, 1},
		{"invalid UTF-8", "t.yaml", "tradepact: 1\nid: \xff\xfe\n", agreement.RuleEncoding, "", 2, 5},
		{"binary", "t.yaml", "tradepact: 1\x00\x01\x02", agreement.RuleBinary, "", 1, 13},
		{"JSON unknown key", "t.json", `{"tradepact": 1,` + "\n" + ` "ID": "x"}`, agreement.RuleUnknownKey, "ID", 2, 2},
		{"JSON duplicate key", "t.json", `{"tradepact": 1, "id": "a", "id": "b"}`, agreement.RuleDuplicateKey, "id", 1, 29},
		{"JSON trailing data", "t.json", "{\"tradepact\": 1}\n{}", agreement.RuleTrailingData, "", 2, 1},
		{"JSON trailing garbage", "t.json", "{\"tradepact\": 1} x", agreement.RuleTrailingData, "", 1, 18},
		{"JSON syntax", "t.json", "{\"tradepact\": 1,\n \"id\" \"x\"}", agreement.RuleSyntax, "", 2, 7},
		{"JSON truncated", "t.json", "{\"tradepact\": 1,", agreement.RuleSyntax, "", 1, 17},
		{"JSON float amount", "t.json", `{"items": [{"unit_price": 9.5}]}`, agreement.RuleFloat, "items[0].unit_price", 1, 27},
		{"JSON string for int", "t.json", `{"items": [{"quantity": "2"}]}`, agreement.RuleType, "items[0].quantity", 1, 25},
		{"JSON newer version", "t.json", `{"tradepact": 3}`, agreement.RuleVersion, "tradepact", 1, 15},
		{"JSON by content", "terms", ` {"tradepact": 1, "x": 1}`, agreement.RuleUnknownKey, "x", 1, 19},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := agreement.Decode(tt.file, []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; decoded %+v", a)
			}
			var fe *agreement.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v, want *FieldError", err, err)
			}
			if fe.Rule != tt.rule || fe.Path != tt.path || fe.Line != tt.line || fe.Column != tt.col {
				t.Errorf("got rule %q path %q at %d:%d, want %q %q at %d:%d (%v)",
					fe.Rule, fe.Path, fe.Line, fe.Column, tt.rule, tt.path, tt.line, tt.col, err)
			}
			if fe.Severity != agreement.SeverityError {
				t.Errorf("severity %q", fe.Severity)
			}
			if !strings.HasPrefix(err.Error(), "agreement: "+tt.file+":") {
				t.Errorf("error %q does not start with the file name", err)
			}
			for _, l := range agreement.Locales {
				if m := fe.Message(l); m == "" || strings.Contains(m, "{param}") || strings.Contains(m, "{value}") {
					t.Errorf("%s message %q", l, m)
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := agreement.Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), agreement.MaxSize/10+1), 0o644); err != nil {
		t.Fatal(err)
	}
	var fe *agreement.FieldError
	if _, err := agreement.Load(big); !errors.As(err, &fe) || fe.Rule != agreement.RuleSize {
		t.Errorf("big file: %v", err)
	}
}

// TestDecodeHostile feeds inputs built to exhaust memory or time. Each must
// fail with a clear error quickly; the timeout is generous so that a slow
// machine does not fail, and the times are logged (go test -v).
func TestDecodeHostile(t *testing.T) {
	deep := func(open, close string, n int) []byte {
		return []byte("tradepact: 1\nclauses: " + strings.Repeat(open, n) + strings.Repeat(close, n) + "\n")
	}
	bomb := "tradepact: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		prev := string(i - 1)
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
	}
	binary := make([]byte, 64<<10)
	for i := range binary {
		binary[i] = byte(i * 7919 >> 3)
	}
	tests := []struct {
		name string
		file string
		in   []byte
		rule string
	}{
		{"10 MB file", "big.yaml", bytes.Repeat([]byte("x: 1\n"), 2<<20), agreement.RuleSize},
		{"alias bomb", "bomb.yaml", []byte(bomb), agreement.RuleAlias},
		{"invalid UTF-8", "bad.yaml", append([]byte("tradepact: 1\nid: "), 0xc3, 0x28), agreement.RuleEncoding},
		{"binary", "blob.yaml", binary, agreement.RuleBinary},
		{"binary JSON", "blob.json", append([]byte(`{"id": "`), binary...), agreement.RuleBinary},
		{"10,000-deep YAML flow", "deep.yaml", deep("[", "]", 10000), agreement.RuleDepth},
		{"10,000-deep YAML mappings", "deep2.yaml", deep("{a: ", "}", 10000), agreement.RuleDepth},
		{"10,000-deep JSON", "deep.json", []byte(`{"clauses": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "}"), agreement.RuleDepth},
		{"100,000-deep JSON", "deeper.json", []byte(`{"clauses": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}"), agreement.RuleDepth},
		{"1 MiB of keys", "keys.yaml", []byte("tradepact: 1\n" + strings.Repeat("id: x\n", (agreement.MaxSize-20)/6)), agreement.RuleDuplicateKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				_, err := agreement.Decode(tt.file, tt.in)
				done <- err
			}()
			select {
			case err := <-done:
				t.Logf("%s: %d bytes rejected in %v: %v", tt.name, len(tt.in), time.Since(start), err)
				var fe *agreement.FieldError
				if !errors.As(err, &fe) || fe.Rule != tt.rule {
					t.Errorf("got %v, want rule %q", err, tt.rule)
				}
				if fe != nil && (fe.Line < 1 || fe.Column < 1) {
					t.Errorf("no position: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("still decoding after 30s")
			}
		})
	}
}

func TestDecodeYAMLMarshalRoundTrip(t *testing.T) {
	for _, f := range exampleFiles(t) {
		a, err := agreement.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		y, err := yaml.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := agreement.Decode("again.yaml", y)
		if err != nil {
			t.Fatalf("%s: re-encoded YAML does not decode: %v\n%s", f, err, y)
		}
		j1, _ := json.Marshal(a)
		j2, _ := json.Marshal(b)
		if !bytes.Equal(j1, j2) {
			t.Errorf("%s: YAML round trip differs", f)
		}
	}
}

// TestFormatDocExample keeps the example in doc/format.md valid.
func TestFormatDocExample(t *testing.T) {
	doc := string(readFile(t, "../doc/format.md"))
	_, rest, ok := strings.Cut(doc, "```yaml\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("doc/format.md has no yaml example")
	}
	a, err := agreement.Decode("format.md.yaml", []byte(block))
	if err != nil {
		t.Fatal(err)
	}
	if fs := a.Validate(); len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
}

func TestDetectLocale(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       agreement.Locale
		ok         bool
	}{
		{"a.yaml", "tradepact: 1\nlocale: zh-Hant\ncolour: red\n", agreement.LocaleZHHant, true},
		{"a.json", `{"locale": "zh-Hans", "x": 1}`, agreement.LocaleZHHans, true},
		{"a.yaml", "locale: fr\n", "fr", false},
		{"a.yaml", "items:\n  - locale: en\n", "", false},
		{"a.yaml", "locale: [en]\n", "", false},
		{"a.yaml", "locale: en\n  bad: [\n", agreement.LocaleEN, true},
		{"a.yaml", "tradepact: 1\nlocale: zh-Hant\nitems:\n\t- x\n", agreement.LocaleZHHant, true},
		{"a.json", "{\n  \"locale\": \"zh-Hans\",\n  \"x\": [\n", agreement.LocaleZHHans, true},
		{"a.yaml", "locale: zh-Hans\nid: \xff\n", agreement.LocaleZHHans, true},
		{"a.yaml", "items:\n  - locale: en\n  bad: [\n", "", false},
		{"a.yaml", "\xff\xfe", "", false},
	} {
		got, ok := agreement.DetectLocale(tc.name, []byte(tc.data))
		if got != tc.want || ok != tc.ok {
			t.Errorf("DetectLocale(%q) = %q, %v; want %q, %v", tc.data, got, ok, tc.want, tc.ok)
		}
	}
}

// A file with several wrong values reports them all, in file order, up to
// 20; errors.As still finds the first.
func TestDecodeReportsEveryError(t *testing.T) {
	in := strings.Replace(minimal, "id: TP-1", "id: TP-1\ncolour: red", 1)
	in = strings.Replace(in, "quantity: 1", "quantity: 2.5", 1)
	in = strings.Replace(in, "evidence: {keep_days: 180}", "evidence: {keep_days: 180, keep_days: 90}", 1)
	_, err := agreement.Decode("t.yaml", []byte(in))
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T %v, want *ValidationError", err, err)
	}
	var got []string
	for _, f := range ve.Fields {
		got = append(got, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Path, f.Rule))
	}
	want := []string{"3:1 colour unknown_key", "13:15 items[0].quantity type", "24:28 evidence.keep_days duplicate_key"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	var fe *agreement.FieldError
	if !errors.As(err, &fe) || fe.Path != "colour" {
		t.Errorf("errors.As finds %v", fe)
	}
	var many strings.Builder
	many.WriteString("tradepact: 1\n")
	for i := range 100 {
		fmt.Fprintf(&many, "unknown_%d: x\n", i)
	}
	_, err = agreement.Decode("many.yaml", []byte(many.String()))
	if !errors.As(err, &ve) || len(ve.Fields) != 20 {
		t.Errorf("100 unknown keys: %v", err)
	}
}
