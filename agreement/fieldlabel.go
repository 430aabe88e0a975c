package agreement

import (
	"reflect"
	"strconv"
	"strings"
)

// FieldLabel returns a label for people of the field at path, in locale l:
// the labels of each key joined by " › ", a list index counted from 1
// ("items[1].unit_price" is "Items 2 › Unit price", "商品 2 › 单价"). A key
// the model does not have is shown as written, so any path gets a label.
func FieldLabel(path string, l Locale) string {
	if path == "" {
		return ""
	}
	i := localeIndex(l)
	t := reflect.TypeFor[Agreement]()
	var parts []string
	for seg := range strings.SplitSeq(path, ".") {
		name, idx, indexed := strings.Cut(seg, "[")
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
			t = t.Elem()
		}
		label := name
		var next reflect.Type
		if t != nil && t.Kind() == reflect.Struct {
			if j, ok := structFields(t)[name]; ok {
				if ls, ok := fieldLabels[t.Name()+"."+name]; ok {
					label = ls[i]
				}
				next = t.Field(j).Type
			}
		}
		t = next
		for indexed {
			var n string
			n, idx, _ = strings.Cut(idx, "]")
			if k, err := strconv.Atoi(n); err == nil {
				label += " " + strconv.Itoa(k+1)
			}
			_, idx, indexed = strings.Cut(idx, "[")
		}
		parts = append(parts, label)
	}
	return strings.Join(parts, " › ")
}

// enumMessages is the sentence for a value a oneof rule refused, naming
// the allowed values by their labels and keys: {value}, then the list.
var enumMessages = [3]struct{ given, empty, sep, item string }{
	{"%s is not one of the choices: ", "choose one of: ", ", ", "%s (%s)"},
	{"%s 不是可选的值，请选择：", "请选择：", "、", "%s（%s）"},
	{"%s 不是可選的值，請選擇：", "請選擇：", "、", "%s（%s）"},
}

// oneofMessages returns the messages of a oneof finding at path with the
// value given, naming the allowed values by label; nil when path is not an
// enumerated field.
func oneofMessages(path, value string) *[3]string {
	e, allowed, ok := AllowedValues(path)
	if !ok || e == "" {
		return nil
	}
	var out [3]string
	for i, m := range enumMessages {
		var b strings.Builder
		if value != "" {
			b.WriteString(strings.Replace(m.given, "%s", quote(value), 1))
		} else {
			b.WriteString(m.empty)
		}
		for k, v := range allowed {
			if k > 0 {
				b.WriteString(m.sep)
			}
			label, _ := e.Label(v, Locales[i])
			item := strings.Replace(m.item, "%s", label, 1)
			b.WriteString(strings.Replace(item, "%s", v, 1))
		}
		out[i] = b.String()
	}
	return &out
}

// withLabel writes an enum value as its label followed by the key:
// "Taiwan (TW)", "臺灣（TW）"; an unknown value as it is.
func withLabel(e Enum, v string, l Locale) string {
	label, ok := e.Label(v, l)
	if !ok {
		return v
	}
	if l == LocaleZHHans || l == LocaleZHHant {
		return label + "（" + v + "）"
	}
	return label + " (" + v + ")"
}

// readableValue rewrites the value of a finding where it is an enum key
// the message quotes: the governing law. Other values are returned as
// they are.
func readableValue(rule, value string, l Locale) string {
	if rule == RuleGoverningLaw {
		return withLabel(EnumJurisdiction, value, l)
	}
	return value
}

// readableParam rewrites the param of a date-order finding, "PATH (DATE)",
// naming the field by its label: "Agreement date (2026-11-20)",
// "约定日期（2026-11-20）", and the jurisdiction of a governing-law
// finding by its label. Other params are returned as they are.
func readableParam(rule, param string, l Locale) string {
	if rule == RuleGoverningLaw {
		return withLabel(EnumJurisdiction, param, l)
	}
	if rule != RuleNotBefore && rule != RuleNotAfter {
		return param
	}
	path, rest, ok := strings.Cut(param, " (")
	date, ok2 := strings.CutSuffix(rest, ")")
	if !ok || !ok2 {
		return param
	}
	if l == LocaleZHHans || l == LocaleZHHant {
		return FieldLabel(path, l) + "（" + date + "）"
	}
	label := FieldLabel(path, l)
	if label != "" {
		label = "the " + strings.ToLower(label[:1]) + label[1:]
	}
	return label + " (" + date + ")"
}
