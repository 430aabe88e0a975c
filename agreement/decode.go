package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"golang.org/x/text/unicode/norm"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
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

// tnode is a parsed YAML or JSON value with its position; the leaves know
// how to decode themselves with their own syntax's rules.
type tnode struct {
	kind   tkind
	pos    position
	keys   []*tnode // tMap: the keys (scalars), in file order
	vals   []*tnode // tMap: the values, aligned with keys; tSeq: the elements
	value  string   // tScalar: the text as written
	quoted bool     // tScalar: written in quotes (a string)
	decode func(v any) error
}

type tkind int

const (
	tNull tkind = iota
	tScalar
	tMap
	tSeq
)

func (k tkind) String() string {
	switch k {
	case tMap:
		return "mapping"
	case tSeq:
		return "list"
	case tNull:
		return "null"
	}
	return "value"
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parseYAML parses exactly one YAML document.
func parseYAML(name string, data []byte) (*tnode, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &FieldError{File: name, Line: 1, Column: 1, Rule: RuleEmpty, Severity: SeverityError}
		}
		return nil, yamlSyntaxError(name, data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		return nil, yamlSyntaxError(name, data, err)
	default:
		return nil, &FieldError{File: name, Line: next.Line, Column: next.Column, Rule: RuleSecondDocument, Severity: SeverityError}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, &FieldError{File: name, Line: 1, Column: 1, Rule: RuleEmpty, Severity: SeverityError}
	}
	return fromYAML(name, doc.Content[0], 0)
}

// yamlSyntaxError turns a parser error into a positioned FieldError. The
// parser reports only a line; the column is that of the line's first
// non-blank character. Its text is kept, untranslated, as the Value.
func yamlSyntaxError(name string, data []byte, err error) error {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	col := 1
	lines := bytes.Split(data, []byte("\n"))
	if line-1 < len(lines) && line >= 1 {
		l := lines[line-1]
		col = utf8.RuneCount(l[:len(l)-len(bytes.TrimLeft(l, " \t"))]) + 1
	}
	param := ""
	leadingTab := func(from, to int) (int, int, bool) {
		for i := max(from, 0); i < min(to, len(lines)); i++ {
			l := lines[i]
			lead := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
			if j := bytes.IndexByte(lead, '\t'); j >= 0 {
				return i + 1, j + 1, true
			}
		}
		return 0, 0, false
	}
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token"):
		// The parser names the line before the tab, the tab's own, or
		// the block's.
		to := line + 1
		if strings.Contains(msg, "tab character") {
			to = len(lines)
		}
		if l, c, ok := leadingTab(line-2, to); ok {
			param, line, col = "tab", l, c
		}
	case strings.Contains(msg, "did not find expected") || strings.Contains(msg, "mapping values are not allowed") ||
		strings.Contains(msg, "could not find expected ':'"):
		// The parser names the block it was reading, or the culprit:
		// find the first line from there indented to no open level.
		if l, c := misindented(lines, line); l > 0 {
			param, line, col = "indent", l, c
		}
	}
	return &FieldError{File: name, Line: line, Column: col, Rule: RuleSyntax, Param: param, Value: msg, Severity: SeverityError, err: err}
}

// misindented returns the 1-based line and column of the first line at or
// after line near whose indentation matches no level open at that point:
// deeper than the line before when that line opens nothing and it is not
// a continuation, or backing out to between two levels. Levels are
// followed from the top of the file; block scalar bodies (after | or >)
// and the continuation lines of plain scalars are skipped. It returns 0, 0
// when no line is at fault.
func misindented(lines [][]byte, near int) (int, int) {
	var stack []int
	var prev []byte
	scalar := -1 // the indentation of the key whose block scalar body is being read
	body := -1   // the indentation of that body, from its first line
	for i := 0; i < len(lines); i++ {
		l := bytes.TrimRight(lines[i], "\r")
		text := bytes.TrimLeft(l, " ")
		ind := len(l) - len(text)
		if scalar >= 0 {
			if len(bytes.TrimSpace(text)) == 0 {
				continue
			}
			if body < 0 && ind > scalar {
				body = ind
			}
			if body >= 0 && ind >= body {
				prev = l // the body opens nothing after it
				continue
			}
			scalar, body = -1, -1
		}
		if len(bytes.TrimSpace(text)) == 0 || text[0] == '#' {
			continue
		}
		report := i+1 >= near
		dedent := false
		for len(stack) > 0 && ind < stack[len(stack)-1] {
			stack, dedent = stack[:len(stack)-1], true
		}
		switch {
		case dedent && (len(stack) == 0 || ind != stack[len(stack)-1]):
			if report {
				return i + 1, ind + 1 // back out to no open level
			}
			stack = append(stack, ind)
		case len(stack) == 0:
			stack = append(stack, ind)
		case ind > stack[len(stack)-1]:
			if !opensBlock(prev) {
				if !looksLikeKey(text) {
					continue // a plain scalar's continuation line
				}
				if report {
					return i + 1, ind + 1 // a key deeper than the line before allows
				}
			}
			stack = append(stack, ind)
		}
		prev = l
		if bytes.HasPrefix(text, []byte("- ")) {
			stack = append(stack, ind+2)
		}
		if blockScalar(l) {
			scalar = ind
		}
	}
	return 0, 0
}

// looksLikeKey reports a line that starts a mapping entry or list item.
func looksLikeKey(t []byte) bool {
	t = bytes.TrimSpace(t)
	return bytes.HasPrefix(t, []byte("- ")) || bytes.Contains(t, []byte(": ")) || bytes.HasSuffix(t, []byte(":"))
}

// blockScalar reports a line whose value is a block scalar (| or >, with
// an optional chomping indicator), whose body lines follow, deeper.
func blockScalar(l []byte) bool {
	t := bytes.TrimSpace(l)
	if i := bytes.Index(t, []byte(" #")); i >= 0 {
		t = bytes.TrimSpace(t[:i])
	}
	for _, ind := range []string{"|", ">", "|-", ">-", "|+", ">+"} {
		if bytes.HasSuffix(t, []byte(": "+ind)) || bytes.HasSuffix(t, []byte("- "+ind)) || string(t) == ind {
			return true
		}
	}
	return false
}

// opensBlock reports a line after which a deeper indentation is expected:
// it ends in a colon (a key whose value follows), a block scalar
// indicator, or is a list item.
func opensBlock(l []byte) bool {
	t := bytes.TrimSpace(l)
	if i := bytes.Index(t, []byte(" #")); i >= 0 {
		t = bytes.TrimSpace(t[:i])
	}
	return bytes.HasSuffix(t, []byte(":")) || bytes.HasSuffix(t, []byte("|")) || bytes.HasSuffix(t, []byte(">")) ||
		bytes.HasSuffix(t, []byte("|-")) || bytes.HasSuffix(t, []byte(">-")) || bytes.HasPrefix(t, []byte("- ")) ||
		bytes.HasSuffix(t, []byte("[")) || bytes.HasSuffix(t, []byte("{")) || bytes.HasSuffix(t, []byte(","))
}

func fromYAML(name string, n *yaml.Node, depth int) (*tnode, error) {
	pos := position{n.Line, n.Column}
	fail := func(rule, value string) error {
		return &FieldError{File: name, Line: pos.line, Column: pos.column, Rule: rule, Value: value, Severity: SeverityError}
	}
	if depth > maxDepth {
		return nil, &FieldError{File: name, Line: pos.line, Column: pos.column, Rule: RuleDepth, Param: strconv.Itoa(maxDepth), Severity: SeverityError}
	}
	if n.Kind == yaml.AliasNode {
		return nil, fail(RuleAlias, n.Value)
	}
	if n.Anchor != "" {
		return nil, fail(RuleAlias, n.Anchor)
	}
	t := &tnode{pos: pos}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style&yaml.TaggedStyle != 0 {
			switch n.ShortTag() {
			case "!!str", "!!int", "!!bool", "!!null":
			default: // !!binary, !!float, custom tags: nothing in the format needs them
				return nil, fail(RuleSyntax, "YAML tag "+n.Tag+" is not allowed")
			}
		}
		if n.ShortTag() == "!!null" {
			t.kind = tNull
			return t, nil
		}
		t.kind, t.value, t.decode = tScalar, n.Value, n.Decode
		t.quoted = n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || n.ShortTag() == "!!str" && n.Style&yaml.TaggedStyle != 0
	case yaml.MappingNode:
		t.kind = tMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := fromYAML(name, n.Content[i], depth+1)
			if err != nil {
				return nil, err
			}
			if k.kind != tScalar {
				return nil, &FieldError{File: name, Line: k.pos.line, Column: k.pos.column, Rule: RuleKeyType, Severity: SeverityError}
			}
			v, err := fromYAML(name, n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			t.keys, t.vals = append(t.keys, k), append(t.vals, v)
		}
	case yaml.SequenceNode:
		t.kind = tSeq
		for _, c := range n.Content {
			v, err := fromYAML(name, c, depth+1)
			if err != nil {
				return nil, err
			}
			t.vals = append(t.vals, v)
		}
	default:
		return nil, fail(RuleSyntax, "unexpected YAML node")
	}
	return t, nil
}

// jsonParser builds a tnode tree from encoding/json's token stream, with
// positions computed from byte offsets.
type jsonParser struct {
	name  string
	data  []byte
	dec   *json.Decoder
	lines []int // byte offset of the start of each line
}

func parseJSON(name string, data []byte) (*tnode, error) {
	p := &jsonParser{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: []int{0}}
	p.dec.UseNumber()
	for i, b := range data {
		if b == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	start := p.skip(int(p.dec.InputOffset()))
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, p.fail(start, RuleTrailingData, "")
	}
	return root, nil
}

// at converts a byte offset into a position (column counted in characters).
func (p *jsonParser) at(off int) position {
	lo, hi := 0, len(p.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if p.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	if off > len(p.data) {
		off = len(p.data)
	}
	return position{lo + 1, utf8.RuneCount(p.data[p.lines[lo]:off]) + 1}
}

func (p *jsonParser) fail(off int, rule, value string) error {
	pos := p.at(off)
	return &FieldError{File: p.name, Line: pos.line, Column: pos.column, Rule: rule, Value: value, Severity: SeverityError}
}

// skip returns the offset of the next token at or after off.
func (p *jsonParser) skip(off int) int {
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jsonParser) token() (json.Token, int, error) {
	start := p.skip(int(p.dec.InputOffset()))
	tok, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		off := start
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			off = len(p.data)
			return nil, 0, p.fail(off, RuleSyntax, "unexpected end of JSON input")
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		fe := p.fail(off, RuleSyntax, msg).(*FieldError)
		fe.err = err
		return nil, 0, fe
	}
	return tok, start, nil
}

func (p *jsonParser) value(depth int) (*tnode, error) {
	tok, start, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(tok, start, depth)
}

func (p *jsonParser) valueFrom(tok json.Token, start, depth int) (*tnode, error) {
	t := &tnode{pos: p.at(start)}
	if depth > maxDepth {
		fe := p.fail(start, RuleDepth, "").(*FieldError)
		fe.Param = strconv.Itoa(maxDepth)
		return nil, fe
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			t.kind = tMap
			for p.dec.More() {
				ktok, kstart, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := ktok.(string)
				// Duplicate keys are reported by the walk, which knows the path.
				k := &tnode{kind: tScalar, pos: p.at(kstart), value: key}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				t.keys, t.vals = append(t.keys, k), append(t.vals, v)
			}
			if _, _, err := p.token(); err != nil { // '}'
				return nil, err
			}
		case '[':
			t.kind = tSeq
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				t.vals = append(t.vals, v)
			}
			if _, _, err := p.token(); err != nil { // ']'
				return nil, err
			}
		default:
			return nil, p.fail(start, RuleSyntax, "unexpected "+tok.String())
		}
	case nil:
		t.kind = tNull
	default:
		raw := append([]byte(nil), p.data[start:p.dec.InputOffset()]...)
		t.kind = tScalar
		t.value = strings.Trim(string(raw), `"`)
		if s, ok := tok.(string); ok {
			t.value, t.quoted = s, true
		}
		t.decode = func(v any) error { return json.Unmarshal(raw, v) }
	}
	return t, nil
}

// decoder walks a tnode tree into the model, rejecting unknown and
// duplicate keys and recording where each path was written.
type decoder struct {
	name string
	pos  map[string]position
	errs []*FieldError // what the walk found, in file order
}

// maxDecodeErrors bounds the errors one decode reports: enough to fix a
// file in one pass, not a flood for a file that is something else.
const maxDecodeErrors = 20

// errStop ends a walk that has found maxDecodeErrors errors.
var errStop = errors.New("agreement: too many errors")

// add records an error the walk can go on after (a value it leaves unset);
// it returns errStop when there are enough.
func (d *decoder) add(err error) error {
	if err == nil || err == errStop {
		return err
	}
	fe, ok := err.(*FieldError)
	if !ok {
		return err
	}
	d.errs = append(d.errs, fe)
	if len(d.errs) >= maxDecodeErrors {
		return errStop
	}
	return nil
}

// result returns the errors the walk found: nil, the one *FieldError, or a
// *ValidationError holding them in file order.
func (d *decoder) result() error {
	switch len(d.errs) {
	case 0:
		return nil
	case 1:
		return d.errs[0]
	}
	return &ValidationError{Fields: d.errs}
}

func (d *decoder) fail(pos position, path, rule, param, value string) *FieldError {
	return &FieldError{File: d.name, Path: path, Line: pos.line, Column: pos.column, Rule: rule, Param: param, Value: value, Severity: SeverityError}
}

// checkVersion rejects a format version newer than FormatVersion before
// anything else, so that a newer file's unknown keys are reported as what
// they are: a newer format.
func (d *decoder) checkVersion(root *tnode) error {
	for i, k := range root.keys {
		if k.value != "tradepact" {
			continue
		}
		v := root.vals[i]
		var n int
		if v.kind != tScalar || v.decode(&n) != nil {
			return nil // the walk reports the type error
		}
		if n > FormatVersion {
			return d.fail(v.pos, "tradepact", RuleVersion, strconv.Itoa(FormatVersion), v.value)
		}
	}
	return nil
}

var (
	textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// isLeaf reports whether values of type t decode themselves from a scalar.
func isLeaf(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(textUnmarshaler) || pt.Implements(yamlUnmarshaler) || pt.Implements(jsonUnmarshaler)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) walk(n *tnode, v reflect.Value, path string, depth int) error {
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = n.pos
	}
	if n.kind == tNull {
		v.SetZero()
		return nil
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return d.walk(n, v.Elem(), path, depth)
	}
	if isLeaf(t) {
		return d.leaf(n, v, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.kind != tMap {
			return d.fail(n.pos, path, RuleType, "mapping", n.value)
		}
		fields := structFields(t)
		seen := map[string]position{}
		for i, k := range n.keys {
			p := join(path, k.value)
			if first, dup := seen[k.value]; dup {
				if err := d.add(d.fail(k.pos, p, RuleDuplicateKey, fmt.Sprintf("%d:%d", first.line, first.column), k.value)); err != nil {
					return err
				}
				continue
			}
			seen[k.value] = k.pos
			idx, ok := fields[k.value]
			if !ok {
				if err := d.add(d.fail(k.pos, p, RuleUnknownKey, path, k.value)); err != nil {
					return err
				}
				continue
			}
			d.pos[p] = k.pos
			if err := d.add(d.walk(n.vals[i], v.Field(idx), p, depth+1)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if n.kind != tSeq {
			return d.fail(n.pos, path, RuleType, "list", n.value)
		}
		s := reflect.MakeSlice(t, len(n.vals), len(n.vals))
		for i, e := range n.vals {
			if err := d.add(d.walk(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	return d.leaf(n, v, path)
}

func (d *decoder) leaf(n *tnode, v reflect.Value, path string) error {
	want := expected(v.Type())
	if n.kind != tScalar {
		return d.fail(n.pos, path, RuleType, want, n.kind.String())
	}
	// YAML would read yes, on and Y as true, and 2.9 or 1e1 into a whole
	// number (truncated): only true, false and decimal digits are what
	// they look like, and what a JSON file may hold.
	switch want {
	case "bool":
		if n.quoted && (n.value == "true" || n.value == "false") {
			return d.fail(n.pos, path, RuleType, "quoted", n.value)
		}
		if n.value != "true" && n.value != "false" {
			return d.fail(n.pos, path, RuleType, want, n.value)
		}
	case "integer":
		if n.quoted && isInteger(n.value) {
			return d.fail(n.pos, path, RuleType, "quoted", n.value)
		}
		if !isInteger(n.value) {
			if half := halfWidth(want, n.value); half != "" {
				return d.fail(n.pos, path, RuleFullWidth, half, n.value)
			}
			if v := strings.TrimPrefix(n.value, "-"); len(v) > 1 && v[0] == '0' && isInteger(strings.TrimLeft(v, "0")+"0") {
				return d.fail(n.pos, path, RuleType, "leading_zero", n.value)
			}
			return d.fail(n.pos, path, RuleType, want, n.value)
		}
	}
	err := n.decode(v.Addr().Interface())
	if err == nil && v.Kind() == reflect.String {
		if !utf8.ValidString(v.String()) {
			return d.fail(n.pos, path, RuleEncoding, "", n.value)
		}
		// Escapes ("\x01", "\u0080") must not smuggle in what the text
		// itself may not hold, or the terms would not re-encode.
		if i := strings.IndexFunc(v.String(), isControl); i >= 0 {
			r, _ := utf8.DecodeRuneInString(v.String()[i:])
			return d.fail(n.pos, path, RuleControl, "", fmt.Sprintf("U+%04X", r))
		}
	}
	if err != nil {
		// Only a value that fails is looked at again: full-width digits
		// typed by a Chinese input method.
		if half := halfWidth(want, n.value); half != "" {
			return d.fail(n.pos, path, RuleFullWidth, half, n.value)
		}
		if want == "date" && looksLikeDate(n.value) {
			want = "calendar_date" // 2026-11-31: the form is right, the day is not
		}
		fe := d.fail(n.pos, path, RuleType, want, n.value)
		fe.err = err
		var ae *AmountError
		if errors.As(err, &ae) {
			switch ae.Rule {
			case RuleFloat, RuleNegative, RuleOverflow:
				fe.Rule, fe.Param = ae.Rule, ""
				if _, err := ParseAmount(n.value); ae.Rule == RuleFloat && err != nil {
					fe.Param = "spelling" // 1e3, .5: quoting it would not make an amount
				}
			}
		}
		return fe
	}
	return nil
}

// halfWidth returns the half-width spelling of an amount, whole number or
// date typed with full-width digits or punctuation (９２０, ２０２６－１１－２２,
// as Chinese input methods type them), or "" if s is not one.
func halfWidth(want, s string) string {
	h := norm.NFKC.String(s)
	if h == s {
		return ""
	}
	ok := false
	switch want {
	case "amount":
		_, err := ParseAmount(h)
		ok = err == nil
	case "integer":
		ok = isInteger(h)
	case "date":
		_, err := ParseDate(h)
		ok = err == nil
	}
	if !ok {
		return ""
	}
	if want == "amount" {
		return `"` + h + `"`
	}
	return h
}

// looksLikeDate reports YYYY-MM-DD digits, whatever their values.
func looksLikeDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// isInteger reports an optional minus sign followed by decimal digits,
// without a leading zero (YAML reads 010 as octal 8).
func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// expected names what a leaf of type t must be written as; it is the Param
// of a type error and selects the message.
func expected(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Amount]():
		return "amount"
	case reflect.TypeFor[Date]():
		return "date"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	}
	return "text"
}

// structFields maps a struct's yaml keys to field indexes.
func structFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = i
	}
	return m
}
