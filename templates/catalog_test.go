package templates

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// builtinCatalogs parses the built-in catalog of every locale.
func builtinCatalogs(t *testing.T) map[agreement.Locale]catalog {
	t.Helper()
	src, err := readTree(embedded, "contract")
	if err != nil {
		t.Fatal(err)
	}
	out := map[agreement.Locale]catalog{}
	for _, l := range agreement.Locales {
		c, err := buildCatalog(l, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(c) == 0 {
			t.Fatalf("%s: empty catalog", l)
		}
		out[l] = c
	}
	return out
}

// TestCatalogsAgree checks that every language has exactly the same
// entries with the same placeholders, so that adding a sentence to one
// language and forgetting another fails here, naming the entry. An entry
// left empty says nothing in that language and is exempt from the
// placeholder check only.
func TestCatalogsAgree(t *testing.T) {
	cats := builtinCatalogs(t)
	ref := cats[agreement.LocaleZHHans]
	for _, l := range agreement.Locales {
		c := cats[l]
		for key := range ref {
			if _, ok := c[key]; !ok {
				t.Errorf("%s: entry %s is missing (zh-Hans has it)", l, key)
			}
		}
		for key, e := range c {
			r, ok := ref[key]
			if !ok {
				t.Errorf("%s: entry %s is extra (zh-Hans has no such entry)", l, key)
				continue
			}
			if e.text == "" || r.text == "" {
				continue
			}
			if got, want := strings.Join(e.placeholders(), " "), strings.Join(r.placeholders(), " "); got != want {
				t.Errorf("%s: entry %s has placeholders {%s}, zh-Hans has {%s}", l, key, got, want)
			}
		}
	}
}

// TestCatalogsUsed checks that every entry is reachable: the contract
// template names it, literally or as the prefix of a key it builds from a
// predicate's word ("payment.pay." + PaymentSchedule), or the Go code does.
func TestCatalogsUsed(t *testing.T) {
	src, err := fs.ReadFile(embedded, "contract/shared/contract.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	deals, err := fs.ReadFile(embedded, "contract/shared/deals.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, deals...)
	code := string(src) + ` "heading" "party.business" "party.private" "party.contact" "party.commitment" `
	var prefixes []string
	for _, m := range regexp.MustCompile(`printf "([a-z_.]+)%`).FindAllStringSubmatch(string(src), -1) {
		prefixes = append(prefixes, m[1])
	}
	for key := range builtinCatalogs(t)[agreement.LocaleEN] {
		if strings.Contains(code, `"`+key+`"`) || slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(key, p) }) {
			continue
		}
		t.Errorf("entry %s is used nowhere", key)
	}
}

// TestLanguageFilesHaveNoDecisions checks the rule that keeps decisions
// in Go: the files of one language hold at most 3 template conditionals
// (for grammar only), and the built-in ones none.
func TestLanguageFilesHaveNoDecisions(t *testing.T) {
	cond := regexp.MustCompile(`\{\{-?\s*(if|with|else if)\b`)
	for _, l := range agreement.Locales {
		n := 0
		err := fs.WalkDir(embedded, "contract/"+string(l), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(embedded, p)
			n += len(cond.FindAll(b, -1))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if n > 3 {
			t.Errorf("%s: %d conditionals in the language's files; decisions belong in predicates.go", l, n)
		}
	}
}

func TestParseCatalog(t *testing.T) {
	c := catalog{}
	src := "# comment\n\na.b = x {n:cn} y\nq = \"  spaced \"\nempty =\nbraces = {{lit}}\n"
	if err := parseCatalog(c, "f.txt", []byte(src)); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"q": "  spaced ", "empty": "", "braces": "{lit}"} {
		got, err := c.fill(agreement.LocaleEN, key)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", key, got, err, want)
		}
	}
	if got, err := c.fill(agreement.LocaleZHHans, "a.b", "n", 12); err != nil || got != "x 十二 y" {
		t.Errorf("a.b: %q, %v", got, err)
	}
	if _, err := c.fill(agreement.LocaleEN, "a.b"); err == nil || !strings.Contains(err.Error(), "{n}") {
		t.Errorf("missing value: %v", err)
	}
	if _, err := c.fill(agreement.LocaleEN, "nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown key: %v", err)
	}
	for _, bad := range []string{"no equals sign", "k = {unclosed", "k = }", "k = {a:bogus}", "k = {}", "bad key! = x", "k = a\nk = b"} {
		if err := parseCatalog(catalog{}, "bad.txt", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		} else if !strings.Contains(err.Error(), "bad.txt:") {
			t.Errorf("%q: error without a file line: %v", bad, err)
		}
	}
}

// FuzzParseCatalog feeds catalog files (a user's overrides are read with
// the same parser): parsing never panics, and every entry it accepts
// fills without panicking, with or without values for its placeholders.
func FuzzParseCatalog(f *testing.F) {
	src, err := readTree(embedded, "contract")
	if err != nil {
		f.Fatal(err)
	}
	for p, b := range src {
		if strings.HasSuffix(p, catalogExt) {
			f.Add(b)
		}
	}
	f.Add([]byte("k = {a:cn}{b:capital}{c:code} }} {{\nq = \"\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c := catalog{}
		if parseCatalog(c, "f.txt", b) != nil {
			return
		}
		for key, e := range c {
			var args []any
			for _, name := range e.placeholders() {
				args = append(args, name, 7)
			}
			c.fill(agreement.LocaleZHHant, key, args...)
			c.fill(agreement.LocaleEN, key)
		}
	})
}
