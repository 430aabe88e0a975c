package agreement

import (
	"errors"
	"fmt"
	"strings"
)

// Errors returned by [Money.Capital].
var (
	ErrCapitalLocale = errors.New("capital numerals are written only for zh-Hans and zh-Hant")
	ErrCapitalRange  = errors.New("amount cannot be written in capital numerals")
)

// capitalScript is the characters of one script.
type capitalScript struct {
	digits [10]string // 零 壹 貳 …
	small  [4]string  // "", 拾, 佰, 仟
	// big are the units of the 4-digit sections above the first:
	// 萬/万 (10^4), 億/亿 (10^8), and for 10^12 兆 in Taiwan usage, 万亿 in
	// mainland usage (see [Money.Capital]).
	big                    [4]string
	yuan, jiao, fen, whole string
}

var (
	capitalHant = capitalScript{
		digits: [10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"},
		small:  [4]string{"", "拾", "佰", "仟"},
		big:    [4]string{"", "萬", "億", "兆"},
		yuan:   "元", jiao: "角", fen: "分", whole: "整",
	}
	capitalHans = capitalScript{
		digits: [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
		small:  [4]string{"", "拾", "佰", "仟"},
		big:    [4]string{"", "万", "亿", "万亿"},
		yuan:   "元", jiao: "角", fen: "分", whole: "整",
	}
)

// maxCapital bounds the major units Capital writes: four sections of four
// digits (up to 9999兆 / 9999万亿).
const maxCapital = 10_000_000_000_000_000

// Capital writes m in Chinese capital numerals (大寫) for locale zh-Hant or
// zh-Hans, prefixed by the currency's name in that script (人民币, 新臺幣,
// 港幣, 美元 …; the ISO code when the table has no Chinese name):
//
//	¥1,001.50 in zh-Hans      人民币壹仟零壹元伍角整
//	NT$920 in zh-Hant         新臺幣玖佰貳拾元整
//	¥1,000,010.50 in zh-Hans  人民币壹佰万零壹拾元伍角整
//	¥16,409.02 in zh-Hans     人民币壹万陆仟肆佰零玖元零贰分
//
// It follows the PBoC rules for writing amounts on bills
// (正确填写票据和结算凭证的基本规定): only the characters 零壹贰叁肆伍陆柒捌玖
// 拾佰仟万亿元角分整 (zh-Hant: 零壹貳參肆伍陸柒捌玖拾佰仟萬億兆元角分整);
// 壹 is always written before 拾 (壹拾元, never 拾元); 整 follows 元 or
// 角 when there are no 分, and never follows 分; a zero 角 between 元 and
// a non-zero 分 is written 零 (叁佰贰拾伍元零肆分); a run of zeros between
// non-zero digits is written as one 零 (陆仟零柒元).
//
// Where the rules allow either (rule 4.3: a zero in the 万 or 元 place
// followed by a non-zero 千 or 角 may be written 零 or not), Capital follows
// the ordinary reading of Chinese numbers: zeros at the end of a four-digit
// section (万, 亿, or the 元 section before 角) are not written, zeros at
// the start of a section are: 100,100 is 壹拾万零壹佰, 101,000 is
// 壹拾万壹仟, 1,000,010.50 is 壹佰万零壹拾元伍角整, and 107,000.53 is
// 壹拾万柒仟元伍角叁分. An amount under one unit starts at its first
// non-zero digit: 0.05 is 伍分, 0.50 伍角整; zero is 零元整. 元 is used in
// both scripts (新臺幣…元整, as Taiwanese cheques write it). For 10^12 and
// above zh-Hant writes 兆 (Taiwan usage) and zh-Hans 万亿 (兆 is ambiguous
// on the mainland).
//
// Capital fails for other locales ([ErrCapitalLocale]) and for negative
// amounts, currencies with more than two decimals and amounts of 10^16
// major units or more ([ErrCapitalRange]).
func (m Money) Capital(l Locale) (string, error) {
	var sc *capitalScript
	switch l {
	case LocaleZHHans:
		sc = &capitalHans
	case LocaleZHHant:
		sc = &capitalHant
	default:
		return "", fmt.Errorf("agreement: %q: %w", l, ErrCapitalLocale)
	}
	d := m.Currency.Decimals
	switch {
	case m.Minor < 0:
		return "", fmt.Errorf("agreement: %s: %w: negative", m, ErrCapitalRange)
	case d > 2:
		return "", fmt.Errorf("agreement: %s: %w: %s has %d decimals (角 and 分 are two)", m, ErrCapitalRange, m.Currency.Code, d)
	}
	p := int64(1)
	for range d {
		p *= 10
	}
	major, minor := m.Minor/p, m.Minor%p
	if major >= maxCapital {
		return "", fmt.Errorf("agreement: %s: %w: too large", m, ErrCapitalRange)
	}
	var jiao, fen int64
	switch d {
	case 1:
		jiao = minor
	case 2:
		jiao, fen = minor/10, minor%10
	}

	var b strings.Builder
	b.WriteString(m.Currency.LocalName(l))
	if major > 0 {
		sc.writeInteger(&b, major)
		b.WriteString(sc.yuan)
	} else if jiao == 0 && fen == 0 {
		b.WriteString(sc.digits[0])
		b.WriteString(sc.yuan)
	}
	if jiao == 0 && fen == 0 {
		b.WriteString(sc.whole)
		return b.String(), nil
	}
	if jiao > 0 {
		b.WriteString(sc.digits[jiao])
		b.WriteString(sc.jiao)
	} else if major > 0 {
		b.WriteString(sc.digits[0]) // 元零贰分 (rule 4.4)
	}
	if fen > 0 {
		b.WriteString(sc.digits[fen])
		b.WriteString(sc.fen)
	} else {
		b.WriteString(sc.whole) // 伍角整
	}
	return b.String(), nil
}

// writeInteger writes n > 0 (n < maxCapital) in capital numerals, section
// by section from the highest.
func (sc *capitalScript) writeInteger(b *strings.Builder, n int64) {
	var sections [4]int64
	for i := range sections {
		sections[i] = n % 10000
		n /= 10000
	}
	started, zero := false, false
	for s := 3; s >= 0; s-- {
		v := sections[s]
		if v == 0 {
			zero = zero || started
			continue
		}
		digits := [4]int64{v % 10, v / 10 % 10, v / 100 % 10, v / 1000}
		for i := 3; i >= 0; i-- {
			dg := digits[i]
			if dg == 0 {
				zero = zero || started
				continue
			}
			if zero {
				b.WriteString(sc.digits[0])
				zero = false
			}
			b.WriteString(sc.digits[dg])
			b.WriteString(sc.small[i])
			started = true
		}
		unit := sc.big[s]
		if s == 3 && sc.big[3] == "万亿" && sections[2] != 0 {
			// 壹拾贰万叁仟肆佰伍拾陆亿: the 亿 comes after the next section.
			unit = "万"
		}
		b.WriteString(unit)
		// Zeros at the end of a section are not written (壹拾万壹仟).
		zero = false
	}
}
