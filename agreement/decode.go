package agreement

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest terms file, in bytes, that [Decode] and [Load]
// accept. Real terms files are a few kilobytes.
const MaxSize = 1 << 20

// maxDepth bounds how deeply a terms file may nest. The model itself is
// at most five levels deep (items[0].gift_card.face_value); anything deeper
// is rejected before it is looked at.
const maxDepth = 32

// position is where a value was written in a terms file; both 1-based.
type position struct{ line, column int }

// Decode reads one agreement from a YAML or JSON terms file. name is used in
// error messages and picks the syntax by its extension (.json, .yaml, .yml);
// with any other name, input whose first non-blank byte is '{' is read as
// JSON and anything else as YAML.
//
// Decoding is strict: unknown keys, duplicate keys, a second document,
// trailing data, YAML anchors and aliases, input larger than [MaxSize],
// invalid UTF-8, control characters and nesting deeper than the format needs
// are errors, as is a `tradepact:` format version newer than
// [FormatVersion] (older versions are accepted). Every error is a
// *[FieldError] carrying the line and column, and the path of the value in
// the file's own keys (items[1].unit_price) where there is one. A file that
// parses but has several wrong values (unknown or duplicate keys, values of
// the wrong type) reports them all, up to 20, as a *[ValidationError] in
// file order; errors.As finds the first *FieldError in either case.
//
// Decode does not validate: call [Agreement.Validate] or [Agreement.Check].
// The agreement remembers where each value was written so that validation
// findings carry lines and columns too.
func Decode(name string, data []byte) (*Agreement, error) {
	a, err := decode(name, data, "")
	if err != nil {
		return nil, err
	}
	return a, nil
}

// decode is [Decode] with the syntax named (or "" to pick it as Decode
// does). When the file parses but has wrong values, it returns the
// agreement holding every value that did decode together with the errors.
func decode(name string, data []byte, syntax Format) (*Agreement, error) {
	if len(data) > MaxSize {
		return nil, &FieldError{File: name, Line: 1, Column: 1, Rule: RuleSize, Param: strconv.Itoa(MaxSize), Severity: SeverityError}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	var (
		root *tnode
		err  error
	)
	if syntax == FormatJSON || syntax == "" && isJSON(name, data) {
		root, err = parseJSON(name, data)
	} else {
		root, err = parseYAML(name, data)
	}
	if err != nil {
		return nil, err
	}
	if root.kind != tMap {
		return nil, &FieldError{File: name, Line: root.pos.line, Column: root.pos.column, Rule: RuleType, Param: "mapping", Value: root.value, Severity: SeverityError}
	}
	d := &decoder{name: name, pos: map[string]position{}}
	if err := d.checkVersion(root); err != nil {
		return nil, err
	}
	a := new(Agreement)
	if err := d.add(d.walk(root, reflect.ValueOf(a).Elem(), "", 0)); err != nil && err != errStop {
		return nil, err
	}
	a.pos = d.pos
	a.source = name
	return a, d.result()
}

// Load reads and decodes the terms file at path; see [Decode]. Files larger
// than [MaxSize] are rejected without being read in full.
func Load(path string) (*Agreement, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("agreement: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("agreement: %s: %w", path, err)
	}
	return Decode(path, data)
}

// DetectLocale returns the locale that a terms file declares with its
// top-level locale key, read without the strict checks of [Decode], so that
// the errors of a file that does not decode can still be given in its own
// language. A file that does not parse is scanned for a top-level
// "locale: …" line. ok is false when the file declares no supported
// locale.
func DetectLocale(name string, data []byte) (l Locale, ok bool) {
	if len(data) > MaxSize {
		return "", false
	}
	if checkText(name, data) != nil {
		return scanLocale(data)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	parse := parseYAML
	if isJSON(name, data) {
		parse = parseJSON
	}
	root, err := parse(name, data)
	if err != nil || root.kind != tMap {
		// A file with a syntax error still says in which language its
		// author reads the error.
		return scanLocale(data)
	}
	for i, k := range root.keys {
		if k.value == "locale" && root.vals[i].kind == tScalar {
			l = Locale(root.vals[i].value)
			return l, slices.Contains(Locales, l)
		}
	}
	return "", false
}

// localeLine matches a top-level locale key in YAML or JSON text.
var localeLine = regexp.MustCompile(`(?m)^(?:locale|[ \t{]*"locale")[ \t]*:[ \t]*["']?(en|zh-Hans|zh-Hant)["']?[ \t]*(?:[,#}]|$)`)

// scanLocale finds the locale in text that does not parse.
func scanLocale(data []byte) (Locale, bool) {
	if m := localeLine.FindSubmatch(data); m != nil {
		return Locale(m[1]), true
	}
	return "", false
}

func isJSON(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// checkText rejects invalid UTF-8 and control characters (binary input)
// with the position of the first offending byte.
func checkText(name string, data []byte) error {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &FieldError{File: name, Line: line, Column: col, Rule: RuleEncoding, Value: fmt.Sprintf("0x%02x", data[i]), Severity: SeverityError}
		case r == '\n':
			line, col = line+1, 0
		case isControl(r):
			return &FieldError{File: name, Line: line, Column: col, Rule: RuleBinary, Value: fmt.Sprintf("U+%04X", r), Severity: SeverityError}
		}
		i += size
		col++
	}
	return nil
}

// isControl reports the characters a terms file may not hold, written out
// or escaped: C0 and C1 controls other than tab, line feed and carriage
// return, DEL, and U+FEFF.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfeff
}
