package confirm

import "golang.org/x/text/language"

var languageMatcher = language.NewMatcher([]language.Tag{language.English, language.SimplifiedChinese, language.TraditionalChinese})

// MatchLanguage returns the language of [RecordLanguages] ("en", "zh-Hans"
// or "zh-Hant") that best serves an HTTP Accept-Language header, for
// [ErrorMessage] and [Result.Record]: zh-TW and zh-HK read Traditional
// Chinese, zh-CN and zh-SG Simplified; anything else, or a header that does
// not parse, gives "en".
func MatchLanguage(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := languageMatcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return RecordLanguages[i]
}
