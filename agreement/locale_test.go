package agreement_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func TestMatchLocale(t *testing.T) {
	for _, c := range []struct {
		header string
		want   agreement.Locale
	}{
		{"", agreement.LocaleEN},
		{"zh-TW", agreement.LocaleZHHant},
		{"zh-HK", agreement.LocaleZHHant},
		{"zh-MO", agreement.LocaleZHHant},
		{"zh-Hant", agreement.LocaleZHHant},
		{"zh-Hant-TW", agreement.LocaleZHHant},
		{"zh-CN", agreement.LocaleZHHans},
		{"zh-SG", agreement.LocaleZHHans},
		{"zh", agreement.LocaleZHHans},
		{"zh-Hans-CN", agreement.LocaleZHHans},
		{"en-US", agreement.LocaleEN},
		{"en-GB,en;q=0.9", agreement.LocaleEN},
		{"fr-FR", agreement.LocaleEN},
		{"ja-JP", agreement.LocaleEN},
		{"*", agreement.LocaleEN},
		{"fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.5", agreement.LocaleZHHant},
		{"en;q=0.3,zh-CN;q=0.9", agreement.LocaleZHHans},
		{"zh-HK;q=0.2,en-US;q=0.8", agreement.LocaleEN},
		{"zh-TW,zh;q=0.9,en-US;q=0.8", agreement.LocaleZHHant},
		{"zh-cn", agreement.LocaleZHHans},
		{";;;,,,=", agreement.LocaleEN},
		{"zh-TW;q=abc", agreement.LocaleEN},
		{strings.Repeat("fr-FR;q=0.1,", 10000) + "zh-TW", agreement.LocaleEN},
		{"zh-TW," + strings.Repeat("x", 5000), agreement.LocaleZHHant},
	} {
		name := c.header
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if got := agreement.MatchLocale(c.header); got != c.want {
			t.Errorf("MatchLocale(%q) = %s; want %s", name, got, c.want)
		}
	}
}

func TestParseLocale(t *testing.T) {
	for in, want := range map[string]agreement.Locale{"en": agreement.LocaleEN, "zh-hans": agreement.LocaleZHHans, "ZH-HANT": agreement.LocaleZHHant} {
		if got, err := agreement.ParseLocale(in); err != nil || got != want {
			t.Errorf("ParseLocale(%q) = %s, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "zh", "zh-TW", "fr"} {
		if _, err := agreement.ParseLocale(in); err == nil || !strings.Contains(err.Error(), "en, zh-Hans or zh-Hant") {
			t.Errorf("ParseLocale(%q): %v", in, err)
		}
	}
}
