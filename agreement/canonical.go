package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gowebpki/jcs"
	"golang.org/x/text/unicode/norm"
)

// CanonicalError reports a value that has no canonical form: text that is
// not valid UTF-8, or an integer beyond ±(2^53−1), which JSON numbers cannot
// carry exactly. Path is in the file's own keys ("items[1].name").
type CanonicalError struct {
	Path string
	Msg  string
}

func (e *CanonicalError) Error() string {
	return "agreement: " + e.Path + ": " + e.Msg
}

// canonMaxInt is the largest integer every JSON implementation reads
// exactly (2^53−1, RFC 8785 section 3.2.2.3 / I-JSON).
const canonMaxInt = 1<<53 - 1

// Canonical returns the canonical form of the terms: the JSON document
// defined in doc/canonical.md, in RFC 8785 (JSON Canonicalization Scheme)
// serialization. In short: the terms file's keys; amounts as decimal
// strings in major units without separators or trailing zero decimals
// ("1200.5"); dates as "YYYY-MM-DD"; text valid UTF-8, NFC-normalised, with
// line ends as "\n" and surrounding white space removed; members whose value
// is absent or empty ("", 0, "0" as an amount, false, [], a block whose
// members are all empty) left out at every depth, except that an optional
// block written in the file (a non-nil pointer) stays, as {} if need be;
// list items kept, in order; keys sorted as RFC 8785 says.
//
// Two terms files that mean the same get the same canonical form, whatever
// their format (YAML or JSON), key order, quoting, comments or number
// spelling ("1,200.50", "1200.5", 1200 for 1200.00). Canonical does not
// validate: call [Agreement.Check] first to refuse invalid terms.
func (a *Agreement) Canonical() ([]byte, error) {
	if a == nil {
		return nil, errNil
	}
	v, err := canonValue(reflect.ValueOf(a).Elem(), "")
	if err != nil {
		return nil, err
	}
	if v == nil {
		v = map[string]any{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("agreement: canonical form: %w", err)
	}
	out, err := jcs.Transform(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if err != nil {
		return nil, fmt.Errorf("agreement: canonical form: %w", err)
	}
	return out, nil
}

var (
	canonAmountType = reflect.TypeFor[Amount]()
	canonDateType   = reflect.TypeFor[Date]()
)

// canonValue returns the canonical JSON value of v (string, int64, bool,
// []any or map[string]any), or nil when v is absent or empty.
func canonValue(v reflect.Value, path string) (any, error) {
	switch v.Type() {
	case canonAmountType:
		a := v.Interface().(Amount)
		if a.IsZero() {
			return nil, nil
		}
		return a.String(), nil
	case canonDateType:
		d := v.Interface().(Date)
		if d.IsZero() {
			return nil, nil
		}
		return d.String(), nil
	}
	switch v.Kind() {
	case reflect.String:
		s, err := canonText(v.String(), path)
		if err != nil || s == "" {
			return nil, err
		}
		return s, nil
	case reflect.Bool:
		if !v.Bool() {
			return nil, nil
		}
		return true, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := v.Int()
		if n == 0 {
			return nil, nil
		}
		if n > canonMaxInt || n < -canonMaxInt {
			return nil, &CanonicalError{path, "integer " + strconv.FormatInt(n, 10) + " is beyond ±(2^53−1)"}
		}
		return n, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := v.Uint()
		if n == 0 {
			return nil, nil
		}
		if n > canonMaxInt {
			return nil, &CanonicalError{path, "integer " + strconv.FormatUint(n, 10) + " is beyond 2^53−1"}
		}
		return int64(n), nil
	case reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return canonValue(v.Elem(), path)
	case reflect.Pointer:
		// A block that is present stays present, even when empty: the model
		// tells `authenticity: {}` from no authenticity block, so the
		// canonical form does too.
		if v.IsNil() {
			return nil, nil
		}
		e, err := canonValue(v.Elem(), path)
		if e == nil && err == nil {
			e = canonEmpty(v.Type().Elem())
		}
		return e, err
	case reflect.Struct:
		return canonStruct(v, path)
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return nil, nil
		}
		list := make([]any, v.Len())
		for i := range v.Len() {
			p := path + "[" + strconv.Itoa(i) + "]"
			e, err := canonValue(v.Index(i), p)
			if err != nil {
				return nil, err
			}
			if e == nil {
				// List items are never dropped: an empty one keeps its place.
				e = canonEmpty(v.Type().Elem())
			}
			list[i] = e
		}
		return list, nil
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			break
		}
		m := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			k, err := canonText(it.Key().String(), path)
			if err != nil {
				return nil, err
			}
			e, err := canonValue(it.Value(), canonJoin(path, k))
			if err != nil {
				return nil, err
			}
			if e != nil {
				if _, dup := m[k]; dup {
					return nil, &CanonicalError{canonJoin(path, k), "two keys are the same after normalisation"}
				}
				m[k] = e
			}
		}
		if len(m) == 0 {
			return nil, nil
		}
		return m, nil
	}
	return nil, &CanonicalError{path, "a " + v.Type().String() + " has no canonical form"}
}

func canonStruct(v reflect.Value, path string) (any, error) {
	m := map[string]any{}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		e, err := canonValue(v.Field(i), canonJoin(path, name))
		if err != nil {
			return nil, err
		}
		if e != nil {
			m[name] = e
		}
	}
	if len(m) == 0 {
		return nil, nil
	}
	return m, nil
}

// canonEmpty is the canonical value of an empty list item of type t.
func canonEmpty(t reflect.Type) any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == canonAmountType:
		return "0"
	case t == canonDateType:
		return ""
	}
	switch t.Kind() {
	case reflect.String:
		return ""
	case reflect.Bool:
		return false
	case reflect.Slice, reflect.Array:
		return []any{}
	case reflect.Struct, reflect.Map:
		return map[string]any{}
	}
	return int64(0)
}

func canonJoin(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// canonText normalises text: valid UTF-8 required; CR LF and CR become LF;
// NFC; white space at both ends removed.
func canonText(s, path string) (string, error) {
	if !utf8.ValidString(s) {
		return "", &CanonicalError{path, "text is not valid UTF-8"}
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = norm.NFC.String(s)
	return strings.TrimFunc(s, unicode.IsSpace), nil
}

// errNil is returned by the methods that compute from terms for a nil
// *Agreement.
var errNil = errors.New("agreement: no terms (nil *Agreement)")
