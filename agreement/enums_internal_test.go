package agreement

import (
	"reflect"
	"slices"
	"testing"
)

// Every enumerated field of the model names its enum, every value its
// oneof rule allows is one of the enum's values with a label in each
// locale, and every field has a label in each locale: a new field or value
// cannot reach a form or a message unlabelled.
func TestEveryFieldAndValueLabelled(t *testing.T) {
	fields := 0
	walkModel(reflect.TypeFor[Agreement](), func(owner reflect.Type, f reflect.StructField) {
		fields++
		k := owner.Name() + "." + yamlKey(f)
		ls, ok := fieldLabels[k]
		if !ok {
			t.Errorf("%s: no field label", k)
		}
		for i, l := range ls {
			if l == "" {
				t.Errorf("%s: empty %s label", k, Locales[i])
			}
		}
		allowed := oneofValues(f.Tag.Get("validate"))
		e, hasEnum := enumFields[k]
		if (allowed != nil) != hasEnum {
			t.Errorf("%s: oneof %v but enum %q", k, allowed, e)
			return
		}
		for _, v := range allowed {
			if !slices.Contains(e.Values(), v) {
				t.Errorf("%s: value %q is not in enum %s", k, v, e)
			}
		}
	})
	if fields < 100 {
		t.Errorf("walked %d fields; the model has more", fields)
	}
	if len(fieldLabels) != fields {
		t.Errorf("%d field labels for %d fields: a label for a field the model no longer has", len(fieldLabels), fields)
	}
	for _, e := range Enums {
		vals := e.Values()
		if len(vals) == 0 {
			t.Errorf("enum %s has no values", e)
		}
		for _, v := range vals {
			for _, l := range Locales {
				if s, ok := e.Label(v, l); !ok || s == "" || s == v && l != LocaleEN {
					t.Errorf("%s.%s: %s label %q", e, v, l, s)
				}
			}
		}
	}
	for e := range enumLabels {
		if !slices.Contains(Enums, e) {
			t.Errorf("enum %s is not in Enums", e)
		}
	}
}
