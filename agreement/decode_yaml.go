package agreement

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

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
