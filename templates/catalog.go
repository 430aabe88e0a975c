package templates

import (
	"bufio"
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tradepact/tradepact/agreement"
)

// A catalog holds the sentences of one language: one entry per sentence
// (or phrase) variant, each with named placeholders, read from a
// contract/LOCALE/*.txt file. The format, for people who review or
// translate the text (see doc/clauses.md):
//
//	# a comment
//	payment.pay.total = 买方应{method}支付全部价款 {total}，最迟于{due}付清。
//	party.contact = "，联系方式：{contact}"
//
// A line is KEY = TEXT; TEXT runs to the end of the line. TEXT written in
// double quotes keeps its leading and trailing spaces (the quotes are not
// part of it). An entry with no TEXT says nothing in that language (the
// English contract has no 大寫 total). {NAME} is a placeholder and
// {NAME:FORMAT} one with a format (see [catalog.fill]); "{{" and "}}"
// stand for literal braces.
type catalog map[string]entry

// entry is one sentence variant: its text split into literal parts and
// placeholders.
type entry struct {
	text  string
	line  int
	parts []part
}

// part is a literal (name == "") or a placeholder.
type part struct {
	lit, name, format string
}

// placeholders returns the entry's placeholder names, sorted, without
// repeats.
func (e entry) placeholders() []string {
	var names []string
	for _, p := range e.parts {
		if p.name != "" && !slices.Contains(names, p.name) {
			names = append(names, p.name)
		}
	}
	slices.Sort(names)
	return names
}

// formats lists the formats a placeholder may have; the value's type
// decides which apply.
var formats = map[string]bool{"": true, "cn": true, "code": true, "capital": true}

// parseCatalog reads one catalog file into c. A key defined twice in one
// file is an error; a key already in c (from the built-in catalog) is
// replaced, which is how a user's file overrides a sentence.
func parseCatalog(c catalog, name string, src []byte) error {
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRightFunc(sc.Text(), unicode.IsSpace)
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key, text, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" || strings.ContainsFunc(key, func(r rune) bool { return !validKeyRune(r) }) {
			return fmt.Errorf("templates: %s:%d: want KEY = TEXT, a key of letters, digits, '.' and '_'", name, n)
		}
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("templates: %s:%d: %s is already defined on line %d", name, n, key, prev)
		}
		seen[key] = n
		text = strings.TrimSpace(text)
		if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
			text = text[1 : len(text)-1]
		}
		parts, err := parseParts(text)
		if err != nil {
			return fmt.Errorf("templates: %s:%d: %s: %v", name, n, key, err)
		}
		c[key] = entry{text: text, line: n, parts: parts}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("templates: %s: %v", name, err)
	}
	return nil
}

func validKeyRune(r rune) bool {
	return r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// parseParts splits text into literals and {name} or {name:format}
// placeholders.
func parseParts(text string) ([]part, error) {
	var parts []part
	var lit strings.Builder
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "{{"):
			lit.WriteByte('{')
			i += 2
		case strings.HasPrefix(text[i:], "}}"):
			lit.WriteByte('}')
			i += 2
		case text[i] == '}':
			return nil, fmt.Errorf("unmatched \"}\" (write \"}}\" for a brace)")
		case text[i] == '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed placeholder %q", text[i:])
			}
			name, format, _ := strings.Cut(text[i+1:i+end], ":")
			if name == "" || strings.ContainsFunc(name, func(r rune) bool { return !validKeyRune(r) || r == '.' }) {
				return nil, fmt.Errorf("placeholder %q: want {name} or {name:format}", text[i:i+end+1])
			}
			if !formats[format] {
				return nil, fmt.Errorf("placeholder %q: unknown format %q", text[i:i+end+1], format)
			}
			if lit.Len() > 0 {
				parts = append(parts, part{lit: lit.String()})
				lit.Reset()
			}
			parts = append(parts, part{name: name, format: format})
			i += end + 1
		default:
			lit.WriteByte(text[i])
			i++
		}
	}
	if lit.Len() > 0 {
		parts = append(parts, part{lit: lit.String()})
	}
	return parts, nil
}

// fill returns entry key of c with its placeholders replaced by args,
// given as name, value pairs. Every placeholder must have a value; a value
// the entry does not use is left out (the variants of a sentence share
// one argument list), and the catalogs are checked to use the same
// placeholders in every language (catalog_test.go). A value is written by
// its type, in locale l:
//
//	string                 as it is (Markdown; callers escape user text)
//	int                    decimal; {n:cn} in Chinese numerals (第十二條)
//	agreement.Money        as Money.Format writes it in l; {m:capital} in
//	                       Chinese capital numerals (大寫)
//	agreement.Date         as a date in l
//	agreement.Currency     its name in l; {c:code} its ISO code
func (c catalog) fill(l agreement.Locale, key string, args ...any) (string, error) {
	e, ok := c[key]
	if !ok {
		return "", fmt.Errorf("no %s sentence %q", l, key)
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("sentence %q: arguments are name, value pairs", key)
	}
	vals := map[string]any{}
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("sentence %q: argument %d is not a placeholder name", key, i)
		}
		vals[name] = args[i+1]
	}
	if e.text == "" {
		return "", nil // not said in this language
	}
	var b strings.Builder
	for _, p := range e.parts {
		if p.name == "" {
			b.WriteString(p.lit)
			continue
		}
		v, ok := vals[p.name]
		if !ok {
			return "", fmt.Errorf("%s sentence %q: no value for {%s}", l, key, p.name)
		}
		s, err := formatValue(l, v, p.format)
		if err != nil {
			return "", fmt.Errorf("%s sentence %q: {%s}: %v", l, key, p.name, err)
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func formatValue(l agreement.Locale, v any, format string) (string, error) {
	switch v := v.(type) {
	case string:
		if format == "" {
			return v, nil
		}
	case int:
		switch format {
		case "":
			return strconv.Itoa(v), nil
		case "cn":
			return chineseNumber(v), nil
		}
	case agreement.Money:
		switch format {
		case "":
			return v.Format(l), nil
		case "capital":
			return v.Capital(l)
		}
	case agreement.Date:
		if format == "" {
			return formatDate(v, l), nil
		}
	case agreement.Currency:
		switch format {
		case "":
			return v.LocalName(l), nil
		case "code":
			return escapeInline(v.Code), nil
		}
	default:
		return "", fmt.Errorf("cannot write a %s", reflect.TypeOf(v))
	}
	return "", fmt.Errorf("format %q does not apply to a %s", format, reflect.TypeOf(v))
}
