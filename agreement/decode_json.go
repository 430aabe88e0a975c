package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonParser builds a tnode tree from encoding/json's token stream, with
// positions computed from byte offsets.
type jsonParser struct {
	name string
	data []byte
	dec  *json.Decoder
	// cur is the position of byte offset curOff. Tokens are read in file
	// order, so at advances it over the bytes since the last call: the
	// positions of a whole file cost one pass over it, however long its
	// lines (a browser sends JSON on one line).
	cur    position
	curOff int
}

func parseJSON(name string, data []byte) (*tnode, error) {
	p := &jsonParser{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), cur: position{1, 1}}
	p.dec.UseNumber()
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

// at converts a byte offset into a position (column counted in
// characters). Offsets at or after the last one asked for cost the bytes
// between them; an earlier offset (only an error's) is counted from the
// start of the file.
func (p *jsonParser) at(off int) position {
	off = min(max(off, 0), len(p.data))
	if off < p.curOff {
		p.cur, p.curOff = position{1, 1}, 0
	}
	for i := p.curOff; i < off; {
		c := p.data[i]
		switch {
		case c == '\n':
			p.cur.line, p.cur.column = p.cur.line+1, 1
			i++
			continue
		case c < utf8.RuneSelf:
			i++
		default:
			_, size := utf8.DecodeRune(p.data[i:off])
			i += size
		}
		p.cur.column++
	}
	p.curOff = off
	return p.cur
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
