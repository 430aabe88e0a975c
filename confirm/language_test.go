package confirm_test

import (
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

func TestMatchLanguage(t *testing.T) {
	for header, want := range map[string]string{
		"zh-TW,zh;q=0.9,en;q=0.8": "zh-Hant",
		"zh-HK":                   "zh-Hant",
		"zh-Hant-TW":              "zh-Hant",
		"zh-CN,zh;q=0.9":          "zh-Hans",
		"zh-SG":                   "zh-Hans",
		"zh":                      "zh-Hans",
		"en-GB,en;q=0.9":          "en",
		"fr-FR":                   "en",
		"":                        "en",
		"@@@":                     "en",
		"fr;q=0.9,zh-TW;q=0.5":    "zh-Hant",
	} {
		if got := confirm.MatchLanguage(header); got != want {
			t.Errorf("%q: %q, want %q", header, got, want)
		}
	}
}
