package agreement

import "encoding/json"

// Finding is the JSON form of a [FieldError], for a web form or a script:
// its keys are stable (doc/format.md, "Findings as JSON"), and Message is
// in the locale asked for. Build it with [FieldError.Finding] or
// [Findings]; a *FieldError marshals itself as its English Finding.
type Finding struct {
	// File is the name the terms were decoded under, if any.
	File string `json:"file,omitempty"`
	// Path is the value's path in the file's keys, 0-based list indexes
	// (items[1].unit_price); "" for the file as a whole.
	Path string `json:"path"`
	// Label names the field for people in Locale ("商品 2 › 单价"); ""
	// when Path is "".
	Label string `json:"label,omitempty"`
	// Line and Column locate the value in the file, 1-based; 0 for
	// terms not decoded from a file.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Rule is the check that failed: a validator tag ("required", "oneof",
	// "max") or one of this package's Rule constants.
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Locale is the language of Message and Label.
	Locale  Locale `json:"locale"`
	Message string `json:"message"`
	// Param is the rule's parameter and Value the value as written, where
	// there are any (see [FieldError]).
	Param string `json:"param,omitempty"`
	Value string `json:"value,omitempty"`
	// Allowed lists the choices of an enumerated field, for a finding about
	// one (rule "oneof"), with their labels in Locale.
	Allowed []Choice `json:"allowed,omitempty"`
}

// Choice is one allowed value of an enumerated field and its label.
type Choice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Finding returns the JSON form of the finding with its message and labels
// in locale l (en, zh-Hans or zh-Hant; anything else is English).
func (e *FieldError) Finding(l Locale) Finding {
	if localeIndex(l) == 0 {
		l = LocaleEN
	}
	f := Finding{
		File: e.File, Path: e.Path, Label: FieldLabel(e.Path, l),
		Line: e.Line, Column: e.Column, Rule: e.Rule, Severity: e.Severity,
		Locale: l, Message: e.Message(l), Param: e.Param, Value: e.Value,
	}
	if e.Rule == "oneof" {
		if en, values, ok := AllowedValues(e.Path); ok {
			for _, v := range values {
				label, _ := en.Label(v, l)
				f.Allowed = append(f.Allowed, Choice{Value: v, Label: label})
			}
		}
	}
	return f
}

// MarshalJSON writes the finding as its [Finding] in English.
func (e *FieldError) MarshalJSON() ([]byte, error) {
	return json.Marshal(e.Finding(LocaleEN))
}

// Findings returns the JSON forms of fs in locale l, in the same order;
// an empty slice (which marshals as []) when there are none.
func Findings(fs []*FieldError, l Locale) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Finding(l))
	}
	return out
}

// MarshalJSON writes the errors as a JSON array of their English
// [Finding] forms.
func (e *ValidationError) MarshalJSON() ([]byte, error) {
	return json.Marshal(Findings(e.Fields, LocaleEN))
}
