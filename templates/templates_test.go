package templates_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// execute renders a in locale l with the default set.
func execute(t testing.TB, a *agreement.Agreement) string {
	t.Helper()
	var b bytes.Buffer
	if err := templates.Default().Execute(&b, a); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// withLocale returns a copy of a in locale l.
func withLocale(a *agreement.Agreement, l agreement.Locale) *agreement.Agreement {
	c := *a
	c.Locale = l
	return &c
}

// TestGolden renders every example and compares the Markdown with
// testdata/NAME.md (regenerate with -update). The examples cover every kind
// in every locale.
func TestGolden(t *testing.T) {
	for _, name := range examples(t) {
		base := strings.TrimSuffix(name, ".yaml")
		t.Run(base, func(t *testing.T) {
			got := execute(t, loadExample(t, name))
			golden := filepath.Join("testdata", base+".md")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the output; run go test -update and review the diff", golden)
			}
		})
	}
}

// TestDeterministic checks that the same terms give the same bytes.
func TestDeterministic(t *testing.T) {
	a := loadExample(t, "proxy_purchase-zh-Hant.yaml")
	if execute(t, a) != execute(t, a) {
		t.Fatal("two executions differ")
	}
}

// TestStructure checks what every contract carries, per kind and locale:
// title, contract number, digest, parties, numbered articles in order,
// the capital total in zh, and the signature block last.
func TestStructure(t *testing.T) {
	title := map[agreement.Locale]string{agreement.LocaleEN: "## Article ", agreement.LocaleZHHans: "## 第", agreement.LocaleZHHant: "## 第"}
	for _, name := range examples(t) {
		base := loadExample(t, name)
		for _, l := range agreement.Locales {
			a := withLocale(base, l)
			md := execute(t, a)
			d, err := a.Digest()
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{a.ID, d.Short(), a.Seller.Name, a.Buyer.Name} {
				if !strings.Contains(md, want) {
					t.Errorf("%s %s: %q missing", name, l, want)
				}
			}
			if !strings.HasPrefix(md, "# ") {
				t.Errorf("%s %s: no title", name, l)
			}
			if n := strings.Count(md, title[l]); n < 10 {
				t.Errorf("%s %s: %d articles", name, l, n)
			}
			if l != agreement.LocaleEN {
				tot, _ := a.Totals()
				c, _ := tot.Total.Capital(l)
				if !strings.Contains(md, c) {
					t.Errorf("%s %s: capital total %q missing", name, l, c)
				}
			}
			if !strings.HasSuffix(md, "<!-- /keep -->\n") || !strings.Contains(md, "<!-- keep -->") {
				t.Errorf("%s %s: signature block not last or not kept", name, l)
			}
			if strings.Contains(md, "<no value>") || strings.Contains(md, "%!") {
				t.Errorf("%s %s: template artefact in output", name, l)
			}
		}
	}
}

// TestOptionalBlocks checks that optional blocks are left out, not printed
// empty, when the terms do not have them.
func TestOptionalBlocks(t *testing.T) {
	a := loadExample(t, "goods-en.yaml")
	full := execute(t, a)
	b := *a
	b.Inspection, b.Cancellation, b.AfterSales, b.Authenticity = nil, nil, nil, nil
	bare := execute(t, &b)
	for _, h := range []string{"Inspection", "Cancellation", "After-sale service", "Authenticity"} {
		if !strings.Contains(full, ". "+h+"\n") {
			t.Errorf("full contract lacks %q", h)
		}
		if strings.Contains(bare, ". "+h+"\n") {
			t.Errorf("contract without the block still has %q", h)
		}
	}
	if strings.Count(bare, "## Article ") != strings.Count(full, "## Article ")-4 {
		t.Errorf("articles not renumbered")
	}
}

func TestIdentity(t *testing.T) {
	id := templates.Default().Identity()
	if id.Name != templates.DefaultName || id.Version != templates.DefaultVersion || id.Digest.IsZero() {
		t.Fatalf("default identity %+v", id)
	}
	if templates.Default().Identity() != id {
		t.Fatal("identity not stable")
	}
	s, err := templates.Load(fstest.MapFS{
		"set.json":              {Data: []byte(`{"name": "shop", "version": "2"}`)},
		"en/extra.tmpl":         {Data: []byte(`{{define "custom"}}## Article {{.Article}}. Packaging` + "\n\nGift wrapped.\n{{end}}")},
		"zh-Hant/clauses.tmpl":  {Data: []byte(`{{define "unused"}}x{{end}}`)},
		"README.txt":            {Data: []byte("ignored")},
		"shared/signature.tmpl": {Data: []byte(`{{define "signature"}}SIGN HERE{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	sid := s.Identity()
	if sid.Name != "shop" || sid.Version != "2" || sid.Digest == id.Digest {
		t.Fatalf("custom identity %+v", sid)
	}
	a := loadExample(t, "goods-en.yaml")
	var b bytes.Buffer
	if err := s.Execute(&b, a); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.Contains(md, "Packaging\n\nGift wrapped.") || !strings.HasSuffix(md, "SIGN HERE\n") {
		t.Errorf("overrides not applied:\n%s", md)
	}
	// The added clause is numbered after the built-in ones.
	if n := strings.Count(md, "## Article "); !strings.Contains(md, "## Article "+itoa(n)+". Packaging") {
		t.Errorf("added clause not numbered last")
	}
	// A locale's template file that defines an unused template loads (the
	// old per-locale clauses.tmpl path is no longer a built-in file).
	if _, err := templates.Load(fstest.MapFS{"zh-Hant/clauses.tmpl": {Data: []byte(`{{define "unused"}}x{{end}}`)}}); err != nil {
		t.Fatalf("load: %v", err)
	}
}

func itoa(n int) string {
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"syntax", fstest.MapFS{"en/bad.tmpl": {Data: []byte("{{define \"x\"}}{{.Oops")}}, "en/bad.tmpl"},
		{"outside layout", fstest.MapFS{"fr/contract.md.tmpl": {Data: []byte("x")}}, "fr/contract.md.tmpl: not under shared/"},
		{"bad manifest", fstest.MapFS{"set.json": {Data: []byte(`{"nom": "x"}`)}}, "set.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := templates.Load(tt.fs)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "templates: ") {
				t.Fatalf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// TestMissingKey checks that a template naming a field the terms do not
// have fails instead of printing "<no value>".
func TestMissingKey(t *testing.T) {
	s, err := templates.Load(fstest.MapFS{
		"en/extra.tmpl": {Data: []byte(`{{define "custom"}}{{.NoSuchField}}{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = s.Execute(&b, loadExample(t, "goods-en.yaml"))
	if err == nil || !strings.Contains(err.Error(), "NoSuchField") {
		t.Fatalf("got %v", err)
	}
	if b.Len() != 0 {
		t.Fatal("partial output written")
	}
	m, err := templates.Load(fstest.MapFS{
		"en/extra.tmpl": {Data: []byte(`{{define "custom"}}{{index .Map "x"}}{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Execute(&b, loadExample(t, "goods-en.yaml")); err == nil {
		t.Fatal("missing map key accepted")
	}
}

// TestEscaping checks that text from the terms cannot inject Markdown.
func TestEscaping(t *testing.T) {
	a := loadExample(t, "goods-en.yaml")
	a.Items[0].Name = "**bold** | pipe <b>x</b> [link](http://x) `code`"
	a.Buyer.Name = "- 1. # heading"
	md := execute(t, a)
	for _, bad := range []string{"**bold**", "<b>", "[link]", "`code`"} {
		if strings.Contains(md, bad) {
			t.Errorf("unescaped %q in output", bad)
		}
	}
	if !strings.Contains(md, `\*\*bold\*\* \| pipe \<b\>x\</b\> \[link\](http://x) \`+"`code\\`") {
		t.Errorf("escaped name not found:\n%s", md)
	}
}

// TestConcurrentExecute runs one set from many goroutines (run with -race):
// a Set is shared and the article counter lives in each execution.
func TestConcurrentExecute(t *testing.T) {
	names := examples(t)
	want := map[string]string{}
	terms := map[string]*agreement.Agreement{}
	for _, n := range names {
		terms[n] = loadExample(t, n)
		want[n] = execute(t, terms[n])
	}
	done := make(chan error)
	for _, n := range names {
		go func() {
			a := terms[n]
			var b bytes.Buffer
			err := templates.Default().Execute(&b, a)
			if err == nil && b.String() != want[n] {
				err = fmt.Errorf("%s: concurrent output differs", n)
			}
			done <- err
		}()
	}
	for range names {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestOverrideSentence checks that a user's catalog replaces one sentence
// in one language, changes the set's identity, and that an override with
// an unknown key or placeholder is refused with its file and line.
func TestOverrideSentence(t *testing.T) {
	s, err := templates.Load(fstest.MapFS{
		"zh-Hans/shop.txt": {Data: []byte("# 本店的说法\ndefects.none = - 卖方未发现任何瑕疵。\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Identity().Digest == templates.Default().Identity().Digest {
		t.Error("an overridden sentence left the identity unchanged")
	}
	a := loadExample(t, "secondhand-zh-Hans.yaml")
	a.Items[0].Defects = nil
	var b bytes.Buffer
	if err := s.Execute(&b, a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "- 卖方未发现任何瑕疵。") || strings.Contains(b.String(), "无已知瑕疵") {
		t.Errorf("the override did not replace the sentence:\n%s", b.String())
	}
	en := withLocale(a, agreement.LocaleEN)
	b.Reset()
	if err := s.Execute(&b, en); err != nil || !strings.Contains(b.String(), "- No known defects.") {
		t.Errorf("the zh-Hans override reached English: %v", err)
	}
	for name, src := range map[string]string{
		"zh-Hans/typo.txt":  "defects.nonee = x\n",
		"zh-Hant/extra.txt": "\ngoods.warranty = 賣方保證{colour}\n",
	} {
		_, err := templates.Load(fstest.MapFS{name: {Data: []byte(src)}})
		if err == nil || !strings.Contains(err.Error(), name+":") {
			t.Errorf("%s: %v, want an error naming the file and line", name, err)
		}
	}
}

// TestOverrideArticle checks that a locale's template can replace one
// whole article in that locale only.
func TestOverrideArticle(t *testing.T) {
	s, err := templates.Load(fstest.MapFS{
		"zh-Hant/evidence.tmpl": {Data: []byte("{{define \"evidence\"}}{{heading .Article \"證據\"}}\n\n本店保存紀錄一年。\n{{end}}")},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := loadExample(t, "goods-zh-Hant.yaml")
	var b bytes.Buffer
	if err := s.Execute(&b, a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "條　證據\n\n本店保存紀錄一年。") {
		t.Errorf("article not replaced:\n%s", b.String())
	}
	b.Reset()
	if err := s.Execute(&b, withLocale(a, agreement.LocaleZHHans)); err != nil || !strings.Contains(b.String(), "证据保存") {
		t.Errorf("the zh-Hant article reached zh-Hans: %v", err)
	}
}
