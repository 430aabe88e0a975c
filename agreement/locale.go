package agreement

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// ParseLocale returns the [Locale] s names: "en", "zh-Hans" or "zh-Hant",
// in any letter case, or an error naming the three.
func ParseLocale(s string) (Locale, error) {
	for _, l := range Locales {
		if strings.EqualFold(s, string(l)) {
			return l, nil
		}
	}
	return "", fmt.Errorf("agreement: unknown locale %q: want en, zh-Hans or zh-Hant", s)
}

// localeTags are the locales as language tags, in the order of Locales;
// the first is the matcher's default.
var localeTags = []language.Tag{language.English, language.SimplifiedChinese, language.TraditionalChinese}

var localeMatcher = language.NewMatcher(localeTags)

// maxAcceptLanguage bounds the header MatchLocale reads: a real one is a
// few dozen bytes, and the parser's cost grows with its length.
const maxAcceptLanguage = 1024

// MatchLocale returns the supported locale that best fits an HTTP
// Accept-Language header, using the CLDR matching of
// golang.org/x/text/language: zh-TW, zh-HK, zh-MO and zh-Hant give
// zh-Hant; zh, zh-CN, zh-SG and zh-Hans give zh-Hans; en and every en-*
// give en. Weights (q=) are honoured. A header that names no supported
// language, an empty one and one that does not parse give en. Only the
// first 1024 bytes are read.
func MatchLocale(acceptLanguage string) Locale {
	if len(acceptLanguage) > maxAcceptLanguage {
		acceptLanguage = acceptLanguage[:maxAcceptLanguage]
		if i := strings.LastIndexByte(acceptLanguage, ','); i >= 0 {
			acceptLanguage = acceptLanguage[:i]
		}
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return LocaleEN
	}
	_, i, conf := localeMatcher.Match(tags...)
	if conf == language.No {
		return LocaleEN
	}
	return Locales[i]
}
