package format

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gowebpki/jcs"
)

// readFast decodes data as [Read] does, for a file laid out as [Marshal]
// writes it, in one pass over the bytes instead of encoding/json's two
// (its scanner, then its reflection-driven decoder, were a third of a
// status read). It reports false, and Read then decodes with
// encoding/json, for anything else: a null, a duplicate or unknown key,
// a surrogate escape, invalid UTF-8, a number that is not a plain integer,
// data after the file, or values that do not compact. So wherever it
// reports true its result is the one encoding/json gives
// (FuzzReadFast checks this).
func readFast(data []byte) (*File, bool) {
	r := &reader{b: data, s: string(data)}
	f := new(File)
	var seen uint32
	ok := r.object(func(k string) bool {
		switch k {
		case "tradepact_contract":
			return r.once(&seen, 0) && r.int(&f.Version)
		case "id":
			return r.once(&seen, 1) && r.str(&f.ID)
		case "entries":
			if !r.once(&seen, 2) || !r.byte('[') {
				return false
			}
			f.Entries = []*Entry{}
			if r.byte(']') {
				return true
			}
			for {
				e, ok := r.entry()
				if !ok {
					return false
				}
				f.Entries = append(f.Entries, e)
				if r.byte(',') {
					continue
				}
				return r.byte(']')
			}
		}
		return false
	})
	if !ok {
		return nil, false
	}
	r.ws()
	if r.i != len(r.b) {
		return nil, false
	}
	for _, e := range f.Entries {
		for j := range e.Changes {
			for _, v := range []*json.RawMessage{&e.Changes[j].Old, &e.Changes[j].New} {
				if len(*v) == 0 {
					continue
				}
				canon, err := jcs.Transform(*v)
				if err != nil {
					return nil, false
				}
				*v = canon
			}
		}
	}
	return f, true
}

func (r *reader) entry() (*Entry, bool) {
	e := new(Entry)
	var seen uint32
	ok := r.object(func(k string) bool {
		switch k {
		case "type":
			return r.once(&seen, 0) && r.str(&e.Type)
		case "prev":
			return r.once(&seen, 1) && r.str(&e.Prev)
		case "revision":
			return r.once(&seen, 2) && r.int(&e.Revision)
		case "time":
			return r.once(&seen, 3) && r.str(&e.Time)
		case "author":
			return r.once(&seen, 4) && r.str(&e.Author)
		case "terms":
			if !r.once(&seen, 5) {
				return false
			}
			t, ok := r.compact(make([]byte, 0, 4096), 0)
			e.Terms = t
			return ok
		case "document":
			return r.once(&seen, 6) && r.str(&e.Document)
		case "changes":
			if !r.once(&seen, 7) || !r.byte('[') {
				return false
			}
			e.Changes = []Change{}
			if r.byte(']') {
				return true
			}
			for {
				var c Change
				var cseen uint32
				ok := r.object(func(k string) bool {
					switch k {
					case "path":
						return r.once(&cseen, 0) && r.str(&c.Path)
					case "old":
						return r.once(&cseen, 1) && r.raw(&c.Old)
					case "new":
						return r.once(&cseen, 2) && r.raw(&c.New)
					}
					return false
				})
				if !ok {
					return false
				}
				e.Changes = append(e.Changes, c)
				if r.byte(',') {
					continue
				}
				return r.byte(']')
			}
		case "agreement_digest":
			return r.once(&seen, 8) && r.str(&e.AgreementDigest)
		case "document_digest":
			return r.once(&seen, 9) && r.str(&e.DocumentDigest)
		case "template":
			if !r.once(&seen, 10) {
				return false
			}
			t := new(Template)
			var tseen uint32
			e.Template = t
			return r.object(func(k string) bool {
				switch k {
				case "name":
					return r.once(&tseen, 0) && r.str(&t.Name)
				case "version":
					return r.once(&tseen, 1) && r.str(&t.Version)
				case "digest":
					return r.once(&tseen, 2) && r.str(&t.Digest)
				}
				return false
			})
		case "role":
			return r.once(&seen, 11) && r.str(&e.Role)
		case "account":
			return r.once(&seen, 12) && r.str(&e.Account)
		case "key":
			return r.once(&seen, 13) && r.str(&e.Key)
		case "signature":
			return r.once(&seen, 14) && r.str(&e.Signature)
		}
		return false
	})
	return e, ok
}

// reader is the state of readFast: the data and the offset reached.
type reader struct {
	b []byte
	s string // b as a string, if set: strings without escapes are cut from it
	i int
}

// once records that the key numbered bit was seen, and reports false for a
// second time.
func (r *reader) once(seen *uint32, bit uint) bool {
	if *seen&(1<<bit) != 0 {
		return false
	}
	*seen |= 1 << bit
	return true
}

func (r *reader) ws() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// byte skips white space and then c, if c is next.
func (r *reader) byte(c byte) bool {
	r.ws()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// object reads an object, calling member for each key with the reader at
// its value.
func (r *reader) object(member func(key string) bool) bool {
	if !r.byte('{') {
		return false
	}
	if r.byte('}') {
		return true
	}
	for {
		var k string
		if !r.str(&k) || !r.byte(':') || !member(k) {
			return false
		}
		if r.byte(',') {
			continue
		}
		return r.byte('}')
	}
}

// str reads a string into *s.
func (r *reader) str(s *string) bool {
	if !r.byte('"') {
		return false
	}
	start := r.i
	for r.i < len(r.b) {
		c := r.b[r.i]
		if c == '"' {
			var v string
			if r.s != "" {
				v = r.s[start:r.i]
			} else {
				v = string(r.b[start:r.i])
			}
			r.i++
			if !utf8.ValidString(v) {
				return false
			}
			*s = v // one copy of the file, not one allocation per string
			return true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		r.i++
	}
	end := r.i // the closing quote, for the buffer's size
	for end < len(r.b) && r.b[end] != '"' {
		if r.b[end] == '\\' {
			end++
		}
		end++
	}
	buf := make([]byte, 0, min(end, len(r.b))-start)
	buf = append(buf, r.b[start:r.i]...)
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			r.i++
			if !utf8.Valid(buf) {
				return false
			}
			*s = string(buf)
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if r.i+1 >= len(r.b) {
				return false
			}
			esc := r.b[r.i+1]
			r.i += 2
			switch esc {
			case '"', '\\', '/':
				buf = append(buf, esc)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				if r.i+4 > len(r.b) {
					return false
				}
				var v rune
				for _, h := range r.b[r.i : r.i+4] {
					switch {
					case '0' <= h && h <= '9':
						v = v<<4 | rune(h-'0')
					case 'a' <= h && h <= 'f':
						v = v<<4 | rune(h-'a'+10)
					case 'A' <= h && h <= 'F':
						v = v<<4 | rune(h-'A'+10)
					default:
						return false
					}
				}
				if 0xd800 <= v && v < 0xe000 {
					return false // surrogates: encoding/json's rules
				}
				buf = utf8.AppendRune(buf, v)
				r.i += 4
			default:
				return false
			}
		default:
			j := r.i
			for j < len(r.b) && r.b[j] != '"' && r.b[j] != '\\' && r.b[j] >= 0x20 {
				j++
			}
			buf = append(buf, r.b[r.i:j]...)
			r.i = j
		}
	}
	return false
}

// int reads an integer written without fraction or exponent into *n.
func (r *reader) int(n *int) bool {
	r.ws()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	d := r.i
	for r.i < len(r.b) && '0' <= r.b[r.i] && r.b[r.i] <= '9' {
		r.i++
	}
	if r.i == d || r.b[d] == '0' && r.i-d > 1 {
		return false
	}
	if r.i < len(r.b) {
		switch r.b[r.i] {
		case '.', 'e', 'E':
			return false
		}
	}
	v, err := strconv.Atoi(string(r.b[start:r.i]))
	*n = v
	return err == nil
}

// raw reads one JSON value into *v as it stands, matching brackets and
// skipping strings; readFast validates it when it compacts it.
func (r *reader) raw(v *json.RawMessage) bool {
	r.ws()
	start, depth := r.i, 0
loop:
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch c {
		case '"':
			for r.i++; r.i < len(r.b) && r.b[r.i] != '"'; r.i++ {
				if r.b[r.i] == '\\' {
					r.i++
				}
			}
			if r.i >= len(r.b) {
				return false
			}
			r.i++
		case '{', '[':
			depth++
			r.i++
		case '}', ']':
			if depth == 0 {
				break loop
			}
			depth--
			r.i++
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				break loop
			}
			r.i++
		default:
			r.i++
		}
		if depth == 0 && (c == '"' || c == '}' || c == ']') {
			break // a whole string, object or array
		}
	}
	if depth != 0 || r.i == start {
		return false
	}
	*v = r.b[start:r.i:r.i]
	return true
}

// StringAt returns the string that encoding/json decodes from the JSON
// object raw at path, a key in each nested object ("" when a key is
// absent), in one pass without reflection. It reports false when it cannot
// be sure of that (a value that is not a string or an object where the
// path needs one, a key repeated or spelled in another case, an escape
// it leaves to encoding/json); the caller then decodes with encoding/json.
// raw must be valid JSON, as Read's terms are.
func StringAt(raw []byte, path ...string) (string, bool) {
	r := &reader{b: raw}
	return r.stringAt(path)
}

func (r *reader) stringAt(path []string) (string, bool) {
	var out string
	found := false
	ok := r.object(func(k string) bool {
		if k != path[0] {
			if strings.EqualFold(k, path[0]) {
				return false
			}
			var skip json.RawMessage
			return r.raw(&skip)
		}
		if found {
			return false
		}
		found = true
		if len(path) == 1 {
			return r.str(&out)
		}
		s, ok := r.stringAt(path[1:])
		out = s
		return ok
	})
	return out, ok
}

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// compact appends the JSON value at the reader to dst without the white
// space outside strings, checking it as encoding/json's scanner does, so
// that it gives what [json.Compact] gives (TestCompact): strings are
// copied as written, escapes checked but not decoded.
func (r *reader) compact(dst []byte, depth int) ([]byte, bool) {
	r.ws()
	if r.i >= len(r.b) {
		return dst, false
	}
	var ok bool
	switch c := r.b[r.i]; {
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return dst, false
		}
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		r.i++
		dst = append(dst, c)
		if r.byte(end) {
			return append(dst, end), true
		}
		for {
			if c == '{' {
				r.ws()
				if dst, ok = r.rawString(dst); !ok || !r.byte(':') {
					return dst, false
				}
				dst = append(dst, ':')
			}
			if dst, ok = r.compact(dst, depth+1); !ok {
				return dst, false
			}
			if r.byte(',') {
				dst = append(dst, ',')
				continue
			}
			if r.byte(end) {
				return append(dst, end), true
			}
			return dst, false
		}
	case c == '"':
		return r.rawString(dst)
	case c == '-' || '0' <= c && c <= '9':
		start := r.i
		if c == '-' {
			r.i++
		}
		switch {
		case r.i < len(r.b) && r.b[r.i] == '0':
			r.i++
		case r.digits() == 0:
			return dst, false
		}
		if r.i < len(r.b) && r.b[r.i] == '.' {
			r.i++
			if r.digits() == 0 {
				return dst, false
			}
		}
		if r.i < len(r.b) && (r.b[r.i] == 'e' || r.b[r.i] == 'E') {
			r.i++
			if r.i < len(r.b) && (r.b[r.i] == '+' || r.b[r.i] == '-') {
				r.i++
			}
			if r.digits() == 0 {
				return dst, false
			}
		}
		return append(dst, r.b[start:r.i]...), true
	}
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(r.b[r.i:], []byte(lit)) {
			r.i += len(lit)
			return append(dst, lit...), true
		}
	}
	return dst, false
}

// digits skips decimal digits and returns how many.
func (r *reader) digits() int {
	start := r.i
	for r.i < len(r.b) && '0' <= r.b[r.i] && r.b[r.i] <= '9' {
		r.i++
	}
	return r.i - start
}

// rawString appends the string at the reader to dst as written, checking
// its escapes and that it has no control characters.
func (r *reader) rawString(dst []byte) ([]byte, bool) {
	if r.i >= len(r.b) || r.b[r.i] != '"' {
		return dst, false
	}
	start := r.i
	for r.i++; r.i < len(r.b); r.i++ {
		switch c := r.b[r.i]; {
		case c == '"':
			r.i++
			return append(dst, r.b[start:r.i]...), true
		case c < 0x20:
			return dst, false
		case c == '\\':
			if r.i+1 >= len(r.b) {
				return dst, false
			}
			r.i++
			switch r.b[r.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if r.i+4 >= len(r.b) {
					return dst, false
				}
				for _, h := range r.b[r.i+1 : r.i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return dst, false
					}
				}
				r.i += 4
			default:
				return dst, false
			}
		}
	}
	return dst, false
}
