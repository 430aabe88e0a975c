package agreement

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Format is the syntax of a terms file.
type Format string

// The syntaxes [DecodeReader] reads.
const (
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// DecodeReader reads one agreement from r in syntax f, whatever name says:
// for a request body or a database column, where there is no file
// extension to go by. name is used in error messages only (it may be
// empty). At most [MaxSize]+1 bytes are read: a larger input is refused
// with a [RuleSize] finding without reading the rest. Decoding is as
// strict as [Decode]'s, with the same errors; an error from r itself is
// returned wrapped, and is not a *[FieldError].
func DecodeReader(r io.Reader, name string, f Format) (*Agreement, error) {
	data, err := readTerms(r, name, f)
	if err != nil {
		return nil, err
	}
	a, err := decode(name, data, f)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// DetectFormat returns the syntax [Decode] would read data in, given its
// name: JSON for a .json name, YAML for .yaml and .yml, and otherwise JSON
// when the first non-blank byte (after a byte-order mark) is '{'.
func DetectFormat(name string, data []byte) Format {
	if isJSON(name, bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
		return FormatJSON
	}
	return FormatYAML
}

func readTerms(r io.Reader, name string, f Format) ([]byte, error) {
	if f != FormatYAML && f != FormatJSON {
		return nil, fmt.Errorf("agreement: unknown format %q: want yaml or json", f)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		if name != "" {
			return nil, fmt.Errorf("agreement: %s: %w", name, err)
		}
		return nil, fmt.Errorf("agreement: %w", err)
	}
	return data, nil
}

// DecodeAndValidate reads terms from r in syntax f, as [DecodeReader]
// does, and validates them, returning every finding of both steps in one
// list sorted by position: a form can show a mistyped amount and a
// missing field after the same submit. findings is empty (not nil) when
// there is nothing to report.
//
// When the input parses but has wrong values (unknown keys, values of the
// wrong type) the values that did decode are validated too; a finding of
// validation about a value that failed to decode, or about something
// inside it, is left out, since the decoding error already says what is
// wrong there. Input that does not parse (a syntax error, too large, not
// text) gives only its decoding error.
//
// a is the decoded agreement when no finding is an error (there may be
// warnings), and nil otherwise. err is for a failure to read r or an
// unknown format; findings are never returned as err.
func DecodeAndValidate(r io.Reader, name string, f Format) (a *Agreement, findings []*FieldError, err error) {
	data, err := readTerms(r, name, f)
	if err != nil {
		return nil, nil, err
	}
	a, derr := decode(name, data, f)
	findings = decodeFindings(derr)
	if derr != nil && findings == nil {
		return nil, nil, derr // not a finding: cannot happen with a reader's bytes, kept for safety
	}
	if a != nil {
		decoded := findings
		for _, v := range a.Validate() {
			if !underAny(v.Path, decoded) {
				findings = append(findings, v)
			}
		}
	}
	slices.SortStableFunc(findings, func(x, y *FieldError) int {
		return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column), strings.Compare(x.Path, y.Path))
	})
	if findings == nil {
		findings = []*FieldError{}
	}
	for _, f := range findings {
		if f.Severity == SeverityError {
			return nil, findings, nil
		}
	}
	return a, findings, nil
}

// decodeFindings returns the findings a decoding error holds.
func decodeFindings(err error) []*FieldError {
	switch e := err.(type) {
	case nil:
		return nil
	case *FieldError:
		return []*FieldError{e}
	case *ValidationError:
		return slices.Clone(e.Fields)
	}
	return nil
}

// underAny reports whether path is the path of one of the decoding
// findings, or inside it. Findings about the whole file (no path) do not
// cover anything.
func underAny(path string, decoded []*FieldError) bool {
	for _, d := range decoded {
		p := d.Path
		if p == "" || d.Rule == RuleUnknownKey {
			continue
		}
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}
