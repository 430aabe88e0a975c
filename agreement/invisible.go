package agreement

import (
	"unicode"

	"github.com/tradepact/tradepact/internal/safetext"
)

// isFiller reports the characters that draw nothing although they are
// not format characters: the Hangul fillers (U+115F, U+1160, U+3164,
// U+FFA0), the combining grapheme joiner U+034F, the Khmer inherent vowels
// U+17B4 and U+17B5, the variation selectors and the Braille blank U+2800
// (see safetext.Invisible). An account padded with one looks like
// another, or like nothing at all.
func isFiller(r rune) bool { return safetext.Invisible(r) }

// partyNames are the names people compare by eye to know who they deal
// with: no invisible character, but any space (names are written with
// spaces, and U+3000 in CJK text).
var partyNames = map[string]bool{"seller.name": true, "buyer.name": true}

// invisibleRule returns the check for invisible characters in the string
// at path (whose last key is key): the identifier's rule, the party
// names' rule, or nil for free text.
func invisibleRule(path, key string) func(rune) bool {
	if partyNames[path] {
		return func(r rune) bool { return isInvisible(r) && !unicode.Is(unicode.Zs, r) }
	}
	return identifiers[key]
}
