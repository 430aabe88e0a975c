package agreement

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// decoder walks a tnode tree into the model, rejecting unknown and
// duplicate keys and recording where each path was written.
type decoder struct {
	name string
	pos  map[string]position
	errs []*FieldError // what the walk found, in file order
}

// maxDecodeErrors bounds the errors one decode reports: enough to fix a
// file in one pass, not a flood for a file that is something else.
const maxDecodeErrors = 20

// errStop ends a walk that has found maxDecodeErrors errors.
var errStop = errors.New("agreement: too many errors")

// add records an error the walk can go on after (a value it leaves unset);
// it returns errStop when there are enough.
func (d *decoder) add(err error) error {
	if err == nil || err == errStop {
		return err
	}
	fe, ok := err.(*FieldError)
	if !ok {
		return err
	}
	d.errs = append(d.errs, fe)
	if len(d.errs) >= maxDecodeErrors {
		return errStop
	}
	return nil
}

// result returns the errors the walk found: nil, the one *FieldError, or a
// *ValidationError holding them in file order.
func (d *decoder) result() error {
	switch len(d.errs) {
	case 0:
		return nil
	case 1:
		return d.errs[0]
	}
	return &ValidationError{Fields: d.errs}
}

func (d *decoder) fail(pos position, path, rule, param, value string) *FieldError {
	return &FieldError{File: d.name, Path: path, Line: pos.line, Column: pos.column, Rule: rule, Param: param, Value: value, Severity: SeverityError}
}

// checkVersion rejects a format version newer than FormatVersion before
// anything else, so that a newer file's unknown keys are reported as what
// they are: a newer format.
func (d *decoder) checkVersion(root *tnode) error {
	for i, k := range root.keys {
		if k.value != "tradepact" {
			continue
		}
		v := root.vals[i]
		var n int
		if v.kind != tScalar || v.decode(&n) != nil {
			return nil // the walk reports the type error
		}
		if n > FormatVersion {
			return d.fail(v.pos, "tradepact", RuleVersion, strconv.Itoa(FormatVersion), v.value)
		}
	}
	return nil
}

var (
	textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// isLeaf reports whether values of type t decode themselves from a scalar.
func isLeaf(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(textUnmarshaler) || pt.Implements(yamlUnmarshaler) || pt.Implements(jsonUnmarshaler)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) walk(n *tnode, v reflect.Value, path string, depth int) error {
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = n.pos
	}
	if n.kind == tNull {
		v.SetZero()
		return nil
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return d.walk(n, v.Elem(), path, depth)
	}
	if isLeaf(t) {
		return d.leaf(n, v, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.kind != tMap {
			return d.fail(n.pos, path, RuleType, "mapping", n.value)
		}
		fields := structFields(t)
		seen := map[string]position{}
		for i, k := range n.keys {
			p := join(path, k.value)
			if first, dup := seen[k.value]; dup {
				if err := d.add(d.fail(k.pos, p, RuleDuplicateKey, fmt.Sprintf("%d:%d", first.line, first.column), k.value)); err != nil {
					return err
				}
				continue
			}
			seen[k.value] = k.pos
			idx, ok := fields[k.value]
			if !ok {
				if err := d.add(d.fail(k.pos, p, RuleUnknownKey, path, k.value)); err != nil {
					return err
				}
				continue
			}
			d.pos[p] = k.pos
			if err := d.add(d.walk(n.vals[i], v.Field(idx), p, depth+1)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if n.kind != tSeq {
			return d.fail(n.pos, path, RuleType, "list", n.value)
		}
		s := reflect.MakeSlice(t, len(n.vals), len(n.vals))
		for i, e := range n.vals {
			if err := d.add(d.walk(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	return d.leaf(n, v, path)
}

func (d *decoder) leaf(n *tnode, v reflect.Value, path string) error {
	want := expected(v.Type())
	if n.kind != tScalar {
		return d.fail(n.pos, path, RuleType, want, n.kind.String())
	}
	// YAML would read yes, on and Y as true, and 2.9 or 1e1 into a whole
	// number (truncated): only true, false and decimal digits are what
	// they look like, and what a JSON file may hold.
	switch want {
	case "bool":
		if n.quoted && (n.value == "true" || n.value == "false") {
			return d.fail(n.pos, path, RuleType, "quoted", n.value)
		}
		if n.value != "true" && n.value != "false" {
			return d.fail(n.pos, path, RuleType, want, n.value)
		}
	case "integer":
		if n.quoted && isInteger(n.value) {
			return d.fail(n.pos, path, RuleType, "quoted", n.value)
		}
		if !isInteger(n.value) {
			if half := halfWidth(want, n.value); half != "" {
				return d.fail(n.pos, path, RuleFullWidth, half, n.value)
			}
			if v := strings.TrimPrefix(n.value, "-"); len(v) > 1 && v[0] == '0' && isInteger(strings.TrimLeft(v, "0")+"0") {
				return d.fail(n.pos, path, RuleType, "leading_zero", n.value)
			}
			return d.fail(n.pos, path, RuleType, want, n.value)
		}
	}
	err := n.decode(v.Addr().Interface())
	if err == nil && v.Kind() == reflect.String {
		if !utf8.ValidString(v.String()) {
			return d.fail(n.pos, path, RuleEncoding, "", n.value)
		}
		// Escapes ("\x01", "\u0080") must not smuggle in what the text
		// itself may not hold, or the terms would not re-encode.
		if i := strings.IndexFunc(v.String(), isControl); i >= 0 {
			r, _ := utf8.DecodeRuneInString(v.String()[i:])
			return d.fail(n.pos, path, RuleControl, "", fmt.Sprintf("U+%04X", r))
		}
	}
	if err != nil {
		// Only a value that fails is looked at again: full-width digits
		// typed by a Chinese input method.
		if half := halfWidth(want, n.value); half != "" {
			return d.fail(n.pos, path, RuleFullWidth, half, n.value)
		}
		if want == "date" && looksLikeDate(n.value) {
			want = "calendar_date" // 2026-11-31: the form is right, the day is not
		}
		fe := d.fail(n.pos, path, RuleType, want, n.value)
		fe.err = err
		var ae *AmountError
		if errors.As(err, &ae) {
			switch ae.Rule {
			case RuleFloat, RuleNegative, RuleOverflow:
				fe.Rule, fe.Param = ae.Rule, ""
				if _, err := ParseAmount(n.value); ae.Rule == RuleFloat && err != nil {
					fe.Param = "spelling" // 1e3, .5: quoting it would not make an amount
				}
			}
		}
		return fe
	}
	return nil
}

// halfWidth returns the half-width spelling of an amount, whole number or
// date typed with full-width digits or punctuation (９２０, ２０２６－１１－２２,
// as Chinese input methods type them), or "" if s is not one.
func halfWidth(want, s string) string {
	h := norm.NFKC.String(s)
	if h == s {
		return ""
	}
	ok := false
	switch want {
	case "amount":
		_, err := ParseAmount(h)
		ok = err == nil
	case "integer":
		ok = isInteger(h)
	case "date":
		_, err := ParseDate(h)
		ok = err == nil
	}
	if !ok {
		return ""
	}
	if want == "amount" {
		return `"` + h + `"`
	}
	return h
}

// looksLikeDate reports YYYY-MM-DD digits, whatever their values.
func looksLikeDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// isInteger reports an optional minus sign followed by decimal digits,
// without a leading zero (YAML reads 010 as octal 8).
func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// expected names what a leaf of type t must be written as; it is the Param
// of a type error and selects the message.
func expected(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Amount]():
		return "amount"
	case reflect.TypeFor[Date]():
		return "date"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	}
	return "text"
}

// structFields maps a struct's yaml keys to field indexes.
func structFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = i
	}
	return m
}
