package templates

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/tradepact/tradepact/agreement"
)

//go:embed all:contract
var embedded embed.FS

// Set is a parsed template set: one contract template per locale, composed
// of shared partials and per-locale clause partials. A Set is immutable and
// safe for concurrent use.
type Set struct {
	id      Identity
	byLocal map[agreement.Locale]*localeTemplate
}

// localeTemplate is one locale's parsed template. The built-in set parses
// a locale on its first use, not when the program starts: parsing every
// locale's templates was a quarter of a whole `tradepact render` process
// and was paid by commands that render nothing. A set from [Load] parses
// every locale at once, so that Load reports a user's mistakes.
type localeTemplate struct {
	once  sync.Once
	parse func() (*template.Template, error)
	t     *template.Template
	err   error
}

func (lt *localeTemplate) get() (*template.Template, error) {
	lt.once.Do(func() {
		lt.t, lt.err = lt.parse()
		lt.parse = nil
	})
	return lt.t, lt.err
}

// catalogExt is the extension of the sentence catalogs (see catalog.go).
const catalogExt = ".txt"

// Identity names a template set so that a contract can be re-rendered from
// the same templates later.
type Identity struct {
	Name    string // "tradepact" for the built-in set
	Version string
	// Digest is over every source file of the set: its path and its bytes,
	// in path order (see [Set.Identity]).
	Digest agreement.Digest
}

// DefaultName and DefaultVersion identify the built-in set.
const (
	DefaultName    = "tradepact"
	DefaultVersion = "1"
)

// funcsVersion is the version of the template functions' output (money,
// dates, 大寫 amounts, durations). Bump it whenever a function writes
// anything differently: it is part of every set's identity, so contracts
// rendered before the change keep an identity that says so.
const funcsVersion = "1"

// builtinsPath names the built-in words in the identity digest; no file
// can have it (files live under shared/ or a locale directory).
const builtinsPath = "(builtins)"

// builtins serialises the labels, the citations and funcsVersion, sorted.
func builtins() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "funcs %s\n", funcsVersion)
	fmt.Fprintf(&b, "predicates %s\n", predicatesVersion)
	for _, table := range []struct {
		name string
		m    map[agreement.Locale]map[string]string
	}{{"labels", labels}, {"citations", citations}} {
		for _, l := range agreement.Locales {
			m := table.m[l]
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\n", table.name, l, k, m[k])
			}
		}
	}
	return b.Bytes()
}

// manifest is the optional set.json at the root of a user's template
// directory.
type manifest struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// defaultSet is made on first use, its locales parsed on theirs (see
// localeTemplate).
var defaultSet = sync.OnceValue(func() *Set {
	src, err := readTree(embedded, "contract")
	if err != nil {
		panic(err)
	}
	s, err := buildSet(src, nil, Identity{Name: DefaultName, Version: DefaultVersion}, true)
	if err != nil {
		panic(err)
	}
	return s
})

// Default returns the built-in template set. Its templates are parsed
// when a locale is first executed; the built-in templates always parse
// (TestDefaultParses).
func Default() *Set { return defaultSet() }

// Load returns the built-in set with the templates and sentences in fsys
// laid over it. fsys has the built-in layout: shared/*.tmpl for the
// contract's structure, which every locale uses; en/, zh-Hans/ and
// zh-Hant/ for each locale's sentence catalog (*.txt, see doc/clauses.md)
// and any templates of that locale only; and an optional set.json
// {"name": …, "version": …} naming the set.
//
// To override a sentence, put an entry with its key in a LOCALE/*.txt
// file: it replaces the built-in entry in that locale, and may use the
// built-in entry's placeholders only. To override a whole article, define
// its template ({{define "payment"}}…{{end}}) in a LOCALE/*.tmpl file (for
// one locale) or a shared/*.tmpl file (for all): a file with the same path
// as a built-in one replaces it; other files are added and parsed after
// the built-in ones, so a {{define}} in them overrides the built-in
// template of that name. The "custom" template, empty by default, is the
// place for added clauses.
func Load(fsys fs.FS) (*Set, error) {
	user, err := readTree(fsys, ".")
	if err != nil {
		return nil, err
	}
	id := Identity{Name: "custom"}
	if b, ok := user["set.json"]; ok {
		var m manifest
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("templates: set.json: %v", err)
		}
		if m.Name != "" {
			id.Name = m.Name
		}
		id.Version = m.Version
		delete(user, "set.json")
	}
	base, err := readTree(embedded, "contract")
	if err != nil {
		return nil, err
	}
	return build(base, user, id)
}

// Limits on a template override read by [Load]: a file is refused by its
// size before it is read. The built-in set is under 200 KB.
const (
	MaxFileSize = 1 << 20 // one template file or set.json, in bytes
	MaxSetSize  = 4 << 20 // all the files of an override, in bytes
)

// readTree reads the *.tmpl files under root, the sentence catalogs
// (LOCALE/*.txt), keyed by slash path relative to root, and set.json.
func readTree(fsys fs.FS, root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	total := 0
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		if root == "." {
			rel = p
		}
		dir, _, _ := strings.Cut(rel, "/")
		catalogFile := strings.HasSuffix(rel, catalogExt) && slices.Contains(agreement.Locales, agreement.Locale(dir))
		if !strings.HasSuffix(rel, ".tmpl") && !catalogFile && rel != "set.json" {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > MaxFileSize {
			return fmt.Errorf("%s is larger than %d bytes", p, MaxFileSize)
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if total += len(b); len(b) > MaxFileSize || total > MaxSetSize {
			return fmt.Errorf("%s: the templates are larger than %d bytes in a file or %d in all", p, MaxFileSize, MaxSetSize)
		}
		out[rel] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("templates: %v", err)
	}
	return out, nil
}

func build(base, user map[string][]byte, id Identity) (*Set, error) {
	return buildSet(base, user, id, false)
}

// buildSet makes the set of the sources base with user's laid over them;
// lazy defers parsing each locale to its first use.
func buildSet(base, user map[string][]byte, id Identity, lazy bool) (*Set, error) {
	// The merged sources, in parse order: built-in paths (possibly replaced
	// by the user's file of the same path), then the user's added files.
	all := map[string][]byte{}
	var order []string
	for _, p := range sortedKeys(base) {
		all[p] = base[p]
		if b, ok := user[p]; ok {
			all[p] = b
		}
		order = append(order, p)
	}
	for _, p := range sortedKeys(user) {
		if _, ok := base[p]; !ok {
			all[p] = user[p]
			order = append(order, p)
		}
	}
	for _, p := range order {
		dir, _, ok := strings.Cut(p, "/")
		if !ok || dir != "shared" && !slices.Contains(agreement.Locales, agreement.Locale(dir)) {
			return nil, fmt.Errorf("templates: %s: not under shared/ or a locale directory (%s)", p, localeList())
		}
	}
	var h bytes.Buffer
	for _, p := range sortedKeys(all) {
		fmt.Fprintf(&h, "%s\x00%d\x00", p, len(all[p]))
		h.Write(all[p])
	}
	// The words and functions the templates take from this package are
	// part of what renders the text: hashed too, so that a build whose
	// labels differ has another identity rather than a text that no
	// longer matches the one a party confirmed.
	b := builtins()
	fmt.Fprintf(&h, "%s\x00%d\x00", builtinsPath, len(b))
	h.Write(b)
	id.Digest = agreement.DigestOf(h.Bytes())

	s := &Set{id: id, byLocal: map[agreement.Locale]*localeTemplate{}}
	for _, l := range agreement.Locales {
		lt := &localeTemplate{parse: func() (*template.Template, error) { return parseLocale(l, base, user, all, order) }}
		if !lazy {
			if _, err := lt.get(); err != nil {
				return nil, err
			}
		}
		s.byLocal[l] = lt
	}
	return s, nil
}

// parseLocale parses locale l's template: its catalog, then the sources
// of order under shared/ and l/.
func parseLocale(l agreement.Locale, base, user, all map[string][]byte, order []string) (*template.Template, error) {
	cat, err := buildCatalog(l, base, user)
	if err != nil {
		return nil, err
	}
	t := template.New(string(l)).Option("missingkey=error").Funcs(funcMap(l, cat))
	for _, p := range order {
		dir, _, _ := strings.Cut(p, "/")
		if dir != "shared" && dir != string(l) || strings.HasSuffix(p, catalogExt) {
			continue
		}
		if _, err := t.New(p).Parse(string(all[p])); err != nil {
			return nil, fmt.Errorf("templates: %v", err)
		}
	}
	if t.Lookup("contract") == nil {
		return nil, fmt.Errorf("templates: %s: no template named \"contract\"", l)
	}
	return t, nil
}

// buildCatalog reads the built-in catalog of locale l and lays the user's
// entries over it, entry by entry. A user's entry must have a built-in
// key and may use only the built-in entry's placeholders: the contract
// template supplies no others.
func buildCatalog(l agreement.Locale, base, user map[string][]byte) (catalog, error) {
	prefix := string(l) + "/"
	cat := catalog{}
	for _, p := range sortedKeys(base) {
		if strings.HasPrefix(p, prefix) && strings.HasSuffix(p, catalogExt) {
			if err := parseCatalog(cat, p, base[p]); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range sortedKeys(user) {
		if !strings.HasPrefix(p, prefix) || !strings.HasSuffix(p, catalogExt) {
			continue
		}
		over := catalog{}
		if err := parseCatalog(over, p, user[p]); err != nil {
			return nil, err
		}
		for _, key := range sortedKeys(over) {
			e := over[key]
			b, ok := cat[key]
			if !ok {
				return nil, fmt.Errorf("templates: %s:%d: %s is not a sentence of the built-in catalog", p, e.line, key)
			}
			for _, name := range e.placeholders() {
				if !slices.Contains(b.placeholders(), name) && !slices.Contains(placeholdersOfKey(base, key), name) {
					return nil, fmt.Errorf("templates: %s:%d: %s: {%s} is not one of its placeholders (%s)", p, e.line, key, name, strings.Join(placeholdersOfKey(base, key), ", "))
				}
			}
			cat[key] = e
		}
	}
	return cat, nil
}

// placeholdersOfKey returns the placeholders entry key has in any
// built-in catalog (an entry that is empty in one language has them in
// the others).
func placeholdersOfKey(base map[string][]byte, key string) []string {
	var names []string
	for _, p := range sortedKeys(base) {
		if !strings.HasSuffix(p, catalogExt) {
			continue
		}
		c := catalog{}
		if parseCatalog(c, p, base[p]) != nil {
			continue
		}
		for _, n := range c[key].placeholders() {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}

func localeList() string {
	var names []string
	for _, l := range agreement.Locales {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Identity returns the set's name, version and the digest of its sources.
// The digest is SHA-256 over, for each source file in path order,
// "PATH\x00LENGTH\x00" followed by the file's bytes, and then the same for
// the built-in words the templates use (enum labels, statute citations and
// the version of the template functions), as the path "(builtins)". A nil
// Set has the zero Identity.
func (s *Set) Identity() Identity {
	if s == nil {
		return Identity{}
	}
	return s.id
}

// Execute writes the contract for a as Markdown (CommonMark with GFM
// tables), in a's locale. It does not validate a: callers check it first
// (render.NewDocument does). Nothing is written when it fails.
func (s *Set) Execute(w io.Writer, a *agreement.Agreement) error {
	if s == nil || a == nil {
		return errors.New("templates: Execute: nil template set or terms")
	}
	lt, ok := s.byLocal[a.Locale]
	if !ok {
		return fmt.Errorf("templates: locale %q: no templates (have %s)", a.Locale, localeList())
	}
	t, err := lt.get()
	if err != nil {
		return err
	}
	v, err := newView(a, s.id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&capped{&buf, MaxOutputSize}, "contract", v); err != nil {
		if errors.Is(err, ErrOutputSize) {
			return fmt.Errorf("templates: %s: %w", a.Locale, ErrOutputSize)
		}
		var ee template.ExecError
		if errors.As(err, &ee) {
			return fmt.Errorf("templates: %s: %v", a.Locale, ee.Err)
		}
		return fmt.Errorf("templates: %s: %v", a.Locale, err)
	}
	_, err = w.Write(tidy(buf.Bytes()))
	return err
}

// MaxOutputSize bounds the text one execution writes, in bytes: a user's
// template could otherwise loop ({{range 100000000}}) until memory runs
// out. The largest terms render to under 3 MB.
const MaxOutputSize = 4 << 20

// ErrOutputSize is the error of an execution stopped at MaxOutputSize.
var ErrOutputSize = fmt.Errorf("the contract text is larger than %d bytes", MaxOutputSize)

// capped writes to w until n bytes have been written, then fails, which
// stops text/template at its next write.
type capped struct {
	w io.Writer
	n int
}

func (c *capped) Write(p []byte) (int, error) {
	if len(p) > c.n {
		return 0, ErrOutputSize
	}
	c.n -= len(p)
	return c.w.Write(p)
}

// tidy removes trailing spaces and runs of more than one blank line left by
// template actions, and ends the text with exactly one newline.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}
