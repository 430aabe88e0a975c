package confirm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/gowebpki/jcs"
	"github.com/tradepact/tradepact/agreement"
)

// Change is one field that differs between two versions of the terms, named
// by its path in the terms file ("items[0].unit_price"). Old and New are the
// values in RFC 8785 JSON; Old is nil for a field that was added, New for
// one that was removed.
type Change struct {
	Path string
	Old  json.RawMessage
	New  json.RawMessage
}

// String returns "path: old → new", with "(none)" for a missing side.
func (c Change) String() string {
	show := func(v json.RawMessage) string {
		if v == nil {
			return "(none)"
		}
		return string(v)
	}
	return fmt.Sprintf("%s: %s → %s", c.Path, show(c.Old), show(c.New))
}

// Diff returns the fields that differ between the canonical forms of old
// and new, in path order.
func Diff(old, new *agreement.Agreement) ([]Change, error) {
	a, _, err := canonicalTerms(old)
	if err != nil {
		return nil, fmt.Errorf("confirm: diff: %w", err)
	}
	b, _, err := canonicalTerms(new)
	if err != nil {
		return nil, fmt.Errorf("confirm: diff: %w", err)
	}
	return diffJSON(a, b)
}

func diffJSON(a, b []byte) ([]Change, error) {
	va, err := decodeAny(a)
	if err != nil {
		return nil, err
	}
	vb, err := decodeAny(b)
	if err != nil {
		return nil, err
	}
	var out []Change
	if err := walkDiff(&out, "", va, vb); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeAny(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func canonicalValue(v any) (json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jcs.Transform(raw)
}

func walkDiff(out *[]Change, path string, a, b any) error {
	switch x := a.(type) {
	case map[string]any:
		if y, ok := b.(map[string]any); ok {
			keys := make([]string, 0, len(x)+len(y))
			for k := range x {
				keys = append(keys, k)
			}
			for k := range y {
				if _, ok := x[k]; !ok {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := k
				if path != "" {
					p = path + "." + k
				}
				va, inA := x[k]
				vb, inB := y[k]
				switch {
				case inA && inB:
					if err := walkDiff(out, p, va, vb); err != nil {
						return err
					}
				case inA:
					if err := addChange(out, p, va, nil, true, false); err != nil {
						return err
					}
				default:
					if err := addChange(out, p, nil, vb, false, true); err != nil {
						return err
					}
				}
			}
			return nil
		}
	case []any:
		if y, ok := b.([]any); ok {
			for i := 0; i < max(len(x), len(y)); i++ {
				p := path + "[" + strconv.Itoa(i) + "]"
				switch {
				case i < len(x) && i < len(y):
					if err := walkDiff(out, p, x[i], y[i]); err != nil {
						return err
					}
				case i < len(x):
					if err := addChange(out, p, x[i], nil, true, false); err != nil {
						return err
					}
				default:
					if err := addChange(out, p, nil, y[i], false, true); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	ca, err := canonicalValue(a)
	if err != nil {
		return err
	}
	cb, err := canonicalValue(b)
	if err != nil {
		return err
	}
	if !bytes.Equal(ca, cb) {
		*out = append(*out, Change{Path: path, Old: ca, New: cb})
	}
	return nil
}

func addChange(out *[]Change, path string, a, b any, hasA, hasB bool) error {
	c := Change{Path: path}
	var err error
	if hasA {
		if c.Old, err = canonicalValue(a); err != nil {
			return err
		}
	}
	if hasB {
		if c.New, err = canonicalValue(b); err != nil {
			return err
		}
	}
	*out = append(*out, c)
	return nil
}
