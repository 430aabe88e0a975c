package agreement

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// SchemaID is the $id of the JSON Schema of the terms file: where the
// committed copy, doc/terms.schema.json, is published.
const SchemaID = "https://raw.githubusercontent.com/tradepact/tradepact/main/doc/terms.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of the terms file,
// generated from the model: its keys and types, the `validate` rules a
// schema can say (required keys, lengths, ranges, list sizes, exact enums
// including the currency table, unique lists) and additionalProperties:
// false everywhere, so that unknown keys are refused. Each field has an
// English title and labels in every locale; see doc/format.md, "JSON
// Schema". Rules that tie fields together (an escrow block for method
// escrow, dates in order, totals) stay with [Agreement.Validate]: a form
// can check the schema as the user types and the server's findings on
// submit. The bytes are the same on every call: indented JSON ending in a
// newline.
func Schema() []byte { return slices.Clone(theSchema()) }

var theSchema = sync.OnceValue(func() []byte {
	g := &schemaGen{defs: map[string]obj{}}
	root := g.object(reflect.TypeFor[Agreement]())
	head := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaID},
		{"title", "tradepact terms file, format version " + strconv.Itoa(FormatVersion)},
		{"x-title-zh-Hans", "tradepact 交易约定条款文件，格式版本 " + strconv.Itoa(FormatVersion)},
		{"x-title-zh-Hant", "tradepact 交易約定條款檔案，格式版本 " + strconv.Itoa(FormatVersion)},
	}
	root = append(head, root[1:]...) // the root is the Agreement object itself, without its title
	var defs obj
	for _, name := range g.order {
		defs = append(defs, kv{name, g.defs[name]})
	}
	root = append(root, kv{"$defs", defs})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic("agreement: encoding the schema: " + err.Error())
	}
	return buf.Bytes()
})

// kv and obj are a JSON object that keeps its keys in order, so that the
// schema lists properties in the model's order.
type kv struct {
	k string
	v any
}

type obj []kv

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(x.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(x.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

type schemaGen struct {
	defs  map[string]obj
	order []string
}

var (
	amountType = reflect.TypeFor[Amount]()
	dateType   = reflect.TypeFor[Date]()
)

// Patterns for the scalar types the model checks by syntax.
const (
	// amountPattern is what ParseAmount accepts in a string: digits,
	// optionally grouped by commas in threes, up to 4 decimals.
	amountPattern = `^\s*(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,4})?\s*$`
	datePattern   = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	// Patterns of the validator tags printascii, alphanum and numeric.
	printASCIIPattern = `^[\x20-\x7E]*$`
	alphanumPattern   = `^[a-zA-Z0-9]*$`
	numericPattern    = `^[-+]?[0-9]+(?:\.[0-9]+)?$`
)

// titles returns the title keywords of a field: title (English),
// description (the three labels, for editors that show one language only)
// and x-title-zh-Hans, x-title-zh-Hant.
func titles(ls [3]string) obj {
	return obj{
		{"title", ls[0]},
		{"description", ls[0] + " · " + ls[1] + " · " + ls[2]},
		{"x-title-zh-Hans", ls[1]},
		{"x-title-zh-Hant", ls[2]},
	}
}

// object returns the schema of struct type t (its title comes from the
// field that holds it).
func (g *schemaGen) object(t reflect.Type) obj {
	var props obj
	var required []string
	dependent := obj{}
	for i := range t.NumField() {
		f := t.Field(i)
		key := yamlKey(f)
		if !f.IsExported() || key == "" || key == "-" {
			continue
		}
		tag := f.Tag.Get("validate")
		if fieldRequired(f) {
			required = append(required, key)
		}
		s := titles(fieldLabels[t.Name()+"."+key])
		s = append(s, g.field(t, f, tag)...)
		props = append(props, kv{key, s})
		for rule := range strings.SplitSeq(beforeDive(tag), ",") {
			if other, ok := strings.CutPrefix(rule, "required_with="); ok {
				of, _ := t.FieldByName(other)
				dependent = append(dependent, kv{yamlKey(of), []string{key}})
			}
		}
	}
	o := obj{{"type", "object"}, {"additionalProperties", false}, {"properties", props}}
	if len(required) > 0 {
		o = append(o, kv{"required", required})
	}
	if len(dependent) > 0 {
		o = append(o, kv{"dependentRequired", dependent})
	}
	return append(obj{{"title", t.Name()}}, o...)
}

// fieldRequired reports whether the key must be written: a `required`
// rule, or a struct value (not a pointer) holding a required field, which
// could not be left out without that field missing.
func fieldRequired(f reflect.StructField) bool {
	for rule := range strings.SplitSeq(beforeDive(f.Tag.Get("validate")), ",") {
		if rule == "required" {
			return true
		}
	}
	t := f.Type
	if t.Kind() != reflect.Struct || isLeaf(t) {
		return false
	}
	for i := range t.NumField() {
		if fieldRequired(t.Field(i)) {
			return true
		}
	}
	return false
}

// beforeDive returns the rules of a validate tag that apply to the field
// itself, not to its list's elements.
func beforeDive(tag string) string {
	before, _, _ := strings.Cut(tag, ",dive")
	if strings.HasPrefix(tag, "dive") {
		return ""
	}
	return before
}

// field returns the type keywords of field f of owner.
func (g *schemaGen) field(owner reflect.Type, f reflect.StructField, tag string) obj {
	t := f.Type
	if t.Kind() == reflect.Slice {
		own, elem, _ := strings.Cut(tag, ",dive")
		elem = strings.TrimPrefix(elem, ",")
		s := obj{{"type", "array"}}
		items := g.value(owner, f, t.Elem(), elem)
		s = append(s, kv{"items", items})
		s = append(s, ruleKeywords(own, "Items")...)
		return s
	}
	return g.value(owner, f, t, tag)
}

// value returns the schema of one value of type t with the rules in tag.
func (g *schemaGen) value(owner reflect.Type, f reflect.StructField, t reflect.Type, tag string) obj {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == amountType:
		return obj{{"type", []string{"string", "integer"}}, {"pattern", amountPattern}, {"minimum", 0}}
	case t == dateType:
		return obj{{"type", "string"}, {"pattern", datePattern}}
	case t.Kind() == reflect.Struct:
		name := t.Name()
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // placeholder against recursion
			g.order = append(g.order, name)
			g.defs[name] = g.object(t)
		}
		return obj{{"$ref", "#/$defs/" + name}}
	case t.Kind() == reflect.Bool:
		return obj{{"type", "boolean"}}
	case t.Kind() == reflect.Int:
		s := append(obj{{"type", "integer"}}, ruleKeywords(tag, "imum")...)
		if owner.Name()+"."+yamlKey(f) == "Agreement.tradepact" {
			s = append(s, kv{"maximum", FormatVersion})
		}
		return s
	case t.Kind() == reflect.String:
		key := owner.Name() + "." + yamlKey(f)
		// An optional value may be written empty: "" means not set.
		optional := strings.HasPrefix(tag, "omitempty")
		if key == "Agreement.currency" || key == "Proxy.store_currency" {
			var codes []string
			for _, c := range currencies {
				codes = append(codes, c.Code)
			}
			if optional {
				codes = append(codes, "")
			}
			return obj{{"type", "string"}, {"enum", codes}}
		}
		if allowed := oneofValues(tag); allowed != nil {
			if optional {
				allowed = append(allowed, "")
			}
			e := enumFields[key]
			s := obj{{"type", "string"}, {"enum", allowed}}
			var en []string
			labels := obj{}
			for i, l := range Locales {
				var ls []string
				for _, v := range allowed {
					label, _ := e.Label(v, l)
					if v == "" {
						label = notSet[i]
					}
					ls = append(ls, label)
				}
				if i == 0 {
					en = ls
				}
				labels = append(labels, kv{string(l), ls})
			}
			return append(s, kv{"enumDescriptions", en}, kv{"x-enum-labels", labels})
		}
		rules := ruleKeywords(tag, "Length")
		if optional && slices.ContainsFunc(rules, func(x kv) bool { return x.k == "minLength" || x.k == "pattern" }) {
			return obj{{"type", "string"}, {"anyOf", []obj{{{"const", ""}}, rules}}}
		}
		return append(obj{{"type", "string"}}, rules...)
	}
	panic(fmt.Sprintf("agreement: no schema for %s", t))
}

// notSet labels the empty value of an optional enum.
var notSet = [3]string{"(not set)", "（不填）", "（不填）"}

// ruleKeywords turns the size rules of a validate tag into schema
// keywords: suffix "Length" for strings (minLength), "Items" for lists,
// "imum" for integers (minimum). A `required` string or list must not be
// empty.
func ruleKeywords(tag, suffix string) obj {
	var s obj
	min, max := -1, -1
	for rule := range strings.SplitSeq(tag, ",") {
		name, arg, _ := strings.Cut(rule, "=")
		n, _ := strconv.Atoi(arg)
		switch name {
		case "required":
			if suffix != "imum" {
				min = 1
			} else if min < 1 {
				min = 1 // a required number must not be 0; min= follows if larger
			}
		case "min":
			min = n
		case "max":
			max = n
		case "len":
			min, max = n, n
		case "unique":
			s = append(s, kv{"uniqueItems", true})
		case "printascii":
			s = append(s, kv{"pattern", printASCIIPattern})
		case "alphanum":
			s = append(s, kv{"pattern", alphanumPattern})
		case "numeric":
			s = append(s, kv{"pattern", numericPattern})
		}
	}
	var out obj
	if min > 0 || min == 0 && suffix == "imum" {
		out = append(out, kv{"min" + suffix, min})
	}
	if max >= 0 {
		out = append(out, kv{"max" + suffix, max})
	}
	return append(out, s...)
}
