package confirm

import "github.com/tradepact/tradepact/agreement"

// MatchLanguage returns the language of [RecordLanguages] ("en", "zh-Hans"
// or "zh-Hant") that best serves an HTTP Accept-Language header, for
// [ErrorMessage] and [Result.Record]: zh-TW and zh-HK read Traditional
// Chinese, zh-CN and zh-SG Simplified; anything else, or a header that does
// not parse, gives "en". It is [agreement.MatchLocale] as a string.
func MatchLanguage(acceptLanguage string) string {
	return string(agreement.MatchLocale(acceptLanguage))
}
