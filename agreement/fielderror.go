package agreement

import (
	"fmt"
	"strings"
)

// Severity says whether a finding blocks rendering and signing.
type Severity string

// The severities of a [FieldError].
const (
	// SeverityError blocks rendering and signing.
	SeverityError Severity = "error"
	// SeverityWarning is advice: the terms are usable but a dispute is
	// likelier than it need be.
	SeverityWarning Severity = "warning"
)

// FieldError is one finding about a terms file: a decoding error, or a
// validation error or warning.
//
// Rule names the check that failed: a go-playground/validator tag
// ("required", "oneof", "max", …) for field rules, or one of the Rule
// constants of this package for decoding and cross-field rules. Param is the
// rule's parameter ("20%", the other path, the allowed values, …); Value is
// the offending value as written, where there is one. Messages for people
// come from Rule and Param, in the language asked for: see [FieldError.Message].
type FieldError struct {
	// File is the name given to [Decode], if any.
	File string
	// Path is the value's path in the file's own keys, with 0-based list
	// indexes: items[1].unit_price. It is empty for errors about the file
	// as a whole (syntax, size, encoding).
	Path string
	// Line and Column locate the value in the file (1-based); 0 when the
	// agreement was not decoded from a file. A missing value is located at
	// the nearest enclosing value the file does have.
	Line, Column int
	Rule         string
	Param        string
	Value        string
	Severity     Severity

	// msgs holds the validator's translations of a field rule, by locale
	// (en, zh-Hans, zh-Hant), computed when the finding was made.
	msgs *[3]string
	err  error // the underlying decoding error, if any
}

// Error returns "agreement: FILE:LINE:COL: PATH: message" (English), leaving
// out the parts the finding does not have.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("agreement: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if e.File != "" || e.Line > 0 {
		b.WriteString(" ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Message(LocaleEN))
	return b.String()
}

// Unwrap returns the underlying YAML or JSON error of a decoding error, or nil.
func (e *FieldError) Unwrap() error { return e.err }

// Message returns the finding as a sentence for people in locale l (en,
// zh-Hans or zh-Hant; anything else is English). It does not repeat the
// path, the position or the severity.
func (e *FieldError) Message(l Locale) string {
	i := localeIndex(l)
	if e.msgs != nil && e.msgs[i] != "" {
		return e.msgs[i]
	}
	return message(e.Rule, i, readableParam(e.Rule, e.Param, l), readableValue(e.Rule, e.Value, l))
}

func localeIndex(l Locale) int {
	switch l {
	case LocaleZHHans:
		return 1
	case LocaleZHHant:
		return 2
	}
	return 0
}

// ValidationError is returned by [Agreement.Check] when the terms have
// error-severity findings. Fields holds those errors in file order.
type ValidationError struct {
	Fields []*FieldError
}

// Error returns the first error and how many more there are.
func (e *ValidationError) Error() string {
	switch len(e.Fields) {
	case 0:
		return "agreement: invalid terms"
	case 1:
		return e.Fields[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", e.Fields[0].Error(), len(e.Fields)-1)
}

// Unwrap returns the findings, for errors.As and errors.Is.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		errs[i] = f
	}
	return errs
}
