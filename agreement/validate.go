package agreement

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	"github.com/go-playground/locales/zh_Hant_TW"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	en_translations "github.com/go-playground/validator/v10/translations/en"
	zh_translations "github.com/go-playground/validator/v10/translations/zh"
	zh_tw_translations "github.com/go-playground/validator/v10/translations/zh_tw"
)

// fieldValidator is the validator with every registration made once, at
// construction, and its translators for en, zh-Hans and zh-Hant. It is never
// changed afterwards and is safe for concurrent use.
type fieldValidator struct {
	v     *validator.Validate
	trans [3]ut.Translator
}

var theValidator = sync.OnceValue(newFieldValidator)

func newFieldValidator() *fieldValidator {
	v := validator.New()
	// Paths in the file's own keys: items[1].unit_price.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// Amounts and dates are checked as their text, so that "required"
	// means "not zero" and "not set".
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		switch x := f.Interface().(type) {
		case Amount:
			if x.IsZero() {
				return ""
			}
			return x.String()
		case Date:
			return x.String()
		}
		return nil
	}, Amount{}, Date{})

	enL, zhL, twL := en.New(), zh.New(), zh_Hant_TW.New()
	uni := ut.New(enL, enL, zhL, twL)
	fv := &fieldValidator{v: v}
	fv.trans[0], _ = uni.GetTranslator(enL.Locale())
	fv.trans[1], _ = uni.GetTranslator(zhL.Locale())
	fv.trans[2], _ = uni.GetTranslator(twL.Locale())
	for i, register := range []func(*validator.Validate, ut.Translator) error{
		en_translations.RegisterDefaultTranslations,
		zh_translations.RegisterDefaultTranslations,
		zh_tw_translations.RegisterDefaultTranslations,
	} {
		if err := register(v, fv.trans[i]); err != nil {
			panic("agreement: registering validator translations: " + err.Error())
		}
	}
	return fv
}

// Validate checks the terms and returns every finding, errors and warnings,
// sorted by their position in the file (then by path). It returns nil when
// there is nothing to report. Findings about a value the file does not have
// are placed at the nearest enclosing value it does have.
//
// Field rules (required keys, allowed values, lengths) come from the
// `validate` tags of the model, checked with go-playground/validator; the
// rules that tie fields together are this package's (see the Rule
// constants and doc/format.md). A finding of [SeverityError] blocks
// rendering and signing; [SeverityWarning] does not.
func (a *Agreement) Validate() []*FieldError {
	if a == nil {
		return []*FieldError{{Rule: RuleEmpty, Severity: SeverityError}}
	}
	var out []*FieldError
	fv := theValidator()
	if err := fv.v.Struct(a); err != nil {
		var ves validator.ValidationErrors
		if errors.As(err, &ves) {
			for _, fe := range ves {
				out = append(out, fv.finding(fe))
			}
		}
	}
	out = append(out, a.crossRules()...)
	for _, f := range out {
		f.File = a.source
		if f.Line == 0 {
			f.Line, f.Column = a.position(f.Path)
		}
		if _, written := a.pos[f.Path]; written && f.Rule == "required" && f.Value == "0" {
			// quantity: 0 is not a missing key.
			f.msgs = &zeroMessage
		}
	}
	slices.SortStableFunc(out, func(x, y *FieldError) int {
		return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column), strings.Compare(x.Path, y.Path))
	})
	return out
}

// Check returns nil when the terms have no error-severity finding, and
// otherwise a *[ValidationError] holding the errors (warnings left out).
func (a *Agreement) Check() error {
	var errs []*FieldError
	for _, f := range a.Validate() {
		if f.Severity == SeverityError {
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Fields: errs}
}

// finding converts a validator error, translating it now into each locale:
// this package's catalog where it has the tag, the validator's own
// translations otherwise.
func (fv *fieldValidator) finding(fe validator.FieldError) *FieldError {
	path := fe.Namespace()
	if _, rest, ok := strings.Cut(path, "."); ok {
		path = rest
	}
	f := &FieldError{Path: path, Rule: fe.Tag(), Param: fe.Param(), Severity: SeverityError}
	if v := fe.Value(); v != nil {
		if rv := reflect.ValueOf(v); rv.Kind() != reflect.Slice && rv.Kind() != reflect.Struct && rv.Kind() != reflect.Pointer {
			f.Value = toString(v)
		}
	}
	if f.Value == "" && typeAt(path) == reflect.TypeFor[Amount]() {
		f.Value = "0" // a zero amount is checked as "", and was written as 0 if at all
	}
	if _, ours := catalog[f.Rule]; ours {
		return f
	}
	if f.Rule == "oneof" {
		if f.msgs = oneofMessages(path, f.Value); f.msgs != nil {
			return f
		}
	}
	var msgs [3]string
	for i, t := range fv.trans {
		if s := fe.Translate(t); s != fe.Error() {
			msgs[i] = withoutField(i, fe.Field(), s)
		}
	}
	f.msgs = &msgs
	return f
}

// typeAt returns the type of the field at path ("items[0].unit_price"),
// or nil.
func typeAt(path string) reflect.Type {
	t := reflect.TypeFor[Agreement]()
	for seg := range strings.SplitSeq(path, ".") {
		name, _, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil
		}
		i, ok := structFields(t)[name]
		if !ok {
			return nil
		}
		t = t.Field(i).Type
		if strings.Contains(seg, "[") {
			t = t.Elem()
		}
	}
	return t
}

// fieldSubject stands for the key in validator's messages, which start
// with it ("quantity is a required field"): the finding's path already
// names the key, and repeating it reads as a stutter.
var fieldSubject = [3]string{"this field", "此项", "此項"}

// zeroMessage replaces "required" for a number given as 0.
var zeroMessage = [3]string{"this field cannot be 0", "此项不能为 0", "此項不能為 0"}

func withoutField(i int, field, msg string) string {
	rest, ok := strings.CutPrefix(msg, field)
	if !ok || field == "" {
		return msg
	}
	msg = fieldSubject[i] + rest
	if i == 0 {
		msg = strings.Replace(msg, " is a required field", " is required", 1)
	}
	return msg
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// position returns where path, or failing that its nearest enclosing path,
// was written; 0, 0 for an agreement not decoded from a file.
func (a *Agreement) position(path string) (line, col int) {
	if a.pos == nil {
		return 0, 0
	}
	for {
		if p, ok := a.pos[path]; ok {
			return p.line, p.column
		}
		if path == "" {
			return 0, 0
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}
