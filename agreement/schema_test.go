package agreement_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/agreement"
)

const schemaFile = "../doc/terms.schema.json"

// The committed schema is the one the model generates; -update rewrites it.
func TestSchemaCommitted(t *testing.T) {
	got := agreement.Schema()
	if updating(t) {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the generated schema; run go test ./agreement -update", schemaFile)
	}
	if !bytes.Equal(agreement.Schema(), got) {
		t.Error("Schema() differs between calls")
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(agreement.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(agreement.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(agreement.SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// toJSON reads a YAML or JSON terms file as the JSON value a YAML language
// server or a form sees: YAML scalars by their resolved tags, so an
// unquoted 2026-11-20 is a string, 12 an integer and 1.5 a number.
func toJSON(t *testing.T, name string, data []byte) any {
	t.Helper()
	if agreement.DetectFormat(name, data) == agreement.FormatJSON {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := fromNode(&n)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func fromNode(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		return fromNode(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i < len(n.Content); i += 2 {
			v, err := fromNode(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := fromNode(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			if err != nil {
				return nil, err
			}
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!null":
			return nil, nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

// termsFiles returns every terms file of the repository: the examples, the
// digest vectors and the files inside the CLI's test scripts.
func termsFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	globs := []string{"../examples/terms/*.yaml", "testdata/vectors/*/terms.*"}
	for _, g := range globs {
		names, _ := filepath.Glob(g)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
		}
	}
	scripts, _ := filepath.Glob("../cmd/tradepact/testdata/script/*.txtar")
	for _, s := range scripts {
		ar, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if ext := filepath.Ext(f.Name); (ext == ".yaml" || ext == ".json") && bytes.Contains(f.Data, []byte("tradepact")) {
				files[s+":"+f.Name] = f.Data
			}
		}
	}
	return files
}

// Every valid terms file of the repository is valid under the schema, and
// every file the schema refuses, the library refuses too.
func TestSchemaAcceptsValidFiles(t *testing.T) {
	s := compileSchema(t)
	valid := 0
	for name, data := range termsFiles(t) {
		_, findings, err := agreement.DecodeAndValidate(bytes.NewReader(data), name, agreement.DetectFormat(name, data))
		if err != nil {
			t.Fatal(err)
		}
		ok := true
		for _, f := range findings {
			ok = ok && f.Severity != agreement.SeverityError
		}
		if !ok && !parses(name, data) {
			continue // not YAML or JSON at all: nothing for a schema to see
		}
		serr := s.Validate(toJSON(t, name, data))
		if ok {
			valid++
			if serr != nil {
				t.Errorf("%s is valid terms but the schema refuses it: %v", name, serr)
			}
		} else if serr != nil && len(findings) == 0 {
			t.Errorf("%s: the schema refuses it, the library does not", name)
		}
	}
	if valid < 25 {
		t.Errorf("only %d valid terms files checked", valid)
	}
}

func parses(name string, data []byte) bool {
	if agreement.DetectFormat(name, data) == agreement.FormatJSON {
		_, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		return err == nil
	}
	var n yaml.Node
	return yaml.Unmarshal(data, &n) == nil && len(n.Content) > 0
}

// Files with one defect of each kind a schema can see are refused by it,
// and by the library.
func TestSchemaRejectsDefects(t *testing.T) {
	s := compileSchema(t)
	base, err := os.ReadFile("../examples/terms/secondhand-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	for _, c := range []struct{ name, old, new string }{
		{"type: integer as text", "quantity: 1", "quantity: one"},
		{"type: amount as float", `unit_price: "`, `unit_price: 1.5 #"`},
		{"type: amount negative", `unit_price: "`, `unit_price: -3 #"`},
		{"type: amount text", `unit_price: "`, `unit_price: "ten`},
		{"type: bool as text", "tracking: true", "tracking: yes please"},
		{"type: date", "date: 2026-", "date: 20-"},
		{"type: mapping as list", "evidence: {keep_days: 180}", "evidence: [180]"},
		{"enum: kind", "kind: secondhand", "kind: used"},
		{"enum: locale", "locale: en", "locale: fr"},
		{"enum: currency", "currency: ", "currency: XX"},
		{"enum: condition", "condition: ", "condition: mint #"},
		{"enum: dispute step", "steps: [", "steps: [war, "},
		{"enum: remedy", "late_delivery: cancel_and_refund", "late_delivery: full_refund"},
		{"required: top-level", "currency: ", "# currency: "},
		{"required: nested", "  account: ", "  # account: "},
		{"required: empty list", "steps: [", "steps: [] # ["},
		{"unknown key: top-level", "kind: secondhand", "kind: secondhand\ncolour: red"},
		{"unknown key: nested", "keep_days: ", "keep_months: 1, keep_days: "},
		{"too long: id", "id: ", "id: " + strings.Repeat("X", 65) + " #"},
		{"too new: version", "tradepact: 1", "tradepact: 2"},
		{"zero quantity", "quantity: 1", "quantity: 0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(src, c.old) {
				t.Fatalf("%q not in the file", c.old)
			}
			bad := strings.Replace(src, c.old, c.new, 1)
			if err := s.Validate(toJSON(t, "bad.yaml", []byte(bad))); err == nil {
				t.Errorf("the schema accepts it")
			}
			a, findings, err := agreement.DecodeAndValidate(strings.NewReader(bad), "bad.yaml", agreement.FormatYAML)
			if err != nil || a != nil || len(findings) == 0 {
				t.Errorf("the library accepts it: %v %v", findings, err)
			}
		})
	}
}
