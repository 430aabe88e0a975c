package agreement

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isBidiControl reports the explicit bidirectional formatting characters
// (UAX #9): embeddings, overrides, isolates and the marks. Inside terms
// they can make a price, a date or a name display in another order than
// it is stored and signed ("Trojan Source"), so no text may hold them.
// Right-to-left letters themselves are fine.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isInvisible reports characters that draw nothing or look like a plain
// space: format characters (zero-width space and joiners, word joiner,
// soft hyphen, …), spaces other than U+0020, and the line and paragraph
// separators. In an identifier (an account, a contract number, an order
// number, a contact) they make two values that look the same differ.
func isInvisible(r rune) bool {
	return r != ' ' && (unicode.In(r, unicode.Cf, unicode.Zs, unicode.Zl, unicode.Zp) || isFiller(r))
}

// identifiers are the fields whose values people compare by eye. A
// contact may hold any space (a phone number typed with U+3000), not the
// other invisible characters.
var identifiers = map[string]func(rune) bool{
	"id": isInvisible, "account": isInvisible, "order_id": isInvisible, "card_last4": isInvisible,
	"contact": func(r rune) bool { return isInvisible(r) && !unicode.Is(unicode.Zs, r) },
}

// text checks every string in the terms for bidi controls, every
// identifier for invisible characters, and every text for the line and
// paragraph separators, which break lines unseen.
func (r *rules) text() {
	walkText(reflect.ValueOf(r.a).Elem(), "", "", func(path, key, s string) {
		if i := strings.IndexFunc(s, isBidiControl); i >= 0 {
			r.err(path, RuleBidiControl, "", runeAt(s, i))
			return
		}
		f := func(c rune) bool { return c == 0x2028 || c == 0x2029 }
		if g := invisibleRule(path, key); g != nil {
			f = g
		}
		if i := strings.IndexFunc(s, f); i >= 0 {
			r.err(path, RuleInvisible, "", runeAt(s, i))
			return
		}
		if mixedScript[key] {
			if i := lookAlike(s); i >= 0 {
				r.err(path, RuleMixedScript, "", runeAt(s, i))
			}
		}
	})
}

// mixedScript are the identifiers checked for letters of look-alike
// scripts: the contact too, where an e-mail address is compared by eye.
var mixedScript = map[string]bool{"id": true, "account": true, "order_id": true, "contact": true}

// lookAlike returns the byte index of the first Cyrillic or Greek letter
// in s when s also has Latin letters, and -1 otherwise. Such a mix
// ("pаypal" with a Cyrillic а) is how one account is made to pass for
// another; Latin mixed with Han, kana or Hangul is ordinary and allowed.
// Whole-script look-alikes (an account all in Cyrillic) need the Unicode
// confusables data and are not caught.
func lookAlike(s string) int {
	latin, other := false, -1
	for i, c := range s {
		switch {
		case unicode.Is(unicode.Latin, c):
			latin = true
		case other < 0 && (unicode.Is(unicode.Cyrillic, c) || unicode.Is(unicode.Greek, c)):
			other = i
		}
	}
	if latin {
		return other
	}
	return -1
}

// runeAt names the character at byte i of s as findings do: U+202E.
func runeAt(s string, i int) string {
	c, _ := utf8.DecodeRuneInString(s[i:])
	return fmt.Sprintf("U+%04X", c)
}

// dateValues reports every date that is set but is not a calendar day:
// one built in Go, since decoding refuses them.
func (r *rules) dateValues() {
	walk(reflect.ValueOf(r.a).Elem(), "", "", nil, func(path string, d Date) {
		if !d.IsZero() && !d.Valid() {
			r.err(path, RuleDate, "", d.String())
		}
	})
}

// walkText calls f with the path, the key and the value of every string
// field, list element and string-typed enum in v, named as the terms file
// names them. Amounts and dates have their own syntax and are skipped.
func walkText(v reflect.Value, path, key string, f func(path, key, s string)) {
	walk(v, path, key, f, nil)
}

// walk calls str (if not nil) for every string in v as walkText does, and
// date (if not nil) for every Date.
func walk(v reflect.Value, path, key string, str func(path, key, s string), date func(path string, d Date)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, key, str, date)
		}
	case reflect.String:
		if v.Len() > 0 && str != nil {
			str(path, key, v.String())
		}
	case reflect.Slice:
		for i := range v.Len() {
			walk(v.Index(i), path+"["+strconv.Itoa(i)+"]", key, str, date)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Date]() {
			if date != nil {
				date(path, v.Interface().(Date))
			}
			return
		}
		if v.Type() == reflect.TypeFor[Amount]() {
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walk(v.Field(i), p, name, str, date)
		}
	}
}

// sameAccount reports two accounts that read the same: equal after
// compatibility normalisation (full-width letters, ligatures), case
// folding and trimming.
func sameAccount(x, y string) bool {
	x, y = norm.NFKC.String(strings.TrimSpace(x)), norm.NFKC.String(strings.TrimSpace(y))
	return x != "" && strings.EqualFold(x, y)
}
