package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/agreement"
)

// Every terms file "tradepact init" writes, for every kind and language,
// is valid under the schema "tradepact schema" prints: what a user starts
// from in an editor gets no false alarm from the YAML language server.
func TestInitMatchesSchema(t *testing.T) {
	var out bytes.Buffer
	if code := runSchema(&env{stdout: &out, stderr: &out}, nil); code != exitOK {
		t.Fatalf("schema: exit %d: %s", code, out.Bytes())
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(agreement.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(agreement.SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range agreement.Kinds {
		for _, l := range agreement.Locales {
			var b bytes.Buffer
			if err := writeInit(&b, k, l, agreement.MustDate("2026-11-20")); err != nil {
				t.Fatalf("%s %s: %v", k, l, err)
			}
			var n yaml.Node
			if err := yaml.Unmarshal(b.Bytes(), &n); err != nil {
				t.Fatalf("%s %s: %v", k, l, err)
			}
			v, err := yamlToJSON(&n)
			if err != nil {
				t.Fatalf("%s %s: %v", k, l, err)
			}
			if err := s.Validate(v); err != nil {
				t.Errorf("init --kind %s --lang %s: %v", k, l, err)
			}
		}
	}
}

// yamlToJSON gives a YAML document as the JSON value a YAML language
// server checks: scalars by their resolved tags.
func yamlToJSON(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		return yamlToJSON(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlToJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := yamlToJSON(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
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
