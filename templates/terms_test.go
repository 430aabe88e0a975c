package templates_test

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

var (
	amountType = reflect.TypeFor[agreement.Amount]()
	dateType   = reflect.TypeFor[agreement.Date]()
)

// leaf is one value a terms file sets, reached by path, with the validate
// tag of the field that holds it.
type leaf struct {
	path string
	v    reflect.Value
	tag  string
}

// leaves walks a and returns every leaf that is set (non-zero), in a fixed
// order. The format version and the locale are left out: the version is
// not a term, and the locale is the language the test renders in.
func leaves(a *agreement.Agreement) []leaf {
	var out []leaf
	var walk func(v reflect.Value, path, tag string)
	walk = func(v reflect.Value, path, tag string) {
		switch {
		case v.Type() == amountType || v.Type() == dateType:
			if !v.IsZero() {
				out = append(out, leaf{path, v, tag})
			}
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path, tag)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if !f.IsExported() || path == "" && (f.Name == "Version" || f.Name == "Locale") {
					continue
				}
				key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				p := key
				if path != "" {
					p = path + "." + key
				}
				walk(v.Field(i), p, f.Tag.Get("validate"))
			}
		case reflect.Slice:
			// Elements of a slice of strings are checked by the rules after "dive".
			_, elem, _ := strings.Cut(tag, "dive,")
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), elem)
			}
		default:
			if !v.IsZero() {
				out = append(out, leaf{path, v, tag})
			}
		}
	}
	walk(reflect.ValueOf(a).Elem(), "", "")
	return out
}

// change sets l to a different value that its rules accept.
func change(t *testing.T, l leaf, siblings reflect.Value) {
	t.Helper()
	v := l.v
	switch {
	case v.Type() == amountType:
		a := v.Interface().(agreement.Amount)
		whole, frac, _ := strings.Cut(a.String(), ".")
		n, _ := strconv.ParseInt(whole, 10, 64)
		s := strconv.FormatInt(n+1, 10)
		if frac != "" {
			s += "." + frac
		}
		v.Set(reflect.ValueOf(agreement.MustAmount(s)))
		return
	case v.Type() == dateType:
		v.Set(reflect.ValueOf(v.Interface().(agreement.Date).AddDays(1)))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.String:
		cur := v.String()
		if _, list, ok := strings.Cut(l.tag, "oneof="); ok {
			list, _, _ = strings.Cut(list, ",")
			for _, o := range strings.Fields(list) {
				if o != cur && !inSlice(siblings, o) {
					v.SetString(o)
					return
				}
			}
			t.Fatalf("%s: no other value in %q", l.path, list)
		}
		switch {
		case strings.HasSuffix(l.path, "currency"):
			if cur == "EUR" {
				v.SetString("USD")
			} else {
				v.SetString("EUR")
			}
		case strings.HasSuffix(l.path, "card_last4"):
			v.SetString("9876")
		case strings.HasSuffix(l.path, "fx_rate"):
			v.SetString(cur + "1")
		case l.path == "id":
			v.SetString(cur + "-9")
		default:
			v.SetString(cur + " 改X")
		}
	default:
		t.Fatalf("%s: no change for %s", l.path, v.Kind())
	}
}

func inSlice(s reflect.Value, x string) bool {
	if !s.IsValid() || s.Kind() != reflect.Slice {
		return false
	}
	for i := range s.Len() {
		if s.Index(i).String() == x {
			return true
		}
	}
	return false
}

// masked drops the lines that show the agreement digest, which changes
// with every term.
func masked(t *testing.T, a *agreement.Agreement, md string) string {
	d, err := a.Digest()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(md, "\n")
	return strings.Join(slices.DeleteFunc(lines, func(s string) bool { return strings.Contains(s, d.Short()) }), "\n")
}

// TestEveryTermReachesTheContract changes, one at a time, every value an
// example sets and checks that the contract text changes, digest lines
// masked, in every locale (the examples cover every kind in every locale):
// no term can be silently dropped by a template.
func TestEveryTermReachesTheContract(t *testing.T) {
	type tcase struct {
		name string
		mod  func(*agreement.Agreement)
	}
	var cases []tcase
	for _, name := range examples(t) {
		cases = append(cases, tcase{name, func(*agreement.Agreement) {}})
	}
	// What no example sets: extra clauses and a buyer acting as a business.
	for _, name := range []string{"goods-en.yaml", "secondhand-zh-Hans.yaml", "gift_card-zh-Hant.yaml"} {
		cases = append(cases, tcase{name + "+extras", func(a *agreement.Agreement) {
			a.Buyer.Business = true
			a.Clauses = []agreement.Clause{
				{Title: "Packaging", Text: "Shipped in the original box.\n\nNo gift wrap."},
				{Title: "包裝", Text: "原箱出貨。"},
			}
		}})
	}
	for _, c := range cases {
		file, _, _ := strings.Cut(c.name, "+")
		load := func() *agreement.Agreement {
			a := loadExample(t, file)
			c.mod(a)
			return a
		}
		base := load()
		loc := base.Locale
		want := masked(t, base, execute(t, base))
		n := len(leaves(base))
		if n < 40 {
			t.Fatalf("%s: only %d leaves found", c.name, n)
		}
		for i := range n {
			a := load()
			ls := leaves(a)
			l := ls[i]
			var siblings reflect.Value
			if j := strings.LastIndex(l.path, "["); j > 0 && strings.HasSuffix(l.path, "]") {
				siblings = sliceOf(ls, l.path[:j])
			}
			if !shipped(a, l.path) {
				continue
			}
			before := fmt.Sprint(l.v.Interface())
			change(t, l, siblings)
			after := fmt.Sprint(l.v.Interface())
			got := masked(t, a, execute(t, a))
			if got == want {
				t.Errorf("%s %s: changing %s from %q to %q does not change the contract", c.name, loc, l.path, before, after)
			}
		}
	}
}

// sliceOf returns the values of the elements of the slice at path.
func sliceOf(ls []leaf, path string) reflect.Value {
	var vals []string
	for _, m := range ls {
		if rest, ok := strings.CutPrefix(m.path, path+"["); ok && strings.HasSuffix(rest, "]") && !strings.Contains(rest, ".") && m.v.Kind() == reflect.String {
			vals = append(vals, m.v.String())
		}
	}
	return reflect.ValueOf(vals)
}

// shipped reports whether the term at path can reach the contract of a on
// its own:
// who pays for shipping means nothing when nothing is shipped, and who
// pays for return shipping nothing when goods delivered online are not
// sent back (issue 14: "gift cards delivered online still say 运费由卖方承担").
func shipped(a *agreement.Agreement, path string) bool {
	switch path {
	case "delivery.shipping_paid_by":
		return a.Delivery.Method == agreement.DeliveryShipping
	case "refund.return_shipping_paid_by":
		return a.Delivery.Method != agreement.DeliveryDigital
	case "payment.due":
		// With a schedule it is the first payment's date, printed as the
		// deposit's or the first installment's (rule due_first_payment).
		return len(a.Payment.Installments) == 0
	}
	return true
}
