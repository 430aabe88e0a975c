// Package format is the wire format of a tradepact contract file: the JSON
// structure, its strict parser, its canonical writer and the entry hash that
// chains the history. It knows nothing about terms, keys or signatures; the
// confirm package gives the fields their meaning. The specification is
// doc/contract-file.md.
package format

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/gowebpki/jcs"
)

// Version is the contract-file format version written for a file whose
// keys are all Ed25519; VersionP256 is written once a P-256 key confirms.
// Readers accept both.
// VersionPDF is written when the file holds PDF signatures
// (pdf_signatures, doc/pdf-signatures.md).
const (
	Version     = 1
	VersionP256 = 2
	VersionPDF  = 3
)

// EntryDomain prefixes the canonical JSON of an entry when it is hashed.
const EntryDomain = "tradepact contract entry v1\n"

// Entry types.
const (
	TypeRevision     = "revision"
	TypeConfirmation = "confirmation"
)

// File is a contract file.
type File struct {
	Version int      `json:"tradepact_contract"`
	ID      string   `json:"id"`
	Entries []*Entry `json:"entries"`
	// PDFSignatures are the PAdES signatures made with P-256
	// confirmations (version 3). They lie outside the hash chain.
	PDFSignatures []*PDFSignature `json:"pdf_signatures,omitempty"`
}

// PDFSignature is the stored pieces of one party's PDF signature: the
// device's signatures of its certificate and of the CMS signed attributes
// over the PDF of the revision, made at confirmation time.
type PDFSignature struct {
	Confirmation     string   `json:"confirmation"` // the hash of the confirmation entry
	Renderer         string   `json:"renderer"`     // render.Version of the PDF signed
	Certificate      []byte   `json:"certificate"`  // DER
	Chain            [][]byte `json:"chain,omitempty"`
	SignedAttributes []byte   `json:"signed_attributes"` // DER SET
	Signature        []byte   `json:"signature"`         // r ‖ s
}

// Template identifies the template set that rendered a revision.
type Template struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Digest  string `json:"digest"`
}

// Change is one field that differs from the previous revision. Old is absent
// when the field was added, New when it was removed.
type Change struct {
	Path string          `json:"path"`
	Old  json.RawMessage `json:"old,omitempty"`
	New  json.RawMessage `json:"new,omitempty"`
}

// Entry is one entry of the history: a revision or a confirmation. Fields
// that do not belong to the entry's type must be empty.
type Entry struct {
	Type     string `json:"type"`
	Prev     string `json:"prev,omitempty"`
	Revision int    `json:"revision"`
	Time     string `json:"time"`

	// Revision.
	Author   string          `json:"author,omitempty"`
	Terms    json.RawMessage `json:"terms,omitempty"`
	Document string          `json:"document,omitempty"`
	Changes  []Change        `json:"changes,omitempty"`

	// Both.
	AgreementDigest string    `json:"agreement_digest"`
	DocumentDigest  string    `json:"document_digest"`
	Template        *Template `json:"template"`

	// Confirmation.
	Role      string `json:"role,omitempty"`
	Account   string `json:"account,omitempty"`
	Key       string `json:"key,omitempty"`
	Signature string `json:"signature,omitempty"`
}

// ErrSyntax wraps every error that makes data not a contract file at all.
var ErrSyntax = errors.New("not a contract file")

// Parse decodes a contract file strictly: the JSON must be valid and free
// of duplicate object keys, unknown fields and trailing data. Parse checks
// the structure only, not what the values mean.
func Parse(data []byte) (*File, error) {
	if _, err := jcs.Transform(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	f := new(File)
	if err := d.Decode(f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the contract", ErrSyntax)
	}
	if err := checkKeys(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	for i, e := range f.Entries {
		if e == nil {
			return nil, fmt.Errorf("%w: entries[%d] is null", ErrSyntax, i)
		}
		// Terms and change values are hashed and signed in their
		// canonical form; written otherwise ("quantity": 1.0 or
		// 1.9999999999999999 for 2) they would show a reader of the file
		// other numbers than those signed.
		if err := canonicalNumbers(e.Terms); err != nil {
			return nil, &EntryError{Entry: i + 1, Field: "terms", Err: err}
		}
		for j, c := range e.Changes {
			for _, v := range []json.RawMessage{c.Old, c.New} {
				if err := canonicalNumbers(v); err != nil {
					return nil, &EntryError{Entry: i + 1, Field: fmt.Sprintf("changes[%d]", j), Err: err}
				}
			}
		}
		compactChanges(e)
		if len(e.Terms) > 0 {
			e.Terms = compact(e.Terms)
		}
	}
	return f, nil
}

// Read decodes a contract file for a status read of a file that was
// parsed with [Parse] and verified when it came in: it is one JSON value of
// the file's structure, without unknown fields, null entries or data after
// it. Unlike Parse it does not check the file's strict form (duplicate
// object keys, keys spelled in another case, numbers written otherwise than
// RFC 8785 writes them), which costs two thirds of Parse: what it returns
// is what encoding/json reads, and every value that the entry hashes and
// signatures cover is still checked by them. Terms are compacted with
// [json.Compact], which for a file that [Marshal] wrote is their RFC 8785
// form (the caller falls back to [Canonical] when their digest differs);
// change values, which are small, are put in RFC 8785 form.
func Read(data []byte) (*File, error) {
	if f, ok := readFast(data); ok {
		return f, nil
	}
	return readJSON(data)
}

// compactChanges puts the old and new values of e's changes in their
// compact form, as Parse and Read both return them.
func compactChanges(e *Entry) {
	for j, c := range e.Changes {
		if len(c.Old) > 0 {
			e.Changes[j].Old = compact(c.Old)
		}
		if len(c.New) > 0 {
			e.Changes[j].New = compact(c.New)
		}
	}
}

// readJSON is Read by encoding/json.
func readJSON(data []byte) (*File, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	f := new(File)
	if err := d.Decode(f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the contract", ErrSyntax)
	}
	for i, e := range f.Entries {
		if e == nil {
			return nil, fmt.Errorf("%w: entries[%d] is null", ErrSyntax, i)
		}
		compactChanges(e)
		if len(e.Terms) > 0 {
			var b bytes.Buffer
			b.Grow(len(e.Terms))
			if err := json.Compact(&b, e.Terms); err != nil {
				return nil, &EntryError{Entry: i + 1, Field: "terms", Err: err}
			}
			e.Terms = b.Bytes()
		}
	}
	return f, nil
}

// Canonical returns the RFC 8785 form of the JSON value raw.
func Canonical(raw json.RawMessage) (json.RawMessage, error) {
	return jcs.Transform(raw)
}

// EntryError reports a value of an entry that is not in the form the
// format requires.
type EntryError struct {
	Entry int    // counted from 1
	Field string // the entry's field
	Err   error
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("entries[%d].%s: %v", e.Entry-1, e.Field, e.Err)
}

func (e *EntryError) Unwrap() error { return e.Err }

// ErrNumberForm is wrapped by the error for a number not written in its
// RFC 8785 form.
var ErrNumberForm = errors.New("a number not in its canonical form")

// canonicalNumbers checks that every number in the JSON value raw is
// written as RFC 8785 writes it. raw is part of a file that decoded, so it
// is valid JSON: a scan that skips strings finds every number literal.
func canonicalNumbers(raw json.RawMessage) error {
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
			i++
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(raw) && bytes.IndexByte([]byte("+-0123456789.eE"), raw[j]) >= 0 {
				j++
			}
			if err := canonicalNumber(raw[i:j]); err != nil {
				return err
			}
			i = j
		default:
			i++
		}
	}
	return nil
}

// canonicalNumber checks one number literal: an integer of up to 15
// digits without a leading zero is canonical as it stands; anything else is
// compared with its RFC 8785 form.
func canonicalNumber(n []byte) error {
	d := bytes.TrimPrefix(n, []byte("-"))
	if len(d) > 0 && len(d) <= 15 && (d[0] != '0' || len(d) == 1) && !bytes.Equal(n, []byte("-0")) &&
		bytes.IndexFunc(d, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return nil
	}
	c, err := jcs.Transform(n)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNumberForm, n, err)
	}
	if !bytes.Equal(c, n) {
		return fmt.Errorf("%w: %s is written %s in canonical form, which is what was signed", ErrNumberForm, n, c)
	}
	return nil
}

// The keys of each object of the format, spelled exactly.
var (
	fileKeys     = keySet("tradepact_contract", "id", "entries", "pdf_signatures")
	entryKeys    = keySet("type", "prev", "revision", "time", "author", "terms", "document", "changes", "agreement_digest", "document_digest", "template", "role", "account", "key", "signature")
	templateKeys = keySet("name", "version", "digest")
	pdfSigKeys   = keySet("confirmation", "renderer", "certificate", "chain", "signed_attributes", "signature")
	changeKeys   = keySet("path", "old", "new")
)

func keySet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// checkKeys rejects object keys that the format does not spell exactly.
// encoding/json matches keys without regard to case ("Role", "ROLE", and
// "ſignature" with a long s for "signature"), so DisallowUnknownFields
// lets them through: a file could then show one value under "role" to a
// strict reader and another, under "Role", to this one. Data has already
// decoded into a File, so every value has the expected JSON type.
func checkKeys(data []byte) error {
	var f map[string]json.RawMessage
	if err := objectKeys(data, fileKeys, &f, "the file"); err != nil {
		return err
	}
	var entries []json.RawMessage
	if err := json.Unmarshal(f["entries"], &entries); err != nil {
		return err
	}
	var sigs []json.RawMessage
	if raw, ok := f["pdf_signatures"]; ok {
		if err := json.Unmarshal(raw, &sigs); err != nil {
			return err
		}
	}
	for i, raw := range sigs {
		if err := objectKeys(raw, pdfSigKeys, nil, fmt.Sprintf("pdf_signatures[%d]", i)); err != nil {
			return err
		}
	}
	for i, raw := range entries {
		var e map[string]json.RawMessage
		where := fmt.Sprintf("entries[%d]", i)
		if err := objectKeys(raw, entryKeys, &e, where); err != nil {
			return err
		}
		if t, ok := e["template"]; ok {
			if err := objectKeys(t, templateKeys, nil, where+".template"); err != nil {
				return err
			}
		}
		var changes []json.RawMessage
		if c, ok := e["changes"]; ok {
			if err := json.Unmarshal(c, &changes); err != nil {
				return err
			}
		}
		for j, c := range changes {
			if err := objectKeys(c, changeKeys, nil, fmt.Sprintf("%s.changes[%d]", where, j)); err != nil {
				return err
			}
		}
	}
	return nil
}

// objectKeys decodes the JSON object raw (or null) into *m and checks that
// every key is in allowed.
func objectKeys(raw json.RawMessage, allowed map[string]bool, m *map[string]json.RawMessage, where string) error {
	var obj map[string]json.RawMessage
	if m == nil {
		m = &obj
	}
	if err := json.Unmarshal(raw, m); err != nil {
		return err
	}
	for k := range *m {
		if !allowed[k] {
			return fmt.Errorf("%s: unknown field %q", where, k)
		}
	}
	return nil
}

func compact(raw json.RawMessage) json.RawMessage {
	c, err := jcs.Transform(raw)
	if err != nil { // cannot happen: the whole file passed jcs.Transform
		return raw
	}
	return c
}

// Marshal writes f in its canonical layout: indented JSON, HTML characters
// not escaped, terms and change values in RFC 8785 form, a final newline.
func Marshal(f *File) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Hash returns the SHA-256 of EntryDomain followed by the RFC 8785 form of
// the entry's JSON. The chain head after an entry is its hash; each entry's
// Prev is the head before it.
func Hash(e *Entry) ([32]byte, error) {
	bp := entryBufs.Get().(*[]byte)
	defer entryBufs.Put(bp)
	if c, ok := canonicalEntry((*bp)[:0], e); ok {
		h := sha256.New()
		h.Write([]byte(EntryDomain))
		h.Write(c)
		var out [32]byte
		h.Sum(out[:0])
		if cap(c) <= 1<<20 {
			*bp = c[:0] // kept for the next entry; a huge one is let go
		}
		return out, nil
	}
	return slowHash(e)
}

// entryBufs holds the buffers Hash writes an entry's canonical form in:
// a contract text, escaped, outgrew any size guessed from the entry, and
// the buffers were a third of what a status read allocated.
var entryBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// slowHash is Hash by the definition: encoding/json, then RFC 8785.
func slowHash(e *Entry) ([32]byte, error) {
	raw, err := json.Marshal(e)
	if err != nil {
		return [32]byte{}, err
	}
	c, err := jcs.Transform(raw)
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	h.Write([]byte(EntryDomain))
	h.Write(c)
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}

// canonicalEntry writes the RFC 8785 form of e's JSON directly, as
// json.Marshal followed by jcs.Transform would, without building and
// re-parsing the JSON (the entry hash was a quarter of the cost of reading
// a contract file). Keys are ASCII, so their sorted order is fixed; string
// values are escaped as RFC 8785 escapes them; raw values (terms, change
// values) are those Parse compacted or the canonical forms the confirm
// package made, already RFC 8785. It reports false, for Hash to take the
// long way, when a number is outside what RFC 8785 writes exactly.
func canonicalEntry(b []byte, e *Entry) ([]byte, bool) {
	if e.Revision > 1<<53 || e.Revision < -(1<<53) {
		return nil, false
	}
	first := true
	key := func(k string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
	}
	str := func(k, v string, omitEmpty bool) {
		if omitEmpty && v == "" {
			return
		}
		key(k)
		b = appendString(b, v)
	}
	raw := func(k string, v json.RawMessage) {
		if len(v) == 0 {
			return
		}
		key(k)
		b = append(b, v...)
	}
	b = append(b, '{')
	str("account", e.Account, true)
	str("agreement_digest", e.AgreementDigest, false)
	str("author", e.Author, true)
	if len(e.Changes) > 0 {
		key("changes")
		b = append(b, '[')
		for i, c := range e.Changes {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			first = true
			raw("new", c.New)
			raw("old", c.Old)
			str("path", c.Path, false)
			b = append(b, '}')
		}
		b = append(b, ']')
		first = false
	}
	str("document", e.Document, true)
	str("document_digest", e.DocumentDigest, false)
	str("key", e.Key, true)
	str("prev", e.Prev, true)
	key("revision")
	b = strconv.AppendInt(b, int64(e.Revision), 10)
	str("role", e.Role, true)
	str("signature", e.Signature, true)
	key("template")
	if e.Template == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		first = true
		str("digest", e.Template.Digest, false)
		str("name", e.Template.Name, false)
		str("version", e.Template.Version, false)
		b = append(b, '}')
		first = false
	}
	raw("terms", e.Terms)
	str("time", e.Time, false)
	str("type", e.Type, false)
	b = append(b, '}')
	return b, true
}

// appendString appends s as an RFC 8785 string: '"' and '\\' escaped,
// the controls with a short escape as such, the other controls as \u00xx,
// everything else as it is; invalid UTF-8 becomes U+FFFD, as
// encoding/json makes it.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	// Runs of bytes that stand as they are (printable ASCII other than
	// the quote and the backslash, and valid UTF-8) are copied at once;
	// the contract text is most of an entry.
	start := 0
	valid := utf8.ValidString(s) // then bytes from 0x80 up stand as they are
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf && valid {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
			b = append(b, s[start:i]...)
			b = utf8.AppendRune(b, utf8.RuneError) // as encoding/json writes a byte that is not UTF-8
			i++
			start = i
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
