package templates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/tradepact/tradepact/agreement"
)

// funcMap is the fixed function map of the templates of locale l. Every
// function is pure: no clock, no environment.
//
//	money M          format Money ("NT$1,200", "¥1,200.00", "US$12.50")
//	capital M        Money in Chinese capital numerals (大寫)
//	date D           a Date ("November 22, 2026", "2026年11月22日")
//	days N, hours N  a duration ("7 days", "7 日", "7 天"; "24 hours", "24 小時")
//	label G V        the label of enum value V of group G ("payment.escrow")
//	labels G VS      the labels of several values, joined as a list
//	steps VS         dispute steps joined with arrows
//	law J            the name of the law of jurisdiction J
//	cite J K         the source of legal point K under jurisdiction J, or ""
//	currency C       the currency's name in the locale
//	moneyin A CODE   amount A in another currency (a store price)
//	inc I            I+1, for numbering from a range index
//	has VS V         whether the list VS holds V
//	cn N             N in Chinese numerals (第一條)
//	md S             S escaped for inline Markdown, on one line
//	para S           S escaped for Markdown, keeping its paragraphs
//	last I S         whether I is the last index of slice S
//	t KEY N V…       sentence KEY of the locale's catalog, placeholder N = V
//	opt C KEY N V…   t KEY N V… when C is true (not zero), else ""
//	heading N TITLE  an article heading ("## Article 3. Price")
//	partyText P      a party's name, account, contact and capacity
//	cited J K LAW AGREED  sentence LAW with {law} the source of legal
//	                 point K under J, or sentence AGREED when it has none
func funcMap(l agreement.Locale, cat catalog) template.FuncMap {
	t := func(key string, args ...any) (string, error) { return cat.fill(l, key, args...) }
	return template.FuncMap{
		"t": t,
		"opt": func(cond any, key string, args ...any) (string, error) {
			if truth, _ := template.IsTrue(cond); !truth {
				return "", nil
			}
			return t(key, args...)
		},
		"heading": func(n int, title string) (string, error) { return t("heading", "n", n, "title", title) },
		"partyText": func(p agreement.Party) (string, error) {
			contact := ""
			if p.Contact != "" {
				var err error
				if contact, err = t("party.contact", "contact", escapeInline(p.Contact)); err != nil {
					return "", err
				}
			}
			if p.ContactCommitment != "" {
				// Contact details kept outside the record (issue 15).
				c, err := t("party.commitment", "commitment", escapeInline(p.ContactCommitment))
				if err != nil {
					return "", err
				}
				contact += c
			}
			key := "party.private"
			if p.Business {
				key = "party.business"
			}
			return t(key, "name", escapeInline(p.Name), "account", escapeInline(p.Account), "contact", contact)
		},
		"cited": func(j agreement.Jurisdiction, point, lawKey, agreedKey string) (string, error) {
			if c := citations[l][string(j)+"."+point]; c != "" {
				return t(lawKey, "law", c)
			}
			return t(agreedKey)
		},
		"money":   func(m agreement.Money) string { return m.Format(l) },
		"capital": func(m agreement.Money) (string, error) { return m.Capital(l) },
		"date":    func(d agreement.Date) string { return formatDate(d, l) },
		"days":    func(n int) string { return duration(n, l, "day") },
		"hours":   func(n int) string { return duration(n, l, "hour") },
		"label":   func(group string, v any) (string, error) { return label(l, group, fmt.Sprint(v)) },
		"labels": func(group string, vs []string) (string, error) {
			var out []string
			for _, v := range vs {
				s, err := label(l, group, v)
				if err != nil {
					return "", err
				}
				out = append(out, s)
			}
			return joinList(out, l), nil
		},
		"steps": func(vs []string) (string, error) {
			var out []string
			for _, v := range vs {
				s, err := label(l, "step", v)
				if err != nil {
					return "", err
				}
				out = append(out, s)
			}
			return strings.Join(out, " → "), nil
		},
		"law": func(j agreement.Jurisdiction) (string, error) { return label(l, "law", string(j)) },
		"cite": func(j agreement.Jurisdiction, key string) string {
			return citations[l][string(j)+"."+key]
		},
		"currency": func(c agreement.Currency) string { return c.LocalName(l) },
		"moneyin": func(a agreement.Amount, code string) (string, error) {
			c, ok := agreement.LookupCurrency(code)
			if !ok {
				return "", fmt.Errorf("unknown currency %q", code)
			}
			m, err := c.Money(a)
			if err != nil {
				return "", err
			}
			return m.Format(l), nil
		},
		"inc":  func(i int) int { return i + 1 },
		"has":  func(vs []string, v string) bool { return slices.Contains(vs, v) },
		"cn":   chineseNumber,
		"md":   escapeInline,
		"para": escapePara,
		"last": func(i int, s any) bool {
			switch s := s.(type) {
			case []string:
				return i == len(s)-1
			case []line:
				return i == len(s)-1
			}
			return false
		},
	}
}

var monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func formatDate(d agreement.Date, l agreement.Locale) string {
	if d.IsZero() {
		return ""
	}
	if l == agreement.LocaleEN {
		return fmt.Sprintf("%s %d, %d", monthsEN[d.Month], d.Day, d.Year)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

func duration(n int, l agreement.Locale, unit string) string {
	switch l {
	case agreement.LocaleZHHant:
		if unit == "day" {
			return strconv.Itoa(n) + " 日"
		}
		return strconv.Itoa(n) + " 小時"
	case agreement.LocaleZHHans:
		if unit == "day" {
			return strconv.Itoa(n) + " 天"
		}
		return strconv.Itoa(n) + " 小时"
	}
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func joinList(items []string, l agreement.Locale) string {
	if l != agreement.LocaleEN {
		return strings.Join(items, "、")
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + " and " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// chineseNumber writes 1–999 in Chinese numerals as used for article
// numbers: 一, 十, 十一, 二十, 一百零一.
func chineseNumber(n int) string {
	d := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n <= 0 || n >= 1000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(d[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if !(t == 1 && h == 0) {
			b.WriteString(d[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(d[u])
	}
	return b.String()
}

// escapeInline escapes s for inline Markdown: the characters that start
// emphasis, code, links, HTML, tables and entities get a backslash, a
// leading block marker ("- ", "+ ", "1. ", "# ") is neutralised, and line
// breaks become spaces.
func escapeInline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	marker := func(i int) bool { return i == len(out) || out[i] == ' ' }
	switch {
	case out == "":
	case (out[0] == '-' || out[0] == '+') && marker(1), out[0] == '#':
		out = "\\" + out
	default:
		if i := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (out[i] == '.' || out[i] == ')') && marker(i+1) {
			out = out[:i] + "\\" + out[i:]
		}
	}
	return out
}

// escapePara escapes s like escapeInline but keeps blank-line-separated
// paragraphs.
func escapePara(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = escapeInline(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
