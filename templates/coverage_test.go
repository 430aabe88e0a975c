package templates

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestCoverageTable keeps the coverage table of doc/format.md §5 ("The
// disputes each term and rule addresses") true: every key it names is a
// key of the terms format, every rule a rule of §5's rule table or a field
// rule, every clause an entry of the catalogs (a name ending in "." any
// entry it starts), and every term of issue 15 has a row.
func TestCoverageTable(t *testing.T) {
	doc, err := os.ReadFile("../doc/format.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	sec5 := between(t, text, "## 5. Validation", "### The disputes each term and rule addresses")
	table := between(t, text, "### The disputes each term and rule addresses", "## 6. Example")
	tick := regexp.MustCompile("`([^`]+)`")

	rules := map[string]bool{"required": true, "oneof": true, "len": true, "min": true, "max": true, "datetime": true, "sha256": true, "unique": true, "startswith": true}
	for line := range strings.SplitSeq(sec5, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(line, "| `") {
			continue
		}
		for _, m := range tick.FindAllStringSubmatch(cells[1], -1) {
			rules[m[1]] = true
		}
	}
	keys := map[string]bool{}
	var walk func(reflect.Type)
	seen := map[reflect.Type]bool{}
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() != reflect.TypeFor[agreement.Agreement]().PkgPath() {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if f.IsExported() && name != "" && name != "-" {
				keys[name] = true
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeFor[agreement.Agreement]())
	cat := builtinCatalogs(t)[agreement.LocaleEN]

	inTable := map[string]bool{}
	rows := 0
	for line := range strings.SplitSeq(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 6 || strings.HasPrefix(line, "|---") || strings.Contains(cells[2], " keys ") {
			continue
		}
		rows++
		name := strings.TrimSpace(cells[1])
		for _, m := range tick.FindAllStringSubmatch(cells[2], -1) {
			for seg := range strings.SplitSeq(m[1], ".") {
				if !keys[seg] {
					t.Errorf("%s: key %q: %q is not a key of the terms format", name, m[1], seg)
				}
				inTable[seg] = true
			}
		}
		for _, m := range tick.FindAllStringSubmatch(cells[3], -1) {
			r := m[1]
			if p, ok := strings.CutSuffix(r, "*"); ok {
				found := false
				for k := range rules {
					found = found || strings.HasPrefix(k, p)
				}
				if !found {
					t.Errorf("%s: no rule starts %q", name, p)
				}
			} else if !rules[r] {
				t.Errorf("%s: rule %q is not in §5's rule table", name, r)
			}
		}
		clauses := tick.FindAllStringSubmatch(cells[4], -1)
		if len(clauses) == 0 {
			t.Errorf("%s: no clause", name)
		}
		for _, m := range clauses {
			c := m[1]
			if _, ok := cat[c]; ok {
				continue
			}
			found := false
			if strings.HasSuffix(c, ".") {
				for k := range cat {
					found = found || strings.HasPrefix(k, c)
				}
			}
			if !found {
				t.Errorf("%s: clause %q is not a catalog entry", name, c)
			}
		}
	}
	if rows < 24 {
		t.Fatalf("found %d rows in the coverage table, want the 22 disputes and the rows of issue 15", rows)
	}
	for _, k := range []string{"offer_expires", "damages", "late_delivery_per_day", "late_payment_per_day", "cap", "estimated_loss",
		"force_majeure", "personal_data", "address", "meetup", "place", "time", "partial", "from", "extension_days", "per_item",
		"reply_days", "if_price_rises", "shipping_per_kg", "duty_prepaid", "reveal", "balance_proof", "resale_forbidden",
		"balance_found", "files", "contact_commitment"} {
		if !keys[k] {
			t.Errorf("%s is not a key of the model any more: update this list", k)
		}
		if !inTable[k] {
			t.Errorf("the coverage table has no row for %s", k)
		}
	}
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	j := strings.Index(s, to)
	if i < 0 || j < i {
		t.Fatalf("doc/format.md: no section from %q to %q", from, to)
	}
	return s[i:j]
}
